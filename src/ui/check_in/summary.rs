//! The last finished check-in, summed up: what was appreciated, the
//! agreements, the focus for the week; copied or shared as plain text, or
//! sent sealed to the partner's phone. It stays at the top of the check-in
//! page until the next one starts.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::appreciation::Partner;
use crate::domain::check_in::summary::{sections, summary_text};
use crate::domain::check_in::{CheckIn, latest_finished};
use crate::ui::art::TwoCups;
use crate::ui::browser::{copy_text, share_text};
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::route::Route;
use crate::ui::store::use_store;

#[component]
pub fn SummaryCard() -> impl IntoView {
    let store = use_store();
    let last = Memo::new(move |_| store.check_ins.with(|all| latest_finished(all).cloned()));
    move || last.get().map(|check_in| view! { <Summary check_in /> })
}

#[component]
fn Summary(check_in: CheckIn) -> impl IntoView {
    let store = use_store();
    let names = untrack(|| Partner::BOTH.map(|p| store.name(p)));
    let names = [names[0].as_str(), names[1].as_str()];
    let day = format::day(check_in.day);
    let text = StoredValue::new(summary_text(&check_in, names, &day));
    let message = RwSignal::new(None::<String>);
    let copy = move |_| {
        spawn_local(async move {
            message.set(Some(copy_text(&text.get_value()).await.map_or_else(
                |problem| problem,
                |()| String::from("Copied: paste it wherever you two write to each other."),
            )));
        });
    };
    let share = move |_| {
        spawn_local(async move {
            message.set(share_text("Our check-in", &text.get_value()).await.err());
        });
    };
    let said = sections(&check_in, names);
    let quiet = said.is_empty();
    view! {
        <section class="card check-in-summary" aria-labelledby="summary-title">
            <TwoCups />
            <h2 id="summary-title" tabindex="-1">"Your last check-in"</h2>
            <p class="hint summary-day">{day}</p>
            {quiet.then(|| view! { <p>"Nothing written down this time, and that is fine: you talked."</p> })}
            {said
                .into_iter()
                .map(|section| view! {
                    <h3>{section.title}</h3>
                    {section.lines.into_iter().map(|line| view! { <p class="entry-text">{line}</p> }).collect_view()}
                })
                .collect_view()}
            <div class="actions">
                <button type="button" class="button button-quiet" on:click=handler(copy)>"Copy summary"</button>
                {can_share().then(|| view! {
                    <button type="button" class="button button-quiet" on:click=handler(share)>"Share"</button>
                })}
            </div>
            <p role="status">{move || message.get()}</p>
            <p class="hint">
                "On two phones? "
                <a class="text-link" href=Route::Partner.href()>"Send it, sealed, to the other phone"</a>
            </p>
        </section>
    }
}

/// Whether this browser has a share sheet (most phones; few desktops).
fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).ok())
        .unwrap_or(false)
}
