//! The daily appreciation ritual: each partner names one specific thing
//! they appreciate about the other. Specific is the point ("the way you
//! waited up with tea"), so a vague one gets a gentle nudge, never a block.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::id::RecordId;
use super::record;

/// Which of the two partners (their names live in Settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Partner {
    First,
    Second,
}

impl Partner {
    pub const BOTH: [Partner; 2] = [Partner::First, Partner::Second];

    pub fn other(self) -> Partner {
        match self {
            Partner::First => Partner::Second,
            Partner::Second => Partner::First,
        }
    }
}

/// Appreciating who someone is, or something they did: both matter, and
/// naming which helps the writer be specific.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    WhoTheyAre,
    SomethingTheyDid,
}

impl Focus {
    pub fn label(self) -> &'static str {
        match self {
            Focus::WhoTheyAre => "For who they are",
            Focus::SomethingTheyDid => "For something they did",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appreciation {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub created: DateTime<Utc>,
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    /// The local day it belongs to (see `day.rs`).
    #[serde(with = "super::timestamp::day")]
    pub day: NaiveDate,
    /// Who wrote it; it is about the other partner.
    pub from: Partner,
    pub focus: Focus,
    pub text: String,
    /// "Read aloud at the check-in".
    #[serde(default)]
    pub read_aloud: bool,
}

record::plain_record!(Appreciation);

/// The longest appreciation: a few sentences, not an essay.
pub const MAX_APPRECIATION_CHARS: usize = 1_000;

/// Words that on their own say nothing specific. An appreciation made only
/// of these ("you're so great", "love you, thanks for everything") is vague.
const GENERIC: &[&str] = &[
    "a",
    "all",
    "always",
    "amazing",
    "an",
    "and",
    "are",
    "awesome",
    "babe",
    "baby",
    "be",
    "being",
    "best",
    "brilliant",
    "dear",
    "darling",
    "everything",
    "fantastic",
    "for",
    "good",
    "great",
    "honey",
    "husband",
    "i",
    "im",
    "incredible",
    "is",
    "it",
    "just",
    "kind",
    "love",
    "lovely",
    "me",
    "much",
    "my",
    "nice",
    "of",
    "partner",
    "perfect",
    "person",
    "really",
    "so",
    "such",
    "sweet",
    "sweetest",
    "thank",
    "thanks",
    "that",
    "the",
    "to",
    "too",
    "very",
    "wife",
    "wonderful",
    "you",
    "youre",
    "your",
];

/// `Some(nudge)` when `text` is too vague to land, `None` when it is
/// specific enough. A rule of thumb, not a judge: the person may save anyway.
pub fn vagueness_nudge(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let all_generic = words.iter().all(|word| GENERIC.contains(&word.as_str()));
    (words.len() < 3 || all_generic).then_some(
        "Could you make it specific? Name one moment, or one thing they did, and what it meant to you.",
    )
}
