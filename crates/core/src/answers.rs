//! Answers: what a person said, keyed by question id.
//!
//! In JSON an answer is `"yes"`, `"no"`, `"unsure"`, `"declined"`, an option id
//! (single choice) or a list of option ids (multiple choice):
//!
//! ```json
//! { "offer_kind": ["job", "accommodation"], "passport": "yes", "contract": "unsure" }
//! ```
//!
//! Answers live only in memory (the widget never stores or sends them); this module
//! only gives them a shape and checks them against a questionnaire.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Question, QuestionKind, Questionnaire};

/// Question id to answer.
pub type Answers = BTreeMap<String, Answer>;

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Answer {
    /// "Yes" to a yes/no question.
    Yes,
    /// "No" to a yes/no question.
    No,
    /// "I'm not sure": never marks an indicator; listed in the result.
    Unsure,
    /// "I'd rather not say": never marks an indicator; listed in the result.
    Declined,
    /// The chosen option of a single-choice question.
    Choice(String),
    /// The chosen options of a multiple-choice question (possibly none).
    Choices(BTreeSet<String>),
}

/// Answer words with a fixed meaning; option ids may not use them.
pub const RESERVED_VALUES: [&str; 4] = ["yes", "no", "unsure", "declined"];

impl Answer {
    /// Whether this answer "includes" `value`: for a list, `value` is among the chosen
    /// options; otherwise the answer equals `value`.
    pub fn includes(&self, value: &str) -> bool {
        match self {
            Answer::Choices(set) => set.contains(value),
            other => other.equals(value),
        }
    }

    /// Whether this answer is exactly `value`. A list equals `value` when it holds
    /// only that option.
    pub fn equals(&self, value: &str) -> bool {
        match self {
            Answer::Yes => value == "yes",
            Answer::No => value == "no",
            Answer::Unsure => value == "unsure",
            Answer::Declined => value == "declined",
            Answer::Choice(id) => id == value,
            Answer::Choices(set) => set.len() == 1 && set.contains(value),
        }
    }

    /// The ids of the indicators this answer marks present for `question`.
    pub fn indicators<'q>(&self, question: &'q Question) -> Vec<&'q str> {
        let ids: Vec<&'q String> = match (question.kind, self) {
            (QuestionKind::YesNo, Answer::Yes) => question.if_yes.iter().collect(),
            (QuestionKind::YesNo, Answer::No) => question.if_no.iter().collect(),
            (QuestionKind::SingleChoice, Answer::Choice(id)) => question
                .option(id)
                .map(|o| o.indicators.iter().collect())
                .unwrap_or_default(),
            (QuestionKind::MultipleChoice, Answer::Choices(set)) => question
                .options
                .iter()
                .filter(|o| set.contains(&o.id))
                .flat_map(|o| o.indicators.iter())
                .collect(),
            _ => Vec::new(),
        };
        ids.into_iter().map(String::as_str).collect()
    }

    /// Whether `question` accepts this answer (right kind, known options, allowed
    /// "not sure" / "rather not say"). Returns a plain message when it does not.
    pub fn check(&self, question: &Question) -> Result<(), String> {
        match (question.kind, self) {
            (_, Answer::Unsure) if question.allow_unsure => Ok(()),
            (_, Answer::Unsure) => Err("this question does not offer \"not sure\"".into()),
            (_, Answer::Declined) if question.allow_decline => Ok(()),
            (_, Answer::Declined) => Err("this question does not offer \"rather not say\"".into()),
            (QuestionKind::YesNo, Answer::Yes | Answer::No) => Ok(()),
            (QuestionKind::SingleChoice, Answer::Choice(id)) => known_option(question, id),
            (QuestionKind::MultipleChoice, Answer::Choices(set)) => {
                set.iter().try_for_each(|id| known_option(question, id))
            }
            (QuestionKind::MultipleChoice, Answer::Choice(id)) => Err(format!(
                "a multiple-choice answer is a list: write [\"{id}\"]"
            )),
            (QuestionKind::YesNo, _) => Err("expected \"yes\", \"no\" or \"unsure\"".into()),
            (QuestionKind::SingleChoice, _) => {
                Err(format!("expected one option id: {}", option_list(question)))
            }
            (QuestionKind::MultipleChoice, _) => Err(format!(
                "expected a list of option ids: {}",
                option_list(question)
            )),
        }
    }
}

fn known_option(question: &Question, id: &str) -> Result<(), String> {
    match question.option(id) {
        Some(_) => Ok(()),
        None => Err(format!(
            "unknown option `{id}`; expected one of {}",
            option_list(question)
        )),
    }
}

fn option_list(question: &Question) -> String {
    let ids: Vec<String> = question
        .options
        .iter()
        .map(|o| format!("`{}`", o.id))
        .collect();
    ids.join(", ")
}

/// Every problem with a set of answers for `questionnaire`, as `(question id, message)`.
pub fn check_answers(questionnaire: &Questionnaire, answers: &Answers) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for (id, answer) in answers {
        match questionnaire.question(id) {
            None => problems.push((
                id.clone(),
                match crate::suggest::nearest(id, questionnaire.questions.iter().map(|q| &*q.id)) {
                    Some(near) => format!("no question has this id; did you mean `{near}`?"),
                    None => "no question has this id".to_owned(),
                },
            )),
            Some(question) => {
                if let Err(message) = answer.check(question) {
                    problems.push((id.clone(), message));
                }
            }
        }
    }
    problems
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Yes => serializer.serialize_str("yes"),
            Answer::No => serializer.serialize_str("no"),
            Answer::Unsure => serializer.serialize_str("unsure"),
            Answer::Declined => serializer.serialize_str("declined"),
            Answer::Choice(id) => serializer.serialize_str(id),
            Answer::Choices(set) => set.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(BTreeSet<String>),
        }
        Ok(match Raw::deserialize(deserializer)? {
            Raw::One(word) => match word.as_str() {
                "yes" => Answer::Yes,
                "no" => Answer::No,
                "unsure" => Answer::Unsure,
                "declined" => Answer::Declined,
                _ => Answer::Choice(word),
            },
            Raw::Many(set) => Answer::Choices(set),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_json() {
        let json = r#"{"a":"yes","b":"unsure","c":"job","d":["x","y"],"e":"declined"}"#;
        let answers: Answers = serde_json::from_str(json).unwrap();
        assert_eq!(answers["a"], Answer::Yes);
        assert_eq!(answers["c"], Answer::Choice("job".into()));
        assert_eq!(serde_json::to_string(&answers).unwrap(), json);
    }

    #[test]
    fn equals_and_includes_differ_only_for_lists() {
        let many = Answer::Choices(["x".to_owned(), "y".to_owned()].into());
        assert!(many.includes("x") && !many.equals("x"));
        let one = Answer::Choices(["x".to_owned()].into());
        assert!(one.includes("x") && one.equals("x"));
        assert!(Answer::Yes.equals("yes") && Answer::Yes.includes("yes"));
        assert!(!Answer::Unsure.includes("yes"));
    }
}
