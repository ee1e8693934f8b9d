//! The reactive store at the root of the app: records loaded from storage,
//! shared through context, and written back by one debounced save.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::affection::AffectionMark;
use crate::domain::appreciation::Appreciation;
use crate::domain::backup::{self, Backup, ImportMode};
use crate::domain::check_in::CheckIn;
use crate::domain::dates::DateIdea;
use crate::domain::decks::DeckPlace;
use crate::domain::id::RecordId;
use crate::domain::journal::{Draft, Drafts, Journal};
use crate::domain::record::{self, Record, Snapshot};
use crate::domain::seal::Sealer;
use crate::domain::settings::Settings;
use crate::domain::time_out::TimeOut;
use crate::storage::passcode::{self, LockError};
use crate::storage::{
    Change, ExternalChange, Loaded, LocalStore, Problem, Records, StorageError, device, lock_record,
};
use crate::ui::browser::measured;

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
}

#[derive(Clone, Copy)]
pub struct AppStore {
    pub journal: RwSignal<Journal>,
    pub appreciations: RwSignal<Vec<Appreciation>>,
    pub affection: RwSignal<Vec<AffectionMark>>,
    pub check_ins: RwSignal<Vec<CheckIn>>,
    pub dates: RwSignal<Vec<DateIdea>>,
    pub decks: RwSignal<Vec<DeckPlace>>,
    pub time_outs: RwSignal<Vec<TimeOut>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether the passcode lock is on (values are sealed at rest).
    pub lock_on: RwSignal<bool>,
    pub settings: RwSignal<Settings>,
    /// The settings as storage holds them: a change to `settings` that
    /// differs from this is saved (and one another tab made is not echoed).
    settings_saved: StoredValue<Settings>,
    /// Half-written text as last reported by the editors (not reactive:
    /// editors own their live text; this is only what gets saved).
    drafts: StoredValue<Drafts>,
    drafts_dirty: StoredValue<bool>,
    backend: StoredValue<Option<Backend>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

struct Backend {
    storage: LocalStore,
    journal_saved: Snapshot,
    appreciations_saved: Snapshot,
    affection_saved: Snapshot,
    check_ins_saved: Snapshot,
    dates_saved: Snapshot,
    decks_saved: Snapshot,
    time_outs_saved: Snapshot,
}

impl AppStore {
    /// Loads everything and starts the save effect. Call once, at the root,
    /// with the data key if the lock is on.
    pub fn load(sealer: Option<Sealer>) -> Self {
        let lock_on = sealer.is_some();
        let (backend, records, drafts, mut notices) = match LocalStore::load(sealer) {
            Ok(Loaded {
                store,
                records,
                problems,
            }) => {
                let mut notices = Vec::new();
                if !problems.is_empty() {
                    notices.push(Notice::SetAside(problems));
                }
                if let Some(schema) = store.read_only() {
                    notices.push(Notice::SaveFailed(
                        StorageError::ReadOnly { schema }.to_string(),
                    ));
                }
                let drafts = store.load_drafts();
                let backend = Backend {
                    journal_saved: Snapshot::of(records.journal.entries()),
                    appreciations_saved: Snapshot::of(&records.appreciations),
                    affection_saved: Snapshot::of(&records.affection),
                    check_ins_saved: Snapshot::of(&records.check_ins),
                    dates_saved: Snapshot::of(&records.dates),
                    decks_saved: Snapshot::of(&records.decks),
                    time_outs_saved: Snapshot::of(&records.time_outs),
                    storage: store,
                };
                (Some(backend), records, drafts, notices)
            }
            Err(error) => (
                None,
                Records::default(),
                Drafts::default(),
                vec![Notice::SaveFailed(error.to_string())],
            ),
        };
        notices.dedup();
        let store = AppStore {
            journal: RwSignal::new(records.journal),
            appreciations: RwSignal::new(records.appreciations),
            affection: RwSignal::new(records.affection),
            check_ins: RwSignal::new(records.check_ins),
            dates: RwSignal::new(records.dates),
            decks: RwSignal::new(records.decks),
            time_outs: RwSignal::new(records.time_outs),
            notices: RwSignal::new(notices),
            lock_on: RwSignal::new(lock_on),
            settings: RwSignal::new(records.settings.clone()),
            settings_saved: StoredValue::new(records.settings),
            drafts: StoredValue::new(drafts),
            drafts_dirty: StoredValue::new(false),
            backend: StoredValue::new_local(backend),
            timer: StoredValue::new(None),
        };

        // Any change to the records schedules one save.
        let first_run = StoredValue::new(true);
        Effect::new(move |_| {
            store.journal.track();
            store.appreciations.track();
            store.affection.track();
            store.check_ins.track();
            store.dates.track();
            store.decks.track();
            store.time_outs.track();
            if first_run.get_value() {
                first_run.set_value(false);
            } else {
                store.schedule_save(SAVE_DELAY);
            }
        });
        Effect::new(move |_| {
            let changed = store
                .settings
                .with(|settings| store.settings_saved.with_value(|saved| saved != settings));
            if changed {
                store.schedule_save(SAVE_DELAY);
            }
        });
        // Another tab wrote: take its records in, so neither tab overwrites
        // the other's work with a stale copy.
        window_event_listener(leptos::ev::storage, move |event| {
            let change = store.backend.with_value(|backend| {
                backend.as_ref().map(|backend| {
                    backend
                        .storage
                        .external_change(event.key().as_deref(), event.new_value().as_deref())
                })
            });
            if let Some(change) = change {
                store.apply_external(change);
            }
        });
        // The tab may be closed or frozen at any moment after this.
        let flush = move || store.save_now();
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        store
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
    pub fn edit_draft(self) -> Option<(RecordId, Draft)> {
        self.drafts.with_value(|drafts| drafts.editing.clone())
    }

    pub fn keep_new_entry_draft(self, draft: Draft) {
        self.drafts.update_value(|drafts| drafts.new_entry = draft);
        self.drafts_changed();
    }

    /// `None` when the edit was saved or cancelled.
    pub fn keep_edit_draft(self, editing: Option<(RecordId, Draft)>) {
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
        let handle = set_timeout_with_handle(move || self.save_now(), delay).ok();
        self.timer.set_value(handle);
    }

    /// Writes every pending change. On failure the message stays on screen
    /// and the save is retried; what is in memory is untouched.
    pub fn save_now(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let outcome = measured("rekindle:save", || {
            self.journal.with_untracked(|journal| {
                self.try_backend(|backend| {
                    let storage = &backend.storage;
                    storage.save_records(journal.entries(), &mut backend.journal_saved)?;
                    self.appreciations.with_untracked(|records| {
                        storage.save_records(records, &mut backend.appreciations_saved)
                    })?;
                    self.affection.with_untracked(|records| {
                        storage.save_records(records, &mut backend.affection_saved)
                    })?;
                    self.check_ins.with_untracked(|records| {
                        storage.save_records(records, &mut backend.check_ins_saved)
                    })?;
                    self.dates.with_untracked(|records| {
                        storage.save_records(records, &mut backend.dates_saved)
                    })?;
                    self.decks.with_untracked(|records| {
                        storage.save_records(records, &mut backend.decks_saved)
                    })?;
                    self.time_outs.with_untracked(|records| {
                        storage.save_records(records, &mut backend.time_outs_saved)
                    })?;
                    let settings = self.settings.get_untracked();
                    if self.settings_saved.with_value(|saved| saved != &settings) {
                        backend.storage.save_settings(&settings)?;
                        self.settings_saved.set_value(settings);
                    }
                    if self.drafts_dirty.get_value() {
                        self.drafts
                            .with_value(|drafts| backend.storage.save_drafts(drafts))?;
                        self.drafts_dirty.set_value(false);
                    }
                    Ok(())
                })
            })
        });
        match outcome {
            Ok(()) => self.clear_save_failure(),
            Err(error) => {
                self.report_save_failure(&error);
                if matches!(error, StorageError::QuotaExceeded | StorageError::Failed(_)) {
                    self.schedule_save(RETRY_DELAY);
                }
            }
        }
    }

    fn apply_external(self, change: ExternalChange) {
        match change {
            // Storage now holds their copy; if ours is newer, the next save
            // writes ours, otherwise theirs replaces ours.
            ExternalChange::Journal(Change::Saved(entry)) => {
                self.with_backend(|backend| backend.journal_saved.saved(&entry));
                self.journal.update(|journal| journal.upsert(entry));
            }
            ExternalChange::Journal(Change::Removed(id)) => {
                self.with_backend(|backend| backend.journal_saved.removed(&id));
                self.journal.update(|journal| {
                    let _ = journal.delete(&id);
                });
            }
            ExternalChange::Appreciation(change) => {
                self.take_change(self.appreciations, change, |b| &mut b.appreciations_saved)
            }
            ExternalChange::Affection(change) => {
                self.take_change(self.affection, change, |b| &mut b.affection_saved)
            }
            ExternalChange::CheckIn(change) => {
                self.take_change(self.check_ins, *change, |b| &mut b.check_ins_saved)
            }
            ExternalChange::Date(change) => {
                self.take_change(self.dates, *change, |b| &mut b.dates_saved)
            }
            ExternalChange::Deck(change) => {
                self.take_change(self.decks, *change, |b| &mut b.decks_saved)
            }
            ExternalChange::TimeOut(change) => {
                self.take_change(self.time_outs, *change, |b| &mut b.time_outs_saved)
            }
            ExternalChange::SettingsSaved(settings) => {
                self.settings_saved.set_value(settings.clone());
                self.settings.set(settings);
            }
            ExternalChange::NewerSchema(schema) => {
                self.with_backend(|backend| backend.storage.stop_writing(schema));
                self.report_save_failure(&StorageError::ReadOnly { schema });
            }
            // The lock changed under this tab: start again from storage.
            ExternalChange::LockChanged => self.lock_now(),
            ExternalChange::Ignored => {}
        }
    }

    fn take_change<R: Record + Send + Sync + 'static>(
        self,
        records: RwSignal<Vec<R>>,
        change: Change<R>,
        snapshot: fn(&mut Backend) -> &mut Snapshot,
    ) {
        match change {
            Change::Saved(record) => {
                self.with_backend(|backend| snapshot(backend).saved(&record));
                records.update(|records| record::upsert(records, record));
            }
            Change::Removed(id) => {
                self.with_backend(|backend| snapshot(backend).removed(&id));
                records.update(|records| records.retain(|r| r.id() != &id));
            }
        }
    }

    /// Saves, then forgets the data key by starting afresh (at the lock
    /// screen if the lock is on).
    pub fn lock_now(self) {
        self.save_now();
        let _ = window().location().reload();
    }

    /// Turns the lock on: every value is sealed with a new data key.
    pub async fn turn_lock_on(self, passcode: &str) -> Result<(), LockError> {
        let (record, sealer) = passcode::new_lock(passcode).await?;
        self.save_now();
        self.try_backend(|backend| backend.storage.lock(&record, sealer))?;
        self.lock_on.set(true);
        Ok(())
    }

    /// A new passcode, once the current one is proven.
    pub async fn change_passcode(self, current: &str, new: &str) -> Result<(), LockError> {
        let record = current_lock()?;
        let record = passcode::rewrap(&record, current, new).await?;
        Ok(self.try_backend(|backend| backend.storage.relock(&record))?)
    }

    /// Turns the lock off (every value decrypted), once the passcode is proven.
    pub async fn turn_lock_off(self, current: &str) -> Result<(), LockError> {
        passcode::unlock(&current_lock()?, current).await?;
        self.save_now();
        self.try_backend(|backend| backend.storage.unlock_for_good())?;
        self.lock_on.set(false);
        Ok(())
    }

    /// The set-aside records' original text, for download.
    pub fn recovery_text(self) -> Option<String> {
        self.backend
            .with_value(|backend| backend.as_ref()?.storage.recovery_text())
    }

    /// Everything, as one backup file's text.
    pub fn export_backup(self, now: chrono::DateTime<chrono::Utc>) -> String {
        // Copies, once per export: simpler than nesting a borrow per kind.
        let contents = backup::Contents {
            journal: &self.journal.get_untracked(),
            appreciations: &self.appreciations.get_untracked(),
            affection: &self.affection.get_untracked(),
            check_ins: &self.check_ins.get_untracked(),
            dates: &self.dates.get_untracked(),
            decks: &self.decks.get_untracked(),
            time_outs: &self.time_outs.get_untracked(),
            settings: &self.settings.get_untracked(),
        };
        backup::export(contents, now)
    }

    /// Brings a checked backup in; the usual save writes what changed.
    pub fn import(self, incoming: Backup, mode: ImportMode) {
        let mut journal = self.journal.get_untracked();
        let mut appreciations = self.appreciations.get_untracked();
        let mut affection = self.affection.get_untracked();
        let mut check_ins = self.check_ins.get_untracked();
        let mut dates = self.dates.get_untracked();
        let mut decks = self.decks.get_untracked();
        let mut time_outs = self.time_outs.get_untracked();
        let mut settings = self.settings.get_untracked();
        let target = backup::Target {
            journal: &mut journal,
            appreciations: &mut appreciations,
            affection: &mut affection,
            check_ins: &mut check_ins,
            dates: &mut dates,
            decks: &mut decks,
            time_outs: &mut time_outs,
            settings: &mut settings,
        };
        backup::apply(target, incoming, mode);
        self.journal.set(journal);
        self.appreciations.set(appreciations);
        self.affection.set(affection);
        self.check_ins.set(check_ins);
        self.dates.set(dates);
        self.decks.set(decks);
        self.time_outs.set(time_outs);
        self.settings.set(settings);
    }

    /// Erases every record, draft and set-aside copy of Rekindle's. Pending
    /// writes are dropped first and memory is emptied, so nothing this tab
    /// still holds can be written back afterwards.
    pub fn erase_everything(self) -> Result<(), StorageError> {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        device::erase_everything()?;
        self.drafts.set_value(Drafts::default());
        self.drafts_dirty.set_value(false);
        // Every kind, not only the journal: an edit still pending in any of
        // them would otherwise be written back by the save on page hide.
        self.with_backend(|backend| {
            for saved in [
                &mut backend.journal_saved,
                &mut backend.appreciations_saved,
                &mut backend.affection_saved,
                &mut backend.check_ins_saved,
                &mut backend.dates_saved,
                &mut backend.decks_saved,
                &mut backend.time_outs_saved,
            ] {
                *saved = Snapshot::default();
            }
        });
        self.journal.set(Journal::default());
        self.appreciations.set(Vec::new());
        self.affection.set(Vec::new());
        self.check_ins.set(Vec::new());
        self.dates.set(Vec::new());
        self.decks.set(Vec::new());
        self.time_outs.set(Vec::new());
        Ok(())
    }

    fn try_backend<T>(
        self,
        work: impl FnOnce(&mut Backend) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.backend
            .try_update_value(|backend| work(backend.as_mut().ok_or(StorageError::Unavailable)?))
            .unwrap_or(Err(StorageError::Unavailable))
    }

    fn with_backend(self, change: impl FnOnce(&mut Backend)) {
        self.backend.update_value(|backend| {
            if let Some(backend) = backend {
                change(backend);
            }
        });
    }

    pub fn dismiss(self, notice: &Notice) {
        self.notices
            .update(|notices| notices.retain(|n| n != notice));
    }

    fn report_save_failure(self, error: &StorageError) {
        let notice = Notice::SaveFailed(error.to_string());
        let already = self
            .notices
            .with_untracked(|notices| notices.contains(&notice));
        if !already {
            self.notices.update(|notices| {
                notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
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
}

fn current_lock() -> Result<crate::domain::seal::LockRecord, StorageError> {
    lock_record()?.ok_or_else(|| StorageError::Failed(String::from("the lock is already off")))
}

pub fn use_store() -> AppStore {
    expect_context::<AppStore>()
}
