//! The records of one kind as a replica: each record with its revision,
//! deletions kept as tombstones, and what changed since storage last had it.
//! `Holder` carries the rules once (every change moves a revision forward,
//! merges keep the higher revision, a deleted record never comes back from
//! an older copy); `Collection`, `Single` and the journal only say where the
//! records live.

use std::collections::{BTreeSet, HashMap};

use super::id::RecordId;
use super::kind::Kind;
use super::revision::{Rev, Stamp};

/// One record as replicas exchange it: `record` is `None` for a deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamped<K> {
    pub id: RecordId,
    pub rev: Rev,
    pub record: Option<K>,
}

impl<K: Clone> Stamped<&K> {
    pub fn cloned(&self) -> Stamped<K> {
        Stamped {
            id: self.id.clone(),
            rev: self.rev,
            record: self.record.cloned(),
        }
    }
}

/// What a merge did with an incoming copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merged {
    /// It was newer: it is here now.
    Taken,
    /// Ours is newer (or the same): nothing changed.
    Kept,
}

/// Every id this replica knows, live or deleted, with its revision, and the
/// ids whose current copy storage does not hold yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    revs: HashMap<RecordId, Entry>,
    pending: BTreeSet<RecordId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    rev: Rev,
    gone: bool,
    /// Storage holds this revision in its year's pack (not under its own key).
    packed: bool,
}

impl Ledger {
    pub fn rev(&self, id: &RecordId) -> Option<Rev> {
        self.revs.get(id).map(|entry| entry.rev)
    }

    pub fn is_deleted(&self, id: &RecordId) -> bool {
        self.revs.get(id).is_some_and(|entry| entry.gone)
    }

    /// Whether storage keeps our copy of `id` in a pack.
    pub fn is_packed(&self, id: &RecordId) -> bool {
        self.revs.get(id).is_some_and(|entry| entry.packed)
    }

    pub fn is_pending(&self, id: &RecordId) -> bool {
        self.pending.contains(id)
    }

    /// The highest revision here, for the clock to move past.
    pub fn latest(&self) -> Option<Rev> {
        self.revs.values().map(|entry| entry.rev).max()
    }

    pub fn tombstones(&self) -> usize {
        self.revs.values().filter(|entry| entry.gone).count()
    }

    /// A record (or tombstone) as storage holds it.
    pub fn load(&mut self, id: RecordId, rev: Rev, gone: bool) {
        let packed = false;
        self.revs.insert(id, Entry { rev, gone, packed });
    }

    fn note(&mut self, id: RecordId, rev: Rev, gone: bool, pending: bool) {
        if pending {
            self.pending.insert(id.clone());
        } else {
            self.pending.remove(&id);
        }
        let packed = false;
        self.revs.insert(id, Entry { rev, gone, packed });
    }

    /// Storage's pack holds `id` at `rev`: if that is our copy, it is saved.
    fn note_packed(&mut self, id: &RecordId, rev: Rev) -> bool {
        match self.revs.get_mut(id) {
            Some(entry) if entry.rev == rev && !entry.gone => {
                entry.packed = true;
                self.pending.remove(id);
                true
            }
            _ => false,
        }
    }
}

/// Where the records of one kind live in memory, and the replica rules over them.
pub trait Holder: Default + Clone + Send + Sync + 'static {
    type Kind: Kind;

    fn ledger(&self) -> &Ledger;
    fn ledger_mut(&mut self) -> &mut Ledger;
    fn get(&self, id: &RecordId) -> Option<&Self::Kind>;
    /// Puts `record` in, replacing any with its id (no revision rules).
    fn set(&mut self, record: Self::Kind);
    fn unset(&mut self, id: &RecordId) -> Option<Self::Kind>;

    /// Builds the holder from what storage held, all saved already.
    fn from_stored(stored: Vec<Stamped<Self::Kind>>) -> Self {
        let mut holder = Self::default();
        for item in stored {
            holder.merge(item, true);
        }
        holder
    }

    /// Builds the holder at start-up from the records under their own keys
    /// and those in packs. Ten years are thousands of records: each id's
    /// copy is chosen first and the holder built once, not merged one by
    /// one. Only an id stored twice at different revisions is merged (as
    /// `merge_packed` would), after the rest.
    fn from_storage(own: Vec<Stamped<Self::Kind>>, packed: Vec<Stamped<Self::Kind>>) -> Self {
        let mut items = own;
        let mut in_pack = vec![false; items.len()];
        let mut at: HashMap<RecordId, usize> = items
            .iter()
            .enumerate()
            .map(|(index, item)| (item.id.clone(), index))
            .collect();
        let mut twice = Vec::new();
        for item in packed {
            match at.get(&item.id) {
                None => {
                    at.insert(item.id.clone(), items.len());
                    items.push(item);
                    in_pack.push(true);
                }
                Some(&index) if items[index].rev == item.rev => in_pack[index] = true,
                Some(_) => twice.push(item),
            }
        }
        let packed_revs: Vec<(RecordId, Rev)> = items
            .iter()
            .zip(&in_pack)
            .filter(|(_, packed)| **packed)
            .map(|(item, _)| (item.id.clone(), item.rev))
            .collect();
        let mut holder = Self::from_stored(items);
        for (id, rev) in packed_revs {
            holder.ledger_mut().note_packed(&id, rev);
        }
        for item in twice {
            holder.merge_packed(item);
        }
        holder
    }

    /// Adds `record`, or replaces the one with its id, as a change made now.
    fn put(&mut self, mut record: Self::Kind, at: Stamp) {
        let id = record.id().clone();
        let rev = after(self.ledger().rev(&id), at.rev);
        if let Some(before) = self.get(&id) {
            record.stamp_parts(before, rev);
        }
        self.set(record);
        self.ledger_mut().note(id, rev, false, true);
    }

    /// Changes the live record `id` with `change`; `None` if there is none.
    /// The revision moves only if the record really changed.
    fn edit<T>(
        &mut self,
        id: &RecordId,
        at: Stamp,
        change: impl FnOnce(&mut Self::Kind) -> T,
    ) -> Option<T> {
        let mut record = self.get(id)?.clone();
        let result = change(&mut record);
        if self.get(id) != Some(&record) {
            self.put(record, at);
        }
        Some(result)
    }

    /// Deletes `id`, leaving a tombstone so no older copy brings it back.
    fn delete(&mut self, id: &RecordId, at: Stamp) -> Option<Self::Kind> {
        let removed = self.unset(id)?;
        let rev = after(self.ledger().rev(id), at.rev);
        self.ledger_mut().note(id.clone(), rev, true, true);
        Some(removed)
    }

    /// Takes in a copy from elsewhere if its revision is higher. `stored`:
    /// storage holds that copy already (another window wrote it, or it was
    /// just loaded), so only a newer copy of ours still needs writing.
    fn merge(&mut self, incoming: Stamped<Self::Kind>, stored: bool) -> Merged {
        let Stamped { id, rev, record } = incoming;
        match self.ledger().rev(&id) {
            Some(ours) if ours >= rev => {
                // Ours is newer, but may lack parts the older copy changed
                // later (the other phone's half of a check-in): kept too.
                let kept = match (self.get(&id), &record) {
                    (Some(mine), Some(theirs)) => {
                        let mut mine = mine.clone();
                        mine.reconcile(theirs).then_some(mine)
                    }
                    _ => None,
                };
                if let Some(mine) = kept {
                    self.set(mine);
                    self.ledger_mut()
                        .note(id, ours.successor(ours.node), false, true);
                    return Merged::Taken;
                }
                if stored && ours > rev {
                    // Storage went back to an older copy: write ours again.
                    self.ledger_mut().pending.insert(id);
                } else if stored {
                    // The same revision is the same copy: storage has it.
                    self.ledger_mut().pending.remove(&id);
                }
                Merged::Kept
            }
            _ => {
                let gone = record.is_none();
                let mut pending = !stored;
                let mut rev = rev;
                match record {
                    Some(mut record) => {
                        // Parts changed here after the incoming copy was made
                        // are kept: the result is newer than both, and goes on.
                        if let Some(ours) = self.get(&id)
                            && record.reconcile(ours)
                        {
                            rev = rev.successor(rev.node);
                            pending = true;
                        }
                        self.set(record);
                    }
                    None => {
                        self.unset(&id);
                    }
                }
                self.ledger_mut().note(id, rev, gone, pending);
                Merged::Taken
            }
        }
    }

    /// Takes in a record from a pack in storage (loaded, or another window
    /// wrote the pack). An older copy changes nothing: ours is stored on
    /// its own. The same copy, or a newer one taken in, is stored: packed.
    fn merge_packed(&mut self, incoming: Stamped<Self::Kind>) -> Merged {
        let (id, rev) = (incoming.id.clone(), incoming.rev);
        let merged = match self.ledger().rev(&id) {
            Some(ours) if ours > rev => return Merged::Kept,
            Some(ours) if ours == rev => Merged::Kept,
            _ => self.merge(incoming, true),
        };
        self.ledger_mut().note_packed(&id, rev);
        merged
    }

    /// Takes in many records from packs at once (the older years, read
    /// just after the first screen), each as `merge_packed` would. True if
    /// any was taken.
    fn absorb_packed(&mut self, items: Vec<Stamped<Self::Kind>>) -> bool {
        let mut taken = false;
        for item in items {
            taken |= self.merge_packed(item) == Merged::Taken;
        }
        taken
    }

    /// Storage's pack no longer holds these records (it was rewritten
    /// without them, or removed): ours must be written again.
    fn unpacked(&mut self, ids: &[RecordId]) {
        for id in ids {
            if self.ledger().is_packed(id) {
                let ledger = self.ledger_mut();
                if let Some(entry) = ledger.revs.get_mut(id) {
                    entry.packed = false;
                }
                ledger.pending.insert(id.clone());
            }
        }
    }

    /// Storage now holds `id` at `rev` in its pack.
    fn saved_in_pack(&mut self, id: &RecordId, rev: Rev) {
        self.ledger_mut().note_packed(id, rev);
    }

    /// What storage does not hold yet, deletions first: they free room
    /// when storage is full, so they must never wait behind a write.
    fn pending(&self) -> Vec<Stamped<&Self::Kind>> {
        let ledger = self.ledger();
        let mut out: Vec<Stamped<&Self::Kind>> = ledger
            .pending
            .iter()
            .filter_map(|id| {
                let rev = ledger.rev(id)?;
                Some(Stamped {
                    id: id.clone(),
                    rev,
                    record: self.get(id),
                })
            })
            .collect();
        out.sort_by_key(|item| item.record.is_some());
        out
    }

    fn has_pending(&self) -> bool {
        !self.ledger().pending.is_empty()
    }

    /// Storage now holds `id` at `rev` (a later change stays pending).
    fn saved(&mut self, id: &RecordId, rev: Rev) {
        if self.ledger().rev(id) == Some(rev) {
            self.ledger_mut().pending.remove(id);
        }
    }

    /// Storage lost `id` (or holds a bad copy): ours must be written again.
    fn rewrite(&mut self, id: &RecordId) {
        if self.ledger().rev(id).is_some() {
            self.ledger_mut().pending.insert(id.clone());
        }
    }

    /// Storage lost everything (cleared elsewhere): all must be written again.
    fn unsave_all(&mut self) {
        let ledger = self.ledger_mut();
        ledger.pending = ledger.revs.keys().cloned().collect();
        for entry in ledger.revs.values_mut() {
            entry.packed = false;
        }
    }

    /// Every record and tombstone, for a backup or an exchange.
    fn stamped(&self) -> Vec<Stamped<&Self::Kind>> {
        let ledger = self.ledger();
        let mut out: Vec<Stamped<&Self::Kind>> = ledger
            .revs
            .iter()
            .map(|(id, entry)| Stamped {
                id: id.clone(),
                rev: entry.rev,
                record: self.get(id),
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    fn live_count(&self) -> usize {
        self.ledger().revs.len() - self.ledger().tombstones()
    }
}

/// A revision for a change to a record now at `current`: `proposed`, or
/// just after `current` if a clock that once ran ahead stamped it later.
fn after(current: Option<Rev>, proposed: Rev) -> Rev {
    match current {
        Some(current) if current >= proposed => current.successor(proposed.node),
        _ => proposed,
    }
}

/// The records of one kind, in the order they arrived.
#[derive(Clone, Debug)]
pub struct Collection<K> {
    records: Vec<K>,
    index: HashMap<RecordId, usize>,
    ledger: Ledger,
}

impl<K> Default for Collection<K> {
    fn default() -> Self {
        Collection {
            records: Vec::new(),
            index: HashMap::new(),
            ledger: Ledger::default(),
        }
    }
}

impl<K: PartialEq> PartialEq for Collection<K> {
    fn eq(&self, other: &Self) -> bool {
        self.records == other.records && self.ledger == other.ledger
    }
}

/// Reads as the live records, so the domain's queries over slices apply.
impl<K> std::ops::Deref for Collection<K> {
    type Target = [K];

    fn deref(&self) -> &[K] {
        &self.records
    }
}

impl<K> Collection<K> {
    pub fn as_slice(&self) -> &[K] {
        &self.records
    }
}

impl<K: Kind> Holder for Collection<K> {
    type Kind = K;

    fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    fn ledger_mut(&mut self) -> &mut Ledger {
        &mut self.ledger
    }

    fn get(&self, id: &RecordId) -> Option<&K> {
        self.index.get(id).map(|at| &self.records[*at])
    }

    fn set(&mut self, record: K) {
        match self.index.get(record.id()) {
            Some(at) => self.records[*at] = record,
            None => {
                self.index.insert(record.id().clone(), self.records.len());
                self.records.push(record);
            }
        }
    }

    fn unset(&mut self, id: &RecordId) -> Option<K> {
        let at = self.index.remove(id)?;
        let removed = self.records.remove(at);
        for later in &self.records[at..] {
            if let Some(position) = self.index.get_mut(later.id()) {
                *position -= 1;
            }
        }
        Some(removed)
    }
}

/// A kind with one record (the settings): reads as that record, or as its
/// default when none is stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Single<K> {
    value: K,
    present: bool,
    ledger: Ledger,
}

impl<K> std::ops::Deref for Single<K> {
    type Target = K;

    fn deref(&self) -> &K {
        &self.value
    }
}

impl<K: Kind + Default> Single<K> {
    /// Changes the record as a change made now (it is stored from then on).
    pub fn update(&mut self, at: Stamp, change: impl FnOnce(&mut K)) {
        let mut value = self.value.clone();
        change(&mut value);
        if !self.present || value != self.value {
            self.put(value, at);
        }
    }
}

impl<K: Kind + Default> Holder for Single<K> {
    type Kind = K;

    fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    fn ledger_mut(&mut self) -> &mut Ledger {
        &mut self.ledger
    }

    fn get(&self, id: &RecordId) -> Option<&K> {
        (self.present && self.value.id() == id).then_some(&self.value)
    }

    fn set(&mut self, record: K) {
        self.value = record;
        self.present = true;
    }

    fn unset(&mut self, id: &RecordId) -> Option<K> {
        if !self.present || self.value.id() != id {
            return None;
        }
        self.present = false;
        Some(std::mem::take(&mut self.value))
    }
}
