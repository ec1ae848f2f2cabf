//! The screens before the result: the start screen, each kind of question and
//! its error, plural forms and right-to-left languages, and the review.

use riskscreen::config::Options;
use riskscreen::state::Action;
use riskscreen_core::Answer;

use crate::common::{self, answer, initial, options, run, setup, setup_with, toggle};
use crate::support::{common_contract, has, lacks, render, tag, tag_with};

#[tokio::test]
async fn start_screen() {
    let setup = setup("demo");
    let html = render(&setup, initial(&setup)).await;
    common_contract(&html, "start", "en");
    has(&html, "Check an offer");
    has(&html, "Nothing you answer leaves this device");
    has(&html, "It takes about 3 minutes.");
    has(&html, "data-action=\"start\"");
    has(&html, "<label for=\"rs-lang\">Language</label>");
    has(&html, "<select id=\"rs-lang\"");
    has(&html, "Українська");
    tag_with(&html, &["<h2", "class=\"rs-heading\"", "tabindex=\"-1\""]);
    // The live region exists, empty, from the first render.
    has(&html, "class=\"rs-live rs-vh\"></div>");
}

#[tokio::test]
async fn question_screen_multiple_choice() {
    let setup = setup("demo");
    let state = run(
        initial(&setup),
        [Action::Start, toggle("offer_kind", "job", true)],
    );
    let html = render(&setup, state).await;
    common_contract(&html, "question", "en");
    let form = tag(&html, "<form");
    assert!(form.contains("class=\"rs-screen rs-question\""), "{form}");
    assert!(form.contains("data-question=\"offer_kind\""), "{form}");
    has(&html, "<fieldset");
    let heading = tag(&html, "class=\"rs-question-heading\"");
    assert!(
        heading.starts_with("<h2") && heading.contains("tabindex=\"-1\""),
        "{heading}"
    );
    has(&html, "<legend><h2");
    has(&html, ">What is offered to you?</h2></legend>");
    for value in ["job", "housing", "none"] {
        let input = tag(&html, &format!("id=\"rs-offer_kind-{value}\""));
        assert!(input.starts_with("<input"), "{input}");
        assert!(input.contains("type=\"checkbox\""), "{input}");
        assert!(input.contains("name=\"offer_kind\""), "{input}");
        assert!(input.contains(&format!("value=\"{value}\"")), "{input}");
        has(&html, &format!("<label for=\"rs-offer_kind-{value}\">"));
    }
    assert!(tag(&html, "id=\"rs-offer_kind-job\"").contains("checked"));
    assert!(!tag(&html, "id=\"rs-offer_kind-housing\"").contains("checked"));
    lacks(&html, "value=\"unsure\""); // allow_unsure = false
    has(&html, "Why we ask:");
    has(&html, "The signs depend on the offer.");
    has(&html, "First, what is offered."); // the section intro
    has(&html, "Choose all that apply.");
    // Progress: the job section is now shown, so "about 4".
    let progress = tag(&html, "class=\"rs-progress\"");
    assert!(progress.starts_with("<div"), "{progress}");
    has(&html, "Question 1 of about 4");
    has(&html, "data-action=\"next\"");
    has(&html, "data-action=\"back\"");
    lacks(&html, "data-action=\"review\""); // only while changing an answer
    let next = tag(&html, "data-action=\"next\"");
    assert!(
        next.contains("type=\"submit\"") && !next.contains("disabled"),
        "{next}"
    );
    // The live region says where we are.
    has(&html, "Question 1 of about 3</span></div>");
}

#[tokio::test]
async fn question_screen_yes_no_with_unsure_and_decline() {
    let setup = setup("demo");
    let state = run(
        initial(&setup),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
            answer("passport", Answer::Unsure),
        ],
    );
    let html = render(&setup, state).await;
    for value in ["yes", "no", "unsure", "declined"] {
        let input = tag(&html, &format!("id=\"rs-passport-{value}\""));
        assert!(input.contains("type=\"radio\""), "{input}");
        assert!(input.contains("name=\"passport\""), "{input}");
        has(&html, &format!("<label for=\"rs-passport-{value}\">"));
    }
    assert!(tag(&html, "id=\"rs-passport-unsure\"").contains("checked"));
    has(&html, "I'm not sure");
    has(&html, "I'd rather not say");
    has(&html, "Question 2 of about 3");
}

#[tokio::test]
async fn changing_an_answer_from_the_review_offers_a_way_back() {
    let setup = setup("demo");
    let state = run(
        initial(&setup),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
            answer("passport", Answer::No),
            Action::Next,
            answer("leave", Answer::No),
            Action::Next,
        ],
    );
    let reviewing = render(&setup, state.clone()).await;
    lacks(&reviewing, "data-action=\"review\"");
    let html = render(&setup, state.apply(Action::Edit("passport".into()))).await;
    tag_with(&html, &["<form", "data-question=\"passport\""]);
    tag_with(&html, &["<button", "data-action=\"review\""]);
    has(&html, "Back to your answers");
}

#[tokio::test]
async fn question_screen_error_is_shown_and_announced() {
    let setup = setup("demo");
    let state = run(initial(&setup), [Action::Start, Action::Next]);
    let html = render(&setup, state).await;
    has(&html, "class=\"rs-error-summary\"");
    let error = tag(&html, "class=\"rs-error\"");
    assert!(error.contains("id=\"rs-error-offer_kind\""), "{error}");
    let fieldset = tag(&html, "<fieldset");
    assert!(
        fieldset.contains(
            "aria-describedby=\"rs-hint-offer_kind rs-why-offer_kind rs-error-offer_kind\""
        ),
        "{fieldset}"
    );
    // The live region announces it.
    has(&html, "Choose an answer to go on.</span></div>");
}

#[tokio::test]
async fn ukrainian_with_plural_forms() {
    let setup = setup_with(options("demo"), &["uk-UA"]);
    let html = render(&setup, initial(&setup)).await;
    common_contract(&html, "start", "uk");
    has(&html, "Перевірте пропозицію");
    has(&html, "Це займає приблизно 3 хвилини.");
    has(&html, "Мова · Language");
    let html = render(
        &setup,
        run(
            initial(&setup),
            [Action::Start, toggle("offer_kind", "job", true)],
        ),
    )
    .await;
    has(&html, "Запитання 1 з приблизно 4");
    has(&html, "Виберіть усе, що підходить.");
    has(&html, "Швидко вийти");
}

#[tokio::test]
async fn right_to_left_languages_set_dir() {
    let source = common::fixture("ilo")
        .replace("{ en = ", "{ ar = ")
        .replace("languages = [\"en\"]", "languages = [\"ar\"]")
        .replace("default_language = \"en\"", "default_language = \"ar\"");
    let setup = setup_with(
        Options {
            questionnaire: common::compile("ilo-ar", &source),
            ..options("ilo")
        },
        &["ar"],
    );
    let html = render(&setup, initial(&setup)).await;
    let root = tag(&html, "class=\"rs-widget\"");
    assert!(
        root.contains("lang=\"ar\"") && root.contains("dir=\"rtl\""),
        "{root}"
    );
    lacks(&html, "rs-lang"); // one language: no picker
}

#[tokio::test]
async fn review_screen() {
    let setup = setup("demo");
    let state = run(
        initial(&setup),
        [
            Action::Start,
            toggle("offer_kind", "job", true),
            toggle("offer_kind", "housing", true),
            Action::Next,
            answer("passport", Answer::Declined),
            Action::Next,
            answer("job_pay", Answer::Choice("bank".into())),
            Action::Next,
            answer("leave", Answer::No),
            Action::Next,
        ],
    );
    let html = render(&setup, state).await;
    common_contract(&html, "review", "en");
    has(&html, "class=\"rs-review\"");
    has(&html, "You answered 4 questions.");
    for id in ["offer_kind", "passport", "job_pay", "leave"] {
        let question = format!("data-question=\"{id}\"");
        tag_with(&html, &["<div", "class=\"rs-review-item\"", &question]);
        tag_with(&html, &["<button", "data-action=\"edit\"", &question]);
    }
    lacks(&html, "data-question=\"pay_cash_contract\"");
    has(&html, "Work, A place to stay"); // question order, not alphabetical
    has(&html, "I'd rather not say");
    has(&html, "Into a bank account");
    has(&html, "data-action=\"result\"");
    has(&html, "your answer to: What is offered to you?");
}
