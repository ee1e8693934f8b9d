//! Navigation icons as inline SVG: no icon font or image to download.
//! Decorative only: the visible label next to each names the link.

use leptos::prelude::*;

use super::route::Route;

/// 24×24 outline paths, drawn with `stroke="currentColor"`.
fn path(route: Route) -> &'static str {
    match route {
        // A rising sun over the horizon.
        Route::Today => {
            "M3 18h18M6.3 18a5.7 5.7 0 0 1 11.4 0M12 4v3M4.9 8.9l2.1 2.1M19.1 8.9 17 11M2 14h2M20 14h2"
        }
        // An open notebook.
        Route::Journal => "M5 4h10a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3zM5 17a3 3 0 0 1 3-3h10M9 8h5",
        // Two speech bubbles facing each other.
        Route::CheckIn => {
            "M4 5h9a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2H8l-4 3zM15 9h3a2 2 0 0 1 2 2v5l0 3-3-2h-4a2 2 0 0 1-2-2"
        }
        // A calendar page with a heart-ish mark.
        Route::Dates => {
            "M4 6h16v14H4zM4 10h16M8 3v4M16 3v4M12 17l-2.2-2.1a1.4 1.4 0 0 1 2.2-1.7 1.4 1.4 0 0 1 2.2 1.7z"
        }
        // A card from a deck.
        Route::Talk => {
            "M7 3h10a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.4V13M12 16.5v.5"
        }
        // Two hearts, overlapping: the "Us" tab.
        Route::Progress => {
            "M9 19l-5.2-5a3.3 3.3 0 0 1 5.2-4.1 3.3 3.3 0 0 1 5.2 4.1zM14.5 7.4a3.3 3.3 0 0 1 5.7 3.1L15 16"
        }
        // A gear, simplified.
        Route::Settings | Route::Partner | Route::Welcome => {
            "M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M4.9 4.9 7 7M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1"
        }
    }
}

#[component]
pub fn RouteIcon(route: Route) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=path(route) />
        </svg>
    }
}
