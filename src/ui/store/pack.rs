//! Packs in the store: a save writes each year's pack that a settled record
//! waits for (after taking in what another window packed), then removes the
//! moved records' own keys; another window's pack is taken in like its
//! records; a start-up sweep moves settled records once enough wait.

use std::collections::HashSet;

use leptos::prelude::*;

use super::save::stored_rev;
use super::{AppStore, Notice, VisitSignals};
use crate::domain::collection::{Holder, Stamped};
use crate::domain::id::RecordId;
use crate::domain::kind::Kind;
use crate::domain::pack;
use crate::domain::revision::Rev;
use crate::storage::{StorageError, Vault, keys, read_pack};

/// How long after start-up the sweep runs: never in the way of the first screen.
const SWEEP_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

pub(super) fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

impl AppStore {
    /// Writes every pack a pending, settled record belongs in. The first
    /// failure is returned; the records stay pending and are tried again.
    pub(super) fn write_packs(self) -> Option<StorageError> {
        struct Packs {
            store: AppStore,
            now: u64,
            error: Option<StorageError>,
        }
        impl VisitSignals for Packs {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                if H::Kind::PACKED_IN.is_none() {
                    return;
                }
                let years = signal.with_untracked(|holder| pack::years_due(holder, self.now));
                for year in years {
                    if let Err(error) = self.store.write_pack(signal, year, self.now) {
                        self.error.get_or_insert(error);
                    }
                }
            }
        }
        let mut packs = Packs {
            store: self,
            now: now_ms(),
            error: None,
        };
        self.visit(&mut packs);
        packs.error
    }

    fn write_pack<H: Holder>(
        self,
        signal: RwSignal<H>,
        year: i32,
        now: u64,
    ) -> Result<(), StorageError> {
        let key = keys::pack::<H::Kind>(year);
        // What another window packed that this one has not heard of yet.
        let stored = self.with_vault(|vault| Ok(vault.get(&key)))?;
        if stored.is_some() {
            self.take_pack(signal, &key, year, stored);
        }
        // Records the stored pack holds stay in it whatever happens; the
        // ones moving in now go in as they fit.
        let (mut kept, mut fresh): (Vec<_>, Vec<_>) = signal.with_untracked(|holder| {
            pack::content(holder, year, now)
                .iter()
                .map(Stamped::cloned)
                .partition::<Vec<Stamped<H::Kind>>, _>(|item| holder.ledger().is_packed(&item.id))
        });
        if kept.is_empty() && fresh.is_empty() {
            return self.with_vault(|vault| {
                vault.writable()?;
                vault.remove(&key)
            });
        }
        let mut take = fresh.len();
        let mut squeezed = false;
        loop {
            let moving = &fresh[..take];
            let items: Vec<Stamped<&H::Kind>> = kept.iter().chain(moving).map(borrowed).collect();
            let written = self.with_vault(|vault| {
                vault.writable()?;
                vault.put(&key, &pack::encode(&items))?;
                remove_moved::<H::Kind>(vault, moving.iter().map(|item| (&item.id, item.rev)))
            });
            match written {
                Ok(()) => {}
                // Storage full: move fewer at a time. Each part written frees
                // the room its records took on their own, several times what
                // it adds to the pack.
                Err(StorageError::QuotaExceeded) if !squeezed => {
                    // Room first: each moving record squeezed where it is
                    // (a smaller write always fits, and never leaves it unstored).
                    squeezed = true;
                    self.with_vault(|vault| squeeze_in_place::<H::Kind>(vault, &fresh))?;
                    continue;
                }
                Err(StorageError::QuotaExceeded) if take > 1 => {
                    take /= 2;
                    continue;
                }
                Err(error) => return Err(error),
            }
            signal.update_untracked(|holder| {
                for item in moving {
                    holder.saved_in_pack(&item.id, item.rev);
                }
            });
            kept.extend(fresh.drain(..take));
            if fresh.is_empty() {
                return Ok(());
            }
            take = (take * 2).min(fresh.len());
        }
    }

    /// A pack as storage now holds it (another window wrote or removed it):
    /// its records taken in, and ours that it no longer holds written again.
    pub(super) fn take_pack<H: Holder>(
        self,
        signal: RwSignal<H>,
        key: &str,
        year: i32,
        value: Option<String>,
    ) {
        if H::Kind::PACKED_IN.is_none() {
            return;
        }
        let read = value.as_deref().and_then(|stored| {
            self.vault
                .with_value(|vault| Some(read_pack::<H::Kind>(vault.as_ref()?, key, stored)))
        });
        let (items, damage) = match read {
            Some(Ok(items)) => (items, None),
            Some(Err((items, error))) => (items, Some(error)),
            None => (Vec::new(), None),
        };
        if let Some(latest) = items.iter().map(|item| item.rev).max() {
            self.clock.update_value(|clock| clock.observe(latest));
        }
        let held: HashSet<_> = items.iter().map(|item| item.id.clone()).collect();
        let mut moved = Vec::new();
        signal.maybe_update(|holder| {
            let ledger = holder.ledger();
            let own_keys: Vec<(RecordId, Rev)> = items
                .iter()
                .filter(|item| ledger.rev(&item.id).is_some() && !ledger.is_packed(&item.id))
                .map(|item| (item.id.clone(), item.rev))
                .collect();
            let taken = holder.absorb_packed(items);
            // Ours now stored in the pack: an own key left from a move
            // that stopped half-way goes (unless a newer copy is there).
            moved = own_keys
                .into_iter()
                .filter(|(id, _)| holder.ledger().is_packed(id))
                .collect();
            let lost: Vec<_> = pack::packed_ids(holder, year)
                .into_iter()
                .filter(|id| damage.is_some() || !held.contains(id))
                .collect();
            holder.unpacked(&lost);
            taken
        });
        if !moved.is_empty() {
            let _ = self.with_vault(|vault| {
                vault.writable()?;
                remove_moved::<H::Kind>(vault, moved.iter().map(|(id, rev)| (id, *rev)))
            });
        }
        if let (Some(error), Some(stored)) = (damage, value) {
            // Checked like a start-up: its text set aside and reported;
            // what it held is written again from here.
            if let Ok(problem) = self.with_vault(|vault| Ok(vault.set_aside(key, &stored, error))) {
                self.notify(Notice::SetAside(vec![problem]));
            }
        }
        if signal.with_untracked(Holder::has_pending) {
            self.schedule_save(super::SAVE_DELAY);
        }
    }

    /// Soon after start-up: settled records still under their own keys
    /// are moved into their packs, a year at a time, once enough wait.
    pub(super) fn sweep_later(self) {
        struct Sweep {
            now: u64,
            marked: bool,
        }
        impl VisitSignals for Sweep {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                if H::Kind::PACKED_IN.is_none() {
                    return;
                }
                let now = self.now;
                let mut marked = false;
                signal.update_untracked(|holder| marked = pack::sweep(holder, now));
                self.marked |= marked;
            }
        }
        set_timeout(
            move || {
                if self.halted.get_value() {
                    return;
                }
                self.take_in_later();
                let mut sweep = Sweep {
                    now: now_ms(),
                    marked: false,
                };
                self.visit(&mut sweep);
                if sweep.marked {
                    self.schedule_save(std::time::Duration::ZERO);
                }
            },
            SWEEP_DELAY,
        );
    }
}

fn borrowed<K>(item: &Stamped<K>) -> Stamped<&K> {
    Stamped {
        id: item.id.clone(),
        rev: item.rev,
        record: item.record.as_ref(),
    }
}

/// Removes the own keys of records now in their pack, unless another
/// window wrote a newer copy there meanwhile.
fn remove_moved<'a, K: Kind>(
    vault: &Vault,
    moved: impl IntoIterator<Item = (&'a RecordId, Rev)>,
) -> Result<(), StorageError> {
    for (id, rev) in moved {
        let own = keys::record::<K>(id);
        let Some(stored) = vault.get(&own) else {
            continue;
        };
        if stored_rev(vault, &own, &stored).is_none_or(|stored_rev| stored_rev <= rev) {
            vault.remove(&own)?;
        }
    }
    Ok(())
}

/// Rewrites the own keys of `records` squeezed (as packs are), for room.
fn squeeze_in_place<K: Kind>(vault: &Vault, records: &[Stamped<K>]) -> Result<(), StorageError> {
    for item in records {
        let own = keys::record::<K>(&item.id);
        let Some(stored) = vault.get(&own) else {
            continue;
        };
        // Opened once: the text is what gets squeezed.
        if let Ok(text) = vault.open_text(&own, &stored)
            && crate::domain::record::peek_rev(&text) == Some(item.rev)
        {
            vault.put_squeezed(&own, &text)?;
        }
    }
    Ok(())
}
