//! The few things the UI asks of the browser itself: the clock, randomness
//! and the person's locale. Kept here so the domain can stay pure.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::id::RecordId;

pub fn now() -> DateTime<Utc> {
    let millis = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// Today's date on this device's calendar (its clock and time zone).
pub fn today() -> chrono::NaiveDate {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    crate::domain::day::local_day(now(), offset)
}

/// The device's local date and time now, to the minute's precision of plans.
pub fn local_now() -> chrono::NaiveDateTime {
    local_at(now())
}

/// A seed for the domain's deterministic picks and shuffles (not for secrets).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 2f64.powi(53)) as u64
}

/// The local date and time the device shows at instant `at` (its own time
/// zone rules, daylight saving included).
pub fn local_at(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let offset = -(date.get_timezone_offset() as i64);
    at.naive_utc() + chrono::TimeDelta::minutes(offset)
}

/// The instant at which the device's clock shows `local` (DST rules
/// included): the inverse of `local_at`, via the browser's own rules.
pub fn instant_of(local: chrono::NaiveDateTime) -> DateTime<Utc> {
    use chrono::{Datelike, Timelike};
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        local.year() as u32,
        local.month0() as i32,
        local.day() as i32,
        local.hour() as i32,
        local.minute() as i32,
    );
    DateTime::from_timestamp_millis(date.get_time() as i64).unwrap_or_default()
}

/// A fresh random id from the browser's CSPRNG.
pub fn new_id() -> RecordId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Every browser that runs wasm has WebCrypto; this only guards odd embeds.
        let seed = (js_sys::Math::random() * 2f64.powi(52)) as u64 ^ js_sys::Date::now() as u64;
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
    }
    RecordId::from_random(&bytes)
}

thread_local! {
    /// One formatter for the whole app: building one per call (as
    /// `toLocaleString` does) was the slowest part of rendering a list.
    static DATE_TIME: js_sys::Function = {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
    };
}

/// "23 Nov 2026, 20:45" in the person's own locale and time zone.
pub fn local_date_time(at: DateTime<Utc>) -> String {
    let millis = JsValue::from_f64(at.timestamp_millis() as f64);
    DATE_TIME
        .with(|format| format.call1(&JsValue::UNDEFINED, &millis).ok())
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| iso(at))
}

/// Machine-readable form for `<time datetime=…>`.
pub fn iso(at: DateTime<Utc>) -> String {
    crate::domain::timestamp::format(at)
}

/// Moves keyboard and screen-reader focus to the first element matching `selector`.
pub fn focus(selector: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Removes every element matching `selector` (one query at a time, which
/// needs no NodeList binding).
pub fn remove_all(selector: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    while let Ok(Some(element)) = document.query_selector(selector) {
        element.remove();
    }
}

pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}

/// Runs `work` as a User Timing measure named `name` (seen in DevTools'
/// performance panel and read by `make bench`). Only the latest is kept.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return work();
    };
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    let result = work();
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    result
}

/// Marks the moment the app is on screen and answering input.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Offers `text` as a file download, made in the page: nothing is uploaded.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| String::from("The browser could not prepare the file."))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| String::from("The browser could not prepare the file."))?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| String::from("No document to download from."))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| String::from("The browser could not start the download."))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Some browsers read the URL after the click returns: free it a little later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The file picked in `input` (the first, if several), or `None`.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// Reads a picked file as text, in the page: nothing is uploaded.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| String::from("The browser could not read that file. Nothing changed."))
}

/// `bytes` through the browser's `CompressionStream` or
/// `DecompressionStream` ("deflate-raw"): no compression code in the wasm.
async fn through_stream(bytes: &[u8], kind: &str) -> Result<Vec<u8>, String> {
    use js_sys::{Array, Function, Reflect, Uint8Array};
    let failed = |_| format!("This browser cannot {kind} codes.");
    let global = js_sys::global();
    let class = Reflect::get(&global, &JsValue::from_str(kind)).map_err(failed)?;
    if class.is_undefined() {
        return Err(failed(JsValue::NULL));
    }
    let transform = Reflect::construct(
        class.unchecked_ref::<Function>(),
        &Array::of1(&"deflate-raw".into()),
    )
    .map_err(failed)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(failed)?;
    let method = |target: &JsValue, name: &str| -> Result<Function, String> {
        Reflect::get(target, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| failed(JsValue::NULL))
    };
    let stream = method(&blob, "stream")?.call0(&blob).map_err(failed)?;
    let piped = method(&stream, "pipeThrough")?
        .call1(&stream, &transform)
        .map_err(failed)?;
    let response_class = Reflect::get(&global, &"Response".into()).map_err(failed)?;
    let response = Reflect::construct(
        response_class.unchecked_ref::<Function>(),
        &Array::of1(&piped),
    )
    .map_err(failed)?;
    let buffer = method(&response, "arrayBuffer")?
        .call0(&response)
        .map_err(failed)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(buffer))
        .await
        .map_err(|_| String::from("This code cannot be unpacked: it was changed or cut short."))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Compresses `bytes` (deflate, raw).
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through_stream(bytes, "CompressionStream").await
}

/// Decompresses what `deflate` made.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through_stream(bytes, "DecompressionStream").await
}

/// Offers `text` to the phone's share sheet; where there is none, says so.
pub async fn share_text(title: &str, text: &str) -> Result<(), String> {
    use js_sys::{Function, Reflect};
    let navigator = window_navigator();
    let share = Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            String::from("This browser has no share sheet: use Copy or Save as a file.")
        })?;
    let data = js_sys::Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    let promise = share
        .call1(&navigator, &data)
        .map_err(|_| String::from("The share sheet did not open: use Copy or Save as a file."))?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(|_| ())
        // Closing the sheet is a choice, not a failure.
        .or(Ok(()))
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|window| window.navigator().clipboard())
        .ok_or_else(|| String::from("This browser has no clipboard here: use Save as a file."))?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            String::from("The browser did not allow copying: select the code and copy it by hand.")
        })
}

fn window_navigator() -> JsValue {
    web_sys::window()
        .map(|window| window.navigator().into())
        .unwrap_or(JsValue::UNDEFINED)
}
