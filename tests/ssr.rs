//! Render tests: each screen's markup, rendered natively with yew's SSR
//! (`LocalServerRenderer`), checked against the contract the browser tests and
//! assistive technology rely on: the root's lang/dir/data-screen, the quick exit,
//! the live region from the first render, fieldset + legend, real inputs with
//! labels, plural-correct progress, the result's danger block with 112 first.

mod common;

use std::rc::Rc;

use common::{answer, initial, options, run, setup, setup_with, toggle};
use riskscreen::components::app::{App, AppProps};
use riskscreen::config::{Options, Setup};
use riskscreen::state::{Action, FlowState};
use riskscreen_core::Answer;
use yew::LocalServerRenderer;

async fn render(setup: &Rc<Setup>, state: FlowState) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        setup: setup.clone(),
        initial: Rc::new(state),
    })
    .hydratable(false)
    .render()
    .await
}

/// The opening tag of the first element matching `needle` (e.g. `class="rs-widget"`).
fn tag<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in\n{html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// The first opening tag that has every one of `attributes` (in any order).
#[track_caller]
fn tag_with<'a>(html: &'a str, attributes: &[&str]) -> &'a str {
    html.match_indices('<')
        .filter_map(|(start, _)| {
            let end = start + html[start..].find('>')?;
            Some(&html[start..=end])
        })
        .find(|t| !t.starts_with("</") && attributes.iter().all(|a| t.contains(a)))
        .unwrap_or_else(|| panic!("no tag with {attributes:?} in\n{html}"))
}

#[track_caller]
fn has(html: &str, needle: &str) {
    assert!(html.contains(needle), "no `{needle}` in\n{html}");
}

#[track_caller]
fn lacks(html: &str, needle: &str) {
    assert!(!html.contains(needle), "unexpected `{needle}` in\n{html}");
}

/// Every screen has the root attributes, the quick exit and the live region.
#[track_caller]
fn common_contract(html: &str, screen: &str, lang: &str) {
    let root = tag(html, "class=\"rs-widget\"");
    assert!(root.contains(&format!("lang=\"{lang}\"")), "{root}");
    assert!(root.contains("dir=\"ltr\""), "{root}");
    assert!(
        root.contains(&format!("data-screen=\"{screen}\"")),
        "{root}"
    );
    let exit = tag(html, "class=\"rs-exit\"");
    assert!(
        exit.starts_with("<button") && exit.contains("type=\"button\""),
        "{exit}"
    );
    // A way to a helpline on every screen, not only on the result.
    let help = tag(html, "class=\"rs-help\"");
    assert!(
        help.starts_with("<a") && help.contains("href=\"tel:112\""),
        "{help}"
    );
    let live = tag(html, "class=\"rs-live");
    assert!(
        live.contains("role=\"status\"") && live.contains("aria-live=\"polite\""),
        "{live}"
    );
    lacks(html, "style=");
}

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

fn result_state(setup: &Setup, leave: Answer, country: Option<&str>) -> FlowState {
    run(
        initial(setup),
        [
            Action::Start,
            toggle("offer_kind", "job", true),
            Action::Next,
            answer("passport", Answer::Yes),
            Action::Next,
            answer("job_pay", Answer::Choice("cash".into())),
            Action::Next,
            answer("pay_cash_contract", Answer::Unsure),
            Action::Next,
            answer("leave", leave),
            Action::Next,
            Action::ShowResult,
            Action::SetCountry(country.map(str::to_owned)),
        ],
    )
}

#[tokio::test]
async fn result_screen_without_danger() {
    let setup = setup("demo");
    let html = render(&setup, result_state(&setup, Answer::No, Some("PL"))).await;
    common_contract(&html, "result", "en");
    lacks(&html, "rs-danger");
    tag_with(&html, &["class=\"rs-level\"", "data-level=\"some_signs\""]);
    has(&html, "Some warning signs");
    has(&html, "This is not a verdict.");
    // Concerns grouped by theme, with advice.
    let concerns = &html[html.find("class=\"rs-concerns\"").unwrap()..];
    let documents = concerns.find("data-dimension=\"documents\"").unwrap();
    let work = concerns.find("data-dimension=\"work\"").unwrap();
    assert!(documents < work, "themes in questionnaire order");
    has(&html, "Someone wants to keep your passport");
    has(&html, "Only officials may keep a passport.");
    has(&html, "Keep your passport with you.");
    has(
        &html,
        "Your answer to: Does someone want to keep your passport?",
    );
    has(&html, "Paid in cash only");
    // "Not sure" with what to find out.
    let unsure = &html[html.find("class=\"rs-unsure\"").unwrap()..];
    assert!(unsure.contains("Is there a written contract?"));
    assert!(unsure.contains("Ask the person who made the offer"));
    // Helplines for Poland, with the country picker.
    has(&html, "class=\"rs-helplines\"");
    has(
        &html,
        "<label for=\"rs-country\">Where are you now?</label>",
    );
    has(&html, "href=\"tel:112\"");
    has(&html, "href=\"tel:+48226280120\"");
    has(&html, "+48 22 628 01 20");
    has(&html, "Hours: 24/7");
    has(&html, "Languages: Polski, English, Українська");
    has(&html, "Please check this number");
    has(&html, "href=\"tel:116000\""); // EU-wide, Poland being in the EU
    lacks(&html, "tel:527");
    for action in ["print", "restart", "back"] {
        has(&html, &format!("data-action=\"{action}\""));
    }
}

#[tokio::test]
async fn result_screen_with_danger_puts_112_first() {
    let setup = setup("demo");
    let html = render(&setup, result_state(&setup, Answer::Yes, Some("UA"))).await;
    let danger = html.find("class=\"rs-danger\"").expect("danger block");
    let level = html.find("data-level=").unwrap();
    assert!(danger < level, "the danger block comes first");
    let block = &html[danger..];
    let first_tel = block.find("href=\"tel:").unwrap();
    assert!(
        block[first_tel..].starts_with("href=\"tel:112\""),
        "112 first"
    );
    assert!(
        block.contains("href=\"tel:527\""),
        "then the national helpline"
    );
    tag_with(
        &html,
        &["class=\"rs-level\"", "data-level=\"serious_signs\""],
    );
    // Ukraine is not in the EU: no EU-wide lines.
    lacks(&html, "tel:116000");
    // The heading in the danger block takes focus.
    tag_with(
        &html,
        &["<h2", "class=\"rs-danger-heading\"", "tabindex=\"-1\""],
    );
}

#[tokio::test]
async fn result_screen_with_a_non_112_emergency_number() {
    let setup = setup("demo");
    let html = render(&setup, result_state(&setup, Answer::Yes, Some("XX"))).await;
    let block = &html[html.find("class=\"rs-danger\"").unwrap()..];
    let first = block.find("href=\"tel:112\"").unwrap();
    let own = block.find("href=\"tel:911\"").unwrap();
    assert!(first < own);
    has(
        &html,
        "There is no helpline for this country in the list yet.",
    );
}

#[tokio::test]
async fn result_screen_ilo_shows_themes_that_add_up() {
    let setup = setup("ilo");
    let state = run(
        initial(&setup),
        [
            Action::Start,
            answer("lied_job", Answer::Yes),
            Action::Next,
            answer("lied_conditions", Answer::Yes),
            Action::Next,
            answer("papers", Answer::Yes),
            Action::Next,
            Action::ShowResult,
        ],
    );
    let html = render(&setup, state).await;
    // Deceived: S=1 and M=1, positive; papers: S=1 alone, not positive, so the
    // pattern is not met.
    has(&html, "data-level=\"area\"");
    let deceived = &html[html
        .find("data-dimension=\"deceptive_recruitment\"")
        .unwrap()..];
    let control = deceived
        .find("data-dimension=\"coercion_at_destination\"")
        .unwrap();
    assert!(deceived[..control].contains("Several signs in this area point the same way."));
    assert!(!deceived[control..].contains("Several signs in this area point the same way."));
    has(&html, "You did not answer “I'm not sure” to any question.");
    // No country chosen: 112 and the EU-wide lines.
    has(&html, "href=\"tel:112\"");
    has(&html, "href=\"tel:116000\"");
}

#[tokio::test]
async fn exit_screen_keeps_nothing() {
    let setup = setup("demo");
    let state = result_state(&setup, Answer::Yes, Some("PL")).apply(Action::Exit);
    let html = render(&setup, state).await;
    common_contract(&html, "exit", "en");
    lacks(&html, "passport");
    lacks(&html, "rs-lang");
    has(&html, "class=\"rs-cover\"");
}

#[tokio::test]
async fn result_screen_names_the_origin_a_shared_result_goes_to() {
    let mut json: serde_json::Value = serde_json::from_str(&options("demo").questionnaire).unwrap();
    json["audience"] = "intake".into();
    let asked = |share_to: Option<&str>| Options {
        questionnaire: json.to_string(),
        share_result: true,
        share_to: share_to.map(str::to_owned),
        ..options("demo")
    };
    let setup = setup_with(asked(Some("https://ngo.example.org")), &["uk"]);
    let html = render(&setup, result_state(&setup, Answer::No, None)).await;
    tag_with(&html, &["data-action=\"share\""]);
    has(
        &html,
        "Сайт https://ngo.example.org просить надіслати йому результат",
    );
    // Without an origin to name, no share button at all.
    let setup = setup_with(asked(None), &["uk"]);
    let html = render(&setup, result_state(&setup, Answer::No, None)).await;
    lacks(&html, "data-action=\"share\"");
    lacks(&html, "rs-share");
}
