//! The weekly check-in as a repeating event in the couple's own calendar:
//! an .ics file they open once, so their calendar reminds them, no server.

use leptos::prelude::*;

use crate::domain::calendar::{Event, ics};
use crate::domain::day::{next_weekday, parse_clock, weekday_name};
use crate::ui::browser::{download, now, today};
use crate::ui::store::use_store;

#[component]
pub fn CalendarCard() -> impl IntoView {
    let store = use_store();
    let time = RwSignal::new(String::from("19:00"));
    let message = RwSignal::new(None::<String>);
    let weekday = move || store.settings.with(|s| s.check_in_weekday);
    let export = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(at) = parse_clock(&time.get_untracked()) else {
            message.set(Some(String::from("Choose a time first, like 19:00.")));
            return;
        };
        let start = next_weekday(today(), weekday()).and_time(at);
        let file = ics(
            &Event {
                uid: "weekly-check-in",
                start,
                minutes: 20,
                summary: "Our weekly check-in",
                description: "Rekindle: what is going well, what could be better, what each of us needs this week.",
                weekly: true,
                alarm_minutes: Some(15),
            },
            now(),
        );
        message.set(Some(
            match download("rekindle-check-in.ics", "text/calendar", &file) {
                Ok(()) => String::from("Saved. Open the file to add the event to your calendar."),
                Err(problem) => format!("The file could not be saved: {problem}"),
            },
        ));
    };
    view! {
        <section class="card" aria-labelledby="calendar-title">
            <h2 id="calendar-title">"Put it in your calendar"</h2>
            <p>{move || format!("A 20-minute event every {}, with a reminder 15 minutes before. Your calendar does the reminding; nothing is sent anywhere.", weekday_name(weekday()))}</p>
            <form on:submit=export>
                <div class="field">
                    <label for="check-in-time">"Time"</label>
                    <input
                        id="check-in-time"
                        type="time"
                        prop:value=move || time.get()
                        on:input=move |event| time.set(event_target_value(&event))
                    />
                </div>
                <button type="submit" class="button button-quiet">"Download calendar event (.ics)"</button>
            </form>
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
