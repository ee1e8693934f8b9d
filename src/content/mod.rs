//! What Rekindle says: ideas, questions and guidance, written for this app,
//! kept as plain data so they cost no code to show.

pub mod dates;
pub mod decks;
pub mod first_week;
pub mod guidance;
pub mod talk;
