//! Conditions (`show_if` of questions and sections, `when` of routes): they name
//! known questions, asked earlier, with values those questions can take. The
//! dependencies they create go to the cycle check (`cycles`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{did_you_mean, root, Validator};
use crate::answers::RESERVED_VALUES;
use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Condition, Question, QuestionKind, Questionnaire};
use crate::suggest::nearest;

impl Validator<'_> {
    /// Conditions: known, earlier questions; values those questions can take; no cycles.
    pub(super) fn conditions(&mut self) {
        let q = self.q;
        let position: HashMap<&str, usize> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| (question.id.as_str(), i))
            .collect();
        // Edges of the dependency graph, for the cycle check.
        let mut depends: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();

        for (i, question) in q.questions.iter().enumerate() {
            let subject = format!("question `{}`", question.id);
            if let Some(condition) = &question.show_if {
                let path = root().key("question").index(i).key("show_if");
                for (target, _) in
                    self.check_condition(condition, &path, &subject, Some(i), &position)
                {
                    depends.entry(i).or_default().insert(target);
                }
            }
        }
        for (i, section) in q.sections.iter().enumerate() {
            let Some(condition) = &section.show_if else {
                continue;
            };
            let first = q
                .questions
                .iter()
                .position(|question| question.section == section.id);
            let subject = format!("section `{}`", section.id);
            let path = root().key("section").index(i).key("show_if");
            let targets = self.check_condition(condition, &path, &subject, first, &position);
            for (index, question) in q.questions.iter().enumerate() {
                if question.section == section.id {
                    for (target, _) in &targets {
                        depends.entry(index).or_default().insert(*target);
                    }
                }
            }
        }
        self.cycles(&depends);
    }

    /// Checks one condition tree; returns the questions it refers to.
    pub(super) fn check_condition(
        &mut self,
        condition: &Condition,
        path: &FieldPath,
        subject: &str,
        asked_at: Option<usize>,
        position: &HashMap<&str, usize>,
    ) -> Vec<(usize, String)> {
        let mut targets = Vec::new();
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                let key = if matches!(condition, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if list.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "bad-condition",
                            path.key(key),
                            format!("`{key}` with no conditions"),
                        )
                        .subject(subject)
                        .hint("list at least one condition, or remove it"),
                    );
                }
                for (i, inner) in list.iter().enumerate() {
                    targets.extend(self.check_condition(
                        inner,
                        &path.key(key).index(i),
                        subject,
                        asked_at,
                        position,
                    ));
                }
            }
            Condition::Not(inner) => {
                targets.extend(self.check_condition(
                    inner,
                    &path.key("not"),
                    subject,
                    asked_at,
                    position,
                ));
            }
            Condition::Equals(test) | Condition::Includes(test) => {
                let key = if matches!(condition, Condition::Equals(_)) {
                    "equals"
                } else {
                    "includes"
                };
                let p = path.key(key);
                match position.get(test.question.as_str()) {
                    None => {
                        self.push(
                            Diagnostic::error(
                                "unknown-reference",
                                p.key("question"),
                                format!(
                                    "condition refers to question `{}`, which does not exist",
                                    test.question
                                ),
                            )
                            .subject(subject)
                            .maybe_hint(did_you_mean(
                                &test.question,
                                self.q.questions.iter().map(|q| q.id.as_str()),
                            )),
                        );
                    }
                    Some(&target) => {
                        targets.push((target, test.question.clone()));
                        if let Some(at) = asked_at {
                            if target >= at {
                                let (message, hint) =
                                    forward_reference(self.q, subject, target, at);
                                self.push(
                                    Diagnostic::error(
                                        "forward-reference",
                                        p.key("question"),
                                        message,
                                    )
                                    .subject(subject)
                                    .hint(hint),
                                );
                            }
                        }
                        let question = &self.q.questions[target];
                        if let Some(problem) = value_problem(question, &test.value) {
                            self.push(
                                Diagnostic::error("bad-condition", p.key("value"), problem.0)
                                    .subject(subject)
                                    .hint(problem.1),
                            );
                        }
                    }
                }
            }
        }
        targets
    }
}

/// The message and hint for a condition (of a question, or of a section whose first
/// question is at `at`) that refers to the question at `target >= at`.
fn forward_reference(
    q: &Questionnaire,
    subject: &str,
    target: usize,
    at: usize,
) -> (String, String) {
    let id = &q.questions[target].id;
    if subject.starts_with("section") {
        let what = if q.questions[target].section == q.questions[at].section {
            "a question in this section"
        } else {
            "a question asked after the section starts"
        };
        (
            format!("condition refers to {what}, `{id}`"),
            format!("a section's condition may only use answers to questions asked before the section starts; ask `{id}` in an earlier section"),
        )
    } else {
        let what = if target == at {
            "itself"
        } else {
            "a later question"
        };
        (
            format!("condition refers to {what}, `{id}`"),
            "conditions may only use answers to questions asked before; move this question after it".to_owned(),
        )
    }
}

/// Why `value` can never be the answer to `question`, with a hint; `None` if it can.
fn value_problem(question: &Question, value: &str) -> Option<(String, String)> {
    let ok = match value {
        "unsure" => question.allow_unsure,
        "declined" => question.allow_decline,
        "yes" | "no" => question.kind == QuestionKind::YesNo,
        id => question.kind != QuestionKind::YesNo && question.option(id).is_some(),
    };
    if ok {
        return None;
    }
    let mut possible: Vec<&str> = match question.kind {
        QuestionKind::YesNo => vec!["yes", "no"],
        // Reserved ids cannot be told apart from the answer words; leave them out.
        _ => question
            .options
            .iter()
            .map(|o| o.id.as_str())
            .filter(|id| !RESERVED_VALUES.contains(id))
            .collect(),
    };
    if question.allow_unsure {
        possible.push("unsure");
    }
    if question.allow_decline {
        possible.push("declined");
    }
    let hint = nearest(value, possible.iter().copied())
        .map(|n| format!("did you mean `{n}`?"))
        .unwrap_or_else(|| {
            let quoted: Vec<String> = possible.iter().map(|p| format!("`{p}`")).collect();
            format!(
                "question `{}` can be answered {}",
                question.id,
                quoted.join(", ")
            )
        });
    Some((
        format!("question `{}` can never be answered `{value}`", question.id),
        hint,
    ))
}
