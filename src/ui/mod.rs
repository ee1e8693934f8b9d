//! Leptos components: thin views over the domain, fed by the store.

mod app;
pub mod browser;
mod icons;
mod journal;
mod nav;
mod notices;
mod page;
mod pages;
pub mod pwa;
mod route;
mod settings;
mod store;

pub use app::App;
