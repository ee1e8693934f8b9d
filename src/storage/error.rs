//! Storage failures, each with the message a person sees.

use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing or blocked (some private modes, strict settings).
    Unavailable,
    /// The browser refused the write: its storage for this site is full.
    QuotaExceeded,
    /// Not enough room for a change that must happen whole (the lock).
    NoRoom {
        kilobytes: usize,
    },
    /// Stored data comes from a newer Rekindle: this window must not write.
    ReadOnly {
        schema: u32,
    },
    /// Sealed values and no lock record to open them: nothing may be read
    /// as plain or written until the person decides.
    SealedWithoutLock,
    /// The lock was turned on, off or re-keyed in another window: this
    /// window's key is not the stored one, so it must not write.
    Stale,
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(
                f,
                "This browser is not letting Rekindle save anything (private browsing or \
                 blocked site data). You can keep using it, but what you write will be gone \
                 when this tab closes."
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "Your browser's storage for Rekindle is full, so your latest change is not \
                 saved yet. Delete some old entries to make room; Rekindle keeps trying, and \
                 nothing on screen is lost while this tab stays open."
            ),
            StorageError::NoRoom { kilobytes } => write!(
                f,
                "There is not enough room in this browser's storage to encrypt everything \
                 (about {kilobytes} KB more is needed), so nothing was changed and the lock \
                 stays off. Download a backup, delete some old entries, then try again."
            ),
            StorageError::ReadOnly { schema } => write!(
                f,
                "Your data was saved by a newer version of Rekindle (schema {schema}). This \
                 copy opens it read-only so nothing is overwritten: reload to get the update."
            ),
            StorageError::SealedWithoutLock => write!(
                f,
                "What is stored here is encrypted, but the record that opens it is missing."
            ),
            StorageError::Stale => write!(
                f,
                "The passcode lock was changed in another Rekindle window, so this one \
                 starts again."
            ),
            StorageError::Failed(why) => write!(f, "Saving failed: {why}"),
        }
    }
}

impl StorageError {
    /// Classifies a failed `setItem`. Chrome and Safari say QuotaExceededError,
    /// Firefox NS_ERROR_DOM_QUOTA_REACHED; old engines only give code 22 / 1014.
    pub fn from_js(error: JsValue) -> Self {
        if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
            let name = exception.name();
            let quota = name == "QuotaExceededError"
                || name == "NS_ERROR_DOM_QUOTA_REACHED"
                || matches!(exception.code(), 22 | 1014);
            if quota {
                return StorageError::QuotaExceeded;
            }
            return StorageError::Failed(format!("{name}: {}", exception.message()));
        }
        StorageError::Failed(format!("{error:?}"))
    }

    /// Worth trying again by itself in a few seconds.
    pub fn is_passing(&self) -> bool {
        matches!(self, StorageError::QuotaExceeded | StorageError::Failed(_))
    }
}
