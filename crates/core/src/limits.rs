//! The limits on what a questionnaire may hold, stated once.
//!
//! The shipped questionnaires are far inside them (the largest has 76 questions,
//! 70 indicators, 9 languages, conditions 3 deep and a 410 KB compiled file); a
//! file past one is a mistake or an attack, and refusing it early keeps every
//! later step (validation, the widget's reader, scoring) bounded. The validator
//! reports each limit passed as a located `limit` error and checks nothing more
//! when a count is passed; the widget refuses such a file with a readable error
//! before it reads it. `docs/questionnaire-format.md` lists them.

use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Condition, Questionnaire, Text};

/// The most bytes a questionnaire file (TOML or compiled JSON) may have.
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;
/// The most questions.
pub const MAX_QUESTIONS: usize = 5_000;
/// The most options of one question.
pub const MAX_OPTIONS: usize = 100;
/// The most indicators.
pub const MAX_INDICATORS: usize = 5_000;
/// The most sources, dimensions, sections, bands or routes (each).
pub const MAX_TABLES: usize = 500;
/// The most languages.
pub const MAX_LANGUAGES: usize = 50;
/// The most characters of one text in one language.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The deepest a condition may nest (`all`, `any`, `not` inside each other).
pub const MAX_CONDITION_DEPTH: usize = 32;

/// The error for a source text over [`MAX_SOURCE_BYTES`], if it is.
pub fn source_too_large(bytes: usize) -> Option<Diagnostic> {
    (bytes > MAX_SOURCE_BYTES).then(|| {
        Diagnostic::error(
            "limit",
            FieldPath::root(),
            format!("the file has {bytes} bytes; the most a questionnaire may have is {MAX_SOURCE_BYTES}"),
        )
        .hint("a questionnaire this large is a mistake: check that this is the right file")
    })
}

/// How deeply `condition` nests (a test alone is 1), counted without recursion so
/// that any depth can be measured.
pub fn condition_depth(condition: &Condition) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(condition, 1)];
    while let Some((condition, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                stack.extend(list.iter().map(|c| (c, depth + 1)));
            }
            Condition::Not(inner) => stack.push((inner, depth + 1)),
            Condition::Equals(_) | Condition::Includes(_) => {}
        }
    }
    deepest
}

/// Every limit `q` passes, as located errors. `counts_passed` is set when a count
/// limit is passed: the rest of validation is then skipped, so its work and its
/// output stay bounded.
pub fn check(q: &Questionnaire) -> (Vec<Diagnostic>, bool) {
    let mut out = Vec::new();
    let root = FieldPath::root;
    let counts = [
        ("question", q.questions.len(), MAX_QUESTIONS),
        ("indicator", q.indicators.len(), MAX_INDICATORS),
        ("source", q.sources.len(), MAX_TABLES),
        ("dimension", q.dimensions.len(), MAX_TABLES),
        ("section", q.sections.len(), MAX_TABLES),
        ("band", q.bands.len(), MAX_TABLES),
        ("languages", q.languages.len(), MAX_LANGUAGES),
    ];
    for (key, count, most) in counts {
        if count > most {
            out.push(
                Diagnostic::error(
                    "limit",
                    root().key(key).index(most),
                    format!("{count} `{key}` entries; the most a questionnaire may have is {most}"),
                )
                .hint("split it into several questionnaires"),
            );
        }
    }
    if q.scoring.routes.len() > MAX_TABLES {
        out.push(Diagnostic::error(
            "limit",
            root().key("scoring").key("route").index(MAX_TABLES),
            format!(
                "{} routes; the most a questionnaire may have is {MAX_TABLES}",
                q.scoring.routes.len()
            ),
        ));
    }
    let counts_passed = !out.is_empty();
    if counts_passed {
        return (out, true);
    }
    for (i, question) in q.questions.iter().enumerate() {
        let at = root().key("question").index(i);
        if question.options.len() > MAX_OPTIONS {
            out.push(
                Diagnostic::error(
                    "limit",
                    at.key("option").index(MAX_OPTIONS),
                    format!(
                        "{} options; the most a question may have is {MAX_OPTIONS}",
                        question.options.len()
                    ),
                )
                .subject(format!("question `{}`", question.id))
                .hint("split the question, or group the options"),
            );
        }
        if let Some(condition) = &question.show_if {
            depth(&mut out, condition, at.key("show_if"));
        }
    }
    for (i, section) in q.sections.iter().enumerate() {
        if let Some(condition) = &section.show_if {
            depth(
                &mut out,
                condition,
                root().key("section").index(i).key("show_if"),
            );
        }
    }
    for (i, route) in q.scoring.routes.iter().enumerate() {
        if let Some(condition) = &route.when {
            let at = root().key("scoring").key("route").index(i).key("when");
            depth(&mut out, condition, at);
        }
    }
    (out, false)
}

fn depth(out: &mut Vec<Diagnostic>, condition: &Condition, at: FieldPath) {
    let depth = condition_depth(condition);
    if depth > MAX_CONDITION_DEPTH {
        out.push(
            Diagnostic::error(
                "limit",
                at,
                format!("the condition nests {depth} deep; the most is {MAX_CONDITION_DEPTH}"),
            )
            .hint("write it flatter: `all` and `any` take lists, so nesting is rarely needed"),
        );
    }
}

/// The error for a text over [`MAX_TEXT_CHARS`] in some language, if it is.
pub fn text_too_long(text: &Text, at: &FieldPath) -> Option<Diagnostic> {
    let (lang, chars) = text
        .0
        .iter()
        .map(|(lang, t)| (lang, t.chars().count()))
        .max_by_key(|(_, chars)| *chars)?;
    (chars > MAX_TEXT_CHARS).then(|| {
        Diagnostic::error(
            "limit",
            at.key(lang),
            format!("{chars} characters; the most one text may have is {MAX_TEXT_CHARS}"),
        )
        .hint("shorten it: people read this on a phone")
    })
}
