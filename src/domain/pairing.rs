//! Pairing two phones, once: what each shows the other (its public key, as
//! text or a QR code), the safety number both compare, and what a paired
//! phone keeps: the couple's exchange key, its own sender id, and where the
//! exchange has got to (which codes were made, which the partner confirmed,
//! which of theirs were opened). Kept on this device only: never in a backup.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::exchange::Header;
use super::id::RecordId;
use super::revision::Rev;
use super::seal::{KEY_BYTES, Sealer, base64};

/// What an offer (a phone's public key) starts with.
const OFFER_PREFIX: &str = "rkp1.";
/// A P-256 public key, uncompressed: 65 bytes.
pub const PUBLIC_KEY_BYTES: usize = 65;
/// How the couple's key was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Public keys swapped in person (ECDH P-256, then HKDF).
    Keys,
    /// A passphrase both know (PBKDF2), where keys cannot be swapped.
    Passphrase,
}

/// The text a phone shows (and puts in its QR code) for the other to read.
pub fn offer_text(public_key: &[u8]) -> String {
    format!("{OFFER_PREFIX}{}", base64::encode_url(public_key))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferError {
    NotAnOffer,
    Code,
}

impl std::fmt::Display for OfferError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OfferError::NotAnOffer => {
                "That is not the pairing text from your partner's Rekindle (it starts with rkp1.). Copy it again, whole."
            }
            OfferError::Code => {
                "That is a code with records in it, not the pairing text. Pair first, then open codes in Receive."
            }
        })
    }
}

/// The partner's public key from the text they showed (whatever surrounds it).
pub fn read_offer(text: &str) -> Result<Vec<u8>, OfferError> {
    let token = text
        .split(|c: char| c.is_whitespace() || c == '#')
        .find(|token| token.starts_with("rk"))
        .ok_or(OfferError::NotAnOffer)?;
    if token.starts_with("rk1.") {
        return Err(OfferError::Code);
    }
    token
        .strip_prefix(OFFER_PREFIX)
        .and_then(base64::decode_url)
        .filter(|key| key.len() == PUBLIC_KEY_BYTES && key[0] == 4)
        .ok_or(OfferError::NotAnOffer)
}

/// The two public keys in one order, whoever holds which: both phones feed
/// the same bytes to the hash and the key derivation.
pub fn both_keys(mine: &[u8], theirs: &[u8]) -> Vec<u8> {
    let (first, second) = if mine <= theirs {
        (mine, theirs)
    } else {
        (theirs, mine)
    };
    [first, second].concat()
}

/// Twelve digits both partners read aloud and compare ("4721 0938 5516"),
/// from a hash of both public keys. Equal on both phones means nobody
/// swapped a key in between.
pub fn safety_number(digest: &[u8]) -> String {
    let mut n = digest
        .iter()
        .take(8)
        .fold(0u64, |n, byte| (n << 8) | u64::from(*byte));
    let mut digits = [0u8; 12];
    for digit in digits.iter_mut().rev() {
        *digit = (n % 10) as u8;
        n /= 10;
    }
    digits
        .chunks(4)
        .map(|group| {
            group
                .iter()
                .map(|d| char::from(b'0' + d))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One code this phone made: its number, this phone's latest revision then,
/// the kinds it carried whole, and the records it carried one by one (picked
/// journal entries). Once the partner confirms it, they have all of that.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    pub seq: u32,
    pub upto: Rev,
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub one_by_one: Vec<(String, Rev)>,
}

/// A paired phone's side of the couple.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    pub method: Method,
    /// Names the pairing in every code (16 hex digits).
    pub couple: String,
    /// The exchange key, base64.
    pub key: String,
    /// This phone's sender id (8 hex digits).
    pub me: String,
    /// Shown at pairing for both to compare (empty for a passphrase).
    #[serde(default)]
    pub safety: String,
    /// Codes made and not yet confirmed, oldest first.
    #[serde(default)]
    pub unconfirmed: Vec<Made>,
    /// The latest code number made.
    #[serde(default)]
    pub sent: u32,
    /// By kind: everything of it up to this revision reached the partner
    /// (they confirmed a code that carried the kind whole).
    #[serde(default)]
    pub confirmed: BTreeMap<String, Rev>,
    /// The partner's latest code opened here.
    #[serde(default)]
    pub heard: u32,
    /// Records the partner has one by one, by `<kind>/<id>`, at the
    /// revision they have: those that came from them (not sent back) and
    /// those picked and confirmed. Forgotten once their kind's `confirmed`
    /// covers them.
    #[serde(default)]
    pub known: BTreeMap<String, Rev>,
}

impl Pairing {
    /// A new pairing from the 40 bytes derived for the couple (the key,
    /// then the couple's id) and this phone's sender id.
    pub fn new(
        method: Method,
        derived: &[u8; KEY_BYTES + 8],
        me: &[u8; 4],
        safety: String,
    ) -> Self {
        Pairing {
            method,
            couple: hex(&derived[KEY_BYTES..]),
            key: base64::encode(&derived[..KEY_BYTES]),
            me: hex(me),
            safety,
            unconfirmed: Vec::new(),
            sent: 0,
            confirmed: BTreeMap::new(),
            heard: 0,
            known: BTreeMap::new(),
        }
    }

    /// Whether the partner has the record `id` of the kind named `kind` at
    /// `rev`: its kind went whole in a code they confirmed since, or it came
    /// from them, or it was picked and confirmed.
    pub fn partner_has(&self, kind: &str, id: &RecordId, rev: Rev) -> bool {
        self.confirmed
            .get(kind)
            .is_some_and(|confirmed| rev <= *confirmed)
            || self.known.get(&format!("{kind}/{id}")) == Some(&rev)
    }

    /// This phone took `id` at `rev` from the partner's code.
    pub fn received(&mut self, kind: &str, id: &RecordId, rev: Rev) {
        self.known.insert(format!("{kind}/{id}"), rev);
    }

    pub fn sealer(&self) -> Option<Sealer> {
        let key: [u8; KEY_BYTES] = base64::decode(&self.key)?.try_into().ok()?;
        Some(Sealer::new(&key, ""))
    }

    /// The header of the next code, made when this phone's latest revision
    /// is `latest`, carrying `kinds` whole and `one_by_one` records
    /// (`(kind, id, rev)`, picked by hand).
    pub fn next_code(
        &mut self,
        latest: Rev,
        kinds: &[&str],
        one_by_one: &[(&str, RecordId, Rev)],
    ) -> Header {
        self.sent += 1;
        self.unconfirmed.push(Made {
            seq: self.sent,
            upto: latest,
            kinds: kinds.iter().map(|kind| kind.to_string()).collect(),
            one_by_one: one_by_one
                .iter()
                .map(|(kind, id, rev)| (format!("{kind}/{id}"), *rev))
                .collect(),
        });
        Header {
            couple: self.couple.clone(),
            sender: self.me.clone(),
            seq: self.sent,
            ack: self.heard,
        }
    }

    /// A code from the partner was opened: its number is heard, and its
    /// receipt confirms this phone's codes up to the one it names.
    pub fn opened(&mut self, header: &Header) {
        self.heard = self.heard.max(header.seq);
        let (done, waiting): (Vec<Made>, Vec<Made>) = std::mem::take(&mut self.unconfirmed)
            .into_iter()
            .partition(|made| made.seq <= header.ack);
        for made in done {
            for kind in made.kinds {
                let confirmed = self.confirmed.entry(kind).or_insert(made.upto);
                *confirmed = (*confirmed).max(made.upto);
            }
            for (key, rev) in made.one_by_one {
                self.known.insert(key, rev);
            }
        }
        self.unconfirmed = waiting;
        let confirmed = &self.confirmed;
        self.known.retain(|key, rev| {
            let kind = key.split('/').next().unwrap_or_default();
            confirmed.get(kind).is_none_or(|until| *rev > *until)
        });
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
