//! The Journal section.

mod editor;
mod entry_card;
mod filters;
mod page;
mod undo;

pub use page::JournalPage;
