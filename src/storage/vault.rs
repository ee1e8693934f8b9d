//! The open localStorage as one window holds it: every read and write of a
//! value goes through here, sealed when the lock is on, refused when the
//! data is newer than this build or the lock changed in another window.

use std::borrow::Cow;

use super::error::StorageError;
use super::keys;
use crate::domain::record::DecodeError;
use crate::domain::seal::{self, LockIdentity, LockRecord, LockState, Sealer};
use crate::domain::squeeze;

/// A stored value that could not be used, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub reason: String,
    /// Where it was moved to, if it was moved.
    pub recovery_key: Option<String>,
}

/// A stored value, as this window can read it.
pub enum Opened<'a> {
    /// Its text (decrypted if it was sealed).
    Text(Cow<'a, str>),
    /// Plain text where the lock says everything is sealed: not written by
    /// Rekindle, so never taken as the couple's.
    Foreign(&'a str),
    /// Sealed, and this window's key does not open it.
    Unopenable(String),
}

pub struct Vault {
    raw: web_sys::Storage,
    read_only: Option<u32>,
    sealer: Option<Sealer>,
    /// The lock record this window opened with (`None`: the lock is off).
    lock: Option<LockRecord>,
}

/// The lock record as stored: `Ok(None)` when the lock is off.
pub fn lock_record() -> Result<Option<LockRecord>, StorageError> {
    let raw = local_storage()?;
    read_lock(&raw)
}

fn read_lock(raw: &web_sys::Storage) -> Result<Option<LockRecord>, StorageError> {
    match raw.get_item(keys::LOCK).ok().flatten() {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|_| {
            StorageError::Failed(String::from("the passcode lock's record is damaged"))
        }),
    }
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

/// Whether any value of Rekindle's is sealed: with no lock record, that
/// data cannot be read, and nothing may be written beside it. (Set-aside
/// copies are kept as they were found, sealed or not: they do not count.)
pub fn has_sealed_values() -> bool {
    let Ok(raw) = local_storage() else {
        return false;
    };
    let stored = keys_with_prefix(&raw, keys::PREFIX);
    stored
        .iter()
        .filter(|key| !key.starts_with(keys::RECOVERY_PREFIX))
        .any(|key| {
            raw.get_item(key)
                .ok()
                .flatten()
                .is_some_and(|value| seal::is_sealed(&value))
        })
}

impl Vault {
    /// Opens storage with the lock this window unlocked (if any).
    pub fn open(lock: Option<(LockRecord, Sealer)>) -> Result<Vault, StorageError> {
        let raw = local_storage()?;
        let (lock, sealer) = lock.unzip();
        Ok(Vault {
            raw,
            read_only: None,
            sealer,
            lock,
        })
    }

    pub fn read_only(&self) -> Option<u32> {
        self.read_only
    }

    /// From now on, refuse every write (data from a newer Rekindle).
    pub fn stop_writing(&mut self, schema: u32) {
        self.read_only = Some(self.read_only.unwrap_or(0).max(schema));
    }

    pub fn lock(&self) -> Option<&LockRecord> {
        self.lock.as_ref()
    }

    pub fn identity(&self) -> Option<LockIdentity> {
        self.lock.as_ref().map(LockRecord::identity)
    }

    /// Another window changed the passcode: the same key, wrapped anew. Kept
    /// so that storage cleared from outside gets the current record back.
    pub fn passcode_changed(&mut self, record: LockRecord) {
        if self.identity() == Some(record.identity()) {
            self.lock = Some(record);
        }
    }

    /// Another window is turning this lock off: plain values it writes are
    /// genuine from now on.
    pub fn follow_opening(&mut self) {
        if let Some(lock) = &mut self.lock {
            lock.state = LockState::Opening;
        }
    }

    /// The lock was turned off elsewhere and nothing sealed is left: from
    /// now on this window reads and writes plain values, as everything is.
    pub fn forget_lock(&mut self) {
        if read_lock(&self.raw).ok().flatten().is_none() && !has_sealed_values() {
            self.set_lock(None);
        }
    }

    pub(super) fn sealer(&self) -> Option<&Sealer> {
        self.sealer.as_ref()
    }

    pub(super) fn set_lock(&mut self, lock: Option<(LockRecord, Sealer)>) {
        let (lock, sealer) = lock.unzip();
        self.lock = lock;
        self.sealer = sealer;
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.raw.get_item(key).ok().flatten()
    }

    pub fn keys(&self, prefix: &str) -> Vec<String> {
        keys_with_prefix(&self.raw, prefix)
    }

    /// A stored value as this window can read it.
    pub fn open_value<'a>(&self, key: &str, stored: &'a str) -> Opened<'a> {
        match self.open_sealed(key, stored) {
            // A squeezed pack (`squeeze`): its text, or damage.
            Opened::Text(text) if squeeze::is_packed(&text) => match squeeze::unpack_text(&text) {
                Some(plain) => Opened::Text(Cow::Owned(plain)),
                None => Opened::Unopenable(String::from("its packed form is damaged")),
            },
            opened => opened,
        }
    }

    fn open_sealed<'a>(&self, key: &str, stored: &'a str) -> Opened<'a> {
        if seal::is_sealed(stored) {
            return match &self.sealer {
                Some(sealer) => match sealer.open(key, stored) {
                    Ok(text) => Opened::Text(Cow::Owned(text)),
                    Err(error) => Opened::Unopenable(error.to_string()),
                },
                None => Opened::Unopenable(String::from("it is encrypted, and the lock is off")),
            };
        }
        // Plain values are genuine unless the lock says all is sealed.
        let foreign = self
            .lock
            .as_ref()
            .is_some_and(|lock| matches!(lock.state, LockState::On | LockState::Rotating));
        if foreign && !keys::is_bookkeeping(key) {
            Opened::Foreign(stored)
        } else {
            Opened::Text(Cow::Borrowed(stored))
        }
    }

    /// A stored value's plain text, or why it cannot be had.
    pub fn open_text<'a>(&self, key: &str, stored: &'a str) -> Result<Cow<'a, str>, DecodeError> {
        match self.open_value(key, stored) {
            Opened::Text(text) => Ok(text),
            Opened::Foreign(_) => Err(DecodeError::Unreadable(String::from(
                "plain text where the lock keeps everything encrypted: not written by Rekindle",
            ))),
            Opened::Unopenable(why) => Err(DecodeError::Unreadable(why)),
        }
    }

    /// Refuses to write when this window must not: data from a newer
    /// Rekindle, or a lock that changed in another window.
    pub fn writable(&self) -> Result<(), StorageError> {
        if let Some(schema) = self.read_only {
            return Err(StorageError::ReadOnly { schema });
        }
        let stored = read_lock(&self.raw).map_err(|_| StorageError::Stale)?;
        if stored.as_ref().map(LockRecord::identity) != self.identity() {
            return Err(StorageError::Stale);
        }
        Ok(())
    }

    /// Writes `value`, sealed if the lock is on. Callers check `writable`
    /// once per batch.
    pub fn put(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.put_raw(key, &stored_form(key, value, self.sealer.as_ref())?)
    }

    /// Writes `value` squeezed as a pack is (sealed if the lock is on),
    /// under any key: for room when storage is full.
    pub fn put_squeezed(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.put_raw(key, &squeezed_form(key, value, self.sealer.as_ref())?)
    }

    /// Writes exactly `value` (bookkeeping, or a value sealed already).
    pub fn put_raw(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(StorageError::from_js)
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(StorageError::from_js)
    }

    /// A document of this device's (not a record): `None` if absent or
    /// unreadable.
    pub fn read_document<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let stored = self.get(key)?;
        let text = self.open_text(key, &stored).ok()?;
        crate::domain::record::decode_document(&text).ok()
    }

    /// Writes a document of this device's (sealed if the lock is on), or
    /// removes it.
    pub fn write_document<T: serde::Serialize>(
        &self,
        key: &str,
        document: Option<&T>,
    ) -> Result<(), StorageError> {
        self.writable()?;
        match document {
            Some(document) => self.put(key, &crate::domain::record::encode_document(document)),
            None => self.remove(key),
        }
    }

    /// Tells every other window (through their `storage` event) without
    /// leaving anything behind.
    pub fn signal(&self, key: &str) -> Result<(), StorageError> {
        self.put_raw(key, &random_hex()?)?;
        self.remove(key)
    }

    /// Moves a value that cannot be used out of the way, so later saves
    /// never overwrite it: its plain text if this window could read it
    /// (sealed again under the recovery key while the lock is on), else the
    /// stored text exactly. Newer-version records stay put, read-only.
    pub fn set_aside(&mut self, key: &str, stored: &str, error: DecodeError) -> Problem {
        let reason = error.to_string();
        if let DecodeError::NewerVersion(schema) = error {
            self.stop_writing(schema);
            return Problem {
                key: key.to_string(),
                reason,
                recovery_key: None,
            };
        }
        let recovery_key = keys::recovery(key);
        let moved = self.read_only.is_none()
            && match self.open_value(key, stored) {
                Opened::Text(text) => self.put(&recovery_key, &text).is_ok(),
                Opened::Foreign(text) => self.put(&recovery_key, text).is_ok(),
                Opened::Unopenable(_) => self.put_raw(&recovery_key, stored).is_ok(),
            }
            && self.remove(key).is_ok();
        Problem {
            key: key.to_string(),
            reason,
            recovery_key: moved.then_some(recovery_key),
        }
    }

    /// The set-aside values, readable wherever this window can read them,
    /// as one JSON object (`{ "original key": "text" }`), or `None`.
    pub fn recovery_text(&self) -> Option<String> {
        let quoted = |text: &str| serde_json::to_string(text).expect("strings serialise");
        let members: Vec<String> = self
            .keys(keys::RECOVERY_PREFIX)
            .into_iter()
            .filter_map(|key| {
                let stored = self.get(&key)?;
                let text = match self.open_value(&key, &stored) {
                    Opened::Text(text) => text.into_owned(),
                    Opened::Foreign(text) => text.to_string(),
                    Opened::Unopenable(_) => stored.clone(),
                };
                let original = key.strip_prefix(keys::RECOVERY_PREFIX)?;
                Some(format!("{}:{}", quoted(original), quoted(&text)))
            })
            .collect();
        (!members.is_empty()).then(|| format!("{{{}}}", members.join(",")))
    }
}

/// `text` as stored under `key`: sealed with `sealer` if there is one,
/// and squeezed if the key holds a pack.
pub(super) fn stored_form(
    key: &str,
    text: &str,
    sealer: Option<&Sealer>,
) -> Result<String, StorageError> {
    if keys::is_pack(key) {
        return squeezed_form(key, text, sealer);
    }
    Ok(match sealer {
        Some(sealer) => sealer.seal(key, text, random_nonce()?),
        None => text.to_string(),
    })
}

/// `text` squeezed (`squeeze`), then sealed with `sealer` if there is one.
fn squeezed_form(key: &str, text: &str, sealer: Option<&Sealer>) -> Result<String, StorageError> {
    Ok(match sealer {
        Some(sealer) => sealer.seal_packed(key, text, random_nonce()?),
        None => squeeze::pack_text(text),
    })
}

fn random_nonce() -> Result<[u8; seal::NONCE_BYTES], StorageError> {
    let mut nonce = [0; seal::NONCE_BYTES];
    super::passcode::fill_random(&mut nonce)?;
    Ok(nonce)
}

/// A random id (a lock's epoch, a signal's value).
pub fn random_hex() -> Result<String, StorageError> {
    let mut bytes = [0u8; 12];
    super::passcode::fill_random(&mut bytes)?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}
