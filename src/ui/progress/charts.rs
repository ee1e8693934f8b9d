//! The bar charts under the recap: a count per week (or month), each bar's
//! figure written above it, a dashed trend once there are three periods
//! since the first record, and the same figures as a table. A chart with
//! nothing to draw says so in words instead.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{HEIGHT, WEEKS, WIDTH};
use crate::domain::chart::{bar_tops, bars, trend};
use crate::domain::dates::{dates_per_month, novelty};
use crate::domain::recap::novelty_line;
use crate::domain::rhythm::weekly_counts;
use crate::domain::words::count;
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::store::use_store;

/// Room above the bars for their figures, in view-box units.
const HEADROOM: u32 = 12;

/// What one chart counts, in the words its title and summary use.
struct Counted {
    id: &'static str,
    title: &'static str,
    one: &'static str,
    many: &'static str,
    /// The table's column heading.
    column: &'static str,
    /// Said instead of a chart while there is nothing to draw.
    none_yet: &'static str,
}

#[component]
pub fn WeeklyCharts() -> impl IntoView {
    let store = use_store();
    // Memos: each chart reads its figures in several places (summary,
    // bars, table), and years of records are counted once, not each time.
    let per_week = |days: &mut dyn Iterator<Item = NaiveDate>| weekly_counts(days, today(), WEEKS);
    let appreciations = Memo::new(move |_| {
        store
            .appreciations
            .with(|all| per_week(&mut all.iter().map(|a| a.day)))
    });
    let affection = Memo::new(move |_| {
        store
            .affection
            .with(|all| per_week(&mut all.iter().map(|m| m.day)))
    });
    let check_ins = Memo::new(move |_| {
        store
            .check_ins
            .with(|all| per_week(&mut all.iter().filter(|c| c.finished).map(|c| c.day)))
    });
    view! {
        <WeeklyChart
            counted=Counted {
                id: "appreciations",
                title: "Appreciations, week by week",
                one: "appreciation",
                many: "appreciations",
                column: "Appreciations",
                none_yet: "No appreciations yet. The first one you write on Today starts this chart.",
            }
            weeks=appreciations.into()
        />
        <WeeklyChart
            counted=Counted {
                id: "affection",
                title: "Small touches, week by week",
                one: "small touch",
                many: "small touches",
                column: "Small touches",
                none_yet: "No small touches marked yet. Tick one on Today after a long hug.",
            }
            weeks=affection.into()
        />
        <WeeklyChart
            counted=Counted {
                id: "check-ins",
                title: "Check-ins, week by week",
                one: "check-in",
                many: "check-ins",
                column: "Check-ins",
                none_yet: "No check-ins yet. Your first one starts this chart.",
            }
            weeks=check_ins.into()
        />
    }
}

/// A count per week over the last 12 weeks.
#[component]
fn WeeklyChart(counted: Counted, weeks: Signal<Vec<(NaiveDate, usize)>>) -> impl IntoView {
    let (one, many) = (counted.one, counted.many);
    let summary = Signal::derive(move || {
        weeks.with(|weeks| {
            let total: usize = weeks.iter().map(|(_, n)| n).sum();
            let this_week = weeks.last().map_or(0, |(_, n)| *n);
            let mut said = format!("{} in the last 12 weeks", count(total, one, many));
            if this_week > 0 {
                said.push_str(&format!(", {this_week} of them this week"));
            }
            said + "."
        })
    });
    let rows = Memo::new(move |_| {
        weeks.with(|weeks| {
            weeks
                .iter()
                .map(|(monday, n)| (format::day(*monday), *n))
                .collect()
        })
    });
    view! { <BarChart counted summary rows=rows.into() last="This week" period="Week of" /> }
}

/// Dates done per month over the last year, and how many were new to them.
#[component]
pub fn DatesChart() -> impl IntoView {
    let store = use_store();
    let summary = Signal::derive(move || {
        store.dates.with(|all| {
            let per_month = dates_per_month(all, today(), 12);
            let total: usize = per_month.iter().map(|(_, n)| n).sum();
            let mut said = format!("{} in the last 12 months.", count(total, "date", "dates"));
            if let Some(new) = novelty(all).and_then(|(new, of)| novelty_line(new, of)) {
                said = format!("{said} {new}");
            }
            said
        })
    });
    let rows = Memo::new(move |_| {
        store.dates.with(|all| {
            dates_per_month(all, today(), 12)
                .into_iter()
                .map(|((year, month), n)| (format::month(year, month), n))
                .collect()
        })
    });
    let counted = Counted {
        id: "dates",
        title: "Dates done, month by month",
        one: "date",
        many: "dates",
        column: "Dates",
        none_yet: "No dates done yet. Mark one done in Dates and it shows here.",
    };
    view! { <BarChart counted summary rows=rows.into() last="This month" period="Month" /> }
}

/// One bar per period (oldest first) with its figure above it (none over
/// an empty period), a trend once it means something, end labels under the
/// first and last bars, and the figures as a table (newest first).
#[component]
fn BarChart(
    counted: Counted,
    summary: Signal<String>,
    /// (period label, count), oldest first.
    rows: Signal<Vec<(String, usize)>>,
    /// Under the last bar ("This week"); the first bar has its period's label.
    last: &'static str,
    /// The table's first column: "Week of", "Month".
    period: &'static str,
) -> impl IntoView {
    let Counted {
        id,
        title,
        column,
        none_yet,
        ..
    } = counted;
    let heading = format!("{id}-chart-title");
    let labelled_by = heading.clone();
    let counts = Memo::new(move |_| rows.with(|r| r.iter().map(|(_, n)| *n).collect::<Vec<_>>()));
    let empty = move || counts.with(|c| c.iter().all(|n| *n == 0));
    let drawing = move || {
        let counts = counts.get();
        let drawn = bars(&counts, WIDTH, HEIGHT);
        let figures = drawn
            .iter()
            .zip(&counts)
            .filter(|(_, n)| **n > 0)
            .map(|(bar, n)| {
                let x = bar.x + bar.width / 2;
                let y = bar.y.saturating_sub(3);
                view! { <text x=x y=y>{*n}</text> }
            })
            .collect_view();
        let rects = drawn
            .iter()
            .map(|bar| view! { <rect x=bar.x y=bar.y width=bar.width height=bar.height rx="2" /> })
            .collect_view();
        let line = trend(&bar_tops(&counts, WIDTH, HEIGHT), HEIGHT).map(|line| {
            view! {
                <line class="trend-line" x1=line.from.0 y1=line.from.1 x2=line.to.0 y2=line.to.1 />
            }
        });
        let trend_said = line.is_some();
        view! {
            <svg
                class="bars"
                viewBox=format!("0 -{HEADROOM} {WIDTH} {}", HEIGHT + HEADROOM)
                aria-hidden="true"
                focusable="false"
            >
                {rects}
                {figures}
                {line}
            </svg>
            <p class="axis" aria-hidden="true"><span>{rows.with(|r| r.first().map(|(label, _)| label.clone()))}</span><span>{last}</span></p>
            {trend_said.then(|| view! {
                <p class="chart-key">"The dashed line shows the trend."</p>
            })}
        }
    };
    view! {
        <section class="card chart" id=format!("{id}-chart") aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <Show
                when=move || !empty()
                fallback=move || view! { <p class="chart-summary">{none_yet}</p> }
            >
                <p class="chart-summary" id=format!("{id}-summary")>{summary}</p>
                {drawing}
                <details>
                    <summary>"Show as a table"</summary>
                    <table>
                        <thead>
                            <tr><th scope="col">{period}</th><th scope="col">{column}</th></tr>
                        </thead>
                        <tbody>
                            {move || rows
                                .get()
                                .into_iter()
                                .rev()
                                .map(|(label, count)| view! { <tr><td>{label}</td><td>{count}</td></tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                </details>
            </Show>
        </section>
    }
}
