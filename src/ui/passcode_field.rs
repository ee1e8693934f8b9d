//! A labelled passcode input, used by the lock screen and Settings.

use crate::ui::handler::handler;
use leptos::prelude::*;

#[component]
pub fn PasscodeField(
    id: &'static str,
    label: &'static str,
    /// `current-password` or `new-password`, so password managers help.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(optional, into)] invalid: MaybeProp<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="password"
                autocomplete=autocomplete
                required
                aria-invalid=move || invalid.get().unwrap_or(false).then_some("true")
                prop:value=move || value.get()
                on:input=handler(move |event| value.set(event_target_value(&event)))
            />
        </div>
    }
}
