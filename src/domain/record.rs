//! The stored form of every record and how older forms are read. Each record
//! is stored on its own beside its schema version and revision, so a save
//! writes only what changed and one damaged record harms nothing else.
//!
//! Schema 3: `{"v":3,"rev":"<ms>.<counter>.<node>","data":{…}}`, and a
//! deletion as a tombstone with no data: `{"v":3,"rev":"…"}`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::id::RecordId;
use super::kind::Kind;
use super::revision::Rev;

/// The schema version this build reads and writes.
///
/// History: 1 — first release. 2 — a journal entry's `for_check_in` flag
/// became `agenda` (`next` or `discussed`), so a check-in can tick it off.
/// 3 — every record carries a revision and deletions leave tombstones; the
/// settings moved to `rekindle/settings/couple`.
pub const SCHEMA_VERSION: u32 = 3;

/// One record as stored, and (with its id) as a backup holds it: one form,
/// so storage and backups share their reading and writing code.
#[derive(Serialize)]
struct Envelope<'a, T> {
    v: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RecordId>,
    rev: Rev,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a T>,
}

#[derive(Deserialize)]
pub struct OwnedEnvelope<T> {
    v: u32,
    id: Option<RecordId>,
    rev: Option<Rev>,
    // Absent in a tombstone: serde reads a missing `Option` as `None`.
    data: Option<T>,
}

impl<K: Kind> OwnedEnvelope<K> {
    /// A record from before revisions, in today's form.
    pub fn legacy(record: K) -> Self {
        OwnedEnvelope {
            v: SCHEMA_VERSION,
            id: Some(record.id().clone()),
            rev: Some(record.legacy_rev()),
            data: Some(record),
        }
    }

    /// A backup's item: today's form, with its id and revision, checked.
    pub fn into_item(self) -> Result<(RecordId, Rev, Option<K>), String> {
        let noun = K::NOUN.0;
        let id = self.id.ok_or_else(|| format!("a {noun} has no id"))?;
        if self.v != SCHEMA_VERSION {
            return Err(format!("the {noun} {id} has schema {}", self.v));
        }
        let rev = self
            .rev
            .ok_or_else(|| format!("the {noun} {id} has no revision"))?;
        if let Some(record) = &self.data {
            if record.id() != &id {
                return Err(format!("the {noun} {id} carries another id"));
            }
            record
                .check()
                .map_err(|why| format!("the {noun} {id}: {why}"))?;
        }
        Ok((id, rev, self.data))
    }
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

/// A record (or, with `None`, its tombstone) in today's stored form.
pub fn encode<T: Serialize>(rev: Rev, data: Option<&T>) -> String {
    encode_item(None, rev, data)
}

/// The same with its id, as a backup holds it.
pub fn encode_item<T: Serialize>(id: Option<&RecordId>, rev: Rev, data: Option<&T>) -> String {
    let envelope = Envelope {
        v: SCHEMA_VERSION,
        id,
        rev,
        data,
    };
    // Serialising plain data structs to a String cannot fail.
    serde_json::to_string(&envelope).expect("records serialise")
}

/// A record as read from storage.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<T> {
    pub rev: Rev,
    /// `None`: a tombstone (the record was deleted).
    pub record: Option<T>,
    /// Read from an older version: store it again to keep the upgrade.
    pub upgraded: bool,
}

/// Reads a stored record of kind `K`, upgrading older forms, and checks it
/// against the kind's own rules.
pub fn decode<K: Kind>(raw: &str) -> Result<Decoded<K>, DecodeError> {
    let decoded = decode_unchecked::<K>(raw)?;
    if let Some(record) = &decoded.record {
        record.check().map_err(DecodeError::Invalid)?;
    }
    Ok(decoded)
}

fn decode_unchecked<K: Kind>(raw: &str) -> Result<Decoded<K>, DecodeError> {
    // Nearly every record is current: read it in one pass.
    let first = match serde_json::from_str::<OwnedEnvelope<K>>(raw) {
        Ok(envelope) if envelope.v == SCHEMA_VERSION => {
            let rev = envelope
                .rev
                .ok_or_else(|| DecodeError::Invalid(String::from("no revision")))?;
            return Ok(Decoded {
                rev,
                record: envelope.data,
                upgraded: false,
            });
        }
        Ok(envelope) if envelope.v == 2 => {
            let record = envelope
                .data
                .ok_or_else(|| DecodeError::Invalid(String::from("no data")))?;
            return Ok(Decoded {
                rev: record.legacy_rev(),
                record: Some(record),
                upgraded: true,
            });
        }
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let header: Header = serde_json::from_str(raw)
        .map_err(|error| DecodeError::Unreadable(first.as_ref().unwrap_or(&error).to_string()))?;
    match header.v {
        2 | SCHEMA_VERSION => Err(DecodeError::Invalid(
            first.map(|error| error.to_string()).unwrap_or_default(),
        )),
        v if v > SCHEMA_VERSION => Err(DecodeError::NewerVersion(v)),
        v => {
            let record = K::upgrade(v, raw)?;
            Ok(Decoded {
                rev: record.legacy_rev(),
                record: Some(record),
                upgraded: true,
            })
        }
    }
}

/// Reads a document with no revision and one shape since schema 2 (the
/// journal drafts).
pub fn decode_document<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    let header: Header =
        serde_json::from_str(raw).map_err(|error| DecodeError::Unreadable(error.to_string()))?;
    match header.v {
        2 | SCHEMA_VERSION => data_as(raw),
        v if v > SCHEMA_VERSION => Err(DecodeError::NewerVersion(v)),
        v => Err(unknown_version(v)),
    }
}

/// A document with no revision, in today's form: `{"v":3,"data":{…}}`.
pub fn encode_document<T: Serialize>(data: &T) -> String {
    #[derive(Serialize)]
    struct Document<'a, T> {
        v: u32,
        data: &'a T,
    }
    serde_json::to_string(&Document {
        v: SCHEMA_VERSION,
        data,
    })
    .expect("documents serialise")
}

/// The `data` of a stored record read as `T` (one of the frozen older forms).
pub fn data_as<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    #[derive(Deserialize)]
    struct Data<T> {
        data: T,
    }
    serde_json::from_str::<Data<T>>(raw)
        .map(|envelope| envelope.data)
        .map_err(|error| DecodeError::Invalid(error.to_string()))
}

/// For versions a record type has no reader for (0, or one never released).
pub fn unknown_version(version: u32) -> DecodeError {
    DecodeError::Invalid(format!("unknown schema version {version}"))
}

/// `record_rev` of a stored value without reading its data: the save path
/// compares it with ours before writing, so an older copy never overwrites
/// a newer one whatever the event order between windows.
pub fn peek_rev(raw: &str) -> Option<Rev> {
    let rest = raw.strip_prefix("{\"v\":3,\"rev\":\"")?;
    Rev::decode(&rest[..rest.find('"')?])
}
