//! The result of the `floors` fixture: "cannot tell", open danger questions
//! first (answered or not), and why a sign or an open check set the level.

use riskscreen::config::Options;
use riskscreen_core::Answer;

use crate::common::{options, setup, setup_with};
use crate::support::{common_contract, floors_result, has, lacks, render, section, tag, tag_with};

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
