//! Today → small touches: the couple's list as chips, pressed as they
//! happen, with the week's tally. The list itself is edited here too.

use leptos::prelude::*;

use crate::domain::affection::{Nudge, marked_on};
use crate::domain::rhythm::affection_this_week;
use crate::domain::words::count as count_words;
use crate::ui::browser::{new_id, today};
use crate::ui::handler::handler;
use crate::ui::store::use_store;

/// Touches offered before "more": enough to choose from, short enough to
/// read at a glance.
const SHOWN: usize = 4;

#[component]
pub fn AffectionCard() -> impl IntoView {
    let store = use_store();
    let toggle = move |nudge: Nudge| {
        store.change(store.affection, |marks, at| {
            marks.toggle(&nudge, today(), at)
        });
    };
    let tally = move || {
        let count = store
            .affection
            .with(|marks| affection_this_week(marks, today()));
        // No zero to look at, and no score: words until the first touch.
        match count {
            0 => String::from("Nothing ticked yet this week."),
            n => count_words(n, "affection moment", "affection moments") + " this week.",
        }
    };
    let show_all = RwSignal::new(false);
    let adding = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = adding.get_untracked();
        let mut outcome = Ok(());
        store.edit_settings(|s| outcome = s.nudges.add(new_id(), &typed));
        match outcome {
            Ok(()) => {
                adding.set(String::new());
                add_error.set(None);
            }
            Err(error) => add_error.set(Some(error.to_string())),
        }
    };

    view! {
        <section class="card" aria-labelledby="affection-title">
            <h2 id="affection-title">"Small touches"</h2>
            <p class="hint">"Small and unhurried, asking nothing back. Tap one when it happens."</p>
            <ul class="nudges">
                {move || {
                    let marked = store.affection.with(|marks| marked_on(marks, today()));
                    let nudges = store.settings.with(|s| s.nudges.nudges.clone());
                    let all = show_all.get();
                    nudges
                        .into_iter()
                        .enumerate()
                        .filter_map(|(index, nudge)| {
                            let done = marked.contains(&nudge.id);
                            // A few to choose from; one that happened always shows.
                            (all || done || index < SHOWN).then_some((nudge, done))
                        })
                        .map(|(nudge, done)| {
                            let text = nudge.text.clone();
                            let touched = nudge.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="touch-chip"
                                        aria-pressed=done.to_string()
                                        on:click=handler(move |_| toggle(touched.clone()))
                                    >
                                        {text}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                let hidden = store.settings.with(|s| s.nudges.nudges.len()).saturating_sub(SHOWN);
                (hidden > 0 && !show_all.get()).then(|| view! {
                    <button type="button" class="button button-quiet" on:click=handler(move |_| show_all.set(true))>
                        {format!("{hidden} more")}
                    </button>
                })
            }}
            <p class="rhythm" aria-live="polite">{tally}</p>
            <details class="edit-nudges">
                <summary>"Change the list"</summary>
                <ul class="nudge-editor">
                    {move || {
                        store
                            .settings
                            .with(|s| s.nudges.nudges.clone())
                            .into_iter()
                            .map(|nudge| {
                                let (up, down, gone) = (nudge.id.clone(), nudge.id.clone(), nudge.id.clone());
                                view! {
                                    <li>
                                        <span>{nudge.text.clone()}</span>
                                        <span class="actions">
                                            <button type="button" class="button button-quiet" aria-label=format!("Move up: {}", nudge.text)
                                                on:click=handler(move |_| store.edit_settings(|s| s.nudges.shift(&up, -1)))>"↑"</button>
                                            <button type="button" class="button button-quiet" aria-label=format!("Move down: {}", nudge.text)
                                                on:click=handler(move |_| store.edit_settings(|s| s.nudges.shift(&down, 1)))>"↓"</button>
                                            <button type="button" class="button button-quiet button-danger" aria-label=format!("Remove: {}", nudge.text)
                                                on:click=handler(move |_| store.edit_settings(|s| s.nudges.remove(&gone)))>"Remove"</button>
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <form on:submit=handler(add) class="add-nudge">
                    <div class="field">
                        <label for="new-nudge">"Add a touch of your own"</label>
                        <input
                            id="new-nudge"
                            type="text"
                            maxlength="120"
                            prop:value=move || adding.get()
                            on:input=handler(move |event| adding.set(event_target_value(&event)))
                        />
                    </div>
                    {move || add_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                    <button type="submit" class="button button-quiet">"Add"</button>
                </form>
            </details>
        </section>
    }
}
