//! Encryption at rest for the passcode lock: the sealed form of a stored
//! value, and the lock record that holds the data key.
//!
//! A random 256-bit data key encrypts every value (XChaCha20-Poly1305, a
//! fresh random 192-bit nonce per write, the storage key as associated data
//! so a sealed value cannot be moved to another key). The data key itself is
//! kept in the lock record, encrypted with a key derived from the passcode.
//! Changing the passcode re-encrypts that one record: a single write that can
//! never be left half-done. Key derivation happens in the browser (WebCrypto
//! PBKDF2); this module only takes its 32-byte result. Randomness comes in as
//! arguments, like time elsewhere in the domain.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

/// What a sealed value starts with; nothing else stored does.
const SEALED_PREFIX: &str = "sealed1:";
pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 24;
pub const SALT_BYTES: usize = 16;
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Names the associated data of the wrapped data key.
const LOCK_CONTEXT: &str = "rekindle/lock";
/// The shortest passcode accepted: a phone's PIN length.
pub const MIN_PASSCODE_CHARS: usize = 6;

/// Can read and write sealed values: holds the data key, in memory only.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Wrong key, or the value was altered: AEAD cannot tell which.
    WrongKeyOrDamaged,
    /// Not a sealed value at all, or cut short.
    Malformed,
}

impl std::fmt::Display for SealError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SealError::WrongKeyOrDamaged => "it does not open with this key (altered or damaged)",
            SealError::Malformed => "it is not a sealed value Rekindle can read",
        })
    }
}

pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX)
}

impl Sealer {
    pub fn new(data_key: &[u8; KEY_BYTES]) -> Self {
        Sealer {
            cipher: XChaCha20Poly1305::new(data_key.into()),
        }
    }

    /// Seals `plain` for storage under `key`.
    pub fn seal(&self, key: &str, plain: &str, nonce: [u8; NONCE_BYTES]) -> String {
        let mut bytes = nonce.to_vec();
        bytes.extend(self.encrypt(key, plain.as_bytes(), &nonce));
        format!("{SEALED_PREFIX}{}", base64::encode(&bytes))
    }

    /// Opens a value sealed for `key`.
    pub fn open(&self, key: &str, stored: &str) -> Result<String, SealError> {
        let bytes = stored
            .strip_prefix(SEALED_PREFIX)
            .and_then(base64::decode)
            .ok_or(SealError::Malformed)?;
        let plain = self.decrypt(key, &bytes)?;
        String::from_utf8(plain).map_err(|_| SealError::Malformed)
    }

    fn encrypt(&self, context: &str, plain: &[u8], nonce: &[u8; NONCE_BYTES]) -> Vec<u8> {
        let payload = Payload {
            msg: plain,
            aad: context.as_bytes(),
        };
        // Only fails for inputs of 256 GB or more.
        self.cipher
            .encrypt(XNonce::from_slice(nonce), payload)
            .expect("encrypts")
    }

    fn decrypt(&self, context: &str, nonce_and_ciphertext: &[u8]) -> Result<Vec<u8>, SealError> {
        if nonce_and_ciphertext.len() < NONCE_BYTES {
            return Err(SealError::Malformed);
        }
        let (nonce, ciphertext) = nonce_and_ciphertext.split_at(NONCE_BYTES);
        let payload = Payload {
            msg: ciphertext,
            aad: context.as_bytes(),
        };
        self.cipher
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| SealError::WrongKeyOrDamaged)
    }
}

/// The lock record: how to derive the passcode key, and the data key
/// sealed with it. Stored in plain text; it holds nothing readable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub v: u32,
    /// Always "pbkdf2-sha256" for now; kept so it can change.
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub key: String,
}

impl LockRecord {
    /// Seals `data_key` with the key derived from the new passcode.
    pub fn new(
        passcode_key: &[u8; KEY_BYTES],
        salt: [u8; SALT_BYTES],
        data_key: &[u8; KEY_BYTES],
        nonce: [u8; NONCE_BYTES],
    ) -> Self {
        let wrapped =
            Sealer::new(passcode_key).seal(LOCK_CONTEXT, &base64::encode(data_key), nonce);
        LockRecord {
            v: 1,
            kdf: String::from("pbkdf2-sha256"),
            iterations: PBKDF2_ITERATIONS,
            salt: base64::encode(&salt),
            key: wrapped,
        }
    }

    pub fn salt(&self) -> Option<Vec<u8>> {
        base64::decode(&self.salt)
    }

    /// The data key, if `passcode_key` is the right one.
    pub fn data_key(&self, passcode_key: &[u8; KEY_BYTES]) -> Result<[u8; KEY_BYTES], SealError> {
        let encoded = Sealer::new(passcode_key).open(LOCK_CONTEXT, &self.key)?;
        base64::decode(&encoded)
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or(SealError::Malformed)
    }
}

/// Why a new passcode is not accepted, in words for the person.
pub fn check_new_passcode(passcode: &str, repeated: &str) -> Result<(), &'static str> {
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err("Use at least 6 characters.");
    }
    if passcode != repeated {
        return Err("The two passcodes are not the same.");
    }
    Ok(())
}

/// Standard base64 with padding; small enough not to need a crate.
pub mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, byte)| n | u32::from(*byte) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// `None` for anything that is not padded base64.
    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if !text.len().is_multiple_of(4) {
            return None;
        }
        let mut out = Vec::with_capacity(text.len() / 4 * 3);
        for (index, chunk) in text.chunks(4).enumerate() {
            let last = index + 1 == text.len() / 4;
            let padding = chunk.iter().rev().take_while(|c| **c == b'=').count();
            if padding > 2 || (padding > 0 && !last) {
                return None;
            }
            let mut n = 0u32;
            for (i, c) in chunk[..4 - padding].iter().enumerate() {
                n |= value(*c)? << (18 - 6 * i);
            }
            let bytes = n.to_be_bytes();
            out.extend_from_slice(&bytes[1..4 - padding]);
        }
        Some(out)
    }

    fn value(c: u8) -> Option<u32> {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(value))
    }
}
