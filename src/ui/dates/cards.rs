//! One idea as a card: from the library (save it), or from the backlog
//! (plan it, move or cancel the plan, add it to the calendar, mark it done
//! with a memory, or remove it).

use leptos::prelude::*;

use crate::content::dates::IDEAS;
use crate::domain::calendar::{Event, Repeat, ics};
use crate::domain::dates::{
    DateIdea, Idea, Memory, RATINGS, duration_label, local_minute, rating_label,
};
use crate::domain::words;
use crate::ui::format;
use chrono::{DateTime, Utc};

use super::menu::{Action, MoreMenu};
use crate::domain::collection::Holder;
use crate::domain::id::RecordId;
use crate::ui::browser::{download, focus, new_id, now, today};
use crate::ui::choice::Choice;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

/// An idea's title and one short line ("At home · Free · 2 h"); tapping
/// them opens the rest: what you would do, when, and the energy it takes.
fn summary(idea: &Idea) -> impl IntoView + use<> {
    let line = format!(
        "{} · {} · {}",
        idea.category.label(),
        idea.cost.label(),
        duration_label(idea.minutes)
    );
    let more = format!("{} · {}", idea.seasons.label(), idea.energy.label());
    let access = idea.access.label();
    let access =
        (!access.is_empty()).then(|| view! { <p class="idea-line idea-access">{access}</p> });
    let title = idea.title.to_string();
    let description = (!idea.description.is_empty()).then(|| idea.description.to_string());
    view! {
        <details class="idea-details">
            <summary>
                <h3 class="idea-title">{title}</h3>
                <span class="idea-line">{line}</span>
            </summary>
            {description.map(|text| view! { <p>{text}</p> })}
            <p class="idea-line">{more}</p>
            {access}
        </details>
    }
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
            <div class="idea-head">
                {summary(idea)}
                {move || if saved() {
                    view! { <p class="idea-saved">"Saved"</p> }.into_any()
                } else {
                    view! { <button type="button" class="button" aria-label=label.clone() on:click=handler(save)>"Save"</button> }.into_any()
                }}
            </div>
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
    // Opening a form moves focus into it, so a keyboard carries on there.
    let open = {
        let key = key.clone();
        move |form: Editing| {
            editing.set(form);
            let field = match form {
                Editing::Plan => format!("#plan-{key}"),
                _ => format!("[name=rating-{key}]"),
            };
            request_animation_frame(move || focus(&field));
        }
    };
    let remove = Callback::new(move |()| {
        let id = id.get_value();
        removed.set(store.change(store.dates, |all, at| all.delete(&id, at)));
    });
    let calendar = Callback::new(move |()| {
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
    });
    let plan = Callback::new({
        let open = open.clone();
        move |()| open(Editing::Plan)
    });
    let done = Callback::new(move |()| open(Editing::Done));
    let cancel = Callback::new(move |()| edit(&mut |d, now| d.cancel_plan(now)));
    view! {
        {move || read().map(|idea| {
            let planned = idea.plan.map(|p| format::weekday_day_time(p.at));
            let status = match (idea.memories.len(), idea.last_done()) {
                (0, _) | (_, None) => String::from("Not done yet: new to you"),
                (1, Some(day)) => format!("Done once, on {}", format::day(day)),
                (n, Some(day)) => format!("Done {}, last on {}", words::count(n, "time", "times"), format::day(day)),
            };
            let title = idea.title.clone();
            let key = idea.id.to_string();
            let anchor = format!("idea-{key}");
            // One primary action; the rest wait behind "More".
            let (primary, primary_run, more) = match planned {
                Some(_) => ("Mark done", done, vec![
                    Action { text: "Move", name: None, run: plan },
                    Action { text: "Cancel plan", name: None, run: cancel },
                    Action { text: "Add to calendar", name: None, run: calendar },
                ]),
                None => ("Plan it", plan, vec![
                    Action { text: "Mark done", name: None, run: done },
                    Action { text: "Remove", name: Some(format!("Remove: {title}")), run: remove },
                ]),
            };
            view! {
                <article class="idea" id=anchor>
                    {summary(&idea.idea_in(IDEAS))}
                    <p class="idea-line">{status}</p>
                    {planned.map(|when| view! { <p class="rhythm">"Planned: "{when}</p> })}
                    <div class="idea-actions">
                        <button type="button" class="button" on:click=handler(move |_| primary_run.run(()))>{primary}</button>
                        <MoreMenu key title actions=more />
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
        <form class="inline-form" on:submit=handler(submit)>
            <div class="field">
                <label for=input_id.clone()>"Day and time"</label>
                <input
                    id=input_id
                    type="datetime-local"
                    prop:value=move || value.get()
                    on:input=handler(move |event| value.set(event_target_value(&event)))
                />
            </div>
            {move || error.get().then(|| view! { <p class="form-error" role="alert">"Choose a day and a time."</p> })}
            <div class="actions">
                <button type="submit" class="button">"Save the plan"</button>
                <button type="button" class="button button-quiet" on:click=handler(move |_| cancel.run(()))>"Cancel"</button>
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
            error.set(Some(format!(
                "Choose how it went, from “{}” to “{}”.",
                rating_label(1),
                rating_label(5)
            )));
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
        <form class="inline-form" on:submit=handler(submit)>
            <fieldset class="field">
                <legend>"How was it?"</legend>
                <div class="choices rating-words">
                    {(1..=5u8).map(|n| view! {
                        <Choice
                            group=group.clone()
                            checked=Signal::derive(move || rating.get() == Some(n))
                            on_pick=Callback::new(move |()| { rating.set(Some(n)); error.set(None); })
                        >
                            {RATINGS[usize::from(n) - 1]}
                        </Choice>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for=note_id.clone()>"A memory: what made you laugh?"</label>
                <textarea id=note_id rows="3" prop:value=move || note.get() on:input=handler(move |event| note.set(event_target_value(&event)))></textarea>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || again.get() on:change=handler(move |event| again.set(event_target_checked(&event))) />
                <span>"We'd do it again"</span>
            </label>
            {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="actions">
                <button type="submit" class="button">"Keep the memory"</button>
                <button type="button" class="button button-quiet" on:click=handler(move |_| cancel.run(()))>"Cancel"</button>
            </div>
        </form>
    }
}
