//! What an empty Progress or Journal shows: the two cups, and a warm line.

use leptos::prelude::*;

use crate::ui::art::TwoCups;

#[component]
pub fn EmptyState(line: &'static str) -> impl IntoView {
    view! {
        <div class="empty-state">
            <TwoCups />
            <p>{line}</p>
        </div>
    }
}
