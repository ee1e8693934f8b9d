//! The passcode lock, seen from the store: turning it on (all or nothing),
//! changing the passcode (optionally to a new data key), turning it off,
//! and "Lock now", which reaches every window and never loses a change.

use leptos::prelude::*;

use super::{AppStore, Notice};
use crate::storage::passcode::{self, LockError};
use crate::storage::{StorageError, keys};

impl AppStore {
    /// Reloads (forgetting the data key: the lock screen comes back) once
    /// everything is saved, here and, through the signal, in every other
    /// window. If a save fails, nothing reloads and the reason is shown.
    pub fn lock_now(self) {
        if self.reload_after_save() {
            let _ = self.with_vault(|vault| vault.signal(keys::LOCK_NOW));
        }
    }

    /// Reloads only after a save that landed (the update banner, "Lock
    /// now"); otherwise says why it did not. True if it reloads.
    pub fn reload_after_save(self) -> bool {
        match self.save_now() {
            Ok(()) => {
                self.halted.set_value(true);
                let _ = window().location().reload();
                true
            }
            // A stale window restarts by itself.
            Err(StorageError::Stale) => true,
            Err(error) => {
                self.notify(Notice::SaveFailed(format!(
                    "Rekindle did not reload, so nothing is lost: {error}"
                )));
                false
            }
        }
    }

    /// Turns the lock on: every value is sealed with a new data key, or,
    /// if there is not room for that, nothing changes.
    pub async fn turn_lock_on(self, passcode: &str) -> Result<(), LockError> {
        let (record, sealer) = passcode::new_lock(passcode).await?;
        self.save_now()?;
        self.with_vault(|vault| vault.turn_on(record, sealer))?;
        self.lock_on.set(true);
        Ok(())
    }

    /// A new passcode, once the current one is proven; with `rotate`, every
    /// value is also sealed again with a new data key.
    pub async fn change_passcode(
        self,
        current: &str,
        new: &str,
        rotate: bool,
    ) -> Result<(), LockError> {
        let record = self
            .vault
            .with_value(|vault| vault.as_ref().and_then(|v| v.lock().cloned()))
            .ok_or(StorageError::Stale)?;
        let (record, sealer) = passcode::rewrap(&record, current, new, rotate).await?;
        self.save_now()?;
        Ok(self.with_vault(|vault| {
            if rotate {
                vault.rotate(record, sealer)
            } else {
                vault.change_passcode(record)
            }
        })?)
    }

    /// Turns the lock off (every value opened), once the passcode is proven.
    pub async fn turn_lock_off(self, current: &str) -> Result<(), LockError> {
        let record = self
            .vault
            .with_value(|vault| vault.as_ref().and_then(|v| v.lock().cloned()))
            .ok_or(StorageError::Stale)?;
        passcode::unlock(&record, current).await?;
        self.save_now()?;
        self.with_vault(|vault| vault.turn_off())?;
        self.lock_on.set(false);
        Ok(())
    }
}
