//! Receiving: paste a code (or open its file, or follow its link), see what
//! it holds, then bring it in. Checked like any backup; nothing changes
//! until the person says so.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::browser::{focus, picked_file, read_text};
use crate::ui::handler::handler;
use crate::ui::store::{Incoming, use_store};

#[component]
pub fn Receive(from_link: Option<String>) -> impl IntoView {
    let store = use_store();
    let pasted = RwSignal::new(from_link.clone().unwrap_or_default());
    let opened = RwSignal::new(None::<Incoming>);
    let message = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let open = move |text: String| {
        message.set(None);
        opened.set(None);
        spawn_local(async move {
            match store.open_code(&text).await {
                Ok(incoming) => {
                    opened.set(Some(incoming));
                    request_animation_frame(|| focus("#code-preview"));
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        open(pasted.get_untracked());
    };
    let picked = move |_| {
        let Some(file) = file_input
            .get_untracked()
            .and_then(|input| picked_file(&input))
        else {
            return;
        };
        spawn_local(async move {
            match read_text(&file).await {
                Ok(text) => {
                    pasted.set(text.clone());
                    open(text);
                }
                Err(why) => message.set(Some(why)),
            }
        });
    };
    let take = move |_| {
        let Some(incoming) = opened.get_untracked() else {
            return;
        };
        match store.take_code(&incoming) {
            Ok(()) => {
                opened.set(None);
                pasted.set(String::new());
                message.set(Some(format!("Brought in: {}.", incoming.holds.join(", "))));
            }
            Err(why) => message.set(Some(why)),
        }
    };
    // A code that came in a link is opened at once (and leaves the address).
    if let Some(code) = from_link {
        let _ = window().history().map(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/partner"))
        });
        open(code);
    }

    view! {
        <section class="card" aria-labelledby="receive-title">
            <h2 id="receive-title">"Open your partner's code"</h2>
            <form on:submit=handler(submit)>
                <div class="field">
                    <label for="code-text">"Paste the code (all its parts, in any order)"</label>
                    <textarea
                        id="code-text"
                        rows="4"
                        autocomplete="off"
                        prop:value=move || pasted.get()
                        on:input=handler(move |event| pasted.set(event_target_value(&event)))
                    ></textarea>
                </div>
                <button type="submit" class="button">"Open the code"</button>
            </form>
            <div class="field">
                <label for="code-file">"Or open a code file (.txt)"</label>
                <input id="code-file" type="file" accept=".txt,text/plain" node_ref=file_input on:change=handler(picked) />
            </div>
            {move || opened.get().map(|incoming| view! {
                <div class="import-preview" id="code-preview" tabindex="-1" aria-labelledby="code-preview-title">
                    <h3 id="code-preview-title">"From your partner's phone"</h3>
                    <ul>{incoming.holds.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul>
                    <p class="hint">"Each record is matched by id: newer copies are kept, and what was deleted stays deleted."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=handler(take)>"Bring them in"</button>
                        <button type="button" class="button button-quiet" on:click=handler(move |_| opened.set(None))>"Not now"</button>
                    </div>
                </div>
            })}
            <p role="status" class="receive-status">{move || message.get()}</p>
            <p class="hint">
                "On an iPhone, the installed app and Safari keep separate copies of Rekindle: paste codes into the one you use, here in the app."
            </p>
        </section>
    }
}
