//! The root: opens the app straight away, or, with the passcode lock on,
//! the lock screen first. Nothing stored is read until the passcode is right.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::app::App;
use super::browser::focus;
use super::erase::EraseEverything;
use super::passcode_field::PasscodeField;
use crate::domain::seal::{LockRecord, Sealer};
use crate::storage::passcode::{self, LockError};
use crate::storage::{StorageError, device, lock_record};

#[component]
pub fn Gate() -> impl IntoView {
    match lock_record() {
        Ok(Some(record)) => {
            let opened = RwSignal::new(None::<Sealer>);
            (move || match opened.get() {
                Some(sealer) => view! { <App sealer=Some(sealer) /> }.into_any(),
                None => view! { <LockScreen record=record.clone() opened /> }.into_any(),
            })
            .into_any()
        }
        Err(StorageError::Failed(why)) => view! { <Damaged why /> }.into_any(),
        // No lock, or no storage at all (the app itself says so).
        _ => view! { <App sealer=None /> }.into_any(),
    }
}

#[component]
fn LockScreen(record: LockRecord, opened: RwSignal<Option<Sealer>>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let record = StoredValue::new(record);
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let passcode = typed.get_untracked();
            match passcode::unlock(&record.get_value(), &passcode).await {
                Ok(sealer) => {
                    opened.set(Some(sealer));
                    request_animation_frame(|| focus("main h1"));
                }
                Err(failure) => {
                    busy.set(false);
                    typed.set(String::new());
                    error.set(Some(failure.to_string()));
                    if failure == LockError::WrongPasscode {
                        focus("#unlock-passcode");
                    }
                }
            }
        });
    };
    request_animation_frame(|| focus("#unlock-passcode"));

    view! {
        <main id="main" class="lock-screen">
            <form class="card" on:submit=unlock>
                <h1 tabindex="-1">"Rekindle is locked"</h1>
                <p>"Enter your passcode to open what you have written here."</p>
                <PasscodeField id="unlock-passcode" label="Passcode" autocomplete="current-password" value=typed invalid=Signal::derive(move || error.with(Option::is_some)) />
                <p class="form-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="button" disabled=move || busy.get()>
                    {move || if busy.get() { "Unlocking…" } else { "Unlock" }}
                </button>
            </form>
            <Forgotten />
        </main>
    }
}

/// The lock record itself cannot be read: nothing can be opened.
#[component]
fn Damaged(why: String) -> impl IntoView {
    view! {
        <main id="main" class="lock-screen">
            <section class="card">
                <h1 tabindex="-1">"Rekindle cannot open its lock"</h1>
                <p role="alert">{format!("The passcode lock is on, but {why}. Without it, nothing stored here can be read.")}</p>
            </section>
            <Forgotten />
        </main>
    }
}

#[component]
fn Forgotten() -> impl IntoView {
    let erase = Callback::new(|()| {
        device::erase_everything()
            .map(|_| ())
            .map_err(|error| error.to_string())
    });
    view! {
        <details class="card forgotten">
            <summary>"Forgotten your passcode?"</summary>
            <p>
                "A forgotten passcode cannot be recovered. Rekindle never keeps a copy, and nobody can reset it: without it, what is stored here cannot be read. If you have a backup file, you can erase everything here, start again and restore the backup from Settings."
            </p>
            <EraseEverything erase />
        </details>
    }
}
