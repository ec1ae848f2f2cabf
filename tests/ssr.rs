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
    // A plain link that works before any script runs (the prerendered page),
    // announced as the button it behaves as once the app runs.
    let exit = tag(html, "class=\"rs-exit\"");
    assert!(
        exit.starts_with("<a")
            && exit.contains("href=\"https://www.bbc.com/weather\"")
            && exit.contains("rel=\"noreferrer\"")
            && exit.contains("role=\"button\""),
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

// ---------------------------------------------------------------- floors, cannot tell, open danger questions

/// The result of the `floors` fixture after answering its four questions in order.
fn floors_result(setup: &Setup, answers: [(&str, Answer); 4], country: Option<&str>) -> FlowState {
    let mut actions = vec![Action::Start];
    for (question, given) in answers {
        actions.push(answer(question, given));
        actions.push(Action::Next);
    }
    actions.push(Action::ShowResult);
    actions.push(Action::SetCountry(country.map(str::to_owned)));
    run(initial(setup), actions)
}

/// From the first `needle` to the end of its section (for sections without
/// nested sections).
#[track_caller]
fn section<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in\n{html}"));
    let end = at + html[at..].find("</section>").expect("a closed section");
    &html[at..end]
}

#[tokio::test]
async fn result_screen_cannot_tell() {
    let answers = || {
        [
            ("passport", Answer::Unsure),
            ("contract", Answer::Yes),
            ("address", Answer::Unsure),
            ("leave", Answer::No),
        ]
    };
    let setup = setup("floors");
    let state = floors_result(&setup, answers(), None);
    let evaluation = state.evaluation.clone().unwrap();
    assert!(evaluation.undetermined, "{evaluation:?}");
    assert!(evaluation.unsure_danger.is_empty() && evaluation.lifted_by_unsure.is_empty());
    let html = render(&setup, state).await;
    let level = tag_with(&html, &["class=\"rs-level\"", "data-level=\"cannot_tell\""]);
    assert!(level.starts_with("<div"), "{level}");
    let level = &html[html.find("class=\"rs-level\"").unwrap()..];
    let label = level.find("Too much is unknown to tell").unwrap();
    let why = level
        .find("Too many questions were answered “I'm not sure” or left unanswered for this check to tell.")
        .unwrap();
    let advice = level
        .find("Find out the answers before you accept.")
        .unwrap();
    assert!(
        label < why && why < advice,
        "label, why, then the band's advice"
    );
    tag_with(
        &html,
        &["<p", "class=\"rs-level-why\"", "data-why=\"undetermined\""],
    );
    lacks(&html, "data-why=\"lifted");
    lacks(&html, "rs-unsure-danger");
    // Both open questions in the ordinary list, with what to find out.
    let unsure = section(&html, "class=\"rs-unsure\"");
    assert!(
        unsure.contains("Ask who will hold your documents."),
        "{unsure}"
    );
    assert!(unsure.contains("Do you know the address?"), "{unsure}");

    let setup = setup_with(options("floors"), &["uk"]);
    let html = render(&setup, floors_result(&setup, answers(), None)).await;
    common_contract(&html, "result", "uk");
    has(&html, "Забагато невідомого, щоб сказати");
    has(
        &html,
        "Забагато запитань лишилися з відповіддю «Не знаю напевно» або без відповіді",
    );
    tag_with(&html, &["data-why=\"undetermined\""]);
}

#[tokio::test]
async fn result_screen_puts_open_danger_questions_first() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::No),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::Unsure),
        ],
        None,
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert_eq!(evaluation.unsure_danger, ["leave"]);
    assert_eq!(evaluation.level, "few_signs");
    let html = render(&setup, state).await;
    lacks(&html, "rs-danger\""); // nothing marked a danger sign
    let level = html.find("class=\"rs-level\"").unwrap();
    let first = html.find("class=\"rs-unsure-danger\"").unwrap();
    let disclaimer = html.find("class=\"rs-disclaimer\"").unwrap();
    let concerns = html.find("class=\"rs-concerns\"").unwrap();
    assert!(level < first && first < disclaimer && disclaimer < concerns);
    let block = section(&html, "class=\"rs-unsure-danger\"");
    assert!(block.contains("<h3>What to find out first</h3>"), "{block}");
    assert!(
        block.contains("You were not sure about this, and it matters for your safety."),
        "{block}"
    );
    assert!(block.contains("data-question=\"leave\""), "{block}");
    assert!(block.contains("Are you stopped from leaving?"), "{block}");
    assert!(
        block.contains("Find out whether you can leave when you want."),
        "{block}"
    );
    assert!(
        block.contains(
            "If you cannot find out, or you feel unsafe, call one of the helplines below."
        ),
        "{block}"
    );
    // Not repeated in the ordinary list, which points up instead.
    let unsure = section(&html, "class=\"rs-unsure\"");
    assert!(
        !unsure.contains("Are you stopped from leaving?"),
        "{unsure}"
    );
    assert!(
        unsure.contains("Everything you were not sure about is listed at the top"),
        "{unsure}"
    );
    assert_eq!(html.matches("data-question=\"leave\"").count(), 1);
}

#[tokio::test]
async fn result_screen_open_danger_question_left_unanswered() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::Unsure),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::Declined),
        ],
        None,
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert_eq!(evaluation.unsure_danger, ["leave"]);
    assert_eq!(evaluation.declined, ["leave"]);
    let html = render(&setup, state).await;
    let block = section(&html, "class=\"rs-unsure-danger\"");
    assert!(
        block.contains("You did not answer this, and it matters for your safety."),
        "{block}"
    );
    assert!(block.contains("Are you stopped from leaving?"), "{block}");
    // The other open question stays in the ordinary list; the declined one is
    // not listed again.
    let unsure = section(&html, "class=\"rs-unsure\"");
    assert!(
        unsure.contains("Does someone want to keep your passport?"),
        "{unsure}"
    );
    lacks(&html, "rs-declined");
    assert_eq!(html.matches("Are you stopped from leaving?").count(), 1);
}

#[tokio::test]
async fn result_screen_says_why_a_sign_set_the_level() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::Yes),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::No),
        ],
        None,
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert_eq!(evaluation.score, Some(1));
    assert_eq!(evaluation.lifted_by, ["passport_kept"]);
    let html = render(&setup, state).await;
    tag_with(
        &html,
        &["class=\"rs-level\"", "data-level=\"serious_signs\""],
    );
    let level = &html
        [html.find("class=\"rs-level\"").unwrap()..html.find("class=\"rs-disclaimer\"").unwrap()];
    let why = tag(level, "data-why=\"lifted-by\"");
    assert!(
        why.starts_with("<p") && why.contains("class=\"rs-level-why\""),
        "{why}"
    );
    assert!(
        level.contains(
            "This sign is serious on its own: <strong>Someone wants to keep your passport</strong>"
        ),
        "{level}"
    );
    lacks(&html, "data-why=\"lifted-by-unsure\"");
    lacks(&html, "data-why=\"undetermined\"");

    let setup = setup_with(options("floors"), &["uk"]);
    let html = render(
        &setup,
        floors_result(
            &setup,
            [
                ("passport", Answer::Yes),
                ("contract", Answer::Yes),
                ("address", Answer::Yes),
                ("leave", Answer::No),
            ],
            None,
        ),
    )
    .await;
    has(
        &html,
        "Ця ознака серйозна сама по собі: <strong>Хтось хоче забрати ваш паспорт</strong>",
    );

    // Two signs with the same floor: a lead and a list.
    let mut json: serde_json::Value =
        serde_json::from_str(&options("floors").questionnaire).unwrap();
    json["indicator"][1]["at_least"] = "serious_signs".into();
    let setup = setup_with(
        Options {
            questionnaire: json.to_string(),
            ..options("floors")
        },
        &["en"],
    );
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::Yes),
            ("contract", Answer::No),
            ("address", Answer::Yes),
            ("leave", Answer::No),
        ],
        None,
    );
    assert_eq!(
        state.evaluation.as_ref().unwrap().lifted_by,
        ["passport_kept", "no_contract"]
    );
    let html = render(&setup, state).await;
    let why = tag(&html, "data-why=\"lifted-by\"");
    assert!(why.starts_with("<div"), "{why}");
    has(
        &html,
        "<p>These signs are serious on their own:</p><ul><li>Someone wants to keep your passport</li><li>No written contract</li></ul>",
    );
}

#[tokio::test]
async fn result_screen_says_why_an_open_check_set_the_level() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::No),
            ("contract", Answer::Unsure),
            ("address", Answer::Yes),
            ("leave", Answer::No),
        ],
        None,
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert_eq!(evaluation.lifted_by_unsure, ["contract"]);
    assert!(!evaluation.undetermined);
    let html = render(&setup, state).await;
    tag_with(&html, &["class=\"rs-level\"", "data-level=\"some_signs\""]);
    tag_with(
        &html,
        &["class=\"rs-level-why\"", "data-why=\"lifted-by-unsure\""],
    );
    has(
        &html,
        "This check was left open, so the result cannot be “no signs”: <strong>Is there a written contract?</strong>",
    );
    lacks(&html, "data-why=\"lifted-by\"");
    lacks(&html, "data-why=\"undetermined\"");
    // Not a danger question: it stays in the ordinary "not sure" list.
    lacks(&html, "rs-unsure-danger");
    let unsure = section(&html, "class=\"rs-unsure\"");
    assert!(
        unsure.contains("Ask for the contract in writing."),
        "{unsure}"
    );
}

#[tokio::test]
async fn danger_block_without_a_country_shows_112_and_asks_where() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::No),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::Yes),
        ],
        None,
    );
    assert!(state.evaluation.as_ref().unwrap().danger);
    let html = render(&setup, state).await;
    let block = section(&html, "class=\"rs-danger\"");
    let tels: Vec<_> = block.match_indices("href=\"tel:").collect();
    assert_eq!(tels.len(), 1, "112 only: {block}");
    assert!(block.contains("href=\"tel:112\""), "{block}");
    assert!(
        !block.contains("116000") && !block.contains("116 000"),
        "{block}"
    );
    let prompt = tag(block, "class=\"rs-danger-where\"");
    assert!(
        prompt.starts_with("<a") && prompt.contains("href=\"#rs-country\""),
        "{prompt}"
    );
    assert!(
        block.contains("Where are you now? Choose your country to see a helpline there."),
        "{block}"
    );
    // The picker it leads to.
    tag_with(&html, &["<select", "id=\"rs-country\""]);
}

#[tokio::test]
async fn danger_block_with_a_country_shows_its_line_never_a_childrens_line() {
    // Testland gets a children's line and a support line: by kind the children's
    // line sorts first, yet it must not be the line of the danger block.
    let mut directory: serde_json::Value = serde_json::from_str(&common::helplines_json()).unwrap();
    let lines = directory["helpline"].as_array_mut().unwrap();
    let template = lines[0].clone();
    for (id, kind, number, tel, name) in [
        (
            "xx-children",
            "children",
            "116 111",
            "116111",
            "Child helpline",
        ),
        (
            "xx-support",
            "support",
            "0 800 100",
            "0800100",
            "Testland support line",
        ),
    ] {
        let mut line = template.clone();
        line["id"] = id.into();
        line["country"] = "XX".into();
        line["kind"] = kind.into();
        line["number"] = number.into();
        line["tel"] = tel.into();
        line["name"] = serde_json::json!({ "en": name, "uk": name });
        lines.push(line);
    }
    let setup = setup_with(
        Options {
            helplines: Some(directory.to_string()),
            ..options("floors")
        },
        &["en"],
    );
    let danger = |country: &'static str| {
        floors_result(
            &setup,
            [
                ("passport", Answer::No),
                ("contract", Answer::Yes),
                ("address", Answer::Yes),
                ("leave", Answer::Yes),
            ],
            Some(country),
        )
    };
    let html = render(&setup, danger("XX")).await;
    let block = section(&html, "class=\"rs-danger\"");
    let at = |needle: &str| {
        block
            .find(needle)
            .unwrap_or_else(|| panic!("no `{needle}` in {block}"))
    };
    assert!(at("href=\"tel:112\"") < at("href=\"tel:911\""));
    assert!(at("href=\"tel:911\"") < at("href=\"tel:0800100\""));
    assert!(!block.contains("116111"), "{block}");
    assert!(!block.contains("rs-danger-where"), "{block}");
    // The children's line stays in the full list below.
    let list = section(&html, "class=\"rs-helplines\"");
    assert!(list.contains("href=\"tel:116111\""), "{list}");

    // Poland: its anti-trafficking line, not the EU-wide missing-children line.
    let html = render(&setup, danger("PL")).await;
    let block = section(&html, "class=\"rs-danger\"");
    assert!(block.contains("href=\"tel:+48226280120\""), "{block}");
    assert!(!block.contains("116000"), "{block}");
    assert_eq!(block.matches("href=\"tel:").count(), 2, "{block}");
}

/// The fixture `demo` as another audience.
fn demo_for(audience: &str) -> Options {
    let mut json: serde_json::Value = serde_json::from_str(&options("demo").questionnaire).unwrap();
    json["audience"] = audience.into();
    Options {
        questionnaire: json.to_string(),
        ..options("demo")
    }
}

#[tokio::test]
async fn start_screen_words_the_bullets_for_the_audience() {
    let setup = setup("demo");
    let html = render(&setup, initial(&setup)).await;
    tag_with(
        &html,
        &[
            "class=\"rs-screen rs-start\"",
            "data-audience=\"self-check\"",
        ],
    );
    has(
        &html,
        "It is not a judgement about you or about the person who made the offer.",
    );
    has(&html, "If someone comes near, press “Leave quickly”");
    tag_with(&html, &["<li", "class=\"rs-fact rs-fact-exit\""]);

    let setup = setup_with(demo_for("intake"), &["en"]);
    let html = render(&setup, initial(&setup)).await;
    common_contract(&html, "start", "en");
    tag_with(
        &html,
        &["class=\"rs-screen rs-start\"", "data-audience=\"intake\""],
    );
    has(&html, "Nothing you answer leaves this device");
    has(
        &html,
        "This is a screening, not a judgement about anyone. The person can stop at any time and does not have to answer every question.",
    );
    has(
        &html,
        "If someone comes near who should not see this, press “Leave quickly”",
    );
    lacks(&html, "the person who made the offer");
    tag_with(&html, &["<li", "class=\"rs-fact rs-fact-exit\""]);

    let setup = setup_with(demo_for("platform"), &["en"]);
    let html = render(&setup, initial(&setup)).await;
    common_contract(&html, "start", "en");
    tag_with(
        &html,
        &["class=\"rs-screen rs-start\"", "data-audience=\"platform\""],
    );
    has(&html, "This checks an offer, not the person who posted it.");
    lacks(&html, "judgement about you");
    lacks(&html, "If someone comes near");
    lacks(&html, "rs-fact-exit");

    // In another language, from that language's file.
    let setup = setup_with(demo_for("intake"), &["uk"]);
    let html = render(&setup, initial(&setup)).await;
    has(
        &html,
        "Це попередня перевірка, а не висновок про будь-кого.",
    );
}

#[tokio::test]
async fn platform_result_words_open_danger_questions_for_the_guests() {
    let mut json: serde_json::Value =
        serde_json::from_str(&options("floors").questionnaire).unwrap();
    json["audience"] = "platform".into();
    let setup = setup_with(
        Options {
            questionnaire: json.to_string(),
            ..options("floors")
        },
        &["en"],
    );
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::No),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::Unsure),
        ],
        None,
    );
    let html = render(&setup, state).await;
    let block = section(&html, "class=\"rs-unsure-danger\"");
    assert!(
        block.contains("This was left open, and it matters for the safety of future guests."),
        "{block}"
    );
    assert!(!block.contains("your safety"), "{block}");
    assert!(!block.contains("rs-unsure-danger-help"), "{block}");
}

// ---------------------------------------------------------------- ILO routes (issue #10 item 4)

/// The shipped NGO intake, with the fixture helplines, for a reader of `lang`.
fn intake(lang: &str) -> Rc<Setup> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/ngo-intake.toml"
    );
    let source = std::fs::read_to_string(path).unwrap();
    setup_with(
        Options {
            questionnaire: common::compile("ngo-intake", &source),
            ..options("demo")
        },
        &[lang],
    )
}

/// Walks the whole interview as a caseworker would: every question the flow
/// shows, in order, answered from `given` or else "no" (a yes/no question) or
/// "not sure"; then the result.
fn interview(setup: &Setup, given: &[(&str, Answer)]) -> FlowState {
    let questionnaire = &setup.questionnaire;
    let mut so_far = riskscreen_core::Answers::new();
    let mut state = run(initial(setup), [Action::Start]);
    for (i, question) in questionnaire.questions.iter().enumerate() {
        if !riskscreen_core::visible_questions(questionnaire, &so_far).contains(&i) {
            continue;
        }
        let value = given
            .iter()
            .find(|(id, _)| *id == question.id)
            .map(|(_, a)| a.clone())
            .unwrap_or(match question.kind {
                riskscreen_core::QuestionKind::YesNo => Answer::No,
                _ => Answer::Unsure,
            });
        so_far.insert(question.id.clone(), value.clone());
        state = run(state, [answer(&question.id, value), Action::Next]);
    }
    run(state, [Action::ShowResult])
}

fn choice(id: &str) -> Answer {
    Answer::Choice(id.to_owned())
}

/// A 16-year-old in exploitative work, with no deception, force or threat: the
/// child route's pattern (no means needed), named on the result in every
/// shipped language.
#[tokio::test]
async fn result_screen_names_the_child_route() {
    let given = [
        ("scr_age", choice("under_18")),
        ("scr_working", Answer::Yes),
        ("scr_work_kind_child", choice("other")),
        ("work_hours", Answer::Yes),
        ("work_pay_low", Answer::Yes),
        ("work_no_study", Answer::Yes),
    ];
    for lang in ["en", "uk", "ru", "pl", "ro", "de", "cs", "sk", "hu"] {
        let setup = intake(lang);
        let state = interview(&setup, &given);
        let evaluation = state.evaluation.clone().unwrap();
        assert_eq!(evaluation.route.as_deref(), Some("child"), "{evaluation:?}");
        assert_eq!(evaluation.level, "pattern_met", "{evaluation:?}");
        assert!(!evaluation.danger);
        let html = render(&setup, state).await;
        common_contract(&html, "result", lang);
        let route = setup.questionnaire.route("child").unwrap();
        let at = tag_with(&html, &["class=\"rs-route\"", "data-route=\"child\""]);
        assert!(at.starts_with("<p"), "{at}");
        let level = section(&html, "class=\"rs-level\"");
        let label = route.label.get(lang).expect("every language");
        assert!(level.contains(label), "{lang}: no route label in\n{level}");
        let lead = setup.locales.format(lang, "level-route", &[]);
        assert!(
            !lead.is_empty() && level.contains(&lead),
            "{lang}: no lead of the route in\n{level}"
        );
    }
}

/// An adult whose only positive area is abuse of vulnerability at work: named as
/// adding weight, but not a clear sign in an area on its own (a refugee's
/// circumstances alone are not a sign of trafficking): some signs.
#[tokio::test]
async fn result_screen_says_abuse_of_vulnerability_only_reinforces() {
    let setup = intake("en");
    let state = interview(
        &setup,
        &[
            ("scr_age", choice("adult")),
            ("scr_working", Answer::Yes),
            ("scr_work_kind", choice("other")),
            ("work_depends", Answer::Yes),
            ("work_need_money", Answer::Yes),
            ("work_status", Answer::Yes),
        ],
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert_eq!(evaluation.route.as_deref(), Some("adult_labour"));
    assert_eq!(evaluation.level, "some_indicators", "{evaluation:?}");
    assert_eq!(
        evaluation.reinforcing,
        vec![riskscreen_core::Id::from(
            "abuse_of_vulnerability_at_destination"
        )]
    );
    assert_eq!(evaluation.pattern_met, Some(false));
    let html = render(&setup, state).await;
    has(&html, "data-route=\"adult_labour\"");
    let theme = section(
        &html,
        "data-dimension=\"abuse_of_vulnerability_at_destination\"",
    );
    assert!(theme.contains("rs-pattern rs-reinforcing"), "{theme}");
    assert!(
        theme.contains("they add weight to the other areas but cannot replace them"),
        "{theme}"
    );
}

/// A 17-year-old whose work includes sexual services: danger first (112), and
/// the trafficking pattern for a child, whatever else was answered.
#[tokio::test]
async fn result_screen_child_in_sexual_services_is_danger_first() {
    let setup = intake("uk");
    let state = interview(
        &setup,
        &[
            ("scr_age", choice("under_18")),
            ("scr_working", Answer::Yes),
            ("scr_work_kind_child", choice("sexual")),
        ],
    );
    let evaluation = state.evaluation.clone().unwrap();
    assert!(evaluation.danger, "{evaluation:?}");
    assert_eq!(
        evaluation.lifted_by,
        vec![riskscreen_core::Id::from(
            "immediate_safety.child_in_sexual_services"
        )]
    );
    assert_eq!(evaluation.level, "pattern_met");
    let html = render(&setup, state).await;
    common_contract(&html, "result", "uk");
    let danger = html.find("rs-danger").expect("a danger block");
    let level = html.find("class=\"rs-level\"").unwrap();
    assert!(danger < level, "the danger block comes before the level");
    assert!(html[danger..level].contains("href=\"tel:112\""));
}
