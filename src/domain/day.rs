//! Calendar days and weeks as the couple lives them. Daily records keep the
//! local date they belong to (worked out once, when written, from the
//! device's clock and time zone), so rhythm figures count days as people do:
//! a late-night appreciation belongs to that evening, and a daylight-saving
//! change never moves a record to another day or makes a day vanish.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Utc, Weekday};

/// The local date of `at` for a device whose offset from UTC was
/// `offset_minutes` at that moment (east positive, as in RFC 3339).
pub fn local_day(at: DateTime<Utc>, offset_minutes: i32) -> NaiveDate {
    let offset = FixedOffset::east_opt(offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    at.with_timezone(&offset).date_naive()
}

/// Weeks start on Monday (ISO 8601).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The `count` days ending with `today`, oldest first.
pub fn last_days(today: NaiveDate, count: u32) -> impl Iterator<Item = NaiveDate> {
    (0..u64::from(count))
        .rev()
        .map(move |back| today - Days::new(back))
}

/// The Mondays of the `count` weeks ending with this one, oldest first.
pub fn last_weeks(today: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let this_week = week_start(today);
    (0..u64::from(count))
        .rev()
        .map(|back| this_week - Days::new(7 * back))
        .collect()
}

/// The next date on or after `from` that falls on `weekday`.
pub fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// The days of the week, Monday first, as Settings offers them.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "19:30" (or "19:30:00"), as a time input gives it. Hand-written: chrono's
/// own parser costs about 4 KB of wasm.
pub fn parse_clock(text: &str) -> Option<chrono::NaiveTime> {
    let (hour, rest) = text.split_once(':')?;
    let minute = rest.get(..2)?;
    if hour.is_empty() || hour.len() > 2 || !(rest.len() == 2 || rest[2..].starts_with(':')) {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
}
