//! The ILO routes (issue #10 item 4) on the result of the shipped NGO intake:
//! the child route, abuse of vulnerability, a child in sexual services.

use std::rc::Rc;

use riskscreen::config::{Options, Setup};
use riskscreen::state::{Action, FlowState};
use riskscreen_core::Answer;

use crate::common::{self, answer, initial, options, run, setup_with};
use crate::support::{common_contract, has, render, section, tag_with};

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
    for lang in riskscreen_core::lang::SHIPPED {
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
