//! Settings: names, check-in day and theme; the data, its backups and its lock.

mod backup;
mod lock;
mod preferences;
mod your_data;

use leptos::prelude::*;

use crate::ui::erase::EraseEverything;
use crate::ui::page::Page;
use crate::ui::store::use_store;
use backup::Backups;
use lock::PasscodeLock;
use preferences::Preferences;
use your_data::YourData;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_store();
    let erase =
        Callback::new(move |()| store.erase_everything().map_err(|error| error.to_string()));
    view! {
        <Page title="Settings">
            <Preferences />
            <YourData />
            <Backups />
            <PasscodeLock />
            <EraseEverything erase />
        </Page>
    }
}
