//! "Did you mean …?": the nearest known name to a misspelt one.

/// The candidate closest to `wrong`, if one is close enough to be a likely typo
/// (normalised Damerau–Levenshtein similarity of at least 0.6, or a case-only
/// difference).
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != wrong)
        .map(|c| {
            let score = if c.to_lowercase() == wrong_lower {
                1.0
            } else {
                strsim::normalized_damerau_levenshtein(&wrong_lower, &c.to_lowercase())
            };
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn finds_typos_and_ignores_strangers() {
        let known = ["title", "text", "section", "show_if"];
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("showif", known), Some("show_if"));
        assert_eq!(nearest("zzzz", known), None);
    }
}
