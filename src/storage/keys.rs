//! Every localStorage key Rekindle uses. Each record lives under its own key,
//! `rekindle/<kind>/<id>`, so a save writes only what changed and two windows
//! editing different records never touch the same key. The README's "Your
//! data" section mirrors this list.

use crate::domain::id::RecordId;
use crate::domain::kind::Kind;

/// All of Rekindle's keys start with this, so it never disturbs (or erases)
/// other apps served from the same origin.
pub const PREFIX: &str = "rekindle/";

/// The schema version of everything stored, as a bare number ("4").
pub const SCHEMA: &str = "rekindle/schema";

/// The stored form's version. 4: settled records move into packs, one
/// per kind and year (`rekindle/pack/<kind>/<year>`); a record on its own
/// keeps its schema 3 form. Older builds see 4 and only read.
pub const STORE_SCHEMA: u32 = 4;

/// Where packs live: `rekindle/pack/<kind>/<year>`, squeezed.
pub const PACK_PREFIX: &str = "rekindle/pack/";

/// Present only while the passcode lock is on: its epoch and state, how to
/// derive the passcode key, and the data key encrypted with it.
pub const LOCK: &str = "rekindle/lock";

/// Schema 2 kept the settings here; schema 3 moved them to
/// `rekindle/settings/couple`, like every other record.
pub const OLD_SETTINGS: &str = "rekindle/settings";

/// Half-written journal text (the new entry, an entry being edited), kept
/// across reloads and app updates: `{"v":3,"data":{…}}`.
pub const JOURNAL_DRAFTS: &str = "rekindle/drafts/journal";

/// This phone's pairing with the partner's (the couple's exchange key, where
/// the exchange has got to): `{"v":3,"data":{…}}`, sealed like the rest.
/// Never in a backup: a restored phone pairs again.
pub const PAIRING: &str = "rekindle/pairing";

/// Records that could not be used are moved here, readable, before anything
/// else is written: `rekindle/recovery/<original key>`.
pub const RECOVERY_PREFIX: &str = "rekindle/recovery/";

/// Written (and removed at once) to tell every other window something that
/// is not a record: everything was erased, or "Lock now" was pressed.
pub const ERASED: &str = "rekindle/signal/erased";
pub const LOCK_NOW: &str = "rekindle/signal/lock-now";

/// `rekindle/<kind>/`: where every record of kind `K` lives.
pub fn prefix<K: Kind>() -> String {
    format!("{PREFIX}{}/", K::KEY)
}

pub fn record<K: Kind>(id: &RecordId) -> String {
    format!("{PREFIX}{}/{id}", K::KEY)
}

/// The id in `key` if it is a record of kind `K`.
pub fn id_in<K: Kind>(key: &str) -> Option<RecordId> {
    let id = key
        .strip_prefix(PREFIX)?
        .strip_prefix(K::KEY)?
        .strip_prefix('/')?;
    RecordId::try_from(id.to_string()).ok()
}

/// `rekindle/pack/<kind>/`: where every pack of kind `K` lives.
pub fn pack_prefix<K: Kind>() -> String {
    format!("{PACK_PREFIX}{}/", K::KEY)
}

pub fn pack<K: Kind>(year: i32) -> String {
    format!("{PACK_PREFIX}{}/{year}", K::KEY)
}

/// The year in `key` if it is a pack of kind `K`.
pub fn pack_year_in<K: Kind>(key: &str) -> Option<i32> {
    key.strip_prefix(PACK_PREFIX)?
        .strip_prefix(K::KEY)?
        .strip_prefix('/')?
        .parse()
        .ok()
}

/// Whether `key` holds a pack (or a pack set aside): stored squeezed.
pub fn is_pack(key: &str) -> bool {
    key.strip_prefix(RECOVERY_PREFIX)
        .unwrap_or(key)
        .starts_with(PACK_PREFIX)
}

pub fn recovery(original_key: &str) -> String {
    format!("{RECOVERY_PREFIX}{original_key}")
}

/// Keys that carry no data of the couple's (never sealed, never set aside).
pub fn is_bookkeeping(key: &str) -> bool {
    key == SCHEMA || key == LOCK || key.starts_with("rekindle/signal/")
}
