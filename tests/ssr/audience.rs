//! The wording per audience (self-check, intake, platform): the start screen's
//! bullets and the result's open danger questions.

use riskscreen::config::Options;
use riskscreen_core::Answer;

use crate::common::{initial, options, setup, setup_with};
use crate::support::{common_contract, floors_result, has, lacks, render, section, tag_with};

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
