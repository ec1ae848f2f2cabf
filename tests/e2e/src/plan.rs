//! Answer plans: which answers a test gives, question by question, and what the
//! widget must show for them.
//!
//! Plans are computed from the compiled questionnaire the widget loads
//! (`www/q/*.json`) with `riskscreen-core`'s own skip logic and scoring, so the
//! tests follow whatever questions the questionnaire has and check the widget
//! against the reference implementation instead of hard-coded ids.

use std::collections::BTreeSet;
use std::path::Path;

use riskscreen_core::{
    load_json, score, visible_questions, Answer, Answers, Evaluation, Question, QuestionKind,
    Questionnaire,
};

/// One question as the plan answers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The question id (`form.rs-question[data-question]`, the inputs' `name`).
    pub question: String,
    /// Yes/no, single or multiple choice.
    pub kind: QuestionKind,
    /// The answer given.
    pub answer: Answer,
}

impl Step {
    /// The `value`s of the inputs to check for this answer.
    pub fn values(&self) -> Vec<String> {
        answer_values(&self.answer)
    }
}

/// The `value`s of the inputs that represent `answer`.
pub fn answer_values(answer: &Answer) -> Vec<String> {
    match answer {
        Answer::Yes => vec!["yes".to_owned()],
        Answer::No => vec!["no".to_owned()],
        Answer::Unsure => vec!["unsure".to_owned()],
        Answer::Declined => vec!["declined".to_owned()],
        Answer::Choice(id) => vec![id.clone()],
        Answer::Choices(ids) => ids.iter().cloned().collect(),
    }
}

/// A whole run: the questions in the order the widget must ask them, and the
/// expected evaluation.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The questions asked, in order, with their answers.
    pub steps: Vec<Step>,
    /// All answers.
    pub answers: Answers,
    /// What `riskscreen-core` computes for them.
    pub expected: Evaluation,
}

/// Picks an answer for a question, given the answers so far.
pub type Chooser<'a> = dyn Fn(&Questionnaire, &Question, &Answers) -> Answer + Sync + 'a;

/// Loads a compiled questionnaire from `www/` (e.g. `q/self-check.json`).
pub fn load_questionnaire(www: &Path, relative: &str) -> Questionnaire {
    let path = www.join(relative);
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run `cargo xtask build` first",
            path.display()
        )
    });
    match load_json(relative, &json).into_result(relative) {
        Ok((questionnaire, _warnings)) => questionnaire,
        Err(e) => panic!(
            "{} does not load with riskscreen-core: {e:?}",
            path.display()
        ),
    }
}

/// Walks the questionnaire as the widget does (next shown question after the
/// current one), answering each with `choose`.
pub fn plan(questionnaire: &Questionnaire, choose: &Chooser<'_>) -> Plan {
    let mut answers = Answers::new();
    let mut steps = Vec::new();
    let mut current: Option<usize> = None;
    loop {
        let visible = visible_questions(questionnaire, &answers);
        let Some(next) = visible.into_iter().find(|&i| current.is_none_or(|c| i > c)) else {
            break;
        };
        let question = &questionnaire.questions[next];
        let answer = choose(questionnaire, question, &answers);
        answers.insert(question.id.clone(), answer.clone());
        steps.push(Step {
            question: question.id.clone(),
            kind: question.kind,
            answer,
        });
        current = Some(next);
    }
    let expected = score(questionnaire, &answers);
    Plan {
        steps,
        answers,
        expected,
    }
}

fn is_danger(questionnaire: &Questionnaire, ids: &[String]) -> bool {
    ids.iter()
        .any(|id| questionnaire.indicator(id).is_some_and(|i| i.danger))
}

/// Marks as many indicators as it can without any danger sign.
pub fn concern(questionnaire: &Questionnaire, question: &Question, _: &Answers) -> Answer {
    pick(questionnaire, question, false)
}

/// Marks as many indicators as it can, danger signs included.
pub fn danger(questionnaire: &Questionnaire, question: &Question, _: &Answers) -> Answer {
    pick(questionnaire, question, true)
}

fn pick(questionnaire: &Questionnaire, question: &Question, allow_danger: bool) -> Answer {
    let ok = |ids: &[String]| allow_danger || !is_danger(questionnaire, ids);
    match question.kind {
        QuestionKind::YesNo => {
            if !question.if_yes.is_empty() && ok(&question.if_yes) {
                Answer::Yes
            } else if ok(&question.if_no) {
                Answer::No
            } else if ok(&question.if_yes) {
                Answer::Yes
            } else if question.allow_unsure {
                Answer::Unsure
            } else {
                Answer::No
            }
        }
        QuestionKind::SingleChoice => {
            let option = question
                .options
                .iter()
                .find(|o| !o.indicators.is_empty() && ok(&o.indicators))
                .or_else(|| question.options.iter().find(|o| ok(&o.indicators)))
                .or(question.options.first())
                .expect("a single-choice question has options");
            Answer::Choice(option.id.clone())
        }
        QuestionKind::MultipleChoice => {
            let mut chosen: BTreeSet<String> = question
                .options
                .iter()
                .filter(|o| !o.exclusive && !o.indicators.is_empty() && ok(&o.indicators))
                .map(|o| o.id.clone())
                .collect();
            if chosen.is_empty() && question.options.iter().all(|o| o.indicators.is_empty()) {
                // No option marks anything (e.g. "what is offered?"): take every
                // non-exclusive one, so the most follow-up questions are asked.
                chosen = question
                    .options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| o.id.clone())
                    .collect();
            }
            if chosen.is_empty() {
                let option = question
                    .options
                    .iter()
                    .find(|o| ok(&o.indicators))
                    .or(question.options.first())
                    .expect("a multiple-choice question has options");
                chosen.insert(option.id.clone());
            }
            Answer::Choices(chosen)
        }
    }
}

/// Marks as few indicators as it can ("no", "none of these").
pub fn calm(_: &Questionnaire, question: &Question, _: &Answers) -> Answer {
    match question.kind {
        QuestionKind::YesNo => {
            if question.if_no.is_empty() {
                Answer::No
            } else if question.if_yes.is_empty() {
                Answer::Yes
            } else if question.allow_unsure {
                Answer::Unsure
            } else {
                Answer::No
            }
        }
        QuestionKind::SingleChoice => {
            let option = question
                .options
                .iter()
                .find(|o| o.indicators.is_empty())
                .or(question.options.first())
                .expect("a single-choice question has options");
            Answer::Choice(option.id.clone())
        }
        QuestionKind::MultipleChoice => {
            let option = question
                .options
                .iter()
                .find(|o| o.exclusive && o.indicators.is_empty())
                .or_else(|| question.options.iter().find(|o| o.indicators.is_empty()))
                .or(question.options.first())
                .expect("a multiple-choice question has options");
            Answer::Choices(BTreeSet::from([option.id.clone()]))
        }
    }
}

/// Like [`concern`], but answers "I'm not sure" to the second question when it
/// offers that, so the result has something in its "not sure" list.
pub fn concern_with_unsure(
    questionnaire: &Questionnaire,
    question: &Question,
    answers: &Answers,
) -> Answer {
    if answers.len() == 1 && question.allow_unsure && question.kind == QuestionKind::YesNo {
        Answer::Unsure
    } else {
        concern(questionnaire, question, answers)
    }
}

/// The first question of each kind the plan asks (for "every question screen type").
pub fn first_of_each_kind(plan: &Plan) -> Vec<&Step> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for step in &plan.steps {
        if !seen.contains(&step.kind) {
            seen.push(step.kind);
            out.push(step);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_answers() {
        assert_eq!(answer_values(&Answer::Yes), ["yes"]);
        assert_eq!(answer_values(&Answer::Choice("job".into())), ["job"]);
        assert_eq!(
            answer_values(&Answer::Choices(BTreeSet::from(["b".into(), "a".into()]))),
            ["a", "b"]
        );
    }
}
