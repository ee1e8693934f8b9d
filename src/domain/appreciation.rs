//! The daily appreciation ritual: each partner names one specific thing
//! they appreciate about the other. Specific is the point ("the way you
//! waited up with tea"), so a vague one gets a gentle nudge, never a block.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Collection, Holder};
use super::id::RecordId;
use super::kind::{Kind, text_within};
use super::revision::{Rev, Stamp};

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

impl Kind for Appreciation {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.created));
    const KEY: &'static str = "appreciation";
    const NOUN: (&'static str, &'static str) = ("appreciation", "appreciations");
    const TRAVELS: bool = true;

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        text_within("text", &self.text, MAX_APPRECIATION_CHARS, true)
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }
}

/// The longest appreciation: a few sentences, not an essay.
pub const MAX_APPRECIATION_CHARS: usize = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppreciationError {
    Empty,
    TooLong,
}

impl std::fmt::Display for AppreciationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AppreciationError::Empty => "Write a sentence first.",
            AppreciationError::TooLong => "Keep it to a few sentences (1,000 characters).",
        })
    }
}

/// What a partner wrote, before it is kept.
pub struct Written<'a> {
    pub from: Partner,
    pub focus: Focus,
    pub text: &'a str,
    pub day: NaiveDate,
}

impl Written<'_> {
    /// The text as it would be kept, if it can be.
    pub fn checked(&self) -> Result<&str, AppreciationError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(AppreciationError::Empty);
        }
        if text.chars().count() > MAX_APPRECIATION_CHARS {
            return Err(AppreciationError::TooLong);
        }
        Ok(text)
    }
}

impl Collection<Appreciation> {
    /// Keeps a new appreciation (trimmed), if it is not empty or too long.
    pub fn add(
        &mut self,
        id: RecordId,
        written: &Written<'_>,
        at: Stamp,
    ) -> Result<(), AppreciationError> {
        let text = written.checked()?.to_string();
        self.put(
            Appreciation {
                id,
                created: at.now,
                updated: at.now,
                day: written.day,
                from: written.from,
                focus: written.focus,
                text,
                read_aloud: false,
            },
            at,
        );
        Ok(())
    }

    /// Marks one to read aloud at the check-in, or not.
    pub fn toggle_read_aloud(&mut self, id: &RecordId, at: Stamp) {
        self.edit(id, at, |a| {
            a.read_aloud = !a.read_aloud;
            a.updated = at.now.max(a.updated);
        });
    }

    /// After a check-in: what was to be read aloud has been heard.
    pub fn mark_heard(&mut self, at: Stamp) {
        let aloud: Vec<RecordId> = self
            .iter()
            .filter(|a| a.read_aloud)
            .map(|a| a.id.clone())
            .collect();
        for id in aloud {
            self.edit(&id, at, |a| {
                a.read_aloud = false;
                a.updated = at.now.max(a.updated);
            });
        }
    }

    /// The ones written on `day`, oldest first.
    pub fn on_day(&self, day: NaiveDate) -> Vec<Appreciation> {
        self.iter().filter(|a| a.day == day).cloned().collect()
    }
}

/// Words that on their own say nothing specific: praise, partner words
/// (boyfriend, spouse, …) and the verbs of "everything you do". An
/// appreciation made only of these ("you're so great", "thank you for
/// everything you do, babe") is vague. Sorted, for a binary search.
const GENERIC: &[&str] = &[
    "a",
    "all",
    "always",
    "am",
    "amazing",
    "an",
    "and",
    "appreciate",
    "are",
    "around",
    "awesome",
    "babe",
    "baby",
    "be",
    "been",
    "being",
    "best",
    "boyfriend",
    "brilliant",
    "darling",
    "day",
    "dear",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "ever",
    "every",
    "everything",
    "fantastic",
    "fiance",
    "fiancee",
    "for",
    "girl",
    "girlfriend",
    "glad",
    "good",
    "grateful",
    "great",
    "guy",
    "happy",
    "has",
    "have",
    "honey",
    "hubby",
    "husband",
    "i",
    "im",
    "incredible",
    "is",
    "it",
    "just",
    "kind",
    "life",
    "love",
    "lovely",
    "lucky",
    "made",
    "make",
    "makes",
    "man",
    "me",
    "much",
    "my",
    "nice",
    "of",
    "our",
    "partner",
    "perfect",
    "person",
    "really",
    "so",
    "spouse",
    "stuff",
    "such",
    "sweet",
    "sweetest",
    "sweetheart",
    "thank",
    "thankful",
    "thanks",
    "that",
    "the",
    "thing",
    "things",
    "this",
    "to",
    "too",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "who",
    "wife",
    "wifey",
    "with",
    "woman",
    "wonderful",
    "world",
    "you",
    "your",
    "youre",
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
    let all_generic = words
        .iter()
        .all(|word| GENERIC.binary_search(&word.as_str()).is_ok());
    (words.len() < 3 || all_generic).then_some(
        "Could you make it specific? Name one moment, or one thing they did, and what it meant to you.",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_generic_words_are_sorted_for_their_binary_search() {
        // A word out of order would be missed by the search without a sound.
        assert!(super::GENERIC.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
