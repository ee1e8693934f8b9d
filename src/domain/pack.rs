//! Packs: a year's settled records of one kind, kept together under one key
//! and squeezed (`squeeze`). A record on its own costs its key and field
//! names every time; in a pack the repeats cost almost nothing, so twenty
//! years of a heavy couple's words fit in localStorage. Records that may
//! still change (the last month's) and every deletion stay under their own
//! keys, where a save writes only what changed.
//!
//! A pack holds each record exactly as a backup item does
//! (`record::encode_item`): `[{"v":3,"id":…,"rev":…,"data":{…}},…]`.

use std::collections::{BTreeMap, BTreeSet};

use super::collection::{Holder, Stamped};
use super::id::RecordId;
use super::kind::Kind;
use super::record::{self, DecodeError, OwnedEnvelope};
use super::revision::Rev;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// A record unchanged this long has settled: it goes to its year's pack.
pub const SETTLE_MS: u64 = 30 * DAY_MS;
/// A pack is rewritten (a whole year) only for this many settled records
/// waiting outside it, or for one that has waited this long.
const SWEEP_COUNT: usize = 64;
const SWEEP_MS: u64 = 90 * DAY_MS;

/// Whether a record last changed at `rev` has settled by `now_ms`. A clock
/// that once ran ahead leaves its records out until the time comes.
pub fn settled(rev: Rev, now_ms: u64) -> bool {
    rev.ms.saturating_add(SETTLE_MS) <= now_ms
}

/// The year of the pack a record of kind `K` belongs in, settled or not.
pub fn year_in<K: Kind>(record: &K) -> Option<i32> {
    K::PACKED_IN.map(|year| year(record))
}

/// The year of `K`'s pack that this copy belongs in, if it belongs in one.
pub fn year_of<K: Kind>(item: &Stamped<&K>, now_ms: u64) -> Option<i32> {
    let year = year_in(item.record?)?;
    settled(item.rev, now_ms).then_some(year)
}

/// What a pack of `year` holds: every live record of that year that is in
/// the stored pack already or has settled.
pub fn content<H: Holder>(holder: &H, year: i32, now_ms: u64) -> Vec<Stamped<&H::Kind>> {
    holder
        .stamped()
        .into_iter()
        .filter(|item| {
            item.record.and_then(year_in) == Some(year)
                && (holder.ledger().is_packed(&item.id) || settled(item.rev, now_ms))
        })
        .collect()
}

/// The years whose pack a save must write: each holds a pending record
/// that has settled.
pub fn years_due<H: Holder>(holder: &H, now_ms: u64) -> BTreeSet<i32> {
    holder
        .pending()
        .iter()
        .filter_map(|item| year_of(item, now_ms))
        .collect()
}

/// Marks settled records still under their own keys for packing, where a
/// year has enough of them (or one waiting long): the next save moves them.
/// True if any were marked.
pub fn sweep<H: Holder>(holder: &mut H, now_ms: u64) -> bool {
    let mut waiting: BTreeMap<i32, (Vec<RecordId>, u64)> = BTreeMap::new();
    for item in holder.stamped() {
        let ledger = holder.ledger();
        if ledger.is_packed(&item.id) || ledger.is_pending(&item.id) {
            continue;
        }
        if let Some(year) = year_of(&item, now_ms) {
            let (ids, oldest) = waiting.entry(year).or_insert((Vec::new(), u64::MAX));
            ids.push(item.id.clone());
            *oldest = (*oldest).min(item.rev.ms);
        }
    }
    let due: Vec<RecordId> = waiting
        .into_values()
        .filter(|(ids, oldest)| {
            ids.len() >= SWEEP_COUNT || oldest.saturating_add(SWEEP_MS) <= now_ms
        })
        .flat_map(|(ids, _)| ids)
        .collect();
    for id in &due {
        holder.rewrite(id);
    }
    !due.is_empty()
}

/// A pack's text.
pub fn encode<K: Kind>(items: &[Stamped<&K>]) -> String {
    let mut out = String::from("[");
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&record::encode_item(Some(&item.id), item.rev, item.record));
    }
    out.push(']');
    out
}

/// A pack's records, or (`Err`) those that could be read beside what was
/// wrong with the rest.
pub type Read<K> = Result<Vec<Stamped<K>>, (Vec<Stamped<K>>, DecodeError)>;

/// The records in a pack's text, each checked as a backup's item is.
/// `Err` holds the records that could be read and what was wrong with the
/// rest (the caller keeps the pack's text for them).
pub fn decode<K: Kind>(text: &str) -> Read<K> {
    let stamped = |envelope: OwnedEnvelope<K>| {
        let (id, rev, record) = envelope.into_item()?;
        Ok::<_, String>(Stamped { id, rev, record })
    };
    // Nearly always every item reads: one pass.
    let first = match serde_json::from_str::<Vec<OwnedEnvelope<K>>>(text) {
        Ok(envelopes) => {
            let (good, bad): (Vec<_>, Vec<_>) =
                envelopes.into_iter().map(stamped).partition(Result::is_ok);
            let good = good.into_iter().flatten().collect();
            return match bad.into_iter().find_map(Result::err) {
                None => Ok(good),
                Some(why) => Err((good, DecodeError::Invalid(why))),
            };
        }
        Err(error) => error.to_string(),
    };
    // Some item does not read as a record: keep the others, each read on
    // its own (as raw text, so no second reader is compiled for every kind).
    let raw: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)
        .map_err(|error| (Vec::new(), DecodeError::Unreadable(error.to_string())))?;
    let good = raw
        .into_iter()
        .filter_map(|item| stamped(serde_json::from_str(item.get()).ok()?).ok())
        .collect();
    Err((good, DecodeError::Invalid(first)))
}

/// The ids of `year`'s records that this replica believes its pack holds:
/// what another window's rewrite of that pack must still contain.
pub fn packed_ids<H: Holder>(holder: &H, year: i32) -> Vec<RecordId> {
    holder
        .stamped()
        .into_iter()
        .filter(|item| {
            holder.ledger().is_packed(&item.id) && item.record.and_then(year_in) == Some(year)
        })
        .map(|item| item.id)
        .collect()
}
