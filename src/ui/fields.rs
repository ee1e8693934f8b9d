//! Form fields the welcome and Settings share: a partner's name and the
//! check-in day.

use chrono::Weekday;
use leptos::prelude::*;

use crate::domain::day::{WEEK, weekday_name};
use crate::domain::settings::MAX_NAME_CHARS;
use crate::ui::handler::handler;

/// A labelled name field; `on_change` gets the text when it is committed.
#[component]
pub fn NameField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                maxlength=MAX_NAME_CHARS
                prop:value=move || value.get()
                on:change=handler(move |event| on_change(event_target_value(&event)))
            />
        </div>
    }
}

/// A labelled choice of weekday.
#[component]
pub fn WeekdayField(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<Weekday>,
    on_change: impl Fn(Weekday) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=handler(move |event| {
                    let chosen = event_target_value(&event);
                    if let Some(day) = WEEK.into_iter().find(|day| weekday_name(*day) == chosen) {
                        on_change(day);
                    }
                })
            >
                {WEEK
                    .into_iter()
                    .map(|day| {
                        let name = weekday_name(day);
                        view! { <option value=name selected=move || value.get() == day>{name}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
