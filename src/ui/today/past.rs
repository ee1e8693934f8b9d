//! Today → earlier appreciations, a week at a time.

use chrono::Days;
use leptos::prelude::*;

use crate::domain::appreciation::Appreciation;
use crate::domain::day::week_start;
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn PastAppreciations() -> impl IntoView {
    let store = use_store();
    let this_week = week_start(today());
    let week = RwSignal::new(this_week);
    let in_week = move || {
        let monday = week.get();
        let sunday = monday + Days::new(6);
        let mut found: Vec<Appreciation> = store.appreciations.with(|all| {
            all.iter()
                .filter(|a| a.day >= monday && a.day <= sunday)
                .cloned()
                .collect()
        });
        found.sort_by(|a, b| b.day.cmp(&a.day).then(b.created.cmp(&a.created)));
        found
    };
    let name = move |a: &Appreciation| {
        store
            .settings
            .with(|s| format!("{} → {}", s.name(a.from), s.name(a.from.other())))
    };
    let at_latest = move || week.get() >= this_week;
    view! {
        <details class="card past">
            <summary>"Earlier appreciations"</summary>
            <div class="week-nav">
                <button type="button" class="button button-quiet" on:click=handler(move |_| week.update(|w| *w = *w - Days::new(7)))>
                    "Earlier week"
                </button>
                <h3 aria-live="polite">{move || format!("Week of {}", format::day(week.get()))}</h3>
                <button
                    type="button"
                    class="button button-quiet"
                    disabled=at_latest
                    on:click=handler(move |_| week.update(|w| *w = *w + Days::new(7)))
                >
                    "Later week"
                </button>
            </div>
            <ul class="appreciations">
                {move || {
                    let found = in_week();
                    if found.is_empty() {
                        return view! { <li class="hint">"None this week."</li> }.into_any();
                    }
                    found
                        .into_iter()
                        .map(|a| {
                            let who = name(&a);
                            view! {
                                <li>
                                    <p class="appreciation-who">{format::day(a.day)}" · "{who}" · "{a.focus.label()}</p>
                                    <p class="entry-text">{a.text}</p>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </details>
    }
}
