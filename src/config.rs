//! The embedder's options and what the widget makes of them.
//!
//! `mount(element, options)` takes a plain JS object:
//!
//! | option | type | default | meaning |
//! |---|---|---|---|
//! | `questionnaire` | string | (required) | compiled questionnaire JSON (`riskscreen compile`) |
//! | `helplines` | string | no helplines | compiled helpline directory JSON |
//! | `helplinesAdd` | string | none | a second compiled directory whose countries and lines are added, or replace those with the same code or id |
//! | `lang` | string | negotiated | force a language the questionnaire ships |
//! | `country` | string | none | ISO code of the country whose helplines to show first |
//! | `exitUrl` | string | [`DEFAULT_EXIT_URL`] | where "Leave quickly" goes (`https:`, `http:` or a `/path`) |
//! | `shareResult` | boolean | `false` | offer "Share the result" on the result screen (never for a self-check) |
//! | `shareTo` | string | none | the origin the shared result goes to (`https://ngo.example.org`), named to the person before they share; sharing needs it |
//! | `languages` | array of strings | the questionnaire's | the languages the picker offers: those of the questionnaire and those `loadLanguage` can add |
//! | `loadLanguage` | function | none | `(lang) => Promise<string>`: the same questionnaire's JSON with `lang`'s texts (`riskscreen compile --lang`), fetched by the page's script when the person picks a language the questionnaire does not carry yet |
//! | `loadStrings` | function | none | `(lang) => Promise<object>`: the widget's UI strings in `lang`, the parsed `ui/<lang>.json` (`www/options.js` fetches it from the widget's origin); asked for when the language shown is a UI language the wasm does not carry (every one but English: [`crate::i18n::ui_file`]) |
//! | `loadHelplines` | function | none | `(lang) => Promise<string>`: the same helpline directory's JSON with `lang`'s names (`riskscreen compile-helplines --lang`), fetched by the page's script when the person picks a language the directory does not carry yet |
//! | `testPanic` | boolean | `false` | **test hook**: the app panics on its first render after Start |
//!
//! **Country.** The helplines shown are those of the `country` option when the
//! directory has it. Otherwise no country is assumed (the browser language says
//! nothing reliable about where a refugee *is*: a Ukrainian phone in Poland says
//! `uk-UA`): the result screen then shows 112 and the EU-wide lines, and the person
//! picks their country from the list right above them.
//!
//! **Language.** `lang` when the questionnaire ships it, else the first of the
//! browser's preferred languages the questionnaire ships ([`crate::i18n::negotiate`]),
//! else the questionnaire's default language.
//!
//! **Languages on demand.** The self-check page loads the questionnaire in the
//! page's language only (`q/<stem>.<lang>.json`) and passes the other languages
//! and a `loadLanguage` function (`www/boot.js`). Picking one of them calls it;
//! the file it resolves to is read and checked like the questionnaire and merged
//! into it ([`riskscreen_core::Questionnaire::merge_languages`], refused unless it
//! is the same questionnaire), and the flow goes on in that language with every
//! answer kept ([`crate::language_files`]). The page's helpline directory comes
//! the same way (`q/helplines.<lang>.json`, `loadHelplines`): the names the
//! other language needs are merged in, refused unless it is the same directory,
//! so a switch never changes a number. The widget itself makes no request:
//! the page's script does, from the widget's own origin, before or after any
//! answer, and it carries a language code only.
//!
//! **Checks.** Both JSON texts must have the shape of the engine's model: [`read`]
//! accepts what the model's serde derives accept, rejects unknown fields, and
//! names the bad field (`question[3].kind: …`). Every helpline directory (the
//! widget's own, an embedder's, `helplinesAdd`) is then checked with the CLI's
//! rules for the widget form ([`validate_directory_form`]): a line whose `tel`
//! dials other digits than the `number` it shows, or a country whose emergency
//! number is not a short number, refuses the whole mount. The questionnaire must also have
//! what the widget relies on (see [`check`]); otherwise mount fails with the reason. The full validator
//! (references, translations, sources, band order) runs when `riskscreen compile`
//! writes the JSON, not in the browser: it would take a large share of the size
//! budget (README, Performance and size), and the widget stays safe on a
//! questionnaire that passes [`check`] but not the validator (an unknown reference
//! never holds and never marks anything; a missing translation falls back to the
//! default language).
//!
//! **Sharing.** Off unless `shareResult` is true, `shareTo` names the receiving
//! origin *and* the questionnaire is not a self-check (`audience = "self-check"`):
//! a person checking an offer for themselves never has their result offered to
//! anyone. When on, the result screen names the origin that would receive the
//! result, explains what would be shared, and a button dispatches `riskscreen:complete` (see
//! [`crate::components::share_result`]); nothing leaves the widget before the
//! press.
//!
//! `testPanic` exists so browser tests can check the panic fallback. Only an
//! embedder's own script or markup sets it (the JS API, `<risk-screen>`, the
//! self-check page's `data-test-panic`); `frame.js` never reads it from its URL, so
//! a link cannot switch it on.

pub mod read;

use std::rc::Rc;
use std::sync::Arc;

use riskscreen_core::helplines::{validate_directory_form, Directory, Form};
use riskscreen_core::{Audience, Questionnaire};
use yew::prelude::*;

use crate::i18n::{negotiate, LocaleContext, Locales};
use crate::js::loader::Loader;
use crate::panic::{Fallback, FallbackTexts};

/// Where "Leave quickly" goes by default: a neutral, fast page (as GOV.UK's "Exit
/// this page" uses BBC Weather).
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";

/// The options as the embedder passed them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Compiled questionnaire JSON.
    pub questionnaire: String,
    /// Compiled helpline directory JSON, if any.
    pub helplines: Option<String>,
    /// A second directory to merge into the first.
    pub helplines_add: Option<String>,
    /// A forced language.
    pub lang: Option<String>,
    /// A country code.
    pub country: Option<String>,
    /// The quick-exit destination.
    pub exit_url: Option<String>,
    /// Whether the embedder asks to offer sharing the result.
    pub share_result: bool,
    /// The origin the shared result goes to.
    pub share_to: Option<String>,
    /// Test hook: panic on the first render after Start.
    pub test_panic: bool,
    /// The languages to offer besides the questionnaire's own.
    pub languages: Vec<String>,
    /// Loads the questionnaire's file in another language (the page's function).
    pub load_language: Option<Loader>,
    /// Loads the UI strings of a language (the page's function).
    pub load_strings: Option<Loader>,
    /// Loads the helpline directory's file in another language (the page's function).
    pub load_helplines: Option<Loader>,
}

/// Everything the app needs that does not change while it runs (but the
/// questionnaire's languages, which a language loaded mid-run adds to: see
/// [`Setup::with_loaded`]): provided to every component through
/// [`WidgetContext`].
#[derive(Debug, Clone)]
pub struct Setup {
    /// The questionnaire.
    pub questionnaire: Rc<Questionnaire>,
    /// The languages the picker offers: those of the `languages` option (loaded
    /// when picked, when the questionnaire does not carry them), then the
    /// questionnaire's others.
    pub languages: Vec<String>,
    /// Loads another language's questionnaire file (`loadLanguage`).
    pub load_language: Option<Loader>,
    /// Loads another language's UI strings (`loadStrings`).
    pub load_strings: Option<Loader>,
    /// Loads another language's helpline file (`loadHelplines`).
    pub load_helplines: Option<Loader>,
    /// The helpline directory (possibly empty); shared with the panic fallback,
    /// hence `Arc`.
    pub directory: Arc<Directory>,
    /// Where "Leave quickly" goes.
    pub exit_url: AttrValue,
    /// The configured country (a code the directory has), if any.
    pub country: Option<AttrValue>,
    /// The language to start in.
    pub lang: AttrValue,
    /// The UI strings.
    pub locales: Rc<Locales>,
    /// The origin "Share the result" hands the result to, when the result screen
    /// offers it (named to the person before they press it).
    pub share_to: Option<AttrValue>,
    /// Test hook: panic on the first render after Start.
    pub test_panic: bool,
    /// Problems that did not stop the widget (an ignored option), for the console.
    pub warnings: Vec<String>,
}

impl Setup {
    /// Reads and checks the options. `preferred` is the browser's language list,
    /// best first.
    pub fn new(options: Options, preferred: &[String]) -> Result<Self, String> {
        let questionnaire = checked_questionnaire(&options.questionnaire)?;
        let mut warnings = Vec::new();
        let mut directory = match &options.helplines {
            None => {
                warnings.push("riskscreen: no helplines given; only 112 is shown".to_owned());
                empty_directory(&questionnaire)
            }
            Some(json) => checked_directory("helplines", json)?,
        };
        if let Some(json) = &options.helplines_add {
            directory.merge_directory(checked_directory("helplinesAdd", json)?);
            // Each part passed on its own; what the merge made must hold too (an
            // added line of a country neither part declares).
            directory_problems("helplines + helplinesAdd", &directory)?;
        }
        let share_to = sharing(&options, &questionnaire, &mut warnings);
        let country = options.country.as_deref().and_then(|code| {
            let code = code.trim().to_ascii_uppercase();
            match directory.country(&code) {
                Some(c) if c.code != "EU" => Some(AttrValue::from(c.code.clone())),
                _ => {
                    warnings.push(format!(
                        "riskscreen: country `{code}` is not in the helpline directory; ignored"
                    ));
                    None
                }
            }
        });
        let exit_url = exit_url(&options, &mut warnings);
        let lang = match options.lang.as_deref() {
            Some(forced) => {
                let chosen = negotiate(
                    &[forced.to_owned()],
                    &questionnaire.languages,
                    &questionnaire.default_language,
                );
                if !chosen.eq_ignore_ascii_case(forced) {
                    warnings.push(format!(
                        "riskscreen: the questionnaire does not ship `{forced}`; using `{chosen}`"
                    ));
                }
                chosen
            }
            None => negotiate(
                preferred,
                &questionnaire.languages,
                &questionnaire.default_language,
            ),
        };
        // The `languages` option's order (the same on every page), then any
        // language of the questionnaire it leaves out.
        let mut languages: Vec<String> = Vec::new();
        for lang in options.languages.iter().chain(&questionnaire.languages) {
            let lang = lang.trim();
            let code_like = !lang.is_empty()
                && lang.len() <= 16
                && lang.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
            if code_like && !languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
                languages.push(lang.to_owned());
            }
        }
        Ok(Setup {
            questionnaire: Rc::new(questionnaire),
            languages,
            load_language: options.load_language.clone(),
            load_strings: options.load_strings.clone(),
            load_helplines: options.load_helplines.clone(),
            directory: Arc::new(directory),
            exit_url: exit_url.into(),
            country,
            lang: lang.into(),
            locales: Rc::new(Locales::new()),
            share_to,
            test_panic: options.test_panic,
            warnings,
        })
    }
}

/// The quick exit's destination: the `exitUrl` option when it is safe, else the
/// default (with a warning).
fn exit_url(options: &Options, warnings: &mut Vec<String>) -> String {
    match options.exit_url.as_deref().map(str::trim) {
        None => DEFAULT_EXIT_URL.to_owned(),
        Some(url) if is_safe_exit_url(url) => url.to_owned(),
        Some(url) => {
            warnings.push(format!(
                "riskscreen: exitUrl `{url}` is not an http(s) URL or a /path; using {DEFAULT_EXIT_URL}"
            ));
            DEFAULT_EXIT_URL.to_owned()
        }
    }
}

impl Setup {
    /// This setup with what the flow loaded mid-run: its questionnaire (the
    /// same one, with languages added) and its helpline directory when it holds
    /// one (names in more languages); this very one when there is nothing new.
    pub fn with_loaded(
        self: &Rc<Self>,
        questionnaire: &Rc<Questionnaire>,
        directory: Option<&Arc<Directory>>,
    ) -> Rc<Self> {
        let same_directory = directory.is_none_or(|d| Arc::ptr_eq(&self.directory, d));
        if Rc::ptr_eq(&self.questionnaire, questionnaire) && same_directory {
            return self.clone();
        }
        Rc::new(Setup {
            questionnaire: questionnaire.clone(),
            directory: directory.unwrap_or(&self.directory).clone(),
            ..(**self).clone()
        })
    }

    /// What the panic fallback shows for this setup.
    pub fn fallback(&self) -> Fallback {
        Fallback {
            exit_url: self.exit_url.to_string(),
            lang: self.lang.to_string(),
            country: self.country.as_ref().map(|c| c.to_string()),
            directory: self.directory.clone(),
            texts: FallbackTexts::all(&self.locales),
        }
    }
}

/// What a widget that cannot start shows (the panic fallback's panel): the quick
/// exit, 112 and the lines of the `helplines` directory when that one is valid
/// (`helplinesAdd` is left out: it may be what was refused), in the forced
/// language or the browser's, for the configured country.
pub fn failure_fallback(options: &Options, preferred: &[String]) -> Fallback {
    let locales = Locales::new();
    let directory = options
        .helplines
        .as_deref()
        .and_then(|json| checked_directory("helplines", json).ok())
        .unwrap_or_else(|| Directory {
            languages: vec!["en".to_owned()],
            default_language: "en".to_owned(),
            countries: Vec::new(),
            sources: Vec::new(),
            helplines: Vec::new(),
        });
    let country = options
        .country
        .as_deref()
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| c != "EU" && directory.country(c).is_some());
    Fallback {
        exit_url: exit_url(options, &mut Vec::new()),
        lang: failure_language(options, preferred),
        country,
        directory: Arc::new(directory),
        texts: FallbackTexts::all(&locales),
    }
}

/// The language of the panel of a widget that cannot start: the forced one or
/// the browser's, among the UI languages (whose strings `mount` loads first
/// when they are not built in), else English.
pub fn failure_language(options: &Options, preferred: &[String]) -> String {
    let ui: Vec<String> = crate::i18n::LANGUAGES
        .iter()
        .map(|l| (*l).to_owned())
        .collect();
    let wanted: Vec<String> = options.lang.iter().chain(preferred).cloned().collect();
    negotiate(&wanted, &ui, "en")
}

/// Where "Share the result" may send the result, if anywhere: the `shareTo` origin,
/// when the embedder asked for sharing and the questionnaire is not a self-check.
fn sharing(
    options: &Options,
    questionnaire: &Questionnaire,
    warnings: &mut Vec<String>,
) -> Option<AttrValue> {
    if !options.share_result {
        return None;
    }
    if questionnaire.audience == Audience::SelfCheck {
        warnings.push(
            "riskscreen: shareResult is ignored for a self-check: its result is never offered to anyone"
                .to_owned(),
        );
        return None;
    }
    match options.share_to.as_deref() {
        Some(origin) if is_origin(origin) => Some(AttrValue::from(origin.to_owned())),
        other => {
            warnings.push(format!(
                "riskscreen: shareResult needs shareTo, the origin that receives the result (got `{}`); sharing is off",
                other.unwrap_or_default()
            ));
            None
        }
    }
}

/// `scheme://host[:port]` for http(s), as `URL.origin` writes it: what a person
/// can be told the result goes to. No path, user, query or control character.
pub fn is_origin(value: &str) -> bool {
    let Some(rest) = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.strip_prefix('[') {
        // An IPv6 literal: `[…]`, then an optional port.
        Some(inner) => match inner.split_once(']') {
            Some((address, after)) if !address.is_empty() => (address, after),
            _ => return false,
        },
        None => match rest.find(':') {
            Some(colon) => rest.split_at(colon),
            None => (rest, ""),
        },
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| (1..=5).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()));
    let host_ok = !host.is_empty()
        && host.bytes().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, b'.' | b'-')
                || (c == b':' && rest.starts_with('['))
        });
    host_ok && port_ok
}

/// A helpline directory option read and checked: valid JSON of the right shape,
/// and no problem under the CLI's rules for the widget form.
pub(crate) fn checked_directory(option: &str, json: &str) -> Result<Directory, String> {
    if json.len() > riskscreen_core::limits::MAX_SOURCE_BYTES {
        return Err(format!(
            "riskscreen: {option} has {} bytes; the most this widget reads is {}",
            json.len(),
            riskscreen_core::limits::MAX_SOURCE_BYTES
        ));
    }
    let directory = directory_from_json(json).map_err(|e| {
        format!("riskscreen: {option} is not valid helpline directory JSON for this version: {e}")
    })?;
    directory_problems(option, &directory)?;
    Ok(directory)
}

/// Every problem of `directory` as one readable error, or `Ok`.
fn directory_problems(option: &str, directory: &Directory) -> Result<(), String> {
    let problems: Vec<String> = validate_directory_form(directory, Form::Widget)
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("  {}", d.render(&format!("{option}: {}", d.path))))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "riskscreen: the helpline directory `{option}` is refused: no number from it is shown\n{}",
            problems.join("\n")
        ))
    }
}

/// A questionnaire's JSON text read and checked: not over the size limit, the
/// model's shape, and what the widget relies on ([`check`]).
pub fn checked_questionnaire(json: &str) -> Result<Questionnaire, String> {
    let bytes = json.len();
    if bytes > riskscreen_core::limits::MAX_SOURCE_BYTES {
        return Err(format!(
            "riskscreen: the questionnaire has {bytes} bytes; the most this widget reads is {}",
            riskscreen_core::limits::MAX_SOURCE_BYTES
        ));
    }
    let questionnaire = questionnaire_from_json(json).map_err(|e| {
        format!("riskscreen: the questionnaire is not valid JSON for this version: {e}")
    })?;
    check(&questionnaire)
        .map_err(|e| format!("riskscreen: the questionnaire cannot be used: {e}"))?;
    Ok(questionnaire)
}

/// Reads a compiled questionnaire (`riskscreen compile`) from its JSON text.
pub fn questionnaire_from_json(json: &str) -> Result<Questionnaire, String> {
    read::questionnaire(&parse(json)?).map_err(|e| e.to_string())
}

/// Reads a compiled helpline directory (`riskscreen compile-helplines`) from its
/// JSON text.
pub fn directory_from_json(json: &str) -> Result<Directory, String> {
    read::directory(&parse(json)?).map_err(|e| e.to_string())
}

/// Parses a JSON text for [`read`]: in the browser with `JSON.parse` (no JSON parser
/// in the bundle: [`crate::js::value::parse`]), natively (tests) with serde_json.
#[cfg(target_arch = "wasm32")]
use crate::js::value::parse;

/// See the wasm version.
#[cfg(not(target_arch = "wasm32"))]
fn parse(json: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// What the widget relies on: a language to show (the default among those
/// shipped), at least one question, at least one result band, unique question ids.
pub fn check(questionnaire: &Questionnaire) -> Result<(), String> {
    if !questionnaire
        .languages
        .contains(&questionnaire.default_language)
    {
        return Err(format!(
            "default_language `{}` is not among languages",
            questionnaire.default_language
        ));
    }
    if questionnaire.questions.is_empty() {
        return Err("it has no questions".into());
    }
    if questionnaire.bands.is_empty() {
        return Err("it has no result bands".into());
    }
    // The core's limits first, so that nothing below (nor the plan, nor scoring)
    // works on an oversized file.
    let (passed, _) = riskscreen_core::limits::check(questionnaire);
    if let Some(limit) = passed.first() {
        return Err(format!("{}: {}", limit.path, limit.message));
    }
    // One pass with a set: a quadratic scan froze the page for seconds on a large file.
    let mut seen = std::collections::HashSet::with_capacity(questionnaire.questions.len());
    for (i, q) in questionnaire.questions.iter().enumerate() {
        if !seen.insert(q.id.as_str()) {
            return Err(format!(
                "question id `{}` is used twice (question {})",
                q.id,
                i + 1
            ));
        }
    }
    Ok(())
}

/// `https://…`, `http://…` or a same-site `/path`: never `javascript:` or `data:`,
/// and nothing a URL parser would silently drop or reinterpret (control
/// characters, spaces and backslashes: `"/\t/evil.example"` parses as
/// `//evil.example`, another site).
pub fn is_safe_exit_url(url: &str) -> bool {
    if url.bytes().any(|c| c <= b' ' || c == 0x7f || c == b'\\') {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    let has_host = |rest: &str| {
        rest.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .is_some_and(has_host)
        || (url.starts_with('/') && !url.starts_with("//"))
}

fn empty_directory(questionnaire: &Questionnaire) -> Directory {
    Directory {
        languages: questionnaire.languages.clone(),
        default_language: questionnaire.default_language.clone(),
        countries: Vec::new(),
        sources: Vec::new(),
        helplines: Vec::new(),
    }
}

/// [`Setup`] as a context: compared by identity, as it never changes.
#[derive(Debug, Clone)]
pub struct SetupContext(pub Rc<Setup>);

impl PartialEq for SetupContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SetupContext {
    type Target = Setup;
    fn deref(&self) -> &Setup {
        &self.0
    }
}

/// The setup and the locale, provided together: one context provider (itself a
/// component, with its create and view glue in the wasm) and one
/// `use_context` instead of two of each (README, Performance and size). Read
/// with [`use_setup`] and [`crate::i18n::use_i18n`].
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetContext {
    /// The setup.
    pub setup: SetupContext,
    /// The locale showing.
    pub locale: LocaleContext,
}

/// The setup provided by the app.
///
/// # Panics
///
/// Outside the app, which always provides it (a programming error, shown as the
/// panic fallback).
#[hook]
pub fn use_setup() -> SetupContext {
    use_context::<WidgetContext>()
        .expect("riskscreen: the WidgetContext is provided by App")
        .setup
}

#[cfg(test)]
mod tests {
    use super::{is_origin, is_safe_exit_url};

    #[test]
    fn exit_urls_must_be_web_pages() {
        assert!(is_safe_exit_url("https://www.bbc.com/weather"));
        assert!(is_safe_exit_url("http://example.org"));
        assert!(is_safe_exit_url("/neutral.html"));
        assert!(!is_safe_exit_url("javascript:alert(1)"));
        assert!(!is_safe_exit_url("data:text/html,hi"));
        assert!(!is_safe_exit_url("//evil.example"));
        assert!(!is_safe_exit_url("https://"));
        assert!(!is_safe_exit_url("weather.html"));
        // What URL parsers drop or turn into a slash: each would reach another site.
        for sneaky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "\t//evil.example",
            " //evil.example",
            "https://ok.example/\u{7f}",
            "https://ok.example/a b",
        ] {
            assert!(!is_safe_exit_url(sneaky), "{sneaky:?}");
        }
    }

    #[test]
    fn share_targets_are_bare_origins() {
        for ok in [
            "https://ngo.example.org",
            "http://127.0.0.1:8080",
            "https://[::1]:8443",
        ] {
            assert!(is_origin(ok), "{ok}");
        }
        for bad in [
            "",
            "null",
            "ngo.example.org",
            "https://",
            "https://ngo.example.org/",
            "https://ngo.example.org/path",
            "https://user@ngo.example.org",
            "https://ngo.example.org:",
            "https://ngo.example.org:80x",
            "javascript:alert(1)",
            "https://ngo.example.org\t",
        ] {
            assert!(!is_origin(bad), "{bad:?}");
        }
    }
}
