//! Pages that are not big enough to need a folder of their own.

mod coming_soon;

pub use coming_soon::ComingSoon;
