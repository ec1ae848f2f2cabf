//! Fixtures shared by the widget's native tests: questionnaires written in TOML
//! (`tests/fixtures/`), compiled to the JSON the widget reads, and a [`Setup`]
//! built from them exactly as `mount` builds it.

#![allow(dead_code)]

use std::rc::Rc;

use riskscreen::config::{Options, Setup};
use riskscreen::state::{Action, FlowState};

/// The fixture `tests/fixtures/<name>.toml`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A TOML questionnaire source compiled to the widget's JSON.
pub fn compile(name: &str, source: &str) -> String {
    let (questionnaire, _) = riskscreen_core::load_toml(name, source)
        .into_result(name)
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string(&questionnaire).unwrap()
}

/// The fixture helpline directory as JSON.
pub fn helplines_json() -> String {
    let (directory, _) = riskscreen_core::load_helplines_toml(
        "tests/fixtures/helplines.toml",
        &fixture("helplines"),
    )
    .into_result("tests/fixtures/helplines.toml")
    .unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string(&directory).unwrap()
}

/// Options for fixture `name` with the fixture helplines.
pub fn options(name: &str) -> Options {
    Options {
        questionnaire: compile(name, &fixture(name)),
        helplines: Some(helplines_json()),
        ..Options::default()
    }
}

/// The setup for fixture `name`, browser languages `preferred`.
pub fn setup_with(options: Options, preferred: &[&str]) -> Rc<Setup> {
    let preferred: Vec<String> = preferred.iter().map(|s| s.to_string()).collect();
    Rc::new(Setup::new(options, &preferred).unwrap_or_else(|e| panic!("{e}")))
}

/// The setup for fixture `name` in English.
pub fn setup(name: &str) -> Rc<Setup> {
    setup_with(options(name), &["en"])
}

/// The initial flow state for `setup`.
pub fn initial(setup: &Setup) -> FlowState {
    FlowState::new(
        setup.questionnaire.clone(),
        setup.lang.clone(),
        setup.country.clone(),
    )
}

/// `state` after each action in turn.
pub fn run(state: FlowState, actions: impl IntoIterator<Item = Action>) -> FlowState {
    actions.into_iter().fold(state, FlowState::apply)
}

/// Sets the answer to `question`.
pub fn answer(question: &str, answer: riskscreen_core::Answer) -> Action {
    Action::Answer {
        question: question.to_owned(),
        answer,
    }
}

/// Ticks (or unticks) a checkbox.
pub fn toggle(question: &str, value: &str, on: bool) -> Action {
    Action::Toggle {
        question: question.to_owned(),
        value: value.to_owned(),
        on,
    }
}
