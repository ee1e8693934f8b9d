//! What every kind of stored record has in common, and the registry that
//! lists the kinds once. Load, save, the other windows, the lock, backups,
//! erase and the notices all go through the registry, so a new kind is its
//! type (with its `Kind` impl) plus one line in `registry!`.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::id::RecordId;
use super::record::{DecodeError, unknown_version};
use super::revision::Rev;

/// A kind of record, each kept under its own key: `rekindle/<KEY>/<id>`.
pub trait Kind: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The key's middle part ("journal", "check-in").
    const KEY: &'static str;
    /// What one and several are called, in notices and previews.
    const NOUN: (&'static str, &'static str);
    /// Whether this kind goes to the partner's phone unless the person says
    /// otherwise. Private kinds (the journal) never do by default.
    const TRAVELS: bool = false;

    fn id(&self) -> &RecordId;

    /// The record's own rules (lengths, ranges, dates), checked on every way
    /// in: load, another window, import. `Err` says what is wrong, in words.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }

    /// The year whose pack keeps a record of this kind once it has settled
    /// (`pack::settled`); `None`: always kept under its own key (the
    /// settings, the decks' places: few, and changed often). A constant, so
    /// the code for packs is left out of the kinds that never pack.
    const PACKED_IN: Option<fn(&Self) -> i32> = None;

    /// Reads a record stored by an older schema (`0 < version < 3`) whose
    /// data had another shape. By default the shape never changed.
    fn upgrade(version: u32, _raw: &str) -> Result<Self, DecodeError> {
        Err(unknown_version(version))
    }

    /// Notes which parts of the record a change at `rev` touched (a
    /// check-in's halves, one per partner), for `reconcile`. By default a
    /// record is one whole.
    fn stamp_parts(&mut self, _before: &Self, _rev: Rev) {}

    /// Keeps, in this (newer) copy, the parts that `older` changed later:
    /// two phones answering one check-in each keep their own half. True if
    /// anything was kept. By default the newer copy wins whole.
    fn reconcile(&mut self, _older: &Self) -> bool {
        false
    }

    /// The revision of a record stored before revisions existed (schema 1
    /// and 2 ordered copies by their `updated` time).
    fn legacy_rev(&self) -> Rev {
        Rev::legacy(chrono::DateTime::UNIX_EPOCH)
    }
}

/// "1 journal entry", "3 journal entries".
pub fn count<K: Kind>(n: usize) -> String {
    super::words::count(n, K::NOUN.0, K::NOUN.1)
}

/// A rule for `Kind::check`: text that must be there and not too long.
pub fn text_within(what: &str, text: &str, max: usize, required: bool) -> Result<(), String> {
    if required && text.trim().is_empty() {
        return Err(format!("its {what} is empty"));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(format!("its {what} is {chars} characters (at most {max})"));
    }
    Ok(())
}

/// Calls `$then!` with every record kind: its field name (in `Records`, in
/// backups), its type, and the type that holds its records in memory.
/// The one list of kinds; adding a kind is one line here.
#[macro_export]
macro_rules! registry {
    ($then:ident) => {
        $then! {
            journal: $crate::domain::journal::JournalEntry => $crate::domain::journal::Journal,
            appreciations: $crate::domain::appreciation::Appreciation => $crate::domain::collection::Collection<$crate::domain::appreciation::Appreciation>,
            affection: $crate::domain::affection::AffectionMark => $crate::domain::collection::Collection<$crate::domain::affection::AffectionMark>,
            check_ins: $crate::domain::check_in::CheckIn => $crate::domain::collection::Collection<$crate::domain::check_in::CheckIn>,
            dates: $crate::domain::dates::DateIdea => $crate::domain::collection::Collection<$crate::domain::dates::DateIdea>,
            decks: $crate::domain::decks::DeckPlace => $crate::domain::collection::Collection<$crate::domain::decks::DeckPlace>,
            time_outs: $crate::domain::time_out::TimeOut => $crate::domain::collection::Collection<$crate::domain::time_out::TimeOut>,
            settings: $crate::domain::settings::Settings => $crate::domain::collection::Single<$crate::domain::settings::Settings>,
        }
    };
}
