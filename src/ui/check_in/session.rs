//! A check-in under way: the timer, one step at a time, back and next.

use leptos::prelude::*;

use super::current::Current;
use super::steps::{Answers, LookBack, Needs, NextWeek, Ratings};
use super::timer::TimerBar;
use crate::domain::check_in::Step;
use crate::domain::id::RecordId;
use crate::ui::browser::focus;
use crate::ui::store::use_store;

#[component]
pub fn Session(id: RecordId) -> impl IntoView {
    let store = use_store();
    let current = Current::new(store, id);
    let step = Memo::new(move |_| current.with(|c| c.step).unwrap_or_default());
    let go = move |to: Step| {
        current.edit(|c, at| c.go_to(to, at));
        request_animation_frame(|| focus("#step-title"));
    };
    let finish = move |_| {
        current.edit(|c, at| c.finish(at));
        // Appreciations saved to be read aloud have now been heard.
        store.change(store.appreciations, |all, at| all.mark_heard(at));
        request_animation_frame(|| focus("#check-in-start-title"));
    };
    let body = move || match step.get() {
        Step::LookBack => view! { <LookBack current /> }.into_any(),
        Step::Needs => view! { <Needs current /> }.into_any(),
        Step::Ratings => view! { <Ratings current /> }.into_any(),
        Step::NextWeek => view! { <NextWeek current /> }.into_any(),
        Step::CouldBeBetter => {
            view! { <Answers current step=Step::CouldBeBetter with_helper=true /> }.into_any()
        }
        answers => view! { <Answers current step=answers /> }.into_any(),
    };
    view! {
        <TimerBar current />
        <section class="card step" aria-labelledby="step-title">
            <p class="step-count">{move || format!("Step {} of {}", step.get().index() + 1, Step::ALL.len())}</p>
            <h2 id="step-title" tabindex="-1">{move || step.get().title()}</h2>
            <p class="hint">{move || step.get().guidance()}</p>
            {body}
            <div class="actions step-nav">
                {move || step.get().previous().map(|back| view! {
                    <button type="button" class="button button-quiet" on:click=move |_| go(back)>"Back"</button>
                })}
                {move || match step.get().next() {
                    Some(next) => view! {
                        <button type="button" class="button" on:click=move |_| go(next)>"Next: "{next.title()}</button>
                    }
                    .into_any(),
                    None => view! {
                        <button type="button" class="button" on:click=finish>"Finish the check-in"</button>
                    }
                    .into_any(),
                }}
            </div>
        </section>
    }
}
