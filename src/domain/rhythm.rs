//! Rhythm, not streaks: figures over a window of days or weeks that never
//! "break" and never shame. Everything is derived from the records
//! themselves; nothing here is stored.

use chrono::NaiveDate;

use super::affection::AffectionMark;
use super::appreciation::{Appreciation, Partner};
use super::day::{last_weeks, week_start};

/// On how many of the last `window` days (today included) `from` wrote an
/// appreciation: "you appreciated Sam on 5 of the last 7 days".
pub fn appreciation_days(
    appreciations: &[Appreciation],
    from: Partner,
    today: NaiveDate,
    window: u32,
) -> usize {
    days_within(
        appreciations
            .iter()
            .filter(|a| a.from == from)
            .map(|a| a.day),
        today,
        window,
    )
}

/// On how many of the last `window` days (today included) either partner
/// wrote an appreciation: one shared line, never a score between them.
pub fn days_appreciated(appreciations: &[Appreciation], today: NaiveDate, window: u32) -> usize {
    days_within(appreciations.iter().map(|a| a.day), today, window)
}

/// How many of the last `window` days (today included) appear in `days`.
/// One flag per day of the window rather than a set of every day ever
/// written: years of records, and only the last week matters.
fn days_within(days: impl Iterator<Item = NaiveDate>, today: NaiveDate, window: u32) -> usize {
    let mut seen = vec![false; window as usize];
    for day in days {
        let back = (today - day).num_days();
        if let Some(flag) = usize::try_from(back)
            .ok()
            .and_then(|back| seen.get_mut(back))
        {
            *flag = true;
        }
    }
    seen.into_iter().filter(|flag| *flag).count()
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
    let mondays = last_weeks(today, weeks);
    let mut counts = vec![0; mondays.len()];
    let first = mondays.first().copied();
    // Each day's week found by arithmetic: no lookup per record.
    for day in days.into_iter().filter(|day| *day <= today) {
        let Some(first) = first.filter(|first| day >= *first) else {
            continue;
        };
        if let Some(count) = counts.get_mut(((day - first).num_days() / 7) as usize) {
            *count += 1;
        }
    }
    mondays.into_iter().zip(counts).collect()
}
