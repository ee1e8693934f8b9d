//! "Entry deleted — Undo": a short-lived bar after a delete, for anything
//! that can be put back (a journal entry, a date idea).

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::browser::focus;
use crate::ui::handler::handler;

/// Long enough to notice and reach the button; short enough not to linger.
const UNDO_WINDOW: Duration = Duration::from_secs(12);

#[component]
pub fn UndoBar<T: Clone + Send + Sync + 'static>(
    /// "Entry deleted."
    message: &'static str,
    last_removed: RwSignal<Option<T>>,
    on_undo: Callback<T>,
) -> impl IntoView {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Each new deletion restarts the countdown and takes focus, since the
    // entry the person was on has just gone.
    Effect::new(move |_| {
        if last_removed.with(Option::is_some) {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(move || last_removed.set(None), UNDO_WINDOW).ok();
            timer.set_value(handle);
            focus("#undo-delete");
        }
    });
    view! {
        <div class="undo-bar" role="status" aria-live="polite">
            {move || {
                last_removed
                    .with(Option::is_some)
                    .then(|| {
                        view! {
                            <p class="undo-message">{message}</p>
                            <button
                                id="undo-delete"
                                type="button"
                                class="button"
                                on:click=handler(move |_| {
                                    if let Some(removed) = last_removed.get_untracked() {
                                        last_removed.set(None);
                                        on_undo.run(removed);
                                    }
                                })
                            >
                                "Undo"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
