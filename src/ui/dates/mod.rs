//! Dates: "surprise us", the couple's backlog, the idea library and their
//! memories, all under one set of filters.

mod cards;
mod filters;
mod memories;
mod menu;
mod own;

use leptos::prelude::*;

use crate::domain::collection::Holder;

use crate::content::dates::IDEAS;
use crate::domain::dates::{DateIdea, Filter, candidates, local_minute, surprise};
use crate::domain::words;
use crate::ui::art::TwoCups;
use crate::ui::browser::{random_seed, today};
use crate::ui::choice::Choice;
use crate::ui::handler::handler;
use crate::ui::page::Page;
use crate::ui::remembered::remembered;
use crate::ui::store::use_store;
use crate::ui::undo::UndoBar;
use cards::{BacklogCard, LibraryCard};
use filters::Filters;
use memories::Memories;
use own::AddOwn;

#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Backlog,
    Library,
    Memories,
}

/// "Idea library: 12 of 84" while filters hide some, else "Idea library: 84";
/// just the name while there is nothing to count (no zeros on day one).
fn counted(name: &str, shown: usize, all: usize) -> String {
    if all == 0 {
        name.to_string()
    } else if shown == all {
        format!("{name}: {all}")
    } else {
        format!("{name}: {shown} of {all}")
    }
}

#[component]
pub fn DatesPage() -> impl IntoView {
    let store = use_store();
    // Kept while the app is open: leaving for Today and coming back finds
    // the same filters and the same list.
    let filter = remembered("dates/filters", Filter::default);
    let view = remembered("dates/view", || {
        if store.dates.with_untracked(|all| all.is_empty()) {
            View::Library
        } else {
            View::Backlog
        }
    });
    let removed = RwSignal::new(None::<DateIdea>);
    let undo = Callback::new(move |idea: DateIdea| {
        store.change(store.dates, |all, at| all.put(idea, at));
    });

    let tab = move |which: View, label: &'static str| {
        view! {
            <Choice
                group=String::from("dates-view")
                checked=Signal::derive(move || view.get() == which)
                on_pick=Callback::new(move |()| view.set(which))
            >
                {label}
            </Choice>
        }
    };
    let backlog = move || {
        let mut shown: Vec<(bool, String, crate::domain::id::RecordId)> = store.dates.with(|all| {
            filter.with(|f| {
                all.iter()
                    .filter(|d| f.matches(&d.idea_in(IDEAS)))
                    .map(|d| {
                        let when = d.plan.map(|p| local_minute::format(p.at));
                        (when.is_none(), when.unwrap_or_default(), d.id.clone())
                    })
                    .collect()
            })
        });
        // Planned first, soonest first; then the rest.
        shown.sort();
        shown
    };
    let saved = move || store.dates.with(|all| all.len());
    let library =
        move || filter.with(|f| IDEAS.iter().filter(|i| f.matches(i)).collect::<Vec<_>>());
    let memory_count = move || {
        store
            .dates
            .with(|all| all.iter().map(|d| d.memories.len()).sum::<usize>())
    };
    view! {
        <Page title="Dates" lede="Something new together, rather than dinner on autopilot.">
            <SurpriseCard filter removed />
            <div class="choices view-switch" role="radiogroup" aria-label="Show">
                {tab(View::Backlog, "Our backlog")}
                {tab(View::Library, "Idea library")}
                {tab(View::Memories, "Memories")}
            </div>
            <Show when=move || view.get() != View::Memories>
                <Filters filter />
            </Show>
            <UndoBar message="Idea removed from the backlog." last_removed=removed on_undo=undo />
            {move || match view.get() {
                View::Backlog => view! {
                    <h2 id="backlog-heading" class="list-heading">{move || counted("Our backlog", backlog().len(), saved())}</h2>
                    <ul class="plain-list ideas" id="backlog" aria-labelledby="backlog-heading">
                        {move || {
                            let list = backlog();
                            if saved() == 0 {
                                view! {
                                    <li class="empty">
                                        <TwoCups />
                                        <p>"Nothing saved yet. Pick a few ideas from the library that you would both enjoy, or add one of your own below."</p>
                                    </li>
                                }.into_any()
                            } else if list.is_empty() {
                                view! { <li class="hint">"None of your ideas fit these filters."</li> }.into_any()
                            } else {
                                list.into_iter().map(|(_, _, id)| view! { <li><BacklogCard id removed /></li> }).collect_view().into_any()
                            }
                        }}
                    </ul>
                    <AddOwn />
                }
                .into_any(),
                View::Library => view! {
                    <h2 id="library-heading" class="list-heading">{move || counted("Idea library", library().len(), IDEAS.len())}</h2>
                    <ul class="plain-list ideas" id="library" aria-labelledby="library-heading">
                        {move || library().into_iter().map(|idea| view! { <li><LibraryCard idea /></li> }).collect_view()}
                    </ul>
                }
                .into_any(),
                View::Memories => view! {
                    <h2 id="memories-heading" class="list-heading">{move || match memory_count() {
                        0 => String::from("Memories"),
                        n => words::count(n, "memory", "memories"),
                    }}</h2>
                    <Memories />
                }
                .into_any(),
            }}
        </Page>
    }
}

/// "Surprise us": one idea that fits the filters, favouring what is new.
#[component]
fn SurpriseCard(filter: RwSignal<Filter>, removed: RwSignal<Option<DateIdea>>) -> impl IntoView {
    let store = use_store();
    // The title of the current pick; the next pick never repeats it.
    let picked = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<&'static str>);
    let pick = move |_| {
        let seed = random_seed();
        let previous = picked.get_untracked();
        let title = store.dates.with_untracked(|saved| {
            filter.with_untracked(|f| {
                let all = candidates(saved, IDEAS, f);
                surprise(&all, today(), seed, previous.as_deref()).map(|p| p.title().to_string())
            })
        });
        message.set(
            title
                .is_none()
                .then_some("Nothing fits these filters. Try loosening one."),
        );
        picked.set(title);
    };
    let shown = move || {
        let title = picked.get()?;
        let saved = store
            .dates
            .with(|all| all.iter().find(|d| d.title == title).map(|d| d.id.clone()));
        Some(match saved {
            Some(id) => view! { <BacklogCard id removed /> }.into_any(),
            None => {
                let idea = IDEAS.iter().find(|i| i.title == title)?;
                view! { <LibraryCard idea /> }.into_any()
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="surprise-title">
            <h2 id="surprise-title">"Surprise us"</h2>
            <p class="hint">"One idea that fits your filters, favouring what you have never done."</p>
            <button type="button" class="button" on:click=handler(pick)>"Surprise us"</button>
            <div id="surprise" role="status">
                {move || message.get().map(|m| view! { <p>{m}</p> })}
                {shown}
            </div>
        </section>
    }
}
