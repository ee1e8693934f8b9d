//! Backups and erasing, seen from the store: export everything, merge or
//! replace from a checked backup (a replace can be undone), and erase.

use leptos::prelude::*;

use super::AppStore;
use super::save::latest_rev;
use crate::domain::backup::{self, Backup, KindPreview};
use crate::domain::journal::Drafts;
use crate::domain::records::Records;
use crate::storage::{StorageError, device};
use crate::ui::browser::now;

/// What a replace took away: everything as it was, to put back on undo.
#[derive(Clone)]
pub struct Replaced(Backup);

impl AppStore {
    /// Everything, as one backup file's text.
    pub fn export_backup(self, at: chrono::DateTime<chrono::Utc>) -> String {
        backup::export(&self.snapshot(), at)
    }

    /// How `incoming` meets what is here, kind by kind.
    pub fn preview(self, incoming: &Backup) -> Vec<KindPreview> {
        backup::preview(incoming, &self.snapshot())
    }

    /// Adds what is new in `incoming`, by id and revision; the usual save
    /// writes what changed.
    pub fn merge(self, incoming: &Backup) {
        let mut all = self.snapshot();
        backup::merge(&mut all, incoming);
        self.take_all(all);
    }

    /// Makes this device hold exactly `incoming`; what was here is kept in
    /// memory for "Undo" until dismissed.
    pub fn replace(self, incoming: &Backup) {
        let before = self.snapshot();
        self.replace_with(&before.clone(), incoming);
        self.replaced.set(Some(Replaced(Backup {
            exported: now(),
            records: before,
        })));
    }

    /// Puts back what a replace took away.
    pub fn undo_replace(self, Replaced(before): Replaced) {
        self.replace_with(&self.snapshot(), &before);
        self.replaced.set(None);
    }

    fn replace_with(self, here: &Records, incoming: &Backup) {
        let mut all = here.clone();
        let at = now();
        self.clock
            .update_value(|clock| backup::replace(&mut all, incoming, clock, at));
        self.take_all(all);
    }

    fn take_all(self, all: Records) {
        if let Some(latest) = latest_rev(&all) {
            self.clock.update_value(|clock| clock.observe(latest));
        }
        self.set_all(all);
    }

    /// Erases every record, draft and set-aside copy of Rekindle's. Pending
    /// writes are dropped and this window writes nothing more: the page
    /// starts afresh.
    pub fn erase_everything(self) -> Result<(), StorageError> {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        device::erase_everything()?;
        self.halted.set_value(true);
        self.drafts.set_value(Drafts::default());
        self.drafts_dirty.set_value(false);
        self.set_all(Records::default());
        Ok(())
    }
}
