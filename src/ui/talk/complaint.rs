//! Complaint → request: write the complaint as it comes, see gently which
//! words tend to land as an attack, and rebuild it as "I feel … about …
//! and I need …". Used on its own under Talk and inside the check-in.

use leptos::prelude::*;

use crate::domain::appreciation::Partner;
use crate::domain::complaint::{FEELINGS, Pattern, Request, reads_as_english, spot};
use crate::domain::journal::{Draft, EntryKind};
use crate::ui::browser::new_id;
use crate::ui::handler::handler;
use crate::ui::store::use_store;

#[component]
pub fn ComplaintHelper(
    /// Prefix for element ids.
    id: &'static str,
    /// Inside the check-in: puts the request into a partner's answer.
    #[prop(optional)]
    on_use: Option<Callback<(Partner, String)>>,
) -> impl IntoView {
    let store = use_store();
    let name = move |p: Partner| store.name(p);
    let complaint = RwSignal::new(String::new());
    let feel = RwSignal::new(String::new());
    let about = RwSignal::new(String::new());
    let need = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let request = move || Request {
        feel: feel.get(),
        about: about.get(),
        need: need.get(),
    };
    let findings = move || {
        complaint.with(|text| {
            spot(text)
                .into_iter()
                .map(|f| (text[f.start..f.end].to_string(), f.pattern))
                .collect::<Vec<_>>()
        })
    };
    // The finished request, checked too: "I feel like you …" is still a judgement.
    let judgements = move || {
        let request = request();
        let sentence = request.sentence();
        request
            .judgements()
            .into_iter()
            .map(|f| (sentence[f.start..f.end].to_string(), f.pattern))
            .collect::<Vec<_>>()
    };
    let save = move |for_check_in: bool| {
        let text = request().sentence();
        if !request().is_complete() {
            message.set(Some(String::from("Fill in all three parts first.")));
            return;
        }
        let draft = Draft {
            kind: EntryKind::UnspokenNeed,
            text,
            for_check_in,
            ..Draft::default()
        };
        let outcome = store.change(store.journal, |journal, at| {
            journal.add(new_id(), &draft, at).map(|_| ())
        });
        message.set(Some(match outcome {
            Ok(()) if for_check_in => {
                String::from("Added to the next check-in's agenda (and kept in your journal).")
            }
            Ok(()) => String::from("Saved in your journal as an unspoken need."),
            Err(problem) => problem.to_string(),
        }));
    };
    let text_id = format!("{id}-complaint");
    let part = move |suffix: &'static str, label: &'static str, value: RwSignal<String>| {
        let input_id = format!("{id}-{suffix}");
        view! {
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <input
                    id=input_id
                    type="text"
                    prop:value=move || value.get()
                    on:input=handler(move |event| value.set(event_target_value(&event)))
                />
            </div>
        }
    };
    view! {
        <div class="complaint-helper">
            <div class="field">
                <label for=text_id.clone()>"What is bothering you? Write it the way it comes out."</label>
                <textarea
                    id=text_id
                    rows="3"
                    prop:value=move || complaint.get()
                    on:input=handler(move |event| complaint.set(event_target_value(&event)))
                ></textarea>
            </div>
            <div role="status" class="findings">
                {move || {
                    let found = findings();
                    if complaint.with(|t| t.trim().is_empty()) {
                        None
                    } else if !found.is_empty() {
                        Some(explained(found).into_any())
                    } else if complaint.with(|t| reads_as_english(t)) {
                        Some(view! { <p class="hint">"Nothing here sounds like an accusation. Now say what you feel and need."</p> }.into_any())
                    } else {
                        Some(view! { <p class="hint">"This helper only reads English, so it can't judge this wording. Read it back as your partner might hear it, then say what you feel and need."</p> }.into_any())
                    }
                }}
            </div>
            <fieldset class="field">
                <legend>"Say it as a request"</legend>
                {part("feel", "I feel …", feel)}
                <div class="choices feelings" role="group" aria-label="Feeling words">
                    {FEELINGS.iter().map(|word| view! {
                        <button type="button" class="chip" on:click=handler(move |_| feel.set((*word).to_string()))>{*word}</button>
                    }).collect_view()}
                </div>
                {part("about", "… about …", about)}
                {part("need", "… and I need …", need)}
            </fieldset>
            <p class="preview" aria-live="polite" id=format!("{id}-preview")>{move || request().sentence()}</p>
            <div role="status" class="request-check">
                {move || {
                    let found = judgements();
                    (!found.is_empty()).then(|| view! {
                        <p>"This still carries a judgement. Could you say it another way?"</p>
                        {explained(found)}
                    })
                }}
            </div>
            <div class="actions">
                {on_use.map(|use_it| Partner::BOTH.into_iter().map(|partner| view! {
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=handler(move |_| {
                            if request().is_complete() {
                                use_it.run((partner, request().sentence()));
                                message.set(Some(format!("Added to {}'s answer.", name(partner))));
                            } else {
                                message.set(Some(String::from("Fill in all three parts first.")));
                            }
                        })
                    >
                        {move || format!("Add to {}'s answer", name(partner))}
                    </button>
                }).collect_view())}
                <button type="button" class="button button-quiet" on:click=handler(move |_| save(false))>"Save as an unspoken need"</button>
                <button type="button" class="button button-quiet" on:click=handler(move |_| save(true))>"Add to the next check-in"</button>
            </div>
            <p role="status">{move || message.get()}</p>
        </div>
    }
}

/// Each finding: the words quoted, the pattern's name, and a gentle why.
fn explained(found: Vec<(String, Pattern)>) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {found.into_iter().map(|(words, pattern)| view! {
                <li>
                    <p><q>{words}</q>" · "<strong>{pattern.label()}</strong></p>
                    <p class="hint">{pattern.explanation()}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
