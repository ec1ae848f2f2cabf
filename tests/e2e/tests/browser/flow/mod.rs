//! Runs through the self-check by mouse and by keyboard, a language switch in the
//! middle of a run, and the error announced by Next without an answer.
//!
//! | module | what it runs |
//! |--------|--------------|
//! | [`mouse`] | mouse runs to the result: concerns, danger, "not sure" everywhere (never "safe"), the intake's child route |
//! | [`keyboard`] | a keyboard-only run: focus on each new heading, the focused element never hidden |
//! | [`navigation`] | Next without an answer announces the error, editing from the review, restart forgets everything |
//! | [`language`] | a language switch mid-run keeps the answers; one language on the wire, the other fetched on the switch |
//!
//! Every test here is picked by the `flow::` filter of `cargo xtask test`
//! (`OTHER_ENGINE_FILTERS` in `xtask/src/test.rs`), which runs them in Firefox
//! and WebKit too; `ENGINE_GAPS` there names one by its full path
//! (`flow::language::…`). This module holds the check of the result screen
//! that several of them end with.

mod keyboard;
mod language;
mod mouse;
mod navigation;

use riskscreen_e2e::plan::Plan;
use riskscreen_e2e::Browser;
use serde_json::json;

use crate::questionnaire;

/// Checks the result screen against the plan's expected evaluation.
pub async fn assert_result(b: &Browser, plan: &Plan) {
    let expected = &plan.expected;
    let level = b
        .attr_of(".rs-widget .rs-level[data-level]", "data-level")
        .await;
    assert_eq!(
        level.as_deref(),
        Some(expected.level.as_str()),
        "`.rs-level[data-level]` for answers {:?}",
        plan.answers
    );

    let danger = b.count(".rs-danger").await;
    if expected.danger {
        assert_eq!(danger, 1, "danger answers must show one `.rs-danger`");
        assert!(
            b.count(".rs-danger a[href=\"tel:112\"]").await >= 1,
            "`.rs-danger` must contain a[href=\"tel:112\"]"
        );
        let danger_first = b
            .js("const d = document.querySelector('.rs-danger'), l = document.querySelector('.rs-level'); \
                 return !!(d.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING);")
            .await;
        assert_eq!(
            danger_first,
            json!(true),
            "`.rs-danger` must come before `.rs-level`"
        );
    } else {
        assert_eq!(danger, 0, "no danger answer, yet `.rs-danger` is shown");
    }

    if !expected.present.is_empty() {
        let concerns = b.text_of(".rs-concerns").await.unwrap_or_else(|| {
            panic!(
                "indicators {:?} are present but there is no `.rs-concerns`",
                expected.present
            )
        });
        let q = questionnaire(b);
        let lang = b
            .attr_of(".rs-widget", "lang")
            .await
            .unwrap_or_else(|| "en".into());
        let missing: Vec<&str> = expected
            .present
            .iter()
            .filter(|id| !id.starts_with("immediate"))
            .filter_map(|id| q.indicator(id))
            .map(|i| i.label.get_or(&lang, &q.default_language))
            .filter(|label| !concerns.contains(label))
            .collect();
        assert!(
            missing.is_empty(),
            "`.rs-concerns` lacks the labels {missing:?}; it reads: {concerns}"
        );
    }
    if !expected.unsure.is_empty() {
        assert!(
            b.count(".rs-unsure").await == 1,
            "questions {:?} were answered \"not sure\" but there is no `.rs-unsure`",
            expected.unsure
        );
    }
    let tel = b.hrefs(".rs-helplines a[href^=\"tel:\"]").await;
    assert!(
        !tel.is_empty(),
        "the result must list helplines with tel: links (`.rs-helplines a[href^=\"tel:\"]`)"
    );
}
