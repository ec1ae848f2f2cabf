//! The result of the `demo` fixture: its level, concerns by theme, what to find
//! out, the danger block's place, helplines by country, the origin a shared
//! result goes to; and the exit screen left from it.

use riskscreen::config::{Options, Setup};
use riskscreen::state::{Action, FlowState};
use riskscreen_core::Answer;

use crate::common::{answer, initial, options, run, setup, setup_with, toggle};
use crate::support::{common_contract, has, lacks, render, tag_with};

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
