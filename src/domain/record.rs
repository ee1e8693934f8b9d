//! The stored form of every record, and what "changed since the last save"
//! means. Each record is stored on its own beside its schema version, so one
//! save writes only what changed and one damaged record harms nothing else.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::id::RecordId;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Anything kept as its own stored record.
pub trait Record {
    fn id(&self) -> &RecordId;
    fn updated(&self) -> DateTime<Utc>;
}

impl Record for super::journal::JournalEntry {
    fn id(&self) -> &RecordId {
        &self.id
    }
    fn updated(&self) -> DateTime<Utc> {
        self.updated
    }
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    v: u32,
    data: &'a T,
}

#[derive(Deserialize)]
struct OwnedEnvelope<T> {
    v: u32,
    data: T,
}

#[derive(Deserialize)]
struct Header {
    v: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all, or not a record envelope.
    Unreadable(String),
    /// Written by a newer Rekindle; must be left untouched.
    NewerVersion(u32),
    /// The right version, but the data inside does not make sense.
    Invalid(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "unreadable ({why})"),
            DecodeError::NewerVersion(v) => write!(
                f,
                "saved by a newer version of Rekindle (schema {v}; this one reads {SCHEMA_VERSION})"
            ),
            DecodeError::Invalid(why) => write!(f, "damaged ({why})"),
        }
    }
}

pub fn encode<T: Serialize>(data: &T) -> String {
    let envelope = Envelope {
        v: SCHEMA_VERSION,
        data,
    };
    // Serialising plain data structs to a String cannot fail.
    serde_json::to_string(&envelope).expect("records serialise")
}

pub fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    match serde_json::from_str::<OwnedEnvelope<T>>(raw) {
        Ok(envelope) if envelope.v == SCHEMA_VERSION => Ok(envelope.data),
        // Parse errors and odd versions are rare: only then look closer.
        Ok(envelope) => Err(version_error(envelope.v)),
        Err(error) => match serde_json::from_str::<Header>(raw) {
            Ok(header) if header.v != SCHEMA_VERSION => Err(version_error(header.v)),
            Ok(_) => Err(DecodeError::Invalid(error.to_string())),
            Err(_) => Err(DecodeError::Unreadable(error.to_string())),
        },
    }
}

fn version_error(v: u32) -> DecodeError {
    if v > SCHEMA_VERSION {
        DecodeError::NewerVersion(v)
    } else {
        DecodeError::Invalid(format!("unknown schema version {v}"))
    }
}

/// What storage holds, as far as this tab knows: each record's `updated`
/// at its last successful write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot(HashMap<RecordId, DateTime<Utc>>);

/// The writes that bring storage up to date with the records in memory.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes<'a, R> {
    pub upserts: Vec<&'a R>,
    pub removals: Vec<RecordId>,
}

impl<R> Changes<'_, R> {
    pub fn is_empty(&self) -> bool {
        self.upserts.is_empty() && self.removals.is_empty()
    }
}

impl Snapshot {
    pub fn of<'a, R: Record + 'a>(records: impl IntoIterator<Item = &'a R>) -> Self {
        Snapshot(
            records
                .into_iter()
                .map(|record| (record.id().clone(), record.updated()))
                .collect(),
        )
    }

    pub fn changes<'a, R: Record>(&self, records: &'a [R]) -> Changes<'a, R> {
        let upserts = records
            .iter()
            .filter(|record| self.0.get(record.id()) != Some(&record.updated()))
            .collect();
        let present: std::collections::HashSet<&RecordId> =
            records.iter().map(Record::id).collect();
        let mut removals: Vec<RecordId> = self
            .0
            .keys()
            .filter(|id| !present.contains(id))
            .cloned()
            .collect();
        removals.sort();
        Changes { upserts, removals }
    }

    pub fn saved<R: Record>(&mut self, record: &R) {
        self.0.insert(record.id().clone(), record.updated());
    }

    pub fn removed(&mut self, id: &RecordId) {
        self.0.remove(id);
    }
}
