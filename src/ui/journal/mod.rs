//! The Journal section.

mod editor;
mod entry_card;
mod filters;
mod mood_face;
mod page;

pub use page::JournalPage;
