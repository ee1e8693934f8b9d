//! Mood on a 1–5 scale, always valid once constructed; stored as the
//! number, shown only as a word and a face.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Mood(u8);

impl Mood {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn all() -> impl Iterator<Item = Mood> {
        (Self::MIN..=Self::MAX).map(Mood)
    }

    pub fn new(value: u8) -> Option<Self> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Mood(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The scale's two ends, shown beside it so the words read as a range
    /// from heavy to light, not a grade.
    pub const ENDS: (&'static str, &'static str) = ("Heavy", "Light");
    /// The ends in a sentence, beside the scale.
    pub const RANGE: &'static str = "From heavy to light.";

    /// How the day felt, in a word: the only way a mood is shown (the
    /// stored number stays out of sight, so nothing reads as a score).
    pub fn word(self) -> &'static str {
        match self.0 {
            1 => "Heavy",
            2 => "Low",
            3 => "Steady",
            4 => "Warm",
            _ => "Light",
        }
    }

    /// A journal entry's mood, as its card says it: "Felt heavy".
    pub fn felt(self) -> String {
        let word = match self.0 {
            1 => "heavy",
            2 => "low",
            3 => "steady",
            4 => "warm",
            _ => "light",
        };
        format!("Felt {word}")
    }

    /// How far the drawn face's mouth bends, from −2 (down) to 2 (up).
    pub fn smile(self) -> i8 {
        self.0 as i8 - 3
    }

    /// How many of `moods` are each mood, lightest last, for the filter's
    /// "Heavy (2)"; moods nobody chose are left out, not counted as zero.
    pub fn tally(moods: impl IntoIterator<Item = Option<Mood>>) -> Vec<(Mood, usize)> {
        let mut counts = [0usize; Self::MAX as usize];
        for mood in moods.into_iter().flatten() {
            counts[usize::from(mood.0 - 1)] += 1;
        }
        Mood::all().zip(counts).filter(|(_, n)| *n > 0).collect()
    }
}

impl TryFrom<u8> for Mood {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Mood::new(value).ok_or_else(|| format!("mood must be 1 to 5, not {value}"))
    }
}

impl From<Mood> for u8 {
    fn from(mood: Mood) -> Self {
        mood.0
    }
}
