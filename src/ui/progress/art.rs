//! The drawing an empty Progress or Journal shows, with a warm line: two
//! cups on a small table, waiting. Drawn for Rekindle in the theme's
//! colours (see `.art` in first_week.css); decoration only.

use leptos::prelude::*;

#[component]
pub fn EmptyState(line: &'static str) -> impl IntoView {
    view! {
        <div class="empty-state">
            <svg class="art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
                <path class="art-soft" d="M14 64h92M30 64v12M90 64v12" />
                <path class="art-warm" d="M34 40h22v14a8 8 0 0 1-8 8h-6a8 8 0 0 1-8-8zM64 40h22v14a8 8 0 0 1-8 8h-6a8 8 0 0 1-8-8z" />
                <path class="art-soft" d="M56 44a5 5 0 0 1 0 10M86 44a5 5 0 0 1 0 10M42 32q-3-6 0-12M50 32q3-6 0-12M72 32q-3-6 0-12" />
                <path class="art-accent" d="M60 20c-3-3-8 1-4 5l4 4 4-4c4-4-1-8-4-5z" />
            </svg>
            <p>{line}</p>
        </div>
    }
}
