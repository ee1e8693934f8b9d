//! Rhythm, not streaks: figures over a window of days or weeks that never
//! "break" and never shame. Everything is derived from the records
//! themselves; nothing here is stored.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::affection::AffectionMark;
use super::appreciation::{Appreciation, Partner};
use super::day::{last_days, last_weeks, week_start};

/// On how many of the last `window` days (today included) `from` wrote an
/// appreciation: "you appreciated Sam on 5 of the last 7 days".
pub fn appreciation_days(
    appreciations: &[Appreciation],
    from: Partner,
    today: NaiveDate,
    window: u32,
) -> usize {
    let days: HashSet<NaiveDate> = appreciations
        .iter()
        .filter(|a| a.from == from)
        .map(|a| a.day)
        .collect();
    last_days(today, window)
        .filter(|day| days.contains(day))
        .count()
}

/// On how many of the last `window` days (today included) either partner
/// wrote an appreciation: one shared line, never a score between them.
pub fn days_appreciated(appreciations: &[Appreciation], today: NaiveDate, window: u32) -> usize {
    let days: HashSet<NaiveDate> = appreciations.iter().map(|a| a.day).collect();
    last_days(today, window)
        .filter(|day| days.contains(day))
        .count()
}

/// Affection moments marked this week (Monday to today).
pub fn affection_this_week(marks: &[AffectionMark], today: NaiveDate) -> usize {
    let monday = week_start(today);
    marks
        .iter()
        .filter(|mark| mark.day >= monday && mark.day <= today)
        .count()
}

/// Counts per week for the `weeks` weeks ending with today's, oldest first,
/// as (Monday, count). Days after today are ignored; empty weeks are 0.
pub fn weekly_counts(
    days: impl IntoIterator<Item = NaiveDate>,
    today: NaiveDate,
    weeks: u32,
) -> Vec<(NaiveDate, usize)> {
    let mut counts: BTreeMap<NaiveDate, usize> = last_weeks(today, weeks)
        .into_iter()
        .map(|monday| (monday, 0))
        .collect();
    for day in days.into_iter().filter(|day| *day <= today) {
        if let Some(count) = counts.get_mut(&week_start(day)) {
            *count += 1;
        }
    }
    counts.into_iter().collect()
}
