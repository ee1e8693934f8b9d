//! Small rules of English the whole app shares, so no label says
//! "1 journal entries".

/// "1 date", "3 dates": `n` with the noun that fits it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(
            super::count(1, "journal entry", "journal entries"),
            "1 journal entry"
        );
        assert_eq!(super::count(0, "week", "weeks"), "0 weeks");
        assert_eq!(super::count(2, "week", "weeks"), "2 weeks");
    }
}
