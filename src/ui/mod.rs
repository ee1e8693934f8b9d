//! Leptos components: thin views over the domain, fed by the store.

mod app;
pub mod browser;
mod check_in;
mod choice;
mod dates;
mod erase;
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
mod route;
mod select;
mod settings;
mod store;
mod talk;
mod tick;
mod today;
mod undo;

pub use lock_screen::Gate;
