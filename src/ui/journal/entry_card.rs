//! One journal entry in the list, or its editor while it is being edited.

use leptos::prelude::*;

use super::editor::{Editor, SaveResult};
use super::mood_face::MoodFace;
use crate::domain::id::RecordId;
use crate::domain::journal::{Agenda, Draft, JournalEntry};
use crate::domain::tags::Tag;
use crate::ui::browser::{focus, iso};
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn EntryCard(
    entry: JournalEntry,
    editing: RwSignal<Option<RecordId>>,
    on_edit: Callback<(RecordId, Draft), SaveResult>,
    on_delete: Callback<RecordId>,
    on_tag: Callback<Tag>,
) -> impl IntoView {
    let store = use_store();
    let id = entry.id.clone();
    let is_editing = {
        let id = id.clone();
        move || editing.with(|editing| editing.as_ref() == Some(&id))
    };
    let when = StoredValue::new(format::date_time(entry.created));
    let label = format!("Entry from {}", when.get_value());
    let entry = StoredValue::new(entry);

    let view_mode = move || {
        let entry = entry.get_value();
        let id = entry.id.clone();
        let when = when.get_value();
        let tags = entry
            .tags
            .iter()
            .map(|tag| {
                let tag = tag.clone();
                let label = format!("#{}", tag.as_str());
                let hint = format!("Show entries tagged {}", tag.as_str());
                view! {
                    <li>
                        <button class="tag" type="button" title=hint.clone() aria-label=hint on:click=handler(move |_| on_tag.run(tag.clone()))>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let edit_id = id.clone();
        let delete_id = id.clone();
        view! {
            <header class="entry-meta">
                <h3 class="entry-when">
                    <time datetime=iso(entry.created)>{when.clone()}</time>
                </h3>
                <span class=format!("badge badge-{}", entry.kind.key())>{entry.kind.label()}</span>
                {entry.mood.map(|mood| view! {
                    <span class="badge badge-mood"><MoodFace mood />{mood.felt()}</span>
                })}
                {entry.agenda.map(|agenda| view! {
                    <span class="badge badge-flag">{match agenda {
                        Agenda::Next => "For check-in",
                        Agenda::Discussed => "Talked through",
                    }}</span>
                })}
            </header>
            {entry.prompt.map(|prompt| view! { <p class="entry-prompt">{prompt.text()}</p> })}
            <p class="entry-text">{entry.text.clone()}</p>
            <ul class="tags" aria-label="Tags">{tags}</ul>
            <div class="entry-actions">
                <button
                    type="button"
                    class="button button-quiet edit-button"
                    aria-label=format!("Edit entry from {when}")
                    on:click=handler(move |_| {
                        // Keyboard and screen-reader users land in the text to edit.
                        let selector = format!("#edit-{edit_id}-text");
                        editing.set(Some(edit_id.clone()));
                        request_animation_frame(move || focus(&selector));
                    })
                >
                    "Edit"
                </button>
                <button
                    type="button"
                    class="button button-quiet button-danger"
                    aria-label=format!("Delete entry from {when}")
                    on:click=handler(move |_| on_delete.run(delete_id.clone()))
                >
                    "Delete"
                </button>
            </div>
        }
    };

    let edit_mode = move || {
        let entry = entry.get_value();
        let id = entry.id.clone();
        // Text typed before a reload comes back; otherwise start from the entry.
        let initial = store
            .edit_draft()
            .filter(|(editing, _)| editing == &id)
            .map_or_else(|| Draft::from_entry(&entry), |(_, draft)| draft);
        let save = {
            let id = id.clone();
            Callback::new(move |draft: Draft| on_edit.run((id.clone(), draft)))
        };
        let keep = {
            let id = id.clone();
            Callback::new(move |draft: Draft| store.keep_edit_draft(Some((id.clone(), draft))))
        };
        let cancel = {
            let id = id.clone();
            Callback::new(move |_| {
                store.keep_edit_draft(None);
                editing.set(None);
                focus_edit_button(&id);
            })
        };
        view! {
            <Editor
                id_prefix=format!("edit-{}", entry.id)
                initial
                submit_label="Save changes"
                on_save=save
                on_change=keep
                on_cancel=cancel
            />
        }
    };

    view! {
        <li class="entry" id=format!("entry-{id}")>
            <article class="card" aria-label=label>
                {move || if is_editing() { edit_mode().into_any() } else { view_mode().into_any() }}
            </article>
        </li>
    }
}

/// After an edit closes, focus goes back to where it started: the card's Edit button.
pub fn focus_edit_button(id: &RecordId) {
    let selector = format!("#entry-{id} .edit-button");
    request_animation_frame(move || focus(&selector));
}
