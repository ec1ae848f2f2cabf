//! The planning of `translations status` for a questionnaire or the helpline
//! directory: which languages a file's table shows, and the table itself, from the
//! coverage of each language and its review.

use std::collections::BTreeSet;

use crate::languages;
use crate::record::Coverage;
use crate::review::Review;

/// How many missing or stale strings (or UI ids) per language `status` lists
/// without `--verbose`.
pub const FEW: usize = 10;

/// The languages `status` shows for a file: `--lang`, or the source language, the
/// other shipped languages, then any other the file declares or has texts in.
pub fn languages_shown(
    only: Option<&str>,
    source: &str,
    declared: &[String],
    used: &BTreeSet<&str>,
) -> Vec<String> {
    if let Some(l) = only {
        return vec![l.to_owned()];
    }
    let mut langs = vec![source.to_owned()];
    let shipped = languages::SHIPPED.iter().copied();
    for l in shipped
        .chain(declared.iter().map(String::as_str))
        .chain(used.iter().copied())
    {
        if !langs.iter().any(|x| x == l) {
            langs.push(l.to_owned());
        }
    }
    langs
}

/// The coverage table of the file `source_name`, one row per language (its coverage
/// and review), then the keys missing, stale, unrecorded or orphaned (every one with
/// `verbose`, else up to [`FEW`] per list) and hints for what to do: the lines to print.
pub fn table(source_name: &str, rows: &[(Coverage, Review)], verbose: bool) -> Vec<String> {
    let mut lines = vec![format!(
        "  {:<6} {:<8} {:>10} {:>8} {:>6} {:>10}  native review",
        "lang", "declared", "translated", "missing", "stale", "unrecorded"
    )];
    for (c, review) in rows {
        let (declared, stale, unrecorded, review) = if c.source {
            ("source", "-".to_owned(), "-".to_owned(), "-".to_owned())
        } else {
            (
                if c.declared { "yes" } else { "no" },
                c.stale.len().to_string(),
                c.unrecorded.len().to_string(),
                review.short(),
            )
        };
        lines.push(format!(
            "  {:<6} {:<8} {:>10} {:>8} {:>6} {:>10}  {review}",
            c.language,
            declared,
            c.translated,
            c.missing.len(),
            stale,
            unrecorded
        ));
    }
    for (c, _) in rows {
        let started = c.declared || c.translated > 0 || !c.stale.is_empty();
        let lists: [(&str, &[String], bool); 4] = [
            ("missing", &c.missing, started),
            ("stale", &c.stale, true),
            ("unrecorded", &c.unrecorded, true),
            ("recorded but no longer in the file", &c.orphaned, true),
        ];
        for (what, keys, show) in lists {
            if keys.is_empty() || !(show || verbose) {
                continue;
            }
            if verbose || keys.len() <= FEW {
                for key in keys {
                    lines.push(format!("    {} {what}: {key}", c.language));
                }
            } else {
                lines.push(format!(
                    "    {} {what}: {} strings (--verbose lists them)",
                    c.language,
                    keys.len()
                ));
            }
        }
    }
    let stale: Vec<&str> = rows
        .iter()
        .filter(|(c, _)| !c.stale.is_empty())
        .map(|(c, _)| c.language.as_str())
        .collect();
    let unrecorded: Vec<&str> = rows
        .iter()
        .filter(|(c, _)| !c.unrecorded.is_empty())
        .map(|(c, _)| c.language.as_str())
        .collect();
    if !stale.is_empty() {
        lines.push(format!(
            "  stale: the source text changed since the translation; `riskscreen translations \
             export --lang {} {}` marks them fuzzy for review",
            stale[0], source_name
        ));
    }
    if !unrecorded.is_empty() {
        lines.push(format!(
            "  unrecorded: translated, but from which source text is not recorded; \
             `riskscreen translations record --lang {} {}` records the current state",
            unrecorded[0], source_name
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_then_the_shipped_then_the_others() {
        let used = BTreeSet::from(["xx"]);
        let shown = languages_shown(None, "en", &["yy".to_owned()], &used);
        assert_eq!(shown[0], "en");
        assert_eq!(shown.len(), languages::SHIPPED.len() + 2);
        assert_eq!(&shown[shown.len() - 2..], ["yy", "xx"]);
        assert_eq!(languages_shown(Some("pl"), "en", &[], &used), ["pl"]);
    }

    #[test]
    fn an_empty_table_is_its_header() {
        assert_eq!(table("q.toml", &[], false).len(), 1);
    }
}
