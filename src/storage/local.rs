//! Reading and writing records in localStorage.

use gloo_storage::Storage as _;

use super::error::StorageError;
use super::keys;
use crate::domain::id::RecordId;
use crate::domain::journal::{Drafts, Journal, JournalEntry};
use crate::domain::record::{self, DecodeError, Decoded, Record, SCHEMA_VERSION, Snapshot};

/// A stored record that could not be used, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub reason: String,
    /// Where the original text was moved to, if it was moved.
    pub recovery_key: Option<String>,
}

/// A write another tab made, as this tab should take it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    JournalSaved(JournalEntry),
    JournalRemoved(RecordId),
    /// Another tab runs a newer Rekindle and upgraded the data: stop writing.
    NewerSchema(u32),
    /// Not a record this tab keeps in memory (drafts, recovery copies, others' keys).
    Ignored,
}

impl ExternalChange {
    /// Reads a `storage` event's key and new value. A record another tab
    /// wrote that this tab cannot read is left alone: its loader reports it.
    pub fn from_event(key: Option<&str>, new_value: Option<&str>) -> Self {
        let Some(key) = key else {
            return ExternalChange::Ignored;
        };
        if key == keys::SCHEMA {
            return match new_value.and_then(|v| v.trim().parse::<u32>().ok()) {
                Some(schema) if schema > SCHEMA_VERSION => ExternalChange::NewerSchema(schema),
                _ => ExternalChange::Ignored,
            };
        }
        let Some(id) = key.strip_prefix(keys::JOURNAL_PREFIX) else {
            return ExternalChange::Ignored;
        };
        match new_value {
            None => RecordId::try_from(id.to_string())
                .map(ExternalChange::JournalRemoved)
                .unwrap_or(ExternalChange::Ignored),
            Some(text) => match decode_entry(key, text) {
                Ok(decoded) => ExternalChange::JournalSaved(decoded.record),
                Err(DecodeError::NewerVersion(schema)) => ExternalChange::NewerSchema(schema),
                Err(_) => ExternalChange::Ignored,
            },
        }
    }
}

/// Everything read at start-up.
pub struct Loaded {
    pub store: LocalStore,
    pub journal: Journal,
    pub problems: Vec<Problem>,
}

/// The open localStorage. Writes are refused while `read_only` is set.
pub struct LocalStore {
    raw: web_sys::Storage,
    read_only: Option<u32>,
}

pub(super) fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // Throws a SecurityError where site data is blocked.
    window
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// Every key in `storage` that starts with `prefix`.
pub(super) fn keys_with_prefix(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

impl LocalStore {
    /// Opens storage and reads every record.
    pub fn load() -> Result<Loaded, StorageError> {
        let raw = local_storage()?;
        let stored_schema = raw
            .get_item(keys::SCHEMA)
            .ok()
            .flatten()
            .and_then(|value| value.trim().parse::<u32>().ok());
        let read_only = stored_schema.filter(|schema| *schema > SCHEMA_VERSION);
        let mut store = LocalStore { raw, read_only };
        let mut problems = Vec::new();
        let mut entries = Vec::new();

        for key in keys_with_prefix(&store.raw, keys::JOURNAL_PREFIX) {
            let Some(text) = store.raw.get_item(&key).ok().flatten() else {
                continue;
            };
            match decode_entry(&key, &text) {
                Ok(decoded) => {
                    if decoded.upgraded && store.read_only.is_none() {
                        // Kept in the new form; if this fails, the old one
                        // stays and is upgraded again next time.
                        let _ = store.set(&key, &record::encode(&decoded.record));
                    }
                    entries.push(decoded.record);
                }
                Err(error) => problems.push(store.set_aside(&key, &text, error)),
            }
        }
        if stored_schema != Some(SCHEMA_VERSION) && store.read_only.is_none() {
            store.mark_schema()?;
        }
        Ok(Loaded {
            store,
            journal: Journal::from_entries(entries),
            problems,
        })
    }

    pub fn read_only(&self) -> Option<u32> {
        self.read_only
    }

    /// From now on, refuse every write (another tab upgraded the data).
    pub fn stop_writing(&mut self, schema: u32) {
        self.read_only = Some(self.read_only.unwrap_or(0).max(schema));
    }

    /// Writes every journal change since `snapshot`, updating it as each
    /// write lands; stops at the first failure so a retry resumes there.
    pub fn save_journal(
        &self,
        journal: &Journal,
        snapshot: &mut Snapshot,
    ) -> Result<usize, StorageError> {
        self.writable()?;
        let changes = snapshot.changes(journal.entries());
        let count = changes.upserts.len() + changes.removals.len();
        for entry in changes.upserts {
            self.set(&keys::journal_entry(entry.id()), &record::encode(entry))?;
            snapshot.saved(entry);
        }
        for id in changes.removals {
            self.remove(&keys::journal_entry(&id))?;
            snapshot.removed(&id);
        }
        Ok(count)
    }

    /// Half-written text from last time. Drafts are a convenience: one
    /// that cannot be read is simply not offered.
    pub fn load_drafts(&self) -> Drafts {
        gloo_storage::LocalStorage::get(keys::JOURNAL_DRAFTS).unwrap_or_default()
    }

    /// Keeps what is being written; nothing half-written removes the key.
    pub fn save_drafts(&self, drafts: &Drafts) -> Result<(), StorageError> {
        self.writable()?;
        if drafts.is_empty() {
            return self.remove(keys::JOURNAL_DRAFTS);
        }
        let json = serde_json::to_string(drafts).expect("drafts serialise");
        self.set(keys::JOURNAL_DRAFTS, &json)
    }

    fn writable(&self) -> Result<(), StorageError> {
        match self.read_only {
            Some(schema) => Err(StorageError::ReadOnly { schema }),
            None => Ok(()),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(StorageError::from_js)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(StorageError::from_js)
    }

    fn mark_schema(&self) -> Result<(), StorageError> {
        self.set(keys::SCHEMA, &SCHEMA_VERSION.to_string())
    }

    /// Moves an unreadable record out of the way, keeping its exact text,
    /// so later saves can never overwrite it. Newer-version records stay put.
    fn set_aside(&mut self, key: &str, text: &str, error: DecodeError) -> Problem {
        let reason = error.to_string();
        if let DecodeError::NewerVersion(schema) = error {
            self.read_only = Some(self.read_only.unwrap_or(0).max(schema));
            return Problem {
                key: key.to_string(),
                reason,
                recovery_key: None,
            };
        }
        let recovery_key = keys::recovery(key);
        let moved = self.read_only.is_none()
            && self.set(&recovery_key, text).is_ok()
            && self.remove(key).is_ok();
        Problem {
            key: key.to_string(),
            reason,
            recovery_key: moved.then_some(recovery_key),
        }
    }
}

fn decode_entry(key: &str, text: &str) -> Result<Decoded<JournalEntry>, DecodeError> {
    let decoded = record::decode::<JournalEntry>(text)?;
    let entry = &decoded.record;
    let expected = key.strip_prefix(keys::JOURNAL_PREFIX).unwrap_or_default();
    if entry.id.as_str() != expected {
        return Err(DecodeError::Invalid(format!(
            "stored under {expected} but its id is {}",
            entry.id
        )));
    }
    Ok(decoded)
}
