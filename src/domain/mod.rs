//! Pure domain logic: no browser, no UI, no clock. Time and randomness come
//! in as arguments, so everything here is tested natively.

pub mod affection;
pub mod appreciation;
pub mod backup;
pub mod calendar;
pub mod chart;
pub mod check_in;
pub mod collection;
pub mod complaint;
pub mod dates;
pub mod day;
pub mod decks;
pub mod exchange;
pub mod id;
pub mod journal;
mod journal_v1;
pub mod kind;
pub mod listening;
pub mod mood;
pub mod pack;
pub mod pairing;
pub mod recap;
pub mod record;
pub mod records;
pub mod revision;
pub mod rhythm;
pub mod seal;
pub mod settings;
pub mod squeeze;
pub mod tags;
pub mod time_out;
pub mod timer;
pub mod timestamp;
pub mod words;
