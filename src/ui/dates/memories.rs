//! Memories: every date done, newest first, with how it went.

use leptos::prelude::*;

use crate::domain::dates::memories;
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
                    return view! { <li class="hint">"Mark a date done and it is kept here, with what made you laugh."</li> }.into_any();
                }
                all.into_iter()
                    .map(|(title, m)| {
                        // Checked 1–5 on every way in; saturating all the same, so a
                        // stored number can never make a view panic.
                        let filled = usize::from(m.rating).min(5);
                        let stars = format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled));
                        let label = format!("{} of 5", m.rating);
                        view! {
                            <li>
                                <p class="appreciation-who">{format::day(m.day)}" · "<span aria-hidden="true">{stars}</span><span class="visually-hidden">{label}</span>{m.would_repeat.then_some(" · We'd do it again")}</p>
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
