//! One radio button drawn as a pill (see `.choice` in forms.css); the
//! native input stays for keyboard and screen-reader use.

use crate::ui::handler::handler;
use leptos::prelude::*;

#[component]
pub fn Choice(
    /// The radio group's name.
    group: String,
    #[prop(into)] checked: Signal<bool>,
    on_pick: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type="radio"
                name=group
                prop:checked=move || checked.get()
                on:change=handler(move |_| on_pick.run(()))
            />
            <span>{children()}</span>
        </label>
    }
}
