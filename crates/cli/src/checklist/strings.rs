//! The checklist's own words in each language, from one file: `strings.toml`.
//!
//! The questionnaire and the helpline directory bring every other text of the
//! page; these are the few fixed ones around them (headings, "If yes:", the
//! footer). They are compiled into the binary (`include_str!`), so the command
//! needs no file besides its inputs, and a unit test checks that every string has
//! all nine languages with the English text's placeholders.
//!
//! Why a TOML file of the CLI's and not the widget's `src/i18n/*.ftl`: the CLI
//! does build `fluent-syntax` (for `translations status`), but most of these
//! strings exist only on paper ("Tick every box that is true", "Nothing you mark
//! here is sent anywhere"), so they would have to be added to the widget's files,
//! which would carry them into the wasm bundle for nothing. The few wordings the
//! two share are copied from the `.ftl` files, and `strings.toml` says which.

use std::collections::BTreeMap;

use anyhow::Context;

/// The source, compiled in.
const SOURCE: &str = include_str!("strings.toml");

/// The languages the checklist speaks (those the project ships).
pub use riskscreen_core::lang::SHIPPED as LANGUAGES;

/// Every key the renderer asks for (a test checks `strings.toml` has exactly these).
#[cfg(test)]
const KEYS: &[&str] = &[
    "checklist",
    "purpose-self-check",
    "purpose-intake",
    "purpose-platform",
    "danger-heading",
    "danger-intro-self-check",
    "danger-intro-other",
    "emergency-heading",
    "emergency-only",
    "emergency-country",
    "questions-heading",
    "questions-intro",
    "if-yes",
    "if-no",
    "alone",
    "danger-now",
    "why",
    "bands-heading",
    "helplines-heading",
    "helplines-all",
    "helplines-none",
    "free",
    "hours",
    "languages",
    "unverified",
    "online",
    "qr-label",
    "footer-private",
    "footer-source",
    "footer-helplines",
];

/// The strings of one language.
#[derive(Debug, Clone)]
pub struct Strings {
    texts: BTreeMap<String, String>,
}

/// Every string of every language: key → language → text.
fn all() -> anyhow::Result<BTreeMap<String, BTreeMap<String, String>>> {
    toml::from_str(SOURCE).context("crates/cli/src/checklist/strings.toml is not valid")
}

impl Strings {
    /// The strings in `lang`; `None` when the checklist does not speak it.
    pub fn new(lang: &str) -> anyhow::Result<Option<Strings>> {
        if !LANGUAGES.contains(&lang) {
            return Ok(None);
        }
        let mut texts = BTreeMap::new();
        for (key, by_lang) in all()? {
            if let Some(text) = by_lang.get(lang) {
                texts.insert(key, text.clone());
            }
        }
        Ok(Some(Strings { texts }))
    }

    /// The plain text of `key` (placeholders left as they are).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        // Every key in KEYS has every language (tested); a missing one shows its
        // key rather than stopping a print run.
        self.texts.get(key).map_or(key, String::as_str)
    }

    /// `key` as HTML: the text escaped, then each `{name}` replaced by its HTML
    /// from `args` (already escaped by the caller: a link, a number).
    pub fn html(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut html = super::render::escape(self.text(key));
        for (name, value) in args {
            html = html.replace(&format!("{{{name}}}"), value);
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }

    #[test]
    fn every_string_has_every_language_and_the_english_placeholders() {
        let all = all().unwrap();
        let keys: BTreeSet<&str> = all.keys().map(String::as_str).collect();
        let wanted: BTreeSet<&str> = KEYS.iter().copied().collect();
        assert_eq!(keys, wanted, "strings.toml and KEYS differ");
        for (key, by_lang) in &all {
            let langs: BTreeSet<&str> = by_lang.keys().map(String::as_str).collect();
            assert_eq!(
                langs,
                LANGUAGES.iter().copied().collect(),
                "`{key}` has other languages than the nine"
            );
            let english = placeholders(&by_lang["en"]);
            for (lang, text) in by_lang {
                assert!(!text.trim().is_empty(), "`{key}` is empty in `{lang}`");
                assert_eq!(
                    placeholders(text),
                    english,
                    "`{key}` in `{lang}` has other placeholders than in English"
                );
            }
        }
    }

    /// The register of questionnaires/translations/review-status.toml: formal
    /// everywhere except Polish, which says *ty*. A rough check of the words that
    /// would betray the other form.
    #[test]
    fn each_language_keeps_its_register() {
        let all = all().unwrap();
        let informal: &[(&str, &[&str])] = &[
            ("de", &[" du ", " dich ", " dir ", " dein", "Du ", "Dein"]),
            ("uk", &[" ти ", " тебе", " твій", " твої", "Ти "]),
            ("ru", &[" ты ", " тебя", " твой", " твои", "Ты "]),
            ("cs", &[" ty ", " tvoj", " tvé ", " tebe"]),
            ("sk", &[" ty ", " tvoj", " teba"]),
        ];
        let formal_pl = [" Pan ", " Pani ", " Państwo", "Pan/Pani"];
        for (key, by_lang) in &all {
            for (lang, words) in informal {
                let text = format!(" {} ", by_lang[*lang]);
                for word in *words {
                    assert!(
                        !text.contains(word),
                        "`{key}` in `{lang}` says {word:?}: the register is formal"
                    );
                }
            }
            let text = format!(" {} ", by_lang["pl"]);
            for word in formal_pl {
                assert!(
                    !text.contains(word),
                    "`{key}` in `pl` says {word:?}: Polish uses ty"
                );
            }
        }
    }

    #[test]
    fn html_escapes_the_text_but_not_the_arguments() {
        let strings = Strings::new("en").unwrap().unwrap();
        assert_eq!(
            strings.html(
                "danger-now",
                &[("emergency", "<a href=\"tel:112\">112</a>")]
            ),
            "Danger now: call <a href=\"tel:112\">112</a>"
        );
        assert!(Strings::new("fr").unwrap().is_none());
    }
}
