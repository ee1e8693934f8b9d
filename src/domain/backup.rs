//! The backup file: what "Export" writes and "Import" reads. Importing is
//! all-or-nothing: a file is checked completely (every kind's own rules,
//! ids, counts, revisions) before anything changes, and a refusal says why
//! in words a person can act on. A backup holds every record with its
//! revision, and the tombstones of deleted ones, so merging it never brings
//! back what was deleted since, and merging it twice changes nothing.

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Holder, Stamped};
use super::id::RecordId;
use super::journal::JournalEntry;
use super::journal_v1;
use super::kind::Kind;
use super::record::{self, OwnedEnvelope, SCHEMA_VERSION};
use super::records::{Records, Visit, VisitMut};
use super::revision::{Clock, Rev};
use super::seal::{KEY_BYTES, NONCE_BYTES, PBKDF2_ITERATIONS, SALT_BYTES, Sealer, base64};

/// Marks a file as a Rekindle backup (and not any other JSON).
pub const FORMAT: &str = "rekindle-backup";
/// Far above ten years of use (about 3 MB), far below what would hang a phone.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Far above ten years of any kind (a few thousand): more is not a backup
/// this app wrote.
pub const MAX_RECORDS_PER_KIND: usize = 100_000;
/// Backups are shallow; deeper nesting is a hostile or broken file.
const MAX_DEPTH: usize = 16;
/// A revision further ahead of this device's clock than this came from a
/// clock that was wrong: it is taken as made now, so it cannot pin this
/// device's clock to the future.
pub const FUTURE_SLACK: TimeDelta = TimeDelta::days(1);

/// A checked backup.
#[derive(Clone)]
pub struct Backup {
    pub exported: DateTime<Utc>,
    pub records: Records,
}

/// A backup sealed with a passphrase: what "Protect it with a passphrase"
/// writes. The passphrase's key comes from PBKDF2-SHA-256 (as the lock's
/// does, for the same reasons), the backup's text is sealed with it.
pub const SEALED_FORMAT: &str = "rekindle-backup-sealed";
/// Names what the sealed bytes are, so they open as nothing else.
const SEALED_CONTEXT: &str = "rekindle-backup-sealed v1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBackup {
    pub format: String,
    pub kdf: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
    /// Base64 of the nonce and the sealed backup text.
    pub data: String,
}

impl SealedBackup {
    /// `backup` (a backup file's text) sealed with `key`, as a file's text.
    pub fn seal(
        backup: &str,
        key: &[u8; KEY_BYTES],
        salt: [u8; SALT_BYTES],
        nonce: [u8; NONCE_BYTES],
    ) -> String {
        let sealed = Sealer::new(key, "").seal_bytes(SEALED_CONTEXT, backup.as_bytes(), nonce);
        let file = SealedBackup {
            format: SEALED_FORMAT.to_string(),
            kdf: String::from("pbkdf2-sha256"),
            iterations: PBKDF2_ITERATIONS,
            salt: base64::encode(&salt),
            data: base64::encode(&sealed),
        };
        serde_json::to_string(&file).expect("sealed backups serialise")
    }

    /// The file as a sealed backup, if it is one (it then needs a passphrase).
    pub fn read(text: &str) -> Option<SealedBackup> {
        if text.len() > MAX_BYTES || !text.contains(SEALED_FORMAT) {
            return None;
        }
        serde_json::from_str::<SealedBackup>(text)
            .ok()
            .filter(|file| file.format == SEALED_FORMAT && file.kdf == "pbkdf2-sha256")
    }

    pub fn salt(&self) -> Option<Vec<u8>> {
        base64::decode(&self.salt)
    }

    /// The backup's text, if `key` (from the passphrase) is right.
    pub fn open(&self, key: &[u8; KEY_BYTES]) -> Result<String, ImportError> {
        let sealed = base64::decode(&self.data).ok_or(ImportError::WrongPassphrase)?;
        let plain = Sealer::new(key, "")
            .open_bytes(SEALED_CONTEXT, &sealed)
            .map_err(|_| ImportError::WrongPassphrase)?;
        String::from_utf8(plain).map_err(|_| ImportError::WrongPassphrase)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The passphrase does not open a protected backup (or it was changed).
    WrongPassphrase,
    TooLarge {
        bytes: usize,
    },
    TooDeep,
    NotJson(String),
    NotABackup,
    NewerSchema(u32),
    UnknownSchema(u32),
    Invalid(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let refused = "Nothing was imported and nothing changed.";
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} MB; a Rekindle backup is never near {} MB. {refused}",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            ImportError::TooDeep => write!(
                f,
                "This file is not shaped like a Rekindle backup. {refused}"
            ),
            ImportError::NotJson(why) => write!(
                f,
                "This file is not a readable backup (it may be cut short or not a backup at all: {why}). {refused}"
            ),
            ImportError::NotABackup => write!(f, "This file is not a Rekindle backup. {refused}"),
            ImportError::NewerSchema(schema) => write!(
                f,
                "This backup comes from a newer Rekindle (schema {schema}). Update the app, then import it. {refused}"
            ),
            ImportError::UnknownSchema(schema) => {
                write!(
                    f,
                    "This backup has an unknown schema version ({schema}). {refused}"
                )
            }
            ImportError::Invalid(why) => write!(f, "This backup is damaged: {why}. {refused}"),
            ImportError::WrongPassphrase => write!(
                f,
                "That passphrase does not open this backup (or the file was changed since). Check it and try again. {refused}"
            ),
        }
    }
}

/// Everything, as one backup file's text: what it is first, then each
/// kind's records in registry order.
pub fn export(records: &Records, now: DateTime<Utc>) -> String {
    struct Export(String);
    impl Visit for Export {
        fn visit<H: Holder>(&mut self, name: &'static str, holder: &H) {
            let items: Vec<String> = holder
                .stamped()
                .into_iter()
                .map(|item| record::encode_item(Some(&item.id), item.rev, item.record))
                .collect();
            self.0
                .push_str(&format!(",\"{name}\":[{}]", items.join(",")));
        }
    }
    let mut export = Export(format!(
        "{{\"format\":\"{FORMAT}\",\"schema\":{SCHEMA_VERSION},\"exported\":\"{}\"",
        super::timestamp::format(now)
    ));
    records.visit(&mut export);
    export.0.push('}');
    export.0
}

/// The file name an export is offered under: `rekindle-backup-2026-11-23.json`.
pub fn file_name(now: DateTime<Utc>) -> String {
    format!("{FORMAT}-{}.json", now.date_naive())
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema: Option<u32>,
    exported: Option<String>,
}

/// Reads and checks a backup file completely; never panics, whatever the
/// input. `now` is this device's clock: revisions far beyond it are taken
/// as made now.
pub fn parse(text: &str, now: DateTime<Utc>) -> Result<Backup, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let header: Header = serde_json::from_str(text).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => ImportError::NotABackup,
        _ => ImportError::NotJson(error.to_string()),
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match header.schema {
        Some(schema) if schema > SCHEMA_VERSION => return Err(ImportError::NewerSchema(schema)),
        Some(1..=SCHEMA_VERSION) => {}
        Some(schema) => return Err(ImportError::UnknownSchema(schema)),
        None => return Err(ImportError::NotABackup),
    }
    let exported = header
        .exported
        .as_deref()
        .and_then(super::timestamp::parse)
        .ok_or_else(|| ImportError::Invalid(String::from("it has no export date")))?;
    let invalid = |error: serde_json::Error| ImportError::Invalid(error.to_string());
    let records = match header.schema {
        Some(1) => serde_json::from_str::<FileV1>(text)
            .map_err(invalid)?
            .into_records(now),
        Some(2) => serde_json::from_str::<FileV2>(text)
            .map_err(invalid)?
            .into_records(now),
        _ => serde_json::from_str::<File>(text)
            .map_err(invalid)?
            .into_records(now),
    }
    .map_err(ImportError::Invalid)?;
    Ok(Backup { exported, records })
}

macro_rules! files {
    ($($field:ident: $kind:ty => $holder:ty,)*) => {
        /// Schema 3: every record with its id and revision.
        #[derive(Default, Deserialize)]
        struct File {
            $(#[serde(default)] $field: Vec<OwnedEnvelope<$kind>>,)*
        }

        impl File {
            fn into_records(self, now: DateTime<Utc>) -> Result<Records, String> {
                Ok(Records {
                    $($field: <$holder>::from_stored(checked(self.$field, now)?),)*
                })
            }
        }

    };
}

crate::registry!(files);

/// Schema 2: bare records, ordered by their `updated`; the settings as one
/// object. Frozen: a kind added later is simply absent.
#[derive(Deserialize)]
struct FileV2 {
    #[serde(default)]
    journal: Vec<JournalEntry>,
    #[serde(default)]
    appreciations: Vec<super::appreciation::Appreciation>,
    #[serde(default)]
    affection: Vec<super::affection::AffectionMark>,
    #[serde(default)]
    check_ins: Vec<super::check_in::CheckIn>,
    #[serde(default)]
    dates: Vec<super::dates::DateIdea>,
    #[serde(default)]
    decks: Vec<super::decks::DeckPlace>,
    #[serde(default)]
    time_outs: Vec<super::time_out::TimeOut>,
    #[serde(default)]
    settings: Option<super::settings::Settings>,
}

impl FileV2 {
    fn into_records(self, now: DateTime<Utc>) -> Result<Records, String> {
        fn items<K: Kind>(records: Vec<K>) -> Vec<OwnedEnvelope<K>> {
            records.into_iter().map(legacy).collect()
        }
        File {
            journal: items(self.journal),
            appreciations: items(self.appreciations),
            affection: items(self.affection),
            check_ins: items(self.check_ins),
            dates: items(self.dates),
            decks: items(self.decks),
            time_outs: items(self.time_outs),
            settings: items(self.settings.into_iter().collect()),
        }
        .into_records(now)
    }
}

/// Schema 1 backups held only journal entries, in their first form.
#[derive(Deserialize)]
struct FileV1 {
    #[serde(default)]
    journal: Vec<journal_v1::JournalEntry>,
}

impl FileV1 {
    fn into_records(self, now: DateTime<Utc>) -> Result<Records, String> {
        File {
            journal: self
                .journal
                .into_iter()
                .map(|old| legacy(old.into()))
                .collect(),
            ..File::default()
        }
        .into_records(now)
    }
}

/// A record from before revisions, as a backup item of today.
fn legacy<K: Kind>(record: K) -> OwnedEnvelope<K> {
    OwnedEnvelope::legacy(record)
}

/// Checks one kind's items: each record's own rules, its id, no id twice,
/// not more than any real use makes; revisions from a clock far ahead
/// (beyond `now` and the slack) are taken as made now.
fn checked<K: Kind>(
    items: Vec<OwnedEnvelope<K>>,
    now: DateTime<Utc>,
) -> Result<Vec<Stamped<K>>, String> {
    if items.len() > MAX_RECORDS_PER_KIND {
        return Err(format!("it holds {} {}", items.len(), K::NOUN.1));
    }
    let now_ms = now.timestamp_millis().max(0) as u64;
    let latest_ms = (now + FUTURE_SLACK).timestamp_millis().max(0) as u64;
    let mut seen = HashSet::new();
    items
        .into_iter()
        .map(|item| {
            let (id, mut rev, record) = item.into_item()?;
            if !seen.insert(id.clone()) {
                return Err(format!("the {} {id} appears twice", K::NOUN.0));
            }
            if rev.ms > latest_ms {
                rev = Rev {
                    ms: now_ms,
                    counter: 0,
                    node: rev.node,
                };
            }
            Ok(Stamped { id, rev, record })
        })
        .collect()
}

/// Brackets open at the deepest point, outside strings. Cheap, and it stops
/// a pathological file before the parser has to recurse through it.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// How one kind in a backup meets the records here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    /// One and several ("journal entry", "journal entries").
    pub noun: (&'static str, &'static str),
    /// Records in the file (deletions not counted).
    pub in_file: usize,
    /// Not here yet: merge adds them.
    pub new: usize,
    /// Here, but the file's copy is newer: merge takes it.
    pub newer: usize,
    /// Here as they are in the file, or newer here.
    pub same: usize,
    /// Here and deleted in the file since: merge deletes them too.
    pub deleted_there: usize,
    /// Here but not in the file: what "replace" would delete.
    pub only_here: usize,
}

impl KindPreview {
    pub fn is_empty(&self) -> bool {
        self.in_file == 0 && self.only_here == 0 && self.deleted_there == 0
    }
}

/// Every kind's preview, in registry order.
pub fn preview(backup: &Backup, here: &Records) -> Vec<KindPreview> {
    struct Preview<'a> {
        backup: &'a Records,
        out: Vec<KindPreview>,
    }
    impl Visit for Preview<'_> {
        fn visit<H: Holder>(&mut self, _: &'static str, here: &H) {
            let theirs: &H = self.backup.of::<H>();
            let mut preview = KindPreview {
                noun: H::Kind::NOUN,
                ..KindPreview::default()
            };
            for item in theirs.stamped() {
                let ours = here.ledger().rev(&item.id);
                let live_here = here.get(&item.id).is_some();
                match (&item.record, ours) {
                    (Some(_), None) => preview.new += 1,
                    (Some(_), Some(ours)) if ours < item.rev => preview.newer += 1,
                    (Some(_), Some(_)) => preview.same += usize::from(live_here),
                    (None, Some(ours)) if ours < item.rev && live_here => {
                        preview.deleted_there += 1
                    }
                    (None, _) => {}
                }
                preview.in_file += usize::from(item.record.is_some());
            }
            preview.only_here = here
                .stamped()
                .iter()
                .filter(|item| item.record.is_some() && theirs.get(&item.id).is_none())
                .count();
            self.out.push(preview);
        }
    }
    let mut visitor = Preview {
        backup: &backup.records,
        out: Vec::new(),
    };
    here.visit(&mut visitor);
    visitor.out
}

/// Adds what is new, takes newer copies and deletions, keeps everything
/// else: by id and revision, so merging the same file twice changes nothing.
pub fn merge(here: &mut Records, backup: &Backup) {
    struct Merge<'a>(&'a Records);
    impl VisitMut for Merge<'_> {
        fn visit<H: Holder>(&mut self, _: &'static str, here: &mut H) {
            for item in self.0.of::<H>().stamped() {
                here.merge(item.cloned(), false);
            }
        }
    }
    here.visit_mut(&mut Merge(&backup.records));
}

/// Makes this device hold exactly what the backup holds. What differs is
/// changed now (so it wins over older copies elsewhere, as a person
/// replacing everything means); what is the same keeps its revision.
pub fn replace(here: &mut Records, backup: &Backup, clock: &mut Clock, now: DateTime<Utc>) {
    struct Replace<'a> {
        backup: &'a Records,
        clock: &'a mut Clock,
        now: DateTime<Utc>,
    }
    impl VisitMut for Replace<'_> {
        fn visit<H: Holder>(&mut self, _: &'static str, here: &mut H) {
            let theirs: &H = self.backup.of::<H>();
            let gone: Vec<RecordId> = here
                .stamped()
                .into_iter()
                .filter(|item| item.record.is_some() && theirs.get(&item.id).is_none())
                .map(|item| item.id)
                .collect();
            for id in gone {
                here.delete(&id, self.clock.tick(self.now));
            }
            for item in theirs.stamped() {
                if let Some(record) = item.record
                    && here.get(&item.id) != Some(record)
                {
                    here.put(record.clone(), self.clock.tick(self.now));
                }
            }
        }
    }
    here.visit_mut(&mut Replace {
        backup: &backup.records,
        clock,
        now,
    });
}
