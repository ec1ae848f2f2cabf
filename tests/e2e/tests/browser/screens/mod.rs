//! Every screen of every questionnaire in every language it ships, at 320 CSS px:
//! start, each question of the run that shows the most questions, review, and the
//! result with the danger block and the helplines.
//!
//! On each screen: the root says `lang=<language>`; nothing sticks out
//! horizontally ([`check::overflow`]); no string is missing ([`check::missing_strings`]:
//! no Fluent id, `{ $…`, `???`, empty heading/label/button, and no English UI
//! string where the language has its own); and the questionnaire's texts (question,
//! options, section, why, review, concerns, level) and the UI strings checked read
//! exactly as the compiled JSON and `src/i18n/<lang>.ftl` have them.
//!
//! One browser session per questionnaire × language, no reloads between screens.
//! The language is chosen with the picker (`select#rs-lang`), which must offer
//! every language the questionnaire ships. Every problem of every screen is
//! collected and reported at the end, per language.
//!
//! [`check::overflow`]: riskscreen_e2e::check::overflow
//! [`check::missing_strings`]: riskscreen_e2e::check::missing_strings
//!
//! This module holds the tests (one per questionnaire) and what one language's
//! walk needs ([`Context`]); [`walk`](mod@walk) goes through the screens and says
//! what each must read; [`tools`] acts on a screen and collects its problems.

mod tools;
mod walk;

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;
use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::check::{text_in, UiStrings};
use riskscreen_e2e::plan::{self, Plan};
use riskscreen_e2e::PageOptions;

use walk::walk;

/// Width of the small phone every screen is checked at.
const WIDTH: u32 = 320;

/// Time one language's walk may take (the intake has over 70 questions).
const LIMIT: Duration = Duration::from_secs(300);

/// The questionnaires the tests below walk; [`covers_every_compiled_questionnaire`]
/// checks the list against `www/q/`.
const QUESTIONNAIRES: &[&str] = &["self-check", "ngo-intake", "platform-offer"];

mod every_screen_of_every_questionnaire_in_every_language {
    #[test]
    fn self_check() {
        super::every_language("self-check");
    }

    #[test]
    fn ngo_intake() {
        super::every_language("ngo-intake");
    }

    #[test]
    fn platform_offer() {
        super::every_language("platform-offer");
    }

    #[test]
    fn covers_every_compiled_questionnaire() {
        let www = riskscreen_e2e::www_dir();
        let mut compiled: Vec<String> = std::fs::read_dir(www.join("q"))
            .unwrap_or_else(|e| {
                panic!(
                    "cannot list {}/q: {e}; run `cargo xtask build`",
                    www.display()
                )
            })
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
            .filter(|stem| stem != "helplines")
            // `<stem>.<lang>.json` are one-language cuts of `<stem>.json`, made from
            // it by the build (crates/core/src/languages.rs): walking the whole
            // file covers them.
            .filter(|stem| !stem.contains('.'))
            .collect();
        compiled.sort();
        let mut tested: Vec<String> = super::QUESTIONNAIRES
            .iter()
            .map(|s| s.to_string())
            .collect();
        tested.sort();
        assert_eq!(
            compiled, tested,
            "www/q/ holds other questionnaires than the every-screen tests walk: add a test \
             for each in tests/e2e/tests/browser/screens/mod.rs"
        );
    }
}

/// What a walk needs to know besides the page.
struct Context {
    questionnaire: Questionnaire,
    directory: Directory,
    plan: Plan,
    lang: String,
    ui: UiStrings,
    /// Every message id (of `src/i18n/en.ftl`): none may show as such.
    ids: Vec<String>,
    /// English UI strings that must not show in `lang` (it has its own).
    english: Vec<(String, String)>,
}

impl Context {
    /// A UI string of `lang` (`src/i18n/<lang>.ftl`), or a problem if it has none.
    fn ui(&self, id: &str, problems: &mut Vec<String>) -> Option<String> {
        let found = self.ui.get(id).map(str::to_owned);
        if found.is_none() {
            problems.push(format!(
                "src/i18n/{}.ftl has no simple message `{id}`",
                self.lang
            ));
        }
        found
    }

    /// A questionnaire text in `lang`, or a problem if it has none.
    fn text(
        &self,
        text: &riskscreen_core::Text,
        what: &str,
        problems: &mut Vec<String>,
    ) -> Option<String> {
        match text_in(text, &self.lang, what) {
            Ok(t) => Some(t.to_owned()),
            Err(e) => {
                problems.push(e);
                None
            }
        }
    }
}

/// Walks `id` (`www/q/<id>.json`) once per language it ships, each in its own
/// browser, and fails listing every problem of every language.
fn every_language(id: &str) {
    let www = riskscreen_e2e::www_dir();
    let relative = format!("q/{id}.json");
    let questionnaire = plan::load_questionnaire(&www, &relative);
    let directory: Directory = {
        let path = www.join("q/helplines.json");
        let json = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let plan = plan::plan(&questionnaire, &plan::most_questions);
    let skipped = plan::not_shown(&questionnaire, &plan);
    if !skipped.is_empty() {
        eprintln!(
            "note: {id}: the run that shows the most questions ({}) does not show {skipped:?}",
            plan.steps.len()
        );
    }
    // A questionnaire with danger signs must show its danger block on this run; one
    // without (the platform questionnaire: nothing a moderator checks shows someone in
    // danger now) must show none.
    if questionnaire.indicators.iter().any(|i| i.danger) {
        assert!(
            plan.expected.danger,
            "{id}: no answer on the run that shows the most questions marks a danger sign, so \
             the danger block cannot be checked; answers: {:?}",
            plan.answers
        );
    } else {
        eprintln!("note: {id} has no danger sign: its result must show no danger block");
    }
    let english = UiStrings::load("en").expect("src/i18n/en.ftl");

    let started = Instant::now();
    let mut failed = Vec::new();
    for lang in questionnaire.languages.clone() {
        let ui = UiStrings::load(&lang).unwrap_or_default();
        let untranslated: Vec<(String, String)> = english
            .simple
            .iter()
            .filter(|(key, value)| ui.get(key) != Some(value.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        let context = Context {
            questionnaire: questionnaire.clone(),
            directory: directory.clone(),
            plan: plan.clone(),
            lang: lang.clone(),
            ui,
            ids: english.ids.clone(),
            english: untranslated,
        };
        // The self-check page in this language where there is one (the page around
        // the widget, its helplines included, is then checked in it too), else the
        // default page, and the language picker.
        let page = format!("index.{lang}.html");
        let page = if www.join(&page).is_file() {
            page
        } else {
            "index.html".to_owned()
        };
        let options = PageOptions {
            questionnaire: relative.clone(),
            page,
            ..PageOptions::default()
        };
        let name = format!("screens-{id}-{lang}");
        let lang_started = Instant::now();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            browser_test_within(&name, options, LIMIT, move |b| async move {
                walk(&b, &context).await;
            });
        }));
        eprintln!(
            "{id} [{lang}]: {} after {:.1}s",
            if outcome.is_ok() { "ok" } else { "FAILED" },
            lang_started.elapsed().as_secs_f64()
        );
        if let Err(payload) = outcome {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(a panic without a message)".into());
            failed.push(format!("── {id} [{lang}]:\n{message}"));
        }
    }
    eprintln!(
        "{id}: {} languages, {} questions each, in {:.1}s",
        questionnaire.languages.len(),
        plan.steps.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failed.is_empty(),
        "{id}: {} of {} languages failed:\n{}",
        failed.len(),
        questionnaire.languages.len(),
        failed.join("\n")
    );
}
