//! Dates and times as the person's own device writes them: every label goes
//! through one of these few `Intl.DateTimeFormat`s, so the app shows one
//! format ("5 Dec" in Britain, "Dec 5" in the US) and follows the phone's
//! 12- or 24-hour clock. Each formatter is built once: building one per call
//! was the slowest part of rendering a list.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use wasm_bindgen::JsValue;

/// Which parts a label shows.
#[derive(Clone, Copy)]
enum Style {
    /// "5 Dec"
    Day,
    /// "Sat 5 Dec, 18:30"
    WeekdayDayTime,
    /// "5 Dec 2026, 18:30"
    DateTime,
    /// "18:30"
    Time,
    /// "Dec 2026"
    Month,
}

const STYLES: usize = 5;

impl Style {
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Style::Day => &[("day", "numeric"), ("month", "short")],
            Style::WeekdayDayTime => &[
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
            ],
            Style::DateTime => &[
                ("day", "numeric"),
                ("month", "short"),
                ("year", "numeric"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
            ],
            Style::Time => &[("hour", "numeric"), ("minute", "2-digit")],
            Style::Month => &[("month", "short"), ("year", "numeric")],
        }
    }
}

thread_local! {
    static FORMATS: [std::cell::OnceCell<js_sys::Function>; STYLES] = Default::default();
}

/// "2-digit" hours on a 24-hour clock ("09:05"), "numeric" on a 12-hour
/// one ("9:05 AM"): each as people write it.
fn hour_style() -> &'static str {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"hour".into(), &"numeric".into());
    let probe = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    let cycle = js_sys::Reflect::get(&probe.resolved_options(), &"hourCycle".into())
        .ok()
        .and_then(|cycle| cycle.as_string());
    match cycle.as_deref() {
        Some("h23" | "h24") => "2-digit",
        _ => "numeric",
    }
}

fn format(style: Style, millis: f64) -> String {
    FORMATS
        .with(|formats| {
            let format = formats[style as usize].get_or_init(|| {
                let options = js_sys::Object::new();
                for (key, value) in style.options() {
                    let value = if *key == "hour" { hour_style() } else { value };
                    let _ = js_sys::Reflect::set(&options, &(*key).into(), &value.into());
                }
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
            });
            format
                .call1(&JsValue::UNDEFINED, &JsValue::from_f64(millis))
                .ok()
        })
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// Milliseconds of the instant the device's clock shows `local`.
fn local_millis(local: NaiveDateTime) -> f64 {
    js_sys::Date::new_with_year_month_day_hr_min(
        local.year() as u32,
        local.month0() as i32,
        local.day() as i32,
        local.hour() as i32,
        local.minute() as i32,
    )
    .get_time()
}

fn noon(day: NaiveDate) -> f64 {
    local_millis(day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()))
}

/// "5 Dec".
pub fn day(day: NaiveDate) -> String {
    format(Style::Day, noon(day))
}

/// "Sat 5 Dec, 18:30", for a plan in local time.
pub fn weekday_day_time(at: NaiveDateTime) -> String {
    format(Style::WeekdayDayTime, local_millis(at))
}

/// "5 Dec 2026, 18:30", for an instant (an entry written, a backup saved).
pub fn date_time(at: DateTime<Utc>) -> String {
    format(Style::DateTime, at.timestamp_millis() as f64)
}

/// "18:30" or "6:30 PM", as the device's clock is set.
pub fn time(at: NaiveDateTime) -> String {
    format(Style::Time, local_millis(at))
}

/// "Dec 2026".
pub fn month(year: i32, month: u32) -> String {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    format(Style::Month, noon(first))
}
