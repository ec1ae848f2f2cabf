//! Skip logic: which questions are asked, given the answers so far.
//!
//! Questions are walked in file order. A question is *shown* when its section's
//! condition and its own condition hold, evaluated over the answers to questions
//! shown before it. Answers to hidden questions are ignored entirely: they never
//! satisfy a condition and never mark an indicator. This makes hiding transitive:
//! when a changed answer hides a question, everything that depended on it hides too.
//!
//! A [`Plan`] is the questionnaire's conditions compiled once to question
//! positions, so that an evaluation is one pass over the questions with no string
//! lookups: the widget re-evaluates after every answer, and the intake has dozens of
//! gated questions. [`visible_questions`] builds a plan on the fly for one-off use.

use std::collections::HashMap;

use crate::answers::{Answer, Answers};
use crate::model::{Condition, Question, Questionnaire};

/// A questionnaire's skip logic compiled to positions. Build it once per
/// questionnaire and use it only with that questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// For each question, its section's position (`None` if the section is unknown).
    section_of: Vec<Option<usize>>,
    /// For each question, its own condition.
    question_conditions: Vec<Option<Compiled>>,
    /// For each section, its condition.
    section_conditions: Vec<Option<Compiled>>,
    /// For each question, the indicator positions its answers mark.
    marks: Vec<Marks>,
    /// Question ids sorted, with their positions: answers (a sorted map) are matched
    /// to positions in one merge pass instead of one lookup per question.
    sorted_ids: Vec<(String, usize)>,
}

/// Which indicators (by position) each answer to one question marks.
#[derive(Debug, Clone, Default, PartialEq)]
struct Marks {
    if_yes: Vec<usize>,
    if_no: Vec<usize>,
    /// Aligned with the question's options.
    options: Vec<Vec<usize>>,
}

/// A condition with question ids replaced by positions.
#[derive(Debug, Clone, PartialEq)]
enum Compiled {
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    Equals(Option<usize>, String),
    Includes(Option<usize>, String),
}

impl Compiled {
    fn new(condition: &Condition, position: &HashMap<&str, usize>) -> Self {
        let compile_all =
            |list: &[Condition]| list.iter().map(|c| Compiled::new(c, position)).collect();
        match condition {
            Condition::All(list) => Compiled::All(compile_all(list)),
            Condition::Any(list) => Compiled::Any(compile_all(list)),
            Condition::Not(inner) => Compiled::Not(Box::new(Compiled::new(inner, position))),
            Condition::Equals(test) => Compiled::Equals(
                position.get(test.question.as_str()).copied(),
                test.value.clone(),
            ),
            Condition::Includes(test) => Compiled::Includes(
                position.get(test.question.as_str()).copied(),
                test.value.clone(),
            ),
        }
    }

    /// Whether the condition holds over `effective` (answers of shown questions, by
    /// position; `None` for hidden, unanswered or not yet reached questions).
    fn holds(&self, effective: &[Option<&Answer>]) -> bool {
        let answer = |pos: &Option<usize>| pos.and_then(|p| effective.get(p).copied().flatten());
        match self {
            Compiled::All(all) => all.iter().all(|c| c.holds(effective)),
            Compiled::Any(any) => any.iter().any(|c| c.holds(effective)),
            Compiled::Not(inner) => !inner.holds(effective),
            Compiled::Equals(pos, value) => answer(pos).is_some_and(|a| a.equals(value)),
            Compiled::Includes(pos, value) => answer(pos).is_some_and(|a| a.includes(value)),
        }
    }
}

impl Plan {
    /// Compiles `questionnaire`'s conditions. Works on unvalidated questionnaires
    /// too: references to unknown questions never hold.
    pub fn new(questionnaire: &Questionnaire) -> Self {
        let position: HashMap<&str, usize> = questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .rev() // the first of duplicate ids wins, as in `Questionnaire::question`
            .collect();
        let section_position: HashMap<&str, usize> = questionnaire
            .sections
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let indicator_position: HashMap<&str, usize> = questionnaire
            .indicators
            .iter()
            .enumerate()
            .rev()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        let positions = |ids: &[String]| -> Vec<usize> {
            let mut found: Vec<usize> = ids
                .iter()
                .filter_map(|id| indicator_position.get(id.as_str()).copied())
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        };
        let mut sorted_ids: Vec<(String, usize)> = questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        // Stable sort: among duplicate ids the first question comes first.
        sorted_ids.sort_by(|a, b| a.0.cmp(&b.0));
        Plan {
            sorted_ids,
            marks: questionnaire
                .questions
                .iter()
                .map(|q| Marks {
                    if_yes: positions(&q.if_yes),
                    if_no: positions(&q.if_no),
                    options: q.options.iter().map(|o| positions(&o.indicators)).collect(),
                })
                .collect(),
            section_of: questionnaire
                .questions
                .iter()
                .map(|q| section_position.get(q.section.as_str()).copied())
                .collect(),
            question_conditions: questionnaire
                .questions
                .iter()
                .map(|q| q.show_if.as_ref().map(|c| Compiled::new(c, &position)))
                .collect(),
            section_conditions: questionnaire
                .sections
                .iter()
                .map(|s| s.show_if.as_ref().map(|c| Compiled::new(c, &position)))
                .collect(),
        }
    }

    /// For each question position, its answer if the question is shown and answered.
    ///
    /// `answers_by_position` holds every given answer by position, shown or not.
    pub(crate) fn effective<'a>(
        &self,
        answers_by_position: &[Option<&'a Answer>],
    ) -> (Vec<bool>, Vec<Option<&'a Answer>>) {
        let n = self.question_conditions.len();
        let mut shown = vec![false; n];
        let mut effective: Vec<Option<&Answer>> = vec![None; n];
        // A section's condition refers only to questions before the section starts
        // (validated), so it is evaluated once, at its first question.
        let mut section_shown: Vec<Option<bool>> = vec![None; self.section_conditions.len()];
        for i in 0..n {
            let section_ok = match self.section_of[i] {
                Some(s) => *section_shown[s].get_or_insert_with(|| {
                    self.section_conditions[s]
                        .as_ref()
                        .is_none_or(|c| c.holds(&effective))
                }),
                None => true,
            };
            if section_ok
                && self.question_conditions[i]
                    .as_ref()
                    .is_none_or(|c| c.holds(&effective))
            {
                shown[i] = true;
                effective[i] = answers_by_position[i];
            }
        }
        (shown, effective)
    }

    /// The given answers by question position (the first question of a duplicated id
    /// takes its answer).
    pub(crate) fn by_position<'a>(&self, answers: &'a Answers) -> Vec<Option<&'a Answer>> {
        let mut by_position = vec![None; self.sorted_ids.len()];
        let mut given = answers.iter().peekable();
        for (id, position) in &self.sorted_ids {
            while given
                .next_if(|(answered, _)| answered.as_str() < id.as_str())
                .is_some()
            {}
            if let Some((_, answer)) = given.peek().filter(|(answered, _)| *answered == id) {
                by_position[*position] = Some(*answer);
            }
        }
        by_position
    }

    /// Writes into `found` the indicator positions that `answer` to the question at
    /// `position` marks, each once, in indicator order. A buffer, because this runs
    /// for every answer of every evaluation.
    pub(crate) fn marked_by(
        &self,
        questionnaire: &Questionnaire,
        position: usize,
        answer: &Answer,
        found: &mut Vec<usize>,
    ) {
        use crate::model::QuestionKind;
        found.clear();
        let marks = &self.marks[position];
        let question = &questionnaire.questions[position];
        // Kind mismatches (a "yes" to a choice question) mark nothing, as in
        // `Answer::indicators`; checked answers never have them.
        match (question.kind, answer) {
            (QuestionKind::YesNo, Answer::Yes) => found.extend_from_slice(&marks.if_yes),
            (QuestionKind::YesNo, Answer::No) => found.extend_from_slice(&marks.if_no),
            (QuestionKind::SingleChoice, Answer::Choice(id)) => {
                if let Some(o) = question.options.iter().position(|o| &o.id == id) {
                    found.extend_from_slice(&marks.options[o]);
                }
            }
            (QuestionKind::MultipleChoice, Answer::Choices(set)) => {
                for (option, marked) in question.options.iter().zip(&marks.options) {
                    if set.contains(&option.id) {
                        found.extend_from_slice(marked);
                    }
                }
                found.sort_unstable();
                found.dedup();
            }
            _ => {}
        }
    }

    /// The positions of the questions shown for `answers`, in order.
    pub fn visible(&self, answers: &Answers) -> Vec<usize> {
        let (shown, _) = self.effective(&self.by_position(answers));
        shown
            .iter()
            .enumerate()
            .filter_map(|(i, &s)| s.then_some(i))
            .collect()
    }

    /// The answers that count: those to questions that are shown, in question order.
    pub fn effective_answers<'a>(
        &self,
        questionnaire: &'a Questionnaire,
        answers: &'a Answers,
    ) -> Vec<(&'a Question, &'a Answer)> {
        let (_, effective) = self.effective(&self.by_position(answers));
        questionnaire
            .questions
            .iter()
            .zip(effective)
            .filter_map(|(q, a)| a.map(|a| (q, a)))
            .collect()
    }
}

/// The positions (indexes into `questionnaire.questions`) of the questions shown for
/// `answers`, in order. Builds a [`Plan`]; keep one instead when evaluating often.
pub fn visible_questions(questionnaire: &Questionnaire, answers: &Answers) -> Vec<usize> {
    Plan::new(questionnaire).visible(answers)
}

/// The answers that count: those to shown questions, in question order.
pub fn effective_answers<'a>(
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
) -> Vec<(&'a Question, &'a Answer)> {
    Plan::new(questionnaire).effective_answers(questionnaire, answers)
}
