//! The conflict time-out: a break of at least 20 minutes with an agreed
//! return time, and a paced breathing guide for the wait.
//!
//! The return time is an instant, so the time left is plain subtraction and
//! stays right across midnight and daylight-saving changes; only its label
//! is local, worked out from the local clock time the device reports for it.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Collection, Holder};
use super::id::RecordId;
use super::kind::Kind;
use super::revision::{Rev, Stamp};

/// Long enough for a racing heart to settle: shorter breaks rarely help.
pub const MIN_MINUTES: i64 = 20;
pub const MAX_MINUTES: i64 = 24 * 60;
pub const DEFAULT_MINUTES: i64 = 20;

/// One break, running or over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeOut {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub started: DateTime<Utc>,
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    /// The agreed return time.
    #[serde(with = "super::timestamp")]
    pub back_at: DateTime<Utc>,
    /// They came back (or called it off); `updated` says when.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ended: bool,
}

impl Kind for TimeOut {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.started));
    const KEY: &'static str = "time-out";
    const NOUN: (&'static str, &'static str) = ("time-out", "time-outs");
    const TRAVELS: bool = true;

    fn id(&self) -> &RecordId {
        &self.id
    }

    /// A return time never more than a day after the last change (starting
    /// and every extension agree on at most a day from then), and not before
    /// the start (give or take a clock put right).
    fn check(&self) -> Result<(), String> {
        if self.back_at > self.updated + TimeDelta::minutes(MAX_MINUTES + 60)
            || self.back_at < self.started - TimeDelta::days(1)
            || self.updated < self.started
        {
            return Err(String::from(
                "its return time is out of reach of its start and changes",
            ));
        }
        Ok(())
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeOutError {
    TooShort,
    TooLong,
}

impl std::fmt::Display for TimeOutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TimeOutError::TooShort => {
                "Give it at least 20 minutes: a body that is still racing can't listen yet."
            }
            TimeOutError::TooLong => "Agree to come back within a day.",
        })
    }
}

/// What a time-out shows now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Still apart: this many whole seconds to go.
    Apart(u32),
    /// The agreed time has come: time for the gentle restart.
    Return,
    Over,
}

impl TimeOut {
    /// Starts a break now, until `back_at`.
    pub fn start(
        id: RecordId,
        now: DateTime<Utc>,
        back_at: DateTime<Utc>,
    ) -> Result<TimeOut, TimeOutError> {
        let minutes = (back_at - now).num_seconds().div_euclid(60);
        // A minute's slack: a return time picked on the clock is rarely a whole minute away.
        if minutes < MIN_MINUTES - 1 {
            return Err(TimeOutError::TooShort);
        }
        if minutes > MAX_MINUTES {
            return Err(TimeOutError::TooLong);
        }
        Ok(TimeOut {
            id,
            started: now,
            updated: now,
            back_at,
            ended: false,
        })
    }

    pub fn phase(&self, now: DateTime<Utc>) -> Phase {
        if self.ended {
            return Phase::Over;
        }
        let left = (self.back_at - now).num_seconds();
        if left > 0 {
            Phase::Apart(left.min(i64::from(u32::MAX)) as u32)
        } else {
            Phase::Return
        }
    }

    /// Moves the return time (agreed again, within the same limits from now).
    pub fn extend(&mut self, now: DateTime<Utc>, minutes: i64) -> Result<(), TimeOutError> {
        let back_at = self.back_at.max(now) + TimeDelta::minutes(minutes);
        if (back_at - now).num_minutes() > MAX_MINUTES {
            return Err(TimeOutError::TooLong);
        }
        self.back_at = back_at;
        self.updated = now.max(self.updated);
        Ok(())
    }

    /// Both are ready before the agreed time: the restart starts now.
    pub fn come_back(&mut self, now: DateTime<Utc>) {
        self.back_at = self.back_at.min(now);
        self.updated = now.max(self.updated);
    }

    pub fn end(&mut self, now: DateTime<Utc>) {
        self.ended = true;
        self.updated = now.max(self.updated);
    }
}

/// The break still running or waiting for the restart, if any (the newest).
pub fn current(all: &[TimeOut]) -> Option<&TimeOut> {
    all.iter().filter(|t| !t.ended).max_by_key(|t| t.started)
}

impl Collection<TimeOut> {
    /// Starts a break now (`at.now`), until `back_at`.
    pub fn start(
        &mut self,
        id: RecordId,
        at: Stamp,
        back_at: DateTime<Utc>,
    ) -> Result<(), TimeOutError> {
        let time_out = TimeOut::start(id, at.now, back_at)?;
        self.put(time_out, at);
        Ok(())
    }

    /// Changes the running break, if there is one (`change` gets the time).
    pub fn edit_current<T>(
        &mut self,
        at: Stamp,
        change: impl FnOnce(&mut TimeOut, DateTime<Utc>) -> T,
    ) -> Option<T> {
        let id = current(self)?.id.clone();
        self.edit(&id, at, |time_out| change(time_out, at.now))
    }
}

/// The next time the local clock shows `at`, from `now_local`: later today,
/// or tomorrow. For "back at 21:30".
pub fn next_local(now_local: NaiveDateTime, at: NaiveTime) -> NaiveDateTime {
    let today = now_local.date().and_time(at);
    if today > now_local {
        today
    } else {
        today + TimeDelta::days(1)
    }
}

/// "21:30", or "21:30 tomorrow" when it falls on the next local day; the
/// caller's `clock` and `day` write times and dates the device's way.
pub fn back_label(
    back_local: NaiveDateTime,
    today: NaiveDate,
    clock: impl Fn(NaiveDateTime) -> String,
    day: impl Fn(NaiveDate) -> String,
) -> String {
    let at = clock(back_local);
    match (back_local.date() - today).num_days() {
        0 => at,
        1 => format!("{at} tomorrow"),
        _ => format!("{at} on {}", day(back_local.date())),
    }
}

/// The breathing guide's rhythm: in for 4, hold for 2, out for 6. A longer
/// out-breath is what calms.
pub const BREATH: [(Breath, u32); 3] = [(Breath::In, 4), (Breath::Hold, 2), (Breath::Out, 6)];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breath {
    In,
    Hold,
    Out,
}

/// Where the guide is `elapsed_secs` into breathing: the step, and the
/// seconds left in it (counted down on screen).
pub fn breath_at(elapsed_secs: u32) -> (Breath, u32) {
    let cycle: u32 = BREATH.iter().map(|(_, secs)| secs).sum();
    let mut into = elapsed_secs % cycle;
    for (breath, secs) in BREATH {
        if into < secs {
            return (breath, secs - into);
        }
        into -= secs;
    }
    unreachable!("`into` is less than the cycle's length")
}
