//! What another window's write means for this one: the browser's `storage`
//! event, read. Records go back to the store, which hands them to their
//! kind through the registry.

use super::keys;
use super::vault::Vault;
use crate::domain::seal::{LockRecord, LockState};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outside {
    /// A value under `key` was written (`Some`) or removed (`None`).
    Value {
        key: String,
        value: Option<String>,
    },
    /// Another window runs a newer Rekindle and upgraded the data.
    NewerSchema(u32),
    /// The lock was turned on or to a new key: this window is stale.
    LockChanged,
    /// Another window is turning this lock off: wait for it to finish.
    LockOpening,
    /// The lock record is gone: turned off, or removed by something else.
    LockRemoved,
    /// Only the passcode changed: the same key, a new wrapping.
    PasscodeChanged(LockRecord),
    /// Everything was erased in another window.
    Erased,
    /// "Lock now" was pressed in another window.
    LockNow,
    /// The pairing with the partner's phone changed (a code made, opened).
    PairingChanged,
    /// All of localStorage was cleared, by something other than Rekindle.
    Cleared,
    Ignored,
}

/// Reads one `storage` event's key and new value.
pub fn classify(vault: &Vault, key: Option<&str>, value: Option<&str>) -> Outside {
    let Some(key) = key else {
        return Outside::Cleared;
    };
    match key {
        keys::ERASED if value.is_some() => Outside::Erased,
        keys::PAIRING => Outside::PairingChanged,
        keys::LOCK_NOW if value.is_some() => Outside::LockNow,
        keys::SCHEMA => match value.and_then(|v| v.trim().parse::<u32>().ok()) {
            Some(schema) if schema > keys::STORE_SCHEMA => Outside::NewerSchema(schema),
            _ => Outside::Ignored,
        },
        keys::LOCK => {
            let Some(text) = value else {
                return Outside::LockRemoved;
            };
            let stored: Option<LockRecord> = serde_json::from_str(text).ok();
            let mine = vault.identity();
            match stored {
                Some(record) if Some(record.identity()) == mine => Outside::PasscodeChanged(record),
                Some(record)
                    if record.state == LockState::Opening
                        && mine.is_some_and(|mine| mine.epoch == record.epoch) =>
                {
                    Outside::LockOpening
                }
                _ => Outside::LockChanged,
            }
        }
        _ if !key.starts_with(keys::PREFIX)
            || keys::is_bookkeeping(key)
            || key.starts_with(keys::RECOVERY_PREFIX)
            || key == keys::JOURNAL_DRAFTS =>
        {
            Outside::Ignored
        }
        _ => Outside::Value {
            key: key.to_string(),
            value: value.map(str::to_string),
        },
    }
}
