//! The check-in page offers the same calendar reminders as Settings.

pub use crate::ui::reminders::RemindersCard as CalendarCard;
