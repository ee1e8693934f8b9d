//! Two phones: pair once, then send and open codes. No server and no
//! account: a code is sealed for the couple's two phones and travels however
//! they like (a message, a file, a link).

mod pair;
mod qr;
mod receive;
mod scan;
mod send;

use leptos::prelude::*;

use crate::ui::handler::handler;
use crate::ui::page::Page;
use crate::ui::store::use_store;
use pair::Pair;
use receive::Receive;
use send::Send;

#[component]
pub fn PartnerPage() -> impl IntoView {
    let store = use_store();
    // A code that came in the link (`#rk1.…`).
    let from_link = window()
        .location()
        .hash()
        .ok()
        .and_then(|hash| hash.strip_prefix('#').map(str::to_string))
        .filter(|code| code.starts_with("rk1."));
    // Redrawn only when pairing starts or ends, not when a code is made.
    let paired = Memo::new(move |_| store.pairing.with(Option::is_some));
    view! {
        <Page
            title="Two phones"
            lede="Keep each other's appreciations, check-ins, plans and time-outs in step: send a code, open theirs. Nothing goes through a server; a code opens only on your two phones."
        >
            {move || match paired.get().then(|| store.pairing.get_untracked()).flatten() {
                None => view! {
                    <Pair />
                    {from_link.clone().map(|_| view! {
                        <p class="card" role="alert">"This link holds a code from your partner. Pair this phone with theirs first, then open it again."</p>
                    })}
                }
                .into_any(),
                Some(pairing) => view! {
                    <Paired safety=pairing.safety method=pairing.method />
                    <Receive from_link=from_link.clone() />
                    <Send />
                }
                .into_any(),
            }}
        </Page>
    }
}

/// What the pairing is, and undoing it.
#[component]
fn Paired(safety: String, method: crate::domain::pairing::Method) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let unpair = move |_| {
        if let Err(error) = store.unpair() {
            message.set(Some(error.to_string()));
        }
    };
    let how = match method {
        crate::domain::pairing::Method::Keys => {
            format!("Paired with your partner's phone. Safety number: {safety}.")
        }
        crate::domain::pairing::Method::Passphrase => {
            String::from("Paired with your partner's phone by a passphrase.")
        }
    };
    view! {
        <section class="card" aria-labelledby="paired-title">
            <h2 id="paired-title">"Paired"</h2>
            <p id="paired-status">{how}</p>
            <details>
                <summary>"Unpair"</summary>
                <p>"Codes from your partner will no longer open here, and yours not there. Nothing already brought in is removed. You can pair again at any time."</p>
                <button type="button" class="button button-quiet button-danger" on:click=handler(unpair)>"Unpair this phone"</button>
                <p role="alert">{move || message.get()}</p>
            </details>
        </section>
    }
}
