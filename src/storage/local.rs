//! Reading and writing records in localStorage.

use std::borrow::Cow;

use gloo_storage::Storage as _;

use super::error::StorageError;
use super::keys;
use super::keys::Stored;
use crate::domain::affection::AffectionMark;
use crate::domain::appreciation::Appreciation;
use crate::domain::check_in::CheckIn;
use crate::domain::dates::DateIdea;
use crate::domain::decks::DeckPlace;
use crate::domain::id::RecordId;
use crate::domain::journal::{Drafts, Journal, JournalEntry};
use crate::domain::record::{self, DecodeError, Decoded, SCHEMA_VERSION, Snapshot};
use crate::domain::seal::{self, LockRecord, Sealer};
use crate::domain::settings::Settings;
use crate::domain::time_out::TimeOut;

/// A stored record that could not be used, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub reason: String,
    /// Where the original text was moved to, if it was moved.
    pub recovery_key: Option<String>,
}

/// One record another tab wrote or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<R> {
    Saved(R),
    Removed(RecordId),
}

/// A write another tab made, as this tab should take it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    Journal(Change<JournalEntry>),
    Appreciation(Change<Appreciation>),
    Affection(Change<AffectionMark>),
    /// Boxed: a check-in is several times larger than the other records.
    CheckIn(Box<Change<CheckIn>>),
    Date(Box<Change<DateIdea>>),
    Deck(Box<Change<DeckPlace>>),
    TimeOut(Box<Change<TimeOut>>),
    SettingsSaved(Settings),
    /// Another tab runs a newer Rekindle and upgraded the data: stop writing.
    NewerSchema(u32),
    /// Another tab turned the lock on or off, or changed the passcode.
    LockChanged,
    /// Not a record this tab keeps in memory (drafts, recovery copies, others' keys).
    Ignored,
}

/// Everything read at start-up.
pub struct Loaded {
    pub store: LocalStore,
    pub records: Records,
    pub problems: Vec<Problem>,
}

/// Every record and the settings, as the app keeps them in memory.
#[derive(Default)]
pub struct Records {
    pub journal: Journal,
    pub appreciations: Vec<Appreciation>,
    pub affection: Vec<AffectionMark>,
    pub check_ins: Vec<CheckIn>,
    pub dates: Vec<DateIdea>,
    pub decks: Vec<DeckPlace>,
    pub time_outs: Vec<TimeOut>,
    pub settings: Settings,
}

/// The open localStorage. Writes are refused while `read_only` is set;
/// with a `sealer` (the lock is on) every value is encrypted.
pub struct LocalStore {
    raw: web_sys::Storage,
    read_only: Option<u32>,
    sealer: Option<Sealer>,
}

/// The lock record, if the lock is on: `Err` if it cannot be read.
pub fn lock_record() -> Result<Option<LockRecord>, StorageError> {
    // gloo's own accessor panics where storage is blocked: check first.
    local_storage()?;
    match gloo_storage::LocalStorage::get::<LockRecord>(keys::LOCK) {
        Ok(record) => Ok(Some(record)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        Err(_) => Err(StorageError::Failed(String::from(
            "the passcode lock's record is damaged",
        ))),
    }
}

/// The lock record is plain JSON (it holds nothing readable), so gloo's
/// typed storage fits it as it is.
fn write_lock_record(record: &LockRecord) -> Result<(), StorageError> {
    gloo_storage::LocalStorage::set(keys::LOCK, record)
        .map_err(|error| StorageError::Failed(error.to_string()))
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
    /// Opens storage and reads every record, with the data key when locked.
    pub fn load(sealer: Option<Sealer>) -> Result<Loaded, StorageError> {
        let raw = local_storage()?;
        let stored_schema = raw
            .get_item(keys::SCHEMA)
            .ok()
            .flatten()
            .and_then(|value| value.trim().parse::<u32>().ok());
        let read_only = stored_schema.filter(|schema| *schema > SCHEMA_VERSION);
        let mut store = LocalStore {
            raw,
            read_only,
            sealer,
        };
        let mut problems = Vec::new();
        // One pass over the keys (ten years is thousands): each kind takes its own.
        let stored = keys_with_prefix(&store.raw, keys::PREFIX);
        let entries = store.load_records::<JournalEntry>(&stored, &mut problems);
        let appreciations = store.load_records::<Appreciation>(&stored, &mut problems);
        let affection = store.load_records::<AffectionMark>(&stored, &mut problems);
        let check_ins = store.load_records::<CheckIn>(&stored, &mut problems);
        let dates = store.load_records::<DateIdea>(&stored, &mut problems);
        let decks = store.load_records::<DeckPlace>(&stored, &mut problems);
        let time_outs = store.load_records::<TimeOut>(&stored, &mut problems);
        let settings = match store.raw.get_item(keys::SETTINGS).ok().flatten() {
            None => Settings::default(),
            Some(text) => match store
                .open(keys::SETTINGS, &text)
                .and_then(|plain| record::decode_current(&plain))
            {
                Ok(settings) => settings,
                Err(error) => {
                    problems.push(store.set_aside(keys::SETTINGS, &text, error));
                    Settings::default()
                }
            },
        };
        if stored_schema != Some(SCHEMA_VERSION) && store.read_only.is_none() {
            store.mark_schema()?;
        }
        Ok(Loaded {
            store,
            records: Records {
                journal: Journal::from_entries(entries),
                appreciations,
                affection,
                check_ins,
                dates,
                decks,
                time_outs,
                settings,
            },
            problems,
        })
    }

    pub fn read_only(&self) -> Option<u32> {
        self.read_only
    }

    /// Reads a `storage` event's key and new value. A record another tab
    /// wrote that this tab cannot read is left alone: its loader reports it.
    pub fn external_change(&self, key: Option<&str>, new_value: Option<&str>) -> ExternalChange {
        let Some(key) = key else {
            return ExternalChange::Ignored;
        };
        if key == keys::LOCK {
            return ExternalChange::LockChanged;
        }
        if key == keys::SETTINGS {
            return new_value
                .and_then(|text| self.open(key, text).ok())
                .and_then(|plain| record::decode_current(&plain).ok())
                .map_or(ExternalChange::Ignored, ExternalChange::SettingsSaved);
        }
        if key == keys::SCHEMA {
            return match new_value.and_then(|v| v.trim().parse::<u32>().ok()) {
                Some(schema) if schema > SCHEMA_VERSION => ExternalChange::NewerSchema(schema),
                _ => ExternalChange::Ignored,
            };
        }
        if let Some(id) = key.strip_prefix(JournalEntry::PREFIX) {
            return change_of(self, key, id, new_value).map_or_else(|e| e, ExternalChange::Journal);
        }
        if let Some(id) = key.strip_prefix(Appreciation::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, ExternalChange::Appreciation);
        }
        if let Some(id) = key.strip_prefix(AffectionMark::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, ExternalChange::Affection);
        }
        if let Some(id) = key.strip_prefix(CheckIn::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, |c| ExternalChange::CheckIn(Box::new(c)));
        }
        if let Some(id) = key.strip_prefix(DateIdea::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, |c| ExternalChange::Date(Box::new(c)));
        }
        if let Some(id) = key.strip_prefix(DeckPlace::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, |c| ExternalChange::Deck(Box::new(c)));
        }
        if let Some(id) = key.strip_prefix(TimeOut::PREFIX) {
            return change_of(self, key, id, new_value)
                .map_or_else(|e| e, |c| ExternalChange::TimeOut(Box::new(c)));
        }
        ExternalChange::Ignored
    }

    /// Turns the lock on: the lock record first, then every value sealed.
    /// Stopped half-way, the loader finds plain values under a lock and
    /// seals them, so no order of failures loses or strands anything.
    pub fn lock(&mut self, record: &LockRecord, sealer: Sealer) -> Result<(), StorageError> {
        self.writable()?;
        write_lock_record(record)?;
        self.reseal_everything(Some(sealer))
    }

    /// A new passcode: the same data key, wrapped anew, in one write.
    pub fn relock(&self, record: &LockRecord) -> Result<(), StorageError> {
        self.writable()?;
        write_lock_record(record)
    }

    /// Turns the lock off: every value decrypted first, the lock record last.
    pub fn unlock_for_good(&mut self) -> Result<(), StorageError> {
        self.writable()?;
        self.reseal_everything(None)?;
        self.remove(keys::LOCK)
    }

    /// Rewrites every value of Rekindle's (records, drafts, set-aside
    /// copies) for the new sealer. A value that does not open is left as is.
    fn reseal_everything(&mut self, sealer: Option<Sealer>) -> Result<(), StorageError> {
        let plain: Vec<(String, String)> = keys_with_prefix(&self.raw, keys::PREFIX)
            .into_iter()
            .filter(|key| key != keys::SCHEMA && key != keys::LOCK)
            .filter_map(|key| {
                let stored = self.raw.get_item(&key).ok().flatten()?;
                let text = self.open(&key, &stored).ok()?.into_owned();
                Some((key, text))
            })
            .collect();
        self.sealer = sealer;
        for (key, text) in plain {
            self.set(&key, &text)?;
        }
        Ok(())
    }

    /// The records set aside as unreadable, exactly as they were, as one JSON
    /// object (`{ "original key": "original text" }`), or `None` if there are none.
    pub fn recovery_text(&self) -> Option<String> {
        let quoted = |text: &str| serde_json::to_string(text).expect("strings serialise");
        let members: Vec<String> = keys_with_prefix(&self.raw, keys::RECOVERY_PREFIX)
            .into_iter()
            .filter_map(|key| {
                let stored = self.raw.get_item(&key).ok().flatten()?;
                let text = self.open(&key, &stored).unwrap_or(Cow::Borrowed(&stored));
                let original = key.strip_prefix(keys::RECOVERY_PREFIX)?;
                Some(format!("{}:{}", quoted(original), quoted(&text)))
            })
            .collect();
        (!members.is_empty()).then(|| format!("{{{}}}", members.join(",")))
    }

    /// From now on, refuse every write (another tab upgraded the data).
    pub fn stop_writing(&mut self, schema: u32) {
        self.read_only = Some(self.read_only.unwrap_or(0).max(schema));
    }

    /// Writes every change to records of kind `R` since `snapshot`,
    /// updating it as each write lands; stops at the first failure so a
    /// retry resumes there.
    pub fn save_records<R: Stored>(
        &self,
        records: &[R],
        snapshot: &mut Snapshot,
    ) -> Result<usize, StorageError> {
        self.writable()?;
        let changes = snapshot.changes(records);
        let count = changes.upserts.len() + changes.removals.len();
        for record in changes.upserts {
            self.set(&keys::record::<R>(record.id()), &record::encode(record))?;
            snapshot.saved(record);
        }
        for id in changes.removals {
            self.remove(&keys::record::<R>(&id))?;
            snapshot.removed(&id);
        }
        Ok(count)
    }

    /// Reads every record of kind `R`, upgrading older ones and setting
    /// aside what cannot be read.
    fn load_records<R: Stored>(
        &mut self,
        stored: &[String],
        problems: &mut Vec<Problem>,
    ) -> Vec<R> {
        let mut records = Vec::new();
        for key in stored.iter().filter(|key| key.starts_with(R::PREFIX)) {
            let Some(text) = self.raw.get_item(key).ok().flatten() else {
                continue;
            };
            let plain_while_locked = self.sealer.is_some() && !seal::is_sealed(&text);
            match self
                .open(key, &text)
                .and_then(|plain| decode_record::<R>(key, &plain))
            {
                Ok(decoded) => {
                    // Kept in today's form, sealed if the lock is on (a lock
                    // turned on mid-way leaves plain records). If this write
                    // fails, the old form stays and is redone next time.
                    if (decoded.upgraded || plain_while_locked) && self.read_only.is_none() {
                        let _ = self.set(key, &record::encode(&decoded.record));
                    }
                    records.push(decoded.record);
                }
                Err(error) => problems.push(self.set_aside(key, &text, error)),
            }
        }
        records
    }

    /// Half-written text from last time. Drafts are a convenience: one
    /// that cannot be read is simply not offered.
    pub fn load_drafts(&self) -> Drafts {
        let Some(stored) = self.raw.get_item(keys::JOURNAL_DRAFTS).ok().flatten() else {
            return Drafts::default();
        };
        // Schema 1 kept drafts as bare JSON; since 2 they carry their version.
        self.open(keys::JOURNAL_DRAFTS, &stored)
            .ok()
            .and_then(|text| {
                record::decode_current(&text)
                    .ok()
                    .or_else(|| serde_json::from_str(&text).ok())
            })
            .unwrap_or_default()
    }

    /// Keeps what is being written; nothing half-written removes the key.
    pub fn save_drafts(&self, drafts: &Drafts) -> Result<(), StorageError> {
        self.writable()?;
        if drafts.is_empty() {
            return self.remove(keys::JOURNAL_DRAFTS);
        }
        self.set(keys::JOURNAL_DRAFTS, &record::encode(drafts))
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StorageError> {
        self.writable()?;
        self.set(keys::SETTINGS, &record::encode(settings))
    }

    fn writable(&self) -> Result<(), StorageError> {
        match self.read_only {
            Some(schema) => Err(StorageError::ReadOnly { schema }),
            None => Ok(()),
        }
    }

    /// Writes `value`, sealed if the lock is on.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.sealer {
            Some(sealer) => self.set_plain(key, &sealer.seal(key, value, random_nonce()?)),
            None => self.set_plain(key, value),
        }
    }

    fn set_plain(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(StorageError::from_js)
    }

    /// The plain text of a stored value. Plain values are read as they are
    /// (written before the lock was on); sealed ones need the data key.
    /// Borrowed when plain: start-up reads megabytes this way.
    fn open<'a>(&self, key: &str, stored: &'a str) -> Result<Cow<'a, str>, DecodeError> {
        if !seal::is_sealed(stored) {
            return Ok(Cow::Borrowed(stored));
        }
        match &self.sealer {
            Some(sealer) => sealer
                .open(key, stored)
                .map(Cow::Owned)
                .map_err(|error| DecodeError::Unreadable(error.to_string())),
            None => Err(DecodeError::Unreadable(String::from(
                "encrypted, and the lock is off",
            ))),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(StorageError::from_js)
    }

    fn mark_schema(&self) -> Result<(), StorageError> {
        self.set_plain(keys::SCHEMA, &SCHEMA_VERSION.to_string())
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

fn decode_record<R: Stored>(key: &str, text: &str) -> Result<Decoded<R>, DecodeError> {
    let decoded = record::decode::<R>(text)?;
    let expected = key.strip_prefix(R::PREFIX).unwrap_or_default();
    if decoded.record.id().as_str() != expected {
        return Err(DecodeError::Invalid(format!(
            "stored under {expected} but its id is {}",
            decoded.record.id()
        )));
    }
    Ok(decoded)
}

/// How a storage event's new value for a record of kind `R` reads.
fn change_of<R: Stored>(
    store: &LocalStore,
    key: &str,
    id: &str,
    new_value: Option<&str>,
) -> Result<Change<R>, ExternalChange> {
    match new_value {
        None => RecordId::try_from(id.to_string())
            .map(Change::Removed)
            .map_err(|_| ExternalChange::Ignored),
        Some(text) => match store
            .open(key, text)
            .and_then(|plain| decode_record::<R>(key, &plain))
        {
            Ok(decoded) => Ok(Change::Saved(decoded.record)),
            Err(DecodeError::NewerVersion(schema)) => Err(ExternalChange::NewerSchema(schema)),
            Err(_) => Err(ExternalChange::Ignored),
        },
    }
}

fn random_nonce() -> Result<[u8; seal::NONCE_BYTES], StorageError> {
    let mut nonce = [0; seal::NONCE_BYTES];
    super::passcode::fill_random(&mut nonce)?;
    Ok(nonce)
}
