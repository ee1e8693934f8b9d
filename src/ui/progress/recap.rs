//! The recap at the top of Progress: this week and last, in sentences the
//! domain writes (see `domain/recap.rs`); this only lays them out.

use leptos::prelude::*;

use crate::domain::recap::{Sources, Week, recap};
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::store::use_store;

#[component]
pub fn RecapCard() -> impl IntoView {
    let store = use_store();
    let weeks = Memo::new(move |_| {
        store.appreciations.with(|appreciations| {
            store.affection.with(|affection| {
                store.check_ins.with(|check_ins| {
                    store.dates.with(|dates| {
                        let sources = Sources {
                            appreciations,
                            affection,
                            check_ins,
                            dates,
                        };
                        recap(sources, today())
                    })
                })
            })
        })
    });
    let this_week = move || {
        let week = weeks.with(|[this, _]| this.clone());
        let from = format!("Since Monday, {}", format::day(week.monday));
        let lines = if week.is_empty() {
            view! { <p class="recap-quiet">"Nothing yet this week, and there is time: one appreciation today is a good start."</p> }.into_any()
        } else {
            lines(&week).into_any()
        };
        view! {
            <h3 id="recap-this">"This week"</h3>
            <p class="recap-when">{from}</p>
            {lines}
        }
    };
    // Last week is told only when it holds something.
    let last_week = move || {
        let week = weeks.with(|[_, last]| last.clone());
        (!week.is_empty()).then(|| {
            let from = format!("The week of {}", format::day(week.monday));
            view! {
                <h3 id="recap-last">"Last week"</h3>
                <p class="recap-when">{from}</p>
                {lines(&week)}
            }
        })
    };
    view! {
        <section class="card recap" aria-labelledby="recap-title">
            <h2 id="recap-title">"Your week together"</h2>
            {this_week}
            {last_week}
        </section>
    }
}

fn lines(week: &Week) -> impl IntoView + use<> {
    let items = week
        .lines
        .iter()
        .map(|line| view! { <li>{line.clone()}</li> })
        .collect_view();
    view! { <ul class="recap-lines">{items}</ul> }
}
