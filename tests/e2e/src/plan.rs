//! Answer plans: which answers a test gives, question by question, and what the
//! widget must show for them.
//!
//! Plans are computed from the compiled questionnaire the widget loads
//! (`www/q/*.json`) with `riskscreen-core`'s own skip logic and scoring, so the
//! tests follow whatever questions the questionnaire has and check the widget
//! against the reference implementation instead of hard-coded ids.

use std::collections::BTreeSet;
use std::path::Path;

use riskscreen_core::flow::Plan as FlowPlan;
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

/// "I'm not sure" wherever the question offers it; elsewhere (a gate that does not
/// offer it) the calmest answer.
pub fn unsure_everywhere(
    questionnaire: &Questionnaire,
    question: &Question,
    answers: &Answers,
) -> Answer {
    if question.allow_unsure {
        Answer::Unsure
    } else {
        calm(questionnaire, question, answers)
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

/// Every answer a question can get from the widget: yes/no (and "not sure",
/// "rather not say" where offered); each option of a single choice; for a
/// multiple choice every non-exclusive option together, then each option alone.
pub fn candidate_answers(question: &Question) -> Vec<Answer> {
    let mut out = match question.kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::SingleChoice => question
            .options
            .iter()
            .map(|o| Answer::Choice(o.id.clone()))
            .collect(),
        QuestionKind::MultipleChoice => {
            let all: BTreeSet<String> = question
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .map(|o| o.id.clone())
                .collect();
            let mut out = Vec::new();
            if !all.is_empty() {
                out.push(Answer::Choices(all.clone()));
            }
            out.extend(
                question
                    .options
                    .iter()
                    .map(|o| Answer::Choices(BTreeSet::from([o.id.clone()])))
                    .filter(|a| !matches!(a, Answer::Choices(set) if *set == all)),
            );
            out
        }
    };
    if question.allow_unsure {
        out.push(Answer::Unsure);
    }
    if question.allow_decline {
        out.push(Answer::Declined);
    }
    out
}

/// Walks on from question `current` (exclusive; `None`: from the start) as the
/// widget does, answering each shown question with `choose`; returns every
/// answer and how many questions were shown in all.
fn walk_from(
    questionnaire: &Questionnaire,
    flow: &FlowPlan,
    mut answers: Answers,
    mut current: Option<usize>,
    choose: &dyn Fn(&Question, &Answers) -> Answer,
) -> (Answers, usize) {
    let mut shown = current.map_or(0, |c| {
        flow.visible(&answers).iter().filter(|&&i| i <= c).count()
    });
    loop {
        let visible = flow.visible(&answers);
        let Some(next) = visible.into_iter().find(|&i| current.is_none_or(|c| i > c)) else {
            break;
        };
        let question = &questionnaire.questions[next];
        let answer = choose(question, &answers);
        answers.insert(question.id.clone(), answer);
        shown += 1;
        current = Some(next);
    }
    (answers, shown)
}

/// Shows as many questions as one run can: at each question, the answer whose
/// run (the later questions answered by [`danger`]) shows the most questions;
/// among those, the one whose run has a danger sign, then the most indicators.
/// So every gate that can open opens, and the result shows the danger block
/// when the questionnaire has a danger sign on that path.
pub fn most_questions(
    questionnaire: &Questionnaire,
    question: &Question,
    answers: &Answers,
) -> Answer {
    let flow = FlowPlan::new(questionnaire);
    let position = questionnaire
        .questions
        .iter()
        .position(|q| q.id == question.id)
        .expect("the question is in the questionnaire");
    let rest = |q: &Question, _: &Answers| pick(questionnaire, q, true);
    let mut best: Option<((usize, bool, usize), Answer)> = None;
    for candidate in candidate_answers(question) {
        let mut tried = answers.clone();
        tried.insert(question.id.clone(), candidate.clone());
        let (all, shown) = walk_from(questionnaire, &flow, tried, Some(position), &rest);
        let evaluation = score(questionnaire, &all);
        let rank = (shown, evaluation.danger, evaluation.present.len());
        if best.as_ref().is_none_or(|(b, _)| rank > *b) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, a)| a)
        .unwrap_or_else(|| pick(questionnaire, question, true))
}

/// The questions no run of [`plan`] with `choose` reaches: those the plan skips.
pub fn not_shown<'q>(questionnaire: &'q Questionnaire, plan: &Plan) -> Vec<&'q str> {
    questionnaire
        .questions
        .iter()
        .filter(|q| !plan.steps.iter().any(|s| s.question == q.id))
        .map(|q| q.id.as_str())
        .collect()
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
