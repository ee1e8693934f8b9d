//! Affection nudges: a short list of small, non-sexual touches to offer
//! through the day, and the marks made when one happened.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Collection, Holder};
use super::id::RecordId;
use super::kind::{Kind, text_within};
use super::revision::{Rev, Stamp};

/// One touch on the list. Ids keep marks attached when the list is edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nudge {
    pub id: RecordId,
    pub text: String,
}

/// The starting list, in Rekindle's own words; the couple can change it.
pub const STARTERS: &[(&str, &str)] = &[
    ("hug", "A long hug: stay until you both breathe out"),
    ("hands", "Hold hands on a walk, even a short one"),
    ("shoulder", "A hand on their shoulder as you pass by"),
    ("couch", "Cuddle up somewhere cosy, no screens"),
    ("kiss", "A six-second kiss hello or goodbye"),
    ("hair", "Run your fingers through their hair"),
    ("feet", "Feet touching under the table or the blanket"),
    ("back", "A slow back rub for a minute or two"),
    ("greeting", "Greet them as if you had missed them all day"),
    ("forehead", "A kiss on the forehead, for no reason"),
];

pub fn starter_list() -> Vec<Nudge> {
    STARTERS
        .iter()
        .map(|(id, text)| Nudge {
            id: RecordId::try_from(format!("starter-{id}")).expect("starter ids are valid"),
            text: (*text).to_string(),
        })
        .collect()
}

/// The longest nudge: one line on a phone.
pub const MAX_NUDGE_CHARS: usize = 120;
/// More touches than anyone lists.
pub const MAX_NUDGES: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NudgeError {
    Empty,
    TooLong,
    AlreadyListed,
    TooMany,
}

impl std::fmt::Display for NudgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NudgeError::Empty => "Write the touch you have in mind first.",
            NudgeError::TooLong => "Keep it to one short line (120 characters).",
            NudgeError::AlreadyListed => "That one is already on the list.",
            NudgeError::TooMany => "The list is full (200 touches): remove one first.",
        })
    }
}

/// The couple's list, in their order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NudgeList {
    pub nudges: Vec<Nudge>,
}

impl Default for NudgeList {
    fn default() -> Self {
        NudgeList {
            nudges: starter_list(),
        }
    }
}

impl NudgeList {
    pub fn add(&mut self, id: RecordId, text: &str) -> Result<(), NudgeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(NudgeError::Empty);
        }
        if text.chars().count() > MAX_NUDGE_CHARS {
            return Err(NudgeError::TooLong);
        }
        if self
            .nudges
            .iter()
            .any(|nudge| nudge.text.eq_ignore_ascii_case(text))
        {
            return Err(NudgeError::AlreadyListed);
        }
        if self.nudges.len() >= MAX_NUDGES {
            return Err(NudgeError::TooMany);
        }
        self.nudges.push(Nudge {
            id,
            text: text.to_string(),
        });
        Ok(())
    }

    pub fn remove(&mut self, id: &RecordId) {
        self.nudges.retain(|nudge| &nudge.id != id);
    }

    /// Moves a nudge one place up (`-1`) or down (`1`); no-op at the ends.
    pub fn shift(&mut self, id: &RecordId, by: isize) {
        let Some(from) = self.nudges.iter().position(|nudge| &nudge.id == id) else {
            return;
        };
        let to = from
            .checked_add_signed(by)
            .filter(|to| *to < self.nudges.len());
        if let Some(to) = to {
            self.nudges.swap(from, to);
        }
    }
}

/// "It happened today": one mark per nudge per day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectionMark {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub created: DateTime<Utc>,
    #[serde(with = "super::timestamp::day")]
    pub day: NaiveDate,
    pub nudge: RecordId,
    /// The nudge's words when marked, so the history reads right after the
    /// list changes.
    pub text: String,
}

impl Kind for AffectionMark {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.created));
    const KEY: &'static str = "affection";
    const NOUN: (&'static str, &'static str) = ("affection moment", "affection moments");

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        text_within("touch", &self.text, MAX_NUDGE_CHARS, false)
    }

    /// Marks are made and removed, never edited.
    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.created)
    }
}

/// One mark per touch per day, named by both: two windows (or two phones)
/// marking the same touch on the same day meet on one record.
pub fn mark_id(nudge: &RecordId, day: NaiveDate) -> RecordId {
    let (y, m, d) = (day.year(), day.month(), day.day());
    let mut id = format!("{y:04}{m:02}{d:02}-");
    id.extend(
        nudge
            .as_str()
            .chars()
            .take(64usize.saturating_sub(id.len())),
    );
    RecordId::try_from(id).expect("digits, dashes and an id's characters, at most 64")
}

impl Collection<AffectionMark> {
    /// Marks `nudge` as done on `day`, or, if it is marked, unmarks it.
    pub fn toggle(&mut self, nudge: &Nudge, day: NaiveDate, at: Stamp) {
        let marked: Vec<RecordId> = self
            .iter()
            .filter(|mark| mark.day == day && mark.nudge == nudge.id)
            .map(|mark| mark.id.clone())
            .collect();
        if marked.is_empty() {
            let mark = AffectionMark {
                id: mark_id(&nudge.id, day),
                created: at.now,
                day,
                nudge: nudge.id.clone(),
                text: nudge.text.clone(),
            };
            self.put(mark, at);
        }
        for id in marked {
            self.delete(&id, at);
        }
    }
}

/// The touches marked on `day`, in one pass over the marks (Today asks for
/// every touch in the list at once).
pub fn marked_on(marks: &[AffectionMark], day: NaiveDate) -> Vec<RecordId> {
    marks
        .iter()
        .filter(|mark| mark.day == day)
        .map(|mark| mark.nudge.clone())
        .collect()
}

/// Whether `nudge` is marked on `day`.
pub fn is_marked(marks: &[AffectionMark], nudge: &RecordId, day: NaiveDate) -> bool {
    marks
        .iter()
        .any(|mark| mark.day == day && &mark.nudge == nudge)
}
