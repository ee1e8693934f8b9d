//! Today → a gentle word when this phone's last backup is over a month old:
//! everything lives on the phone, so a lost phone would lose it all.

use leptos::prelude::*;

use crate::domain::settings::BackupAge;
use crate::ui::browser::today;
use crate::ui::format;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn BackupNudge() -> impl IntoView {
    let store = use_store();
    let due = Memo::new(move |_| {
        let has_data = store.has_records();
        store.settings.with(|s| s.backup_due(today(), has_data))
    });
    move || {
        due.get().map(|age| {
            let said = match age {
                BackupAge::Never => String::from("There's no backup of Rekindle from this phone yet."),
                BackupAge::Since(day) => {
                    format!("Your last backup from this phone was on {}.", format::day(day))
                }
            };
            view! {
                <section class="card nudge" aria-labelledby="backup-nudge-title">
                    <h2 id="backup-nudge-title">"Keep a copy somewhere safe"</h2>
                    <p>{said}" Everything here lives only on this phone: a copy kept elsewhere means a lost phone doesn't take it all."</p>
                    <div class="actions">
                        <a class="button" href="#/settings">"Make a backup"</a>
                        <button type="button" class="button button-quiet" on:click=handler(move |_| {
                            store.edit_settings(|s| s.put_off_backup(today()))
                        })>"Not now"</button>
                    </div>
                </section>
            }
        })
    }
}
