//! Installable and offline: registers the service worker (public/sw.js) and,
//! when a new version has been downloaded, offers to switch to it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_futures::spawn_local;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use super::store::use_store;
use crate::ui::handler::handler;

/// True once a new version is installed and waiting for a reload.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// Registers the service worker. Browsers allow that only in a secure
/// context (https or localhost); elsewhere the app still runs, online only.
pub fn register_service_worker() -> UpdateReady {
    let ready = UpdateReady(RwSignal::new(false));
    let window = window();
    if !window.is_secure_context() {
        return ready;
    }
    let container = window.navigator().service_worker();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        watch_for_update(registration.unchecked_into(), ready);
    });
    ready
}

fn has_controller() -> bool {
    window().navigator().service_worker().controller().is_some()
}

/// A first install is not an update: only a worker waiting behind an
/// active one means a new version.
fn watch_for_update(registration: ServiceWorkerRegistration, ready: UpdateReady) {
    if registration.waiting().is_some() && has_controller() {
        ready.0.set(true);
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = watched.installing() {
            watch_install(worker, ready);
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

fn watch_install(worker: ServiceWorker, ready: UpdateReady) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn FnMut()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            ready.0.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

/// Hands over to the waiting worker, then reloads once it is in control.
fn switch_to_new_version() {
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&"skip-waiting".into());
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let store = use_store();
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    let waits = RwSignal::new(false);
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status">
                <p>"A new version of Rekindle is ready."</p>
                {move || waits.get().then(|| view! {
                    <p>"It waits until your latest changes are saved, so nothing is lost."</p>
                })}
                <button
                    type="button"
                    class="button"
                    on:click=handler(move |_| {
                        // Half-written text is saved first and comes back after
                        // the reload; if it cannot be saved, nothing reloads.
                        if store.save_now().is_ok() {
                            switch_to_new_version();
                        } else {
                            waits.set(true);
                        }
                    })
                >
                    "Reload"
                </button>
                <button type="button" class="button button-quiet" on:click=handler(move |_| ready.set(false))>
                    "Later"
                </button>
            </div>
        </Show>
    }
}
