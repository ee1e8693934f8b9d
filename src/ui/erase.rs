//! Erase everything, behind a typed word: in Settings, and on the lock
//! screen for a forgotten passcode.

use crate::ui::handler::handler;
use leptos::prelude::*;

/// What the person types to confirm erasing: deliberate, never a slip.
const ERASE_WORD: &str = "ERASE";

/// `erase` removes the data; on success the app starts afresh.
#[component]
pub fn EraseEverything(erase: Callback<(), Result<(), String>>) -> impl IntoView {
    let confirm = RwSignal::new(String::new());
    let erase_error = RwSignal::new(None::<String>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if confirm.get_untracked().trim() != ERASE_WORD {
            return;
        }
        match erase.run(()) {
            // Start afresh, as on a first visit.
            Ok(()) => {
                let _ = window().location().reload();
            }
            Err(error) => erase_error.set(Some(error)),
        }
    };

    view! {
        <section class="card" aria-labelledby="erase-title">
            <h2 id="erase-title">"Erase everything"</h2>
            <p>
                "Removes every entry, draft and set-aside record of Rekindle's from this browser. It cannot be undone."
            </p>
            <p>
                "Backups and calendar files you downloaded are not in the browser: they stay in this phone's downloads until you delete them there."
            </p>
            <form class="erase" on:submit=handler(submit)>
                <div class="field">
                    <label for="erase-confirm">{format!("Type {ERASE_WORD} to confirm")}</label>
                    <input
                        id="erase-confirm"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        prop:value=move || confirm.get()
                        on:input=handler(move |event| confirm.set(event_target_value(&event)))
                    />
                </div>
                {move || erase_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <button
                    type="submit"
                    class="button button-danger-solid"
                    disabled=move || confirm.with(|typed| typed.trim() != ERASE_WORD)
                >
                    "Erase everything"
                </button>
            </form>
        </section>
    }
}
