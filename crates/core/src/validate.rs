//! Validation: everything a well-formed questionnaire must also mean.
//!
//! [`validate`] never stops early: it returns every problem, each with the path
//! of the value concerned, the id involved and a hint. The loader turns paths
//! into line:column. Checks, in order:
//!
//! - identity and languages (BCP 47 codes, `uk` not `ua`, default among them);
//! - every user-facing string in every declared language;
//! - unique ids, references to known sections, dimensions, sources, indicators;
//! - question kinds and their options; reserved option ids;
//! - conditions refer to earlier questions, with values those questions can take,
//!   and form no cycle;
//! - the scoring model's needs (strength or weight per indicator, the ILO pattern)
//!   and bands in ascending order;
//! - sources on every indicator; indicators no answer can reach (warning).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::answers::RESERVED_VALUES;
use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Band, Condition, IloStage, Model, Question, QuestionKind, Questionnaire, Text};
use crate::suggest::nearest;

/// Every problem with `q`, warnings included. No error means the questionnaire can be
/// scored and shown.
pub fn validate(q: &Questionnaire) -> Vec<Diagnostic> {
    let (limits, counts_passed) = crate::limits::check(q);
    let mut v = Validator { q, out: limits };
    // Past a count limit, nothing more is checked: the work and the output stay bounded.
    if counts_passed {
        return v.out;
    }
    v.identity_and_languages();
    v.texts();
    v.unique_ids();
    v.indicators();
    v.questions();
    v.conditions();
    v.scoring_and_bands();
    v.floors();
    v.reachability();
    v.out
}

/// Language codes that people commonly write instead of the BCP 47 one.
const WRONG_LANGUAGE_CODES: [(&str, &str, &str); 5] = [
    ("ua", "uk", "Ukrainian"),
    ("cz", "cs", "Czech"),
    ("gr", "el", "Greek"),
    ("dk", "da", "Danish"),
    ("se", "sv", "Swedish"),
];

struct Validator<'q> {
    q: &'q Questionnaire,
    out: Vec<Diagnostic>,
}

fn root() -> FieldPath {
    FieldPath::root()
}

fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest(wrong, known).map(|n| format!("did you mean `{n}`?"))
}

impl<'q> Validator<'q> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn identity_and_languages(&mut self) {
        let q = self.q;
        if !is_identifier(&q.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    root().key("id"),
                    format!("`{}` is not a usable id", q.id),
                )
                .hint("use lowercase letters, digits, `-`, `_` and `.`, starting with a letter"),
            );
        }
        if q.languages.is_empty() {
            self.push(
                Diagnostic::error("no-languages", root().key("languages"), "no language is declared")
                    .hint("list the languages this questionnaire ships, e.g. `languages = [\"en\", \"uk\"]`"),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, lang) in q.languages.iter().enumerate() {
            let path = root().key("languages").index(i);
            if !seen.insert(lang) {
                self.push(Diagnostic::error(
                    "duplicate-id",
                    path.clone(),
                    format!("language `{lang}` is listed twice"),
                ));
            }
            if let Some(hint) = language_code_problem(lang) {
                self.push(
                    Diagnostic::error(
                        "bad-language",
                        path,
                        format!("`{lang}` is not a BCP 47 language code"),
                    )
                    .hint(hint),
                );
            }
        }
        if !q.languages.contains(&q.default_language) {
            self.push(
                Diagnostic::error(
                    "bad-language",
                    root().key("default_language"),
                    format!(
                        "default language `{}` is not among `languages`",
                        q.default_language
                    ),
                )
                .maybe_hint(
                    did_you_mean(&q.default_language, q.languages.iter().map(String::as_str))
                        .or_else(|| {
                            Some(format!(
                                "add `{}` to `languages` or pick one of them",
                                q.default_language
                            ))
                        }),
                ),
            );
        }
    }

    /// Every user-facing string, with its path and subject.
    fn all_texts(&self) -> Vec<(FieldPath, String, &'q Text)> {
        let q = self.q;
        let mut texts: Vec<(FieldPath, String, &'q Text)> = vec![
            (root().key("title"), "the questionnaire".into(), &q.title),
            (
                root().key("description"),
                "the questionnaire".into(),
                &q.description,
            ),
        ];
        for (i, d) in q.dimensions.iter().enumerate() {
            let p = root().key("dimension").index(i);
            let s = format!("dimension `{}`", d.id);
            texts.push((p.key("label"), s.clone(), &d.label));
            if let Some(advice) = &d.advice {
                texts.push((p.key("advice"), s, advice));
            }
        }
        for (i, ind) in q.indicators.iter().enumerate() {
            let p = root().key("indicator").index(i);
            let s = format!("indicator `{}`", ind.id);
            texts.push((p.key("label"), s.clone(), &ind.label));
            if let Some(advice) = &ind.advice {
                texts.push((p.key("advice"), s, advice));
            }
        }
        for (i, sec) in q.sections.iter().enumerate() {
            let p = root().key("section").index(i);
            let s = format!("section `{}`", sec.id);
            texts.push((p.key("title"), s.clone(), &sec.title));
            if let Some(intro) = &sec.intro {
                texts.push((p.key("intro"), s, intro));
            }
        }
        for (i, question) in q.questions.iter().enumerate() {
            let p = root().key("question").index(i);
            let s = format!("question `{}`", question.id);
            texts.push((p.key("text"), s.clone(), &question.text));
            if let Some(why) = &question.why {
                texts.push((p.key("why"), s.clone(), why));
            }
            if let Some(unsure) = &question.if_unsure {
                texts.push((p.key("if_unsure"), s.clone(), unsure));
            }
            for (j, option) in question.options.iter().enumerate() {
                texts.push((
                    p.key("option").index(j).key("label"),
                    format!("option `{}` of question `{}`", option.id, question.id),
                    &option.label,
                ));
            }
        }
        for (i, route) in q.scoring.routes.iter().enumerate() {
            let p = root().key("scoring").key("route").index(i);
            texts.push((
                p.key("label"),
                format!("route `{}`", route.id),
                &route.label,
            ));
        }
        for (i, band) in q.bands.iter().enumerate() {
            let p = root().key("band").index(i);
            let s = format!("band `{}`", band.id);
            texts.push((p.key("label"), s.clone(), &band.label));
            texts.push((p.key("advice"), s, &band.advice));
        }
        texts
    }

    fn texts(&mut self) {
        let declared: BTreeSet<&str> = self.q.languages.iter().map(String::as_str).collect();
        let mut undeclared_reported = BTreeSet::new();
        for (path, subject, text) in self.all_texts() {
            if let Some(d) = crate::limits::text_too_long(text, &path) {
                self.push(d.subject(subject.clone()));
            }
            let missing: Vec<&str> = declared
                .iter()
                .copied()
                .filter(|lang| text.get(lang).is_none())
                .collect();
            for lang in &missing {
                self.push(
                    Diagnostic::error(
                        "missing-translation",
                        path.clone(),
                        format!("no `{lang}` text, but `{lang}` is a declared language"),
                    )
                    .subject(subject.clone())
                    .hint(format!(
                        "add `{lang} = \"…\"` here, or remove `{lang}` from `languages`"
                    )),
                );
            }
            for (lang, value) in &text.0 {
                if value.trim().is_empty() {
                    self.push(
                        Diagnostic::error("empty-text", path.key(lang), format!("the `{lang}` text is empty"))
                            .subject(subject.clone())
                            .hint("write the text, or remove the language from `languages` until it is translated"),
                    );
                }
                if !declared.contains(lang.as_str()) && undeclared_reported.insert(lang.clone()) {
                    self.push(
                        Diagnostic::warning(
                            "undeclared-language",
                            path.key(lang),
                            format!("text in `{lang}`, which `languages` does not declare"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(language_code_problem(lang).or_else(|| {
                            Some(format!(
                                "add `{lang}` to `languages` once every string has it"
                            ))
                        })),
                    );
                }
            }
        }
    }

    fn unique_ids(&mut self) {
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

    fn indicators(&mut self) {
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
            if ind.sources.is_empty() {
                self.push(
                    Diagnostic::error("no-source", p.key("id"), "indicator without a source")
                        .subject(subject.clone())
                        .hint("every indicator must cite where it comes from: add `sources = [\"<source id>\"]`"),
                );
            }
            for (j, source) in ind.sources.iter().enumerate() {
                if !sources.contains(&source.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            p.key("sources").index(j),
                            format!("source `{source}` is not declared"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(
                            did_you_mean(source, sources.iter().copied()).or_else(|| {
                                Some(format!("declare it with [[source]] id = \"{source}\""))
                            }),
                        ),
                    );
                }
            }
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

    fn questions(&mut self) {
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

    /// Conditions: known, earlier questions; values those questions can take; no cycles.
    fn conditions(&mut self) {
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
    fn check_condition(
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

    /// Each set of questions whose conditions depend on each other in a circle is
    /// reported once: one diagnostic per strongly connected component, at its last
    /// question, naming one shortest cycle through its first question (a long one
    /// shortened). Linear in the questions and conditions, so a 4,000-question
    /// circle costs no more than checking it.
    fn cycles(&mut self, depends: &BTreeMap<usize, BTreeSet<usize>>) {
        /// Ids shown in a cycle's message before it is shortened.
        const SHOWN: usize = 8;
        let n = self.q.questions.len();
        let components = strongly_connected(n, depends);
        let mut component_of = vec![usize::MAX; n];
        for (c, members) in components.iter().enumerate() {
            for &member in members {
                component_of[member] = c;
            }
        }
        let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for (c, members) in components.iter().enumerate() {
            // A question that depends on itself is already a forward reference.
            if members.len() < 2 {
                continue;
            }
            let first = members.iter().copied().min().unwrap_or(0);
            let last = members.iter().copied().max().unwrap_or(0);
            let cycle = cycle_through(first, depends, |v| component_of[v] == c);
            found.push((last, members.len(), cycle));
        }
        found.sort_unstable();
        for (last, size, cycle) in found {
            let id = |i: usize| format!("`{}`", self.q.questions[i].id);
            let mut names: Vec<String> = if cycle.len() <= SHOWN {
                cycle.iter().map(|&i| id(i)).collect()
            } else {
                let mut names: Vec<String> = cycle[..SHOWN - 2].iter().map(|&i| id(i)).collect();
                names.push("…".to_owned());
                names.push(id(cycle[cycle.len() - 1]));
                names
            };
            names.push(id(cycle[0]));
            let mut message = if cycle.len() <= SHOWN {
                format!("conditions form a cycle: {}", names.join(" → "))
            } else {
                format!(
                    "conditions form a cycle of {} questions: {}",
                    cycle.len(),
                    names.join(" → ")
                )
            };
            if size > cycle.len() {
                message.push_str(&format!(" ({size} questions depend on each other in all)"));
            }
            self.push(
                Diagnostic::error(
                    "cycle",
                    root().key("question").index(last).key("show_if"),
                    message,
                )
                .subject(format!("question `{}`", self.q.questions[last].id))
                .hint("a question can only depend on questions asked before it; break the cycle"),
            );
        }
    }

    fn scoring_and_bands(&mut self) {
        let q = self.q;
        match q.scoring.model {
            Model::Ilo => {
                let routes = &q.scoring.routes;
                if q.scoring.pattern.is_empty() && routes.is_empty() {
                    self.push(
                        Diagnostic::error("missing-field", root().key("scoring"), "the `ilo` model needs a `pattern`")
                            .hint("e.g. pattern = [[\"deceptive_recruitment\", \"coercive_recruitment\"], [\"exploitative_conditions\"]], or [[scoring.route]] tables"),
                    );
                }
                if !q.scoring.pattern.is_empty() && !routes.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("pattern"),
                            "`pattern` is not used when there are routes: each route has its own",
                        )
                        .hint("move the pattern into the route it belongs to, or remove the [[scoring.route]] tables"),
                    );
                }
                self.pattern(
                    &q.scoring.pattern,
                    &root().key("scoring").key("pattern"),
                    None,
                );
                self.routes();
            }
            Model::Weighted => {
                if !q.scoring.pattern.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("pattern"),
                            "`pattern` belongs to the `ilo` model",
                        )
                        .hint("remove it, or set `model = \"ilo\"`"),
                    );
                }
                if !q.scoring.routes.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("route"),
                            "routes belong to the `ilo` model",
                        )
                        .hint("remove the [[scoring.route]] tables, or set `model = \"ilo\"`"),
                    );
                }
            }
        }

        if q.bands.is_empty() {
            self.push(
                Diagnostic::error("no-bands", root(), "no result bands")
                    .hint("add [[band]] tables from the lowest level of concern to the highest"),
            );
        }
        match q.scoring.model {
            Model::Weighted => self.ordered_bands(|b| b.min_score, "min_score", 0, "0", "when"),
            Model::Ilo => self.ordered_bands(
                |b| b.when,
                "when",
                IloStage::Always,
                "\"always\"",
                "min_score",
            ),
        }
    }

    /// An `ilo` pattern: non-empty parts of declared dimensions.
    fn pattern(&mut self, pattern: &[Vec<String>], path: &FieldPath, subject: Option<&str>) {
        let dims: Vec<&str> = self.q.dimensions.iter().map(|d| d.id.as_str()).collect();
        for (i, part) in pattern.iter().enumerate() {
            let p = path.index(i);
            if part.is_empty() {
                self.push(
                    Diagnostic::error(
                        "bad-pattern",
                        p.clone(),
                        "an empty part of the pattern can never be met",
                    )
                    .maybe_subject(subject)
                    .hint("list at least one dimension id in each part"),
                );
            }
            for (j, dim) in part.iter().enumerate() {
                if !dims.contains(&dim.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            p.index(j),
                            format!("pattern names dimension `{dim}`, which is not declared"),
                        )
                        .maybe_subject(subject)
                        .maybe_hint(did_you_mean(dim, dims.iter().copied())),
                    );
                }
            }
        }
    }

    /// `[[scoring.route]]`: unique ids, a pattern each, known dimensions, indicators
    /// and sources, conditions over known questions.
    fn routes(&mut self) {
        let q = self.q;
        let dims: Vec<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
        let indicators: Vec<&str> = q.indicators.iter().map(|i| i.id.as_str()).collect();
        let sources: Vec<&str> = q.sources.iter().map(|s| s.id.as_str()).collect();
        let position: HashMap<&str, usize> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| (question.id.as_str(), i))
            .collect();
        let mut seen = BTreeSet::new();
        for (i, route) in q.scoring.routes.iter().enumerate() {
            let p = root().key("scoring").key("route").index(i);
            let subject = format!("route `{}`", route.id);
            if !is_identifier(&route.id) {
                self.push(
                    Diagnostic::error(
                        "bad-id",
                        p.key("id"),
                        format!("`{}` is not a usable id", route.id),
                    )
                    .hint(
                        "use lowercase letters, digits, `-`, `_` and `.`, starting with a letter",
                    ),
                );
            }
            if !seen.insert(route.id.as_str()) {
                self.push(Diagnostic::error(
                    "duplicate-id",
                    p.key("id"),
                    format!("route `{}` is declared twice", route.id),
                ));
            }
            if route.pattern.is_empty() {
                self.push(
                    Diagnostic::error("missing-field", p.key("id"), "a route needs a `pattern`")
                        .subject(subject.clone())
                        .hint("e.g. pattern = [[\"exploitative_conditions\"]]"),
                );
            }
            self.pattern(&route.pattern, &p.key("pattern"), Some(&subject));
            let lists = [
                ("reinforcing", &route.reinforcing, "a reinforcing dimension is one that must not complete the pattern: remove it from one of the two"),
                ("counted", &route.counted, "a counted dimension is one outside the pattern: remove it from one of the two"),
            ];
            for (key, list, hint) in lists {
                for (j, dim) in list.iter().enumerate() {
                    let at = p.key(key).index(j);
                    if !dims.contains(&dim.as_str()) {
                        self.push(
                            Diagnostic::error(
                                "unknown-reference",
                                at,
                                format!("dimension `{dim}` is not declared"),
                            )
                            .subject(subject.clone())
                            .maybe_hint(did_you_mean(dim, dims.iter().copied())),
                        );
                    } else if route.pattern.iter().flatten().any(|d| d == dim) {
                        self.push(
                            Diagnostic::warning(
                                "bad-pattern",
                                at,
                                format!("dimension `{dim}` is in the pattern already"),
                            )
                            .subject(subject.clone())
                            .hint(hint),
                        );
                    } else if key == "counted" && route.reinforcing.contains(dim) {
                        self.push(
                            Diagnostic::warning(
                                "bad-pattern",
                                at,
                                format!("dimension `{dim}` is both reinforcing and counted"),
                            )
                            .subject(subject.clone())
                            .hint("reinforcing dimensions are reported only; counted ones count for the bands: choose one"),
                        );
                    }
                }
            }
            let named = route
                .strengths
                .keys()
                .map(|id| (p.key("strengths").key(id), id))
                .chain(
                    route
                        .exclude
                        .iter()
                        .enumerate()
                        .map(|(j, id)| (p.key("exclude").index(j), id)),
                );
            for (at, id) in named {
                if !indicators.contains(&id.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            at,
                            format!("indicator `{id}` is not declared"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(did_you_mean(id, indicators.iter().copied())),
                    );
                }
            }
            if route.sources.is_empty() {
                self.push(
                    Diagnostic::error("no-source", p.key("id"), "route without a source")
                        .subject(subject.clone())
                        .hint("a set and rule must cite where it comes from: add `sources = [\"<source id>\"]`"),
                );
            }
            for (j, source) in route.sources.iter().enumerate() {
                if !sources.contains(&source.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            p.key("sources").index(j),
                            format!("source `{source}` is not declared"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(did_you_mean(source, sources.iter().copied())),
                    );
                }
            }
            if let Some(when) = &route.when {
                // Routes are chosen after the last answer: any question may be named.
                self.check_condition(when, &p.key("when"), &subject, None, &position);
            }
        }
    }

    /// Bands must all carry `key`, start at `first`, and rise strictly.
    fn ordered_bands<T: PartialOrd + Copy + serde::Serialize>(
        &mut self,
        get: impl Fn(&Band) -> Option<T>,
        key: &str,
        first: T,
        first_text: &str,
        other_key: &str,
    ) {
        let model = self.q.scoring.model.as_str();
        let mut previous: Option<T> = None;
        for (i, band) in self.q.bands.iter().enumerate() {
            let p = root().key("band").index(i);
            let subject = format!("band `{}`", band.id);
            if band.undetermined {
                self.undetermined_band(i, band);
                continue;
            }
            let other_present = match other_key {
                "when" => band.when.is_some(),
                _ => band.min_score.is_some(),
            };
            if other_present {
                self.push(
                    Diagnostic::error(
                        "ignored-field",
                        p.key(other_key),
                        format!("`{other_key}` is not used by the `{model}` model"),
                    )
                    .subject(subject.clone())
                    .hint(format!("use `{key}` instead")),
                );
            }
            let Some(value) = get(band) else {
                self.push(
                    Diagnostic::error(
                        "missing-field",
                        p.key("id"),
                        format!("the `{model}` model needs `{key}` on every band"),
                    )
                    .subject(subject)
                    .hint(format!(
                        "add `{key} = …`; bands go from lowest concern to highest"
                    )),
                );
                continue;
            };
            if i == 0 && value != first {
                self.push(
                    Diagnostic::error(
                        "band-order",
                        p.key(key),
                        format!("the first band must start at `{key} = {first_text}`"),
                    )
                    .subject(subject.clone())
                    .hint("otherwise some results fall in no band"),
                );
            }
            if let Some(prev) = previous {
                if value <= prev {
                    self.push(
                        Diagnostic::error(
                            "band-order",
                            p.key(key),
                            format!(
                                "thresholds out of order: {} does not come after {}",
                                spelled(&value),
                                spelled(&prev)
                            ),
                        )
                        .subject(subject)
                        .hint("list bands from the lowest level of concern to the highest, each strictly above the one before"),
                    );
                }
            }
            previous = Some(value);
        }
    }

    /// The "cannot tell" band: one at most, right after the first band, and off the
    /// ladder (no threshold: the scorer chooses it, not the model).
    fn undetermined_band(&mut self, i: usize, band: &Band) {
        let p = root().key("band").index(i);
        let subject = format!("band `{}`", band.id);
        if i != 1 {
            self.push(
                Diagnostic::error(
                    "band-order",
                    p.key("undetermined"),
                    "the \"cannot tell\" band must come right after the first band",
                )
                .subject(subject.clone())
                .hint("it replaces the lowest band when too much was left open, so it ranks just above it"),
            );
        }
        if band.min_score.is_some() || band.when.is_some() {
            let key = if band.min_score.is_some() {
                "min_score"
            } else {
                "when"
            };
            self.push(
                Diagnostic::error(
                    "ignored-field",
                    p.key(key),
                    format!(
                        "an `undetermined` band has no `{key}`: it is not a step of the ladder"
                    ),
                )
                .subject(subject)
                .hint(format!("remove `{key}`")),
            );
        }
    }

    /// Severity and unsure floors name bands.
    fn floors(&mut self) {
        let q = self.q;
        let bands: Vec<&str> = q.bands.iter().map(|b| b.id.as_str()).collect();
        let check = |d: &mut Vec<Diagnostic>, path: FieldPath, subject: String, id: &str| {
            if !bands.contains(&id) {
                d.push(
                    Diagnostic::error(
                        "unknown-reference",
                        path,
                        format!("band `{id}` is not declared"),
                    )
                    .subject(subject)
                    .maybe_hint(did_you_mean(id, bands.iter().copied())),
                );
            }
        };
        let mut found = Vec::new();
        for (i, ind) in q.indicators.iter().enumerate() {
            if let Some(id) = &ind.at_least {
                let path = root().key("indicator").index(i).key("at_least");
                check(&mut found, path, format!("indicator `{}`", ind.id), id);
            }
        }
        for (i, question) in q.questions.iter().enumerate() {
            if let Some(id) = &question.unsure_at_least {
                let path = root().key("question").index(i).key("unsure_at_least");
                check(&mut found, path, format!("question `{}`", question.id), id);
                if !question.allow_unsure && !question.allow_decline {
                    found.push(
                        Diagnostic::warning(
                            "ignored-field",
                            root().key("question").index(i).key("unsure_at_least"),
                            "this question offers neither \"not sure\" nor \"rather not say\"",
                        )
                        .subject(format!("question `{}`", question.id)),
                    );
                }
            }
        }
        let undetermined = q.bands.iter().filter(|b| b.undetermined).count();
        if undetermined > 1 {
            found.push(
                Diagnostic::error(
                    "duplicate-id",
                    root().key("band"),
                    "more than one band is `undetermined`",
                )
                .hint("keep one \"cannot tell\" band"),
            );
        }
        for d in found {
            self.push(d);
        }
    }

    /// Indicators no answer can mark are dead weight: probably a forgotten question.
    fn reachability(&mut self) {
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

/// A value as the file spells it (`pattern_met`, `3`), for messages.
fn spelled<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::from("?"),
    }
}

/// The strongly connected components of the graph on `0..n` whose edges are
/// `depends`, by Tarjan's algorithm, without recursion (a 100,000-question chain
/// must not overflow the stack). Edges to nodes outside `0..n` are ignored.
fn strongly_connected(n: usize, depends: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let empty = BTreeSet::new();
    let edges = |node: usize| depends.get(&node).unwrap_or(&empty).iter();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next_index = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        let mut work = vec![(root, edges(root))];
        while let Some((node, pending)) = work.last_mut() {
            let node = *node;
            if let Some(&next) = pending.next() {
                if next >= n {
                    continue;
                }
                if index[next] == UNSEEN {
                    index[next] = next_index;
                    low[next] = next_index;
                    next_index += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    work.push((next, edges(next)));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
            } else {
                work.pop();
                if let Some((parent, _)) = work.last() {
                    low[*parent] = low[*parent].min(low[node]);
                }
                if low[node] == index[node] {
                    let mut component = Vec::new();
                    while let Some(member) = stack.pop() {
                        on_stack[member] = false;
                        component.push(member);
                        if member == node {
                            break;
                        }
                    }
                    components.push(component);
                }
            }
        }
    }
    components
}

/// A shortest cycle from `first` back to it through nodes for which `inside`
/// holds (breadth first, so the cost is that of the component): `first`, then
/// the nodes in order, not repeating `first`.
fn cycle_through(
    first: usize,
    depends: &BTreeMap<usize, BTreeSet<usize>>,
    inside: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([first]);
    while let Some(node) = queue.pop_front() {
        for &next in depends.get(&node).into_iter().flatten() {
            if next == first {
                let mut cycle = vec![node];
                let mut at = node;
                while at != first {
                    at = parent[&at];
                    cycle.push(at);
                }
                cycle.reverse();
                // `first` is pushed last when the walk reaches it; a cycle through
                // `first` alone would be a self-dependence, excluded by the caller.
                if cycle.len() > 1 && cycle[0] == first {
                    return cycle;
                }
                return vec![first, node];
            }
            if inside(next) && next != first && !parent.contains_key(&next) {
                parent.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    vec![first]
}

/// The indicators that some answer to some question can mark present.
pub fn reachable_indicators(q: &Questionnaire) -> BTreeSet<&str> {
    q.questions
        .iter()
        .flat_map(|question| {
            question
                .if_yes
                .iter()
                .chain(&question.if_no)
                .chain(question.options.iter().flat_map(|o| &o.indicators))
        })
        .map(String::as_str)
        .collect()
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

/// Lowercase letter first, then lowercase letters, digits, `-`, `_`, `.`.
fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// A hint if `tag` is not a plausible BCP 47 language tag (`uk`, `de-AT`, `sr-Latn`).
fn language_code_problem(tag: &str) -> Option<String> {
    if let Some((_, right, name)) = WRONG_LANGUAGE_CODES
        .iter()
        .find(|(wrong, _, _)| *wrong == tag)
    {
        return Some(format!("{name} is `{right}` (`{tag}` is a country code)"));
    }
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        None
    } else {
        Some("use a BCP 47 code: a 2- or 3-letter lowercase language (`uk`, `ru`, `de`), optionally a region (`de-AT`)".into())
    }
}
