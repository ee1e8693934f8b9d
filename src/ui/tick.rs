//! A clock signal for countdowns: the current time, refreshed every second
//! while the component that asked for it is on screen.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::ui::browser::now;

pub fn ticking_now() -> RwSignal<DateTime<Utc>> {
    let tick = RwSignal::new(now());
    let handle = set_interval_with_handle(move || tick.set(now()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    tick
}
