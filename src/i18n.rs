//! Languages: UI strings, language negotiation, text direction and the locale context.
//!
//! Two kinds of text appear on screen. The questionnaire's own texts (questions,
//! options, advice) come in the languages the questionnaire ships and are looked up
//! with [`LocaleContext::text`]. The widget's chrome ("Next", "Leave quickly",
//! "Question 3 of about 9") lives in Fluent files, `src/i18n/<lang>.ftl`, embedded at
//! build time and resolved by [`fluent`] with the CLDR plural rules of the core's
//! languages table ([`riskscreen_core::lang`]), which also gives each language's
//! name in itself and writing direction.
//!
//! The active language is one the questionnaire ships, chosen by [`negotiate`] from
//! the browser's preferred languages (or forced by the embedder) and changed by the
//! language picker; it is part of the flow state, so switching never loses answers.
//! UI strings fall back to English when a questionnaire ships a language the widget
//! has no UI file for.

#[cfg(test)]
pub mod codegen;
pub mod fluent;
#[rustfmt::skip]
mod strings;
pub mod ui_file;

/// Every UI language, built in or loaded as a file (see [`ui_file`]).
pub use strings::LANGUAGES;

use std::rc::Rc;

/// Language facts, from the core's languages table: one place for the widget,
/// the panel and the CLI.
pub use riskscreen_core::lang::{autonym, direction, primary};

use riskscreen_core::Text;
use yew::prelude::*;

pub use fluent::{Arg, Args, Bundle, MessageId};
/// The message ids, one constant each (`msg::EXIT_BUTTON`).
pub use strings::msg;

/// The UI language used when the active language has no UI file.
pub const FALLBACK_UI: &str = "en";

/// The UI strings: those built in (English in the wasm, every language
/// natively) and those read from files on this page ([`ui_file`]).
#[derive(Debug)]
pub struct Locales {
    bundles: Vec<Bundle>,
}

impl Default for Locales {
    fn default() -> Self {
        Self::new()
    }
}

impl Locales {
    /// The built-in UI strings (with those read from files, looked up when asked).
    pub fn new() -> Self {
        Locales {
            bundles: strings::all(),
        }
    }

    /// Every bundle there is now, English first, then the other built-in ones,
    /// then those read from files.
    pub fn bundles(&self) -> Vec<Bundle> {
        let mut all = self.bundles.clone();
        for bundle in ui_file::loaded() {
            if !all.iter().any(|b| b.lang() == bundle.lang()) {
                all.push(bundle);
            }
        }
        all
    }

    /// The bundle for `lang` (its primary subtag), else English.
    pub fn bundle(&self, lang: &str) -> Bundle {
        let primary = primary(lang);
        self.bundles
            .iter()
            .copied()
            .find(|b| b.lang() == primary)
            .or_else(|| ui_file::find(&primary))
            .or_else(|| {
                self.bundles
                    .iter()
                    .copied()
                    .find(|b| b.lang() == FALLBACK_UI)
            })
            .unwrap_or(self.bundles[0])
    }

    /// Formats `id` in `lang`, falling back to English, then to the id itself.
    pub fn format(&self, lang: &str, id: &str, args: &Args<'_>) -> String {
        self.bundle(lang)
            .format(id, args)
            .or_else(|| self.bundle(FALLBACK_UI).format(id, args))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// Whether the UI strings of `lang` (its primary subtag) are there, built in or
/// read from a file; when not, and it is one of [`LANGUAGES`], the page's
/// `loadStrings` loads them ([`ui_file`]).
pub fn has_strings(lang: &str) -> bool {
    let primary = primary(lang);
    primary == FALLBACK_UI
        || ui_file::find(&primary).is_some()
        || strings::all().iter().any(|b| b.lang() == primary)
}

/// Whether `lang` is a UI language whose strings are not there yet (so they
/// must be loaded before it is shown).
pub fn strings_missing(lang: &str) -> bool {
    LANGUAGES.contains(&primary(lang).as_str()) && !has_strings(lang)
}

/// Whether the release wasm lacks the UI strings of `lang` (a UI language
/// other than English: `cargo xtask build` builds it with English only), so a
/// page in it loads `ui/<lang>.json`. The same answer natively, where every
/// language is built in, for the prerenderer's preloads.
pub fn strings_missing_in_wasm(lang: &str) -> bool {
    let primary = primary(lang);
    primary != FALLBACK_UI && LANGUAGES.contains(&primary.as_str())
}

/// Chooses the language to show: the first of `preferred` (the browser's list, best
/// first) that `available` has, matching exactly (case-insensitively) or by primary
/// subtag (`uk-UA` → `uk`); else `default`.
pub fn negotiate(preferred: &[String], available: &[String], default: &str) -> String {
    for wanted in preferred {
        if let Some(hit) = available.iter().find(|a| a.eq_ignore_ascii_case(wanted)) {
            return hit.clone();
        }
        let wanted = primary(wanted);
        if let Some(hit) = available.iter().find(|a| primary(a) == wanted) {
            return hit.clone();
        }
    }
    default.to_owned()
}

/// The active language and the UI strings, provided by the app to every component.
#[derive(Debug, Clone)]
pub struct LocaleContext {
    locales: Rc<Locales>,
    lang: AttrValue,
    fallback: AttrValue,
}

impl PartialEq for LocaleContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.locales, &other.locales)
            && self.lang == other.lang
            && self.fallback == other.fallback
    }
}

impl LocaleContext {
    /// `lang` is the active language, `fallback` the questionnaire's default language.
    pub fn new(locales: Rc<Locales>, lang: AttrValue, fallback: AttrValue) -> Self {
        LocaleContext {
            locales,
            lang,
            fallback,
        }
    }

    /// The active language (a language the questionnaire ships).
    pub fn lang(&self) -> &AttrValue {
        &self.lang
    }

    /// `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        direction(&self.lang)
    }

    /// The UI string `id`.
    pub fn t(&self, id: MessageId) -> String {
        self.locales.format(&self.lang, id.as_str(), &[])
    }

    /// The UI string `id` with arguments.
    pub fn t_args(&self, id: MessageId, args: &Args<'_>) -> String {
        self.locales.format(&self.lang, id.as_str(), args)
    }

    /// A questionnaire text in the active language (else the questionnaire's default).
    pub fn text<'a>(&self, text: &'a Text) -> &'a str {
        text.get_or(&self.lang, &self.fallback)
    }

    /// A text with its own fallback language (the helpline directory's default).
    pub fn text_or<'a>(&self, text: &'a Text, fallback: &str) -> &'a str {
        text.get_or(&self.lang, fallback)
    }
}

/// The locale provided by the app.
///
/// Outside the app (a component rendered on its own) it is English.
#[hook]
pub fn use_i18n() -> LocaleContext {
    use_context::<crate::config::WidgetContext>()
        .map(|c| c.locale)
        .unwrap_or_else(|| LocaleContext::new(Rc::new(Locales::new()), "en".into(), "en".into()))
}

/// Counts that exercise every plural branch of the nine languages (tests).
#[cfg(test)]
pub(crate) const SAMPLE_COUNTS: [u64; 10] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101];

/// A value for every argument any UI message takes, numbers set to `n` (tests).
#[cfg(test)]
pub(crate) fn sample_args(n: u64) -> [(&'static str, Arg<'static>); 12] {
    [
        ("n", Arg::Num(n)),
        ("count", Arg::Num(n)),
        ("minutes", Arg::Num(n)),
        ("remaining", Arg::Num(n)),
        ("position", Arg::Num(n)),
        ("total", Arg::Num(n)),
        ("question", Arg::Str("Q")),
        ("site", Arg::Str("https://ngo.example.org")),
        ("number", Arg::Str("112")),
        ("name", Arg::Str("N")),
        ("hours", Arg::Str("H")),
        ("languages", Arg::Str("L")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn negotiation_prefers_the_browser_order_and_falls_back() {
        let available = strings(&["en", "uk"]);
        assert_eq!(
            negotiate(&strings(&["uk-UA", "en"]), &available, "en"),
            "uk"
        );
        assert_eq!(
            negotiate(&strings(&["de-DE", "EN-gb"]), &available, "uk"),
            "en"
        );
        assert_eq!(negotiate(&strings(&["de", "fr"]), &available, "uk"), "uk");
        assert_eq!(negotiate(&[], &available, "en"), "en");
        let regional = strings(&["pt-BR", "pt"]);
        assert_eq!(negotiate(&strings(&["pt-br"]), &regional, "pt"), "pt-BR");
    }

    /// The UI languages (one per `.ftl` file) are the languages the project
    /// ships (the core's table), and the test counts reach every whole-number
    /// plural category of each.
    #[test]
    fn ui_languages_are_the_shipped_ones() {
        let mut ui = LANGUAGES.to_vec();
        ui.sort_unstable();
        let mut shipped = riskscreen_core::lang::SHIPPED;
        shipped.sort_unstable();
        assert_eq!(ui, shipped);
        for language in riskscreen_core::lang::LANGUAGES {
            for category in language.plural_categories {
                let whole = (0..=200).any(|n| (language.plural)(n.into()) == *category);
                assert!(
                    !whole
                        || SAMPLE_COUNTS
                            .iter()
                            .any(|&n| riskscreen_core::lang::plural(language.code, n) == *category),
                    "{}: no sample count is {category:?}",
                    language.code
                );
            }
        }
    }

    #[test]
    fn direction_and_names() {
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("fa-IR"), "rtl");
        assert_eq!(direction("uk"), "ltr");
        assert_eq!(autonym("uk"), "Українська");
        assert_eq!(autonym("xx"), "xx");
    }

    /// Every message exists in every UI language, parses, and formats without error
    /// for a range of counts (so every plural branch is exercised).
    #[test]
    fn shipped_ui_files_are_complete_and_well_formed() {
        let locales = Locales::new();
        let en = locales.bundle("en");
        assert_eq!(locales.bundles()[0].lang(), FALLBACK_UI);
        assert!(locales.bundles().iter().any(|b| b.lang() == "uk"));
        for bundle in locales.bundles() {
            let ids: Vec<&str> = bundle.message_ids().collect();
            let en_ids: Vec<&str> = en.message_ids().collect();
            for id in &en_ids {
                assert!(ids.contains(id), "{} lacks `{id}`", bundle.lang());
            }
            for id in &ids {
                assert!(en_ids.contains(id), "{} has extra `{id}`", bundle.lang());
            }
            for id in ids {
                for n in SAMPLE_COUNTS {
                    let args = sample_args(n);
                    let text = bundle
                        .check(id, &args)
                        .unwrap_or_else(|e| panic!("{} `{id}`: {e:?}", bundle.lang()));
                    assert!(!text.trim().is_empty(), "{} `{id}` is empty", bundle.lang());
                    assert!(!text.contains('\u{2068}'), "isolation marks in `{id}`");
                }
            }
        }
    }

    #[test]
    fn ukrainian_plurals_read_correctly() {
        let locales = Locales::new();
        let f = |n| locales.format("uk", "start-time", &[("minutes", Arg::Num(n))]);
        assert!(f(1).contains("1 хвилину"), "{}", f(1));
        assert!(f(3).contains("3 хвилини"), "{}", f(3));
        assert!(f(5).contains("5 хвилин"), "{}", f(5));
        assert!(f(21).contains("21 хвилину"), "{}", f(21));
        let e = |n| locales.format("en", "start-time", &[("minutes", Arg::Num(n))]);
        assert!(
            e(1).contains("1 minute.") || e(1).contains("1 minute "),
            "{}",
            e(1)
        );
        assert!(e(5).contains("5 minutes"), "{}", e(5));
        // An unknown UI language falls back to English strings.
        assert_eq!(locales.format("xx", "next-button", &[]), "Next");
    }
}
