//! Pure domain logic: no browser, no UI, no clock. Time and randomness come
//! in as arguments, so everything here is tested natively.

pub mod backup;
pub mod id;
pub mod journal;
mod journal_v1;
pub mod mood;
pub mod record;
pub mod seal;
pub mod tags;
pub mod timestamp;
