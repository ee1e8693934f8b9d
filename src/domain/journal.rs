//! The private journal: entries, the draft a person is writing, and the
//! queries the Journal page runs (search and filters). Plain Rust; time and
//! ids come in as arguments.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Holder, Ledger, Merged, Stamped};
use super::id::RecordId;
use super::journal_v1 as v1;
use super::kind::{Kind, text_within};
use super::mood::Mood;
use super::record::{self, DecodeError};
use super::revision::{Rev, Stamp};
use super::tags::{Tag, parse_tags};

/// What an entry is for. An unspoken need is something the writer has not
/// said out loud yet: the check-in offers it as a gentle agenda item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    #[default]
    Reflection,
    UnspokenNeed,
}

impl EntryKind {
    pub const ALL: [EntryKind; 2] = [EntryKind::Reflection, EntryKind::UnspokenNeed];

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Reflection => "Reflection",
            EntryKind::UnspokenNeed => "Unspoken need",
        }
    }

    /// Stable short name, used in form values and storage.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Reflection => "reflection",
            EntryKind::UnspokenNeed => "unspoken_need",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// Writing prompts a person may start from. Stored by key, so the wording can
/// improve without touching saved entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prompt {
    NoticedToday,
    UnsaidNeed,
    NervousToShare,
    FeltClose,
    WishMoreOf,
}

impl Prompt {
    pub const ALL: [Prompt; 5] = [
        Prompt::NoticedToday,
        Prompt::UnsaidNeed,
        Prompt::NervousToShare,
        Prompt::FeltClose,
        Prompt::WishMoreOf,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Prompt::NoticedToday => "What did I notice about my partner today?",
            Prompt::UnsaidNeed => "A need I haven't said out loud",
            Prompt::NervousToShare => "Something I'm nervous to share",
            Prompt::FeltClose => "When did I feel close to us this week?",
            Prompt::WishMoreOf => "What would I like more of between us?",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Prompt::NoticedToday => "noticed_today",
            Prompt::UnsaidNeed => "unsaid_need",
            Prompt::NervousToShare => "nervous_to_share",
            Prompt::FeltClose => "felt_close",
            Prompt::WishMoreOf => "wish_more_of",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|prompt| prompt.key() == key)
    }
}

/// Where an entry stands with the couple's check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agenda {
    /// "Bring to the next check-in": on that check-in's agenda.
    Next,
    /// Talked about at a check-in and ticked off.
    Discussed,
}

impl Agenda {
    /// The mark after an edit: the editor only offers "bring to the next
    /// check-in", so leaving it unticked keeps an entry's "discussed".
    pub fn after_edit(previous: Option<Agenda>, for_check_in: bool) -> Option<Agenda> {
        match (for_check_in, previous) {
            (true, _) => Some(Agenda::Next),
            (false, Some(Agenda::Discussed)) => Some(Agenda::Discussed),
            (false, _) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub created: DateTime<Utc>,
    /// Bumped on every edit; saving and (later) merging compare it.
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    pub kind: EntryKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Mood>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Prompt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda: Option<Agenda>,
}

impl JournalEntry {
    pub fn for_check_in(&self) -> bool {
        self.agenda == Some(Agenda::Next)
    }
}

impl Kind for JournalEntry {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.created));
    const KEY: &'static str = "journal";
    const NOUN: (&'static str, &'static str) = ("journal entry", "journal entries");

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        text_within("text", &self.text, MAX_ENTRY_CHARS, true)?;
        if self.updated < self.created {
            return Err(String::from("it was changed before it was written"));
        }
        Ok(())
    }

    fn upgrade(version: u32, raw: &str) -> Result<Self, DecodeError> {
        match version {
            1 => record::data_as::<v1::JournalEntry>(raw).map(Into::into),
            _ => Err(record::unknown_version(version)),
        }
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }
}

/// What the editor holds while a person writes. Free-form on purpose (tags
/// are still the raw text typed), so it can be kept as-is across a reload.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: EntryKind,
    pub text: String,
    pub mood: Option<Mood>,
    pub tags: String,
    pub prompt: Option<Prompt>,
    pub for_check_in: bool,
}

impl Draft {
    /// The draft for editing an existing entry.
    pub fn from_entry(entry: &JournalEntry) -> Self {
        Draft {
            kind: entry.kind,
            text: entry.text.clone(),
            mood: entry.mood,
            tags: entry
                .tags
                .iter()
                .map(Tag::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            prompt: entry.prompt,
            for_check_in: entry.for_check_in(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Everything half-written on the Journal page, kept across reloads (and
/// across an app update): the new entry, and an entry being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    #[serde(default)]
    pub new_entry: Draft,
    #[serde(default)]
    pub editing: Option<(RecordId, Draft)>,
}

impl Drafts {
    pub fn is_empty(&self) -> bool {
        self.new_entry.is_blank() && self.editing.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalError {
    EmptyText,
    TooLong { chars: usize },
    NotFound,
}

/// The longest entry we accept: about 30 printed pages. Far beyond any real
/// entry, and it keeps one record from filling the browser's storage.
pub const MAX_ENTRY_CHARS: usize = 50_000;

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JournalError::EmptyText => write!(f, "Write a few words first."),
            JournalError::TooLong { chars } => write!(
                f,
                "This entry is {chars} characters long; the limit is {MAX_ENTRY_CHARS}. \
                 Split it into two entries."
            ),
            JournalError::NotFound => write!(
                f,
                "That entry no longer exists. It may have been deleted in another tab."
            ),
        }
    }
}

/// An entry taken out by `delete`, kept so that `restore` can undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed(JournalEntry);

impl Removed {
    pub fn entry(&self) -> &JournalEntry {
        &self.0
    }
}

/// All entries, always newest first, as one replica holds them.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    entries: Vec<JournalEntry>,
    /// Each entry's searchable text, lower-cased once, in the same order as
    /// `entries`: a keystroke in the search box never re-folds years of text.
    /// Built on first use (see `prepare_search`), so start-up does not wait.
    folded: OnceLock<Vec<String>>,
    ledger: Ledger,
}

/// Two journals are equal when their entries are: the search index is a cache.
impl PartialEq for Journal {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Journal {}

impl Holder for Journal {
    type Kind = JournalEntry;

    fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    fn ledger_mut(&mut self) -> &mut Ledger {
        &mut self.ledger
    }

    fn get(&self, id: &RecordId) -> Option<&JournalEntry> {
        self.entries.iter().find(|entry| &entry.id == id)
    }

    fn set(&mut self, entry: JournalEntry) {
        if let Some(index) = self.index_of(&entry.id) {
            self.remove_at(index);
        }
        self.insert(entry);
    }

    fn unset(&mut self, id: &RecordId) -> Option<JournalEntry> {
        let index = self.index_of(id)?;
        Some(self.remove_at(index))
    }

    /// Years of entries new here (the older packs, after the first
    /// screen) are added and sorted once, not put in place one by one.
    fn absorb_packed(&mut self, items: Vec<Stamped<JournalEntry>>) -> bool {
        let mut known = Vec::new();
        let mut added = false;
        for item in items {
            match item.record {
                Some(entry) if self.ledger.rev(&item.id).is_none() => {
                    self.ledger.load(item.id.clone(), item.rev, false);
                    self.saved_in_pack(&item.id, item.rev);
                    self.entries.push(entry);
                    added = true;
                }
                record => known.push(Stamped { record, ..item }),
            }
        }
        if added {
            self.entries.sort_by(newest_first);
            self.folded = OnceLock::new();
        }
        let mut taken = added;
        for item in known {
            taken |= self.merge_packed(item) == Merged::Taken;
        }
        taken
    }

    /// Ten years are thousands of entries: sorted once, not one by one.
    fn from_stored(stored: Vec<Stamped<JournalEntry>>) -> Self {
        let mut journal = Journal::default();
        let mut entries = Vec::with_capacity(stored.len());
        for item in stored {
            let gone = item.record.is_none();
            if let Some(entry) = item.record {
                entries.push(entry);
            }
            journal.ledger.load(item.id, item.rev, gone);
        }
        entries.sort_by(newest_first);
        journal.entries = entries;
        journal
    }
}

impl Journal {
    /// A journal of `entries` as if stored before revisions existed (tests,
    /// and the ten-year benchmark data).
    pub fn from_entries(entries: Vec<JournalEntry>) -> Self {
        Journal::from_stored(
            entries
                .into_iter()
                .map(|entry| Stamped {
                    id: entry.id.clone(),
                    rev: entry.legacy_rev(),
                    record: Some(entry),
                })
                .collect(),
        )
    }

    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a new entry written from `draft`.
    pub fn add(
        &mut self,
        id: RecordId,
        draft: &Draft,
        at: Stamp,
    ) -> Result<&JournalEntry, JournalError> {
        let text = checked_text(draft)?;
        let entry = JournalEntry {
            id: id.clone(),
            created: at.now,
            updated: at.now,
            kind: draft.kind,
            text,
            mood: draft.mood,
            tags: parse_tags(&draft.tags),
            prompt: draft.prompt,
            agenda: Agenda::after_edit(None, draft.for_check_in),
        };
        self.put(entry, at);
        Ok(self.get(&id).expect("just added"))
    }

    /// Replaces an entry's content with `draft`, keeping its id and creation time.
    pub fn edit_entry(
        &mut self,
        id: &RecordId,
        draft: &Draft,
        at: Stamp,
    ) -> Result<&JournalEntry, JournalError> {
        let text = checked_text(draft)?;
        self.edit(id, at, |entry| {
            entry.text = text;
            entry.kind = draft.kind;
            entry.mood = draft.mood;
            entry.tags = parse_tags(&draft.tags);
            entry.prompt = draft.prompt;
            entry.agenda = Agenda::after_edit(entry.agenda, draft.for_check_in);
            // What people see as "edited" never runs backwards; merges go by revision.
            entry.updated = at.now.max(entry.updated);
        })
        .ok_or(JournalError::NotFound)?;
        Ok(self.get(id).expect("just edited"))
    }

    pub fn remove(&mut self, id: &RecordId, at: Stamp) -> Result<Removed, JournalError> {
        self.delete(id, at)
            .map(Removed)
            .ok_or(JournalError::NotFound)
    }

    /// Undoes a `remove`. A no-op if an entry with that id came back meanwhile.
    pub fn restore(&mut self, removed: Removed, at: Stamp) {
        if self.index_of(&removed.0.id).is_none() {
            self.put(removed.0, at);
        }
    }

    /// Entries matching `filter`, newest first.
    pub fn matching<'a>(
        &'a self,
        filter: &'a JournalFilter,
    ) -> impl Iterator<Item = &'a JournalEntry> + 'a {
        let words = filter.words();
        self.entries
            .iter()
            .zip(self.search_index())
            .filter(move |(entry, folded)| {
                filter.matches_fields(entry)
                    && words.iter().all(|word| folded.contains(word.as_str()))
            })
            .map(|(entry, _)| entry)
    }

    /// Every tag in use, alphabetical, with how many entries carry it.
    pub fn tags(&self) -> Vec<(Tag, usize)> {
        let mut counts = std::collections::BTreeMap::<Tag, usize>::new();
        for tag in self.entries.iter().flat_map(|entry| &entry.tags) {
            *counts.entry(tag.clone()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// Ticks an agenda item off at a check-in (`Discussed`), or back on (`Next`).
    pub fn set_agenda(
        &mut self,
        id: &RecordId,
        agenda: Agenda,
        at: Stamp,
    ) -> Result<(), JournalError> {
        self.edit(id, at, |entry| {
            if entry.agenda != Some(agenda) {
                entry.agenda = Some(agenda);
                entry.updated = at.now.max(entry.updated);
            }
        })
        .ok_or(JournalError::NotFound)
    }

    /// Entries flagged for the next check-in, oldest first (agenda order).
    pub fn for_check_in(&self) -> impl Iterator<Item = &JournalEntry> {
        self.entries
            .iter()
            .rev()
            .filter(|entry| entry.for_check_in())
    }

    fn index_of(&self, id: &RecordId) -> Option<usize> {
        self.entries.iter().position(|entry| &entry.id == id)
    }

    /// Builds the search index now (e.g. while the app is idle) rather than
    /// on the first keystroke.
    pub fn prepare_search(&self) {
        self.search_index();
    }

    fn search_index(&self) -> &[String] {
        self.folded
            .get_or_init(|| self.entries.iter().map(fold).collect())
    }

    /// Puts an entry in its place (newest first), keeping `folded` in step.
    fn insert(&mut self, entry: JournalEntry) {
        let at = self
            .entries
            .partition_point(|other| newest_first(other, &entry).is_lt());
        if let Some(folded) = self.folded.get_mut() {
            folded.insert(at, fold(&entry));
        }
        self.entries.insert(at, entry);
    }

    fn remove_at(&mut self, index: usize) -> JournalEntry {
        if let Some(folded) = self.folded.get_mut() {
            folded.remove(index);
        }
        self.entries.remove(index)
    }
}

fn newest_first(a: &JournalEntry, b: &JournalEntry) -> std::cmp::Ordering {
    b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id))
}

fn checked_text(draft: &Draft) -> Result<String, JournalError> {
    let text = draft.text.trim();
    if text.is_empty() {
        return Err(JournalError::EmptyText);
    }
    let chars = text.chars().count();
    if chars > MAX_ENTRY_CHARS {
        return Err(JournalError::TooLong { chars });
    }
    Ok(text.to_string())
}

/// What the Journal page is showing: free text plus optional exact filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub text: String,
    pub tag: Option<Tag>,
    pub mood: Option<Mood>,
    pub kind: Option<EntryKind>,
}

impl JournalFilter {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.tag.is_none()
            && self.mood.is_none()
            && self.kind.is_none()
    }

    /// Lower-cased search words; an entry must contain all of them.
    fn words(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    fn matches_fields(&self, entry: &JournalEntry) -> bool {
        self.kind.is_none_or(|kind| entry.kind == kind)
            && self.mood.is_none_or(|mood| entry.mood == Some(mood))
            && self.tag.as_ref().is_none_or(|tag| entry.tags.contains(tag))
    }
}

/// What search looks in: the text, the tags and the prompt, lower-cased.
fn fold(entry: &JournalEntry) -> String {
    let mut haystack = entry.text.to_lowercase();
    for tag in &entry.tags {
        haystack.push('\n');
        haystack.push_str(tag.as_str());
    }
    if let Some(prompt) = entry.prompt {
        haystack.push('\n');
        haystack.push_str(&prompt.text().to_lowercase());
    }
    haystack
}
