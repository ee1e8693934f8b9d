//! Reading the partner's pairing QR code with the camera, where the browser
//! has the `BarcodeDetector` API (Chrome on Android does; desktop Linux
//! does not). Nothing leaves the phone: the camera's frames are read here.

use crate::ui::handler::handler;
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether this browser can read QR codes itself.
pub fn can_scan() -> bool {
    Reflect::get(&js_sys::global(), &"BarcodeDetector".into())
        .is_ok_and(|class| class.is_function())
}

fn call(target: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    method.apply(target, args)
}

async fn wait(value: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::from(value)).await
}

/// Stops every track of the camera's stream.
fn stop(stream: &JsValue) {
    if let Ok(tracks) = call(stream, "getTracks", &Array::new()) {
        for track in Array::from(&tracks).iter() {
            let _ = call(&track, "stop", &Array::new());
        }
    }
}

/// A camera view that reads the first pairing code it sees into `found`.
#[component]
pub fn Scan(found: RwSignal<String>) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let message = RwSignal::new(None::<String>);
    let scanning = RwSignal::new(false);
    let start = move |_| {
        let Some(element) = video.get_untracked() else {
            return;
        };
        scanning.set(true);
        message.set(None);
        spawn_local(async move {
            let outcome = async {
                let navigator: JsValue = window().navigator().into();
                let devices = Reflect::get(&navigator, &"mediaDevices".into())?;
                let constraints = Object::new();
                let camera = Object::new();
                Reflect::set(&camera, &"facingMode".into(), &"environment".into())?;
                Reflect::set(&constraints, &"video".into(), &camera)?;
                let stream =
                    wait(call(&devices, "getUserMedia", &Array::of1(&constraints))?).await?;
                Reflect::set(&element, &"srcObject".into(), &stream)?;
                wait(call(&element, "play", &Array::new())?).await?;
                let class: Function =
                    Reflect::get(&js_sys::global(), &"BarcodeDetector".into())?.dyn_into()?;
                let options = Object::new();
                Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
                let detector = Reflect::construct(&class, &Array::of1(&options))?;
                while scanning.get_untracked() {
                    let codes = wait(call(&detector, "detect", &Array::of1(&element))?).await?;
                    let text = Array::from(&codes)
                        .iter()
                        .filter_map(|code| {
                            Reflect::get(&code, &"rawValue".into()).ok()?.as_string()
                        })
                        .find(|text| text.starts_with("rkp1."));
                    if let Some(text) = text {
                        found.set(text);
                        break;
                    }
                    sleep(300).await;
                }
                stop(&stream);
                Ok::<(), JsValue>(())
            };
            if outcome.await.is_err() {
                message.set(Some(String::from(
                    "The camera could not be used here: paste your partner's pairing code instead.",
                )));
            }
            scanning.set(false);
        });
    };
    view! {
        <div class="scan">
            <video
                node_ref=video
                class="scan-view"
                muted
                playsinline
                aria-label="What the camera sees"
                style:display=move || if scanning.get() { "block" } else { "none" }
            ></video>
            <div class="actions">
                <button type="button" class="button button-quiet" on:click=handler(start) disabled=move || scanning.get()>
                    "Scan their QR code"
                </button>
                <Show when=move || scanning.get()>
                    <button type="button" class="button button-quiet" on:click=handler(move |_| scanning.set(false))>"Stop"</button>
                </Show>
            </div>
            <p role="status">{move || message.get()}</p>
        </div>
    }
}

/// Waits `ms` milliseconds (between camera frames).
async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}
