//! Settings → Passcode lock: turn it on, change the passcode, lock now,
//! turn it off. Each step that reveals or re-keys data asks for the passcode.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::seal::check_new_passcode;
use crate::storage::passcode::LockError;
use crate::ui::handler::handler;
use crate::ui::passcode_field::PasscodeField;
use crate::ui::store::{AppStore, use_store};

/// What a form is doing: idle, working (the key derivation takes about a
/// second), or done with a message.
#[derive(Clone, Debug, PartialEq)]
enum Progress {
    Idle,
    Working,
    Done(String),
    Failed(String),
}

/// Work on the lock, boxed so `run` exists once rather than per form.
type LockWork = std::pin::Pin<Box<dyn Future<Output = Result<(), LockError>>>>;

/// Runs `work` unless a form is already working, and reports how it went.
fn run(progress: RwSignal<Progress>, work: LockWork, done: &'static str) {
    if progress.get_untracked() == Progress::Working {
        return;
    }
    progress.set(Progress::Working);
    spawn_local(async move {
        progress.set(match work.await {
            Ok(()) => Progress::Done(String::from(done)),
            Err(error) => Progress::Failed(error.to_string()),
        });
    });
}

#[component]
fn Outcome(progress: RwSignal<Progress>) -> impl IntoView {
    move || match progress.get() {
        Progress::Failed(message) => {
            Some(view! { <p class="form-error" role="alert">{message}</p> }.into_any())
        }
        Progress::Done(message) => Some(view! { <p role="status">{message}</p> }.into_any()),
        _ => None,
    }
}

#[component]
pub fn PasscodeLock() -> impl IntoView {
    let store = use_store();
    // Turning the lock on or off swaps the form below: the outcome lives here.
    let switching = RwSignal::new(Progress::Idle);
    view! {
        <section class="card" aria-labelledby="lock-title">
            <h2 id="lock-title">"Passcode lock"</h2>
            <p>
                "With the lock on, everything Rekindle keeps in this browser is encrypted with your passcode, and Rekindle opens to a lock screen. It does not protect anything while Rekindle is open and unlocked."
            </p>
            <p class="warning" id="lock-warning">
                <strong>"A forgotten passcode cannot be recovered."</strong>
                " Nobody can reset it, and without it nothing stored here can be read. Download a backup first and keep it somewhere safe."
            </p>
            {move || if store.lock_on.get() {
                view! { <LockOn store switching /> }.into_any()
            } else {
                view! { <LockOff store switching /> }.into_any()
            }}
            <Outcome progress=switching />
        </section>
    }
}

#[component]
fn LockOff(store: AppStore, switching: RwSignal<Progress>) -> impl IntoView {
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let progress = switching;
    let turn_on = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (passcode, repeated) = (new.get_untracked(), repeat.get_untracked());
        if let Err(why) = check_new_passcode(&passcode, &repeated) {
            progress.set(Progress::Failed(String::from(why)));
            return;
        }
        run(
            progress,
            Box::pin(async move { store.turn_lock_on(&passcode).await }),
            "The lock is on. Everything here is now encrypted.",
        );
    };
    view! {
        <form on:submit=handler(turn_on) aria-describedby="lock-warning">
            <PasscodeField id="lock-new" label="New passcode (8 characters or more, not only digits)" autocomplete="new-password" value=new />
            <PasscodeField id="lock-repeat" label="The same passcode again" autocomplete="new-password" value=repeat />
            <button type="submit" class="button" disabled=move || progress.get() == Progress::Working>
                "Turn the lock on"
            </button>
        </form>
    }
}

#[component]
fn LockOn(store: AppStore, switching: RwSignal<Progress>) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let rotate = RwSignal::new(false);
    let changing = RwSignal::new(Progress::Idle);
    let change = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (old, passcode, repeated) = (
            current.get_untracked(),
            new.get_untracked(),
            repeat.get_untracked(),
        );
        if let Err(why) = check_new_passcode(&passcode, &repeated) {
            changing.set(Progress::Failed(String::from(why)));
            return;
        }
        let rotate = rotate.get_untracked();
        run(
            changing,
            Box::pin(async move { store.change_passcode(&old, &passcode, rotate).await }),
            if rotate {
                "Passcode changed, and everything is encrypted again with a new key."
            } else {
                "Passcode changed. Use the new one from now on."
            },
        );
        for field in [current, new, repeat] {
            field.set(String::new());
        }
    };

    let off_passcode = RwSignal::new(String::new());
    let turning_off = switching;
    let turn_off = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let passcode = off_passcode.get_untracked();
        off_passcode.set(String::new());
        run(
            turning_off,
            Box::pin(async move { store.turn_lock_off(&passcode).await }),
            "The lock is off. What is stored here is no longer encrypted.",
        );
    };

    view! {
        <p>"The lock is on."</p>
        <button type="button" class="button button-quiet" on:click=handler(move |_| store.lock_now())>"Lock now"</button>

        <h3>"Change the passcode"</h3>
        <form on:submit=handler(change)>
            <PasscodeField id="change-current" label="Current passcode" autocomplete="current-password" value=current />
            <PasscodeField id="change-new" label="New passcode (8 characters or more, not only digits)" autocomplete="new-password" value=new />
            <PasscodeField id="change-repeat" label="The new passcode again" autocomplete="new-password" value=repeat />
            <label class="check">
                <input type="checkbox" aria-describedby="rotate-hint" prop:checked=move || rotate.get() on:change=handler(move |_| rotate.update(|on| *on = !*on)) />
                <span>"Also encrypt everything again with a new key"</span>
            </label>
            <p class="hint" id="rotate-hint">"Worth it if someone may have copied this browser's data or seen the old passcode: what they copied can no longer be opened with it."</p>
            <Outcome progress=changing />
            <button type="submit" class="button" disabled=move || changing.get() == Progress::Working>
                "Change passcode"
            </button>
        </form>

        <h3>"Turn the lock off"</h3>
        <form on:submit=handler(turn_off)>
            <PasscodeField id="off-current" label="Passcode" autocomplete="current-password" value=off_passcode />
            <button type="submit" class="button button-quiet button-danger" disabled=move || turning_off.get() == Progress::Working>
                "Turn the lock off"
            </button>
        </form>
    }
}
