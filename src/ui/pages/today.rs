//! Today: the home screen. For now it points to the journal; the daily
//! rituals join it as they are built.

use leptos::prelude::*;

use crate::ui::page::Page;
use crate::ui::route::Route;
use crate::ui::store::use_store;

#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_store();
    let entries = move || store.journal.with(|journal| journal.len());
    let flagged = move || store.journal.with(|journal| journal.for_check_in().count());
    view! {
        <Page
            title="Today"
            lede="Small, deliberate ways of seeing each other. Everything stays on this device."
        >
            <div class="card">
                <h2>"Your journal"</h2>
                <p>
                    {move || match entries() {
                        0 => String::from("Nothing written yet. A few honest lines are a good start."),
                        1 => String::from("1 private entry so far."),
                        n => format!("{n} private entries so far."),
                    }}
                    {move || match flagged() {
                        0 => String::new(),
                        1 => String::from(" 1 is waiting for your next check-in."),
                        n => format!(" {n} are waiting for your next check-in."),
                    }}
                </p>
                <a class="button" href=Route::Journal.href()>"Write in your journal"</a>
            </div>
            <p class="coming-soon">
                "The daily appreciation, affection nudges and what is next for the two of you arrive here soon."
            </p>
        </Page>
    }
}
