//! The check-in under way, as the steps read and change it: one record in
//! the store, found by id, so every edit is saved like any other record.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::check_in::CheckIn;
use crate::domain::collection::Holder;
use crate::domain::id::RecordId;
use crate::ui::store::AppStore;

#[derive(Clone, Copy)]
pub struct Current {
    pub store: AppStore,
    id: StoredValue<RecordId>,
}

impl Current {
    pub fn new(store: AppStore, id: RecordId) -> Self {
        Current {
            store,
            id: StoredValue::new(id),
        }
    }

    /// Reads the check-in, tracking changes.
    pub fn with<T>(self, read: impl FnOnce(&CheckIn) -> T) -> Option<T> {
        self.id
            .with_value(|id| self.store.check_ins.with(|all| all.get(id).map(read)))
    }

    /// Reads the check-in once, as a view is built.
    pub fn untracked<T>(self, read: impl FnOnce(&CheckIn) -> T) -> Option<T> {
        self.id.with_value(|id| {
            self.store
                .check_ins
                .with_untracked(|all| all.get(id).map(read))
        })
    }

    pub fn edit<T>(self, change: impl FnOnce(&mut CheckIn, DateTime<Utc>) -> T) -> Option<T> {
        let id = self.id.get_value();
        self.store.change(self.store.check_ins, |all, at| {
            all.edit(&id, at, |check_in| change(check_in, at.now))
        })
    }
}
