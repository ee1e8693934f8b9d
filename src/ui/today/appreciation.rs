//! Today → one specific appreciation each: an inviting line that opens the
//! form, then what was said today.

use leptos::prelude::*;

use crate::domain::appreciation::{Focus, Partner, Written, vagueness_nudge};
use crate::domain::rhythm::days_appreciated;
use crate::ui::browser::{new_id, today};
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn AppreciationCard() -> impl IntoView {
    let store = use_store();
    let name = move |partner: Partner| store.settings.with(|s| s.name(partner).to_string());
    let from = RwSignal::new(Partner::First);
    let focus = RwSignal::new(Focus::SomethingTheyDid);
    let text = RwSignal::new(String::new());
    // Set once the vagueness nudge has been shown for this text: the next
    // save goes through (a nudge, never a block).
    let nudged = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = text.get_untracked();
        let written = Written {
            from: from.get_untracked(),
            focus: focus.get_untracked(),
            text: &typed,
            day: today(),
        };
        let checked = match written.checked() {
            Ok(checked) => checked,
            Err(why) => {
                error.set(Some(why.to_string()));
                return;
            }
        };
        error.set(None);
        if nudged.get_untracked().is_none()
            && let Some(nudge) = vagueness_nudge(checked)
        {
            nudged.set(Some(nudge));
            return;
        }
        if store
            .change(store.appreciations, |all, at| {
                all.add(new_id(), &written, at)
            })
            .is_ok()
        {
            text.set(String::new());
            nudged.set(None);
            open.set(false);
            request_animation_frame(|| crate::ui::browser::focus("#appreciation-invite"));
        }
    };

    let todays = move || store.appreciations.with(|all| all.on_day(today()));
    let toggle_aloud = move |id: crate::domain::id::RecordId| {
        store.change(store.appreciations, |all, at| {
            all.toggle_read_aloud(&id, at)
        });
    };
    // One shared line, and none at all before the first: nothing to score.
    let rhythm = move || {
        let days = store
            .appreciations
            .with(|all| days_appreciated(all, today(), 7));
        (days > 0).then(|| format!("Appreciations on {days} of the last 7 days."))
    };
    view! {
        <section class="card" aria-labelledby="appreciation-title">
            <h2 id="appreciation-title">"Today's appreciation"</h2>
            <button
                id="appreciation-invite"
                type="button"
                class="invite"
                aria-expanded=move || open.get().to_string()
                aria-controls="appreciation-form"
                hidden=move || open.get()
                on:click=handler(move |_| {
                    open.set(true);
                    // Once the form is shown (on the next frame), the writing starts.
                    request_animation_frame(|| crate::ui::browser::focus("#appreciation-text"));
                })
            >
                "What did you notice about each other today?"
            </button>
            <form id="appreciation-form" on:submit=handler(save) hidden=move || !open.get()>
                <fieldset class="field">
                    <legend>"Who is writing?"</legend>
                    <div class="choices">
                        {Partner::BOTH
                            .into_iter()
                            .map(|partner| view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="appreciation-from"
                                        prop:checked=move || from.get() == partner
                                        on:change=handler(move |_| from.set(partner))
                                    />
                                    <span>{move || name(partner)}</span>
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <fieldset class="field">
                    <legend>"What for?"</legend>
                    <div class="choices">
                        {[Focus::SomethingTheyDid, Focus::WhoTheyAre]
                            .into_iter()
                            .map(|choice| view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="appreciation-focus"
                                        prop:checked=move || focus.get() == choice
                                        on:change=handler(move |_| focus.set(choice))
                                    />
                                    <span>{choice.label()}</span>
                                </label>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <div class="field">
                    <label for="appreciation-text">
                        {move || format!("What do you appreciate about {} today?", name(from.get().other()))}
                    </label>
                    <textarea
                        id="appreciation-text"
                        rows="3"
                        aria-describedby="appreciation-nudge"
                        prop:value=move || text.get()
                        on:input=handler(move |event| {
                            text.set(event_target_value(&event));
                            nudged.set(None);
                        })
                    ></textarea>
                    <p class="hint" id="appreciation-nudge" role="status">
                        {move || nudged.get().unwrap_or("One moment, said specifically, lands best.")}
                    </p>
                </div>
                {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                <div class="actions">
                    <button type="submit" class="button">
                        {move || if nudged.get().is_some() { "Save as it is" } else { "Save appreciation" }}
                    </button>
                    <button type="button" class="button button-quiet" on:click=handler(move |_| {
                        open.set(false);
                        request_animation_frame(|| crate::ui::browser::focus("#appreciation-invite"));
                    })>"Not now"</button>
                </div>
            </form>
            <ul class="appreciations" id="todays-appreciations" aria-label="Today's appreciations">
                {move || todays()
                    .into_iter()
                    .map(|a| {
                        let id = a.id.clone();
                        let who = format!("{} → {}", name(a.from), name(a.from.other()));
                        view! {
                            <li>
                                <p class="appreciation-who">{who}" · "{a.focus.label()}</p>
                                <p class="entry-text">{a.text}</p>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=a.read_aloud
                                        on:change=handler(move |_| toggle_aloud(id.clone()))
                                    />
                                    <span>"Read aloud at the check-in"</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || rhythm().map(|line| view! { <p class="rhythm">{line}</p> })}
        </section>
    }
}
