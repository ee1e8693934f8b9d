//! Encryption at rest for the passcode lock: the sealed form of a stored
//! value, and the lock record that holds the data key.
//!
//! A random 256-bit data key encrypts every value (XChaCha20-Poly1305, a
//! fresh random 192-bit nonce per write, the storage key and the lock's
//! epoch as associated data, so a sealed value cannot be moved to another
//! key nor brought back from an earlier lock). The data key itself is kept
//! in the lock record, encrypted with a key derived from the passcode.
//! Changing the passcode re-encrypts that one record: a single write that can
//! never be left half-done. Key derivation happens in the browser (WebCrypto
//! PBKDF2); this module only takes its 32-byte result. Randomness comes in as
//! arguments, like time elsewhere in the domain.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

use super::squeeze;

/// What a sealed value starts with; nothing else stored does.
const SEALED_PREFIX: &str = "sealed1:";
/// A sealed pack of records: squeezed, then sealed, 15 bits to a character
/// (`squeeze`), where base64 would spend a character on six.
pub const PACKED_PREFIX: &str = "sealed2:";
pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 24;
pub const SALT_BYTES: usize = 16;
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// Names the associated data of the wrapped data key.
const LOCK_CONTEXT: &str = "rekindle/lock";
/// The shortest passcode accepted. Each guess costs 600,000 PBKDF2 rounds,
/// but a 6-digit PIN is still only a million guesses: minutes on one GPU.
pub const MIN_PASSCODE_CHARS: usize = 8;

/// Can read and write sealed values: holds the data key, in memory only.
/// During a key rotation it also opens values sealed with the previous key.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
    epoch: String,
    previous: Option<Box<Sealer>>,
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
    stored.starts_with(SEALED_PREFIX) || stored.starts_with(PACKED_PREFIX)
}

impl Sealer {
    /// A sealer for the lock of `epoch` ("" for locks made before epochs).
    pub fn new(data_key: &[u8; KEY_BYTES], epoch: &str) -> Self {
        Sealer {
            cipher: XChaCha20Poly1305::new(data_key.into()),
            epoch: epoch.to_string(),
            previous: None,
        }
    }

    /// Also opens what `previous` sealed (while a rotation is under way).
    pub fn with_previous(mut self, previous: Sealer) -> Self {
        self.previous = Some(Box::new(previous));
        self
    }

    /// The same key, no longer opening what the previous one sealed.
    pub fn without_previous(&self) -> Sealer {
        Sealer {
            previous: None,
            ..self.clone()
        }
    }

    pub fn epoch(&self) -> &str {
        &self.epoch
    }

    /// What binds a value to its key and this lock.
    fn context(&self, key: &str) -> String {
        if self.epoch.is_empty() {
            key.to_string()
        } else {
            format!("{key}\n{}", self.epoch)
        }
    }

    /// Seals `plain` for storage under `key`.
    pub fn seal(&self, key: &str, plain: &str, nonce: [u8; NONCE_BYTES]) -> String {
        let mut bytes = nonce.to_vec();
        bytes.extend(self.encrypt(&self.context(key), plain.as_bytes(), &nonce));
        format!("{SEALED_PREFIX}{}", base64::encode(&bytes))
    }

    /// Seals a pack of records for storage under `key`, squeezed first.
    pub fn seal_packed(&self, key: &str, plain: &str, nonce: [u8; NONCE_BYTES]) -> String {
        let squeezed = squeeze::compress(plain.as_bytes());
        let mut bytes = nonce.to_vec();
        bytes.extend(self.encrypt(&self.context(key), &squeezed, &nonce));
        format!("{PACKED_PREFIX}{}", squeeze::to_chars(&bytes))
    }

    /// Opens a value sealed for `key` (with this key, or the previous one).
    pub fn open(&self, key: &str, stored: &str) -> Result<String, SealError> {
        let (bytes, packed) = match stored.strip_prefix(PACKED_PREFIX) {
            Some(chars) => (squeeze::from_chars(chars), true),
            None => (
                stored.strip_prefix(SEALED_PREFIX).and_then(base64::decode),
                false,
            ),
        };
        let bytes = bytes.ok_or(SealError::Malformed)?;
        let plain = match self.decrypt(&self.context(key), &bytes) {
            Ok(plain) => plain,
            Err(error) => match &self.previous {
                Some(previous) => previous.decrypt(&previous.context(key), &bytes)?,
                None => return Err(error),
            },
        };
        let plain = if packed {
            squeeze::expand(&plain).ok_or(SealError::Malformed)?
        } else {
            plain
        };
        String::from_utf8(plain).map_err(|_| SealError::Malformed)
    }

    /// Seals bytes with `context` as associated data: the nonce, then the
    /// ciphertext (exchange codes and passphrase-protected backups).
    pub fn seal_bytes(&self, context: &str, plain: &[u8], nonce: [u8; NONCE_BYTES]) -> Vec<u8> {
        let mut bytes = nonce.to_vec();
        bytes.extend(self.encrypt(context, plain, &nonce));
        bytes
    }

    /// Opens what `seal_bytes` made with the same `context`.
    pub fn open_bytes(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        self.decrypt(context, sealed)
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

/// Where the lock is in its life. Turning it on, off or to a new key
/// rewrites every value; the state says what a start-up finding the job
/// half-done must finish, and which plain values are genuine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockState {
    /// Every value is sealed with this lock's key; a plain value is foreign.
    #[default]
    On,
    /// Being turned on: plain values are still to be sealed.
    Sealing,
    /// Being turned off: sealed values are still to be opened.
    Opening,
    /// Moving to a new data key: some values are still under the previous one.
    Rotating,
}

/// The data key a rotation moves away from, wrapped like the current one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousKey {
    pub epoch: String,
    pub key: String,
}

/// The lock record: how to derive the passcode key, and the data key
/// sealed with it. Stored in plain text; it holds nothing readable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub v: u32,
    /// A random id for this lock's data key: sealed values are bound to it,
    /// and a window holding another epoch knows it is stale. Empty for
    /// locks made before epochs existed (version 1).
    #[serde(default)]
    pub epoch: String,
    #[serde(default)]
    pub state: LockState,
    /// Always "pbkdf2-sha256" for now; kept so it can change.
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousKey>,
}

/// What one window holds of the lock: compared with the stored record
/// before every write, so a window whose lock changed elsewhere stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockIdentity {
    pub epoch: String,
    pub state: LockState,
}

impl LockRecord {
    /// Seals `data_key` with the key derived from the new passcode.
    pub fn new(
        passcode_key: &[u8; KEY_BYTES],
        salt: [u8; SALT_BYTES],
        data_key: &[u8; KEY_BYTES],
        epoch: String,
        nonce: [u8; NONCE_BYTES],
    ) -> Self {
        LockRecord {
            v: 2,
            epoch,
            state: LockState::On,
            kdf: String::from("pbkdf2-sha256"),
            iterations: PBKDF2_ITERATIONS,
            salt: base64::encode(&salt),
            key: wrap(passcode_key, data_key, nonce),
            previous: None,
        }
    }

    pub fn identity(&self) -> LockIdentity {
        LockIdentity {
            epoch: self.epoch.clone(),
            state: self.state,
        }
    }

    pub fn salt(&self) -> Option<Vec<u8>> {
        base64::decode(&self.salt)
    }

    /// The data key, if `passcode_key` is the right one.
    pub fn data_key(&self, passcode_key: &[u8; KEY_BYTES]) -> Result<[u8; KEY_BYTES], SealError> {
        unwrap(passcode_key, &self.key)
    }

    /// The sealer for this lock, if `passcode_key` is the right one (with
    /// the previous key too while a rotation is under way).
    pub fn sealer(&self, passcode_key: &[u8; KEY_BYTES]) -> Result<Sealer, SealError> {
        let sealer = Sealer::new(&self.data_key(passcode_key)?, &self.epoch);
        Ok(match &self.previous {
            Some(previous) => sealer.with_previous(Sealer::new(
                &unwrap(passcode_key, &previous.key)?,
                &previous.epoch,
            )),
            None => sealer,
        })
    }

    /// The same lock, moving to `data_key` of `epoch`: the current key is
    /// kept as the previous one until every value is sealed anew.
    pub fn rotating(
        &self,
        passcode_key: &[u8; KEY_BYTES],
        data_key: &[u8; KEY_BYTES],
        epoch: String,
        nonce: [u8; NONCE_BYTES],
    ) -> LockRecord {
        LockRecord {
            v: 2,
            state: LockState::Rotating,
            previous: Some(PreviousKey {
                epoch: self.epoch.clone(),
                key: self.key.clone(),
            }),
            epoch,
            key: wrap(passcode_key, data_key, nonce),
            ..self.clone()
        }
    }

    pub fn with_state(&self, state: LockState) -> LockRecord {
        LockRecord {
            state,
            previous: if state == LockState::Rotating {
                self.previous.clone()
            } else {
                None
            },
            ..self.clone()
        }
    }
}

fn wrap(
    passcode_key: &[u8; KEY_BYTES],
    data_key: &[u8; KEY_BYTES],
    nonce: [u8; NONCE_BYTES],
) -> String {
    Sealer::new(passcode_key, "").seal(LOCK_CONTEXT, &base64::encode(data_key), nonce)
}

fn unwrap(passcode_key: &[u8; KEY_BYTES], wrapped: &str) -> Result<[u8; KEY_BYTES], SealError> {
    let encoded = Sealer::new(passcode_key, "").open(LOCK_CONTEXT, wrapped)?;
    base64::decode(&encoded)
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(SealError::Malformed)
}

/// Why a new passcode is not accepted, in words for the person.
pub fn check_new_passcode(passcode: &str, repeated: &str) -> Result<(), &'static str> {
    if passcode.chars().count() < MIN_PASSCODE_CHARS {
        return Err("Use at least 8 characters: a phrase of a few words is easiest to remember.");
    }
    if passcode
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace())
    {
        return Err(
            "Use letters too, not only digits: a number is guessed far faster, even a long one.",
        );
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

    /// The URL- and filename-safe alphabet with no padding (RFC 4648 §5):
    /// codes travel in links, messages and file names.
    pub fn encode_url(bytes: &[u8]) -> String {
        encode(bytes)
            .trim_end_matches('=')
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                c => c,
            })
            .collect()
    }

    pub fn decode_url(text: &str) -> Option<Vec<u8>> {
        if text.contains(['+', '/', '=']) {
            return None;
        }
        let mut standard: String = text
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        while !standard.len().is_multiple_of(4) {
            standard.push('=');
        }
        decode(&standard)
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
