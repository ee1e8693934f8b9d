//! The older years: packs of years before last are read just after the
//! first screen, one kind at a time, so ten years never hold it up.
//! Whatever needs every record takes in what still waits first: a copy of
//! everything (`snapshot`: a backup, an import, an exchange), another
//! window's write, and the sweep. A save does not: it writes only what
//! changed here, and a pack it writes is read from storage first.

use std::time::Duration;

use leptos::prelude::*;

use super::{AppStore, VisitSignals};
use crate::domain::collection::Holder;
use crate::domain::kind::Kind;
use crate::domain::records::Records;
use crate::storage::keys;
use crate::ui::browser::mark;

impl AppStore {
    /// A copy of every record (an export, an import's working copy, an
    /// exchange), once the older years are in.
    pub fn snapshot(self) -> Records {
        self.take_in_later();
        self.records.snapshot()
    }

    /// Takes in every pack still waiting, now.
    pub(super) fn take_in_later(self) {
        self.take_in(true);
    }

    /// After the first paint: a kind per task, so input is never held up
    /// long. `rekindle:all-years` marks the end (read by `make bench`).
    pub(super) fn take_in_soon(self) {
        request_animation_frame(move || self.take_in_next());
    }

    fn take_in_next(self) {
        set_timeout(
            move || {
                // A window that stopped writing (erased, restarting) reads no more.
                if self.halted.get_value() {
                    return;
                }
                self.take_in(false);
                if self.later.with_value(Vec::is_empty) {
                    mark("rekindle:all-years");
                } else {
                    self.take_in_next();
                }
            },
            Duration::ZERO,
        );
    }

    /// Takes in the waiting packs of every kind (`all`), or of the first
    /// kind that has some.
    fn take_in(self, all: bool) {
        struct TakeIn {
            store: AppStore,
            all: bool,
            done: bool,
        }
        impl VisitSignals for TakeIn {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                if H::Kind::PACKED_IN.is_none() || (self.done && !self.all) {
                    return;
                }
                let prefix = keys::pack_prefix::<H::Kind>();
                let packs: Vec<(String, String)> = self
                    .store
                    .later
                    .try_update_value(|later| {
                        let (mine, rest) = std::mem::take(later)
                            .into_iter()
                            .partition(|(key, _)| key.starts_with(&prefix));
                        *later = rest;
                        mine
                    })
                    .unwrap_or_default();
                if !packs.is_empty() {
                    self.done = true;
                    self.store.take_in_packs(signal, packs);
                }
            }
        }
        if self.halted.get_value() || self.later.with_value(Vec::is_empty) {
            return;
        }
        self.records.visit(&mut TakeIn {
            store: self,
            all,
            done: false,
        });
    }

    /// One kind's waiting packs, taken in as another window's would be:
    /// as storage holds them now (another window may have rewritten one
    /// since). One that is gone (storage emptied from outside) is taken in
    /// as it was at start-up and then as removed, so what it held is
    /// written again.
    fn take_in_packs<H: Holder>(self, signal: RwSignal<H>, packs: Vec<(String, String)>) {
        for (key, at_start) in packs {
            let Some(year) = keys::pack_year_in::<H::Kind>(&key) else {
                continue;
            };
            let now = self
                .vault
                .with_value(|vault| vault.as_ref().and_then(|vault| vault.get(&key)));
            let gone = now.is_none();
            self.take_pack(signal, &key, year, Some(now.unwrap_or(at_start)));
            if gone {
                self.take_pack(signal, &key, year, None);
            }
        }
    }
}
