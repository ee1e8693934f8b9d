//! The Journal page: write, then find and reread what was written.

use leptos::prelude::*;

use super::editor::{Editor, SaveResult};
use super::entry_card::{EntryCard, focus_edit_button};
use super::filters::Filters;
use crate::domain::collection::Holder;
use crate::domain::id::RecordId;
use crate::domain::journal::{Draft, JournalEntry, JournalFilter, Removed};
use crate::domain::revision::Rev;
use crate::domain::tags::Tag;
use crate::domain::words;
use crate::ui::browser::new_id;
use crate::ui::handler::handler;
use crate::ui::page::Page;
use crate::ui::progress::EmptyState;
use crate::ui::remembered::remembered;
use crate::ui::store::use_store;
use crate::ui::undo::UndoBar;

/// Entries rendered at first, and added by each "Show more": years of
/// entries stay quick to open.
const PAGE_SIZE: usize = 20;

#[component]
pub fn JournalPage() -> impl IntoView {
    let store = use_store();
    // Kept while the app is open: leaving to write on Today and coming
    // back finds the same search and filters.
    let filter = remembered("journal/filters", JournalFilter::default);
    let shown = RwSignal::new(PAGE_SIZE);
    // Resume an edit that a reload (or an app update) interrupted.
    let resumed_edit = store.edit_draft().map(|(id, _)| id).filter(|id| {
        store
            .journal
            .with_untracked(|journal| journal.get(id).is_some())
    });
    let editing = RwSignal::new(resumed_edit);
    let last_removed = RwSignal::new(None::<Removed>);
    let status = RwSignal::new(String::new());

    // Fold years of text for search now, not on the first keystroke.
    set_timeout(
        move || {
            store
                .journal
                .with_untracked(|journal| journal.prepare_search())
        },
        std::time::Duration::from_millis(50),
    );

    // A new filter starts again from the newest entries (both set in one
    // go, so the list is computed once).
    let set_filter = Callback::new(move |next: JournalFilter| {
        shown.set(PAGE_SIZE);
        filter.set(next);
    });

    let results = Memo::new(move |_| {
        let limit = shown.get();
        filter.with(|filter| {
            store.journal.with(|journal| {
                let mut total = 0;
                // Each with its revision: the list redraws a card when its
                // entry changes, whatever its clock-made `updated` says.
                let mut page: Vec<(JournalEntry, Option<Rev>)> = Vec::new();
                for entry in journal.matching(filter) {
                    if total < limit {
                        page.push((entry.clone(), journal.ledger().rev(&entry.id)));
                    }
                    total += 1;
                }
                (page, total)
            })
        })
    });
    let total = move || results.with(|(_, total)| *total);
    let everything = move || store.journal.with(|journal| journal.len());
    let count_text = move || {
        let everything = everything();
        let all = words::count(everything, "entry", "entries");
        match (total(), filter.with(JournalFilter::is_empty)) {
            // Nothing written yet: the empty state speaks instead.
            _ if everything == 0 => String::new(),
            (_, true) => all,
            (0, false) => format!("No entries match ({all} in all)."),
            (n, false) => format!("{n} of {all}"),
        }
    };

    let keep_draft = Callback::new(move |draft: Draft| store.keep_new_entry_draft(draft));

    let add = Callback::new(move |draft: Draft| -> SaveResult {
        let result = store.change(store.journal, |journal, at| {
            journal
                .add(new_id(), &draft, at)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        if result.is_ok() {
            store.keep_new_entry_draft(Draft::default());
            set_filter.run(JournalFilter::default());
            status.set(String::from("Entry saved."));
        }
        result
    });
    let edit = Callback::new(move |(id, draft): (RecordId, Draft)| -> SaveResult {
        let result = store.change(store.journal, |journal, at| {
            journal
                .edit_entry(&id, &draft, at)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
        if result.is_ok() {
            editing.set(None);
            store.keep_edit_draft(None);
            focus_edit_button(&id);
            status.set(String::from("Changes saved."));
        }
        result
    });
    let delete = Callback::new(move |id: RecordId| {
        let removed = store.change(store.journal, |journal, at| journal.remove(&id, at).ok());
        if removed.is_some() {
            last_removed.set(removed);
        }
    });
    let undo = Callback::new(move |removed: Removed| {
        store.change(store.journal, |journal, at| journal.restore(removed, at));
        status.set(String::from("Entry restored."));
    });
    let show_tag = Callback::new(move |tag: Tag| {
        let mut next = filter.get_untracked();
        next.tag = Some(tag);
        set_filter.run(next);
    });

    let initial_draft = store.new_entry_draft();

    view! {
        <Page
            title="Journal"
            lede="Private to you and this device. Write what you noticed, felt or have not said yet."
        >
            <section class="card" aria-labelledby="new-entry-title">
                <h2 id="new-entry-title">"New entry"</h2>
                <Editor
                    id_prefix=String::from("new")
                    initial=initial_draft
                    submit_label="Save entry"
                    on_save=add
                    on_change=keep_draft
                    clear_on_save=true
                />
            </section>
            <section aria-labelledby="entries-title">
                <h2 id="entries-title">"Entries"</h2>
                <Filters filter on_change=set_filter />
                <p class="result-count" role="status">{count_text}</p>
                <Show when=move || everything() == 0>
                    <EmptyState line="Nothing written yet. One honest line is a fine start: what did you notice about each other today?" />
                </Show>
                <p class="visually-hidden" role="status">{move || status.get()}</p>
                <ol class="entries">
                    <For
                        each=move || results.get().0
                        key=|(entry, rev)| (entry.id.clone(), *rev)
                        children=move |(entry, _)| {
                            view! { <EntryCard entry editing on_edit=edit on_delete=delete on_tag=show_tag /> }
                        }
                    />
                </ol>
                <Show when=move || { results.with(|(page, total)| page.len() < *total) }>
                    <button type="button" class="button button-quiet show-more" on:click=handler(move |_| shown.update(|n| *n += PAGE_SIZE))>
                        {move || {
                            let left = results.with(|(page, total)| total - page.len());
                            format!("Show more ({left} older)")
                        }}
                    </button>
                </Show>
            </section>
            <UndoBar message="Entry deleted." last_removed on_undo=undo />
        </Page>
    }
}
