//! The languages for `translations`: the shipped ones and their facts come from
//! the core's languages table ([`riskscreen_core::lang`], the one place for
//! them); what is the CLI's own is here.

pub use riskscreen_core::lang::{language, Category, SHIPPED};

/// The language of the widget's UI source file (`src/i18n/en.ftl`).
pub const FLUENT_SOURCE: &str = "en";

/// Whether `code` looks like a BCP 47 language tag (`uk`, `de-AT`): guards paths
/// built from it (`translations/<code>/…`) as much as it catches typos.
pub fn is_language_tag(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_is_shipped() {
        assert!(SHIPPED.contains(&FLUENT_SOURCE));
        assert!(language(FLUENT_SOURCE).is_some());
    }

    #[test]
    fn language_tags() {
        for ok in ["uk", "de-AT", "sr-Latn", "fil"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "UK", "u", "uk/../x", "de_AT", "ukrainian", "de-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
