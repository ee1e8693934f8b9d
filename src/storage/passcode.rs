//! The browser's half of the passcode lock: randomness, and turning a
//! passcode into a key with WebCrypto's PBKDF2-SHA256 (native code, and no
//! key-derivation code in the wasm). The formats live in `domain::seal`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::StorageError;
use crate::domain::seal::{KEY_BYTES, LockRecord, PBKDF2_ITERATIONS, SALT_BYTES, Sealer};

/// Why a passcode did not open the lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    WrongPasscode,
    Browser(StorageError),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::WrongPasscode => {
                f.write_str("That passcode is not right. Nothing was changed; try again.")
            }
            LockError::Browser(error) => error.fmt(f),
        }
    }
}

impl From<StorageError> for LockError {
    fn from(error: StorageError) -> Self {
        LockError::Browser(error)
    }
}

fn crypto() -> Result<web_sys::Crypto, StorageError> {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .ok_or_else(|| StorageError::Failed(String::from("this browser has no WebCrypto")))
}

/// Fills `bytes` from the browser's cryptographic random source. Keys and
/// nonces never fall back to anything weaker: without it, nothing is written.
pub fn fill_random(bytes: &mut [u8]) -> Result<(), StorageError> {
    crypto()?
        .get_random_values_with_u8_array(bytes)
        .map(|_| ())
        .map_err(|_| StorageError::Failed(String::from("no secure random numbers")))
}

fn random<const N: usize>() -> Result<[u8; N], StorageError> {
    let mut bytes = [0; N];
    fill_random(&mut bytes)?;
    Ok(bytes)
}

pub(super) fn subtle() -> Result<web_sys::SubtleCrypto, StorageError> {
    Ok(crypto()?.subtle())
}

/// PBKDF2-SHA256 of `passcode` with `salt`: about half a second on a phone
/// at 600,000 iterations, which is the point (each guess costs as much).
async fn derive(
    passcode: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; KEY_BYTES], StorageError> {
    let bits = derive_bits(passcode, salt, iterations, KEY_BYTES).await?;
    let mut key = [0; KEY_BYTES];
    key.copy_from_slice(&bits);
    Ok(key)
}

/// `length` bytes of PBKDF2-SHA256 of `secret` with `salt`.
pub async fn derive_bits(
    secret: &str,
    salt: &[u8],
    iterations: u32,
    length: usize,
) -> Result<Vec<u8>, StorageError> {
    let failed = |_| {
        StorageError::Failed(String::from(
            "the browser could not derive a key (Rekindle needs https or localhost)",
        ))
    };
    let subtle = subtle()?;
    let secret = js_sys::Uint8Array::from(secret.as_bytes());
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let base = JsFuture::from(
        subtle
            .import_key_with_str("raw", &secret, "PBKDF2", false, &usages)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &js_sys::Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, base.unchecked_ref(), (length * 8) as u32)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec())
}

async fn passcode_key(record: &LockRecord, passcode: &str) -> Result<[u8; KEY_BYTES], LockError> {
    let salt = record.salt().ok_or_else(|| {
        StorageError::Failed(String::from("the passcode lock's record is damaged"))
    })?;
    Ok(derive(passcode, &salt, record.iterations).await?)
}

/// The sealer for `record`, if `passcode` is right.
pub async fn unlock(record: &LockRecord, passcode: &str) -> Result<Sealer, LockError> {
    record
        .sealer(&passcode_key(record, passcode).await?)
        .map_err(|_| LockError::WrongPasscode)
}

/// A new lock: a random data key with a fresh epoch, wrapped with the
/// passcode's key.
pub async fn new_lock(passcode: &str) -> Result<(LockRecord, Sealer), StorageError> {
    let data_key: [u8; KEY_BYTES] = random()?;
    let epoch = super::new_epoch()?;
    let salt: [u8; SALT_BYTES] = random()?;
    let key = derive(passcode, &salt, PBKDF2_ITERATIONS).await?;
    let record = LockRecord::new(&key, salt, &data_key, epoch.clone(), random()?);
    Ok((record, Sealer::new(&data_key, &epoch)))
}

/// The same lock under a new passcode, once the current one is proven.
/// With `rotate`, also a new data key: the record comes back in the
/// rotating state with the sealer for it (opening under either key).
pub async fn rewrap(
    record: &LockRecord,
    current: &str,
    new: &str,
    rotate: bool,
) -> Result<(LockRecord, Sealer), LockError> {
    let old_key = passcode_key(record, current).await?;
    let sealer = record
        .sealer(&old_key)
        .map_err(|_| LockError::WrongPasscode)?;
    let data_key = record
        .data_key(&old_key)
        .map_err(|_| LockError::WrongPasscode)?;
    let salt: [u8; SALT_BYTES] = random()?;
    let new_key = derive(new, &salt, PBKDF2_ITERATIONS).await?;
    let same = LockRecord::new(&new_key, salt, &data_key, record.epoch.clone(), random()?)
        .with_state(record.state);
    if !rotate {
        return Ok((same, sealer));
    }
    let fresh_key: [u8; KEY_BYTES] = random()?;
    let epoch = super::new_epoch()?;
    let rotating = same.rotating(&new_key, &fresh_key, epoch.clone(), random()?);
    let sealer = Sealer::new(&fresh_key, &epoch).with_previous(sealer.without_previous());
    Ok((rotating, sealer))
}
