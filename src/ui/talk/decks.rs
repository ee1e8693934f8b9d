//! Question decks: draw one large card at a time (button or swipe), pass
//! any card, choose the deck below it, keep favourites, and add cards of
//! your own. Where each deck is up to lives in the store, so a reload
//! carries on mid-deck.

use leptos::prelude::*;

use crate::content::decks::DECKS;
use crate::domain::decks::{CardKey, Deck, DeckPlace, Guide, cards, keys_of};
use chrono::{DateTime, Utc};

use crate::ui::browser::{new_id, random_seed};
use crate::ui::handler::handler;
use crate::ui::select::Select;
use crate::ui::store::{AppStore, use_store};

/// How far a finger must travel sideways to count as a swipe, in CSS px.
const SWIPE_PX: i32 = 60;

/// Changes the couple's place in `deck` (`change` gets it and the time),
/// starting one with a fresh seed the first time.
fn edit_place<T>(
    store: AppStore,
    deck: Deck,
    change: impl FnOnce(&mut DeckPlace, DateTime<Utc>) -> T,
) -> T {
    store.change(store.decks, |all, at| {
        all.edit_place(&deck, random_seed(), at, |place| change(place, at.now))
    })
}

/// The card on show in `deck`: its key, words, whether it is a favourite,
/// and how far through the round they are.
#[derive(Clone, PartialEq)]
struct Shown {
    key: CardKey,
    text: String,
    /// One of the couple's own cards.
    own: bool,
    favourite: bool,
    drawn: usize,
    total: usize,
}

#[component]
pub fn Decks() -> impl IntoView {
    let store = use_store();
    // Open the deck they last drew from.
    let last_used = store.decks.with_untracked(|all| {
        let newest = all.last_used()?;
        DECKS.iter().position(|d| d.id == newest.id.as_str())
    });
    let chosen = RwSignal::new(last_used.unwrap_or(0));
    let deck = move || DECKS[chosen.get()];
    let shown = Memo::new(move |_| {
        let deck = deck();
        store.decks.with(|all| {
            let place = all.place(&deck)?;
            let key = place.current()?;
            let every = cards(&deck, Some(place));
            let card = every.iter().find(|c| &c.key == key)?;
            let (text, own) = (card.text.to_string(), card.own);
            let (drawn, total) = place.progress(&keys_of(&every));
            Some(Shown {
                key: key.clone(),
                text,
                own,
                favourite: place.is_favourite(key),
                drawn,
                total,
            })
        })
    });
    // The next card: the one on show answered, or passed without counting.
    let turn = move |pass: bool| {
        let deck = deck();
        edit_place(store, deck, |place, now| {
            let keys = keys_of(&cards(&deck, Some(place)));
            if pass {
                place.pass(&keys, now)
            } else {
                place.draw(&keys, now)
            }
        });
    };
    let draw = move || turn(false);
    let toggle_favourite = move |_| {
        if let Some(shown) = shown.get_untracked() {
            edit_place(store, deck(), |place, now| {
                place.toggle_favourite(&shown.key, now)
            });
        }
    };
    // Swipe left or right on the card for the next one.
    let swipe_from = StoredValue::new(None::<i32>);
    view! {
        <section class="card question-card" aria-labelledby="card-heading">
            <h2 id="card-heading" class="visually-hidden">"The card"</h2>
            <div
                class="card-face"
                on:pointerdown=handler(move |event: leptos::ev::PointerEvent| swipe_from.set_value(Some(event.client_x())))
                on:pointerup=handler(move |event: leptos::ev::PointerEvent| {
                    if let Some(from) = swipe_from.get_value()
                        && (event.client_x() - from).abs() > SWIPE_PX
                    {
                        draw();
                    }
                    swipe_from.set_value(None);
                })
            >
                <p id="card-text" aria-live="polite">
                    {move || shown.get().map(|s| s.text).unwrap_or_else(|| String::from("Draw a card, take turns answering, and listen for something new."))}
                </p>
            </div>
            {move || shown.get().is_some_and(|s| s.own).then(|| view! { <p class="hint" id="card-own">"One of your own cards"</p> })}
            <p class="step-count" id="card-progress">
                {move || shown.get().map(|s| format!("Card {} of {} in this round", s.drawn, s.total))}
            </p>
            <div class="actions">
                <button type="button" class="button" id="next-card" on:click=handler(move |_| draw())>
                    {move || if shown.with(Option::is_some) { "Next card" } else { "Draw a card" }}
                </button>
                <Show when=move || shown.with(Option::is_some)>
                    <button type="button" class="button button-quiet" id="pass-card" aria-describedby="pass-note" on:click=handler(move |_| turn(true))>
                        "Pass"
                    </button>
                    <button
                        type="button"
                        class="button button-quiet"
                        aria-pressed=move || if shown.get().is_some_and(|s| s.favourite) { "true" } else { "false" }
                        on:click=handler(toggle_favourite)
                    >
                        "♥ Favourite"
                    </button>
                </Show>
            </div>
            <p class="hint pass-note" id="pass-note">"Either of you can pass on any card, no reason needed."</p>
        </section>
        // The card comes first; choosing a deck takes one line below it.
        <div class="card deck-picker">
            <Select
                id="deck"
                label="Deck"
                names=DECKS.iter().map(|d| d.title).collect()
                initial=chosen.get_untracked()
                on_pick=Callback::new(move |i: Option<usize>| if let Some(i) = i { chosen.set(i) })
            />
            <p class="hint">{move || deck().blurb}</p>
        </div>
        {move || deck().guide.map(|guide| view! { <DeckGuide guide /> })}
        <Favourites deck=Signal::derive(deck) />
        <OwnCards deck=Signal::derive(deck) />
    }
}

/// A deck's guide to holding what its cards bring up.
#[component]
fn DeckGuide(guide: Guide) -> impl IntoView {
    view! {
        <section class="card deck-guide" aria-labelledby="deck-guide-heading">
            <h2 id="deck-guide-heading">{guide.title}</h2>
            <ul>
                {guide.steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// This deck's favourite cards, for coming back to.
#[component]
fn Favourites(deck: Signal<Deck>) -> impl IntoView {
    let store = use_store();
    let list = move || {
        let deck = deck.get();
        store.decks.with(|all| {
            let Some(place) = all.place(&deck) else {
                return Vec::new();
            };
            cards(&deck, Some(place))
                .into_iter()
                .filter(|c| place.is_favourite(&c.key))
                .map(|c| c.text.to_string())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="card">
            <summary>{move || match list().len() {
                0 => String::from("Favourites"),
                n => format!("Favourites ({n})"),
            }}</summary>
            <ul class="plain-list" id="favourites">
                {move || {
                    let list = list();
                    if list.is_empty() {
                        view! { <li class="hint">"Mark a card ♥ to keep it here."</li> }.into_any()
                    } else {
                        list.into_iter().map(|text| view! { <li>{text}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
        </details>
    }
}

/// Cards the couple wrote into this deck: they are drawn like the others.
#[component]
fn OwnCards(deck: Signal<Deck>) -> impl IntoView {
    let store = use_store();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let own = move || {
        let deck = deck.get();
        store
            .decks
            .with(|all| all.place(&deck).map(|p| p.own.clone()).unwrap_or_default())
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let deck = deck.get_untracked();
        let outcome = edit_place(store, deck, |place, now| {
            place
                .add_own(&deck, new_id(), &text.get_untracked(), now)
                .map(|_| ())
        });
        match outcome {
            Ok(()) => {
                text.set(String::new());
                message.set(Some(format!("Added to {}.", deck.title)));
            }
            Err(problem) => message.set(Some(problem.to_string())),
        }
    };
    view! {
        <details class="card">
            <summary>{move || format!("Your own cards ({})", own().len())}</summary>
            <ul class="plain-list agreements">
                {move || own().into_iter().map(|card| {
                    let label = format!("Remove your card: {}", card.text);
                    view! {
                        <li>
                            <span>{card.text.clone()}</span>
                            <button
                                type="button"
                                class="button button-quiet"
                                aria-label=label
                                on:click=handler(move |_| edit_place(store, deck.get_untracked(), |place, now| place.remove_own(&card.id, now)))
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form on:submit=handler(add)>
                <div class="field">
                    <label for="own-card">{move || format!("A question of your own for {}", deck.get().title)}</label>
                    <textarea id="own-card" rows="2" prop:value=move || text.get() on:input=handler(move |event| text.set(event_target_value(&event)))></textarea>
                </div>
                <p role="status">{move || message.get()}</p>
                <button type="submit" class="button">"Add the card"</button>
            </form>
        </details>
    }
}
