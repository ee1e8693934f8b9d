//! What the browser offers around storage: how much is in use, keeping the
//! data from being cleared to save space, erasing it, and the records set aside.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::StorageError;
use super::keys;
use super::vault::{keys_with_prefix, local_storage, random_hex};

/// Bytes in use: Rekindle's own records, and the browser's figures for the
/// whole site (which also count the offline copy of the app).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Usage {
    pub records_bytes: f64,
    pub site_usage: Option<f64>,
    pub site_quota: Option<f64>,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Every key of Rekindle's, with its value.
fn rekindle_items() -> Vec<(String, String)> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    keys_with_prefix(&storage, keys::PREFIX)
        .into_iter()
        .filter_map(|key| {
            let value = storage.get_item(&key).ok().flatten()?;
            Some((key, value))
        })
        .collect()
}

pub async fn usage() -> Usage {
    // localStorage keeps text as UTF-16: two bytes a character.
    let records_bytes = rekindle_items()
        .iter()
        .map(|(key, value)| {
            (key.encode_utf16().count() + value.encode_utf16().count()) as f64 * 2.0
        })
        .sum();
    let estimate = match storage_manager().and_then(|manager| manager.estimate().ok()) {
        Some(promise) => JsFuture::from(promise)
            .await
            .ok()
            // A dictionary, not a class: there is nothing to check it against.
            .map(|value| value.unchecked_into::<web_sys::StorageEstimate>()),
        None => None,
    };
    Usage {
        records_bytes,
        site_usage: estimate.as_ref().and_then(|e| e.get_usage()),
        site_quota: estimate.as_ref().and_then(|e| e.get_quota()),
    }
}

async fn ask(promise: Option<js_sys::Promise>) -> Option<bool> {
    JsFuture::from(promise?).await.ok()?.as_bool()
}

/// Whether the browser has promised not to clear this site's data on its own.
pub async fn is_persisted() -> Option<bool> {
    ask(storage_manager().and_then(|manager| manager.persisted().ok())).await
}

/// Asks for that promise; the browser decides (and may say no).
pub async fn request_persistence() -> Option<bool> {
    ask(storage_manager().and_then(|manager| manager.persist().ok())).await
}

/// Every value of Rekindle's exactly as stored, as one JSON object: a copy
/// to keep when it cannot be read here.
pub fn everything_as_stored() -> String {
    let quoted = |text: &str| serde_json::to_string(text).expect("strings serialise");
    let members: Vec<String> = rekindle_items()
        .iter()
        .map(|(key, value)| format!("{}:{}", quoted(key), quoted(value)))
        .collect();
    format!("{{{}}}", members.join(","))
}

/// Removes every key of Rekindle's (records, drafts, recovery copies).
/// Other sites' and other apps' keys on this origin are left alone. Every
/// other window is told first, so none writes back what it holds.
pub fn erase_everything() -> Result<usize, StorageError> {
    let storage = local_storage()?;
    storage
        .set_item(keys::ERASED, &random_hex()?)
        .map_err(StorageError::from_js)?;
    let items = rekindle_items();
    for (key, _) in &items {
        storage.remove_item(key).map_err(StorageError::from_js)?;
    }
    Ok(items.len().saturating_sub(1))
}
