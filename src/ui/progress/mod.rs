//! Progress: the couple's weeks said in words first (a recap of this week
//! and last), then the rhythm of the last 12 weeks drawn by the app as
//! inline SVG, each chart with its figures as a table too.

mod art;
mod charts;
mod connection;
mod recap;

use leptos::prelude::*;

pub use art::EmptyState;
use charts::{DatesChart, WeeklyCharts};
pub use connection::ConnectionChart;
use recap::RecapCard;

use crate::ui::page::Page;
use crate::ui::store::use_store;

/// Every Progress chart: 12 weeks in the same view box.
pub const WEEKS: u32 = 12;
pub const WIDTH: u32 = 240;
pub const HEIGHT: u32 = 80;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = use_store();
    let started = move || {
        !(store.appreciations.with(|a| a.is_empty())
            && store.affection.with(|a| a.is_empty())
            && store.check_ins.with(|c| !c.iter().any(|c| c.finished))
            && store
                .dates
                .with(|d| d.iter().all(|d| d.memories.is_empty())))
    };
    view! {
        <Page title="Progress" lede="Your weeks together: in words first, then in charts. Nothing here is a streak or a score.">
            <Show
                when=started
                fallback=|| view! {
                    <EmptyState line="Nothing to look back on yet: this is where it starts. Each appreciation, small touch, check-in and date you share gathers here, week by week." />
                }
            >
                <RecapCard />
                <WeeklyCharts />
                <ConnectionChart />
                <DatesChart />
            </Show>
            <crate::ui::talk::HelpLink />
        </Page>
    }
}
