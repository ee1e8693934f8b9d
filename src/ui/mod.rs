//! Leptos components: thin views over the domain, fed by the store.

mod app;
mod art;
pub mod browser;
mod check_in;
mod choice;
mod dates;
mod erase;
mod fields;
mod format;
mod handler;
mod icons;
mod journal;
mod lock_screen;
mod nav;
mod notices;
mod page;
mod partner;
mod passcode_field;
mod progress;
pub mod pwa;
mod remembered;
mod reminders;
mod route;
mod select;
mod settings;
mod store;
mod talk;
mod tick;
pub mod time_out_alarm;
mod today;
mod undo;
mod welcome;

pub use lock_screen::Gate;
