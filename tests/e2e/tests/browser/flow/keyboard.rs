//! A run with the keyboard only: each answer by Tab, arrows and Space, focus on
//! each new screen's heading, and the focused element never hidden (WCAG 2.4.11).

use fantoccini::key::Key;
use riskscreen_core::QuestionKind;
use riskscreen_e2e::browser::key;
use riskscreen_e2e::plan::{self, Step};
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::json;

use super::assert_result;
use crate::plan_for;

/// Waits until focus is on the new screen's heading (a question heading on question screens).
async fn assert_focus_on_heading(b: &Browser, what: &str, question: bool) {
    let condition = if question {
        "e.matches('h2.rs-question-heading')"
    } else {
        "/^H[1-6]$/.test(e.tagName) && !!e.closest('.rs-widget')"
    };
    let script = format!(
        "const e = document.activeElement; return !!e && {condition} && e.getAttribute('tabindex') === '-1';"
    );
    let started = std::time::Instant::now();
    loop {
        if b.js(&script).await == json!(true) {
            return;
        }
        if started.elapsed() > std::time::Duration::from_secs(2) {
            panic!(
                "after {what}, focus should be on the {} heading (tabindex=-1), but it is on {}",
                if question { "question's" } else { "screen's" },
                b.focus().await
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// Notes (in `found`) when the focused element cannot be seen (WCAG 2.4.11).
async fn note_obscured(b: &Browser, found: &mut Vec<String>) {
    if let Some(problem) = b.focus_obscured().await {
        let screen = b.screen().await.unwrap_or_default();
        let question = b.question_id().await.unwrap_or_default();
        found.push(format!("{screen} {question}: {problem}"));
    }
}

/// Chooses `step`'s answer with the keyboard only: Tab into the group, arrows or
/// Space for radios, Space and Tab for checkboxes.
async fn answer_by_keys(b: &Browser, step: &Step, obscured: &mut Vec<String>) {
    let name = serde_json::to_string(&step.question).expect("id as JSON");
    let in_group = format!("e.getAttribute('name') === {name}");
    b.tab_to(
        &format!("the inputs of `{}`", step.question),
        &in_group,
        false,
        10,
    )
    .await;
    let wanted = step.values();
    match step.kind {
        QuestionKind::YesNo | QuestionKind::SingleChoice => {
            let target = &wanted[0];
            let count = b.count(&format!("input[name={name}]")).await;
            let mut reached = false;
            for _ in 0..=count {
                let focus = b.focus().await;
                if focus["value"] == json!(target) {
                    b.press(Key::Space).await;
                    reached = true;
                    break;
                }
                b.press(Key::Down).await;
                note_obscured(b, obscured).await;
            }
            assert!(
                reached,
                "arrow keys did not reach `{target}` on `{}`",
                step.question
            );
        }
        QuestionKind::MultipleChoice => {
            let count = b.count(&format!("input[name={name}]")).await;
            for _ in 0..count {
                let focus = b.focus().await;
                if focus["name"] != json!(step.question) {
                    break;
                }
                let value = focus["value"].as_str().unwrap_or_default().to_owned();
                let checked = b.checked_values(&step.question).await.contains(&value);
                if wanted.contains(&value) != checked {
                    b.press(Key::Space).await;
                }
                b.press(Key::Tab).await;
                note_obscured(b, obscured).await;
            }
        }
    }
    let mut got = b.checked_values(&step.question).await;
    got.sort();
    let mut want = wanted.clone();
    want.sort();
    assert_eq!(
        got, want,
        "keyboard selection on `{}` checked the wrong inputs",
        step.question
    );
}

#[test]
fn keyboard_only_run_moves_focus_to_each_heading() {
    browser_test("keyboard_run", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::concern);
        let mut obscured = Vec::new();
        b.open_start().await;
        b.tab_to(
            "the Start button",
            "e.matches('[data-action=\"start\"]')",
            false,
            30,
        )
        .await;
        note_obscured(&b, &mut obscured).await;
        b.press(Key::Enter).await;
        for (n, step) in plan.steps.iter().enumerate() {
            b.wait_question(&step.question).await;
            assert_focus_on_heading(&b, &format!("moving to question {}", n + 1), true).await;
            answer_by_keys(&b, step, &mut obscured).await;
            match step.kind {
                // Enter in a radio submits the form (= Next).
                QuestionKind::YesNo | QuestionKind::SingleChoice => b.press(Key::Enter).await,
                // From the checkboxes: Tab on to Next, press Space.
                QuestionKind::MultipleChoice => {
                    b.tab_to(
                        "the Next button",
                        "e.matches('[data-action=\"next\"]')",
                        false,
                        10,
                    )
                    .await;
                    note_obscured(&b, &mut obscured).await;
                    b.press(Key::Space).await;
                }
            }
        }
        let screen = b
            .wait_until(
                "the review or result screen",
                "const s = document.querySelector('.rs-widget').getAttribute('data-screen'); \
                 return (s === 'review' || s === 'result') ? s : null;",
            )
            .await;
        if screen == json!("review") {
            assert_focus_on_heading(&b, "moving to the review", false).await;
            b.tab_to(
                "the See-result button",
                "e.matches('[data-action=\"result\"]')",
                false,
                60,
            )
            .await;
            note_obscured(&b, &mut obscured).await;
            b.press(Key::Enter).await;
            b.wait_screen("result").await;
        }
        assert_focus_on_heading(&b, "moving to the result", false).await;
        assert_result(&b, &plan).await;

        // Shift+Tab goes back from the heading into the page.
        b.chord(&[key(Key::Shift), key(Key::Tab)]).await;
        let focus = b.focus().await;
        assert!(
            focus["tag"] != json!("body"),
            "Shift+Tab from the result heading left focus nowhere: {focus}"
        );
        note_obscured(&b, &mut obscured).await;
        b.assert_no_page_errors().await;
        assert!(
            obscured.is_empty(),
            "focused elements hidden from view (WCAG 2.4.11 Focus Not Obscured):\n{}",
            obscured.join("\n")
        );
    });
}
