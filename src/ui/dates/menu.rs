//! "More": an idea's lesser actions behind one button, so each card shows a
//! single primary action. A disclosure (plain buttons in a list, reached
//! with Tab), not an ARIA menu; Escape closes it and puts focus back on
//! the button, and it closes once focus leaves it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::focus;
use crate::ui::handler::handler;

pub struct Action {
    pub text: &'static str,
    /// A fuller accessible name ("Remove: Picnic") where the text is vague.
    pub name: Option<String>,
    pub run: Callback<()>,
}

#[component]
pub fn MoreMenu(key: String, title: String, actions: Vec<Action>) -> impl IntoView {
    let open = RwSignal::new(false);
    let list_id = format!("more-list-{key}");
    let button = format!("more-{key}");
    let selector = format!("#{button}");
    let close_to_button = move || {
        open.set(false);
        focus(&selector);
    };
    let focus_left = move |event: leptos::ev::FocusEvent| {
        let within = event.related_target().is_some_and(|to| {
            let to = to.dyn_ref::<web_sys::Node>().cloned();
            event
                .current_target()
                .and_then(|me| me.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|me| me.contains(to.as_ref()))
        });
        if !within {
            open.set(false);
        }
    };
    view! {
        <div
            class="more"
            on:focusout=handler(focus_left)
            on:keydown=handler(move |event: leptos::ev::KeyboardEvent| {
                if event.key() == "Escape" && open.get_untracked() {
                    event.prevent_default();
                    close_to_button();
                }
            })
        >
            <button
                type="button"
                id=button
                class="button button-quiet"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=list_id.clone()
                aria-label=format!("More for {title}")
                on:click=handler(move |_| open.update(|o| *o = !*o))
            >
                "More"
            </button>
            <ul id=list_id class="more-list" hidden=move || !open.get()>
                {actions.into_iter().map(|action| view! {
                    <li>
                        <button
                            type="button"
                            class="more-item"
                            aria-label=action.name
                            on:click=handler(move |_| {
                                open.set(false);
                                action.run.run(());
                            })
                        >
                            {action.text}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
