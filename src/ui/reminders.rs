//! Reminders with no server: calendar files the couple opens once, so their
//! own calendar does the reminding (a daily minute, the weekly check-in).

use chrono::NaiveTime;
use leptos::prelude::*;

use crate::domain::calendar::{Event, daily_moment, ics, weekly_check_in};
use crate::domain::day::{parse_clock, weekday_name};
use crate::ui::browser::{download, local_now, now, today};
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn RemindersCard() -> impl IntoView {
    let store = use_store();
    let weekday = move || store.settings.with(|s| s.check_in_weekday);
    view! {
        <section class="card" aria-labelledby="reminders-title">
            <h2 id="reminders-title">"Reminders in your calendar"</h2>
            <p>"Your own calendar does the reminding: open a file once and the event repeats. Nothing is sent anywhere."</p>
            <Reminder
                id="daily-time"
                heading="A minute each day"
                default="21:00"
                file="rekindle-daily.ics"
                about=Signal::derive(|| String::from("Every day, a nudge to say one specific thing you noticed."))
                event=move |at| daily_moment(local_now(), at)
            />
            <Reminder
                id="check-in-time"
                heading="Your weekly check-in"
                default="19:00"
                file="rekindle-check-in.ics"
                about=Signal::derive(move || format!("Twenty minutes every {}, with a reminder 15 minutes before.", weekday_name(weekday())))
                event=move |at| weekly_check_in(today(), weekday(), at)
            />
        </section>
    }
}

/// One reminder: a time, and the file for it.
#[component]
fn Reminder(
    id: &'static str,
    heading: &'static str,
    default: &'static str,
    file: &'static str,
    about: Signal<String>,
    event: impl Fn(NaiveTime) -> Event<'static> + 'static,
) -> impl IntoView {
    let time = RwSignal::new(String::from(default));
    let message = RwSignal::new(None::<String>);
    let export = move |submitted: leptos::ev::SubmitEvent| {
        submitted.prevent_default();
        let Some(at) = parse_clock(&time.get_untracked()) else {
            message.set(Some(String::from("Choose a time first, like 19:00.")));
            return;
        };
        let text = ics(&event(at), now());
        message.set(Some(match download(file, "text/calendar", &text) {
            Ok(()) => String::from("Saved. Open the file to add it to your calendar."),
            Err(problem) => format!("The file could not be saved: {problem}"),
        }));
    };
    view! {
        <form class="reminder" on:submit=handler(export)>
            <h3>{heading}</h3>
            <p>{about}</p>
            <div class="field">
                <label for=id>"Time"</label>
                <input
                    id=id
                    type="time"
                    prop:value=move || time.get()
                    on:input=handler(move |typed| time.set(event_target_value(&typed)))
                />
            </div>
            <button type="submit" class="button button-quiet">"Add to calendar (.ics)"</button>
            <p role="status">{move || message.get()}</p>
        </form>
    }
}
