//! Start-up: every record of every kind read through the registry, older
//! forms upgraded, anything unusable set aside with a reason.

use super::error::StorageError;
use super::keys;
use super::vault::{Problem, Vault};
use crate::domain::collection::{Holder, Stamped};
use crate::domain::id::RecordId;
use crate::domain::journal::Drafts;
use crate::domain::kind::Kind;
use crate::domain::pack;
use crate::domain::record::{self, DecodeError};
use crate::domain::records::{Records, VisitMut};
use crate::domain::seal::{LockRecord, Sealer, is_sealed};

/// Everything read at start-up.
pub struct Loaded {
    pub vault: Vault,
    pub records: Records,
    pub drafts: Drafts,
    pub problems: Vec<Problem>,
    /// Packs of years before `defer_before`, as stored at start-up: read
    /// after the first screen (`AppStore::take_in_later`).
    pub later: Vec<(String, String)>,
}

/// Opens storage (with the data key when the lock is on) and reads it,
/// except the packs of years before `defer_before`: ten years are most of
/// the start-up, and the first screen shows this year and last.
pub fn load(lock: Option<(LockRecord, Sealer)>, defer_before: i32) -> Result<Loaded, StorageError> {
    let mut vault = Vault::open(lock)?;
    let stored_schema = vault
        .get(keys::SCHEMA)
        .and_then(|value| value.trim().parse::<u32>().ok());
    if let Some(schema) = stored_schema.filter(|schema| *schema > keys::STORE_SCHEMA) {
        vault.stop_writing(schema);
    }
    let mut problems = Vec::new();
    // One read of every value (ten years is thousands): each kind takes its own.
    let mut stored: Vec<(String, String)> = vault
        .keys(keys::PREFIX)
        .into_iter()
        .filter_map(|key| Some((vault.get(&key)?, key)))
        .map(|(value, key)| (key, value))
        .collect();
    // Sealed data and no lock record to open it: read nothing as plain,
    // move nothing, write nothing.
    let sealed_without_lock = vault.lock().is_none()
        && stored
            .iter()
            .any(|(key, value)| !key.starts_with(keys::RECOVERY_PREFIX) && is_sealed(value));
    if sealed_without_lock {
        return Err(StorageError::SealedWithoutLock);
    }
    if stored.iter().any(|(key, _)| key == keys::OLD_SETTINGS) {
        move_old_settings(&mut vault, &mut stored, &mut problems);
    }
    let mut later = Vec::new();
    let mut reader = Reader {
        vault: &mut vault,
        stored: &stored,
        problems: &mut problems,
        defer_before,
        later: &mut later,
    };
    let mut records = Records::default();
    records.visit_mut(&mut reader);
    let drafts = load_drafts(&vault);
    if stored_schema != Some(keys::STORE_SCHEMA) && vault.read_only().is_none() {
        // With storage full this waits for the next start; nothing depends on it.
        let _ = vault.put_raw(keys::SCHEMA, &keys::STORE_SCHEMA.to_string());
    }
    Ok(Loaded {
        vault,
        records,
        drafts,
        problems,
        later,
    })
}

/// Schema 2 kept the settings under `rekindle/settings`; from 3 they are a
/// record like any other. The text moves as it is (re-sealed for its new
/// key), and the kind's loader upgrades it.
fn move_old_settings(
    vault: &mut Vault,
    stored: &mut Vec<(String, String)>,
    problems: &mut Vec<Problem>,
) {
    let Some(old) = vault.get(keys::OLD_SETTINGS) else {
        return;
    };
    if vault.read_only().is_some() {
        return;
    }
    let new_key = keys::record::<crate::domain::settings::Settings>(
        crate::domain::settings::Settings::default().id(),
    );
    match vault.open_text(keys::OLD_SETTINGS, &old) {
        Ok(text) => {
            if vault.put(&new_key, &text).is_ok() && vault.remove(keys::OLD_SETTINGS).is_ok() {
                stored.retain(|(key, _)| key != keys::OLD_SETTINGS);
                if let Some(moved) = vault.get(&new_key) {
                    stored.push((new_key, moved));
                }
            }
        }
        Err(error) => problems.push(vault.set_aside(keys::OLD_SETTINGS, &old, error)),
    }
}

struct Reader<'a> {
    vault: &'a mut Vault,
    stored: &'a [(String, String)],
    problems: &'a mut Vec<Problem>,
    defer_before: i32,
    later: &'a mut Vec<(String, String)>,
}

impl VisitMut for Reader<'_> {
    fn visit<H: Holder>(&mut self, _: &'static str, holder: &mut H) {
        let prefix = keys::prefix::<H::Kind>();
        let pack_prefix = keys::pack_prefix::<H::Kind>();
        let mut items = Vec::new();
        let mut own_keys = Vec::new();
        for (key, stored) in self
            .stored
            .iter()
            .filter(|(key, _)| key.starts_with(&prefix))
        {
            match read::<H::Kind>(self.vault, key, stored) {
                Ok((item, upgraded)) => {
                    // Kept in today's form. If this write fails, the old
                    // form stays and is upgraded again next time.
                    if upgraded && self.vault.read_only().is_none() {
                        let _ = self
                            .vault
                            .put(key, &record::encode(item.rev, item.record.as_ref()));
                    }
                    own_keys.push((key, item.id.clone()));
                    items.push(item);
                }
                Err(error) => self.problems.push(self.vault.set_aside(key, stored, error)),
            }
        }
        let mut packed = Vec::new();
        let mut salvaged = Vec::new();
        if H::Kind::PACKED_IN.is_some() {
            for (key, stored) in self
                .stored
                .iter()
                .filter(|(key, _)| key.starts_with(&pack_prefix))
            {
                if keys::pack_year_in::<H::Kind>(key).is_some_and(|year| year < self.defer_before) {
                    self.later.push((key.clone(), stored.clone()));
                    continue;
                }
                match read_pack::<H::Kind>(self.vault, key, stored) {
                    Ok(items) => packed.extend(items),
                    Err((readable, error)) => {
                        // The pack's text is kept aside; what could be read
                        // is written again (into a new pack once saved).
                        self.problems.push(self.vault.set_aside(key, stored, error));
                        salvaged.extend(readable);
                    }
                }
            }
        }
        *holder = H::from_storage(items, packed);
        for item in salvaged {
            holder.merge(item, false);
        }
        // A move into a pack that stopped before removing the record's
        // own key: the pack has it, at the same or a newer revision.
        if self.vault.read_only().is_none() {
            for (key, id) in own_keys {
                if holder.ledger().is_packed(&id) {
                    let _ = self.vault.remove(key);
                }
            }
        }
    }
}

/// The records in a stored pack of kind `K`, opened and checked. `Err`
/// holds the ones that could be read beside what was wrong.
pub fn read_pack<K: Kind>(vault: &Vault, key: &str, stored: &str) -> pack::Read<K> {
    let text = vault
        .open_text(key, stored)
        .map_err(|error| (Vec::new(), error))?;
    pack::decode::<K>(&text)
}

/// One stored value of kind `K` under `key`, opened, upgraded and checked
/// (its own rules, and that it is stored under its own id).
pub fn read<K: Kind>(
    vault: &Vault,
    key: &str,
    stored: &str,
) -> Result<(Stamped<K>, bool), DecodeError> {
    let id: RecordId = keys::id_in::<K>(key)
        .ok_or_else(|| DecodeError::Invalid(String::from("not a record's key")))?;
    let text = vault.open_text(key, stored)?;
    let decoded = record::decode::<K>(&text)?;
    if let Some(record) = &decoded.record
        && record.id() != &id
    {
        return Err(DecodeError::Invalid(format!(
            "stored under {id} but its id is {}",
            record.id()
        )));
    }
    let item = Stamped {
        id,
        rev: decoded.rev,
        record: decoded.record,
    };
    Ok((item, decoded.upgraded))
}

/// Half-written text from last time. Drafts are a convenience: one that
/// cannot be read is simply not offered.
fn load_drafts(vault: &Vault) -> Drafts {
    let Some(stored) = vault.get(keys::JOURNAL_DRAFTS) else {
        return Drafts::default();
    };
    // Schema 1 kept drafts as bare JSON; since 2 they carry their version.
    vault
        .open_text(keys::JOURNAL_DRAFTS, &stored)
        .ok()
        .and_then(|text| {
            record::decode_document(&text)
                .ok()
                .or_else(|| serde_json::from_str(&text).ok())
        })
        .unwrap_or_default()
}
