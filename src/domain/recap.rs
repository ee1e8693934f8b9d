//! The weekly recap at the top of Progress: what a week held, said in a few
//! sentences in the couple's own words. One shared account, never a score
//! per partner; a line with nothing to say is left out rather than shown as
//! a zero. Dates are not written here (the UI says them in the device's
//! locale); every sentence is plain text.

use chrono::{Days, NaiveDate};

use super::affection::AffectionMark;
use super::appreciation::Appreciation;
use super::check_in::{CheckIn, Outcome};
use super::dates::DateIdea;
use super::day::week_start;
use super::words::count;

/// At most this many of their own words are quoted on a line.
const QUOTES: usize = 3;
/// A quote longer than this is cut at a word and ends with "…".
const QUOTE_CHARS: usize = 60;

/// Everything a recap is drawn from.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub appreciations: &'a [Appreciation],
    pub affection: &'a [AffectionMark],
    pub check_ins: &'a [CheckIn],
    pub dates: &'a [DateIdea],
}

/// One week: its Monday, and its sentences (empty when nothing happened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Week {
    pub monday: NaiveDate,
    pub lines: Vec<String>,
}

impl Week {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// This week (Monday to today) and last week, in that order.
pub fn recap(sources: Sources<'_>, today: NaiveDate) -> [Week; 2] {
    let this = week_start(today);
    let last = this - Days::new(7);
    [week(sources, this, today), week(sources, last, today)]
}

/// The recap of the week starting `monday`, counting nothing after `today`.
pub fn week(sources: Sources<'_>, monday: NaiveDate, today: NaiveDate) -> Week {
    let end = (monday + Days::new(6)).min(today);
    let within = |day: NaiveDate| day >= monday && day <= end;
    let lines = [
        appreciated(sources.appreciations, within),
        touches(sources.affection, within),
        checked_in(sources.check_ins, within),
        dates_done(sources.dates, within),
        memories(sources.dates, within),
    ];
    Week {
        monday,
        lines: lines.into_iter().flatten().collect(),
    }
}

/// "3 appreciations shared: “…”, “…” and “…”." (newest first).
fn appreciated(all: &[Appreciation], within: impl Fn(NaiveDate) -> bool) -> Option<String> {
    let mut week: Vec<&Appreciation> = all.iter().filter(|a| within(a.day)).collect();
    if week.is_empty() {
        return None;
    }
    week.sort_by_key(|a| std::cmp::Reverse((a.day, a.created)));
    let said = count(week.len(), "appreciation", "appreciations");
    let quoted = quotes(week.iter().map(|a| a.text.as_str()));
    Some(sentence(if week.len() > QUOTES {
        format!("{said} shared, among them {quoted}")
    } else {
        format!("{said} shared: {quoted}")
    }))
}

/// "5 small touches marked."
fn touches(all: &[AffectionMark], within: impl Fn(NaiveDate) -> bool) -> Option<String> {
    let n = all.iter().filter(|m| within(m.day)).count();
    (n > 0).then(|| format!("{} marked.", count(n, "small touch", "small touches")))
}

/// "You held your check-in: 2 agreements made and 1 kept from the week
/// before. Your focus: “…”."
fn checked_in(all: &[CheckIn], within: impl Fn(NaiveDate) -> bool) -> Option<String> {
    let held: Vec<&CheckIn> = all.iter().filter(|c| c.finished && within(c.day)).collect();
    if held.is_empty() {
        return None;
    }
    // New ones only: an agreement carried on from the week before is not made twice.
    let made: usize = held
        .iter()
        .map(|c| {
            c.agreements
                .iter()
                .filter(|a| !c.review.iter().any(|r| r.id == a.id))
                .count()
        })
        .sum();
    let kept: usize = held
        .iter()
        .flat_map(|c| &c.review)
        .filter(|a| a.outcome == Some(Outcome::Kept))
        .count();
    let mut line = if held.len() == 1 {
        String::from("You held your check-in")
    } else {
        format!("You held {}", count(held.len(), "check-in", "check-ins"))
    };
    let mut parts = Vec::new();
    if made > 0 {
        parts.push(format!("{} made", count(made, "agreement", "agreements")));
    }
    if kept > 0 {
        let kept = if made > 0 {
            kept.to_string()
        } else {
            count(kept, "agreement", "agreements")
        };
        parts.push(format!("{kept} kept from the week before"));
    }
    if !parts.is_empty() {
        line.push_str(": ");
        line.push_str(&parts.join(" and "));
    }
    line.push('.');
    // The latest focus set this week speaks for it.
    let focus = held
        .iter()
        .filter(|c| !c.focus.trim().is_empty())
        .max_by_key(|c| (c.day, c.updated));
    if let Some(latest) = focus {
        line = sentence(format!("{line} Your focus: {}", quote(&latest.focus)));
    }
    Some(line)
}

/// "2 dates done: “Pottery class” and “A long walk”."
fn dates_done(all: &[DateIdea], within: impl Fn(NaiveDate) -> bool) -> Option<String> {
    let mut done: Vec<(NaiveDate, &str)> = all
        .iter()
        .flat_map(|idea| {
            idea.memories
                .iter()
                .filter(|m| within(m.day))
                .map(|m| (m.day, idea.title.as_str()))
        })
        .collect();
    if done.is_empty() {
        return None;
    }
    done.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    let said = count(done.len(), "date", "dates");
    let titles = quotes(done.iter().map(|(_, t)| *t));
    Some(sentence(format!("{said} done: {titles}")))
}

/// "1 memory saved: “…”." (the notes written when a date was done).
fn memories(all: &[DateIdea], within: impl Fn(NaiveDate) -> bool) -> Option<String> {
    let mut notes: Vec<(NaiveDate, &str)> = all
        .iter()
        .flat_map(|idea| &idea.memories)
        .filter(|m| within(m.day) && !m.note.trim().is_empty())
        .map(|m| (m.day, m.note.as_str()))
        .collect();
    if notes.is_empty() {
        return None;
    }
    notes.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    let said = count(notes.len(), "memory", "memories");
    let quoted = quotes(notes.iter().map(|(_, n)| *n));
    Some(sentence(format!("{said} saved: {quoted}")))
}

/// Ends `text` with a full stop, unless a quote at its end already ends
/// the sentence (“Clay everywhere.”, not “Clay everywhere.”.).
fn sentence(mut text: String) -> String {
    let closed = ['.', '!', '?', '…']
        .iter()
        .any(|stop| text.ends_with(&format!("{stop}”")));
    if !closed {
        text.push('.');
    }
    text
}

/// Up to `QUOTES` different texts, each quoted and shortened, as a list.
fn quotes<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut picked: Vec<&str> = Vec::new();
    for text in texts.map(str::trim) {
        if picked.len() == QUOTES {
            break;
        }
        if !text.is_empty() && !picked.contains(&text) {
            picked.push(text);
        }
    }
    and_list(picked.into_iter().map(quote).collect())
}

/// “text”, on one line, cut after a word near `QUOTE_CHARS` with "…".
pub fn quote(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= QUOTE_CHARS {
        return format!("“{text}”");
    }
    let cut: String = text.chars().take(QUOTE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > QUOTE_CHARS / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    let cut = cut.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("“{cut}…”")
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: Vec<String>) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// How many recent dates were new to them, for the dates chart: `None`
/// when none were (nothing to say is not said as a zero).
pub fn novelty_line(new: usize, of: usize) -> Option<String> {
    match (new, of) {
        (0, _) => None,
        (_, 1) => Some(String::from("It was something new to you.")),
        (new, of) if new == of => Some(format!("All {of} were something new to you.")),
        (new, of) => Some(format!(
            "{new} of your last {of} dates were something new to you."
        )),
    }
}
