//! Settings → Backups: download everything as one file, and bring a file
//! back in after checking it and showing, kind by kind, what it would
//! change. Replacing asks first, offers a copy of what is here, and can be
//! undone.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::backup::{self, Backup, ImportError, KindPreview, SealedBackup};
use crate::domain::seal::{
    KEY_BYTES, NONCE_BYTES, PBKDF2_ITERATIONS, SALT_BYTES, check_new_passcode,
};
use crate::domain::settings::Settings;
use crate::storage::passcode::{derive_bits, fill_random};
use crate::ui::browser::{download, focus, now, picked_file, read_text, today};
use crate::ui::handler::handler;
use crate::ui::passcode_field::PasscodeField;
use crate::ui::store::{Replaced, use_store};
use crate::ui::undo::UndoBar;

fn count(n: usize, (one, many): (&str, &str)) -> String {
    crate::domain::words::count(n, one, many)
}

/// The backup's text sealed with a key from `passphrase` (PBKDF2, a fresh salt).
async fn protect_with(text: &str, passphrase: &str) -> Result<String, String> {
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    fill_random(&mut salt)
        .and_then(|()| fill_random(&mut nonce))
        .map_err(|e| e.to_string())?;
    let key = key_from(passphrase, &salt).await?;
    Ok(SealedBackup::seal(text, &key, salt, nonce))
}

/// A protected backup's text, if `passphrase` opens it.
async fn open_protected(sealed: &SealedBackup, passphrase: &str) -> Result<String, String> {
    let salt = sealed
        .salt()
        .ok_or_else(|| ImportError::WrongPassphrase.to_string())?;
    let key = key_from(passphrase, &salt).await?;
    sealed.open(&key).map_err(|error| error.to_string())
}

async fn key_from(passphrase: &str, salt: &[u8]) -> Result<[u8; KEY_BYTES], String> {
    derive_bits(passphrase, salt, PBKDF2_ITERATIONS, KEY_BYTES)
        .await
        .map_err(|e| e.to_string())?
        .try_into()
        .map_err(|_| String::from("The browser derived a key of the wrong size."))
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
    let protect = RwSignal::new(false);
    let phrase = RwSignal::new(String::new());
    let phrase_again = RwSignal::new(String::new());
    let export = move |_| {
        export_error.set(None);
        let protected = protect.get_untracked();
        let (typed, again) = (phrase.get_untracked(), phrase_again.get_untracked());
        if protected && let Err(why) = check_new_passcode(&typed, &again) {
            return export_error.set(Some(why.to_string()));
        }
        // The backup itself records the day it was made, so restored on a
        // new phone it still knows; Today's suggestion rests for a month.
        let before: Settings = store.settings.with_untracked(|s| (**s).clone());
        store.edit_settings(|s| s.backed_up(today()));
        let at = now();
        let text = store.export_backup(at);
        let finished = move |result: Result<(), String>| {
            if result.is_err() {
                store.edit_settings(|s| *s = before);
            }
            export_error.set(result.err());
        };
        if !protected {
            return finished(download(&backup::file_name(at), "application/json", &text));
        }
        spawn_local(async move {
            let sealed = protect_with(&text, &typed).await;
            finished(
                sealed.and_then(|file| download(&backup::file_name(at), "application/json", &file)),
            );
        });
    };

    let checked = RwSignal::new(None::<Checked>);
    // A protected file waits here for its passphrase.
    let locked_file = RwSignal::new(None::<SealedBackup>);
    let unlock_phrase = RwSignal::new(String::new());
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
    let show_preview =
        move |text: String| match backup::parse(&text, now()).map_err(|error| error.to_string()) {
            Ok(incoming) => {
                let kinds = store.preview(&incoming);
                let saved = crate::ui::format::date_time(incoming.exported);
                checked.set(Some(Checked {
                    backup: incoming,
                    kinds,
                    saved,
                }));
                focus("#import-preview");
            }
            Err(reason) => refusal.set(Some(reason)),
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
        locked_file.set(None);
        spawn_local(async move {
            let text = match read_text(&file).await {
                Ok(text) => text,
                Err(reason) => return refusal.set(Some(reason)),
            };
            if let Some(sealed) = SealedBackup::read(&text) {
                locked_file.set(Some(sealed));
                return focus("#backup-passphrase");
            }
            show_preview(text);
        });
    };
    let open_locked = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(sealed) = locked_file.get_untracked() else {
            return;
        };
        let typed = unlock_phrase.get_untracked();
        refusal.set(None);
        spawn_local(async move {
            match open_protected(&sealed, &typed).await {
                Ok(text) => {
                    locked_file.set(None);
                    unlock_phrase.set(String::new());
                    show_preview(text);
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
            <label class="check">
                <input type="checkbox" prop:checked=move || protect.get() on:change=handler(move |_| protect.update(|on| *on = !*on)) />
                <span>"Protect the file with a passphrase"</span>
            </label>
            <Show when=move || protect.get()>
                <p class="hint">"Without the passphrase the file cannot be read, by anyone: Rekindle cannot recover it."</p>
                <PasscodeField id="backup-new-phrase" label="A passphrase for this file (8 characters or more, not only digits)" autocomplete="new-password" value=phrase />
                <PasscodeField id="backup-new-phrase-again" label="The same passphrase again" autocomplete="new-password" value=phrase_again />
            </Show>
            <button type="button" class="button" on:click=handler(export)>"Download a backup"</button>
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
                    on:change=handler(picked)
                />
                <p class="hint" id="import-hint">"It is checked first. Nothing changes until you choose how to bring it in."</p>
            </div>
            {move || locked_file.get().map(|_| view! {
                <form class="import-preview" on:submit=handler(open_locked)>
                    <p>"This backup is protected with a passphrase."</p>
                    <PasscodeField id="backup-passphrase" label="The backup's passphrase" autocomplete="current-password" value=unlock_phrase />
                    <button type="submit" class="button">"Open the backup"</button>
                </form>
            })}
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
                                    <button type="button" class="button" on:click=handler(merge)>"Merge into what is here"</button>
                                    <button
                                        type="button"
                                        class="button button-quiet button-danger"
                                        aria-describedby="replace-hint"
                                        on:click=handler(move |_| { step.set(Step::ConfirmReplace); focus("#confirm-replace"); })
                                    >
                                        "Replace everything here"
                                    </button>
                                    <button type="button" class="button button-quiet" on:click=handler(move |_| clear_pick())>"Cancel"</button>
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
                                        <button type="button" class="button button-quiet" on:click=handler(export)>"Download what is here first"</button>
                                        <button type="button" class="button button-danger-solid" on:click=handler(replace)>"Yes, replace everything"</button>
                                        <button type="button" class="button button-quiet" on:click=handler(move |_| step.set(Step::Preview))>"Back"</button>
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
