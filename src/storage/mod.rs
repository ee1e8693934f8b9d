//! The only code that touches the browser's storage. Records are read and
//! written only by the store in `ui::store`; pages may ask `device` for facts
//! about storage (usage, persistence) but write nothing.

pub mod device;
mod error;
pub mod events;
pub mod keys;
mod load;
mod lock;
pub mod pairing;
pub mod passcode;
mod vault;

pub use error::StorageError;
pub use load::{Loaded, load, read, read_pack};
pub use lock::new_epoch;
pub use vault::{Opened, Problem, Vault, has_sealed_values, lock_record};
