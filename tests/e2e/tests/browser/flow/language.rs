//! The language of a run: a switch mid-run keeps the answers; the first visit
//! fetches one language's files and the switch fetches the other's (issue #11
//! item 3).

use riskscreen_e2e::check::UiStrings;
use riskscreen_e2e::engine::{note, Engine};
use riskscreen_e2e::plan::{self};
use riskscreen_e2e::{browser_test, Browser, PageOptions};

use crate::{plan_for, questionnaire};

#[test]
fn language_switch_mid_run_keeps_answers() {
    browser_test(
        "language_switch",
        PageOptions::self_check(),
        |b| async move {
            let q = questionnaire(&b);
            assert!(
                q.languages.iter().any(|l| l == "uk"),
                "the self-check must offer uk; it has {:?}",
                q.languages
            );
            let plan = plan_for(&b, &plan::concern);
            assert!(plan.steps.len() >= 3, "the plan needs three questions");
            b.open_start().await;
            assert_eq!(b.attr_of(".rs-widget", "lang").await.as_deref(), Some("en"));
            b.action("start").await;
            b.answer_and_next(&plan.steps[0]).await;
            b.answer_and_next(&plan.steps[1]).await;
            b.wait_question(&plan.steps[2].question).await;

            let select = b.wait_for("select#rs-lang").await;
            select
                .select_by_value("uk")
                .await
                .unwrap_or_else(|e| panic!("cannot choose uk in #rs-lang: {e}"));
            b.wait_until(
            "the root to say lang=\"uk\"",
            "const w = document.querySelector('.rs-widget'); return !!w && w.getAttribute('lang') === 'uk';",
        )
        .await;
            assert_eq!(
                b.attr_of(".rs-widget", "dir").await.as_deref(),
                Some("ltr"),
                "Ukrainian is written left to right"
            );
            // Still on the same question, now in Ukrainian.
            b.wait_question(&plan.steps[2].question).await;

            for step in [&plan.steps[1], &plan.steps[0]] {
                b.action("back").await;
                b.wait_question(&step.question).await;
                let question = q.question(&step.question).expect("question in the plan");
                let uk = question.text.get("uk").expect("uk text");
                let heading = b
                    .text_of("h2.rs-question-heading")
                    .await
                    .unwrap_or_default();
                assert!(
                    heading.contains(uk),
                    "question `{}` heading should be the Ukrainian text {uk:?}, got {heading:?}",
                    step.question
                );
                let mut got = b.checked_values(&step.question).await;
                got.sort();
                let mut want = step.values();
                want.sort();
                assert_eq!(
                    got, want,
                    "the answer to `{}` was lost by switching language",
                    step.question
                );
                assert_eq!(b.attr_of(".rs-widget", "lang").await.as_deref(), Some("uk"));
            }
            // The buttons and labels speak Ukrainian too (some Cyrillic in the UI text).
            let next = b
                .text_of(".rs-widget [data-action=\"next\"]")
                .await
                .unwrap_or_default();
            assert!(
                next.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "the Next button should be in Ukrainian, reads {next:?}"
            );
            // On to the result: the helpline directory, loaded with English
            // names only, names the countries in Ukrainian too.
            b.action("next").await;
            b.wait_question(&plan.steps[1].question).await;
            b.action("next").await;
            for step in &plan.steps[2..] {
                b.answer_and_next(step).await;
            }
            b.finish().await;
            let directory: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(b.www.join("q/helplines.json")).expect("q/helplines.json"),
            )
            .expect("the directory is JSON");
            let polish = directory["country"]
                .as_array()
                .and_then(|c| c.iter().find(|c| c["code"] == "PL"))
                .and_then(|c| c["name"]["uk"].as_str())
                .expect("Poland's name in Ukrainian");
            let shown = b
                .text_of("select#rs-country option[value=\"PL\"]")
                .await
                .unwrap_or_default();
            assert_eq!(shown.trim(), polish, "the country list after the switch");
            b.assert_no_page_errors().await;
        },
    );
}

/// The language files (`/q/…`, `/ui/…`) the page fetched, by Resource Timing,
/// as paths, with whether each came from the page's own origin, sorted (files
/// asked for together may start in either order).
async fn questionnaire_fetches(b: &Browser) -> Vec<(String, bool)> {
    let entries = b
        .js("return performance.getEntriesByType('resource')\
             .map(e => new URL(e.name))\
             .filter(u => u.pathname.startsWith('/q/') || u.pathname.startsWith('/ui/'))\
             .map(u => [u.pathname, u.origin === location.origin]);")
        .await;
    let mut fetches: Vec<(String, bool)> =
        serde_json::from_value(entries).expect("[path, same origin] pairs");
    if Engine::current() == Engine::Webkit {
        // WebKitGTK downloads an `as=fetch` preload again when boot.js asks for
        // it (README "Known limits"): a preloaded file shows twice, never three
        // times; once it counts once.
        let all = fetches.clone();
        fetches.sort();
        fetches.dedup();
        if fetches.len() < all.len() {
            note("a preloaded file was downloaded twice (preload, then boot.js's fetch)");
        }
        for f in &fetches {
            let n = all.iter().filter(|g| *g == f).count();
            assert!(n <= 2, "{f:?} fetched {n} times: {all:?}");
        }
    }
    fetches.sort();
    fetches
}

/// One language on the wire (issue #11 item 3): the first visit of the
/// (English) page fetches the English questionnaire file only (and no UI strings
/// file: the wasm carries English); switching to Ukrainian mid-run fetches the
/// Ukrainian questionnaire and UI strings files from the page's own origin,
/// shows the buttons in Ukrainian, keeps the answers, and switching back
/// fetches nothing.
#[test]
fn first_visit_fetches_one_language_and_switching_fetches_the_other() {
    browser_test(
        "one_language_on_the_wire",
        PageOptions::self_check(),
        |b| async move {
            let plan = plan_for(&b, &plan::concern);
            b.open_start().await;
            assert_eq!(b.attr_of(".rs-widget", "lang").await.as_deref(), Some("en"));
            assert_eq!(
                questionnaire_fetches(&b).await,
                [
                    ("/q/helplines.en.json".to_owned(), true),
                    ("/q/self-check.en.json".to_owned(), true),
                ],
                "the first visit fetches the page's language's questionnaire and helplines only"
            );
            // Every language is offered, though only one is loaded.
            assert_eq!(b.count("select#rs-lang option").await, 9);

            b.action("start").await;
            b.answer_and_next(&plan.steps[0]).await;
            b.wait_question(&plan.steps[1].question).await;
            b.wait_for("select#rs-lang")
                .await
                .select_by_value("uk")
                .await
                .unwrap_or_else(|e| panic!("cannot choose uk in #rs-lang: {e}"));
            b.wait_until(
                "the root to say lang=\"uk\"",
                "const w = document.querySelector('.rs-widget'); return !!w && w.getAttribute('lang') === 'uk';",
            )
            .await;
            b.wait_question(&plan.steps[1].question).await;
            assert_eq!(
                questionnaire_fetches(&b).await,
                [
                    ("/q/helplines.en.json".to_owned(), true),
                    ("/q/helplines.uk.json".to_owned(), true),
                    ("/q/self-check.en.json".to_owned(), true),
                    ("/q/self-check.uk.json".to_owned(), true),
                    ("/ui/uk.json".to_owned(), true),
                ],
                "switching fetches the other language's files, from the page's origin"
            );
            let next = UiStrings::load("uk")
                .and_then(|ui| ui.get("next-button").map(str::to_owned))
                .expect("next-button in uk.ftl");
            assert_eq!(
                b.text_of("[data-action=\"next\"]")
                    .await
                    .as_deref()
                    .map(str::trim),
                Some(next.as_str()),
                "the widget's own buttons are in Ukrainian too"
            );
            let ukrainian = b
                .text_of("h2.rs-question-heading")
                .await
                .unwrap_or_default();
            let q = questionnaire(&b);
            let want = q
                .question(&plan.steps[1].question)
                .and_then(|question| question.text.get("uk"))
                .expect("uk text");
            assert!(ukrainian.contains(want), "{ukrainian:?} is not {want:?}");

            // The answer given in English is still there.
            b.action("back").await;
            b.wait_question(&plan.steps[0].question).await;
            let mut got = b.checked_values(&plan.steps[0].question).await;
            got.sort();
            let mut want = plan.steps[0].values();
            want.sort();
            assert_eq!(got, want, "the answer was lost by switching language");

            // Back to English: already loaded, nothing fetched.
            b.wait_for("select#rs-lang")
                .await
                .select_by_value("en")
                .await
                .unwrap_or_else(|e| panic!("cannot choose en in #rs-lang: {e}"));
            b.wait_until(
                "the root to say lang=\"en\"",
                "const w = document.querySelector('.rs-widget'); return !!w && w.getAttribute('lang') === 'en';",
            )
            .await;
            assert_eq!(questionnaire_fetches(&b).await.len(), 5);
            b.assert_no_page_errors().await;
        },
    );
}
