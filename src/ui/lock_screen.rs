//! The root: opens the app straight away, or, with the passcode lock on,
//! the lock screen first. Nothing stored is read until the passcode is right,
//! and nothing is written beside sealed data whose lock record is missing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::app::App;
use super::browser::{download, focus, now};
use super::erase::EraseEverything;
use super::passcode_field::PasscodeField;
use crate::domain::seal::{LockRecord, Sealer};
use crate::storage::passcode::{self, LockError};
use crate::storage::{StorageError, device, keys, lock_record};
use crate::ui::handler::handler;

#[component]
pub fn Gate() -> impl IntoView {
    match lock_record() {
        Ok(Some(record)) => {
            let opened = RwSignal::new(None::<Sealer>);
            // The lock changed (or everything was erased) in another window
            // while this one waits: start again from what is stored now.
            window_event_listener(leptos::ev::storage, move |event| {
                let key = event.key();
                let lock_moved = matches!(key.as_deref(), None | Some(keys::LOCK | keys::ERASED));
                if lock_moved && opened.get_untracked().is_none() {
                    let _ = window().location().reload();
                }
            });
            (move || match opened.get() {
                Some(sealer) => view! { <App lock=Some((record.clone(), sealer)) /> }.into_any(),
                None => view! { <LockScreen record=record.clone() opened /> }.into_any(),
            })
            .into_any()
        }
        Err(StorageError::Failed(why)) => view! { <Damaged why /> }.into_any(),
        // No lock, or no storage at all (the app itself says so).
        _ => view! { <App lock=None /> }.into_any(),
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
            let shown = record.get_value();
            match passcode::unlock(&shown, &passcode).await {
                // The lock may have changed elsewhere while the key was
                // derived: open only with the lock that is stored now.
                Ok(_) if !matches!(lock_record(), Ok(Some(stored)) if stored.identity() == shown.identity()) =>
                {
                    let _ = window().location().reload();
                }
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
            <form class="card" on:submit=handler(unlock)>
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
            <KeepAsItIs />
            <Forgotten />
        </main>
    }
}

/// Sealed data, and no lock record to open it with: nothing is read as
/// plain, nothing moved, nothing written, until the person decides.
#[component]
pub(super) fn LockRecordMissing() -> impl IntoView {
    // If the lock record comes back (another window, a restored copy), open.
    window_event_listener(leptos::ev::storage, |event| {
        if event.key().as_deref() == Some(keys::LOCK) {
            let _ = window().location().reload();
        }
    });
    view! {
        <main id="main" class="lock-screen">
            <section class="card">
                <h1 tabindex="-1">"Rekindle cannot find its lock"</h1>
                <p role="alert">
                    "What is stored here is encrypted, but the record that opens it (the passcode lock) is missing: something other than Rekindle removed it. Rekindle has not changed anything, and will not write anything until you decide."
                </p>
                <p>
                    "If the lock record comes back (for example from another copy of this browser's data), Rekindle opens as usual. Otherwise the encrypted text cannot be read by anyone: you can keep a copy of it as it is, or erase it and restore a backup."
                </p>
            </section>
            <KeepAsItIs />
            <Forgotten />
        </main>
    }
}

/// A download of every value of Rekindle's exactly as stored.
#[component]
fn KeepAsItIs() -> impl IntoView {
    let outcome = RwSignal::new(None::<String>);
    let save = move |_| {
        let name = format!("rekindle-as-stored-{}.json", now().date_naive());
        let result = download(&name, "application/json", &device::everything_as_stored());
        outcome.set(result.err());
    };
    view! {
        <section class="card">
            <button type="button" class="button" on:click=handler(save)>"Download everything as it is stored"</button>
            {move || outcome.get().map(|message| view! { <p role="alert">{message}</p> })}
        </section>
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
