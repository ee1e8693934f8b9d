//! One idea as a card: from the library (save it), or from the backlog
//! (plan it, move or cancel the plan, add it to the calendar, mark it done
//! with a memory, or remove it).

use leptos::prelude::*;

use crate::domain::calendar::{Event, Repeat, ics};
use crate::domain::dates::{DateIdea, Idea, Memory, duration_label, local_minute};
use crate::ui::format;
use chrono::{DateTime, Utc};

use crate::domain::collection::Holder;
use crate::domain::id::RecordId;
use crate::ui::browser::{download, new_id, now, today};
use crate::ui::choice::Choice;
use crate::ui::store::use_store;

/// "At home · Autumn, Winter · $ · 2 h · Low energy".
fn meta(idea: &Idea) -> String {
    format!(
        "{} · {} · {} · {} · {}",
        idea.category.label(),
        idea.seasons.label(),
        idea.cost.label(),
        duration_label(idea.minutes),
        idea.energy.label()
    )
}

#[component]
pub fn LibraryCard(idea: &'static Idea<'static>) -> impl IntoView {
    let store = use_store();
    let saved = move || store.dates.with(|all| all.has_saved(idea.title));
    let save = move |_| {
        store.change(store.dates, |all, at| {
            all.save_from_library(new_id(), idea, at)
        });
    };
    let label = format!("Save to our backlog: {}", idea.title);
    view! {
        <article class="idea">
            <h3 class="idea-title">{idea.title}</h3>
            <p>{idea.description}</p>
            <p class="appreciation-who">{meta(idea)}</p>
            {move || if saved() {
                view! { <p class="rhythm">"In your backlog"</p> }.into_any()
            } else {
                view! { <button type="button" class="button button-quiet" aria-label=label.clone() on:click=save>"Save to our backlog"</button> }.into_any()
            }}
        </article>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Editing {
    Nothing,
    Plan,
    Done,
}

#[component]
pub fn BacklogCard(id: RecordId, removed: RwSignal<Option<DateIdea>>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(id);
    let read = move || id.with_value(|id| store.dates.with(|all| all.get(id).cloned()));
    let edit = move |change: &mut dyn FnMut(&mut DateIdea, DateTime<Utc>)| {
        let id = id.get_value();
        store.change(store.dates, |all, at| {
            all.edit(&id, at, |idea| change(idea, at.now))
        });
    };
    let editing = RwSignal::new(Editing::Nothing);
    let key = id.with_value(|id| id.to_string());
    let remove = move |_| {
        let id = id.get_value();
        removed.set(store.change(store.dates, |all, at| all.delete(&id, at)));
    };
    let calendar = move |_| {
        let Some(idea) = read() else { return };
        let Some(plan) = idea.plan else { return };
        let file = ics(
            &Event {
                uid: idea.id.as_str(),
                start: plan.at,
                minutes: u32::from(idea.minutes),
                summary: &idea.title,
                description: &idea.description,
                repeat: Repeat::Once,
                alarm_minutes: Some(60),
            },
            now(),
        );
        let _ = download("rekindle-date.ics", "text/calendar", &file);
    };
    view! {
        {move || read().map(|idea| {
            let planned = idea.plan.map(|p| format::weekday_day_time(p.at));
            let done = match (idea.memories.len(), idea.last_done()) {
                (0, _) | (_, None) => String::from("Not done yet: new to you"),
                (1, Some(day)) => format!("Done once, on {}", format::day(day)),
                (n, Some(day)) => format!("Done {n} times, last on {}", format::day(day)),
            };
            let title = idea.title.clone();
            view! {
                <article class="idea" id=format!("idea-{}", idea.id)>
                    <h3 class="idea-title">{idea.title.clone()}</h3>
                    {(!idea.description.is_empty()).then(|| view! { <p>{idea.description.clone()}</p> })}
                    <p class="appreciation-who">{meta(&idea.idea())}</p>
                    <p class="appreciation-who">{done}</p>
                    {planned.clone().map(|when| view! { <p class="rhythm">"Planned: "{when}</p> })}
                    <div class="actions">
                        {match planned {
                            Some(_) => view! {
                                <button type="button" class="button" on:click=move |_| editing.set(Editing::Done)>"Mark done"</button>
                                <button type="button" class="button button-quiet" on:click=move |_| editing.set(Editing::Plan)>"Move"</button>
                                <button type="button" class="button button-quiet" on:click=move |_| edit(&mut |d, now| d.cancel_plan(now))>"Cancel plan"</button>
                                <button type="button" class="button button-quiet" on:click=calendar>"Add to calendar"</button>
                            }
                            .into_any(),
                            None => view! {
                                <button type="button" class="button" on:click=move |_| editing.set(Editing::Plan)>"Plan it"</button>
                                <button type="button" class="button button-quiet" on:click=move |_| editing.set(Editing::Done)>"Mark done"</button>
                                <button type="button" class="button button-quiet" aria-label=format!("Remove: {title}") on:click=remove>"Remove"</button>
                            }
                            .into_any(),
                        }}
                    </div>
                </article>
            }
        })}
        {move || match editing.get() {
            Editing::Nothing => None,
            Editing::Plan => Some(view! { <PlanForm key=key.clone() edit=Callback::new(move |at| { edit(&mut |d, now| d.plan(at, now)); editing.set(Editing::Nothing); }) cancel=Callback::new(move |()| editing.set(Editing::Nothing)) /> }.into_any()),
            Editing::Done => Some(view! {
                <DoneForm
                    key=key.clone()
                    save=Callback::new(move |memory: Memory| {
                        let mut outcome = Ok(());
                        edit(&mut |d, now| outcome = d.mark_done(memory.clone(), now));
                        match outcome {
                            Ok(()) => {
                                editing.set(Editing::Nothing);
                                None
                            }
                            Err(problem) => Some(problem.to_string()),
                        }
                    })
                    cancel=Callback::new(move |()| editing.set(Editing::Nothing))
                />
            }.into_any()),
        }}
    }
}

#[component]
fn PlanForm(
    key: String,
    edit: Callback<chrono::NaiveDateTime>,
    cancel: Callback<()>,
) -> impl IntoView {
    let input_id = format!("plan-{key}");
    let value = RwSignal::new(format!(
        "{}T19:00",
        crate::domain::timestamp::day::format(today())
    ));
    let error = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match local_minute::parse(&value.get_untracked()) {
            Some(at) => edit.run(at),
            None => error.set(true),
        }
    };
    view! {
        <form class="inline-form" on:submit=submit>
            <div class="field">
                <label for=input_id.clone()>"Day and time"</label>
                <input
                    id=input_id
                    type="datetime-local"
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
            </div>
            {move || error.get().then(|| view! { <p class="form-error" role="alert">"Choose a day and a time."</p> })}
            <div class="actions">
                <button type="submit" class="button">"Save the plan"</button>
                <button type="button" class="button button-quiet" on:click=move |_| cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn DoneForm(
    key: String,
    /// Keeps the memory; a message if it cannot.
    save: Callback<Memory, Option<String>>,
    cancel: Callback<()>,
) -> impl IntoView {
    let rating = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let again = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let note_id = format!("memory-{key}");
    let group = format!("rating-{key}");
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(rating) = rating.get_untracked() else {
            error.set(Some(String::from("Choose a rating from 1 to 5.")));
            return;
        };
        error.set(save.run(Memory {
            day: today(),
            rating,
            note: note.get_untracked(),
            would_repeat: again.get_untracked(),
        }));
    };
    view! {
        <form class="inline-form" on:submit=submit>
            <fieldset class="field">
                <legend>"How was it?"</legend>
                <div class="choices">
                    {(1..=5u8).map(|n| view! {
                        <Choice
                            group=group.clone()
                            checked=Signal::derive(move || rating.get() == Some(n))
                            on_pick=Callback::new(move |()| { rating.set(Some(n)); error.set(None); })
                        >
                            {format!("{n} of 5")}
                        </Choice>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>"A memory: what made you laugh?"</label>
                <textarea id=note_id rows="3" prop:value=move || note.get() on:input=move |event| note.set(event_target_value(&event))></textarea>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || again.get() on:change=move |event| again.set(event_target_checked(&event)) />
                <span>"We'd do it again"</span>
            </label>
            {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="actions">
                <button type="submit" class="button">"Keep the memory"</button>
                <button type="button" class="button button-quiet" on:click=move |_| cancel.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
