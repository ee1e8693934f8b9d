//! The Journal section.

mod editor;
mod entry_card;
mod filters;
mod page;

pub use page::JournalPage;
