//! The stored form of every record, how older forms are upgraded, and what
//! "changed since the last save" means. Each record is stored on its own
//! beside its schema version, so one save writes only what changed and one
//! damaged record harms nothing else.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::id::RecordId;

/// The schema version this build reads and writes.
///
/// History: 1 — first release. 2 — a journal entry's `for_check_in` flag
/// became `agenda` (`next` or `discussed`), so a check-in can tick it off.
pub const SCHEMA_VERSION: u32 = 2;

/// Anything kept as its own stored record.
pub trait Record: Sized {
    fn id(&self) -> &RecordId;
    fn updated(&self) -> DateTime<Utc>;
    /// Reads a record stored by an older version (`0 < version <
    /// SCHEMA_VERSION`) through that version's frozen type, upgraded to
    /// today's. By default there is none: the kind first appeared at schema 2.
    fn upgrade(version: u32, _raw: &str) -> Result<Self, DecodeError> {
        Err(unknown_version(version))
    }
}

/// `Record` for a kind with `id` and `updated` fields and no older form.
macro_rules! plain_record {
    ($kind:ty) => {
        impl $crate::domain::record::Record for $kind {
            fn id(&self) -> &$crate::domain::id::RecordId {
                &self.id
            }
            fn updated(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated
            }
        }
    };
}
pub(crate) use plain_record;

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

/// A record as read from storage.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<T> {
    pub record: T,
    /// Read from an older version: store it again to keep the upgrade.
    pub upgraded: bool,
}

pub fn decode<T: Record + DeserializeOwned>(raw: &str) -> Result<Decoded<T>, DecodeError> {
    // Nearly every record is current: read it in one pass.
    let first = match serde_json::from_str::<OwnedEnvelope<T>>(raw) {
        Ok(envelope) if envelope.v == SCHEMA_VERSION => {
            return Ok(Decoded {
                record: envelope.data,
                upgraded: false,
            });
        }
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let header: Header = serde_json::from_str(raw)
        .map_err(|error| DecodeError::Unreadable(first.as_ref().unwrap_or(&error).to_string()))?;
    match header.v {
        SCHEMA_VERSION => Err(DecodeError::Invalid(
            first.map(|error| error.to_string()).unwrap_or_default(),
        )),
        v if v > SCHEMA_VERSION => Err(DecodeError::NewerVersion(v)),
        v => Ok(Decoded {
            record: T::upgrade(v, raw)?,
            upgraded: true,
        }),
    }
}

/// Reads a document that has only ever had today's form (one that first
/// appeared at this schema version, like the settings).
pub fn decode_current<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    let header: Header =
        serde_json::from_str(raw).map_err(|error| DecodeError::Unreadable(error.to_string()))?;
    match header.v {
        SCHEMA_VERSION => data_as(raw),
        v if v > SCHEMA_VERSION => Err(DecodeError::NewerVersion(v)),
        v => Err(unknown_version(v)),
    }
}

/// The `data` of a stored record read as `T` (one of the frozen older forms).
pub fn data_as<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    serde_json::from_str::<OwnedEnvelope<T>>(raw)
        .map(|envelope| envelope.data)
        .map_err(|error| DecodeError::Invalid(error.to_string()))
}

/// For versions a record type has no reader for (0, or one never released).
pub fn unknown_version(version: u32) -> DecodeError {
    DecodeError::Invalid(format!("unknown schema version {version}"))
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

/// Takes `incoming` into `records` unless a copy at least as new is there
/// already: how other tabs' records and imports merge, by id.
pub fn upsert<R: Record>(records: &mut Vec<R>, incoming: R) {
    match records.iter_mut().find(|r| r.id() == incoming.id()) {
        Some(here) if here.updated() >= incoming.updated() => {}
        Some(here) => *here = incoming,
        None => records.push(incoming),
    }
}
