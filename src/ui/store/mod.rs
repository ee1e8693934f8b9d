//! The reactive store at the root of the app: every kind's records in its
//! own signal, shared through context, written back by one debounced save.
//! Split by concern: `save` (writing what changed), `sync` (other windows,
//! the page's life), `lock` (the passcode lock), `backup` (export, import,
//! erase).

mod backup;
mod exchange;
mod later;
mod lock;
mod pack;
mod save;
mod sync;

use std::time::Duration;

use leptos::prelude::*;

pub use backup::Replaced;
pub use exchange::Incoming;

use crate::domain::collection::Holder;
use crate::domain::journal::{Draft, Drafts};
use crate::domain::records::Records;
use crate::domain::revision::{Clock, Stamp};
use crate::domain::seal::{LockRecord, Sealer};
use crate::storage::{Loaded, Problem, StorageError, Vault};
use crate::ui::browser::{new_id, now};

/// How long the store waits after a change before writing: bursts of edits
/// and keystrokes become one write, and typing never waits on storage.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How soon a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Something the person should know about their data, shown as a banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    SaveFailed(String),
    SetAside(Vec<Problem>),
    /// Storage was emptied by something other than Rekindle, and this
    /// window wrote back everything it held.
    WrittenBack,
}

/// Runs over every kind's signal.
pub trait VisitSignals {
    fn visit<H: Holder>(&mut self, signal: RwSignal<H>);
}

macro_rules! signals {
    ($($field:ident: $kind:ty => $holder:ty,)*) => {
        /// Every kind's records, each in its own signal: a change to one
        /// kind re-renders only what reads it.
        #[derive(Clone, Copy)]
        pub struct Signals {
            $(pub $field: RwSignal<$holder>,)*
        }

        impl Signals {
            fn new(records: Records) -> Self {
                Signals { $($field: RwSignal::new(records.$field),)* }
            }

            pub fn visit(&self, visitor: &mut impl VisitSignals) {
                $(visitor.visit(self.$field);)*
            }

            fn track_all(&self) {
                $(self.$field.track();)*
            }

            /// A copy of every record (an export, an import's working copy).
            pub fn snapshot(&self) -> Records {
                Records { $($field: self.$field.get_untracked(),)* }
            }

            fn set_all(&self, records: Records) {
                $(self.$field.set(records.$field);)*
            }
        }
    };
}

crate::registry!(signals);

#[derive(Clone, Copy)]
pub struct AppStore {
    records: Signals,
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether the passcode lock is on (values are sealed at rest).
    pub lock_on: RwSignal<bool>,
    /// What the last "replace" took away, until undone or dismissed.
    pub replaced: RwSignal<Option<Replaced>>,
    /// This phone's pairing with the partner's, if paired.
    pub pairing: RwSignal<Option<crate::domain::pairing::Pairing>>,
    /// Half-written text as last reported by the editors (not reactive:
    /// editors own their live text; this is only what gets saved).
    drafts: StoredValue<Drafts>,
    drafts_dirty: StoredValue<bool>,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    clock: StoredValue<Clock>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Set when this window must never write again (everything was erased
    /// in another window, or its lock changed there): it is reloading.
    halted: StoredValue<bool>,
    /// Set while another window turns this lock off: nothing is written
    /// until its key is gone (then what this window holds is written plain).
    paused: StoredValue<bool>,
    /// Packs of the older years, as stored at start-up, until taken in
    /// (`later`).
    later: StoredValue<Vec<(String, String)>>,
    /// Sealed data with no lock record: the app must not open over it.
    pub blocked: bool,
}

impl std::ops::Deref for AppStore {
    type Target = Signals;

    fn deref(&self) -> &Signals {
        &self.records
    }
}

impl AppStore {
    /// Loads everything and starts the save effect. Call once, at the root,
    /// with the lock and its data key if the lock is on.
    pub fn load(lock: Option<(LockRecord, Sealer)>) -> Self {
        let mut blocked = false;
        // This year's records and last year's are on the first screen.
        let defer_before = chrono::Datelike::year(&crate::ui::browser::today()) - 1;
        let (vault, records, drafts, later, mut notices) =
            match crate::storage::load(lock, defer_before) {
                Ok(Loaded {
                    mut vault,
                    records,
                    drafts,
                    problems,
                    later,
                }) => {
                    let mut notices = Vec::new();
                    if !problems.is_empty() {
                        notices.push(Notice::SetAside(problems));
                    }
                    if let Some(schema) = vault.read_only() {
                        notices.push(Notice::SaveFailed(
                            StorageError::ReadOnly { schema }.to_string(),
                        ));
                    } else if let Err(error) = vault.finish() {
                        // A change of the lock stopped half-way: tried again next time.
                        notices.push(Notice::SaveFailed(error.to_string()));
                    }
                    (Some(vault), records, drafts, later, notices)
                }
                Err(error) => {
                    blocked = error == StorageError::SealedWithoutLock;
                    (
                        None,
                        Records::default(),
                        Drafts::default(),
                        Vec::new(),
                        vec![Notice::SaveFailed(error.to_string())],
                    )
                }
            };
        notices.dedup();
        let pairing = vault
            .as_ref()
            .and_then(|vault| vault.read_document(crate::storage::keys::PAIRING));
        // As the vault has it now: finishing a lock change may have turned it off.
        let lock_on = vault.as_ref().is_some_and(|vault| vault.lock().is_some());
        // A random node per window: two windows never make the same revision.
        let node = u32::from_str_radix(&new_id().as_str()[..8], 16).unwrap_or(1);
        let mut clock = Clock::new(node);
        if let Some(latest) = save::latest_rev(&records) {
            clock.observe(latest);
        }
        let store = AppStore {
            records: Signals::new(records),
            notices: RwSignal::new(notices),
            lock_on: RwSignal::new(lock_on),
            replaced: RwSignal::new(None),
            pairing: RwSignal::new(pairing),
            drafts: StoredValue::new(drafts),
            drafts_dirty: StoredValue::new(false),
            vault: StoredValue::new_local(vault),
            clock: StoredValue::new(clock),
            timer: StoredValue::new(None),
            halted: StoredValue::new(blocked),
            paused: StoredValue::new(false),
            later: StoredValue::new(later),
            blocked,
        };

        // Any change to the records schedules one save.
        let first_run = StoredValue::new(true);
        Effect::new(move |_| {
            store.records.track_all();
            if first_run.get_value() {
                first_run.set_value(false);
            } else {
                store.schedule_save(SAVE_DELAY);
            }
        });
        sync::listen(store);
        store.take_in_soon();
        store.sweep_later();
        // Records read but not yet stored in their place (salvaged from a
        // damaged pack): written as soon as the page is up.
        if store.has_pending() {
            store.schedule_save(SAVE_DELAY);
        }
        store
    }

    /// The moment of a change made now: the clock, and a revision later
    /// than any this window has made or seen.
    pub fn stamp(self) -> Stamp {
        let now = now();
        self.clock
            .try_update_value(|clock| clock.tick(now))
            .unwrap_or_else(|| Clock::new(0).tick(now))
    }

    /// Changes one kind's records as a change made now: `change` gets them
    /// and the stamp to give any record it touches.
    pub fn change<H: Holder, T>(
        self,
        records: RwSignal<H>,
        change: impl FnOnce(&mut H, Stamp) -> T,
    ) -> T {
        let at = self.stamp();
        records
            .try_update(|held| change(held, at))
            .expect("the store outlives every page")
    }

    /// Anything the couple wrote or planned (tracked): what a lost phone
    /// would lose.
    pub fn has_records(self) -> bool {
        !(self.journal.with(|j| j.is_empty())
            && self.appreciations.with(|a| a.is_empty())
            && self.check_ins.with(|c| c.is_empty())
            && self.dates.with(|d| d.is_empty()))
    }

    /// Whether any kind holds a change storage does not have yet.
    fn has_pending(self) -> bool {
        struct Any(bool);
        impl VisitSignals for Any {
            fn visit<H: Holder>(&mut self, signal: RwSignal<H>) {
                self.0 |= signal.with_untracked(Holder::has_pending);
            }
        }
        let mut any = Any(false);
        self.records.visit(&mut any);
        any.0
    }

    /// Nothing written yet and the welcome never seen: a first visit.
    pub fn is_first_visit(self) -> bool {
        let welcomed = self.settings.with_untracked(|s| s.welcomed);
        !welcomed && !untrack(|| self.has_records())
    }

    /// Changes the settings, as a change made now.
    pub fn edit_settings(self, change: impl FnOnce(&mut crate::domain::settings::Settings)) {
        self.change(self.settings, |settings, at| settings.update(at, change));
    }

    /// The name to show for `partner` (tracked: follows Settings).
    pub fn name(self, partner: crate::domain::appreciation::Partner) -> String {
        self.settings.with(|s| s.name(partner).to_string())
    }

    /// The new entry's draft as last kept (at start-up: what the last visit left).
    pub fn new_entry_draft(self) -> Draft {
        self.drafts.with_value(|drafts| drafts.new_entry.clone())
    }

    /// The entry being edited when the draft was last kept, and its text.
    pub fn edit_draft(self) -> Option<(crate::domain::id::RecordId, Draft)> {
        self.drafts.with_value(|drafts| drafts.editing.clone())
    }

    pub fn keep_new_entry_draft(self, draft: Draft) {
        self.drafts.update_value(|drafts| drafts.new_entry = draft);
        self.drafts_changed();
    }

    /// `None` when the edit was saved or cancelled.
    pub fn keep_edit_draft(self, editing: Option<(crate::domain::id::RecordId, Draft)>) {
        self.drafts.update_value(|drafts| drafts.editing = editing);
        self.drafts_changed();
    }

    fn drafts_changed(self) {
        self.drafts_dirty.set_value(true);
        self.schedule_save(SAVE_DELAY);
    }

    pub fn schedule_save(self, delay: Duration) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let _ = self.save_now();
            },
            delay,
        )
        .ok();
        self.timer.set_value(handle);
    }

    /// The set-aside records' text, for download.
    pub fn recovery_text(self) -> Option<String> {
        self.vault
            .with_value(|vault| vault.as_ref()?.recovery_text())
    }

    pub fn dismiss(self, notice: &Notice) {
        self.notices
            .update(|notices| notices.retain(|n| n != notice));
    }

    fn notify(self, notice: Notice) {
        let already = self
            .notices
            .with_untracked(|notices| notices.contains(&notice));
        if !already {
            self.notices.update(|notices| {
                if matches!(notice, Notice::SaveFailed(_)) {
                    notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
                }
                notices.push(notice);
            });
        }
    }

    fn clear_save_failure(self) {
        let failing = self
            .notices
            .with_untracked(|notices| notices.iter().any(|n| matches!(n, Notice::SaveFailed(_))));
        if failing {
            self.notices
                .update(|notices| notices.retain(|n| !matches!(n, Notice::SaveFailed(_))));
        }
    }

    fn with_vault<T>(
        self,
        work: impl FnOnce(&mut Vault) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.vault
            .try_update_value(|vault| work(vault.as_mut().ok_or(StorageError::Unavailable)?))
            .unwrap_or(Err(StorageError::Unavailable))
    }
}

pub fn use_store() -> AppStore {
    expect_context::<AppStore>()
}
