//! The browser's half of pairing: key agreement and derivation with
//! WebCrypto (ECDH P-256, HKDF-SHA-256, SHA-256, PBKDF2), so none of it is
//! code in the wasm. The formats live in `domain::pairing`.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::error::StorageError;
use super::passcode::{fill_random, subtle};
use crate::domain::pairing::both_keys;
use crate::domain::seal::KEY_BYTES;

/// The couple's key, then the couple's id.
pub type Derived = [u8; KEY_BYTES + 8];

/// Names what the derived bytes are for, so they serve nothing else.
const INFO: &[u8] = b"rekindle exchange v1";
/// Passphrase pairing has no per-couple salt to share; this one names the use.
const PASSPHRASE_SALT: &[u8] = b"rekindle couple passphrase v1";

/// One phone's side while pairing: its key pair (the private half never
/// leaves WebCrypto, and is forgotten once paired) and its public key.
#[derive(Clone)]
pub struct Half {
    private: web_sys::CryptoKey,
    pub public: Vec<u8>,
}

fn failed<T>(what: &'static str) -> impl Fn(T) -> StorageError {
    move |_| StorageError::Failed(format!("the browser could not {what}"))
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect::<js_sys::Array>()
        .into()
}

async fn wait(
    promise: Result<js_sys::Promise, JsValue>,
    what: &'static str,
) -> Result<JsValue, StorageError> {
    JsFuture::from(promise.map_err(failed(what))?)
        .await
        .map_err(failed(what))
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

/// A fresh P-256 key pair for pairing.
pub async fn new_half() -> Result<Half, StorageError> {
    let subtle = subtle()?;
    let algorithm = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())]);
    let pair = wait(
        subtle.generate_key_with_object(&algorithm, false, &usages(&["deriveBits"])),
        "make a key pair",
    )
    .await?;
    let key = |name: &str| -> Result<web_sys::CryptoKey, StorageError> {
        Reflect::get(&pair, &JsValue::from_str(name))
            .ok()
            .and_then(|key| key.dyn_into().ok())
            .ok_or(StorageError::Failed(String::from(
                "the browser made no key pair",
            )))
    };
    let (private, public) = (key("privateKey")?, key("publicKey")?);
    let raw = wait(subtle.export_key("raw", &public), "read the public key").await?;
    Ok(Half {
        private,
        public: bytes(&raw),
    })
}

/// The couple's key and id, from this phone's half and the partner's public
/// key: ECDH, then HKDF over the shared secret with both public keys as salt.
pub async fn join(half: &Half, theirs: &[u8]) -> Result<Derived, StorageError> {
    let subtle = subtle()?;
    let curve = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())]);
    let their_key = wait(
        subtle.import_key_with_object("raw", &Uint8Array::from(theirs), &curve, true, &usages(&[])),
        "read your partner's key",
    )
    .await?;
    let ecdh = object(&[("name", "ECDH".into()), ("public", their_key)]);
    let shared = wait(
        subtle.derive_bits_with_object(&ecdh, &half.private, 256),
        "agree a key",
    )
    .await?;
    let salt = digest(&both_keys(&half.public, theirs)).await?;
    hkdf(&bytes(&shared), &salt).await
}

async fn hkdf(secret: &[u8], salt: &[u8]) -> Result<Derived, StorageError> {
    let subtle = subtle()?;
    let base = wait(
        subtle.import_key_with_str(
            "raw",
            &Uint8Array::from(secret),
            "HKDF",
            false,
            &usages(&["deriveBits"]),
        ),
        "derive the couple's key",
    )
    .await?;
    let params = object(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("info", Uint8Array::from(INFO).into()),
    ]);
    let derived = wait(
        subtle.derive_bits_with_object(&params, base.unchecked_ref(), ((KEY_BYTES + 8) * 8) as u32),
        "derive the couple's key",
    )
    .await?;
    bytes(&derived).try_into().map_err(|_| {
        StorageError::Failed(String::from("the browser derived a key of the wrong size"))
    })
}

/// SHA-256 of `data`.
pub async fn digest(data: &[u8]) -> Result<Vec<u8>, StorageError> {
    let subtle = subtle()?;
    let hash = wait(subtle.digest_with_str_and_u8_array("SHA-256", data), "hash").await?;
    Ok(bytes(&hash))
}

/// The couple's key and id from a passphrase both know (PBKDF2-SHA-256,
/// the lock's 600,000 rounds): the fallback where keys cannot be swapped.
pub async fn from_passphrase(passphrase: &str) -> Result<Derived, StorageError> {
    let tidy = passphrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let bits = super::passcode::derive_bits(
        &tidy,
        PASSPHRASE_SALT,
        crate::domain::seal::PBKDF2_ITERATIONS,
        KEY_BYTES + 8,
    )
    .await?;
    bits.try_into().map_err(|_| {
        StorageError::Failed(String::from("the browser derived a key of the wrong size"))
    })
}

/// This phone's sender id in codes.
pub fn new_sender() -> Result<[u8; 4], StorageError> {
    let mut id = [0; 4];
    fill_random(&mut id)?;
    Ok(id)
}
