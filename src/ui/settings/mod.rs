//! Settings: the person's data, its backups and its lock.

mod backup;
mod erase;
mod your_data;

use leptos::prelude::*;

use crate::ui::page::Page;
use backup::Backups;
use erase::EraseEverything;
use your_data::YourData;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Page title="Settings" lede="Your names, check-in day and theme arrive here soon.">
            <YourData />
            <Backups />
            <EraseEverything />
        </Page>
    }
}
