//! Pages that are not big enough to need a folder of their own.

mod coming_soon;
mod settings;
mod today;

pub use coming_soon::ComingSoon;
pub use settings::SettingsPage;
pub use today::TodayPage;
