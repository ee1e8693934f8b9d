//! Every localStorage key Rekindle uses. Each record lives under its own key,
//! so a save writes only what changed and two tabs editing different records
//! never touch the same key. The README's "Your data" section mirrors this list.

use crate::domain::affection::AffectionMark;
use crate::domain::appreciation::Appreciation;
use crate::domain::check_in::CheckIn;
use crate::domain::dates::DateIdea;
use crate::domain::decks::DeckPlace;
use crate::domain::id::RecordId;
use crate::domain::journal::JournalEntry;
use crate::domain::record::Record;
use crate::domain::time_out::TimeOut;

/// All of Rekindle's keys start with this, so it never disturbs (or erases)
/// other apps served from the same origin.
pub const PREFIX: &str = "rekindle/";

/// The schema version of everything stored, as a bare number ("1").
pub const SCHEMA: &str = "rekindle/schema";

/// Present only while the passcode lock is on: how to derive the passcode
/// key, and the data key encrypted with it. Plain JSON; nothing readable.
pub const LOCK: &str = "rekindle/lock";

/// The couple's settings (names, check-in day, theme): one document.
pub const SETTINGS: &str = "rekindle/settings";

/// One journal entry per key: `rekindle/journal/<id>` → `{"v":2,"data":{…}}`,
/// or with the lock on, `sealed1:<base64 of nonce and ciphertext>`.
pub const JOURNAL_PREFIX: &str = "rekindle/journal/";

/// Half-written journal text (the new entry, an entry being edited), kept
/// across reloads and app updates: `{"v":2,"data":{…}}` (schema 1 wrote bare
/// JSON, which is still read).
pub const JOURNAL_DRAFTS: &str = "rekindle/drafts/journal";

/// Records that could not be read are moved here, byte for byte, before
/// anything else is written: `rekindle/recovery/<original key>`.
pub const RECOVERY_PREFIX: &str = "rekindle/recovery/";

/// One appreciation per key: `rekindle/appreciation/<id>`.
pub const APPRECIATION_PREFIX: &str = "rekindle/appreciation/";

/// One affection mark ("it happened today") per key: `rekindle/affection/<id>`.
pub const AFFECTION_PREFIX: &str = "rekindle/affection/";

/// One weekly check-in per key, the one under way included:
/// `rekindle/check-in/<id>`.
pub const CHECK_IN_PREFIX: &str = "rekindle/check-in/";

/// One idea in the couple's date backlog, with its plan and memories:
/// `rekindle/date/<id>`.
pub const DATE_PREFIX: &str = "rekindle/date/";

/// The couple's place in one question deck (the shuffle's seed, cards drawn
/// this round), their favourites and own cards: `rekindle/deck/<deck id>`.
pub const DECK_PREFIX: &str = "rekindle/deck/";

/// One conflict time-out, running or over: `rekindle/time-out/<id>`.
pub const TIME_OUT_PREFIX: &str = "rekindle/time-out/";

/// A kind of record kept one per key, under its prefix.
pub trait Stored: Record + serde::Serialize + serde::de::DeserializeOwned {
    const PREFIX: &'static str;
}

impl Stored for JournalEntry {
    const PREFIX: &'static str = JOURNAL_PREFIX;
}

impl Stored for Appreciation {
    const PREFIX: &'static str = APPRECIATION_PREFIX;
}

impl Stored for AffectionMark {
    const PREFIX: &'static str = AFFECTION_PREFIX;
}

impl Stored for CheckIn {
    const PREFIX: &'static str = CHECK_IN_PREFIX;
}

impl Stored for DateIdea {
    const PREFIX: &'static str = DATE_PREFIX;
}

impl Stored for DeckPlace {
    const PREFIX: &'static str = DECK_PREFIX;
}

impl Stored for TimeOut {
    const PREFIX: &'static str = TIME_OUT_PREFIX;
}

pub fn record<R: Stored>(id: &RecordId) -> String {
    format!("{}{id}", R::PREFIX)
}

pub fn recovery(original_key: &str) -> String {
    format!("{RECOVERY_PREFIX}{original_key}")
}
