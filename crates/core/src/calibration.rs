//! Calibration: written situations, run through the engine, compared with the band
//! a source makes reasonable.
//!
//! A questionnaire's bands are only as good as the rules behind them. Each file in
//! `questionnaires/calibration/<id>.toml` lists situations in plain language, the
//! answers a person in that situation would give, the band (and the danger state)
//! one could defend to an anti-trafficking NGO, and the sources that make that
//! expectation reasonable:
//!
//! ```toml
//! questionnaire = "../self-check.toml"   # relative to this file
//! notes = "…"                            # what was left out, and why
//!
//! [[situation]]
//! id = "border-ride-young-woman"
//! story = "At the border a stranger offers a free ride and a room, only to young women, and wants her passport 'for registration'."
//! answers = { offer_kind = ["transport", "accommodation"], passport = "yes" }
//! expected = "serious_signs"
//! danger = false                          # default false
//! route = "adult_labour"                  # ilo routes: the set and rule expected to apply
//! sources = ["ec-infomigrants", "bora-conversation"]   # ids of the questionnaire's sources
//! ```
//!
//! [`run`] scores every situation and reports, per situation, the band found, the
//! band expected and anything wrong with the situation itself (an answer the
//! questionnaire would not take, an answer to a question the flow does not show,
//! an unknown band or source). Expectations are never adjusted to the engine: a
//! mismatch is a finding about the questionnaire. The test
//! `crates/core/tests/calibration.rs` runs every file; `riskscreen calibrate FILE`
//! prints the table.

use serde::{Deserialize, Serialize};

use crate::answers::{check_answers, Answers};
use crate::flow::visible_questions;
use crate::model::Questionnaire;
use crate::score::{score, Evaluation};

/// A calibration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calibration {
    /// The questionnaire source, relative to the calibration file.
    pub questionnaire: String,
    /// What was left out and why (signs without a source, situations not covered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The situations.
    #[serde(rename = "situation")]
    pub situations: Vec<Situation>,
}

/// One written situation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    /// Stable identifier.
    pub id: String,
    /// The situation in plain language.
    pub story: String,
    /// What a person in it would answer, by question id.
    pub answers: Answers,
    /// The band id one could defend.
    pub expected: String,
    /// Whether the result must show emergency help first.
    #[serde(default)]
    pub danger: bool,
    /// For a questionnaire with routes: the route (indicator set and rule) that
    /// should give the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Ids of the questionnaire's sources that make the expectation reasonable.
    pub sources: Vec<String>,
    /// Anything a reviewer should know about this situation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What became of one situation.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The situation's id.
    pub id: String,
    /// Its story.
    pub story: String,
    /// The band expected.
    pub expected: String,
    /// Whether danger was expected.
    pub expected_danger: bool,
    /// The route expected, if the situation names one.
    pub expected_route: Option<String>,
    /// What the engine gave.
    pub evaluation: Evaluation,
    /// What is wrong with the situation itself (not with the questionnaire).
    pub problems: Vec<String>,
}

impl Outcome {
    /// The engine gave the expected band and danger state, and the situation is sound.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
            && self.evaluation.level == self.expected
            && self.evaluation.danger == self.expected_danger
            && self.expected_route.as_ref().is_none_or(|route| {
                self.evaluation.route.as_ref().map(|r| r.as_str()) == Some(route.as_str())
            })
    }
}

/// Scores every situation of `calibration` with `questionnaire`.
pub fn run(questionnaire: &Questionnaire, calibration: &Calibration) -> Vec<Outcome> {
    calibration
        .situations
        .iter()
        .map(|situation| Outcome {
            id: situation.id.clone(),
            story: situation.story.clone(),
            expected: situation.expected.clone(),
            expected_danger: situation.danger,
            expected_route: situation.route.clone(),
            evaluation: score(questionnaire, &situation.answers),
            problems: problems(questionnaire, situation),
        })
        .collect()
}

/// What makes a situation unusable as evidence about the questionnaire.
fn problems(questionnaire: &Questionnaire, situation: &Situation) -> Vec<String> {
    let mut out: Vec<String> = check_answers(questionnaire, &situation.answers)
        .into_iter()
        .map(|(question, message)| format!("answer to `{question}`: {message}"))
        .collect();
    let shown: Vec<&str> = visible_questions(questionnaire, &situation.answers)
        .into_iter()
        .map(|i| questionnaire.questions[i].id.as_str())
        .collect();
    for id in situation.answers.keys() {
        if questionnaire.question(id).is_some() && !shown.contains(&id.as_str()) {
            out.push(format!(
                "answer to `{id}`: the flow does not ask this question for these answers"
            ));
        }
    }
    // A situation says what the person answered to every question they are asked:
    // an unanswered question would silently count as "no sign".
    for id in &shown {
        if !situation.answers.contains_key(*id) {
            out.push(format!(
                "no answer to `{id}`, which the flow asks (write \"unsure\" if the person would not know)"
            ));
        }
    }
    if questionnaire.band(&situation.expected).is_none() {
        out.push(format!(
            "expected band `{}` is not declared",
            situation.expected
        ));
    }
    if let Some(route) = &situation.route {
        if !questionnaire.scoring.routes.iter().any(|r| &r.id == route) {
            out.push(format!("expected route `{route}` is not declared"));
        }
    }
    if situation.sources.is_empty() {
        out.push("no source: say what makes this expectation reasonable".to_owned());
    }
    for source in &situation.sources {
        if !questionnaire.sources.iter().any(|s| &s.id == source) {
            out.push(format!(
                "source `{source}` is not one of the questionnaire's"
            ));
        }
    }
    if situation.story.trim().is_empty() {
        out.push("empty story".to_owned());
    }
    out
}

/// Reads a calibration file (TOML).
#[cfg(feature = "toml")]
pub fn from_toml(source: &str) -> Result<Calibration, String> {
    toml::from_str(source).map_err(|e| e.to_string())
}
