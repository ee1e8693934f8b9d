//! The backup file: what "Export" writes and "Import" reads. Importing is
//! all-or-nothing: a file is checked completely before anything changes,
//! and a refusal says why in words a person can act on.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::affection::AffectionMark;
use super::appreciation::{Appreciation, MAX_APPRECIATION_CHARS};
use super::check_in::CheckIn;
use super::dates::DateIdea;
use super::decks::{DeckPlace, MAX_CARD_CHARS};
use super::id::RecordId;
use super::journal::{Journal, JournalEntry, MAX_ENTRY_CHARS};
use super::journal_v1;
use super::record;
use super::record::SCHEMA_VERSION;
use super::settings::Settings;
use super::time_out::TimeOut;

/// Marks a file as a Rekindle backup (and not any other JSON).
pub const FORMAT: &str = "rekindle-backup";
/// Far above ten years of use (about 3 MB), far below what would hang a phone.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Backups are shallow; deeper nesting is a hostile or broken file.
const MAX_DEPTH: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema: u32,
    #[serde(with = "super::timestamp")]
    pub exported: DateTime<Utc>,
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    #[serde(default)]
    pub appreciations: Vec<Appreciation>,
    #[serde(default)]
    pub affection: Vec<AffectionMark>,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub dates: Vec<DateIdea>,
    #[serde(default)]
    pub decks: Vec<DeckPlace>,
    #[serde(default)]
    pub time_outs: Vec<TimeOut>,
    /// Absent in backups from before settings existed.
    #[serde(default)]
    pub settings: Option<Settings>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
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
        }
    }
}

/// How the backup's records meet the ones already here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub journal_entries: usize,
    /// Not here yet.
    pub new: usize,
    /// Here, but the backup's copy is newer.
    pub newer: usize,
    /// Here already, as new or newer than the backup's.
    pub kept: usize,
    /// Here but not in the backup: what "replace" would remove.
    pub only_here: usize,
    pub appreciations: usize,
    pub affection_marks: usize,
    pub check_ins: usize,
    pub dates: usize,
    pub decks: usize,
    pub time_outs: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add what is new, take newer copies, keep everything else.
    Merge,
    /// Make this device hold exactly what the backup holds.
    Replace,
}

/// Everything a backup holds, as the app keeps it.
pub struct Contents<'a> {
    pub journal: &'a Journal,
    pub appreciations: &'a [Appreciation],
    pub affection: &'a [AffectionMark],
    pub check_ins: &'a [CheckIn],
    pub dates: &'a [DateIdea],
    pub decks: &'a [DeckPlace],
    pub time_outs: &'a [TimeOut],
    pub settings: &'a Settings,
}

pub fn export(contents: Contents<'_>, now: DateTime<Utc>) -> String {
    let Contents {
        journal,
        appreciations,
        affection,
        check_ins,
        dates,
        decks,
        time_outs,
        settings,
    } = contents;
    let backup = Backup {
        format: FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported: now,
        journal: journal.entries().to_vec(),
        appreciations: appreciations.to_vec(),
        affection: affection.to_vec(),
        check_ins: check_ins.to_vec(),
        dates: dates.to_vec(),
        decks: decks.to_vec(),
        time_outs: time_outs.to_vec(),
        settings: Some(settings.clone()),
    };
    serde_json::to_string(&backup).expect("backups serialise")
}

/// The file name an export is offered under: `rekindle-backup-2026-11-23.json`.
pub fn file_name(now: DateTime<Utc>) -> String {
    format!("{FORMAT}-{}.json", now.date_naive())
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema: Option<u32>,
}

/// Reads and checks a backup file completely; never panics, whatever the input.
pub fn parse(text: &str) -> Result<Backup, ImportError> {
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
    let invalid = |error: serde_json::Error| ImportError::Invalid(error.to_string());
    let backup: Backup = match header.schema {
        Some(SCHEMA_VERSION) => serde_json::from_str(text).map_err(invalid)?,
        Some(schema) if schema > SCHEMA_VERSION => return Err(ImportError::NewerSchema(schema)),
        Some(1) => serde_json::from_str::<BackupV1>(text)
            .map_err(invalid)?
            .into(),
        Some(schema) => return Err(ImportError::UnknownSchema(schema)),
        None => return Err(ImportError::NotABackup),
    };
    validate(&backup)?;
    Ok(backup)
}

/// A backup written by schema version 1.
#[derive(Deserialize)]
struct BackupV1 {
    #[serde(with = "super::timestamp")]
    exported: DateTime<Utc>,
    #[serde(default)]
    journal: Vec<journal_v1::JournalEntry>,
}

impl From<BackupV1> for Backup {
    fn from(old: BackupV1) -> Self {
        Backup {
            format: FORMAT.to_string(),
            schema: SCHEMA_VERSION,
            exported: old.exported,
            journal: old.journal.into_iter().map(Into::into).collect(),
            appreciations: Vec::new(),
            affection: Vec::new(),
            check_ins: Vec::new(),
            dates: Vec::new(),
            decks: Vec::new(),
            time_outs: Vec::new(),
            settings: None,
        }
    }
}

fn validate(backup: &Backup) -> Result<(), ImportError> {
    let mut ids = HashSet::new();
    for entry in &backup.journal {
        if !ids.insert(&entry.id) {
            return Err(ImportError::Invalid(format!(
                "the entry {} appears twice",
                entry.id
            )));
        }
        let chars = entry.text.chars().count();
        if entry.text.trim().is_empty() || chars > MAX_ENTRY_CHARS {
            return Err(ImportError::Invalid(format!(
                "the entry {} has no usable text",
                entry.id
            )));
        }
        if entry.updated < entry.created {
            return Err(ImportError::Invalid(format!(
                "the entry {} was changed before it was written",
                entry.id
            )));
        }
    }
    unique(backup.appreciations.iter().map(|a| &a.id), "appreciation")?;
    unique(backup.affection.iter().map(|m| &m.id), "affection mark")?;
    unique(backup.check_ins.iter().map(|c| &c.id), "check-in")?;
    unique(backup.dates.iter().map(|d| &d.id), "date idea")?;
    unique(backup.decks.iter().map(|d| &d.id), "question deck")?;
    unique(backup.time_outs.iter().map(|t| &t.id), "time-out")?;
    for deck in &backup.decks {
        unique(deck.own.iter().map(|c| &c.id), "card")?;
        if let Some(bad) = deck
            .own
            .iter()
            .find(|c| c.text.trim().is_empty() || c.text.chars().count() > MAX_CARD_CHARS)
        {
            return Err(ImportError::Invalid(format!(
                "the card {} has no usable text",
                bad.id
            )));
        }
    }
    if let Some(bad) = backup
        .appreciations
        .iter()
        .find(|a| a.text.trim().is_empty() || a.text.chars().count() > MAX_APPRECIATION_CHARS)
    {
        return Err(ImportError::Invalid(format!(
            "the appreciation {} has no usable text",
            bad.id
        )));
    }
    Ok(())
}

fn unique<'a>(ids: impl Iterator<Item = &'a RecordId>, what: &str) -> Result<(), ImportError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ImportError::Invalid(format!(
                "the {what} {id} appears twice"
            )));
        }
    }
    Ok(())
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

pub fn preview(backup: &Backup, journal: &Journal) -> Preview {
    let mut preview = Preview {
        journal_entries: backup.journal.len(),
        appreciations: backup.appreciations.len(),
        affection_marks: backup.affection.len(),
        check_ins: backup.check_ins.len(),
        dates: backup.dates.len(),
        decks: backup.decks.len(),
        time_outs: backup.time_outs.len(),
        ..Preview::default()
    };
    for entry in &backup.journal {
        match journal.get(&entry.id) {
            None => preview.new += 1,
            Some(here) if here.updated < entry.updated => preview.newer += 1,
            Some(_) => preview.kept += 1,
        }
    }
    preview.only_here = journal.len().saturating_sub(preview.newer + preview.kept);
    preview
}

/// What an import changes, as the app keeps it.
pub struct Target<'a> {
    pub journal: &'a mut Journal,
    pub appreciations: &'a mut Vec<Appreciation>,
    pub affection: &'a mut Vec<AffectionMark>,
    pub check_ins: &'a mut Vec<CheckIn>,
    pub dates: &'a mut Vec<DateIdea>,
    pub decks: &'a mut Vec<DeckPlace>,
    pub time_outs: &'a mut Vec<TimeOut>,
    pub settings: &'a mut Settings,
}

/// Applies a checked backup. Merging matches records by id, so importing
/// the same file twice changes nothing the second time; it keeps this
/// device's settings. Replacing takes the backup's settings too.
pub fn apply(target: Target<'_>, backup: Backup, mode: ImportMode) {
    match mode {
        ImportMode::Replace => {
            *target.journal = Journal::from_entries(backup.journal);
            *target.appreciations = backup.appreciations;
            *target.affection = backup.affection;
            *target.check_ins = backup.check_ins;
            *target.dates = backup.dates;
            *target.decks = backup.decks;
            *target.time_outs = backup.time_outs;
            if let Some(theirs) = backup.settings {
                *target.settings = theirs;
            }
        }
        ImportMode::Merge => {
            for entry in backup.journal {
                target.journal.upsert(entry);
            }
            for appreciation in backup.appreciations {
                record::upsert(target.appreciations, appreciation);
            }
            for mark in backup.affection {
                record::upsert(target.affection, mark);
            }
            for check_in in backup.check_ins {
                record::upsert(target.check_ins, check_in);
            }
            for idea in backup.dates {
                record::upsert(target.dates, idea);
            }
            for place in backup.decks {
                record::upsert(target.decks, place);
            }
            for time_out in backup.time_outs {
                record::upsert(target.time_outs, time_out);
            }
        }
    }
}
