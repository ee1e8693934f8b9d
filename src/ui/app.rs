//! The app once open: loads the store, follows the URL, lays out the shell.

use leptos::prelude::*;

use super::browser::{focus, set_document_title};
use super::check_in::CheckInPage;
use super::dates::DatesPage;
use super::journal::JournalPage;
use super::lock_screen::LockRecordMissing;
use super::nav::{Nav, SubNav};
use super::notices::Notices;
use super::partner::PartnerPage;
use super::progress::ProgressPage;
use super::pwa::UpdateBanner;
use super::route::Route;
use super::settings::SettingsPage;
use super::store::AppStore;
use super::talk::TalkPage;
use super::time_out_alarm::TimeOutAlarm;
use super::today::TodayPage;
use super::welcome::WelcomePage;
use crate::domain::seal::{LockRecord, Sealer};
use crate::domain::settings::Theme;
use crate::ui::handler::handler;

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

/// The app itself, over storage opened with `sealer` when the lock is on.
fn apply_theme(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
}

#[component]
pub fn App(lock: Option<(LockRecord, Sealer)>) -> impl IntoView {
    // Timed apart from the first screen: start-up is reading plus drawing.
    let store = super::browser::measured("rekindle:load", || AppStore::load(lock));
    if store.blocked {
        return view! { <LockRecordMissing /> }.into_any();
    }
    provide_context(store);
    super::remembered::keep_under_current_owner();
    // The theme setting overrides the device's (see tokens.css).
    Effect::new(move |_| apply_theme(store.settings.with(|s| s.theme)));

    // A first visit to the app's own address opens the welcome.
    let hash = window().location().hash().unwrap_or_default();
    if matches!(hash.as_str(), "" | "#" | "#/") && store.is_first_visit() {
        let _ = window().history().map(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/welcome"))
        });
    }
    let (route, set_route) = signal(current_route());
    window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current_route())
    });

    // Name the tab after the page, and on navigation (not first load) move
    // focus to the new page's heading so screen readers announce it.
    let first_render = StoredValue::new(true);
    Effect::new(move |_| {
        let route = route.get();
        set_document_title(&format!("{} · Rekindle", route.label()));
        if first_render.get_value() {
            first_render.set_value(false);
        } else {
            focus("main h1");
        }
    });

    let page = move || match route.get() {
        Route::Today => view! { <TodayPage /> }.into_any(),
        Route::Journal => view! { <JournalPage /> }.into_any(),
        Route::Settings => view! { <SettingsPage /> }.into_any(),
        Route::Progress => view! { <ProgressPage /> }.into_any(),
        Route::CheckIn => view! { <CheckInPage /> }.into_any(),
        Route::Talk => view! { <TalkPage /> }.into_any(),
        Route::Dates => view! { <DatesPage /> }.into_any(),
        Route::Partner => view! { <PartnerPage /> }.into_any(),
        Route::Welcome => view! { <WelcomePage /> }.into_any(),
    };

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=handler(|event: leptos::ev::MouseEvent| {
                // The fragment is the router's: move focus without navigating.
                event.prevent_default();
                focus("main h1");
            })
        >
            "Skip to content"
        </a>
        <div class="shell">
            <Nav route />
            <main id="main" class="main">
                <UpdateBanner />
                <TimeOutAlarm />
                <Notices />
                <SubNav route />
                {page}
            </main>
        </div>
    }
    .into_any()
}
