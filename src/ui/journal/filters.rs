//! Search box and filters above the entry list.

use leptos::prelude::*;

use crate::domain::journal::{EntryKind, JournalFilter};
use crate::domain::mood::Mood;
use crate::domain::tags::Tag;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn Filters(
    filter: RwSignal<JournalFilter>,
    /// Receives every new filter; the page decides how to apply it.
    on_change: Callback<JournalFilter>,
) -> impl IntoView {
    let store = use_store();
    let change = move |edit: &dyn Fn(&mut JournalFilter)| {
        let mut next = filter.get_untracked();
        edit(&mut next);
        on_change.run(next);
    };
    let tags = Memo::new(move |_| store.journal.with(|journal| journal.tags()));

    let tag_options = move || {
        tags.get()
            .into_iter()
            .map(|(tag, count)| {
                let selected = {
                    let tag = tag.clone();
                    move || filter.with(|f| f.tag.as_ref() == Some(&tag))
                };
                view! {
                    <option value=tag.as_str().to_string() prop:selected=selected>
                        {with_count(tag.as_str(), count)}
                    </option>
                }
            })
            .collect_view()
    };
    // Each choice says how many entries it holds, so a filter that would
    // find nothing is seen before it is chosen.
    let moods = Memo::new(move |_| {
        store
            .journal
            .with(|journal| Mood::tally(journal.entries().iter().map(|e| e.mood)))
    });
    let mood_options = Mood::all()
        .map(|mood| {
            let selected = move || filter.with(|f| f.mood == Some(mood));
            let label = move || {
                let n =
                    moods.with(|all| all.iter().find(|(m, _)| *m == mood).map_or(0, |(_, n)| *n));
                with_count(mood.word(), n)
            };
            view! { <option value=mood.value().to_string() prop:selected=selected>{label}</option> }
        })
        .collect_view();
    let kind_options = EntryKind::ALL
        .into_iter()
        .map(|kind| {
            let selected = move || filter.with(|f| f.kind == Some(kind));
            let label = move || {
                let n = store
                    .journal
                    .with(|journal| journal.entries().iter().filter(|e| e.kind == kind).count());
                with_count(kind.label(), n)
            };
            view! { <option value=kind.key() prop:selected=selected>{label}</option> }
        })
        .collect_view();

    view! {
        <search class="filters" aria-label="Search and filter entries">
            <div class="field field-search">
                <label for="journal-search">"Search"</label>
                <input
                    id="journal-search"
                    type="search"
                    autocomplete="off"
                    placeholder="Words from an entry or a tag"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=handler(move |event| {
                        let text = event_target_value(&event);
                        change(&move |f: &mut JournalFilter| f.text = text.clone());
                    })
                />
            </div>
            <div class="filter-row">
                <div class="field">
                    <label for="journal-tag">"Tag"</label>
                    <select
                        id="journal-tag"
                        on:change=handler(move |event| {
                            let tag = Tag::new(&event_target_value(&event));
                            change(&move |f: &mut JournalFilter| f.tag = tag.clone());
                        })
                    >
                        <option value="" prop:selected=move || filter.with(|f| f.tag.is_none())>"All"</option>
                        {tag_options}
                    </select>
                </div>
                <div class="field">
                    <label for="journal-mood">"Mood"</label>
                    <select
                        id="journal-mood"
                        on:change=handler(move |event| {
                            let mood = event_target_value(&event).parse().ok().and_then(Mood::new);
                            change(&move |f: &mut JournalFilter| f.mood = mood);
                        })
                    >
                        <option value="" prop:selected=move || filter.with(|f| f.mood.is_none())>"Any"</option>
                        {mood_options}
                    </select>
                </div>
                <div class="field">
                    <label for="journal-kind">"Kind"</label>
                    <select
                        id="journal-kind"
                        on:change=handler(move |event| {
                            let kind = EntryKind::from_key(&event_target_value(&event));
                            change(&move |f: &mut JournalFilter| f.kind = kind);
                        })
                    >
                        <option value="" prop:selected=move || filter.with(|f| f.kind.is_none())>"Any"</option>
                        {kind_options}
                    </select>
                </div>
            </div>
            <Show when=move || filter.with(|f| !f.is_empty())>
                <button type="button" class="button button-quiet" on:click=handler(move |_| on_change.run(JournalFilter::default()))>
                    "Clear search and filters"
                </button>
            </Show>
        </search>
    }
}

/// "Light (3)"; a choice nothing holds shows no "(0)".
fn with_count(label: &str, n: usize) -> String {
    if n == 0 {
        label.to_string()
    } else {
        format!("{label} ({n})")
    }
}
