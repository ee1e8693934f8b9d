//! How connected each partner felt, week by week, on Progress: in words
//! until there are three rated weeks (two dots say nothing a sentence
//! cannot), then both lines (markers differ in shape, not only colour) with
//! one dashed trend through all the ratings, and the figures as a table.

use leptos::prelude::*;

use super::{HEIGHT, WEEKS, WIDTH};
use crate::domain::appreciation::Partner;
use crate::domain::chart::{TREND_FROM, points, polylines, trend};
use crate::domain::check_in::ratings_by_week;
use crate::domain::recap::and_list;
use crate::domain::words::count;
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::store::use_store;

/// Ratings run from 1 to this.
const TOP: u8 = 10;

#[component]
pub fn ConnectionChart() -> impl IntoView {
    let store = use_store();
    let name = move |p: Partner| store.name(p);
    let weeks = Memo::new(move |_| {
        store
            .check_ins
            .with(|all| ratings_by_week(all, today(), WEEKS))
    });
    let rated = move || {
        weeks.with(|w| {
            w.iter()
                .filter(|(_, r)| r.iter().any(Option::is_some))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let say = |r: Option<u8>| r.map_or_else(|| String::from("–"), |r| r.to_string());
    let both = move |[a, b]: [Option<u8>; 2]| {
        format!(
            "{} {}, {} {}",
            name(Partner::First),
            say(a),
            name(Partner::Second),
            say(b)
        )
    };
    let summary = move || {
        let rated = rated();
        match rated.len() {
            0 => String::from(
                "Each check-in ends with how connected you each felt, from far apart to very close. Your first will show here.",
            ),
            n if n < TREND_FROM => {
                let each = rated
                    .iter()
                    .map(|(monday, r)| {
                        format!("the week of {}: {}", format::day(*monday), both(*r))
                    })
                    .collect();
                format!(
                    "{} rated so far ({}). A chart begins with the third.",
                    count(n, "week", "weeks"),
                    and_list(each)
                )
            }
            n => {
                let latest = rated.last().map(|(_, r)| both(*r)).unwrap_or_default();
                format!("{n} rated weeks of the last 12. Latest: {latest}.")
            }
        }
    };
    let series = move |index: usize| {
        let values: Vec<Option<u8>> = weeks.with(|w| w.iter().map(|(_, r)| r[index]).collect());
        points(&values, TOP, WIDTH, HEIGHT)
    };
    let line = move |index: usize, class: &'static str| {
        let at = series(index);
        let markers = at
            .iter()
            .flatten()
            .map(|(x, y)| {
                if index == 0 {
                    view! { <circle cx=*x cy=*y r="3" /> }.into_any()
                } else {
                    view! { <rect x=x - 3 y=y - 3 width="6" height="6" /> }.into_any()
                }
            })
            .collect_view();
        view! {
            <g class=class>
                {polylines(&at).into_iter().map(|p| view! { <polyline points=p /> }).collect_view()}
                {markers}
            </g>
        }
    };
    // One shared trend, fitted through both partners' ratings together.
    let shared_trend = move || {
        let mut all = series(0);
        all.extend(series(1));
        trend(&all, HEIGHT).map(|l| {
            view! { <line class="trend-line" x1=l.from.0 y1=l.from.1 x2=l.to.0 y2=l.to.1 /> }
        })
    };
    let chart = move || {
        let first = weeks.with(|w| w.first().map(|(monday, _)| format::day(*monday)));
        view! {
            <p class="legend" aria-hidden="true">
                <span class="key-first">"● "{name(Partner::First)}</span>
                <span class="key-second">"■ "{name(Partner::Second)}</span>
                <span class="key-trend">"- - the trend of you both"</span>
            </p>
            <svg
                class="trend"
                viewBox=format!("-14 -6 {} {}", WIDTH + 20, HEIGHT + 12)
                aria-hidden="true"
                focusable="false"
            >
                <text class="scale" x="-4" y="3">{TOP}</text>
                <text class="scale" x="-4" y=HEIGHT + 3>"1"</text>
                {line(0, "series-first")}
                {line(1, "series-second")}
                {shared_trend}
            </svg>
            <p class="axis" aria-hidden="true"><span>{first}</span><span>"This week"</span></p>
            <details>
                <summary>"Show as a table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Week of"</th>
                            <th scope="col">{name(Partner::First)}</th>
                            <th scope="col">{name(Partner::Second)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {weeks
                            .get()
                            .into_iter()
                            .rev()
                            .map(|(monday, [a, b])| {
                                view! { <tr><td>{format::day(monday)}</td><td>{say(a)}</td><td>{say(b)}</td></tr> }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        }
    };
    view! {
        <section class="card chart" id="connection-chart" aria-labelledby="connection-title">
            <h2 id="connection-title">"How connected you felt"</h2>
            <p class="chart-summary">{summary}</p>
            {move || (rated().len() >= TREND_FROM).then(chart)}
        </section>
    }
}
