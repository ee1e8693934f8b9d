//! Dates: the idea library's attributes, the couple's backlog (ideas they
//! saved or wrote), plans, memories, and the pick that favours something
//! new. Novelty is the point (the essay: not dinner on autopilot), so the
//! figures here count what was new to the two of them.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::collection::{Collection, Holder};
use super::id::RecordId;
use super::kind::{Kind, text_within};
use super::revision::{Rev, Stamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    AtHome,
    Outdoors,
    OutAndAbout,
    Learning,
    Playful,
    Adventurous,
    Romantic,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::AtHome,
        Category::Outdoors,
        Category::OutAndAbout,
        Category::Learning,
        Category::Playful,
        Category::Adventurous,
        Category::Romantic,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::AtHome => "At home",
            Category::Outdoors => "Outdoors",
            Category::OutAndAbout => "Out and about",
            Category::Learning => "Learning together",
            Category::Playful => "Playful",
            Category::Adventurous => "Adventurous",
            Category::Romantic => "Romantic",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub const ALL: [Season; 4] = [
        Season::Spring,
        Season::Summer,
        Season::Autumn,
        Season::Winter,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Autumn => "Autumn",
            Season::Winter => "Winter",
        }
    }

    /// Meteorological seasons of the northern hemisphere (March–May is
    /// spring); the season filter starts from this and can be changed.
    pub fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Autumn,
            _ => Season::Winter,
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The seasons an idea suits, as a small set (stored as its bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Seasons(u8);

impl Seasons {
    pub const ALL: Seasons = Seasons(0b1111);

    pub const fn of(seasons: &[Season]) -> Seasons {
        let mut bits = 0;
        let mut i = 0;
        while i < seasons.len() {
            bits |= seasons[i].bit();
            i += 1;
        }
        Seasons(bits)
    }

    pub fn contains(self, season: Season) -> bool {
        self.0 & season.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 & 0b1111 == 0
    }

    pub fn with(self, season: Season, on: bool) -> Seasons {
        if on {
            Seasons(self.0 | season.bit())
        } else {
            Seasons(self.0 & !season.bit())
        }
    }

    /// "All year", or "Spring, Summer".
    pub fn label(self) -> String {
        if self == Seasons::ALL {
            return String::from("All year");
        }
        labels(Season::ALL, |s| self.contains(s), Season::label).join(", ")
    }
}

/// The labels of the members of a small set, in `all`'s order.
fn labels<T: Copy, const N: usize>(
    all: [T; N],
    has: impl Fn(T) -> bool,
    label: fn(T) -> &'static str,
) -> Vec<&'static str> {
    all.into_iter().filter(|t| has(*t)).map(label).collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    Low,
    Medium,
    High,
}

impl Cost {
    pub const ALL: [Cost; 4] = [Cost::Free, Cost::Low, Cost::Medium, Cost::High];

    /// Words, not currency signs: the app is used in many countries.
    pub fn label(self) -> &'static str {
        match self {
            Cost::Free => "Free",
            Cost::Low => "Low cost",
            Cost::Medium => "Some cost",
            Cost::High => "A treat",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Energy {
    Low,
    Medium,
    High,
}

impl Energy {
    pub const ALL: [Energy; 3] = [Energy::Low, Energy::Medium, Energy::High];

    pub fn label(self) -> &'static str {
        match self {
            Energy::Low => "Low energy",
            Energy::Medium => "Some energy",
            Energy::High => "Lots of energy",
        }
    }
}

/// What an idea asks of the body, for someone who cannot manage stairs or
/// rough ground, or needs to sit: facts the filters can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// No stairs or rough ground needed.
    StepFree,
    /// Can be enjoyed sitting down.
    Seated,
}

impl Access {
    pub const ALL: [Access; 2] = [Access::StepFree, Access::Seated];

    /// The filter chip's word.
    pub fn label(self) -> &'static str {
        match self {
            Access::StepFree => "Step-free",
            Access::Seated => "Seated",
        }
    }

    /// In an idea's details.
    pub fn note(self) -> &'static str {
        match self {
            Access::StepFree => "Step-free",
            Access::Seated => "Can be done seated",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The access notes an idea carries, as a small set. Library content only:
/// the couple's own ideas carry none, so a chip never vouches for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AccessNotes(u8);

impl AccessNotes {
    pub const NONE: AccessNotes = AccessNotes(0);
    pub const STEP_FREE: AccessNotes = AccessNotes(Access::StepFree.bit());
    pub const SEATED: AccessNotes = AccessNotes(Access::Seated.bit());
    pub const BOTH: AccessNotes = AccessNotes(Access::StepFree.bit() | Access::Seated.bit());

    pub fn contains(self, access: Access) -> bool {
        self.0 & access.bit() != 0
    }

    /// "Step-free · Can be done seated", or nothing.
    pub fn label(self) -> String {
        labels(Access::ALL, |a| self.contains(a), Access::note).join(" · ")
    }
}

/// An idea: one in the built-in library (`content/dates.rs`), or the
/// couple's own as they typed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Idea<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub category: Category,
    pub seasons: Seasons,
    pub cost: Cost,
    /// A typical length, in minutes.
    pub minutes: u16,
    pub energy: Energy,
    pub access: AccessNotes,
}

/// "2 h", "45 min", "1 h 30 min": whole numbers, no floats.
pub fn duration_label(minutes: u16) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// How a date went, in words, from 1 ("not for us") to 5 ("loved it"):
/// a memory is not a score.
pub const RATINGS: [&str; 5] = ["Not for us", "So-so", "Good", "Lovely", "Loved it"];

/// The words for `rating` (1–5); anything else reads as the nearest end.
pub fn rating_label(rating: u8) -> &'static str {
    RATINGS[usize::from(rating.clamp(1, 5)) - 1]
}

/// A planned date: a local day and time (as the couple means it, wherever
/// they are), stored as "2026-11-28T19:00".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(with = "local_minute")]
    pub at: NaiveDateTime,
}

/// How a date went: kept as a memory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    #[serde(with = "super::timestamp::day")]
    pub day: NaiveDate,
    /// 1 to 5.
    pub rating: u8,
    /// "What made us laugh".
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub would_repeat: bool,
}

/// An idea in the couple's backlog: saved from the library or their own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateIdea {
    pub id: RecordId,
    #[serde(with = "super::timestamp")]
    pub created: DateTime<Utc>,
    #[serde(with = "super::timestamp")]
    pub updated: DateTime<Utc>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub category: Category,
    pub seasons: Seasons,
    pub cost: Cost,
    pub minutes: u16,
    pub energy: Energy,
    /// Saved from the library: that idea's title, so the library shows it as saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// Every time they did it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memories: Vec<Memory>,
}

impl Kind for DateIdea {
    const PACKED_IN: Option<fn(&Self) -> i32> =
        Some(|record| chrono::Datelike::year(&record.created));
    const KEY: &'static str = "date";
    const NOUN: (&'static str, &'static str) = ("date idea", "date ideas");
    const TRAVELS: bool = true;

    fn id(&self) -> &RecordId {
        &self.id
    }

    fn check(&self) -> Result<(), String> {
        text_within("name", &self.title, MAX_TITLE_CHARS, true)?;
        text_within(
            "description",
            &self.description,
            MAX_DESCRIPTION_CHARS,
            false,
        )?;
        if self.seasons.is_empty() {
            return Err(String::from("it has no season"));
        }
        if !(5..=24 * 60).contains(&self.minutes) {
            return Err(format!("it lasts {} minutes", self.minutes));
        }
        for memory in &self.memories {
            if !(1..=5).contains(&memory.rating) {
                return Err(format!("a memory is rated {} (1 to 5)", memory.rating));
            }
            text_within("memory", &memory.note, MAX_NOTE_CHARS, false)?;
        }
        Ok(())
    }

    fn legacy_rev(&self) -> Rev {
        Rev::legacy(self.updated)
    }
}

pub const MAX_TITLE_CHARS: usize = 80;
pub const MAX_DESCRIPTION_CHARS: usize = 400;
pub const MAX_NOTE_CHARS: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    NoTitle,
    TitleTooLong,
    DescriptionTooLong,
    NoSeason,
    BadDuration,
    BadRating,
    NoteTooLong,
    BadTime,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateError::NoTitle => "Give the idea a name first.",
            DateError::TitleTooLong => "Keep the name short (80 characters).",
            DateError::DescriptionTooLong => {
                "Keep the description to a few lines (400 characters)."
            }
            DateError::NoSeason => "Choose at least one season.",
            DateError::BadDuration => "Choose how long it takes.",
            DateError::BadRating => "Choose a rating from 1 to 5.",
            DateError::NoteTooLong => "Keep the memory to a paragraph or two (1,000 characters).",
            DateError::BadTime => "Choose a day and a time.",
        })
    }
}

impl DateIdea {
    pub fn from_library(id: RecordId, idea: &Idea<'_>, now: DateTime<Utc>) -> Self {
        DateIdea {
            id,
            created: now,
            updated: now,
            title: idea.title.to_string(),
            description: idea.description.to_string(),
            category: idea.category,
            seasons: idea.seasons,
            cost: idea.cost,
            minutes: idea.minutes,
            energy: idea.energy,
            library: Some(idea.title.to_string()),
            plan: None,
            memories: Vec::new(),
        }
    }

    /// One of the couple's own, checked: `idea` holds what they typed.
    pub fn own(id: RecordId, idea: &Idea<'_>, now: DateTime<Utc>) -> Result<Self, DateError> {
        let title = idea.title.trim();
        let description = idea.description.trim();
        if title.is_empty() {
            return Err(DateError::NoTitle);
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(DateError::TitleTooLong);
        }
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            return Err(DateError::DescriptionTooLong);
        }
        if idea.seasons.is_empty() {
            return Err(DateError::NoSeason);
        }
        if !(5..=24 * 60).contains(&idea.minutes) {
            return Err(DateError::BadDuration);
        }
        let mut own = DateIdea::from_library(id, idea, now);
        own.title = title.to_string();
        own.description = description.to_string();
        own.library = None;
        Ok(own)
    }

    fn touch(&mut self, now: DateTime<Utc>) {
        // Never let the clock run backwards on a record: merges trust `updated`.
        self.updated = now.max(self.updated);
    }

    /// Plans it (or moves the plan) to a local day and time.
    pub fn plan(&mut self, at: NaiveDateTime, now: DateTime<Utc>) {
        self.plan = Some(Plan { at });
        self.touch(now);
    }

    pub fn cancel_plan(&mut self, now: DateTime<Utc>) {
        self.plan = None;
        self.touch(now);
    }

    /// Keeps how it went; the plan, if any, is done with.
    pub fn mark_done(&mut self, memory: Memory, now: DateTime<Utc>) -> Result<(), DateError> {
        if !(1..=5).contains(&memory.rating) {
            return Err(DateError::BadRating);
        }
        if memory.note.chars().count() > MAX_NOTE_CHARS {
            return Err(DateError::NoteTooLong);
        }
        let memory = Memory {
            note: memory.note.trim().to_string(),
            ..memory
        };
        let at = self.memories.partition_point(|m| m.day <= memory.day);
        self.memories.insert(at, memory);
        self.plan = None;
        self.touch(now);
        Ok(())
    }

    pub fn last_done(&self) -> Option<NaiveDate> {
        self.memories.iter().map(|m| m.day).max()
    }
}

impl Collection<DateIdea> {
    /// Whether the library idea titled `title` is in the backlog.
    pub fn has_saved(&self, title: &str) -> bool {
        self.iter().any(|d| d.library.as_deref() == Some(title))
    }

    /// Saves a library idea to the backlog (once).
    pub fn save_from_library(&mut self, id: RecordId, idea: &Idea<'_>, at: Stamp) {
        if !self.has_saved(idea.title) {
            self.put(DateIdea::from_library(id, idea, at.now), at);
        }
    }

    /// Adds one of their own, checked.
    pub fn add_own(&mut self, id: RecordId, idea: &Idea<'_>, at: Stamp) -> Result<(), DateError> {
        let own = DateIdea::own(id, idea, at.now)?;
        self.put(own, at);
        Ok(())
    }
}

/// What the library and the backlog are filtered by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<Category>,
    pub cost: Option<Cost>,
    pub season: Option<Season>,
    pub access: Option<Access>,
    pub at_home: bool,
    pub text: String,
}

impl DateIdea {
    /// The idea's attributes, borrowed: what filters and labels look at,
    /// for saved ideas and library ones alike. Access notes are not stored
    /// (they are content): one saved from `library` reads them from there.
    pub fn idea_in(&self, library: &[Idea<'_>]) -> Idea<'_> {
        let from = self.library.as_deref();
        let access = library
            .iter()
            .find(|idea| Some(idea.title) == from)
            .map_or(AccessNotes::NONE, |idea| idea.access);
        Idea {
            title: &self.title,
            description: &self.description,
            category: self.category,
            seasons: self.seasons,
            cost: self.cost,
            minutes: self.minutes,
            energy: self.energy,
            access,
        }
    }
}

impl Filter {
    pub fn matches(&self, idea: &Idea<'_>) -> bool {
        let words = self.text.to_lowercase();
        self.category.is_none_or(|c| idea.category == c)
            && self.cost.is_none_or(|c| idea.cost == c)
            && self.season.is_none_or(|s| idea.seasons.contains(s))
            && self.access.is_none_or(|a| idea.access.contains(a))
            && (!self.at_home || idea.category == Category::AtHome)
            && words.split_whitespace().all(|word| {
                idea.title.to_lowercase().contains(word)
                    || idea.description.to_lowercase().contains(word)
            })
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Something "Surprise us" can pick: a saved idea, or a library idea not
/// saved yet (which the two of them have, as far as the app knows, never done).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick<'a> {
    Saved(&'a DateIdea),
    Library(&'a Idea<'a>),
}

impl Pick<'_> {
    pub fn title(&self) -> &str {
        match self {
            Pick::Saved(idea) => &idea.title,
            Pick::Library(idea) => idea.title,
        }
    }

    fn last_done(&self) -> Option<NaiveDate> {
        match self {
            Pick::Saved(idea) => idea.last_done(),
            Pick::Library(_) => None,
        }
    }
}

/// Everything that fits `filter`: the backlog, then the library ideas not in it.
pub fn candidates<'a>(
    saved: &'a [DateIdea],
    library: &'a [Idea<'a>],
    filter: &Filter,
) -> Vec<Pick<'a>> {
    let saved_titles: Vec<&str> = saved.iter().filter_map(|s| s.library.as_deref()).collect();
    saved
        .iter()
        .filter(|idea| filter.matches(&idea.idea_in(library)))
        .map(Pick::Saved)
        .chain(
            library
                .iter()
                .filter(|idea| !saved_titles.contains(&idea.title))
                .filter(|idea| filter.matches(idea))
                .map(Pick::Library),
        )
        .collect()
}

/// Done within this many days counts as "recently".
const RECENT_DAYS: u64 = 90;

/// Picks one of `candidates`, favouring novelty: never done beats done long
/// ago beats done recently. Never the same title as `previous` when there is
/// any other choice. The same seed always gives the same pick.
pub fn surprise<'a>(
    candidates: &[Pick<'a>],
    today: NaiveDate,
    seed: u64,
    previous: Option<&str>,
) -> Option<Pick<'a>> {
    let recent_from = today - Days::new(RECENT_DAYS);
    let tier = |pick: &Pick<'_>| match pick.last_done() {
        None => 0,
        Some(day) if day < recent_from => 1,
        Some(_) => 2,
    };
    let fresh: Vec<&Pick<'a>> = candidates
        .iter()
        .filter(|pick| Some(pick.title()) != previous)
        .collect();
    let pool = if fresh.is_empty() {
        candidates.iter().collect()
    } else {
        fresh
    };
    let best = pool.iter().map(|pick| tier(pick)).min()?;
    let mut tied: Vec<&Pick<'a>> = pool.into_iter().filter(|pick| tier(pick) == best).collect();
    // Among ideas done long ago, the longest ago first.
    tied.sort_by_key(|pick| pick.last_done());
    if best == 1 {
        let oldest = tied[0].last_done();
        tied.retain(|pick| pick.last_done() == oldest);
    }
    Some(*tied[(mix(seed) % tied.len() as u64) as usize])
}

/// Spreads nearby seeds (splitmix64's finaliser), so seed 1 and seed 2 pick differently.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The next planned date: the soonest plan from a few hours ago on (a date
/// under way still counts as next).
pub fn next_planned(saved: &[DateIdea], now: NaiveDateTime) -> Option<&DateIdea> {
    let from = now - chrono::TimeDelta::hours(3);
    saved
        .iter()
        .filter(|idea| idea.plan.is_some_and(|plan| plan.at >= from))
        .min_by_key(|idea| idea.plan.map(|plan| plan.at))
}

/// Every date done, newest first, with the idea it was.
pub fn memories(saved: &[DateIdea]) -> Vec<(&DateIdea, &Memory)> {
    let mut all: Vec<(&DateIdea, &Memory)> = saved
        .iter()
        .flat_map(|idea| idea.memories.iter().map(move |memory| (idea, memory)))
        .collect();
    all.sort_by_key(|(_, memory)| std::cmp::Reverse(memory.day));
    all
}

/// Dates done per month for the `months` months ending with today's,
/// oldest first, as ((year, month), count).
pub fn dates_per_month(
    saved: &[DateIdea],
    today: NaiveDate,
    months: u32,
) -> Vec<((i32, u32), usize)> {
    let index = |year: i32, month: u32| year * 12 + month as i32 - 1;
    let last = index(today.year(), today.month());
    (0..months as i32)
        .rev()
        .map(|back| {
            let at = last - back;
            let (year, month) = (at.div_euclid(12), at.rem_euclid(12) as u32 + 1);
            let count = saved
                .iter()
                .flat_map(|idea| &idea.memories)
                .filter(|m| m.day <= today && m.day.year() == year && m.day.month() == month)
                .count();
            ((year, month), count)
        })
        .collect()
}

/// How many of the last 10 dates done were new to the couple (the first
/// time they did that idea), and of how many: `None` before the first date.
pub fn novelty(saved: &[DateIdea]) -> Option<(usize, usize)> {
    let mut dates: Vec<(NaiveDate, bool)> = saved
        .iter()
        .flat_map(|idea| {
            let first = idea.memories.iter().map(|m| m.day).min();
            let mut first_seen = false;
            idea.memories.iter().map(move |m| {
                let new = !first_seen && Some(m.day) == first;
                first_seen |= new;
                (m.day, new)
            })
        })
        .collect();
    if dates.is_empty() {
        return None;
    }
    dates.sort_by_key(|(day, _)| *day);
    let recent = &dates[dates.len().saturating_sub(10)..];
    Some((recent.iter().filter(|(_, new)| *new).count(), recent.len()))
}

/// Local date and time to the minute: "2026-11-28T19:00", as a
/// `datetime-local` input gives it (seconds, if any, are ignored).
pub mod local_minute {
    use chrono::{NaiveDateTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| serde::de::Error::custom("not a local date and time"))
    }

    pub fn format(at: NaiveDateTime) -> String {
        format!(
            "{}T{:02}:{:02}",
            super::super::timestamp::day::format(at.date()),
            at.hour(),
            at.minute()
        )
    }

    pub fn parse(text: &str) -> Option<NaiveDateTime> {
        let (day, time) = text.split_once('T')?;
        let day = super::super::timestamp::day::parse(day)?;
        Some(day.and_time(super::super::day::parse_clock(time)?))
    }
}
