//! A check-in under way: the timer, the progress through the steps, one
//! step at a time, and Back and Next in a footer that stays in reach of a
//! thumb.

use leptos::prelude::*;

use super::current::Current;
use super::ratings::Ratings;
use super::steps::{Answers, LookBack, Needs, NextWeek};
use super::timer::TimerBar;
use crate::domain::check_in::Step;
use crate::domain::id::RecordId;
use crate::ui::browser::focus;
use crate::ui::handler::handler;
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
    let finish = move || {
        current.edit(|c, at| c.finish(at));
        // Appreciations saved to be read aloud have now been heard.
        store.change(store.appreciations, |all, at| all.mark_heard(at));
        request_animation_frame(|| focus("#summary-title"));
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
    let number = move || step.get().index() + 1;
    let next = move |_| match step.get_untracked().next() {
        Some(to) => go(to),
        None => finish(),
    };
    view! {
        <div class="check-in-session">
            <TimerBar current />
            <section class="card step" aria-labelledby="step-title">
                <div class="stepper">
                    <p class="step-count" id="step-count">
                        {move || format!("Step {} of {}", number(), Step::ALL.len())}
                    </p>
                    <progress
                        class="step-progress"
                        max=Step::ALL.len()
                        value=number
                        aria-labelledby="step-count"
                    ></progress>
                </div>
                <h2 id="step-title" tabindex="-1">{move || step.get().title()}</h2>
                <p class="hint">{move || step.get().guidance()}</p>
                {body}
            </section>
            <div class="step-footer" role="group" aria-label="Check-in steps">
                <div class="step-footer-inner">
                    // Always there, so Next never moves under the thumb.
                    <button
                        type="button"
                        class="button button-quiet"
                        id="step-back"
                        disabled=move || step.get().previous().is_none()
                        on:click=handler(move |_| {
                            if let Some(back) = step.get_untracked().previous() {
                                go(back);
                            }
                        })
                    >
                        "Back"
                    </button>
                    <button
                        type="button"
                        class="button"
                        id="step-next"
                        // Says where Next leads, for screen readers.
                        aria-label=move || step.get().next().map(|to| format!("Next: {}", to.title()))
                        on:click=handler(next)
                    >
                        {move || if step.get().next().is_some() { "Next" } else { "Finish" }}
                    </button>
                </div>
            </div>
        </div>
    }
}
