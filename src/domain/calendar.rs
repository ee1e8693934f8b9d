//! Calendar files (RFC 5545 iCalendar), so the couple's own calendar app
//! does the reminding and no server is needed. Times are "floating" local
//! times: 19:00 stays 19:00 wherever the couple is and across daylight-
//! saving changes, which is what a weekly evening ritual means.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc, Weekday};

/// How often an event comes round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    Once,
    Daily,
    /// On DTSTART's weekday.
    Weekly,
}

/// One event, possibly repeating.
pub struct Event<'a> {
    /// Stable across exports, so importing again updates the same event.
    pub uid: &'a str,
    pub start: NaiveDateTime,
    pub minutes: u32,
    pub summary: &'a str,
    pub description: &'a str,
    pub repeat: Repeat,
    /// Minutes before the start for the calendar's own reminder.
    pub alarm_minutes: Option<u32>,
}

/// Lines longer than this many octets are folded (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The whole `.ics` file: CRLF line ends, long lines folded, text escaped.
pub fn ics(event: &Event<'_>, stamp: DateTime<Utc>) -> String {
    let mut lines = vec![
        String::from("BEGIN:VCALENDAR"),
        String::from("VERSION:2.0"),
        String::from("PRODID:-//Rekindle//Rekindle//EN"),
        String::from("CALSCALE:GREGORIAN"),
        String::from("METHOD:PUBLISH"),
        String::from("BEGIN:VEVENT"),
        format!("UID:{}@rekindle", event.uid),
        format!("DTSTAMP:{}Z", basic(stamp.naive_utc())),
        format!("DTSTART:{}", basic(event.start)),
        format!("DURATION:PT{}M", event.minutes),
        format!("SUMMARY:{}", escape(event.summary)),
        format!("DESCRIPTION:{}", escape(event.description)),
    ];
    match event.repeat {
        Repeat::Once => {}
        Repeat::Daily => lines.push(String::from("RRULE:FREQ=DAILY")),
        // The weekday comes from DTSTART.
        Repeat::Weekly => lines.push(String::from("RRULE:FREQ=WEEKLY")),
    }
    if let Some(before) = event.alarm_minutes {
        lines.extend([
            String::from("BEGIN:VALARM"),
            String::from("ACTION:DISPLAY"),
            format!("DESCRIPTION:{}", escape(event.summary)),
            format!("TRIGGER:-PT{before}M"),
            String::from("END:VALARM"),
        ]);
    }
    lines.extend([String::from("END:VEVENT"), String::from("END:VCALENDAR")]);
    lines.iter().map(|line| fold(line)).collect()
}

/// The daily reminder: five minutes each evening for the appreciation and
/// a touch, from `today` (or tomorrow, if the time has passed).
pub fn daily_moment(now_local: NaiveDateTime, at: NaiveTime) -> Event<'static> {
    let day = if now_local.time() < at {
        now_local.date()
    } else {
        now_local.date() + chrono::Days::new(1)
    };
    Event {
        uid: "daily-moment",
        start: day.and_time(at),
        minutes: 5,
        summary: "A minute for each other",
        description: "Rekindle: tell each other one specific thing you noticed today, and make time for a touch.",
        repeat: Repeat::Daily,
        alarm_minutes: Some(0),
    }
}

/// The weekly check-in: twenty minutes on the couple's day, with a
/// reminder a quarter of an hour before.
pub fn weekly_check_in(today: NaiveDate, weekday: Weekday, at: NaiveTime) -> Event<'static> {
    Event {
        uid: "weekly-check-in",
        start: super::day::next_weekday(today, weekday).and_time(at),
        minutes: 20,
        summary: "Our weekly check-in",
        description: "Rekindle: what is going well, what could be better, what each of us needs this week.",
        repeat: Repeat::Weekly,
        alarm_minutes: Some(15),
    }
}

/// `20261129T190000`: the form DATE-TIME takes in iCalendar.
fn basic(at: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// TEXT values escape backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// One content line, folded into pieces of at most 75 octets (never inside
/// a UTF-8 character), each ending in CRLF; continuations start with a space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
