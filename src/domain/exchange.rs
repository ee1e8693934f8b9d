//! Partner exchange with no server: the code one phone makes and the other
//! opens. A code is a header (format, couple, sender, sequence number, and
//! the last sequence number heard from the partner) and a payload sealed
//! with the couple's exchange key, the header bound in as associated data so
//! no part of it can be changed. Long codes are split into parts that may be
//! pasted back in any order. The payload is a backup-shaped list of records,
//! so what arrives is checked and merged exactly like an import.
//!
//! Text form of one part: `rk1.<couple>.<sender>.<seq>.<ack>.<i>-<n>.<payload>`.

use super::collection::Holder;
use super::id::RecordId;
use super::kind::Kind;
use super::records::{Records, Visit, VisitMut};
use super::revision::Rev;
use super::seal::{NONCE_BYTES, Sealer, base64};

/// This format's name, first in every part.
pub const VERSION: &str = "rk1";
/// Payload characters in one part: short enough for a message or a QR code.
pub const PART_CHARS: usize = 1_500;
/// Far above any real code; more is not one.
pub const MAX_CODE_CHARS: usize = 4 * 1024 * 1024;

/// What a code says about itself, readable before it is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Which pairing it belongs to (16 hex digits).
    pub couple: String,
    /// The phone that made it (8 hex digits).
    pub sender: String,
    /// Its number among that phone's codes, from 1.
    pub seq: u32,
    /// The last code of the partner's this phone had opened: a receipt.
    pub ack: u32,
}

impl Header {
    /// The associated data: every field, so none can be changed.
    fn context(&self) -> String {
        format!(
            "{VERSION}.{}.{}.{}.{}",
            self.couple, self.sender, self.seq, self.ack
        )
    }
}

/// Why a code is refused, in words for the person; nothing changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    NotACode,
    Newer,
    OtherCouple,
    OwnCode,
    AlreadyOpened { seq: u32 },
    Missing { have: usize, of: usize },
    Damaged,
    TooLong,
}

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unchanged = "Nothing was changed.";
        match self {
            CodeError::NotACode => write!(
                f,
                "This is not a Rekindle code. Paste the whole code your partner sent (it starts with rk1). {unchanged}"
            ),
            CodeError::Newer => write!(
                f,
                "This code was made by a newer Rekindle. Update the app, then open it again. {unchanged}"
            ),
            CodeError::OtherCouple => write!(
                f,
                "This code was made for another pairing (or before you paired again). Ask for a new one. {unchanged}"
            ),
            CodeError::OwnCode => write!(
                f,
                "This code was made on this phone: it is for your partner to open. {unchanged}"
            ),
            CodeError::AlreadyOpened { seq } => write!(
                f,
                "This code (number {seq}) was opened already, or a newer one was: what it holds is here. {unchanged}"
            ),
            CodeError::Missing { have, of } => write!(
                f,
                "This code comes in {of} parts and {have} are here. Paste all of them together. {unchanged}"
            ),
            CodeError::Damaged => write!(
                f,
                "This code was changed or cut short on the way, so it cannot be opened. Ask for it again. {unchanged}"
            ),
            CodeError::TooLong => write!(f, "This is far longer than any code. {unchanged}"),
        }
    }
}

/// The parts of a code for `payload`, sealed with `sealer`.
pub fn make_code(
    sealer: &Sealer,
    header: &Header,
    payload: &[u8],
    nonce: [u8; NONCE_BYTES],
) -> Vec<String> {
    let sealed = base64::encode_url(&sealer.seal_bytes(&header.context(), payload, nonce));
    let chunks: Vec<&str> = sealed
        .as_bytes()
        .chunks(PART_CHARS)
        .map(|chunk| std::str::from_utf8(chunk).expect("base64 is ascii"))
        .collect();
    let count = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| format!("{}.{}-{count}.{chunk}", header.context(), i + 1))
        .collect()
}

/// One part as read from text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    header: Header,
    index: usize,
    count: usize,
    chunk: String,
}

/// Reads every part in `text`: pasted codes, with anything around them
/// (lines, spaces, the app's own link before a `#`).
fn parts(text: &str) -> Result<Vec<Part>, CodeError> {
    if text.len() > MAX_CODE_CHARS {
        return Err(CodeError::TooLong);
    }
    let mut found = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || c == '#') {
        // Quotes, brackets and full stops around a pasted code go; the
        // payload's own `-` and `_` stay.
        let token =
            token.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        if !token.starts_with("rk") {
            continue;
        }
        let fields: Vec<&str> = token.split('.').collect();
        match fields.first() {
            Some(&VERSION) => {}
            Some(other) if other.len() > 2 && other[2..].parse::<u32>().is_ok_and(|v| v > 1) => {
                return Err(CodeError::Newer);
            }
            _ => continue,
        }
        let [_, couple, sender, seq, ack, position, chunk] = fields[..] else {
            return Err(CodeError::Damaged);
        };
        let (index, count) = position.split_once('-').ok_or(CodeError::Damaged)?;
        let number = |text: &str| text.parse::<usize>().map_err(|_| CodeError::Damaged);
        let (index, count) = (number(index)?, number(count)?);
        if index == 0 || index > count || !hex(couple, 16) || !hex(sender, 8) {
            return Err(CodeError::Damaged);
        }
        found.push(Part {
            header: Header {
                couple: couple.to_string(),
                sender: sender.to_string(),
                seq: seq.parse().map_err(|_| CodeError::Damaged)?,
                ack: ack.parse().map_err(|_| CodeError::Damaged)?,
            },
            index,
            count,
            chunk: chunk.to_string(),
        });
    }
    if found.is_empty() {
        return Err(CodeError::NotACode);
    }
    Ok(found)
}

fn hex(text: &str, length: usize) -> bool {
    text.len() == length && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What a phone knows to check a code against.
pub struct Expect<'a> {
    pub sealer: &'a Sealer,
    pub couple: &'a str,
    /// This phone's own sender id: its own codes are not for it.
    pub me: &'a str,
    /// The last of the partner's codes opened here.
    pub heard: u32,
}

/// Opens the code in `text`: its header and payload, or why not.
pub fn open_code(text: &str, expect: &Expect<'_>) -> Result<(Header, Vec<u8>), CodeError> {
    let mut found = parts(text)?;
    let header = found[0].header.clone();
    let count = found[0].count;
    if found.iter().any(|p| p.header != header || p.count != count) {
        return Err(CodeError::Damaged);
    }
    if header.couple != expect.couple {
        return Err(CodeError::OtherCouple);
    }
    if header.sender == expect.me {
        return Err(CodeError::OwnCode);
    }
    if header.seq <= expect.heard {
        return Err(CodeError::AlreadyOpened { seq: header.seq });
    }
    found.sort_by_key(|p| p.index);
    found.dedup_by_key(|p| p.index);
    if found.len() != count {
        return Err(CodeError::Missing {
            have: found.len(),
            of: count,
        });
    }
    let sealed: String = found.iter().map(|p| p.chunk.as_str()).collect();
    let bytes = base64::decode_url(&sealed).ok_or(CodeError::Damaged)?;
    let payload = expect
        .sealer
        .open_bytes(&header.context(), &bytes)
        .map_err(|_| CodeError::Damaged)?;
    Ok((header, payload))
}

/// The kinds that travel unless the person says otherwise (their names in
/// `Records`): what a couple shares, never the private journal.
pub fn kinds_shared_by_default() -> Vec<&'static str> {
    struct Travels(Vec<&'static str>);
    impl Visit for Travels {
        fn visit<H: Holder>(&mut self, name: &'static str, _: &H) {
            if H::Kind::TRAVELS {
                self.0.push(name);
            }
        }
    }
    let mut travels = Travels(Vec::new());
    Records::default().visit(&mut travels);
    travels.0
}

/// What goes to the partner: every record (and deletion) of the chosen
/// `kinds`, and the journal entries `picked` by hand, that the partner does
/// not have yet (`partner_has(kind name, id, revision)`). Whole kinds
/// travel, so a change that takes something back (a plan cancelled, a card
/// removed) travels too.
pub fn outgoing(
    all: &Records,
    kinds: &[&str],
    picked: &[RecordId],
    partner_has: &dyn Fn(&str, &RecordId, Rev) -> bool,
) -> Records {
    struct Pick<'a> {
        all: &'a Records,
        kinds: &'a [&'a str],
        picked: &'a [RecordId],
        partner_has: &'a dyn Fn(&str, &RecordId, Rev) -> bool,
    }
    impl VisitMut for Pick<'_> {
        fn visit<H: Holder>(&mut self, name: &'static str, out: &mut H) {
            let whole = self.kinds.contains(&name);
            let here: &H = self.all.of::<H>();
            let items = here
                .stamped()
                .into_iter()
                .filter(|item| whole || self.picked.contains(&item.id))
                .filter(|item| !(self.partner_has)(name, &item.id, item.rev))
                .map(|item| item.cloned())
                .collect();
            *out = H::from_stored(items);
        }
    }
    let mut out = Records::default();
    out.visit_mut(&mut Pick {
        all,
        kinds,
        picked,
        partner_has,
    });
    out
}

/// Whether `records` holds `id` of the kind named `kind` at exactly `rev`.
pub fn has(records: &Records, kind: &str, id: &RecordId, rev: Rev) -> bool {
    struct Has<'a> {
        kind: &'a str,
        id: &'a RecordId,
        rev: Rev,
        found: bool,
    }
    impl Visit for Has<'_> {
        fn visit<H: Holder>(&mut self, name: &'static str, holder: &H) {
            if name == self.kind {
                self.found = holder.ledger().rev(self.id) == Some(self.rev);
            }
        }
    }
    let mut has = Has {
        kind,
        id,
        rev,
        found: false,
    };
    records.visit(&mut has);
    has.found
}

/// Every record in `records` by kind name, id and revision: what a code
/// brought or carried.
pub fn stamps(records: &Records) -> Vec<(&'static str, RecordId, Rev)> {
    struct Stamps(Vec<(&'static str, RecordId, Rev)>);
    impl Visit for Stamps {
        fn visit<H: Holder>(&mut self, name: &'static str, holder: &H) {
            for item in holder.stamped() {
                self.0.push((name, item.id, item.rev));
            }
        }
    }
    let mut stamps = Stamps(Vec::new());
    records.visit(&mut stamps);
    stamps.0
}

/// How many records of each kind `records` holds, by kind (zero kinds left
/// out): "3 appreciations", "1 check-in".
pub fn counts(records: &Records) -> Vec<String> {
    struct Count(Vec<String>);
    impl Visit for Count {
        fn visit<H: Holder>(&mut self, _: &'static str, holder: &H) {
            let live = holder.live_count();
            let gone = holder.ledger().tombstones();
            if live > 0 {
                self.0.push(super::kind::count::<H::Kind>(live));
            }
            if gone > 0 {
                self.0
                    .push(format!("{} deleted", super::kind::count::<H::Kind>(gone)));
            }
        }
    }
    let mut count = Count(Vec::new());
    records.visit(&mut count);
    count.0
}
