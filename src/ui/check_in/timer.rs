//! The check-in's visible, pausable timer. It shows the time left, worked
//! out from the stored timer and the clock, so a reload or a closed tab
//! picks up exactly where it was.

use leptos::prelude::*;

use super::current::Current;
use crate::domain::check_in::DEFAULT_MINUTES;
use crate::domain::timer::{Timer, clock};
use crate::ui::handler::handler;
use crate::ui::tick::ticking_now;

#[component]
pub fn TimerBar(current: Current) -> impl IntoView {
    let tick = ticking_now();
    let timer = Memo::new(move |_| {
        current
            .with(|c| c.timer)
            .unwrap_or_else(|| Timer::new(DEFAULT_MINUTES))
    });
    let left = move || timer.get().remaining(tick.get());
    let running = move || timer.get().is_running();
    let toggle = move |_| {
        current.edit(|c, at| {
            let timer = c.timer_mut(at);
            if timer.is_running() {
                timer.pause(at);
            } else {
                timer.start(at);
            }
        });
    };
    let status = move || {
        if left() == 0 {
            "Time is up. Finish when you are ready: nothing is lost."
        } else if running() {
            "Running"
        } else if timer.get().banked_secs == 0 {
            "Starts when you are ready"
        } else {
            "Paused"
        }
    };
    view! {
        <div class="timer card" role="group" aria-label="Check-in timer">
            <p class="timer-clock">
                <span class="visually-hidden">"Time left: "</span>
                <span id="timer-left">{move || clock(left())}</span>
            </p>
            <p class="timer-status" role="status">{status}</p>
            <button type="button" class="button button-quiet" on:click=handler(toggle)>
                {move || if running() { "Pause" } else if timer.get().banked_secs == 0 { "Start timer" } else { "Resume" }}
            </button>
        </div>
    }
}
