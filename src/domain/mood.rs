//! Mood on a 1–5 scale, always valid once constructed.

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

    /// Words for screen readers and for people who prefer them to numbers.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "Very low",
            2 => "Low",
            3 => "Okay",
            4 => "Good",
            _ => "Very good",
        }
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
