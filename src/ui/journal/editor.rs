//! The entry form, used both for a new entry and for editing one in place.

use leptos::prelude::*;

use super::mood_face::MoodFace;
use crate::domain::journal::{Draft, EntryKind, Prompt};
use crate::domain::mood::Mood;
use crate::ui::handler::handler;

/// What saving did: `Err` carries the message to show beside the form.
pub type SaveResult = Result<(), String>;

#[component]
pub fn Editor(
    /// Makes every element id unique on the page ("new" or the entry id).
    id_prefix: String,
    initial: Draft,
    submit_label: &'static str,
    on_save: Callback<Draft, SaveResult>,
    /// Called on every change, e.g. to keep the draft across reloads.
    #[prop(optional)]
    on_change: Option<Callback<Draft>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    /// Empty the form after a successful save (the new-entry form does).
    #[prop(optional)]
    clear_on_save: bool,
) -> impl IntoView {
    let draft = RwSignal::new(initial);
    let error = RwSignal::new(None::<String>);
    let prefix = StoredValue::new(id_prefix);
    let id = move |name: &str| prefix.with_value(|prefix| format!("{prefix}-{name}"));
    let text_id = id("text");
    let text_selector = format!("#{text_id}");

    let edit = move |change: &dyn Fn(&mut Draft)| {
        draft.update(|draft| change(draft));
        if let Some(on_change) = on_change {
            on_change.run(draft.get_untracked());
        }
    };

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match on_save.run(draft.get_untracked()) {
            Ok(()) => {
                error.set(None);
                if clear_on_save {
                    edit(&|d: &mut Draft| *d = Draft::default());
                }
            }
            Err(message) => {
                error.set(Some(message));
                super::super::browser::focus(&text_selector);
            }
        }
    };

    let prompt_options = Prompt::ALL
        .into_iter()
        .map(|prompt| {
            let selected = move || draft.with(|d| d.prompt == Some(prompt));
            view! { <option value=prompt.key() prop:selected=selected>{prompt.text()}</option> }
        })
        .collect_view();

    let kind_radios = EntryKind::ALL
        .into_iter()
        .map(|kind| {
            let checked = move || draft.with(|d| d.kind == kind);
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=id("kind")
                        value=kind.key()
                        prop:checked=checked
                        on:change=handler(move |_| edit(&|d: &mut Draft| d.kind = kind))
                    />
                    <span>{kind.label()}</span>
                </label>
            }
        })
        .collect_view();

    // A face and a word for each mood, "Not set" first; never the number.
    let mood_radios = std::iter::once(None)
        .chain(Mood::all().map(Some))
        .map(|mood| {
            let checked = move || draft.with(|d| d.mood == mood);
            view! {
                <label class="mood-choice">
                    <input
                        type="radio"
                        name=id("mood")
                        value=mood.map(|m| m.value().to_string()).unwrap_or_default()
                        prop:checked=checked
                        on:change=handler(move |_| edit(&|d: &mut Draft| d.mood = mood))
                    />
                    {match mood {
                        Some(mood) => view! { <MoodFace mood /> }.into_any(),
                        None => view! { <span class="mood-none" aria-hidden="true">"–"</span> }.into_any(),
                    }}
                    <span class="mood-words">{mood.map_or("Not set", Mood::word)}</span>
                </label>
            }
        })
        .collect_view();

    let text_label = move || draft.with(|d| d.prompt.map_or("What is on your mind?", Prompt::text));

    view! {
        <form class="editor" on:submit=handler(submit) novalidate>
            <div class="field">
                <label for=id("prompt")>"Start from a prompt (optional)"</label>
                <select
                    id=id("prompt")
                    on:change=handler(move |event| {
                        let prompt = Prompt::from_key(&event_target_value(&event));
                        edit(&|d: &mut Draft| d.prompt = prompt);
                    })
                >
                    <option value="" prop:selected=move || draft.with(|d| d.prompt.is_none())>
                        "No prompt"
                    </option>
                    {prompt_options}
                </select>
            </div>
            <div class="field">
                <label for=text_id.clone()>{text_label}</label>
                <textarea
                    id=text_id.clone()
                    rows="5"
                    prop:value=move || draft.with(|d| d.text.clone())
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| id("error"))
                    on:input=handler(move |event| {
                        let text = event_target_value(&event);
                        edit(&move |d: &mut Draft| d.text = text.clone());
                    })
                ></textarea>
            </div>
            <fieldset class="field">
                <legend>"Kind"</legend>
                <div class="choices">{kind_radios}</div>
            </fieldset>
            <fieldset class="field" aria-describedby=id("mood-ends")>
                <legend>"How it felt (optional)"</legend>
                <p class="hint mood-ends" id=id("mood-ends")>
                    {Mood::RANGE}
                </p>
                <div class="mood-scale">{mood_radios}</div>
            </fieldset>
            <div class="field">
                <label for=id("tags")>"Tags (optional)"</label>
                <input
                    id=id("tags")
                    type="text"
                    autocomplete="off"
                    aria-describedby=id("tags-hint")
                    prop:value=move || draft.with(|d| d.tags.clone())
                    on:input=handler(move |event| {
                        let tags = event_target_value(&event);
                        edit(&move |d: &mut Draft| d.tags = tags.clone());
                    })
                />
                <p class="hint" id=id("tags-hint")>"Separate tags with commas, e.g. “kids, weekend”."</p>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.for_check_in)
                    on:change=handler(move |event| {
                        let on = event_target_checked(&event);
                        edit(&move |d: &mut Draft| d.for_check_in = on);
                    })
                />
                <span>"Bring to the next check-in"</span>
            </label>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="form-error" id=id("error") role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
            <div class="actions">
                <button type="submit" class="button">{submit_label}</button>
                {on_cancel
                    .map(|cancel| {
                        view! {
                            <button type="button" class="button button-quiet" on:click=handler(move |_| cancel.run(()))>
                                "Cancel"
                            </button>
                        }
                    })}
            </div>
        </form>
    }
}
