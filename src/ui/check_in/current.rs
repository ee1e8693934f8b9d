//! The check-in under way, as the steps read and change it: one record in
//! the store, found by id, so every edit is saved like any other record.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::check_in::CheckIn;
use crate::domain::id::RecordId;
use crate::ui::browser::now;
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
        self.id.with_value(|id| {
            self.store
                .check_ins
                .with(|all| all.iter().find(|c| &c.id == id).map(read))
        })
    }

    /// Reads the check-in once, as a view is built.
    pub fn untracked<T>(self, read: impl FnOnce(&CheckIn) -> T) -> Option<T> {
        self.id.with_value(|id| {
            self.store
                .check_ins
                .with_untracked(|all| all.iter().find(|c| &c.id == id).map(read))
        })
    }

    pub fn edit<T>(self, change: impl FnOnce(&mut CheckIn, DateTime<Utc>) -> T) -> Option<T> {
        let at = now();
        let mut out = None;
        self.id.with_value(|id| {
            self.store.check_ins.update(|all| {
                out = all.iter_mut().find(|c| &c.id == id).map(|c| change(c, at));
            })
        });
        out
    }
}
