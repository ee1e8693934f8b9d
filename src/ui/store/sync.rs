//! Other windows (tabs, the installed app) and the page's own life: their
//! writes are taken in through the registry and merged by revision; a lock
//! change or an erase elsewhere restarts this window before it can write
//! with a stale key; storage emptied from outside gets back what this
//! window holds; a page restored from the back/forward cache starts afresh.

use leptos::prelude::*;

use super::{AppStore, Notice, VisitSignals};
use crate::domain::collection::{Holder, Merged};
use crate::domain::record::DecodeError;
use crate::storage::events::{Outside, classify};
use crate::storage::{StorageError, has_sealed_values, keys, read};

pub(super) fn listen(store: AppStore) {
    window_event_listener(leptos::ev::storage, move |event| {
        store.outside(event.key().as_deref(), event.new_value());
    });
    // The tab may be closed or frozen at any moment after this.
    window_event_listener(leptos::ev::pagehide, move |_| {
        let _ = store.save_now();
    });
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            let _ = store.save_now();
        }
    });
    // Restored from the back/forward cache: other windows may have changed
    // the data or the lock meanwhile, and no event said so.
    window_event_listener(leptos::ev::pageshow, move |event| {
        if event.persisted() {
            store.restart();
        }
    });
}

impl AppStore {
    /// What another window's write means here.
    fn outside(self, key: Option<&str>, value: Option<String>) {
        if self.halted.get_value() {
            return;
        }
        // Another window's write is weighed against every record.
        self.take_in_later();
        let what = self
            .vault
            .with_value(|vault| vault.as_ref().map(|v| classify(v, key, value.as_deref())));
        match what.unwrap_or(Outside::Ignored) {
            Outside::Value { key, value } => self.take_value(&key, value),
            Outside::NewerSchema(schema) => self.newer_schema(schema),
            Outside::PasscodeChanged(record) => {
                let _ = self.with_vault(|vault| {
                    vault.passcode_changed(record);
                    Ok(())
                });
            }
            Outside::LockChanged => self.restart(),
            // Its key is about to go: write nothing until it has.
            Outside::LockOpening => {
                self.paused.set_value(true);
                // Plain values arriving meanwhile are genuine, not foreign.
                let _ = self.with_vault(|vault| {
                    vault.follow_opening();
                    Ok(())
                });
            }
            Outside::LockRemoved => self.lock_removed(),
            Outside::Erased => self.restart(),
            Outside::LockNow => {
                self.reload_after_save();
            }
            Outside::Cleared => self.write_back(),
            Outside::PairingChanged => self.pairing_changed(),
            Outside::Ignored => {}
        }
    }

    /// Another window runs a newer Rekindle: from now on this one only reads.
    fn newer_schema(self, schema: u32) {
        let _ = self.with_vault(|vault| {
            vault.stop_writing(schema);
            Ok(())
        });
        self.notify(Notice::SaveFailed(
            StorageError::ReadOnly { schema }.to_string(),
        ));
    }

    /// A value another window wrote or removed, handed to its kind.
    pub(super) fn take_value(self, key: &str, value: Option<String>) {
        struct Take<'a> {
            store: AppStore,
            key: &'a str,
            value: Option<&'a str>,
        }
        impl VisitSignals for Take<'_> {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                if let Some(year) = keys::pack_year_in::<H::Kind>(self.key) {
                    let value = self.value.map(str::to_string);
                    return self.store.take_pack(signal, self.key, year, value);
                }
                let Some(id) = keys::id_in::<H::Kind>(self.key) else {
                    return;
                };
                let store = self.store;
                let Some(stored) = self.value else {
                    // Moved into its pack by another window: nothing to do.
                    if signal.with_untracked(|holder| holder.ledger().is_packed(&id)) {
                        return;
                    }
                    // Removed by something other than Rekindle (which
                    // deletes with tombstones): ours goes back.
                    signal.update_untracked(|holder| holder.rewrite(&id));
                    store.schedule_save(super::SAVE_DELAY);
                    return;
                };
                let read = store.vault.with_value(|vault| {
                    vault
                        .as_ref()
                        .map(|vault| read::<H::Kind>(vault, self.key, stored))
                });
                match read {
                    Some(Ok((item, _))) => {
                        store.clock.update_value(|clock| clock.observe(item.rev));
                        signal.maybe_update(|holder| holder.merge(item, true) == Merged::Taken);
                        if signal.with_untracked(Holder::has_pending) {
                            store.schedule_save(super::SAVE_DELAY);
                        }
                    }
                    Some(Err(DecodeError::NewerVersion(schema))) => store.newer_schema(schema),
                    Some(Err(error)) => {
                        // Checked like a start-up: set aside, reported, and
                        // our own copy (if any) written back in its place.
                        let problem =
                            store.with_vault(|vault| Ok(vault.set_aside(self.key, stored, error)));
                        if let Ok(problem) = problem {
                            store.notify(Notice::SetAside(vec![problem]));
                        }
                        signal.update_untracked(|holder| holder.rewrite(&id));
                        store.schedule_save(super::SAVE_DELAY);
                    }
                    None => {}
                }
            }
        }
        self.visit(&mut Take {
            store: self,
            key,
            value: value.as_deref(),
        });
    }

    /// The lock record is gone. Turned off in another window (nothing sealed
    /// is left): what this window still holds is saved in plain form, as
    /// everything now is, before it starts again; it never writes with the
    /// dropped key. Removed by something else (sealed values remain): the
    /// lock record this window holds is put back, so nothing is left without
    /// its key.
    fn lock_removed(self) {
        self.paused.set_value(false);
        let holding = self
            .vault
            .with_value(|vault| vault.as_ref().and_then(|v| v.lock().cloned()));
        let Some(lock) = holding else {
            return;
        };
        if has_sealed_values() {
            let text = serde_json::to_string(&lock).expect("lock records serialise");
            let _ = self.with_vault(|vault| vault.put_raw(keys::LOCK, &text));
            return;
        }
        let _ = self.with_vault(|vault| {
            vault.forget_lock();
            Ok(())
        });
        let _ = self.save_now();
        self.restart();
    }

    /// All of localStorage was cleared from outside: everything this window
    /// holds is written back (the lock record first, so sealed values stay
    /// readable), and the person is told.
    fn write_back(self) {
        struct Unsave;
        impl VisitSignals for Unsave {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                signal.update_untracked(Holder::unsave_all);
            }
        }
        let restored = self.with_vault(|vault| {
            if let Some(lock) = vault.lock() {
                let text = serde_json::to_string(lock).expect("lock records serialise");
                vault.put_raw(keys::LOCK, &text)?;
            }
            vault.put_raw(keys::SCHEMA, &keys::STORE_SCHEMA.to_string())?;
            // The pairing with the partner's phone goes back too.
            let pairing = self.pairing.get_untracked();
            vault.write_document(keys::PAIRING, pairing.as_ref())
        });
        self.visit(&mut Unsave);
        self.drafts_dirty.set_value(true);
        if restored.is_ok() && self.save_now().is_ok() {
            self.notify(Notice::WrittenBack);
        }
    }

    /// Stops writing for good and starts afresh from storage (at the lock
    /// screen if the lock is on).
    pub(super) fn restart(self) {
        self.halted.set_value(true);
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let _ = window().location().reload();
    }
}
