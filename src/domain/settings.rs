//! The couple's settings: their names (used in prompts), the check-in
//! weekday, and the theme.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use super::affection::NudgeList;
use super::appreciation::Partner;

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
        }
    }
}

impl Settings {
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
