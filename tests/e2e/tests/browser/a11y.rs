//! axe-core (WCAG 2.2 A/AA and best practices) finds no violation on any screen:
//! start, each kind of question screen, a question with its error shown, review,
//! result with and without danger, the fallback panel, and the NGO intake's first
//! screens. Each test lists every violation of every screen it visited.

use riskscreen_e2e::axe::axe_violations;
use riskscreen_e2e::plan::{self, Chooser};
use riskscreen_e2e::{browser_test, Browser, PageOptions};

use crate::plan_for;

fn assert_none(violations: &[String]) {
    assert!(
        violations.is_empty(),
        "axe-core found {} violation(s):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// Runs a plan by mouse, checking the start screen, the first question of each
/// kind (and at most `max_questions` question screens), review and result.
async fn audit_run(b: &Browser, choose: &Chooser<'_>, result_name: &str) -> Vec<String> {
    let plan = plan_for(b, choose);
    let firsts: Vec<String> = plan::first_of_each_kind(&plan)
        .into_iter()
        .map(|s| s.question.clone())
        .collect();
    let mut found = Vec::new();
    b.open_start().await;
    found.extend(axe_violations(b, "start").await);
    b.action("start").await;
    for (n, step) in plan.steps.iter().enumerate() {
        b.wait_question(&step.question).await;
        if n == 0 {
            // The error state: Next without an answer.
            let before = b.live_text().await;
            b.action("next").await;
            b.wait_live_change(&before).await;
            found
                .extend(axe_violations(b, &format!("question {} with error", step.question)).await);
        } else if firsts.contains(&step.question) {
            found.extend(
                axe_violations(b, &format!("question {} ({:?})", step.question, step.kind)).await,
            );
        }
        b.answer_by_click(step).await;
        if firsts.contains(&step.question) {
            found.extend(axe_violations(b, &format!("question {} answered", step.question)).await);
        }
        b.action("next").await;
    }
    let screen = b
        .wait_until(
            "the review or result screen",
            "const s = document.querySelector('.rs-widget').getAttribute('data-screen'); \
             return (s === 'review' || s === 'result') ? s : null;",
        )
        .await;
    if screen == "review" {
        found.extend(axe_violations(b, "review").await);
        b.action("result").await;
        b.wait_screen("result").await;
    }
    found.extend(axe_violations(b, result_name).await);
    found
}

#[test]
fn axe_self_check_every_screen() {
    browser_test(
        "axe_self_check",
        PageOptions::self_check(),
        |b| async move {
            let found = audit_run(&b, &plan::concern_with_unsure, "result (concerns)").await;
            assert_none(&found);
        },
    );
}

#[test]
fn axe_self_check_result_with_danger() {
    browser_test("axe_danger", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::danger);
        assert!(plan.expected.danger);
        b.open_start().await;
        b.run_by_clicks(&plan).await;
        assert!(b.count(".rs-danger").await == 1, "danger result expected");
        assert_none(&axe_violations(&b, "result (danger)").await);
    });
}

#[test]
fn axe_self_check_calm_result_and_ukrainian() {
    browser_test("axe_calm_uk", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::calm);
        b.open_start().await;
        let select = b.wait_for("select#rs-lang").await;
        select.select_by_value("uk").await.expect("choosing uk");
        b.wait_until(
            "lang=uk",
            "return document.querySelector('.rs-widget').getAttribute('lang') === 'uk';",
        )
        .await;
        let mut found = axe_violations(&b, "start (uk)").await;
        b.run_by_clicks(&plan).await;
        found.extend(axe_violations(&b, "result (calm, uk)").await);
        assert_none(&found);
    });
}

#[test]
fn axe_fallback() {
    browser_test("axe_fallback", PageOptions::panicking(), |b| async move {
        b.open_fallback().await;
        assert_none(&axe_violations(&b, "fallback").await);
    });
}

#[test]
fn axe_ngo_intake_first_screens() {
    browser_test(
        "axe_ngo_intake",
        PageOptions::ngo_intake(),
        |b| async move {
            let plan = plan_for(&b, &plan::concern);
            let mut found = Vec::new();
            b.open_start().await;
            found.extend(axe_violations(&b, "ngo-intake start").await);
            b.screenshot("ngo-intake-start").await;
            b.action("start").await;
            for step in plan.steps.iter().take(3) {
                b.wait_question(&step.question).await;
                found.extend(
                    axe_violations(&b, &format!("ngo-intake question {}", step.question)).await,
                );
                b.answer_by_click(step).await;
                b.action("next").await;
            }
            b.wait_question(&plan.steps[3].question).await;
            b.screenshot("ngo-intake-question-4").await;
            assert_none(&found);
        },
    );
}
