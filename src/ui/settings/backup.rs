//! Settings → Backups: download everything as one file, and bring a file
//! back in after checking it and showing, kind by kind, what it would
//! change. Replacing asks first, offers a copy of what is here, and can be
//! undone.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::backup::{self, Backup, ImportError, KindPreview};
use crate::ui::browser::{download, focus, local_date_time, now, picked_file, read_text};
use crate::ui::store::{Replaced, use_store};
use crate::ui::undo::UndoBar;

/// "1 journal entry", "3 journal entries".
fn count(n: usize, (one, many): (&str, &str)) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One kind's line in the preview: "3 journal entries: 1 new, 2 already here".
fn preview_line(kind: &KindPreview) -> String {
    let mut parts = Vec::new();
    for (n, what) in [
        (kind.new, "new to this device"),
        (kind.newer, "newer than the copy here"),
        (kind.same, "already here"),
        (kind.deleted_there, "deleted since on the backup's side"),
        (kind.only_here, "only on this device"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    format!("{}: {}", count(kind.in_file, kind.noun), parts.join(", "))
}

/// What the chosen file would do, waiting for the person's choice.
#[derive(Clone)]
struct Checked {
    backup: Backup,
    kinds: Vec<KindPreview>,
    saved: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Preview,
    ConfirmReplace,
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

    let checked = RwSignal::new(None::<Checked>);
    let step = RwSignal::new(Step::Preview);
    let refusal = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let clear_pick = move || {
        checked.set(None);
        step.set(Step::Preview);
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
        checked.set(None);
        step.set(Step::Preview);
        // A huge file is refused from its size alone, before it is read.
        let bytes = file.size() as usize;
        if bytes > backup::MAX_BYTES {
            refusal.set(Some(ImportError::TooLarge { bytes }.to_string()));
            return;
        }
        spawn_local(async move {
            let parsed = read_text(&file)
                .await
                .and_then(|text| backup::parse(&text, now()).map_err(|error| error.to_string()));
            match parsed {
                Ok(incoming) => {
                    let kinds = store.preview(&incoming);
                    let saved = local_date_time(incoming.exported);
                    checked.set(Some(Checked {
                        backup: incoming,
                        kinds,
                        saved,
                    }));
                    focus("#import-preview");
                }
                Err(reason) => refusal.set(Some(reason)),
            }
        });
    };
    let merge = move |_| {
        let Some(Checked { backup, .. }) = checked.get_untracked() else {
            return;
        };
        store.merge(&backup);
        clear_pick();
        let held = store.journal.with_untracked(|j| j.len());
        done.set(Some(format!(
            "Merged: this device now holds {}.",
            count(held, ("journal entry", "journal entries"))
        )));
        focus("#import-done");
    };
    let replace = move |_| {
        let Some(Checked { backup, .. }) = checked.get_untracked() else {
            return;
        };
        store.replace(&backup);
        clear_pick();
        let held = store.journal.with_untracked(|j| j.len());
        done.set(Some(format!(
            "Replaced: this device now holds the backup's {}.",
            count(held, ("journal entry", "journal entries"))
        )));
    };
    let undo = Callback::new(move |replaced: Replaced| {
        store.undo_replace(replaced);
        done.set(Some(String::from("Put back as it was before the replace.")));
    });

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
            {move || checked.get().map(|Checked { kinds, saved, .. }| {
                let only_here: usize = kinds.iter().map(|k| k.only_here).sum();
                let lines = kinds
                    .iter()
                    .filter(|k| !k.is_empty())
                    .map(|k| view! { <li>{preview_line(k)}</li> })
                    .collect_view();
                view! {
                    <div class="import-preview" id="import-preview" tabindex="-1" aria-labelledby="import-preview-title">
                        <h4 id="import-preview-title">{format!("This backup was saved {saved}. It holds:")}</h4>
                        <ul>{lines}</ul>
                        {move || match step.get() {
                            Step::Preview => view! {
                                <div class="actions">
                                    <button type="button" class="button" on:click=merge>"Merge into what is here"</button>
                                    <button
                                        type="button"
                                        class="button button-quiet button-danger"
                                        aria-describedby="replace-hint"
                                        on:click=move |_| { step.set(Step::ConfirmReplace); focus("#confirm-replace"); }
                                    >
                                        "Replace everything here"
                                    </button>
                                    <button type="button" class="button button-quiet" on:click=move |_| clear_pick()>"Cancel"</button>
                                </div>
                                <p class="hint" id="replace-hint">
                                    "Merging keeps everything and takes the newer copy of each record; what was deleted since stays deleted. Replacing makes this device hold exactly the backup, names and settings included."
                                </p>
                            }
                            .into_any(),
                            Step::ConfirmReplace => view! {
                                <div class="confirm" id="confirm-replace" tabindex="-1" role="group" aria-labelledby="confirm-replace-title">
                                    <p id="confirm-replace-title"><strong>{format!(
                                        "Replace everything here with this backup? {} only on this device would be deleted.",
                                        match only_here { 1 => String::from("1 record"), n => format!("{n} records") }
                                    )}</strong></p>
                                    <p class="hint">"You can undo it for a few seconds afterwards. To keep a copy of what is here now, download it first."</p>
                                    <div class="actions">
                                        <button type="button" class="button button-quiet" on:click=export>"Download what is here first"</button>
                                        <button type="button" class="button button-danger-solid" on:click=replace>"Yes, replace everything"</button>
                                        <button type="button" class="button button-quiet" on:click=move |_| step.set(Step::Preview)>"Back"</button>
                                    </div>
                                </div>
                            }
                            .into_any(),
                        }}
                    </div>
                }
            })}
            <p role="status" id="import-done" tabindex="-1">{move || done.get()}</p>
            <UndoBar message="Everything here was replaced with the backup." last_removed=store.replaced on_undo=undo />
        </section>
    }
}
