//! Settings → Backups: download everything as one file, and bring a file
//! back in after checking it and showing what it would change.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::backup::{self, Backup, ImportError, ImportMode, Preview};
use crate::ui::browser::{download, focus, local_date_time, now, picked_file, read_text};
use crate::ui::store::use_store;

/// "1 journal entry", "3 journal entries".
fn entries(count: usize) -> String {
    match count {
        1 => String::from("1 journal entry"),
        n => format!("{n} journal entries"),
    }
}

#[component]
pub fn Backups() -> impl IntoView {
    let store = use_store();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let at = now();
        let text = store.export_backup(at);
        let result = download(&backup::file_name(at), "application/json", &text);
        export_error.set(result.err());
    };

    // The checked file waits here until the person chooses merge or replace.
    let checked = StoredValue::new(None::<Backup>);
    let preview = RwSignal::new(None::<(Preview, String)>);
    let refusal = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let clear_pick = move || {
        checked.set_value(None);
        preview.set(None);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let picked = move |_| {
        let Some(file) = file_input
            .get_untracked()
            .and_then(|input| picked_file(&input))
        else {
            return;
        };
        done.set(None);
        refusal.set(None);
        checked.set_value(None);
        preview.set(None);
        // A huge file is refused from its size alone, before it is read.
        let bytes = file.size() as usize;
        if bytes > backup::MAX_BYTES {
            refusal.set(Some(ImportError::TooLarge { bytes }.to_string()));
            return;
        }
        spawn_local(async move {
            let parsed = read_text(&file)
                .await
                .and_then(|text| backup::parse(&text).map_err(|error| error.to_string()));
            match parsed {
                Ok(incoming) => {
                    let summary = store
                        .journal
                        .with_untracked(|journal| backup::preview(&incoming, journal));
                    let when = local_date_time(incoming.exported);
                    checked.set_value(Some(incoming));
                    preview.set(Some((summary, when)));
                    focus("#import-preview");
                }
                Err(reason) => refusal.set(Some(reason)),
            }
        });
    };
    let bring_in = move |mode: ImportMode| {
        let Some(incoming) = checked.get_value() else {
            return;
        };
        let count = incoming.journal.len();
        store.import(incoming, mode);
        clear_pick();
        done.set(Some(match mode {
            ImportMode::Merge => format!(
                "Merged: this device now holds {}.",
                entries(store.journal.with_untracked(|j| j.len()))
            ),
            ImportMode::Replace => format!(
                "Replaced: this device now holds the backup's {}.",
                entries(count)
            ),
        }));
        focus("#import-done");
    };

    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backups"</h2>
            <p>
                "A backup is one file holding everything you have written here. Keep it somewhere private: anyone who opens the file can read it."
            </p>
            <button type="button" class="button" on:click=export>"Download a backup"</button>
            {move || export_error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}

            <h3>"Restore from a backup"</h3>
            <div class="field">
                <label for="import-file">"Choose a backup file"</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="import-hint"
                    node_ref=file_input
                    on:change=picked
                />
                <p class="hint" id="import-hint">"It is checked first. Nothing changes until you choose how to bring it in."</p>
            </div>
            {move || refusal.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            {move || preview.get().map(|(summary, when)| view! {
                <div class="import-preview" id="import-preview" tabindex="-1" aria-labelledby="import-preview-title">
                    <h4 id="import-preview-title">{format!("This backup, saved {when}, holds {}", entries(summary.journal_entries))}</h4>
                    <ul>
                        <li>{format!("{} new to this device", summary.new)}</li>
                        <li>{format!("{} newer than the copy here", summary.newer)}</li>
                        <li>{format!("{} already here as they are, or newer", summary.kept)}</li>
                        <li>{format!("{} only on this device", summary.only_here)}</li>
                        <li>{format!("{} appreciations, {} affection moments, {} check-ins, {} date ideas, {} question decks and {} time-outs, matched by id", summary.appreciations, summary.affection_marks, summary.check_ins, summary.dates, summary.decks, summary.time_outs)}</li>
                    </ul>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| bring_in(ImportMode::Merge)>
                            "Merge into what is here"
                        </button>
                        <button
                            type="button"
                            class="button button-quiet button-danger"
                            aria-describedby="replace-hint"
                            on:click=move |_| bring_in(ImportMode::Replace)
                        >
                            "Replace everything here"
                        </button>
                        <button type="button" class="button button-quiet" on:click=move |_| clear_pick()>"Cancel"</button>
                    </div>
                    <p class="hint" id="replace-hint">
                        {format!("Merging keeps everything and takes the newer copy of each entry. Replacing makes this device hold exactly the backup: it removes the {} only on this device.", entries(summary.only_here))}
                    </p>
                </div>
            })}
            <p role="status" id="import-done" tabindex="-1">{move || done.get()}</p>
        </section>
    }
}
