//! A QR code drawn as inline SVG (one path), for a phone's pairing text.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// `text` as a QR code; `label` says what it holds, for screen readers.
#[component]
pub fn QrImage(text: String, label: &'static str) -> impl IntoView {
    let Ok(code) = QrCode::encode_text(&text, QrCodeEcc::Medium) else {
        return None;
    };
    let size = code.size();
    // One square per dark module, in one path: small, and crisp at any size.
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    // A quiet zone of 4 modules around it, as readers expect.
    let side = (size + 8).to_string();
    let view_box = format!("-4 -4 {side} {side}");
    Some(view! {
        <svg class="qr" viewBox=view_box role="img" aria-label=label shape-rendering="crispEdges">
            <rect x="-4" y="-4" width=side.clone() height=side fill="#fff" />
            <path d=path fill="#000" />
        </svg>
    })
}
