//! Journal entries as schema version 1 stored them, frozen, and their
//! upgrade. Never edit these types: stored data and old backups use them.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::id::RecordId;
use super::journal::{self as current, Agenda, EntryKind, Prompt};
use super::mood::Mood;
use super::tags::Tag;

#[derive(Deserialize)]
pub struct JournalEntry {
    id: RecordId,
    #[serde(with = "super::timestamp")]
    created: DateTime<Utc>,
    #[serde(with = "super::timestamp")]
    updated: DateTime<Utc>,
    kind: EntryKind,
    text: String,
    #[serde(default)]
    mood: Option<Mood>,
    #[serde(default)]
    tags: Vec<Tag>,
    #[serde(default)]
    prompt: Option<Prompt>,
    /// Version 2 replaced this yes/no with `agenda`, so a check-in can
    /// tick an entry off without forgetting it was raised.
    #[serde(default)]
    for_check_in: bool,
}

impl From<JournalEntry> for current::JournalEntry {
    fn from(old: JournalEntry) -> Self {
        current::JournalEntry {
            id: old.id,
            created: old.created,
            updated: old.updated,
            kind: old.kind,
            text: old.text,
            mood: old.mood,
            tags: old.tags,
            prompt: old.prompt,
            agenda: old.for_check_in.then_some(Agenda::Next),
        }
    }
}
