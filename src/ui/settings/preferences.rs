//! Settings → You two: both names (used in prompts), the check-in day, and
//! the theme. Changes apply at once and are saved like everything else.

use leptos::prelude::*;

use crate::domain::appreciation::Partner;
use crate::domain::settings::Theme;
use crate::ui::fields::{NameField, WeekdayField};
use crate::ui::handler::handler;
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
        let index = partner as usize;
        view! {
            <NameField
                id
                label
                value=Signal::derive(move || store.settings.with(|s| s.names[index].clone()))
                on_change=move |typed| store.edit_settings(|s| s.set_name(partner, &typed))
            />
        }
    };
    view! {
        <section class="card" aria-labelledby="prefs-title">
            <h2 id="prefs-title">"You two"</h2>
            <p>"Your names make the prompts personal. They stay on this device like everything else."</p>
            <p><a class="text-link" href="#/welcome">"See the welcome again"</a></p>
            {name_field(Partner::First, "name-first", "Partner 1's name")}
            {name_field(Partner::Second, "name-second", "Partner 2's name")}
            <WeekdayField
                id="check-in-day"
                label="Weekly check-in day"
                value=Signal::derive(move || store.settings.with(|s| s.check_in_weekday))
                on_change=move |day| store.edit_settings(|s| s.check_in_weekday = day)
            />
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
                                        on:change=handler(move |_| store.edit_settings(|s| s.theme = theme))
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
