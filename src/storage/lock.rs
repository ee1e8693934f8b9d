//! Turning the passcode lock on, off and to a new data key: each rewrites
//! every value, and each is safe to stop at any point. The lock record's
//! state says what a start-up finding the job half-done must finish (and
//! which plain values are genuine); turning the lock on first checks there
//! is room and undoes itself if a write still fails, so the lock is never
//! left half on.

use super::error::StorageError;
use super::keys;
use super::vault::{Opened, Vault, random_hex, stored_form};
use crate::domain::seal::{LockRecord, LockState, Sealer, is_sealed};

/// Where the room check writes: bookkeeping, removed at once.
const ROOM_PROBE: &str = "rekindle/signal/room";

/// One value to rewrite: its key, what is stored, what will be.
struct Rewrite {
    key: String,
    stored: String,
    next: String,
}

impl Vault {
    /// Turns the lock on with `record` and `sealer`: all or nothing.
    pub fn turn_on(&mut self, record: LockRecord, sealer: Sealer) -> Result<(), StorageError> {
        self.writable()?;
        let rewrites = self.rewrites(Some(&sealer))?;
        let sealing = record.with_state(LockState::Sealing);
        let lock_text = to_json(&sealing);
        let growth = self.check_room(&rewrites, lock_text.len())?;
        self.put_raw(keys::LOCK, &lock_text)?;
        if let Err(error) = self.apply(&rewrites) {
            // Put back what was sealed (plain text is smaller: it fits),
            // then the lock record: as if nothing had been tried.
            self.undo(&rewrites);
            let _ = self.remove(keys::LOCK);
            return Err(match error {
                StorageError::QuotaExceeded => StorageError::NoRoom {
                    kilobytes: growth.div_ceil(1024),
                },
                other => other,
            });
        }
        let on = record.with_state(LockState::On);
        self.put_raw(keys::LOCK, &to_json(&on))?;
        self.set_lock(Some((on, sealer)));
        Ok(())
    }

    /// Turns the lock off: every value opened, the lock record removed last.
    /// Stopped half-way, the next unlock finishes it.
    pub fn turn_off(&mut self) -> Result<(), StorageError> {
        self.writable()?;
        let lock = self.lock().cloned().ok_or(StorageError::Stale)?;
        let opening = lock.with_state(LockState::Opening);
        self.put_raw(keys::LOCK, &to_json(&opening))?;
        let sealer = self.sealer().cloned().ok_or(StorageError::Stale)?;
        self.set_lock(Some((opening, sealer)));
        self.finish()
    }

    /// A new passcode for the same data key: one write.
    pub fn change_passcode(&mut self, record: LockRecord) -> Result<(), StorageError> {
        self.writable()?;
        let sealer = self.sealer().cloned().ok_or(StorageError::Stale)?;
        self.put_raw(keys::LOCK, &to_json(&record))?;
        self.set_lock(Some((record, sealer)));
        Ok(())
    }

    /// Moves every value to a new data key (`record` is in the rotating
    /// state, holding the previous key too). Stopped half-way, the next
    /// unlock opens values under either key and finishes it.
    pub fn rotate(&mut self, record: LockRecord, sealer: Sealer) -> Result<(), StorageError> {
        self.writable()?;
        self.put_raw(keys::LOCK, &to_json(&record))?;
        self.set_lock(Some((record, sealer)));
        self.finish()
    }

    /// Finishes a change of the lock that was stopped half-way (or is
    /// under way): every value rewritten for the lock's target state.
    pub fn finish(&mut self) -> Result<(), StorageError> {
        let Some(lock) = self.lock().cloned() else {
            return Ok(());
        };
        let sealer = self.sealer().cloned().ok_or(StorageError::Stale)?;
        match lock.state {
            LockState::On => Ok(()),
            LockState::Opening => {
                self.apply(&self.rewrites(None)?)?;
                self.remove(keys::LOCK)?;
                self.set_lock(None);
                Ok(())
            }
            LockState::Sealing | LockState::Rotating => {
                let target = sealer.without_previous();
                self.apply(&self.rewrites(Some(&target))?)?;
                let on = lock.with_state(LockState::On);
                self.put_raw(keys::LOCK, &to_json(&on))?;
                self.set_lock(Some((on, target)));
                Ok(())
            }
        }
    }

    /// Every value of Rekindle's that is not yet in the form `target` gives
    /// (sealed with it, or plain). Values this window cannot open, and
    /// plain values the lock says are foreign, are left where they are:
    /// the next start sets them aside.
    fn rewrites(&self, target: Option<&Sealer>) -> Result<Vec<Rewrite>, StorageError> {
        let mut rewrites = Vec::new();
        for key in self.keys(keys::PREFIX) {
            if keys::is_bookkeeping(&key) {
                continue;
            }
            let Some(stored) = self.get(&key) else {
                continue;
            };
            let Opened::Text(text) = self.open_value(&key, &stored) else {
                continue;
            };
            let next = match target {
                Some(_) => stored_form(&key, &text, target)?,
                None if is_sealed(&stored) => stored_form(&key, &text, None)?,
                None => continue,
            };
            rewrites.push(Rewrite { key, stored, next });
        }
        Ok(rewrites)
    }

    /// Writes a probe as large as the growth, and removes it: the browser
    /// says whether there is room before anything real is touched.
    fn check_room(&self, rewrites: &[Rewrite], extra: usize) -> Result<usize, StorageError> {
        let growth: usize = rewrites
            .iter()
            .map(|r| r.next.len().saturating_sub(r.stored.len()))
            .sum::<usize>()
            + extra;
        let probe = "x".repeat(growth);
        match self.put_raw(ROOM_PROBE, &probe) {
            Ok(()) => self.remove(ROOM_PROBE).map(|()| growth),
            Err(StorageError::QuotaExceeded) => {
                let _ = self.remove(ROOM_PROBE);
                Err(StorageError::NoRoom {
                    kilobytes: growth.div_ceil(1024),
                })
            }
            Err(other) => Err(other),
        }
    }

    fn apply(&self, rewrites: &[Rewrite]) -> Result<(), StorageError> {
        for rewrite in rewrites {
            self.put_raw(&rewrite.key, &rewrite.next)?;
        }
        Ok(())
    }

    fn undo(&self, rewrites: &[Rewrite]) {
        for rewrite in rewrites {
            let _ = self.put_raw(&rewrite.key, &rewrite.stored);
        }
    }
}

fn to_json(record: &LockRecord) -> String {
    serde_json::to_string(record).expect("lock records serialise")
}

/// A fresh epoch for a new data key.
pub fn new_epoch() -> Result<String, StorageError> {
    random_hex()
}
