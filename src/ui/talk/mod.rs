//! Talk: tools for how a couple talks, listens, and fights kindly. The hub
//! lists them; each opens at its own address under the section
//! (`#/talk/questions`), so a reload or the back button keeps the place.

mod complaint;
mod decks;
mod help;
mod listening;
mod phone;
mod time_out;

use leptos::prelude::*;

use crate::ui::page::Page;
pub use complaint::ComplaintHelper;
pub use help::HelpLink;
pub use time_out::TimeOutLine;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Questions,
    Listening,
    TimeOut,
    Complaint,
    Help,
}

impl Tool {
    const ALL: [Tool; 5] = [
        Tool::Questions,
        Tool::Listening,
        Tool::TimeOut,
        Tool::Complaint,
        Tool::Help,
    ];

    fn slug(self) -> &'static str {
        match self {
            Tool::Questions => "questions",
            Tool::Listening => "listening",
            Tool::TimeOut => "time-out",
            Tool::Complaint => "complaint",
            Tool::Help => "help",
        }
    }

    pub fn href(self) -> String {
        format!("#/talk/{}", self.slug())
    }

    fn title(self) -> &'static str {
        match self {
            Tool::Questions => "Question decks",
            Tool::Listening => "Listening practice",
            Tool::TimeOut => "Time-out",
            Tool::Complaint => "Complaint → request",
            Tool::Help => "When it feels impossible",
        }
    }

    fn blurb(self) -> &'static str {
        match self {
            Tool::Questions => {
                "Seven decks of questions for getting to know each other again, one card at a time."
            }
            Tool::Listening => "Take turns to speak and to listen to understand, not to reply.",
            Tool::TimeOut => {
                "When a fight gets heated: a break of at least 20 minutes, and a gentle way back."
            }
            Tool::Complaint => "Turn “you never …” into “I feel … and I need …”.",
            Tool::Help => {
                "Deeper hurts, when to see a couples therapist, and support if you are afraid."
            }
        }
    }

    /// The tool named after `#/talk/` in `hash`, if any.
    fn from_hash(hash: &str) -> Option<Tool> {
        let rest = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = rest.strip_prefix("talk/")?.split(['/', '?']).next()?;
        Tool::ALL.into_iter().find(|tool| tool.slug() == slug)
    }
}

#[component]
pub fn TalkPage() -> impl IntoView {
    // The app re-renders the section on every hash change, so reading the
    // hash once here always shows the tool the address names.
    let tool = Tool::from_hash(&window().location().hash().unwrap_or_default());
    match tool {
        None => view! { <TalkHub /> }.into_any(),
        Some(Tool::Questions) => view! { <ToolPage tool=Tool::Questions><decks::Decks /></ToolPage> }.into_any(),
        Some(Tool::Listening) => view! { <ToolPage tool=Tool::Listening><listening::Listening /></ToolPage> }.into_any(),
        Some(Tool::TimeOut) => view! { <ToolPage tool=Tool::TimeOut><time_out::TimeOutTool /></ToolPage> }.into_any(),
        Some(Tool::Complaint) => view! {
            <ToolPage tool=Tool::Complaint>
                <section class="card">
                    <p>"A complaint says what is wrong with them; a request says what you feel and what would help. The second is usually easier to hear."</p>
                    <ComplaintHelper id="talk-helper" />
                </section>
            </ToolPage>
        }
        .into_any(),
        Some(Tool::Help) => view! { <ToolPage tool=Tool::Help><help::Help /></ToolPage> }.into_any(),
    }
}

#[component]
fn TalkHub() -> impl IntoView {
    view! {
        <Page title="Talk" lede="Tools for talking, listening, and fighting kindly.">
            <TimeOutLine />
            <ul class="plain-list tools">
                {Tool::ALL.into_iter().map(|tool| view! {
                    <li>
                        <a class="tool-link" href=tool.href()>
                            <span class="tool-title">{tool.title()}</span>
                            <span class="hint">{tool.blurb()}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </Page>
    }
}

/// A tool's own page: its title as the heading, and the way back to Talk.
#[component]
fn ToolPage(tool: Tool, children: Children) -> impl IntoView {
    view! {
        <Page title=tool.title()>
            <p class="back"><a class="text-link" href="#/talk">"← All of Talk"</a></p>
            {children()}
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::Tool;

    #[test]
    fn tools_round_trip_through_their_addresses() {
        for tool in Tool::ALL {
            assert_eq!(Tool::from_hash(&tool.href()), Some(tool));
        }
        for hash in ["#/talk", "#/talk/", "#/talk/nope", "#/today/questions"] {
            assert_eq!(Tool::from_hash(hash), None, "{hash}");
        }
    }
}
