//! Settings → Your data: how much is stored, keeping it from being cleared
//! by the browser, and erasing everything.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::storage::device::{self, Usage};
use crate::ui::handler::handler;

/// "12 KB", "3.4 MB", "10 GB". Integer arithmetic on purpose: formatting
/// floats would pull about 20 KB of float-printing code into the wasm.
fn size_text(bytes: f64) -> String {
    const KB: u64 = 1024;
    let bytes = bytes.max(0.0) as u64;
    if bytes < KB * KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else if bytes < KB * KB * KB {
        let tenths = bytes * 10 / (KB * KB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} GB", bytes / (KB * KB * KB))
    }
}

#[component]
pub fn YourData() -> impl IntoView {
    let usage = RwSignal::new(None::<Usage>);
    let persisted = RwSignal::new(None::<bool>);
    let persist_answer = RwSignal::new(None::<String>);
    spawn_local(async move {
        usage.set(Some(device::usage().await));
        persisted.set(device::is_persisted().await);
    });

    let ask_to_persist = move |_| {
        spawn_local(async move {
            let answer = device::request_persistence().await;
            persisted.set(answer);
            persist_answer.set(Some(String::from(match answer {
                Some(true) => "Done: the browser will keep Rekindle's data until you erase it.",
                Some(false) => {
                    "The browser said no for now (browsers decide this themselves, often by how much a site is used). Your data is still saved; a backup is the surest way to keep it."
                }
                None => "This browser cannot make that promise. Your data is still saved.",
            })));
        });
    };

    view! {
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <p>"Everything you write stays in this browser, on this device. Nothing is sent anywhere."</p>
            <dl class="figures" aria-live="polite">
                <div>
                    <dt>"Rekindle's records"</dt>
                    <dd>{move || usage.get().map_or(String::from("…"), |u| size_text(u.records_bytes))}</dd>
                </div>
                <div>
                    <dt>"This site in total, of what the browser allows"</dt>
                    <dd>
                        {move || match usage.get() {
                            Some(Usage { site_usage: Some(used), site_quota: Some(quota), .. }) => {
                                format!("{} of {}", size_text(used), size_text(quota))
                            }
                            Some(_) => String::from("not reported by this browser"),
                            None => String::from("…"),
                        }}
                    </dd>
                </div>
            </dl>
            <p>
                {move || match persisted.get() {
                    Some(true) => "The browser has promised to keep this data until you erase it.",
                    _ => "Browsers may clear a site's data when space runs low. You can ask this one not to.",
                }}
            </p>
            <Show when=move || persisted.get() != Some(true)>
                <button type="button" class="button button-quiet" on:click=handler(ask_to_persist)>
                    "Ask the browser to keep my data"
                </button>
            </Show>
            <p role="status">{move || persist_answer.get()}</p>

        </section>
    }
}
