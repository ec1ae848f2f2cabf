//! Ids and references: unique, well-formed ids; indicators, questions and options
//! that name declared dimensions, sources, sections and indicators; the scoring
//! model's fields on each indicator; and indicators no answer can reach.

use std::collections::{BTreeSet, HashMap};

use super::{did_you_mean, is_identifier, reachable_indicators, root, Validator};
use crate::answers::RESERVED_VALUES;
use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Model, QuestionKind};

impl Validator<'_> {
    pub(super) fn unique_ids(&mut self) {
        let q = self.q;
        let lists: [(&str, Vec<&str>); 6] = [
            ("source", q.sources.iter().map(|x| x.id.as_str()).collect()),
            (
                "dimension",
                q.dimensions.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "indicator",
                q.indicators.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "section",
                q.sections.iter().map(|x| x.id.as_str()).collect(),
            ),
            (
                "question",
                q.questions.iter().map(|x| x.id.as_str()).collect(),
            ),
            ("band", q.bands.iter().map(|x| x.id.as_str()).collect()),
        ];
        for (kind, ids) in lists {
            self.duplicates(root().key(kind), kind, &ids);
            for (i, id) in ids.iter().enumerate() {
                if !is_identifier(id) {
                    self.push(
                        Diagnostic::error(
                            "bad-id",
                            root().key(kind).index(i).key("id"),
                            format!("`{id}` is not a usable id"),
                        )
                        .subject(format!("{kind} #{}", i + 1))
                        .hint("use lowercase letters, digits, `-`, `_` and `.`, starting with a letter"),
                    );
                }
            }
        }
        for (i, question) in q.questions.iter().enumerate() {
            let ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
            self.duplicates(
                root().key("question").index(i).key("option"),
                "option",
                &ids,
            );
        }
    }

    fn duplicates(&mut self, list: FieldPath, kind: &str, ids: &[&str]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(&earlier) = first.get(id) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        list.index(i).key("id"),
                        format!("{kind} id `{id}` is used twice"),
                    )
                    .subject(format!("{kind} `{id}`"))
                    .hint(format!(
                        "the first one is {kind} #{}; ids must be unique",
                        earlier + 1
                    )),
                );
            } else {
                first.insert(id, i);
            }
        }
    }

    pub(super) fn indicators(&mut self) {
        let q = self.q;
        let dimensions: Vec<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
        let sources: Vec<&str> = q.sources.iter().map(|s| s.id.as_str()).collect();
        for (i, ind) in q.indicators.iter().enumerate() {
            let p = root().key("indicator").index(i);
            let subject = format!("indicator `{}`", ind.id);
            if !dimensions.contains(&ind.dimension.as_str()) {
                self.push(
                    Diagnostic::error(
                        "unknown-reference",
                        p.key("dimension"),
                        format!("dimension `{}` is not declared", ind.dimension),
                    )
                    .subject(subject.clone())
                    .maybe_hint(
                        did_you_mean(&ind.dimension, dimensions.iter().copied()).or_else(|| {
                            Some(format!(
                                "declare it with [[dimension]] id = \"{}\"",
                                ind.dimension
                            ))
                        }),
                    ),
                );
            }
            self.cited_sources(
                &p,
                &subject,
                "indicator",
                "every indicator",
                &ind.sources,
                &sources,
            );
            match q.scoring.model {
                Model::Ilo => {
                    if ind.strength.is_none() {
                        self.push(
                            Diagnostic::error(
                                "missing-field",
                                p.key("id"),
                                "the `ilo` model needs a strength",
                            )
                            .subject(subject.clone())
                            .hint("add `strength = \"strong\"`, `\"medium\"` or `\"weak\"`"),
                        );
                    }
                    if ind.weight.is_some() {
                        self.push(
                            Diagnostic::warning(
                                "ignored-field",
                                p.key("weight"),
                                "`weight` is not used by the `ilo` model",
                            )
                            .subject(subject.clone())
                            .hint("remove it; the ilo model counts strengths"),
                        );
                    }
                }
                Model::Weighted => {
                    if ind.weight.is_none() {
                        self.push(
                            Diagnostic::error(
                                "missing-field",
                                p.key("id"),
                                "the `weighted` model needs a weight",
                            )
                            .subject(subject.clone())
                            .hint("add `weight = N` (what this sign adds to the score)"),
                        );
                    }
                    if ind.strength.is_some() {
                        self.push(
                            Diagnostic::warning(
                                "ignored-field",
                                p.key("strength"),
                                "`strength` is not used by the `weighted` model",
                            )
                            .subject(subject)
                            .hint("remove it, or switch `scoring.model` to `ilo`"),
                        );
                    }
                }
            }
        }
    }

    pub(super) fn questions(&mut self) {
        let q = self.q;
        let sections: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
        let indicators: Vec<&str> = q.indicators.iter().map(|i| i.id.as_str()).collect();
        if q.questions.is_empty() {
            self.push(
                Diagnostic::error("no-questions", root(), "the questionnaire has no questions")
                    .hint("add [[question]] tables"),
            );
        }
        for (i, question) in q.questions.iter().enumerate() {
            let p = root().key("question").index(i);
            let subject = format!("question `{}`", question.id);
            if !sections.contains(&question.section.as_str()) {
                self.push(
                    Diagnostic::error(
                        "unknown-reference",
                        p.key("section"),
                        format!("section `{}` is not declared", question.section),
                    )
                    .subject(subject.clone())
                    .maybe_hint(
                        did_you_mean(&question.section, sections.iter().copied()).or_else(|| {
                            Some(format!(
                                "declare it with [[section]] id = \"{}\"",
                                question.section
                            ))
                        }),
                    ),
                );
            }
            let mut references: Vec<(FieldPath, &str, String)> = Vec::new();
            match question.kind {
                QuestionKind::YesNo => {
                    if !question.options.is_empty() {
                        self.push(
                            Diagnostic::error(
                                "bad-options",
                                p.key("option"),
                                "a yes/no question has no options",
                            )
                            .subject(subject.clone())
                            .hint(
                                "use `if_yes`/`if_no` for indicators, or make it `single_choice`",
                            ),
                        );
                    }
                    if question.if_yes.is_empty() && question.if_no.is_empty() {
                        // A question that marks nothing may still gate others; only warn
                        // when nothing depends on it either (see reachability).
                    }
                    for (j, id) in question.if_yes.iter().enumerate() {
                        references.push((p.key("if_yes").index(j), id, subject.clone()));
                    }
                    for (j, id) in question.if_no.iter().enumerate() {
                        references.push((p.key("if_no").index(j), id, subject.clone()));
                    }
                }
                QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                    if question.options.is_empty() {
                        self.push(
                            Diagnostic::error(
                                "bad-options",
                                p.key("kind"),
                                "a choice question without options",
                            )
                            .subject(subject.clone())
                            .hint("add [[question.option]] tables, at least two"),
                        );
                    } else if question.options.len() == 1 {
                        self.push(
                            Diagnostic::warning(
                                "bad-options",
                                p.key("option"),
                                "a choice question with one option",
                            )
                            .subject(subject.clone())
                            .hint("add the other answers, or make it a `yes_no` question"),
                        );
                    }
                    for field in ["if_yes", "if_no"] {
                        let used = if field == "if_yes" {
                            &question.if_yes
                        } else {
                            &question.if_no
                        };
                        if !used.is_empty() {
                            self.push(
                                Diagnostic::error(
                                    "bad-options",
                                    p.key(field),
                                    format!("`{field}` only applies to yes/no questions"),
                                )
                                .subject(subject.clone())
                                .hint("put the indicators on the options: `indicators = [...]`"),
                            );
                        }
                    }
                    for (j, option) in question.options.iter().enumerate() {
                        let op = p.key("option").index(j);
                        let osubject =
                            format!("option `{}` of question `{}`", option.id, question.id);
                        if RESERVED_VALUES.contains(&option.id.as_str()) {
                            self.push(
                                Diagnostic::error("reserved-id", op.key("id"), format!("`{}` is reserved", option.id))
                                    .subject(osubject.clone())
                                    .hint("yes, no, unsure and declined are answer words; use a yes_no question or another id"),
                            );
                        }
                        if option.exclusive && question.kind != QuestionKind::MultipleChoice {
                            self.push(
                                Diagnostic::warning(
                                    "ignored-field",
                                    op.key("exclusive"),
                                    "`exclusive` only matters in multiple-choice questions",
                                )
                                .subject(osubject.clone()),
                            );
                        }
                        for (k, id) in option.indicators.iter().enumerate() {
                            references.push((op.key("indicators").index(k), id, osubject.clone()));
                        }
                    }
                }
            }
            for (path, id, subject) in references {
                if !indicators.contains(&id) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            path,
                            format!("indicator `{id}` is not declared"),
                        )
                        .subject(subject)
                        .maybe_hint(
                            did_you_mean(id, indicators.iter().copied()).or_else(|| {
                                Some(format!("declare it with [[indicator]] id = \"{id}\""))
                            }),
                        ),
                    );
                }
            }
        }
        for (i, section) in q.sections.iter().enumerate() {
            if !q
                .questions
                .iter()
                .any(|question| question.section == section.id)
            {
                self.push(
                    Diagnostic::warning(
                        "empty-section",
                        root().key("section").index(i).key("id"),
                        "no question is in this section",
                    )
                    .subject(format!("section `{}`", section.id))
                    .hint("add questions with `section = \"…\"`, or remove the section"),
                );
            }
        }
    }

    /// Indicators no answer can mark are dead weight: probably a forgotten question.
    pub(super) fn reachability(&mut self) {
        let reachable: BTreeSet<&str> = reachable_indicators(self.q);
        for (i, ind) in self.q.indicators.iter().enumerate() {
            if !reachable.contains(ind.id.as_str()) {
                self.push(
                    Diagnostic::warning(
                        "unreachable-indicator",
                        root().key("indicator").index(i).key("id"),
                        "no answer marks this indicator",
                    )
                    .subject(format!("indicator `{}`", ind.id))
                    .hint("reference it from a question's `if_yes`/`if_no` or an option's `indicators`"),
                );
            }
        }
    }
}
