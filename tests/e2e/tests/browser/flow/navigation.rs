//! Moving within a run: Next without an answer stays and announces the error,
//! an answer edited from the review returns to it, and restart forgets every
//! answer.

use fantoccini::Locator;
use riskscreen_core::{Answer, QuestionKind};
use riskscreen_e2e::plan::{self, Plan, Step};
use riskscreen_e2e::{browser_test, PageOptions};

use super::assert_result;
use crate::{plan_for, questionnaire};

#[test]
fn next_without_answer_announces_error_and_stays() {
    browser_test(
        "next_without_answer",
        PageOptions::self_check(),
        |b| async move {
            let plan = plan_for(&b, &plan::concern);
            b.open_start().await;
            assert!(
                b.count(".rs-live[role=\"status\"]").await == 1,
                "the live region must exist from the first render"
            );
            b.action("start").await;
            let first = &plan.steps[0].question;
            b.wait_question(first).await;
            let next = b
                .client
                .find(Locator::Css(".rs-widget [data-action=\"next\"]"))
                .await
                .expect("a Next button");
            assert_eq!(
                next.attr("disabled").await.ok().flatten(),
                None,
                "Next must not be disabled (it announces an error instead)"
            );
            let before = b.live_text().await;
            next.click().await.expect("clicking Next");
            let announced = b.wait_live_change(&before).await;
            assert_eq!(
                b.question_id().await.as_deref(),
                Some(first.as_str()),
                "Next without an answer must stay on the question (announced: {announced:?})"
            );
            b.screenshot("question-error").await;
            b.assert_no_page_errors().await;
        },
    );
}

#[test]
fn review_edit_changes_an_answer_and_returns_to_review() {
    browser_test("review_edit", PageOptions::self_check(), |b| async move {
        let q = questionnaire(&b);
        let plan = plan_for(&b, &plan::concern);
        // A yes/no question whose flipped answer shows or hides no other question.
        let visible = riskscreen_core::visible_questions(&q, &plan.answers);
        let (step, flipped) = plan
            .steps
            .iter()
            .rev()
            .filter(|s| s.kind == QuestionKind::YesNo)
            .filter_map(|s| {
                let flipped = match s.answer {
                    Answer::Yes => Answer::No,
                    Answer::No => Answer::Yes,
                    _ => return None,
                };
                let mut answers = plan.answers.clone();
                answers.insert(s.question.clone(), flipped.clone());
                (riskscreen_core::visible_questions(&q, &answers) == visible)
                    .then_some((s.clone(), flipped))
            })
            .next()
            .expect("a yes/no question that can be flipped");

        b.open_start().await;
        b.action("start").await;
        for s in &plan.steps {
            b.answer_and_next(s).await;
        }
        b.wait_screen("review").await;
        assert!(
            b.count(".rs-review").await == 1,
            "the review shows `.rs-review`"
        );
        b.click(&format!(
            ".rs-review [data-action=\"edit\"][data-question=\"{}\"]",
            step.question
        ))
        .await;
        b.wait_question(&step.question).await;
        assert_eq!(
            b.checked_values(&step.question).await,
            step.values(),
            "editing `{}` must show its current answer",
            step.question
        );
        let changed = Step {
            answer: flipped.clone(),
            ..step.clone()
        };
        b.answer_by_click(&changed).await;
        b.action("next").await;
        b.wait_screen("review").await;
        b.action("result").await;
        b.wait_screen("result").await;

        let mut answers = plan.answers.clone();
        answers.insert(step.question.clone(), flipped);
        let expected = riskscreen_core::score(&q, &answers);
        let edited = Plan {
            steps: plan.steps.clone(),
            answers,
            expected,
        };
        assert_result(&b, &edited).await;
        b.assert_no_page_errors().await;
    });
}

#[test]
fn restart_forgets_every_answer() {
    browser_test("restart", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::concern);
        b.open_start().await;
        b.run_by_clicks(&plan).await;
        b.action("restart").await;
        b.wait_screen("start").await;
        b.action("start").await;
        let first = &plan.steps[0].question;
        b.wait_question(first).await;
        assert_eq!(
            b.checked_values(first).await,
            Vec::<String>::new(),
            "after Restart the first question must be unanswered"
        );
        assert_eq!(
            b.count("input:checked").await,
            0,
            "after Restart nothing is checked"
        );
    });
}
