//! Pairing, once, in person: each phone shows its pairing code (text and a
//! QR code) and takes the other's; both show a safety number to compare.
//! Or a passphrase both know, where codes cannot be swapped.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::qr::QrImage;
use super::scan::{Scan, can_scan};
use crate::domain::pairing::{Method, Pairing, both_keys, offer_text, read_offer, safety_number};
use crate::storage::pairing::{self as keys, Derived, Half};
use crate::ui::browser::focus;
use crate::ui::handler::handler;
use crate::ui::passcode_field::PasscodeField;
use crate::ui::store::use_store;

/// The shortest passphrase for pairing: it guards every code in transit.
const MIN_PASSPHRASE_CHARS: usize = 12;

/// A pairing worked out and waiting for both to compare its safety number.
#[derive(Clone)]
struct Pending {
    derived: Derived,
    safety: String,
}

#[component]
pub fn Pair() -> impl IntoView {
    let store = use_store();
    let half = RwSignal::new_local(None::<Half>);
    let theirs = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Pending>);
    let message = RwSignal::new(None::<String>);

    let show_mine = move |_| {
        message.set(None);
        spawn_local(async move {
            match keys::new_half().await {
                Ok(made) => {
                    half.set(Some(made));
                    request_animation_frame(|| focus("#my-offer"));
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let join = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(mine) = half.get_untracked() else {
            message.set(Some(String::from(
                "Show this phone's pairing code first (step 1).",
            )));
            return;
        };
        let their_key = match read_offer(&theirs.get_untracked()) {
            Ok(key) => key,
            Err(why) => return message.set(Some(why.to_string())),
        };
        if their_key == mine.public {
            return message.set(Some(String::from(
                "That is this phone's own pairing code: paste the one on your partner's phone.",
            )));
        }
        message.set(None);
        spawn_local(async move {
            let worked = async {
                let derived = keys::join(&mine, &their_key).await?;
                let digest = keys::digest(&both_keys(&mine.public, &their_key)).await?;
                Ok::<_, crate::storage::StorageError>(Pending {
                    derived,
                    safety: safety_number(&digest),
                })
            };
            match worked.await {
                Ok(ready) => {
                    pending.set(Some(ready));
                    request_animation_frame(|| focus("#safety-number"));
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let confirm = move |_| {
        let Some(ready) = pending.get_untracked() else {
            return;
        };
        let outcome = keys::new_sender().and_then(|me| {
            store.pair(Pairing::new(
                Method::Keys,
                &ready.derived,
                &me,
                ready.safety,
            ))
        });
        if let Err(error) = outcome {
            message.set(Some(error.to_string()));
        }
    };
    let start_again = move |_| {
        pending.set(None);
        half.set(None);
        theirs.set(String::new());
        message.set(Some(String::from(
            "The numbers differed, so nothing was kept. Start again, both phones side by side.",
        )));
    };

    view! {
        <section class="card" aria-labelledby="pair-title">
            <h2 id="pair-title">"Pair your two phones"</h2>
            <p>"Once, side by side. Each phone shows its pairing code and reads the other's; then you compare one number. From then on, what you send each other can be opened only by your two phones."</p>
            <h3>"1. This phone's pairing code"</h3>
            {move || match half.get() {
                None => view! {
                    <button type="button" class="button" on:click=handler(show_mine)>"Show this phone's pairing code"</button>
                }
                .into_any(),
                Some(made) => {
                    let text = offer_text(&made.public);
                    view! {
                        <QrImage text=text.clone() label="This phone's pairing code as a QR code" />
                        <div class="field">
                            <label for="my-offer">"Or copy it as text to your partner's phone"</label>
                            <textarea id="my-offer" rows="3" readonly prop:value=text></textarea>
                        </div>
                    }
                    .into_any()
                }
            }}
            <h3>"2. Your partner's pairing code"</h3>
            {can_scan().then(|| view! { <Scan found=theirs /> })}
            <form on:submit=handler(join)>
                <div class="field">
                    <label for="their-offer">"Paste the pairing code shown on your partner's phone"</label>
                    <textarea
                        id="their-offer"
                        rows="3"
                        autocomplete="off"
                        prop:value=move || theirs.get()
                        on:input=handler(move |event| theirs.set(event_target_value(&event)))
                    ></textarea>
                </div>
                <button type="submit" class="button">"Read their code"</button>
            </form>
            {move || pending.get().map(|ready| view! {
                <div class="confirm" role="group" aria-labelledby="safety-title">
                    <h3 id="safety-title">"3. Compare this number on both phones"</h3>
                    <p class="safety-number" id="safety-number" tabindex="-1">{ready.safety}</p>
                    <p>"If both phones show the same twelve digits, nobody stood between them."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=handler(confirm)>"It's the same: pair"</button>
                        <button type="button" class="button button-quiet" on:click=handler(start_again)>"It's different"</button>
                    </div>
                </div>
            })}
            <p class="form-error" role="alert">{move || message.get()}</p>
        </section>
        <PassphrasePair />
    }
}

/// Pairing with a passphrase both know: the same key on both phones, with no
/// codes to swap.
#[component]
fn PassphrasePair() -> impl IntoView {
    let store = use_store();
    let phrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let pair = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (typed, again) = (phrase.get_untracked(), repeat.get_untracked());
        if typed.trim().chars().count() < MIN_PASSPHRASE_CHARS {
            return message.set(Some(String::from(
                "Use at least 12 characters: a few words only the two of you would pick.",
            )));
        }
        if typed != again {
            return message.set(Some(String::from("The two passphrases are not the same.")));
        }
        busy.set(true);
        spawn_local(async move {
            let outcome = async {
                let derived = keys::from_passphrase(&typed).await?;
                store.pair(Pairing::new(
                    Method::Passphrase,
                    &derived,
                    &keys::new_sender()?,
                    String::new(),
                ))
            };
            if let Err(error) = outcome.await {
                message.set(Some(error.to_string()));
            }
            busy.set(false);
        });
    };
    view! {
        <details class="card">
            <summary>"Or pair with a passphrase"</summary>
            <p>"Where a phone cannot show or read a pairing code, type the same passphrase on both phones. Anyone who knows it can open your codes: choose words only the two of you would."</p>
            <form on:submit=handler(pair)>
                <PasscodeField id="pair-phrase" label="A passphrase both of you know (12 characters or more)" autocomplete="off" value=phrase />
                <PasscodeField id="pair-phrase-again" label="The same passphrase again" autocomplete="off" value=repeat />
                <button type="submit" class="button" disabled=move || busy.get()>"Pair with this passphrase"</button>
                <p class="form-error" role="alert">{move || message.get()}</p>
            </form>
        </details>
    }
}
