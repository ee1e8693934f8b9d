//! The weekly check-in page: start (or carry on with) this week's, the
//! last one summed up, and a look back over past ones, their trend, and
//! the calendar reminder.

mod calendar;
mod current;
mod history;
mod ratings;
mod session;
mod steps;
mod summary;
mod timer;

use leptos::prelude::*;

use crate::domain::check_in::{Step, appreciation_prefill, in_progress, is_due, latest_finished};
use crate::domain::day::weekday_name;
use crate::domain::words;
use crate::ui::browser::{focus, new_id, today};
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::page::Page;
use crate::ui::store::use_store;
use calendar::CalendarCard;
use history::History;
use session::Session;
use summary::SummaryCard;

#[component]
pub fn CheckInPage() -> impl IntoView {
    let store = use_store();
    let under_way = Memo::new(move |_| {
        store
            .check_ins
            .with(|all| in_progress(all).map(|c| c.id.clone()))
    });
    view! {
        <Page title="Check-in">
            {move || match under_way.get() {
                Some(id) => view! { <Session id /> }.into_any(),
                None => view! {
                    // Said once, here, rather than above every step.
                    <p class="lede check-in-lede">
                        "Your weekly State of the Union: twenty minutes to look after the two of you. Maintenance, not a trial."
                    </p>
                    <SummaryCard />
                    <StartCard />
                    <crate::ui::progress::ConnectionChart />
                    <History />
                    <CalendarCard />
                    <crate::ui::talk::HelpLink />
                }
                .into_any(),
            }}
        </Page>
    }
}

#[component]
fn StartCard() -> impl IntoView {
    let store = use_store();
    let status = move || {
        let weekday = store.settings.with(|s| s.check_in_weekday);
        store.check_ins.with(|all| {
            let last = latest_finished(all).map(|c| c.day);
            match (last, is_due(all, today(), weekday)) {
                (None, _) => String::from("Your first check-in: there is no wrong way to start."),
                (Some(day), true) => format!(
                    "Last one on {}. A week on: whenever you are both ready.",
                    format::day(day)
                ),
                (Some(day), false) => format!(
                    "Last one on {}. Your check-in day is {}, though any day will do.",
                    format::day(day),
                    weekday_name(weekday)
                ),
            }
        })
    };
    // Only what there is: no "0 agreements".
    let waiting = move || {
        let agreements = store
            .check_ins
            .with(|all| latest_finished(all).map_or(0, |c| c.agreements.len()));
        let saved = store.journal.with(|j| j.for_check_in().count());
        let parts: Vec<String> = [
            (agreements > 0).then(|| {
                words::count(
                    agreements,
                    "agreement to look back on",
                    "agreements to look back on",
                )
            }),
            (saved > 0).then(|| {
                words::count(
                    saved,
                    "journal entry saved for it",
                    "journal entries saved for it",
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| view! { <p id="check-in-waiting">{parts.join(" · ")}</p> })
    };
    let start = move |_| {
        let day = today();
        let agenda = store
            .journal
            .with_untracked(|j| j.for_check_in().map(|e| e.id.clone()).collect());
        let prefill = store
            .appreciations
            .with_untracked(|all| appreciation_prefill(all.as_slice(), day));
        store.change(store.check_ins, |all, at| {
            all.start(new_id(), at, day, agenda, prefill)
        });
        request_animation_frame(|| focus("#step-title"));
    };
    view! {
        <section class="card" aria-labelledby="check-in-start-title">
            <h2 id="check-in-start-title" tabindex="-1">"This week"</h2>
            <p class="rhythm" id="check-in-status">{status}</p>
            {waiting}
            <ol class="step-list">
                {Step::ALL.into_iter().map(|step| view! { <li>{step.title()}</li> }).collect_view()}
            </ol>
            <p class="hint">"About 20 minutes on one phone: pass it between you. Everything is saved as you go."</p>
            <p class="hint">"On two phones: one of you starts it and sends it from "<a class="inline-link" href="#/partner">"Two phones"</a>"; the other opens it and answers on their own phone."</p>
            <button type="button" class="button" on:click=handler(start)>"Start the check-in"</button>
        </section>
    }
}
