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
//!
//! The checks live in submodules, one concern each, all methods of the shared
//! `Validator`: `languages` (identity, languages, texts), `references` (ids and
//! what they refer to), `conditions` and `cycles`, `scoring` (model, routes,
//! bands, floors). This file keeps the entry points, the order the checks run in
//! (it is the order of the diagnostics) and the helpers they share.

use std::collections::BTreeSet;

use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::Questionnaire;
use crate::suggest::nearest;

mod conditions;
mod cycles;
mod languages;
mod references;
mod scoring;

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

/// What every check needs: the questionnaire, and the diagnostics found so far,
/// appended in the order the checks run.
struct Validator<'q> {
    q: &'q Questionnaire,
    out: Vec<Diagnostic>,
}

/// The path of the whole file, where every check's path starts.
fn root() -> FieldPath {
    FieldPath::root()
}

/// A hint naming the known id closest to `wrong`, if one is close enough.
fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest(wrong, known).map(|n| format!("did you mean `{n}`?"))
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// What an indicator or a route (`what`, at `p`) cites: at least one source
    /// (`why` says what must cite), and each one declared in `sources`.
    fn cited_sources(
        &mut self,
        p: &FieldPath,
        subject: &str,
        what: &str,
        why: &str,
        cited: &[String],
        sources: &[&str],
    ) {
        if cited.is_empty() {
            self.push(
                Diagnostic::error("no-source", p.key("id"), format!("{what} without a source"))
                    .subject(subject)
                    .hint(format!(
                        "{why} must cite where it comes from: add `sources = [\"<source id>\"]`"
                    )),
            );
        }
        for (j, source) in cited.iter().enumerate() {
            if !sources.contains(&source.as_str()) {
                self.push(
                    Diagnostic::error(
                        "unknown-reference",
                        p.key("sources").index(j),
                        format!("source `{source}` is not declared"),
                    )
                    .subject(subject)
                    .maybe_hint(
                        did_you_mean(source, sources.iter().copied()).or_else(|| {
                            Some(format!("declare it with [[source]] id = \"{source}\""))
                        }),
                    ),
                );
            }
        }
    }
}

/// Lowercase letter first, then lowercase letters, digits, `-`, `_`, `.`.
fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}
