//! A small face for a mood: the mouth bends from a frown (heavy) to a smile
//! (light). Decoration beside the mood's word, hidden from screen readers.

use leptos::prelude::*;

use crate::domain::mood::Mood;

#[component]
pub fn MoodFace(mood: Mood) -> impl IntoView {
    // A curve from (7,15) to (17,15): its control point sits below the ends
    // for a smile, above them for a frown.
    let mouth = format!("M7 15Q12 {} 17 15", 15 + 3 * i32::from(mood.smile()));
    view! {
        <svg class="mood-face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" />
            <path d="M9 9.5v1M15 9.5v1" />
            <path d=mouth />
        </svg>
    }
}
