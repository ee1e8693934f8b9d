//! The filters shared by the backlog, the library and "surprise us".

use leptos::prelude::*;

use crate::domain::dates::{Category, Cost, Filter, Season};

#[component]
pub fn Filters(filter: RwSignal<Filter>) -> impl IntoView {
    // Select values are indexes into each list ("" for any).
    let pick = |value: String, len: usize| value.parse::<usize>().ok().filter(|i| *i < len);
    view! {
        <details class="card filters">
            <summary>"Filter ideas"</summary>
            <div class="field">
                <label for="date-search">"Search"</label>
                <input
                    id="date-search"
                    type="search"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |event| filter.update(|f| f.text = event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="date-category">"Kind"</label>
                <select
                    id="date-category"
                    on:change=move |event| {
                        let chosen = pick(event_target_value(&event), Category::ALL.len());
                        filter.update(|f| f.category = chosen.map(|i| Category::ALL[i]));
                    }
                >
                    <option value="">"Any kind"</option>
                    {Category::ALL.iter().enumerate().map(|(i, c)| view! { <option value=i.to_string()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="date-cost">"Cost"</label>
                <select
                    id="date-cost"
                    on:change=move |event| {
                        let chosen = pick(event_target_value(&event), Cost::ALL.len());
                        filter.update(|f| f.cost = chosen.map(|i| Cost::ALL[i]));
                    }
                >
                    <option value="">"Any cost"</option>
                    <option value="0">"Free"</option>
                    <option value="1">"Up to $"</option>
                    <option value="2">"Up to $$"</option>
                    <option value="3">"Up to $$$"</option>
                </select>
            </div>
            <div class="field">
                <label for="date-season">"Season"</label>
                <select
                    id="date-season"
                    on:change=move |event| {
                        let chosen = pick(event_target_value(&event), Season::ALL.len());
                        filter.update(|f| f.season = chosen.map(|i| Season::ALL[i]));
                    }
                >
                    <option value="">"Any season"</option>
                    {Season::ALL.iter().enumerate().map(|(i, s)| view! { <option value=i.to_string()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.at_home)
                    on:change=move |event| filter.update(|f| f.at_home = event_target_checked(&event))
                />
                <span>"At home only"</span>
            </label>
        </details>
    }
}
