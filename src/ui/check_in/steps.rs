//! The body of each check-in step. Answers are written straight into the
//! check-in record as they are typed, so the store saves them like any
//! other change.

use leptos::prelude::*;

use crate::domain::collection::Holder;

use super::current::Current;
use crate::domain::appreciation::Partner;
use crate::domain::check_in::{Outcome, Step};
use crate::domain::journal::Agenda;
use crate::ui::browser::new_id;
use crate::ui::choice::Choice;
use crate::ui::handler::handler;
use crate::ui::route::Route;
use crate::ui::talk::ComplaintHelper;

pub(super) fn key(partner: Partner) -> &'static str {
    match partner {
        Partner::First => "first",
        Partner::Second => "second",
    }
}

/// Last week's agreements (kept / not yet / drop) and what the journal saved.
#[component]
pub fn LookBack(current: Current) -> impl IntoView {
    let store = current.store;
    let name = move |p: Partner| store.name(p);
    let review = current.untracked(|c| c.review.clone()).unwrap_or_default();
    let agenda = current.untracked(|c| c.agenda.clone()).unwrap_or_default();
    let no_review = review.is_empty();
    let no_agenda = agenda.is_empty();

    let agreements = review
        .into_iter()
        .map(|agreement| {
            let id = StoredValue::new(agreement.id.clone());
            let group = format!("review-{}", agreement.id);
            let outcome = move || {
                id.with_value(|id| {
                    current.with(|c| c.reviewed(id))
                })
                .flatten()
            };
            let choices = Outcome::ALL
                .into_iter()
                .map(|choice| {
                    let pick = move || {
                        id.with_value(|id| current.edit(|c, at| c.review(id, choice, at)));
                    };
                    view! {
                        <Choice
                            group=group.clone()
                            checked=Signal::derive(move || outcome() == Some(choice))
                            on_pick=Callback::new(move |()| pick())
                        >
                            {choice.label()}
                        </Choice>
                    }
                })
                .collect_view();
            view! {
                <li>
                    <fieldset class="field">
                        <legend>{agreement.text}" "<span class="hint">"(" {name(agreement.from)} " asked)"</span></legend>
                        <div class="choices">{choices}</div>
                    </fieldset>
                </li>
            }
        })
        .collect_view();

    let saved = agenda
        .into_iter()
        .filter_map(|id| {
            let text = store
                .journal
                .with_untracked(|j| j.get(&id).map(|e| e.text.clone()))?;
            let id = StoredValue::new(id);
            let discussed = move || {
                id.with_value(|id| {
                    store.journal.with(|j| {
                        j.get(id)
                            .is_some_and(|e| e.agenda == Some(Agenda::Discussed))
                    })
                })
            };
            let toggle = move |_| {
                let agenda = if discussed() {
                    Agenda::Next
                } else {
                    Agenda::Discussed
                };
                let id = id.get_value();
                store.change(store.journal, |j, at| {
                    let _ = j.set_agenda(&id, agenda, at);
                });
            };
            Some(view! {
                <li>
                    <p class="entry-text">{text}</p>
                    <label class="check">
                        <input type="checkbox" prop:checked=discussed on:change=handler(toggle) />
                        <span>"Talked about"</span>
                    </label>
                </li>
            })
        })
        .collect_view();

    view! {
        <h3>"Last week's agreements"</h3>
        {no_review.then(|| view! { <p class="hint">"No agreements from last time."</p> })}
        <ul class="plain-list">{agreements}</ul>
        <h3>"Saved for today"</h3>
        {no_agenda.then(|| view! {
            <p class="hint">"Nothing saved. Journal entries marked \"bring to the next check-in\" appear here."</p>
        })}
        <ul class="plain-list">{saved}</ul>
    }
}

/// One text box per partner for a step with free-text answers.
#[component]
pub fn Answers(
    current: Current,
    step: Step,
    /// Offers the complaint → request helper, whose result goes into an answer.
    #[prop(optional)]
    with_helper: bool,
) -> impl IntoView {
    let name = move |p: Partner| current.store.name(p);
    // Bound to the record itself, so what another tab writes shows here too.
    let text = move |partner: Partner| {
        current
            .with(|c| c.answer(step, partner).to_string())
            .unwrap_or_default()
    };
    let error = RwSignal::new(None::<String>);
    let keep = move |partner: Partner, text: String| {
        let outcome = current.edit(|c, at| c.set_answer(step, partner, &text, at));
        error.set(outcome.and_then(Result::err).map(|e| e.to_string()));
    };
    let label = move |partner: Partner| {
        let (me, you) = (name(partner), name(partner.other()));
        match step {
            Step::Appreciations => format!("{me} appreciates {you} for"),
            Step::GoingWell => format!("{me}: what went well"),
            _ => format!("{me}: what could be better, as a feeling and a need"),
        }
    };
    let boxes = Partner::BOTH
        .into_iter()
        .map(|partner| {
            let id = format!("answer-{}", key(partner));
            view! {
                <div class="field">
                    <label for=id.clone()>{move || label(partner)}</label>
                    <textarea
                        id=id
                        rows="4"
                        prop:value=move || text(partner)
                        on:input=handler(move |event| keep(partner, event_target_value(&event)))
                    ></textarea>
                </div>
            }
        })
        .collect_view();
    let helper = with_helper.then(|| {
        let add = Callback::new(move |(partner, sentence): (Partner, String)| {
            let before = untrack(|| text(partner));
            let joined = if before.trim().is_empty() {
                sentence
            } else {
                format!("{}\n{sentence}", before.trim_end())
            };
            keep(partner, joined);
        });
        view! {
            <details class="inline-helper">
                <summary>"Turn a complaint into a request"</summary>
                <ComplaintHelper id="check-in-helper" on_use=add />
            </details>
        }
    });
    view! {
        {boxes}
        {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
        {helper}
    }
}

/// Each partner's concrete requests, which become this week's agreements.
#[component]
pub fn Needs(current: Current) -> impl IntoView {
    let name = move |p: Partner| current.store.name(p);
    Partner::BOTH
        .into_iter()
        .map(|partner| {
            let input_id = format!("request-{}", key(partner));
            let text = RwSignal::new(String::new());
            let error = RwSignal::new(None::<String>);
            let listed = move || {
                current
                    .with(|c| {
                        c.agreements
                            .iter()
                            .filter(|a| a.from == partner)
                            .map(|a| (a.id.clone(), a.text.clone()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            };
            let add = move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                let typed = text.get_untracked();
                match current.edit(|c, at| c.add_agreement(new_id(), partner, &typed, at)) {
                    Some(Err(problem)) => error.set(Some(problem.to_string())),
                    _ => {
                        error.set(None);
                        text.set(String::new());
                    }
                }
            };
            view! {
                <h3>{move || format!("{} asks {}", name(partner), name(partner.other()))}</h3>
                <ul class="plain-list agreements">
                    {move || listed()
                        .into_iter()
                        .map(|(id, words)| {
                            let label = format!("Remove: {words}");
                            let id = StoredValue::new(id);
                            view! {
                                <li>
                                    <span>{words}</span>
                                    <button
                                        type="button"
                                        class="button button-quiet"
                                        aria-label=label
                                        on:click=handler(move |_| {
                                            id.with_value(|id| current.edit(|c, at| c.remove_agreement(id, at)));
                                        })
                                    >
                                        "Remove"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <form class="add-request" on:submit=handler(add)>
                    <label for=input_id.clone()>"A small, concrete request for this week"</label>
                    <input
                        id=input_id
                        type="text"
                        prop:value=move || text.get()
                        on:input=handler(move |event| text.set(event_target_value(&event)))
                    />
                    {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                    <button type="submit" class="button button-quiet">"Add as an agreement"</button>
                </form>
            }
        })
        .collect_view()
}

/// One focus or one date for the week ahead, and the agreements to take along.
#[component]
pub fn NextWeek(current: Current) -> impl IntoView {
    let name = move |p: Partner| current.store.name(p);
    let agreements = move || {
        current
            .with(|c| {
                let carried = c
                    .review
                    .iter()
                    .filter(|a| a.outcome.is_none() || a.outcome == Some(Outcome::NotYet));
                c.agreements
                    .iter()
                    .chain(carried)
                    .map(|a| format!("{} (asked by {})", a.text, name(a.from)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <div class="field">
            <label for="week-focus">"Our focus or date for the coming week"</label>
            <textarea
                id="week-focus"
                rows="2"
                prop:value=move || current.with(|c| c.focus.clone()).unwrap_or_default()
                on:input=handler(move |event| {
                    current.edit(|c, at| c.set_focus(&event_target_value(&event), at));
                })
            ></textarea>
            <p class="hint">
                "Looking for something new to do together? "
                <a class="inline-link" href=Route::Dates.href()>"Browse date ideas"</a>
            </p>
        </div>
        <h3>"Agreements for the week"</h3>
        {move || {
            let list = agreements();
            if list.is_empty() {
                view! { <p class="hint">"None this week, and that is fine."</p> }.into_any()
            } else {
                view! { <ul>{list.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul> }.into_any()
            }
        }}
    }
}
