//! Past check-ins, newest first; each opens to show what was said.

use leptos::prelude::*;

use crate::domain::appreciation::Partner;
use crate::domain::check_in::{CheckIn, Outcome, history};
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

/// Shown at first; the rest on request (ten years is hundreds).
const FIRST_SHOWN: usize = 12;

#[component]
pub fn History() -> impl IntoView {
    let store = use_store();
    let show_all = RwSignal::new(false);
    let past = Memo::new(move |_| {
        store
            .check_ins
            .with(|all| history(all).into_iter().cloned().collect::<Vec<_>>())
    });
    let shown = move || {
        let mut list = past.get();
        if !show_all.get() {
            list.truncate(FIRST_SHOWN);
        }
        list
    };
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">"Past check-ins"</h2>
            {move || past.with(Vec::is_empty).then(|| view! {
                <p class="hint">"Finished check-ins are kept here, with what each of you said."</p>
            })}
            <ul class="plain-list history" id="check-in-history">
                {move || shown().into_iter().map(|c| view! { <li><Past check_in=c /></li> }).collect_view()}
            </ul>
            {move || (!show_all.get() && past.with(|p| p.len() > FIRST_SHOWN)).then(|| view! {
                <button type="button" class="button button-quiet" on:click=handler(move |_| show_all.set(true))>
                    {format!("Show all {}", past.with(Vec::len))}
                </button>
            })}
        </section>
    }
}

#[component]
fn Past(check_in: CheckIn) -> impl IntoView {
    let store = use_store();
    let name = move |p: Partner| untrack(|| store.name(p));
    // Words, never a score: "Alex: Close · Sam: Really close".
    let rating = |r: Option<u8>| r.map_or("–", crate::domain::check_in::closeness::word);
    let summary = format!(
        "{} · {}: {} · {}: {}",
        format::day(check_in.day),
        name(Partner::First),
        rating(check_in.ratings[0]),
        name(Partner::Second),
        rating(check_in.ratings[1]),
    );
    // The details are built when first opened.
    let open = RwSignal::new(false);
    let check_in = StoredValue::new(check_in);
    let pair = move |title: &'static str, answers: &[String; 2]| {
        let said: Vec<_> = Partner::BOTH
            .into_iter()
            .zip(answers.iter())
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(p, text)| view! { <p class="entry-text"><strong>{name(p)}": "</strong>{text.clone()}</p> })
            .collect();
        (!said.is_empty()).then(|| view! { <h3>{title}</h3>{said} })
    };
    let body = move || {
        check_in.with_value(|c| {
            let kept = c.review.iter().filter(|a| a.outcome == Some(Outcome::Kept)).count();
            let review = (!c.review.is_empty())
                .then(|| format!("Last week's agreements: {kept} of {} kept.", c.review.len()));
            view! {
                {review.map(|text| view! { <p>{text}</p> })}
                {pair("Appreciations", &c.appreciations)}
                {pair("Going well", &c.going_well)}
                {pair("Could be better", &c.could_be_better)}
                {(!c.agreements.is_empty()).then(|| view! {
                    <h3>"Agreements"</h3>
                    <ul>
                        {c.agreements.iter().map(|a| view! { <li>{format!("{} (asked by {})", a.text, name(a.from))}</li> }).collect_view()}
                    </ul>
                })}
                {(!c.focus.trim().is_empty()).then(|| view! { <h3>"Focus for the week"</h3><p class="entry-text">{c.focus.clone()}</p> })}
            }
        })
    };
    view! {
        <details on:toggle=handler(move |_| open.set(true))>
            <summary>{summary}</summary>
            {move || open.get().then(body)}
        </details>
    }
}
