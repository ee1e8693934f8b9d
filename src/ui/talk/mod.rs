//! Talk: tools for how a couple talks, and fights, well.

mod complaint;

use leptos::prelude::*;

use crate::ui::page::Page;
pub use complaint::ComplaintHelper;

#[component]
pub fn TalkPage() -> impl IntoView {
    view! {
        <Page title="Talk" lede="Tools for talking, listening, and fighting kindly.">
            <section class="card" aria-labelledby="complaint-title">
                <h2 id="complaint-title">"Complaint → request"</h2>
                <p>"A complaint says what is wrong with them; a request says what you feel and what would help. The second is far easier to hear."</p>
                <ComplaintHelper id="talk-helper" />
            </section>
            <p class="coming-soon">"Question decks, active listening, the time-out and guidance for hard times arrive here next."</p>
        </Page>
    }
}
