//! The time-out: agree a return time and take a real break, with a
//! breathing guide and ideas for the wait; at the agreed time, a gentle
//! restart. The break is a stored record, so a reload (or the other
//! partner's tab) shows the same return time.

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;

use crate::content::talk::{
    BREATHE_HOLD, BREATHE_IN, BREATHE_OUT, BREATHING_HINT, RESTART_SCRIPT, TIME_OUT_AVOID,
    TIME_OUT_MEANWHILE, TIME_OUT_WHY,
};
use crate::domain::day::parse_clock;
use crate::domain::time_out::{
    Breath, DEFAULT_MINUTES, Phase, TimeOut, back_label, breath_at, current, next_local,
};
use crate::domain::timer::clock;
use crate::ui::browser::{focus, instant_of, local_at, new_id, now, today};
use crate::ui::choice::Choice;
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::store::{AppStore, use_store};
use crate::ui::tick::ticking_now;

/// Break lengths offered, in minutes; or a clock time (`None`).
const LENGTHS: [(Option<i64>, &str); 6] = [
    (Some(20), "20 minutes"),
    (Some(30), "30 minutes"),
    (Some(45), "45 minutes"),
    (Some(60), "An hour"),
    (Some(120), "Two hours"),
    (None, "Until a set time"),
];

/// "21:30" or "07:00 tomorrow", on this device's clock.
fn label_of(back_at: DateTime<Utc>) -> String {
    back_label(local_at(back_at), today(), format::time, format::day)
}

/// Changes the running break (the newest one not ended); `change` gets
/// the time.
fn edit_current<T>(
    store: AppStore,
    change: impl FnOnce(&mut TimeOut, DateTime<Utc>) -> T,
) -> Option<T> {
    store.change(store.time_outs, |all, at| all.edit_current(at, change))
}

#[component]
pub fn TimeOutTool() -> impl IntoView {
    let store = use_store();
    let tick = ticking_now();
    // Only a change of stage redraws: the countdowns tick inside.
    let stage = Memo::new(move |_| {
        store
            .time_outs
            .with(|all| current(all).map(|t| t.phase(tick.get())))
            .map(|phase| matches!(phase, Phase::Apart(_)))
    });
    let done = RwSignal::new(false);
    view! {
        {move || match stage.get() {
            None => view! { <Start done /> }.into_any(),
            Some(true) => view! { <Apart /> }.into_any(),
            Some(false) => view! { <Restart done /> }.into_any(),
        }}
    }
}

#[component]
fn Start(done: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let length = RwSignal::new(0usize);
    let until = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // The agreed return instant for the current choice, from `from`, if it can be read.
    let back_at = move |from: DateTime<Utc>| match LENGTHS[length.get()].0 {
        Some(minutes) => Some(from + TimeDelta::minutes(minutes)),
        None => parse_clock(&until.get()).map(|at| instant_of(next_local(local_at(from), at))),
    };
    let start = move |_| {
        // One reading of the clock, so a 30-minute break is exactly 30 minutes.
        let started = store.change(store.time_outs, |all, at| {
            let back_at = back_at(at.now)
                .ok_or_else(|| String::from("Choose the time you will come back."))?;
            all.start(new_id(), at, back_at)
                .map_err(|problem| problem.to_string())
        });
        match started {
            Ok(()) => {
                done.set(false);
                request_animation_frame(|| focus("#time-out-title"));
            }
            Err(problem) => message.set(Some(problem)),
        }
    };
    view! {
        {move || done.get().then(|| view! { <p class="card rhythm" role="status">"You came back to each other. That matters."</p> })}
        <section class="card" aria-labelledby="time-out-title">
            <h2 id="time-out-title" tabindex="-1">"Take a break"</h2>
            <p>{TIME_OUT_WHY}</p>
            <p>"Say it kindly, and agree when you will talk again: “I need a break. Let's come back to this at …”"</p>
            <fieldset class="field">
                <legend>"How long apart?"</legend>
                <div class="choices">
                    {LENGTHS.iter().enumerate().map(|(i, (_, label))| view! {
                        <Choice
                            group=String::from("time-out-length")
                            checked=Signal::derive(move || length.get() == i)
                            on_pick=Callback::new(move |()| { length.set(i); message.set(None); })
                        >
                            {*label}
                        </Choice>
                    }).collect_view()}
                </div>
            </fieldset>
            <Show when=move || LENGTHS[length.get()].0.is_none()>
                <div class="field">
                    <label for="time-out-until">"Back together at"</label>
                    <input
                        id="time-out-until"
                        type="time"
                        prop:value=move || until.get()
                        on:input=handler(move |event| { until.set(event_target_value(&event)); message.set(None); })
                    />
                </div>
            </Show>
            <p id="time-out-back">{move || back_at(now()).map(|at| format!("You'll come back together at {}.", label_of(at)))}</p>
            <p class="form-error" role="alert">{move || message.get()}</p>
            <button type="button" class="button" on:click=handler(start)>"Start the break"</button>
            <p class="hint">{format!("At least {DEFAULT_MINUTES} minutes, and within a day.")}</p>
        </section>
    }
}

#[component]
fn Apart() -> impl IntoView {
    let store = use_store();
    let tick = ticking_now();
    let running = move || store.time_outs.with(|all| current(all).cloned());
    let back_at = move || running().map(|t| t.back_at).unwrap_or_else(now);
    let left = move || match running().map(|t| t.phase(tick.get())) {
        Some(Phase::Apart(secs)) => secs,
        _ => 0,
    };
    let message = RwSignal::new(None::<String>);
    let longer = move |_| {
        let outcome = edit_current(store, |t, now| t.extend(now, 15)).unwrap_or(Ok(()));
        message.set(outcome.err().map(|problem| problem.to_string()));
    };
    view! {
        <section class="card" aria-labelledby="time-out-title">
            <h2 id="time-out-title" tabindex="-1">{move || format!("Back together at {}", label_of(back_at()))}</h2>
            <p class="timer-clock"><span class="visually-hidden">"Time left: "</span><span id="time-out-left">{move || clock(left())}</span></p>
            <p>"Until then, look after yourself. This is a pause, not the end of the conversation."</p>
            <div class="actions">
                <button type="button" class="button button-quiet" on:click=handler(longer)>"15 minutes more"</button>
                <button type="button" class="button button-quiet" on:click=handler(move |_| { edit_current(store, |t, now| t.come_back(now)); })>"We're ready to talk"</button>
            </div>
            <p role="status">{move || message.get()}</p>
            <crate::ui::time_out_alarm::AlarmOffer />
        </section>
        <Breathing />
        <section class="card" aria-labelledby="meanwhile-title">
            <h2 id="meanwhile-title">"Meanwhile"</h2>
            <ul>{TIME_OUT_MEANWHILE.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
            <h3>"Best avoided"</h3>
            <ul>{TIME_OUT_AVOID.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
        </section>
        <super::HelpLink />
    }
}

/// A paced breathing guide: a circle that grows and shrinks (still, with
/// reduced motion) and words that count each step down.
#[component]
fn Breathing() -> impl IntoView {
    let tick = ticking_now();
    let since = RwSignal::new(None::<DateTime<Utc>>);
    let step = move || {
        since.get().map(|from| {
            let elapsed = (tick.get() - from).num_seconds().max(0) as u32;
            let (breath, left) = breath_at(elapsed);
            let words = match breath {
                Breath::In => BREATHE_IN,
                Breath::Hold => BREATHE_HOLD,
                Breath::Out => BREATHE_OUT,
            };
            format!("{words} · {left}")
        })
    };
    view! {
        <section class="card breathing" aria-labelledby="breathing-title">
            <h2 id="breathing-title">"Breathe"</h2>
            <p class="hint">{BREATHING_HINT}</p>
            <Show
                when=move || since.get().is_some()
                fallback=move || view! {
                    <button type="button" class="button" on:click=handler(move |_| since.set(Some(now())))>"Breathe with the guide"</button>
                }
            >
                <div class="breath-circle" aria-hidden="true"></div>
                <p class="breath-step" id="breath-step">{step}</p>
                <button type="button" class="button button-quiet" on:click=handler(move |_| since.set(None))>"Stop the guide"</button>
            </Show>
        </section>
    }
}

#[component]
fn Restart(done: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let end = move |_| {
        edit_current(store, |t, now| t.end(now));
        done.set(true);
        request_animation_frame(|| focus("#time-out-title"));
    };
    let again = move |_| {
        edit_current(store, |t, now| {
            let _ = t.extend(now, DEFAULT_MINUTES);
        });
    };
    view! {
        <section class="card" aria-labelledby="time-out-title">
            <h2 id="time-out-title" tabindex="-1">"Time to come back together"</h2>
            <p>"Gently. You don't have to solve it all now."</p>
            <ol class="step-list" id="restart-script">
                {RESTART_SCRIPT.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
            </ol>
            <div class="actions">
                <button type="button" class="button" on:click=handler(end)>"We've talked"</button>
                <button type="button" class="button button-quiet" on:click=handler(again)>"We need 20 minutes more"</button>
            </div>
        </section>
    }
}

/// One line for Today and the Talk hub while a break runs or is due back.
#[component]
pub fn TimeOutLine() -> impl IntoView {
    let store = use_store();
    let tick = ticking_now();
    let line = Memo::new(move |_| {
        store.time_outs.with(|all| {
            let time_out = current(all)?;
            Some(match time_out.phase(tick.get()) {
                Phase::Apart(_) => format!(
                    "You're taking a break. Back together at {}.",
                    label_of(time_out.back_at)
                ),
                _ => String::from("Your break is over: time to come back together, gently."),
            })
        })
    });
    move || {
        line.get().map(|text| {
            view! {
                <p class="card time-out-line" id="time-out-line">
                    {text}" "<a class="inline-link" href="#/talk/time-out">"Open the time-out"</a>
                </p>
            }
        })
    }
}
