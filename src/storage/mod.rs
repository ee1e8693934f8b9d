//! The only code that touches the browser's storage. Pages never call it
//! directly: the store in `ui::store` does, on their behalf.

pub mod device;
mod error;
pub mod keys;
mod local;

pub use error::StorageError;
pub use local::{ExternalChange, Loaded, LocalStore, Problem};
