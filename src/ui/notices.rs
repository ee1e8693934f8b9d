//! Banners about the person's data: a save that failed, records set aside.

use leptos::prelude::*;

use super::browser::{download, now};
use super::store::{Notice, use_store};
use crate::ui::handler::handler;

#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        // Rarely more than one, and rarely changing: no keyed list needed.
        <div class="notices">
            {move || {
                store
                    .notices
                    .get()
                    .into_iter()
                    .map(|notice| view! { <NoticeBanner notice /> })
                    .collect_view()
            }}
        </div>
    }
}

#[component]
fn NoticeBanner(notice: Notice) -> impl IntoView {
    let store = use_store();
    match notice {
        Notice::SaveFailed(message) => view! {
            <div class="notice notice-error" role="alert">
                <p>{message}</p>
            </div>
        }
        .into_any(),
        Notice::WrittenBack => view! {
            <div class="notice notice-warning" role="alert">
                <p>
                    "Something other than Rekindle emptied this browser's storage. This window still had everything, so it has written it all back: nothing was lost."
                </p>
                <div class="actions">
                    <button type="button" class="button button-quiet" on:click=handler(move |_| store.dismiss(&Notice::WrittenBack))>
                        "Got it"
                    </button>
                </div>
            </div>
        }
        .into_any(),
        Notice::SetAside(problems) => {
            let count = problems.len();
            let items = problems
                .iter()
                .map(|problem| {
                    let place = match &problem.recovery_key {
                        Some(key) => format!("kept as it was under “{key}”"),
                        None => String::from("left where it was"),
                    };
                    view! { <li>{format!("{}: {} — {place}.", problem.key, problem.reason)}</li> }
                })
                .collect_view();
            let dismissed = Notice::SetAside(problems);
            let download_error = RwSignal::new(None::<String>);
            let save_copy = move |_| {
                let outcome = match store.recovery_text() {
                    Some(text) => {
                        let name = format!("rekindle-set-aside-{}.json", now().date_naive());
                        download(&name, "application/json", &text)
                    }
                    None => Err(String::from(
                        "The set-aside text is no longer in this browser.",
                    )),
                };
                download_error.set(outcome.err());
            };
            view! {
                <div class="notice notice-warning" role="alert">
                    <p>
                        {if count == 1 {
                            String::from("One saved record could not be read.")
                        } else {
                            format!("{count} saved records could not be read.")
                        }}
                        " Nothing was deleted: everything else loaded normally, and the unreadable text is kept aside untouched."
                    </p>
                    <ul class="notice-details">{items}</ul>
                    <div class="actions">
                        <button type="button" class="button" on:click=handler(save_copy)>
                            "Download the unreadable text"
                        </button>
                        <button type="button" class="button button-quiet" on:click=handler(move |_| store.dismiss(&dismissed))>
                            "Got it"
                        </button>
                    </div>
                    {move || download_error.get().map(|message| view! { <p>{message}</p> })}
                </div>
            }
            .into_any()
        }
    }
}
