//! Progress: the couple's rhythm over the last 12 weeks, drawn as inline
//! SVG by the app, with the same figures in a table for screen readers and
//! anyone who prefers numbers.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::chart::bars;
use crate::domain::dates::{dates_per_month, novelty};
use crate::domain::rhythm::weekly_counts;
use crate::ui::browser::today;
use crate::ui::check_in::TrendCard;
use crate::ui::format;
use crate::ui::page::Page;
use crate::ui::store::use_store;

/// Every Progress chart: 12 weeks in the same view box.
pub const WEEKS: u32 = 12;
pub const WIDTH: u32 = 240;
pub const HEIGHT: u32 = 80;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = use_store();
    let appreciations = Signal::derive(move || {
        store
            .appreciations
            .with(|all| weekly_counts(all.iter().map(|a| a.day), today(), WEEKS))
    });
    let affection = Signal::derive(move || {
        store
            .affection
            .with(|all| weekly_counts(all.iter().map(|m| m.day), today(), WEEKS))
    });
    let check_ins = Signal::derive(move || {
        store.check_ins.with(|all| {
            let held = all.iter().filter(|c| c.finished).map(|c| c.day);
            weekly_counts(held, today(), WEEKS)
        })
    });
    view! {
        <Page title="Progress" lede="Your rhythm over the last 12 weeks. Every week counts; nothing here is a streak.">
            <WeeklyChart id="appreciations" title="Appreciations" weeks=appreciations />
            <WeeklyChart id="affection" title="Affection moments" weeks=affection />
            <WeeklyChart id="check-ins" title="Check-ins" weeks=check_ins />
            <TrendCard />
            <DatesCard />
        </Page>
    }
}

/// A count per week over the last 12 weeks.
#[component]
fn WeeklyChart(
    id: &'static str,
    title: &'static str,
    weeks: Signal<Vec<(NaiveDate, usize)>>,
) -> impl IntoView {
    let summary = Signal::derive(move || {
        weeks.with(|weeks| {
            let total: usize = weeks.iter().map(|(_, n)| n).sum();
            let this_week = weeks.last().map_or(0, |(_, n)| *n);
            format!("{total} in 12 weeks, {this_week} this week.")
        })
    });
    let rows = Signal::derive(move || {
        weeks.with(|weeks| {
            weeks
                .iter()
                .map(|(monday, n)| (format::day(*monday), *n))
                .collect()
        })
    });
    view! { <BarChart id title summary rows axis=("11 weeks ago", "This week") period="Week of" /> }
}

/// Dates done per month over the last year, and how many were new to them.
#[component]
fn DatesCard() -> impl IntoView {
    let store = use_store();
    let summary = Signal::derive(move || {
        store.dates.with(|all| match novelty(all) {
            None => String::from("Your first date done will show here."),
            Some((new, of)) => format!("{new} of your last {of} dates were something new to you."),
        })
    });
    let rows = Signal::derive(move || {
        store.dates.with(|all| {
            dates_per_month(all, today(), 12)
                .into_iter()
                .map(|((year, month), n)| (format::month(year, month), n))
                .collect()
        })
    });
    view! { <BarChart id="dates" title="Dates" summary rows axis=("11 months ago", "This month") period="Month" /> }
}

/// One bar per period (oldest first), drawn by the app, with the same
/// figures in a table (newest first) for screen readers and for numbers.
#[component]
fn BarChart(
    id: &'static str,
    title: &'static str,
    summary: Signal<String>,
    /// (period label, count), oldest first.
    rows: Signal<Vec<(String, usize)>>,
    /// The labels under the first and last bars.
    axis: (&'static str, &'static str),
    /// The table's first column: "Week of", "Month".
    period: &'static str,
) -> impl IntoView {
    let heading = format!("{id}-chart-title");
    let labelled_by = heading.clone();
    view! {
        <section class="card chart" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <p class="rhythm" id=format!("{id}-summary")>{summary}</p>
            <svg
                class="bars"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
            >
                {move || {
                    let counts: Vec<usize> = rows.with(|r| r.iter().map(|(_, n)| *n).collect());
                    bars(&counts, WIDTH, HEIGHT)
                        .into_iter()
                        .map(|bar| view! {
                            <rect x=bar.x y=bar.y width=bar.width height=bar.height rx="2" />
                        })
                        .collect_view()
                }}
            </svg>
            <p class="axis" aria-hidden="true"><span>{axis.0}</span><span>{axis.1}</span></p>
            <details>
                <summary>"Show as a table"</summary>
                <table>
                    <thead>
                        <tr><th scope="col">{period}</th><th scope="col">{title}</th></tr>
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
        </section>
    }
}
