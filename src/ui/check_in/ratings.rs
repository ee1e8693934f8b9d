//! How connected each partner felt, chosen in private: a choice is hidden
//! (from the page and from screen readers alike) until both have chosen,
//! then both are shown together, so whoever chooses second is not swayed.

use leptos::prelude::*;

use super::current::Current;
use super::steps::key;
use crate::domain::appreciation::Partner;
use crate::domain::check_in::closeness::{said, word};
use crate::ui::browser::focus;
use crate::ui::choice::Choice;
use crate::ui::handler::handler;

#[component]
pub fn Ratings(current: Current) -> impl IntoView {
    let both = Memo::new(move |_| {
        current
            .with(|c| c.shown_rating(Partner::First).is_some())
            .unwrap_or(false)
    });
    move || {
        if both.get() {
            view! { <Revealed current /> }.into_any()
        } else {
            Partner::BOTH
                .into_iter()
                .map(|partner| view! { <Private current partner /> })
                .collect_view()
                .into_any()
        }
    }
}

/// One partner's choice: the scale, or a note that it is made and hidden.
#[component]
fn Private(current: Current, partner: Partner) -> impl IntoView {
    let store = current.store;
    let name = move |p: Partner| store.name(p);
    let chosen = Memo::new(move |_| {
        current
            .with(|c| c.rating(partner).is_some())
            .unwrap_or(false)
    });
    let hidden_id = format!("rating-{}-hidden", key(partner));
    move || {
        if chosen.get() {
            let again = move |_| {
                current.edit(|c, at| c.rate(partner, None, at));
            };
            view! {
                <div class="rating-hidden" id=hidden_id.clone() tabindex="-1">
                    <p>
                        {move || format!(
                            "{} has chosen — hidden until {} chooses too.",
                            name(partner),
                            name(partner.other())
                        )}
                    </p>
                    <button type="button" class="button button-quiet" on:click=handler(again)>
                        {move || format!("Change {}'s answer", name(partner))}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! { <Scale current partner hidden_id=hidden_id.clone() /> }.into_any()
        }
    }
}

/// The ten steps from far apart to very close, in words; kept only when
/// the partner says they are done, so arrowing through does not commit.
#[component]
fn Scale(current: Current, partner: Partner, hidden_id: String) -> impl IntoView {
    let store = current.store;
    let name = move |p: Partner| store.name(p);
    let group = format!("rating-{}", key(partner));
    let picked = RwSignal::new(None::<u8>);
    let keep = move |_| {
        if let Some(rating) = picked.get_untracked() {
            current.edit(|c, at| c.rate(partner, Some(rating), at));
            let hidden = format!("#{hidden_id}");
            request_animation_frame(move || {
                focus(&hidden);
                focus("#ratings-revealed");
            });
        }
    };
    view! {
        <fieldset class="field rating">
            <legend>{move || format!("{}: how connected did you feel this week?", name(partner))}</legend>
            <div class="rating-scale">
                {(1..=10u8)
                    .map(|n| view! {
                        <Choice
                            group=group.clone()
                            checked=Signal::derive(move || picked.get() == Some(n))
                            on_pick=Callback::new(move |()| picked.set(Some(n)))
                        >
                            <b>{n}</b>" "{word(n)}
                        </Choice>
                    })
                    .collect_view()}
            </div>
            <button
                type="button"
                class="button"
                disabled=move || picked.get().is_none()
                on:click=handler(keep)
            >
                {move || format!("Done: hide {}'s answer", name(partner))}
            </button>
        </fieldset>
    }
}

/// Both choices, shown together once both are made.
#[component]
fn Revealed(current: Current) -> impl IntoView {
    let store = current.store;
    let shown = move |partner: Partner| {
        current
            .with(|c| c.shown_rating(partner))
            .flatten()
            .map(said)
            .unwrap_or_default()
    };
    let again = move |_| {
        current.edit(|c, at| {
            for partner in Partner::BOTH {
                let _ = c.rate(partner, None, at);
            }
        });
    };
    view! {
        <div class="ratings-revealed" id="ratings-revealed" tabindex="-1">
            <p>"You have both chosen:"</p>
            <ul class="plain-list">
                {Partner::BOTH
                    .into_iter()
                    .map(|partner| view! {
                        <li><strong>{move || store.name(partner)}</strong>" "{move || shown(partner)}</li>
                    })
                    .collect_view()}
            </ul>
            <p class="hint">"Different answers are worth a gentle question, not a debate."</p>
            <button type="button" class="button button-quiet" on:click=handler(again)>"Choose again, both of you"</button>
        </div>
    }
}
