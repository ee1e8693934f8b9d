//! Writing what changed: every kind's pending records through the registry,
//! deletions first (they free room when storage is full), each write on its
//! own so one that fails stops nothing else, and never over a newer copy.

use leptos::prelude::*;

use super::{AppStore, Notice, RETRY_DELAY, VisitSignals};
use crate::domain::collection::Holder;
use crate::domain::id::RecordId;
use crate::domain::kind::Kind;
use crate::domain::pack;
use crate::domain::record;
use crate::domain::records::{Records, Visit};
use crate::domain::revision::Rev;
use crate::storage::{StorageError, Vault, keys};
use crate::ui::browser::measured;

/// One write a save makes.
struct Write {
    kind: &'static str,
    id: RecordId,
    rev: Rev,
    key: String,
    value: String,
    gone: bool,
}

/// What a save did, to take back into memory once storage is let go.
#[derive(Default)]
struct Outcome {
    saved: Vec<Write>,
    /// Stored copies found newer than ours: taken in like another window's.
    newer: Vec<(String, String)>,
    error: Option<StorageError>,
}

impl Outcome {
    /// Keeps the first failure, but a full quota over anything else: it
    /// is the one with a way out.
    fn failed(&mut self, error: StorageError) {
        if self.error.is_none() || error == StorageError::QuotaExceeded {
            self.error = Some(error);
        }
    }
}

/// The highest revision anywhere in `records`, for the clock to pass.
pub(super) fn latest_rev(records: &Records) -> Option<Rev> {
    struct Latest(Option<Rev>);
    impl Visit for Latest {
        fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
            self.0 = self.0.max(holder.ledger().latest());
        }
    }
    let mut latest = Latest(None);
    records.visit(&mut latest);
    latest.0
}

impl AppStore {
    /// Writes every pending change; `Ok` once storage holds everything. On
    /// failure the message stays on screen and the save is retried; what
    /// is in memory is untouched.
    pub fn save_now(self) -> Result<(), StorageError> {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        if self.halted.get_value() {
            return Err(StorageError::Stale);
        }
        if self.paused.get_value() {
            // Tried again once the other window has finished.
            self.schedule_save(super::SAVE_DELAY);
            return Err(StorageError::Stale);
        }
        let outcome = measured("rekindle:save", || self.write_pending());
        for (key, stored) in outcome.newer {
            self.take_value(&key, Some(stored));
        }
        self.mark_saved(outcome.saved);
        match outcome.error {
            None => {
                self.clear_save_failure();
                Ok(())
            }
            Some(StorageError::Stale) => {
                self.restart();
                Err(StorageError::Stale)
            }
            Some(error) => {
                self.notify(Notice::SaveFailed(error.to_string()));
                if error.is_passing() {
                    self.schedule_save(RETRY_DELAY);
                }
                Err(error)
            }
        }
    }

    fn write_pending(self) -> Outcome {
        let mut outcome = Outcome::default();
        // Packs first: what they take in leaves less to write on its own.
        if let Some(error) = self.write_packs() {
            outcome.failed(error);
        }
        let mut writes = self.pending_writes();
        let drafts_dirty = self.drafts_dirty.get_value();
        if writes.is_empty() && !drafts_dirty {
            return outcome;
        }
        // Deletions first: a tombstone is smaller than what it replaces.
        writes.sort_by_key(|write| !write.gone);
        let checked = self.with_vault(|vault| {
            vault.writable()?;
            for write in writes {
                if let Some(stored) = vault.get(&write.key)
                    && stored_rev(vault, &write.key, &stored).is_some_and(|rev| rev > write.rev)
                {
                    outcome.newer.push((write.key, stored));
                    continue;
                }
                match vault.put(&write.key, &write.value) {
                    Ok(()) => outcome.saved.push(write),
                    Err(error) => outcome.failed(error),
                }
            }
            if drafts_dirty {
                let written = self.drafts.with_value(|drafts| {
                    if drafts.is_empty() {
                        vault.remove(keys::JOURNAL_DRAFTS)
                    } else {
                        vault.put(keys::JOURNAL_DRAFTS, &record::encode_document(drafts))
                    }
                });
                match written {
                    Ok(()) => self.drafts_dirty.set_value(false),
                    Err(error) => outcome.failed(error),
                }
            }
            Ok(())
        });
        if let Err(error) = checked {
            outcome.failed(error);
        }
        outcome
    }

    /// Every kind's pending records, encoded.
    fn pending_writes(self) -> Vec<Write> {
        struct Pending(Vec<Write>);
        impl VisitSignals for Pending {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                let now = super::pack::now_ms();
                signal.with_untracked(|holder| {
                    // Settled records are written in their packs, never alone.
                    for item in holder.pending() {
                        if pack::year_of(&item, now).is_some() {
                            continue;
                        }
                        self.0.push(Write {
                            kind: H::Kind::KEY,
                            key: keys::record::<H::Kind>(&item.id),
                            value: record::encode(item.rev, item.record),
                            gone: item.record.is_none(),
                            id: item.id,
                            rev: item.rev,
                        });
                    }
                });
            }
        }
        let mut pending = Pending(Vec::new());
        self.visit(&mut pending);
        pending.0
    }

    /// Storage holds these now (unless they changed again meanwhile).
    fn mark_saved(self, saved: Vec<Write>) {
        struct Saved(Vec<Write>);
        impl VisitSignals for Saved {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                let mine: Vec<&Write> = self.0.iter().filter(|w| w.kind == H::Kind::KEY).collect();
                if !mine.is_empty() {
                    // Not a change anyone sees: no need to re-render.
                    signal.update_untracked(|holder| {
                        for write in mine {
                            holder.saved(&write.id, write.rev);
                        }
                    });
                }
            }
        }
        if !saved.is_empty() {
            self.visit(&mut Saved(saved));
        }
    }
}

/// The revision of what is stored under `key`, if it can be read.
pub(super) fn stored_rev(vault: &Vault, key: &str, stored: &str) -> Option<Rev> {
    vault
        .open_text(key, stored)
        .ok()
        .and_then(|text| record::peek_rev(&text))
}
