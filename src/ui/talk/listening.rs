//! Active listening practice, on one phone passed between two people: who
//! speaks first and for how long, then a turn each with the listener's
//! prompts on screen, then a closing step where each says what they heard.
//! Nothing here is stored: it is a conversation, not a record.

use leptos::prelude::*;

use crate::content::talk::{
    CLOSING_PROMPTS, LISTENER_AVOID, LISTENER_PROMPTS, LISTENING_RULE, SPEAKER_TIPS,
};
use crate::domain::appreciation::Partner;
use crate::domain::listening::{DEFAULT_TURN_MINUTES, Practice, Step, TURN_MINUTES};
use crate::domain::timer::clock;
use crate::ui::browser::{focus, now};
use crate::ui::choice::Choice;
use crate::ui::handler::handler;
use crate::ui::store::use_store;
use crate::ui::tick::ticking_now;

#[component]
pub fn Listening() -> impl IntoView {
    let practice = RwSignal::new(None::<Practice>);
    let finished = RwSignal::new(false);
    view! {
        <p class="card rule">{LISTENING_RULE}</p>
        {move || match practice.get() {
            None => view! { <SetUp practice finished /> }.into_any(),
            Some(p) if p.step == Step::Closing => view! { <Closing practice finished /> }.into_any(),
            Some(_) => view! { <Turn practice /> }.into_any(),
        }}
    }
}

#[component]
fn SetUp(practice: RwSignal<Option<Practice>>, finished: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let first = RwSignal::new(Partner::First);
    let minutes = RwSignal::new(DEFAULT_TURN_MINUTES);
    view! {
        <section class="card" aria-labelledby="setup-title">
            <h2 id="setup-title">"Get ready"</h2>
            {move || finished.get().then(|| view! { <p role="status" class="rhythm">"Well listened. Thank each other for that."</p> })}
            <p>"Choose something small to start with. One of you speaks about it; the other listens and says back what they heard. Then you swap."</p>
            <fieldset class="field">
                <legend>"Who speaks first?"</legend>
                <div class="choices">
                    {Partner::BOTH.into_iter().map(|partner| view! {
                        <Choice
                            group=String::from("first-speaker")
                            checked=Signal::derive(move || first.get() == partner)
                            on_pick=Callback::new(move |()| first.set(partner))
                        >
                            {move || store.name(partner)}
                        </Choice>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="turn-minutes">"Minutes each turn"</label>
                <select id="turn-minutes" on:change=handler(move |event| {
                    if let Ok(m) = event_target_value(&event).parse() {
                        minutes.set(m);
                    }
                })>
                    {TURN_MINUTES.map(|m| view! {
                        <option value=m.to_string() selected=m == DEFAULT_TURN_MINUTES>{m.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button
                type="button"
                class="button"
                on:click=handler(move |_| {
                    finished.set(false);
                    practice.set(Some(Practice::new(first.get_untracked(), minutes.get_untracked())));
                    request_animation_frame(|| focus("#turn-title"));
                })
            >
                "Begin"
            </button>
        </section>
    }
}

#[component]
fn Turn(practice: RwSignal<Option<Practice>>) -> impl IntoView {
    let store = use_store();
    let tick = ticking_now();
    let current = move || practice.get().expect("a turn is under way");
    let speaker = move || store.name(current().speaker().unwrap_or(Partner::First));
    let listener = move || store.name(current().listener().unwrap_or(Partner::Second));
    let left = move || current().timer.remaining(tick.get());
    let running = move || current().timer.is_running();
    let toggle = move |_| {
        practice.update(|p| {
            if let Some(p) = p {
                if p.timer.is_running() {
                    p.timer.pause(now());
                } else {
                    p.timer.start(now());
                }
            }
        })
    };
    let last_turn = move || current().step == (Step::Speaking { turn: 1 });
    let next = move |_| {
        practice.update(|p| {
            if let Some(p) = p {
                p.next();
            }
        });
        request_animation_frame(|| focus("#turn-title"));
    };
    view! {
        <section class="card" aria-labelledby="turn-title">
            <h2 id="turn-title" tabindex="-1">{move || format!("{} speaks, {} listens", speaker(), listener())}</h2>
            <div class="timer" role="group" aria-label="Turn timer">
                <p class="timer-clock">
                    <span class="visually-hidden">"Time left: "</span>
                    <span id="turn-left">{move || clock(left())}</span>
                </p>
                <p class="timer-status" role="status">
                    {move || if left() == 0 { "Time is up: finish your thought, then swap." } else if running() { "Running" } else { "Starts when you are ready" }}
                </p>
                <button type="button" class="button button-quiet" on:click=handler(toggle)>
                    {move || if running() { "Pause" } else { "Start the turn" }}
                </button>
            </div>
            <h3>{move || format!("For {}, listening", listener())}</h3>
            <ul class="prompts" id="listener-prompts">
                {LISTENER_PROMPTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <details>
                <summary>"Set aside for now"</summary>
                <ul>{LISTENER_AVOID.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            </details>
            <details>
                <summary>{move || format!("For {}, speaking", speaker())}</summary>
                <ul>{SPEAKER_TIPS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            </details>
            <div class="actions step-nav">
                <button type="button" class="button button-quiet" on:click=handler(move |_| practice.set(None))>"Stop"</button>
                <button type="button" class="button" on:click=handler(next)>
                    {move || if last_turn() { "Done: what did we hear?".to_string() } else { format!("Done: {} speaks", listener()) }}
                </button>
            </div>
        </section>
    }
}

#[component]
fn Closing(practice: RwSignal<Option<Practice>>, finished: RwSignal<bool>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="turn-title">
            <h2 id="turn-title" tabindex="-1">"What did you each hear?"</h2>
            <p>"Take turns, briefly, without picking the conversation up again."</p>
            <ul class="prompts">{CLOSING_PROMPTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            <button
                type="button"
                class="button"
                on:click=handler(move |_| {
                    practice.set(None);
                    finished.set(true);
                    request_animation_frame(|| focus("#setup-title"));
                })
            >
                "Finish"
            </button>
        </section>
    }
}
