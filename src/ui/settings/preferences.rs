//! Settings → You two: both names (used in prompts), the check-in day, and
//! the theme. Changes apply at once and are saved like everything else.

use leptos::prelude::*;

use crate::domain::appreciation::Partner;
use crate::domain::day::{WEEK, weekday_name};
use crate::domain::settings::{MAX_NAME_CHARS, Theme};
use crate::ui::store::use_store;

const THEMES: [(Theme, &str, &str); 3] = [
    (Theme::System, "system", "Match this device"),
    (Theme::Light, "light", "Light"),
    (Theme::Dark, "dark", "Dark"),
];

#[component]
pub fn Preferences() -> impl IntoView {
    let store = use_store();
    let name_field = move |partner: Partner, id: &'static str, label: &'static str| {
        let index = match partner {
            Partner::First => 0,
            Partner::Second => 1,
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    maxlength=MAX_NAME_CHARS
                    prop:value=move || store.settings.with(|s| s.names[index].clone())
                    on:change=move |event| {
                        let typed = event_target_value(&event);
                        store.edit_settings(|s| s.set_name(partner, &typed));
                    }
                />
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="prefs-title">
            <h2 id="prefs-title">"You two"</h2>
            <p>"Your names make the prompts personal. They stay on this device like everything else."</p>
            {name_field(Partner::First, "name-first", "Partner 1's name")}
            {name_field(Partner::Second, "name-second", "Partner 2's name")}
            <div class="field">
                <label for="check-in-day">"Weekly check-in day"</label>
                <select
                    id="check-in-day"
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        if let Some(day) = WEEK.into_iter().find(|day| weekday_name(*day) == chosen) {
                            store.edit_settings(|s| s.check_in_weekday = day);
                        }
                    }
                >
                    {WEEK
                        .into_iter()
                        .map(|day| {
                            let name = weekday_name(day);
                            view! {
                                <option value=name selected=move || store.settings.with(|s| s.check_in_weekday == day)>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>"Theme"</legend>
                <div class="choices">
                    {THEMES
                        .iter()
                        .map(|(theme, key, label)| {
                            let theme = *theme;
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="theme"
                                        value=*key
                                        prop:checked=move || store.settings.with(|s| s.theme == theme)
                                        on:change=move |_| store.edit_settings(|s| s.theme = theme)
                                    />
                                    <span>{*label}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </section>
    }
}
