//! Active listening practice on one phone: one partner speaks while the
//! other listens and reflects back, on a turn timer; then they swap; then
//! each says what they heard.

use super::appreciation::Partner;
use super::timer::Timer;

pub const DEFAULT_TURN_MINUTES: u32 = 3;
pub const TURN_MINUTES: std::ops::RangeInclusive<u32> = 1..=10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `turn` 0 is the first speaker's, 1 the second's.
    Speaking { turn: u8 },
    /// Each says what they heard and what stood out.
    Closing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Practice {
    pub first: Partner,
    pub step: Step,
    pub timer: Timer,
    minutes: u32,
}

impl Practice {
    /// A practice with `first` speaking, paused until they are ready.
    pub fn new(first: Partner, minutes: u32) -> Practice {
        let minutes = minutes.clamp(*TURN_MINUTES.start(), *TURN_MINUTES.end());
        Practice {
            first,
            step: Step::Speaking { turn: 0 },
            timer: Timer::new(minutes),
            minutes,
        }
    }

    /// Who speaks now (`None` in the closing step).
    pub fn speaker(&self) -> Option<Partner> {
        match self.step {
            Step::Speaking { turn: 0 } => Some(self.first),
            Step::Speaking { .. } => Some(self.first.other()),
            Step::Closing => None,
        }
    }

    pub fn listener(&self) -> Option<Partner> {
        self.speaker().map(Partner::other)
    }

    /// Ends this turn: the listener speaks next, with a fresh timer; after
    /// both have spoken, the closing step.
    pub fn next(&mut self) {
        self.step = match self.step {
            Step::Speaking { turn: 0 } => Step::Speaking { turn: 1 },
            _ => Step::Closing,
        };
        self.timer = Timer::new(self.minutes);
    }
}
