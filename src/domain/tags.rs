//! Tags: short, lower-case labels a person types as "work, kids, us".

use serde::{Deserialize, Serialize};

/// The longest tag kept; longer ones are cut at a character boundary.
pub const MAX_TAG_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Tag(String);

impl Tag {
    /// Normalises free text into a tag: trimmed, lower-case, single spaces,
    /// no leading '#'. `None` when nothing is left.
    pub fn new(raw: &str) -> Option<Self> {
        let words: Vec<&str> = raw
            .trim()
            .trim_start_matches('#')
            .split_whitespace()
            .collect();
        let joined = words.join(" ").to_lowercase();
        let tag: String = joined.chars().take(MAX_TAG_CHARS).collect();
        (!tag.is_empty()).then_some(Tag(tag))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for Tag {
    /// Stored tags are normalised again on load, so hand-edited or imported
    /// data cannot smuggle in odd spacing or case.
    fn from(raw: String) -> Self {
        Tag::new(&raw).unwrap_or(Tag(String::from("untagged")))
    }
}

impl From<Tag> for String {
    fn from(tag: Tag) -> Self {
        tag.0
    }
}

/// Splits "Work, kids ,, #Us" into distinct tags, first occurrence first.
pub fn parse_tags(raw: &str) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::new();
    for tag in raw.split([',', ';']).filter_map(Tag::new) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}
