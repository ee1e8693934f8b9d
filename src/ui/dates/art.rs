//! The drawing for an empty backlog or no memories yet: two cups side by
//! side, their steam meeting in a heart. Theme colours come from the shared
//! `.art-*` classes; decoration only, so hidden from screen readers.

use leptos::prelude::*;

#[component]
pub fn TwoCups() -> impl IntoView {
    view! {
        <svg class="art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
            <path class="art-soft" d="M14 72h92M41 38q-4-5 0-10M79 38q4-5 0-10M52 50h4a5 5 0 0 1 0 10h-4M68 50h-4a5 5 0 0 0 0 10h4" />
            <path class="art-warm" d="M30 44h22v20a6 6 0 0 1-6 6H36a6 6 0 0 1-6-6zM68 44h22v20a6 6 0 0 1-6 6H74a6 6 0 0 1-6-6z" />
            <path class="art-accent" d="M60 38l-7-7a4.5 4.5 0 0 1 7-6 4.5 4.5 0 0 1 7 6z" />
        </svg>
    }
}
