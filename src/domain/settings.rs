//! The couple's settings: their names (used in prompts), the check-in
//! weekday, and the theme.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::affection::{MAX_NUDGE_CHARS, MAX_NUDGES, NudgeList};
use super::appreciation::Partner;
use super::id::RecordId;
use super::kind::{Kind, text_within};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the device's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

/// The longest name kept: room for any real name, not for a paragraph.
pub const MAX_NAME_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// As typed; empty means "not set" and prompts say "you" / "your partner".
    #[serde(default)]
    pub names: [String; 2],
    #[serde(default = "default_weekday")]
    pub check_in_weekday: Weekday,
    #[serde(default)]
    pub theme: Theme,
    /// The affection nudges offered on Today, in the couple's order.
    #[serde(default)]
    pub nudges: NudgeList,
    /// The welcome was seen (finished or skipped): it opens again only when asked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub welcomed: bool,
    /// The first day with Rekindle, for the first week's suggestions.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::timestamp::day::optional"
    )]
    pub started: Option<NaiveDate>,
    /// The first week's card was put away.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub first_week_hidden: bool,
    /// The day of this phone's latest backup download.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::timestamp::day::optional"
    )]
    pub last_backup: Option<NaiveDate>,
    /// "Not now" on the backup suggestion: quiet until this day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::timestamp::day::optional"
    )]
    pub backup_quiet_until: Option<NaiveDate>,
}

/// How long without a backup before Today suggests one: a lost or broken
/// phone takes everything with it, and a month is a lot to lose.
pub const BACKUP_DAYS: i64 = 30;

/// Why Today suggests a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupAge {
    /// None made on this phone yet.
    Never,
    /// The latest was on this day.
    Since(NaiveDate),
}

fn default_weekday() -> Weekday {
    Weekday::Sun
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            names: Default::default(),
            check_in_weekday: default_weekday(),
            theme: Theme::default(),
            nudges: NudgeList::default(),
            welcomed: false,
            started: None,
            first_week_hidden: false,
            last_backup: None,
            backup_quiet_until: None,
        }
    }
}

/// The one settings record's id: `rekindle/settings/couple`.
static COUPLE: std::sync::LazyLock<RecordId> =
    std::sync::LazyLock::new(|| RecordId::try_from(String::from("couple")).expect("a valid id"));

impl Kind for Settings {
    const KEY: &'static str = "settings";
    const NOUN: (&'static str, &'static str) = ("set of settings", "sets of settings");

    fn id(&self) -> &RecordId {
        &COUPLE
    }

    fn check(&self) -> Result<(), String> {
        for name in &self.names {
            text_within("name", name, MAX_NAME_CHARS, false)?;
        }
        if self.nudges.nudges.len() > MAX_NUDGES {
            return Err(String::from("its list of touches is too long"));
        }
        let mut ids = std::collections::HashSet::new();
        for nudge in &self.nudges.nudges {
            if !ids.insert(&nudge.id) {
                return Err(format!("the touch {} appears twice", nudge.id));
            }
            text_within("touch", &nudge.text, MAX_NUDGE_CHARS, true)?;
        }
        Ok(())
    }
}

impl Settings {
    /// Which day of the first week `today` is (1 to 7), while it lasts and
    /// the card is not put away.
    pub fn first_week_day(&self, today: NaiveDate) -> Option<u32> {
        let started = self.started.filter(|_| !self.first_week_hidden)?;
        let day = (today - started).num_days() + 1;
        (1..=7).contains(&day).then_some(day as u32)
    }

    /// Whether to suggest a backup today: more than a month since the last
    /// (or, with none yet, since the first day; from before the first day
    /// was kept, at once), when there is something to lose, unless put off.
    pub fn backup_due(&self, today: NaiveDate, has_data: bool) -> Option<BackupAge> {
        if !has_data || self.backup_quiet_until.is_some_and(|until| today < until) {
            return None;
        }
        let old = |day: NaiveDate| (today - day).num_days() > BACKUP_DAYS;
        match self.last_backup {
            Some(day) => old(day).then_some(BackupAge::Since(day)),
            None => self.started.is_none_or(old).then_some(BackupAge::Never),
        }
    }

    /// A backup was downloaded today.
    pub fn backed_up(&mut self, today: NaiveDate) {
        self.last_backup = Some(today);
        self.backup_quiet_until = None;
    }

    /// "Not now": ask again in a week.
    pub fn put_off_backup(&mut self, today: NaiveDate) {
        self.backup_quiet_until = Some(today + chrono::Days::new(7));
    }

    /// The name to show for `partner`, or a neutral stand-in.
    pub fn name(&self, partner: Partner) -> &str {
        let (index, fallback) = match partner {
            Partner::First => (0, "Partner 1"),
            Partner::Second => (1, "Partner 2"),
        };
        match self.names[index].trim() {
            "" => fallback,
            name => name,
        }
    }

    /// Keeps a name tidy: trimmed, inner spaces collapsed, cut to length.
    pub fn set_name(&mut self, partner: Partner, typed: &str) {
        let tidy: String = typed
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_NAME_CHARS)
            .collect();
        let index = match partner {
            Partner::First => 0,
            Partner::Second => 1,
        };
        self.names[index] = tidy;
    }
}
