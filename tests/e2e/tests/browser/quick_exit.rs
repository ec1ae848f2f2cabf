//! Quick exit, by the button and by Shift pressed three times: the page goes to
//! the configured exit URL without adding a history entry, and going back shows
//! no answer.

use std::time::Duration;

use fantoccini::key::Key;
use riskscreen_e2e::browser::{key, PAGE_PATH};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::plan::{self, Plan};
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::json;

use crate::{plan_for, questionnaire};

/// Opens the page, starts, answers the first two questions and stays on the third.
async fn answer_two(b: &Browser) -> Plan {
    let plan = plan_for(b, &plan::concern);
    b.open_start().await;
    b.action("start").await;
    b.answer_and_next(&plan.steps[0]).await;
    b.answer_and_next(&plan.steps[1]).await;
    b.wait_question(&plan.steps[2].question).await;
    plan
}

async fn history_length(b: &Browser) -> u64 {
    b.js("return history.length;")
        .await
        .as_u64()
        .expect("history.length")
}

async fn pathname(b: &Browser) -> Option<String> {
    // During navigation a script may fail: that reads as "unknown".
    b.client
        .execute("return location.pathname;", Vec::new())
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// Waits for the neutral page, checks history did not grow, goes back and checks
/// that no answer (nor any question text) is on screen.
async fn assert_exited(b: &Browser, plan: &Plan, history_before: u64) {
    b.wait_until(
        &format!("navigation to the exit URL {NEUTRAL_PATH}"),
        &format!(
            "return location.pathname === {NEUTRAL_PATH:?} && document.readyState === 'complete';"
        ),
    )
    .await;
    let after = history_length(b).await;
    assert_eq!(
        after, history_before,
        "quick exit must replace the history entry (location.replace), not add one"
    );

    b.client.back().await.expect("going back");
    tokio::time::sleep(Duration::from_millis(400)).await;
    let path = pathname(b).await;
    if path.as_deref() == Some(PAGE_PATH) {
        // Back on the widget's page (e.g. restored from the back-forward cache):
        // it must not show the run.
        let q = questionnaire(b);
        let state = b
            .js("const w = document.querySelector('.rs-widget'); \
                 return { screen: w ? w.getAttribute('data-screen') : null, \
                   checked: document.querySelectorAll('input:checked').length, \
                   text: document.body.innerText };")
            .await;
        assert!(
            state["screen"] != json!("question") && state["checked"] == json!(0),
            "going back after quick exit shows the run again: {state}"
        );
        let text = state["text"].as_str().unwrap_or_default();
        for step in &plan.steps[..2] {
            let question = q.question(&step.question).expect("question");
            let en = question.text.get("en").unwrap_or_default();
            assert!(
                !text.contains(en),
                "going back after quick exit shows the answered question {en:?}"
            );
        }
    }
}

#[test]
fn quick_exit_button_replaces_page_and_wipes_answers() {
    browser_test(
        "quick_exit_button",
        PageOptions::self_check(),
        |b| async move {
            let plan = answer_two(&b).await;
            assert!(
                b.count(".rs-widget .rs-exit").await >= 1,
                "a quick exit (.rs-exit) must be on every screen"
            );
            // A plain link that works before any script runs, to the exit URL,
            // with no referrer, announced as the button it acts as.
            assert_eq!(
                b.js("const e = document.querySelector('.rs-exit'); \
                      return [e.tagName, e.getAttribute('href'), e.getAttribute('rel'), e.getAttribute('role')];")
                    .await,
                json!(["A", NEUTRAL_PATH, "noreferrer", "button"]),
                "`.rs-exit` must be a[href=exit URL][rel=noreferrer][role=button]"
            );
            let before = history_length(&b).await;
            b.click(".rs-exit").await;
            assert_exited(&b, &plan, before).await;
        },
    );
}

#[test]
fn quick_exit_by_three_shift_presses() {
    browser_test(
        "quick_exit_shift",
        PageOptions::self_check(),
        |b| async move {
            let plan = answer_two(&b).await;
            let before = history_length(&b).await;

            // Shift together with another modifier does not count (GOV.UK's rule):
            // the other modifier is held before Shift goes down.
            for modifier in [Key::Alt, Key::Control, Key::Alt] {
                b.chord(&[key(modifier), key(Key::Shift)]).await;
            }
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_eq!(
                pathname(&b).await.as_deref(),
                Some(PAGE_PATH),
                "Shift pressed with Alt or Control must not trigger quick exit"
            );
            assert_eq!(
                b.question_id().await.as_deref(),
                Some(plan.steps[2].question.as_str()),
                "Shift with another modifier changed the screen"
            );

            // Two presses are not enough.
            b.press(Key::Shift).await;
            tokio::time::sleep(Duration::from_millis(150)).await;
            b.press(Key::Shift).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_eq!(
                pathname(&b).await.as_deref(),
                Some(PAGE_PATH),
                "two Shift presses must not trigger quick exit"
            );

            // The third, within 5 s of the others, exits.
            b.press(Key::Shift).await;
            assert_exited(&b, &plan, before).await;
        },
    );
}

#[test]
fn quick_exit_button_on_start_screen() {
    browser_test(
        "quick_exit_start",
        PageOptions::self_check(),
        |b| async move {
            let plan = plan_for(&b, &plan::concern);
            b.open_start().await;
            let before = history_length(&b).await;
            b.click(".rs-widget .rs-exit").await;
            assert_exited(&b, &plan, before).await;
        },
    );
}
