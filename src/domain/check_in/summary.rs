//! A finished check-in summed up: what was appreciated, the agreements, the
//! focus for the week. The same sections make the card on screen and the
//! plain text copied or shared with the partner.

use super::CheckIn;
use super::closeness;
use crate::domain::appreciation::Partner;

/// One heading and its lines; a section with nothing to say is left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub lines: Vec<String>,
}

/// The summary's sections, with the partners' `names` (first, second).
pub fn sections(check_in: &CheckIn, names: [&str; 2]) -> Vec<Section> {
    let name = |partner: Partner| match partner {
        Partner::First => names[0],
        Partner::Second => names[1],
    };
    let appreciated = Partner::BOTH
        .into_iter()
        .zip(&check_in.appreciations)
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(p, text)| format!("{}: {}", name(p), text.trim()))
        .collect();
    let agreements = check_in
        .agreements
        .iter()
        .map(|a| format!("• {} ({} asked)", a.text, name(a.from)))
        .collect();
    let focus = check_in.focus.trim();
    let felt = match check_in.ratings {
        [Some(a), Some(b)] => vec![format!(
            "{} {}, {} {}",
            names[0],
            closeness::said(a),
            names[1],
            closeness::said(b)
        )],
        _ => Vec::new(),
    };
    [
        ("What we appreciated", appreciated),
        ("Our agreements for the week", agreements),
        (
            "Our focus for the week",
            (!focus.is_empty())
                .then(|| focus.to_string())
                .into_iter()
                .collect(),
        ),
        ("How close we felt", felt),
    ]
    .into_iter()
    .filter(|(_, lines)| !lines.is_empty())
    .map(|(title, lines)| Section { title, lines })
    .collect()
}

/// The summary as plain text, headed by the day already written out in the
/// reader's language (`day`).
pub fn summary_text(check_in: &CheckIn, names: [&str; 2], day: &str) -> String {
    let mut text = format!("Our check-in, {day}");
    for section in sections(check_in, names) {
        text.push_str("\n\n");
        text.push_str(section.title);
        for line in section.lines {
            text.push('\n');
            text.push_str(&line);
        }
    }
    text
}
