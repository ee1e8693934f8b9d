//! Memories: every date done, newest first, with how it went.

use leptos::prelude::*;

use crate::domain::dates::{memories, rating_label};
use crate::ui::art::TwoCups;
use crate::ui::format;
use crate::ui::store::use_store;

#[component]
pub fn Memories() -> impl IntoView {
    let store = use_store();
    let list = move || {
        store.dates.with(|all| {
            memories(all)
                .into_iter()
                .map(|(idea, m)| (idea.title.clone(), m.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="plain-list memories" id="memories" aria-label="Memories">
            {move || {
                let all = list();
                if all.is_empty() {
                    return view! {
                        <li class="empty">
                            <TwoCups />
                            <p>"No memories yet. Your first date together will be kept here, with what made you laugh."</p>
                        </li>
                    }
                    .into_any();
                }
                all.into_iter()
                    .map(|(title, m)| {
                        view! {
                            <li>
                                <p class="appreciation-who">{format::day(m.day)}" · "{rating_label(m.rating)}{m.would_repeat.then_some(" · We'd do it again")}</p>
                                <h3 class="idea-title">{title}</h3>
                                {(!m.note.is_empty()).then(|| view! { <p class="entry-text">{m.note}</p> })}
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </ul>
    }
}
