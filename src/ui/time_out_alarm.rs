//! When a time-out's agreed time comes while Rekindle is open, say so: a
//! soft two-note chime, and a notification if the person allowed them (the
//! phone may be face down in another room; that is the point of a break).
//! One timer for the running break, not a clock ticking all day.

use chrono::TimeDelta;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use crate::domain::time_out::current;
use crate::ui::browser::now;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

const TITLE: &str = "Your break is over";
const BODY: &str = "Time to come back together, gently.";

/// Mounted once by the app: sets a timer for the running break's end.
#[component]
pub fn TimeOutAlarm() -> impl IntoView {
    let store = use_store();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let running = store
            .time_outs
            .with(|all| current(all).map(|t| (t.id.clone(), t.back_at)));
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(None);
        // A break that ended before the app looked gets no alarm after the fact.
        let Some((id, back_at)) = running.filter(|(_, back_at)| *back_at > now()) else {
            return;
        };
        let wait = (back_at - now() + TimeDelta::milliseconds(200))
            .to_std()
            .unwrap_or_default();
        let ring_if_still_due = move || {
            let due = store.time_outs.with_untracked(|all| {
                current(all).is_some_and(|t| t.id == id && t.back_at <= now())
            });
            if due {
                chime();
                notify();
            }
        };
        pending.set_value(set_timeout_with_handle(ring_if_still_due, wait).ok());
    });
}

/// Whether notifications can be asked for, and how that stands.
fn permission() -> Option<NotificationPermission> {
    let exists = js_sys::Reflect::has(&window(), &"Notification".into()).unwrap_or(false);
    exists.then(Notification::permission)
}

/// Two soft sine notes, fading out: heard across a room, never a jolt.
fn chime() {
    let Ok(audio) = web_sys::AudioContext::new() else {
        return;
    };
    let start = audio.current_time();
    for (n, frequency) in [(0.0, 659.25), (0.45, 880.0)] {
        let (Ok(tone), Ok(volume)) = (audio.create_oscillator(), audio.create_gain()) else {
            return;
        };
        let at = start + n;
        tone.frequency().set_value(frequency);
        let _ = volume.gain().set_value_at_time(0.0001, at);
        let _ = volume
            .gain()
            .exponential_ramp_to_value_at_time(0.25, at + 0.04);
        let _ = volume
            .gain()
            .exponential_ramp_to_value_at_time(0.0001, at + 1.6);
        let _ = tone.connect_with_audio_node(&volume);
        let _ = volume.connect_with_audio_node(&audio.destination());
        let _ = tone.start_with_when(at);
        let _ = tone.stop_with_when(at + 1.7);
    }
}

/// Through the service worker where one is registered (phones only show
/// notifications that way), else directly.
fn notify() {
    if permission() != Some(NotificationPermission::Granted) {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(BODY);
    options.set_tag("rekindle-time-out");
    let registration = window().navigator().service_worker().get_registration();
    leptos::task::spawn_local(async move {
        let found = JsFuture::from(registration)
            .await
            .ok()
            .and_then(|found| found.dyn_into::<web_sys::ServiceWorkerRegistration>().ok());
        let shown = found.is_some_and(|registration| {
            registration
                .show_notification_with_options(TITLE, &options)
                .is_ok()
        });
        if !shown {
            let _ = Notification::new_with_options(TITLE, &options);
        }
    });
}

/// The offer beside a running break: a notification when it ends, asked
/// for only when the person taps (browsers refuse an unprompted ask).
#[component]
pub fn AlarmOffer() -> impl IntoView {
    let state = RwSignal::new(permission());
    let ask = move |_| {
        let Ok(asked) = Notification::request_permission() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(asked).await;
            state.set(permission());
        });
    };
    move || {
        match state.get() {
        Some(NotificationPermission::Default) => view! {
            <p class="hint">"A chime will sound here when it's time, while Rekindle is open."</p>
            <button type="button" class="button button-quiet" on:click=handler(ask)>"Also send a notification"</button>
        }
        .into_any(),
        Some(NotificationPermission::Granted) => view! {
            <p class="hint">"When it's time, a chime sounds and a notification arrives, while Rekindle is open."</p>
        }
        .into_any(),
        _ => view! {
            <p class="hint">"A chime will sound here when it's time, while Rekindle is open."</p>
        }
        .into_any(),
    }
    }
}
