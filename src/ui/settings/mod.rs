//! Settings: names, check-in day and theme; the data, its backups and its lock.

mod backup;
mod lock;
mod preferences;
mod your_data;

use leptos::prelude::*;

use crate::ui::erase::EraseEverything;
use crate::ui::page::Page;
use crate::ui::reminders::RemindersCard;
use crate::ui::store::use_store;
use backup::Backups;
use lock::PasscodeLock;
use preferences::Preferences;
use your_data::YourData;

/// Where pairing and codes live.
#[component]
fn TwoPhones() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="card" aria-labelledby="two-phones-title">
            <h2 id="two-phones-title">"Two phones"</h2>
            <p>{move || if store.pairing.with(Option::is_some) {
                "This phone is paired with your partner's. Send them what changed, and open what they send."
            } else {
                "Rekindle on both your phones? Pair them once, side by side; then keep appreciations, check-ins and plans in step with codes you send each other. No server, no account."
            }}</p>
            <a class="button" href="#/partner">"Open Two phones"</a>
        </section>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_store();
    let erase =
        Callback::new(move |()| store.erase_everything().map_err(|error| error.to_string()));
    view! {
        <Page title="Settings">
            <Preferences />
            <RemindersCard />
            <TwoPhones />
            <YourData />
            <Backups />
            <PasscodeLock />
            <EraseEverything erase />
        </Page>
    }
}
