//! Sending: choose what to share (whole kinds, and journal entries only when
//! picked), make the code, and pass it on: the share sheet, the clipboard,
//! a .txt file, or a link that opens straight into the partner's app.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::exchange::kinds_shared_by_default;
use crate::domain::id::RecordId;
use crate::ui::browser::{copy_text, download, now, share_text};
use crate::ui::handler::handler;
use crate::ui::store::use_store;

/// Each kind that can travel, as the person reads it.
fn kind_label(name: &str) -> &'static str {
    match name {
        "appreciations" => "Appreciations",
        "check_ins" => "Check-ins: your answers, ratings and agreements",
        "dates" => "Dates: ideas, plans and memories",
        "decks" => "Question decks: your own cards and favourites",
        "time_outs" => "Time-outs, so both see the return time",
        _ => "Other records",
    }
}

#[component]
pub fn Send() -> impl IntoView {
    let store = use_store();
    let chosen = RwSignal::new(kinds_shared_by_default());
    let picked = RwSignal::new(Vec::<RecordId>::new());
    let parts = RwSignal::new(None::<Vec<String>>);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let make = move |_| {
        busy.set(true);
        message.set(None);
        parts.set(None);
        spawn_local(async move {
            match store.make_code(chosen.get_untracked(), picked.get_untracked()).await {
                Ok(Some(made)) => {
                    parts.set(Some(made));
                    request_animation_frame(|| crate::ui::browser::focus("#code-made"));
                }
                Ok(None) => message.set(Some(String::from(
                    "Nothing new to send: your partner has everything you chose since their last code.",
                ))),
                Err(why) => message.set(Some(why)),
            }
            busy.set(false);
        });
    };

    let kinds = kinds_shared_by_default()
        .into_iter()
        .map(|name| {
            let checked = move || chosen.with(|kinds| kinds.contains(&name));
            let toggle = move |_| {
                chosen.update(|kinds| match kinds.iter().position(|k| *k == name) {
                    Some(at) => {
                        kinds.remove(at);
                    }
                    None => kinds.push(name),
                })
            };
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=checked on:change=handler(toggle) />
                    <span>{kind_label(name)}</span>
                </label>
            }
        })
        .collect_view();

    // The newest entries, for sharing one by hand: the journal stays private otherwise.
    let entries = move || {
        store.journal.with(|journal| {
            journal
                .entries()
                .iter()
                .take(10)
                .map(|entry| {
                    (
                        entry.id.clone(),
                        entry.text.chars().take(80).collect::<String>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="card" aria-labelledby="send-title">
            <h2 id="send-title">"Send to your partner"</h2>
            <fieldset class="field">
                <legend>"What to share"</legend>
                <div class="checks">{kinds}</div>
            </fieldset>
            <details class="journal-pick">
                <summary>"Share a journal entry too"</summary>
                <p class="hint">"Your journal is private: only an entry you tick here is sent."</p>
                <div class="checks">
                    {move || entries().into_iter().map(|(id, text)| {
                        let ticked = {
                            let id = id.clone();
                            move || picked.with(|all| all.contains(&id))
                        };
                        let toggle = move |_| {
                            let id = id.clone();
                            picked.update(|all| match all.iter().position(|p| *p == id) {
                                Some(at) => {
                                    all.remove(at);
                                }
                                None => all.push(id),
                            })
                        };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=ticked on:change=handler(toggle) />
                                <span>{text}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </details>
            <button type="button" class="button" on:click=handler(make) disabled=move || busy.get()>"Make the code"</button>
            <p role="status">{move || message.get()}</p>
            {move || parts.get().map(|made| view! { <Made parts=made /> })}
        </section>
    }
}

/// A code just made, and the ways to pass it on.
#[component]
fn Made(parts: Vec<String>) -> impl IntoView {
    let count = parts.len();
    let whole = parts.join("\n");
    let status = RwSignal::new(None::<String>);
    let link = (count == 1).then(|| {
        let location = window().location();
        let base = location.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        format!("{base}#{}", parts[0])
    });
    let share = {
        let whole = whole.clone();
        move |_| {
            let whole = whole.clone();
            spawn_local(async move { status.set(share_text("Rekindle", &whole).await.err()) });
        }
    };
    let copy = {
        let whole = whole.clone();
        move |_| {
            let whole = whole.clone();
            spawn_local(async move {
                status.set(Some(match copy_text(&whole).await {
                    Ok(()) => String::from("Copied. Paste it into a message to your partner."),
                    Err(why) => why,
                }))
            });
        }
    };
    let save = {
        let whole = whole.clone();
        move |_| {
            let name = format!("rekindle-code-{}.txt", now().date_naive());
            status.set(download(&name, "text/plain", &whole).err());
        }
    };
    let shown = parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let id = format!("code-part-{}", i + 1);
            let label = if count == 1 {
                String::from("The code")
            } else {
                format!("Part {} of {count}", i + 1)
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <textarea id=id rows="4" readonly prop:value=part.clone()></textarea>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="code-made" id="code-made" tabindex="-1">
            <p>{if count == 1 {
                String::from("Send this code to your partner. It can be opened only by their phone.")
            } else {
                format!("This code comes in {count} parts: send all of them. It can be opened only by your partner's phone.")
            }}</p>
            {shown}
            <div class="actions">
                <button type="button" class="button" on:click=handler(share)>"Share…"</button>
                <button type="button" class="button button-quiet" on:click=handler(copy)>"Copy"</button>
                <button type="button" class="button button-quiet" on:click=handler(save)>"Save as a file"</button>
            </div>
            {link.map(|href| view! {
                <p class="hint">"Or send this link: it opens the code in their Rekindle. "
                    <a class="text-link" id="code-link" href=href.clone()>"Link to the code"</a>
                </p>
            })}
            <p role="status">{move || status.get()}</p>
        </div>
    }
}
