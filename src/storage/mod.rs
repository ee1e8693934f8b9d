//! The only code that touches the browser's storage. Records are read and
//! written only by the store in `ui::store`; pages may ask `device` for facts
//! about storage (usage, persistence, set-aside records) but write nothing.

pub mod device;
mod error;
pub mod keys;
mod local;
pub mod passcode;

pub use error::StorageError;
pub use local::{Change, ExternalChange, Loaded, LocalStore, Problem, Records, lock_record};
