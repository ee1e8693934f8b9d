//! The drawing on a finished check-in's summary: two cups facing each
//! other, a heart rising between them. Decoration only, hidden from screen
//! readers; the theme's colours (see `.art` in first_week.css).

use leptos::prelude::*;

#[component]
pub fn TwoCups() -> impl IntoView {
    view! {
        <svg class="art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
            <path class="art-soft" d="M8 74h104M36 40q-3-5 0-10M84 40q3-5 0-10M26 50a6 6 0 0 0 0 12M94 50a6 6 0 0 1 0 12" />
            <path class="art-warm" d="M26 44h26v18a8 8 0 0 1-8 8h-10a8 8 0 0 1-8-8zM68 44h26v18a8 8 0 0 1-8 8h-10a8 8 0 0 1-8-8z" />
            <path class="art-accent" d="M60 36c-7-5-12-9-12-14a6 6 0 0 1 12-3a6 6 0 0 1 12 3c0 5-5 9-12 14z" />
        </svg>
    }
}
