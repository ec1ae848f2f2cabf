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

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use riskscreen_core::helplines::Directory;
use riskscreen_core::{Answer, QuestionKind, Questionnaire};
use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::check::{self, text_in, Expect, UiStrings};
use riskscreen_e2e::plan::{self, Plan, Step};
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::json;

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
             for each in tests/e2e/tests/browser/screens.rs"
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

/// One language: picks it, walks every screen, checks each, fails at the end.
async fn walk(b: &Browser, c: &Context) {
    let q = &c.questionnaire;
    let lang = c.lang.as_str();
    let mut problems = Vec::new();
    b.set_width(WIDTH).await;
    b.open_start().await;

    // The picker offers every language the questionnaire ships.
    let offered = b
        .js("return Array.from(document.querySelectorAll('select#rs-lang option'), o => o.value);")
        .await;
    let offered = riskscreen_e2e::browser::strings(&offered);
    let missing: Vec<&String> = q
        .languages
        .iter()
        .filter(|l| !offered.contains(l))
        .collect();
    assert!(
        missing.is_empty(),
        "the language picker (select#rs-lang) does not offer {missing:?}; it offers {offered:?}, \
         the questionnaire ships {:?}",
        q.languages
    );
    if b.attr_of(".rs-widget", "lang").await.as_deref() != Some(lang) {
        b.wait_for("select#rs-lang")
            .await
            .select_by_value(lang)
            .await
            .unwrap_or_else(|e| panic!("cannot choose `{lang}` in select#rs-lang: {e}"));
        b.wait_until(
            &format!("the root to say lang=\"{lang}\""),
            &format!("const w = document.querySelector('.rs-widget'); return !!w && w.getAttribute('lang') === {lang:?};"),
        )
        .await;
    }

    // UI strings compiled out of the bundle fall back to English: say so once.
    if let Some((_, english)) = c.english.iter().find(|(id, _)| id == "start-button") {
        if b.text_of("[data-action=start]").await.as_deref() == Some(english.as_str()) {
            problems.push((
                "00-start".to_owned(),
                format!(
                    "the UI strings of `{lang}` are not in this build: the widget shows its English \
                     chrome though src/i18n/{lang}.ftl exists (build the widget with the Cargo \
                     feature `ui-{lang}` or `ui-all`)"
                ),
            ));
        }
    }

    // Start.
    let mut expects = Vec::new();
    let mut p = Vec::new();
    if let Some(t) = c.text(&q.title, "the title", &mut p) {
        expects.push(Expect::exact(".rs-start .rs-heading", &t, "title"));
    }
    if let Some(t) = c.text(&q.description, "the description", &mut p) {
        expects.push(Expect::exact(".rs-start .rs-lead", &t, "description"));
    }
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=start]",
        "start-button",
    );
    ui_expect(c, &mut expects, &mut p, ".rs-fact-private", "start-private");
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-widget .rs-exit",
        "exit-button",
    );
    screen(b, c, "00-start", expects, p, &mut problems).await;
    press(b, "start").await;

    // Every question.
    let mut sections_seen: Vec<&str> = Vec::new();
    for (n, step) in c.plan.steps.iter().enumerate() {
        b.wait_question(&step.question).await;
        answer(b, step).await;
        let question = q
            .question(&step.question)
            .expect("a planned question exists");
        let qid = &question.id;
        let mut expects = Vec::new();
        let mut p = Vec::new();
        let what = format!("question `{qid}`");
        if let Some(t) = c.text(&question.text, &what, &mut p) {
            expects.push(Expect::exact("h2.rs-question-heading", &t, what.clone()));
        }
        let mut choices: Vec<(String, Option<String>)> = match question.kind {
            QuestionKind::YesNo => vec![
                ("yes".into(), c.ui("answer-yes", &mut p)),
                ("no".into(), c.ui("answer-no", &mut p)),
            ],
            _ => question
                .options
                .iter()
                .map(|o| {
                    let t = c.text(&o.label, &format!("option `{qid}/{}`", o.id), &mut p);
                    (o.id.clone(), t)
                })
                .collect(),
        };
        if question.allow_unsure {
            choices.push(("unsure".into(), c.ui("answer-unsure", &mut p)));
        }
        if question.allow_decline {
            choices.push(("declined".into(), c.ui("answer-declined", &mut p)));
        }
        for (value, text) in &choices {
            if let Some(text) = text {
                expects.push(Expect::exact(
                    format!("label[for=\"rs-{qid}-{value}\"]"),
                    text,
                    format!("option `{qid}/{value}`"),
                ));
            }
        }
        let count = b
            .count(&format!("form.rs-question input[name=\"{qid}\"]"))
            .await;
        if count != choices.len() {
            p.push(format!(
                "question `{qid}` shows {count} inputs, expected {} ({:?})",
                choices.len(),
                choices.iter().map(|(v, _)| v).collect::<Vec<_>>()
            ));
        }
        if let Some(section) = q.section(&question.section) {
            let what = format!("section `{}`", section.id);
            if let Some(t) = c.text(&section.title, &format!("the title of {what}"), &mut p) {
                expects.push(Expect::exact(
                    "p.rs-section",
                    &t,
                    format!("title of {what}"),
                ));
            }
            if !sections_seen.contains(&section.id.as_str()) {
                sections_seen.push(&section.id);
                if let Some(intro) = &section.intro {
                    if let Some(t) = c.text(intro, &format!("the intro of {what}"), &mut p) {
                        expects.push(Expect::exact("p.rs-intro", &t, format!("intro of {what}")));
                    }
                }
            }
        }
        if let Some(why) = &question.why {
            let heading = c.ui("why-heading", &mut p);
            let text = c.text(why, &format!("the “why” of `{qid}`"), &mut p);
            if let (Some(h), Some(t)) = (heading, text) {
                expects.push(Expect::exact(
                    "p.rs-why",
                    &format!("{h} {t}"),
                    format!("“why” of `{qid}`"),
                ));
            }
        }
        let hint = if question.kind == QuestionKind::MultipleChoice {
            "choose-any"
        } else {
            "choose-one"
        };
        ui_expect(
            c,
            &mut expects,
            &mut p,
            &format!("p.rs-hint#rs-hint-{qid}"),
            hint,
        );
        ui_expect(c, &mut expects, &mut p, "[data-action=next]", "next-button");
        ui_expect(c, &mut expects, &mut p, "[data-action=back]", "back-button");
        screen(
            b,
            c,
            &format!("{:02}-question-{qid}", n + 1),
            expects,
            p,
            &mut problems,
        )
        .await;
        press(b, "next").await;
    }

    // Review.
    b.wait_screen("review").await;
    let mut expects = Vec::new();
    let mut p = Vec::new();
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-review-screen .rs-heading",
        "review-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=result]",
        "review-result-button",
    );
    for step in &c.plan.steps {
        let question = q
            .question(&step.question)
            .expect("a planned question exists");
        let item = format!(".rs-review-item[data-question=\"{}\"]", question.id);
        if let Some(t) = c.text(
            &question.text,
            &format!("question `{}`", question.id),
            &mut p,
        ) {
            expects.push(Expect::exact(
                format!("{item} .rs-review-question"),
                &t,
                format!("review of `{}`", question.id),
            ));
        }
        if let Some(t) = answer_text(c, question, &step.answer, &mut p) {
            expects.push(Expect::exact(
                format!("{item} .rs-review-answer"),
                &t,
                format!("answer to `{}`", question.id),
            ));
        }
        if let Some(t) = c.ui("review-change", &mut p) {
            expects.push(Expect::prefix(
                format!("{item} [data-action=edit]"),
                &t,
                format!("change button of `{}`", question.id),
            ));
        }
    }
    let items = b.count(".rs-review-item").await;
    if items != c.plan.steps.len() {
        p.push(format!(
            "the review lists {items} answers, expected {}",
            c.plan.steps.len()
        ));
    }
    screen(b, c, "90-review", expects, p, &mut problems).await;
    press(b, "result").await;

    // Result, with the danger block and the helplines.
    b.wait_screen("result").await;
    let mut expects = Vec::new();
    let mut p = Vec::new();
    let evaluation = &c.plan.expected;
    let danger_blocks = b.count(".rs-danger").await;
    if evaluation.danger {
        if danger_blocks != 1 {
            p.push(
                "the result has no `.rs-danger` block, though the answers mark a danger sign"
                    .into(),
            );
        }
        ui_expect(
            c,
            &mut expects,
            &mut p,
            ".rs-danger-heading",
            "danger-heading",
        );
        ui_expect(
            c,
            &mut expects,
            &mut p,
            ".rs-danger li:first-child .rs-tel-label",
            "danger-emergency",
        );
    } else if danger_blocks != 0 {
        p.push("the result shows a `.rs-danger` block, though no danger sign is present".into());
    }
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-result > h2.rs-heading",
        "result-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-disclaimer",
        "result-disclaimer",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-concerns > h3",
        "concerns-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-helplines > h3",
        "helplines-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "label[for=rs-country]",
        "country-label",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-line-emergency .rs-line-name",
        "emergency-name",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=print]",
        "print-button",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-result-actions [data-action=back]",
        "change-button",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=restart]",
        "restart-button",
    );
    if let Some(band) = q.band(&evaluation.level) {
        let what = format!("band `{}`", evaluation.level);
        if let Some(t) = c.text(&band.label, &format!("the label of {what}"), &mut p) {
            expects.push(Expect::exact(
                ".rs-level-label",
                &t,
                format!("label of {what}"),
            ));
        }
        if let Some(t) = c.text(&band.advice, &format!("the advice of {what}"), &mut p) {
            expects.push(Expect::exact(
                ".rs-level-advice",
                &t,
                format!("advice of {what}"),
            ));
        }
    }
    for id in &evaluation.present {
        let Some(indicator) = q.indicator(id) else {
            continue;
        };
        if q.dimensions.iter().all(|d| d.id != indicator.dimension) {
            continue;
        }
        let what = format!("indicator `{id}`");
        if let Some(t) = c.text(&indicator.label, &format!("the label of {what}"), &mut p) {
            expects.push(Expect::exact(
                format!(".rs-concern[data-indicator=\"{id}\"] > .rs-concern-label"),
                &t,
                format!("label of {what}"),
            ));
        }
    }
    for dimension in &q.dimensions {
        let shown = evaluation
            .present
            .iter()
            .any(|id| q.indicator(id).is_some_and(|i| i.dimension == dimension.id));
        if shown {
            let what = format!("dimension `{}`", dimension.id);
            if let Some(t) = c.text(&dimension.label, &format!("the label of {what}"), &mut p) {
                expects.push(Expect::exact(
                    format!(".rs-theme[data-dimension=\"{}\"] > h4", dimension.id),
                    &t,
                    format!("label of {what}"),
                ));
            }
        }
    }
    // No country chosen: the EU-wide lines, less the emergency numbers shown first.
    let lines: Vec<_> = c
        .directory
        .for_country("EU")
        .into_iter()
        .filter(|h| h.tel != "112")
        .collect();
    for line in &lines {
        let name = match line.name.get(&c.lang) {
            Some(name) => name.to_owned(),
            None => {
                if c.directory.languages.contains(&c.lang) {
                    p.push(format!(
                        "helpline `{}` has no `{}` name, though the directory ships `{}`",
                        line.id, c.lang, c.lang
                    ));
                }
                line.name
                    .get_or(&c.lang, &c.directory.default_language)
                    .to_owned()
            }
        };
        expects.push(Expect::exact(
            format!(".rs-line[data-helpline=\"{}\"] > .rs-line-name", line.id),
            &name,
            format!("helpline `{}`", line.id),
        ));
    }
    if b.count(".rs-helplines a[href^=\"tel:\"]").await == 0 {
        p.push("the helplines list has no tel: link".into());
    }
    screen(b, c, "99-danger-result", expects, p, &mut problems).await;

    b.assert_no_page_errors().await;
    assert!(
        problems.is_empty(),
        "{} problem(s) in `{lang}` at {WIDTH} px:\n  {}",
        problems.len(),
        grouped(&problems).join("\n  ")
    );
}

/// The problems (`(screen, problem)`), each problem once with the screens it was
/// found on, in the order first found.
fn grouped(problems: &[(String, String)]) -> Vec<String> {
    let mut order: Vec<(&str, Vec<&str>)> = Vec::new();
    for (screen, problem) in problems {
        match order.iter_mut().find(|(p, _)| *p == problem.as_str()) {
            Some((_, screens)) => screens.push(screen),
            None => order.push((problem, vec![screen])),
        }
    }
    order
        .into_iter()
        .map(|(problem, screens)| {
            let at = if screens.len() > 4 {
                format!("{}, … ({} screens)", screens[..3].join(", "), screens.len())
            } else {
                screens.join(", ")
            };
            format!("[{at}] {problem}")
        })
        .collect()
}

/// Chooses the answer of `step` by clicking the inputs' labels from a script (one
/// round trip; the mouse itself is tested in `flow`), and checks what is checked.
async fn answer(b: &Browser, step: &Step) {
    let checked = b
        .js_args(
            "const [name, values] = arguments; \
             for (const v of values) { \
               const i = document.querySelector('form.rs-question input[name=\"' + CSS.escape(name) + '\"][value=\"' + CSS.escape(v) + '\"]'); \
               if (!i) return 'no input ' + name + '=' + v; \
               const l = i.id && document.querySelector('label[for=\"' + CSS.escape(i.id) + '\"]'); \
               (l || i).click(); \
             } \
             return Array.from(document.querySelectorAll('input[name=\"' + CSS.escape(name) + '\"]')).filter(i => i.checked).map(i => i.value).sort();",
            vec![json!(step.question), json!(step.values())],
        )
        .await;
    let mut wanted = step.values();
    wanted.sort();
    assert_eq!(
        checked,
        json!(wanted),
        "answering `{}` with {wanted:?} by clicking the labels",
        step.question
    );
}

/// Clicks `[data-action=name]` in the widget from a script.
async fn press(b: &Browser, action: &str) {
    let css = format!(".rs-widget [data-action=\"{action}\"]");
    b.wait_for(&css).await;
    b.js_args(
        "document.querySelector(arguments[0]).click();",
        vec![json!(css)],
    )
    .await;
}

/// Expects every match of `css` to read the UI string `id` of the language.
fn ui_expect(c: &Context, expects: &mut Vec<Expect>, p: &mut Vec<String>, css: &str, id: &str) {
    if let Some(t) = c.ui(id, p) {
        expects.push(Expect::exact(css, &t, format!("UI string `{id}`")));
    }
}

/// An answer in words, as the review shows it.
fn answer_text(
    c: &Context,
    question: &riskscreen_core::Question,
    answer: &Answer,
    p: &mut Vec<String>,
) -> Option<String> {
    let option = |id: &str, p: &mut Vec<String>| {
        question
            .option(id)
            .and_then(|o| c.text(&o.label, &format!("option `{}/{}`", question.id, o.id), p))
    };
    match answer {
        Answer::Yes => c.ui("answer-yes", p),
        Answer::No => c.ui("answer-no", p),
        Answer::Unsure => c.ui("answer-unsure", p),
        Answer::Declined => c.ui("answer-declined", p),
        Answer::Choice(id) => option(id, p),
        Answer::Choices(set) => {
            let labels: Option<Vec<String>> = question
                .options
                .iter()
                .filter(|o| set.contains(&o.id))
                .map(|o| option(&o.id, p))
                .collect();
            labels.map(|l| l.join(", "))
        }
    }
}

/// The checks every screen gets; adds each problem, prefixed with the screen's
/// name, to `problems`.
async fn screen(
    b: &Browser,
    c: &Context,
    name: &str,
    expects: Vec<Expect>,
    mut found: Vec<String>,
    problems: &mut Vec<(String, String)>,
) {
    let report = check::screen_report(b, &c.ids, &c.english, &expects).await;
    if report.lang.as_deref() != Some(c.lang.as_str()) {
        found.push(format!(
            "the root .rs-widget has lang={:?}, expected {:?}",
            report.lang, c.lang
        ));
    }
    if let Some(overflow) = report.overflow {
        found.push(format!("horizontal overflow at {WIDTH} px: {overflow}"));
        check::picture_overflow(
            b,
            &format!("{WIDTH}-{}-{}-{name}", c.questionnaire.id, c.lang),
        )
        .await;
    }
    found.extend(report.problems);
    problems.extend(found.into_iter().map(|f| (name.to_owned(), f)));
}
