//! How connected each partner felt, week by week: two lines drawn by the
//! app as inline SVG (markers differ in shape, not only colour), and the
//! same numbers as a table.

use leptos::prelude::*;

use crate::domain::appreciation::Partner;
use crate::domain::chart::{points, polylines};
use crate::domain::check_in::ratings_by_week;
use crate::domain::words;
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::progress::{HEIGHT, WEEKS, WIDTH};
use crate::ui::store::use_store;

#[component]
pub fn TrendCard() -> impl IntoView {
    let store = use_store();
    let name = move |p: Partner| store.name(p);
    let weeks = Memo::new(move |_| {
        store
            .check_ins
            .with(|all| ratings_by_week(all, today(), WEEKS))
    });
    let series = move |index: usize| {
        let values: Vec<Option<u8>> = weeks.with(|w| w.iter().map(|(_, r)| r[index]).collect());
        points(&values, 10, WIDTH, HEIGHT)
    };
    let summary = move || {
        weeks.with(|w| {
            let rated = w
                .iter()
                .filter(|(_, r)| r.iter().any(Option::is_some))
                .count();
            match w.iter().rev().find(|(_, r)| r.iter().any(Option::is_some)) {
                None => String::from("Your ratings appear here after your first check-in."),
                Some((_, [a, b])) => {
                    let say =
                        |r: &Option<u8>| r.map_or_else(|| String::from("–"), |r| r.to_string());
                    format!(
                        "{} of the last 12. Latest: {} {}, {} {}.",
                        words::count(rated, "rated week", "rated weeks"),
                        name(Partner::First),
                        say(a),
                        name(Partner::Second),
                        say(b)
                    )
                }
            }
        })
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
    view! {
        <section class="card chart" aria-labelledby="trend-title">
            <h2 id="trend-title">"How connected you felt"</h2>
            <p class="rhythm">{summary}</p>
            <p class="legend" aria-hidden="true">
                <span class="key-first">"● "{move || name(Partner::First)}</span>
                " "
                <span class="key-second">"■ "{move || name(Partner::Second)}</span>
            </p>
            <svg
                class="trend"
                viewBox=format!("-4 -4 {} {}", WIDTH + 8, HEIGHT + 8)
                aria-hidden="true"
                focusable="false"
            >
                {move || view! { {line(0, "series-first")} {line(1, "series-second")} }}
            </svg>
            <p class="axis" aria-hidden="true"><span>"11 weeks ago"</span><span>"This week"</span></p>
            <details>
                <summary>"Show as a table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Week of"</th>
                            <th scope="col">{move || name(Partner::First)}</th>
                            <th scope="col">{move || name(Partner::Second)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || weeks
                            .get()
                            .into_iter()
                            .rev()
                            .map(|(monday, [a, b])| {
                                let say = |r: Option<u8>| r.map_or_else(|| String::from("–"), |r| r.to_string());
                                view! { <tr><td>{format::day(monday)}</td><td>{say(a)}</td><td>{say(b)}</td></tr> }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
