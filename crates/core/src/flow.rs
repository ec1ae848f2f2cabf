//! Skip logic: which questions are asked, given the answers so far.
//!
//! Questions are walked in file order. A question is *shown* when its section's
//! condition and its own condition hold, evaluated over the answers to questions
//! shown before it. Answers to hidden questions are ignored entirely: they never
//! satisfy a condition and never mark an indicator. This makes hiding transitive:
//! when a changed answer hides a question, everything that depended on it hides too.

use std::collections::BTreeMap;

use crate::answers::{Answer, Answers};
use crate::model::{Condition, Questionnaire};

/// Whether `condition` holds over `effective` (answers of shown questions only).
pub fn holds(condition: &Condition, effective: &BTreeMap<&str, &Answer>) -> bool {
    match condition {
        Condition::All(all) => all.iter().all(|c| holds(c, effective)),
        Condition::Any(any) => any.iter().any(|c| holds(c, effective)),
        Condition::Not(inner) => !holds(inner, effective),
        Condition::Equals(test) => effective
            .get(test.question.as_str())
            .is_some_and(|a| a.equals(&test.value)),
        Condition::Includes(test) => effective
            .get(test.question.as_str())
            .is_some_and(|a| a.includes(&test.value)),
    }
}

/// The indexes (into `questionnaire.questions`) of the questions shown for `answers`,
/// in order.
pub fn visible_questions(questionnaire: &Questionnaire, answers: &Answers) -> Vec<usize> {
    let mut effective: BTreeMap<&str, &Answer> = BTreeMap::new();
    let mut visible = Vec::new();
    for (index, question) in questionnaire.questions.iter().enumerate() {
        let section_shown = questionnaire
            .section(&question.section)
            .and_then(|s| s.show_if.as_ref())
            .is_none_or(|c| holds(c, &effective));
        let shown = section_shown
            && question
                .show_if
                .as_ref()
                .is_none_or(|c| holds(c, &effective));
        if shown {
            visible.push(index);
            if let Some(answer) = answers.get(&question.id) {
                effective.insert(&question.id, answer);
            }
        }
    }
    visible
}

/// The answers that count: those to questions that are shown, in question order.
pub fn effective_answers<'a>(
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
) -> Vec<(&'a crate::model::Question, &'a Answer)> {
    visible_questions(questionnaire, answers)
        .into_iter()
        .filter_map(|i| {
            let question = &questionnaire.questions[i];
            answers.get(&question.id).map(|a| (question, a))
        })
        .collect()
}
