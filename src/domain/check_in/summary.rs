//! A finished check-in as plain text, to copy or share with the partner:
//! what was appreciated, the agreements, the focus for the week.

use super::CheckIn;
use super::closeness;
use crate::domain::appreciation::Partner;

/// The summary, with the partners' `names` (first, second) and the day
/// already written out in the reader's language (`day`).
pub fn summary_text(check_in: &CheckIn, names: [&str; 2], day: &str) -> String {
    let mut lines = vec![format!("Our check-in, {day}")];
    let appreciated: Vec<String> = Partner::BOTH
        .into_iter()
        .zip(&check_in.appreciations)
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(p, text)| format!("{}: {}", name(names, p), text.trim()))
        .collect();
    if !appreciated.is_empty() {
        lines.push(String::new());
        lines.push(String::from("What we appreciated"));
        lines.extend(appreciated);
    }
    if !check_in.agreements.is_empty() {
        lines.push(String::new());
        lines.push(String::from("Our agreements for the week"));
        lines.extend(
            check_in
                .agreements
                .iter()
                .map(|a| format!("• {} ({} asked)", a.text, name(names, a.from))),
        );
    }
    let focus = check_in.focus.trim();
    if !focus.is_empty() {
        lines.push(String::new());
        lines.push(format!("Our focus: {focus}"));
    }
    if let [Some(a), Some(b)] = check_in.ratings {
        lines.push(String::new());
        lines.push(format!(
            "How close we felt: {} {}, {} {}",
            names[0],
            closeness::said(a),
            names[1],
            closeness::said(b)
        ));
    }
    lines.join("\n")
}

fn name(names: [&str; 2], partner: Partner) -> &str {
    match partner {
        Partner::First => names[0],
        Partner::Second => names[1],
    }
}
