//! The filters shared by the backlog, the library and "surprise us".

use leptos::prelude::*;

use crate::domain::dates::{Category, Cost, Filter, Season};
use crate::ui::select::Select;

#[component]
pub fn Filters(filter: RwSignal<Filter>) -> impl IntoView {
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
            <Select
                id="date-category"
                label="Kind"
                names=Category::ALL.map(Category::label).to_vec()
                any="Any kind"
                on_pick=Callback::new(move |chosen: Option<usize>| filter.update(|f| f.category = chosen.map(|i| Category::ALL[i])))
            />
            <Select
                id="date-cost"
                label="Cost"
                names=vec!["Free", "Up to $", "Up to $$", "Up to $$$"]
                any="Any cost"
                on_pick=Callback::new(move |chosen: Option<usize>| filter.update(|f| f.cost = chosen.map(|i| Cost::ALL[i])))
            />
            <Select
                id="date-season"
                label="Season"
                names=Season::ALL.map(Season::label).to_vec()
                any="Any season"
                on_pick=Callback::new(move |chosen: Option<usize>| filter.update(|f| f.season = chosen.map(|i| Season::ALL[i])))
            />
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
