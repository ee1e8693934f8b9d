//! A few small drawings made for Rekindle, inline SVG in the theme's
//! colours (so dark mode needs nothing more): decoration only, hidden from
//! screen readers.

use leptos::prelude::*;

/// Two flames leaning into each other: the welcome, and a check-in done.
#[component]
pub fn Embers() -> impl IntoView {
    view! {
        <svg class="art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
            <path class="art-soft" d="M10 70 Q60 58 110 70" />
            <path class="art-warm" d="M48 66c-14-6-16-20-6-32 2 8 8 10 10 4 2-9-2-16 4-24 6 14 14 22 8 38-3 8-9 13-16 14z" />
            <path class="art-accent" d="M72 66c11-5 13-16 5-26-1 6-6 8-8 3-2-7 1-12-3-18-5 11-11 17-6 29 2 7 6 11 12 12z" />
        </svg>
    }
}

/// Two cups facing each other, a heart rising between them: a finished
/// check-in, and the empty Dates, Progress and Journal.
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
