//! Coverage of the widget's UI strings: `src/i18n/<lang>.ftl` against `en.ftl`.
//!
//! Translators edit the Fluent file of their language directly (Fluent is made to
//! be read and written by translators, and its select expressions carry plurals,
//! which PO entries would have to hide inside a `msgid`). This module compares a
//! translation with the source by message id and checks its plural selects:
//!
//! - **translated**: ids (messages, `message.attribute`, `-terms`) of `en.ftl`
//!   present in the translation; **missing**: the others; **extra**: ids the
//!   source no longer has (left over after a rename);
//! - **plurals**: every select on a variable whose variants include a CLDR plural
//!   category (`[one]`, `[few]`, …) must have a variant for each category of the
//!   language (uk: one, few, many, other; de: one, other; …), and a category the
//!   language does not have (`[few]` in German) is reported as never selected;
//! - **syntax**: Fluent syntax errors, with their line.
//!
//! Staleness (the English changed since the translation) is not tracked for UI
//! strings: they are few, and a change to `en.ftl` is reviewed with the change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use serde::Serialize;

use super::languages::{self, Category};

/// One Fluent file, parsed into what coverage needs.
#[derive(Debug, Clone, Default)]
struct Parsed {
    /// Ids in file order.
    ids: Vec<String>,
    /// Plural selects: (id, variable, variant keys).
    selects: Vec<(String, String, BTreeSet<String>)>,
    /// Syntax errors as `line N: message`.
    errors: Vec<String>,
}

fn parse(source: &str) -> Parsed {
    let (resource, errors) = match fluent_syntax::parser::parse(source) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    let mut p = Parsed {
        errors: errors
            .iter()
            .map(|e| format!("line {}: {e}", line_of(source, e.pos.start)))
            .collect(),
        ..Parsed::default()
    };
    for entry in &resource.body {
        let (prefix, id, value, attributes) = match entry {
            Entry::Message(m) => ("", m.id.name, m.value.as_ref(), &m.attributes),
            Entry::Term(t) => ("-", t.id.name, Some(&t.value), &t.attributes),
            _ => continue,
        };
        let id = format!("{prefix}{id}");
        if let Some(value) = value {
            p.ids.push(id.clone());
            selects(&id, value, &mut p.selects);
        }
        for a in attributes {
            let aid = format!("{id}.{}", a.id.name);
            selects(&aid, &a.value, &mut p.selects);
            p.ids.push(aid);
        }
    }
    p
}

fn line_of(source: &str, offset: usize) -> usize {
    source
        .get(..offset.min(source.len()))
        .map_or(1, |s| s.matches('\n').count() + 1)
}

/// Every plural select in `pattern` (and inside its variants and placeables).
fn selects(id: &str, pattern: &Pattern<&str>, out: &mut Vec<(String, String, BTreeSet<String>)>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_selects(id, expression, out);
        }
    }
}

fn expression_selects(
    id: &str,
    expression: &Expression<&str>,
    out: &mut Vec<(String, String, BTreeSet<String>)>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Identifier { name } => Some((*name).to_owned()),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            let is_plural = keys.iter().any(|k| is_category(k));
            if let (true, InlineExpression::VariableReference { id: var }) = (is_plural, selector) {
                out.push((id.to_owned(), format!("${}", var.name), keys));
            }
            for v in variants {
                selects(id, &v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_selects(id, expression, out);
        }
        Expression::Inline(_) => {}
    }
}

/// How one language's `.ftl` covers the source.
#[derive(Debug, Clone, Serialize)]
pub struct FluentCoverage {
    /// The language.
    pub language: String,
    /// The source language (`en`).
    pub source: bool,
    /// Its file, when there is one (a language with a file is one the widget ships).
    pub file: Option<PathBuf>,
    /// Ids of the source.
    pub total: usize,
    /// Source ids present here.
    pub translated: usize,
    /// Source ids absent here.
    pub missing: Vec<String>,
    /// Ids here that the source does not have.
    pub extra: Vec<String>,
    /// Plural selects lacking a category of the language, or with one it lacks.
    pub plural_problems: Vec<String>,
    /// Syntax errors.
    pub syntax_errors: Vec<String>,
}

impl FluentCoverage {
    /// Whether this makes `status` exit 1: a shipped file with a gap or an error.
    pub fn has_problems(&self) -> bool {
        self.file.is_some()
            && !(self.missing.is_empty()
                && self
                    .plural_problems
                    .iter()
                    .all(|p| p.contains("never selected"))
                && self.syntax_errors.is_empty())
    }
}

/// The UI strings of one directory: the source and each language.
#[derive(Debug, Clone, Serialize)]
pub struct FluentStatus {
    /// The directory (`src/i18n`).
    pub dir: PathBuf,
    /// Ids in the source.
    pub total: usize,
    /// Per language: the shipped nine, then any other file present.
    pub languages: Vec<FluentCoverage>,
}

/// The coverage of the UI strings in `dir`, for `only` or for all languages: the
/// shipped ones, then the other `<stem>.ftl` files of the directory (`stems`, in
/// any order; those that are not language tags are left out).
///
/// `source_text` is `en.ftl`; `read` gives the text of another language's file
/// (`None` when there is none). The caller does the reading, so that this stays
/// free of IO; its error comes back unchanged.
pub fn status<E>(
    dir: &Path,
    source_text: &str,
    stems: Vec<String>,
    only: Option<&str>,
    mut read: impl FnMut(&Path) -> Result<Option<String>, E>,
) -> Result<FluentStatus, E> {
    let source = parse(source_text);
    let mut codes = vec![languages::FLUENT_SOURCE.to_owned()];
    for code in languages::SHIPPED {
        if code != languages::FLUENT_SOURCE {
            codes.push(code.to_owned());
        }
    }
    let mut present: Vec<String> = stems
        .into_iter()
        .filter(|c| languages::is_language_tag(c))
        .collect();
    present.sort();
    for c in present {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    if let Some(only) = only {
        codes.retain(|c| c == only);
        if codes.is_empty() {
            codes.push(only.to_owned());
        }
    }
    let source_ids: BTreeSet<&str> = source.ids.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for code in codes {
        let is_source = code == languages::FLUENT_SOURCE;
        let path = dir.join(format!("{code}.ftl"));
        let parsed = if is_source {
            Some(source.clone())
        } else {
            read(&path)?.map(|text| parse(&text))
        };
        let Some(parsed) = parsed else {
            out.push(FluentCoverage {
                language: code,
                source: false,
                file: None,
                total: source.ids.len(),
                translated: 0,
                missing: source.ids.clone(),
                extra: Vec::new(),
                plural_problems: Vec::new(),
                syntax_errors: Vec::new(),
            });
            continue;
        };
        let ids: BTreeSet<&str> = parsed.ids.iter().map(String::as_str).collect();
        let missing: Vec<String> = source
            .ids
            .iter()
            .filter(|id| !ids.contains(id.as_str()))
            .cloned()
            .collect();
        let extra = parsed
            .ids
            .iter()
            .filter(|id| !source_ids.contains(id.as_str()))
            .cloned()
            .collect();
        out.push(FluentCoverage {
            plural_problems: plural_problems(&code, &parsed.selects),
            translated: source.ids.len() - missing.len(),
            language: code,
            source: is_source,
            file: Some(path),
            total: source.ids.len(),
            missing,
            extra,
            syntax_errors: parsed.errors,
        });
    }
    Ok(FluentStatus {
        dir: dir.to_path_buf(),
        total: source.ids.len(),
        languages: out,
    })
}

/// Whether a Fluent variant key names a CLDR plural category (which makes its
/// select a plural select).
fn is_category(key: &str) -> bool {
    Category::ALL.iter().any(|c| c.as_str() == key)
}

fn plural_problems(lang: &str, selects: &[(String, String, BTreeSet<String>)]) -> Vec<String> {
    let Some(language) = languages::language(lang) else {
        return Vec::new();
    };
    let categories: Vec<&str> = language
        .plural_categories
        .iter()
        .map(|c| c.as_str())
        .collect();
    let mut problems = Vec::new();
    for (id, var, keys) in selects {
        let lacking: Vec<String> = categories
            .iter()
            .filter(|c| !keys.contains(**c))
            .map(|c| format!("[{c}]"))
            .collect();
        if !lacking.is_empty() {
            problems.push(format!(
                "{id}: the select on {var} has no {} ({} needs {})",
                lacking.join(", "),
                language.code,
                categories.join(", ")
            ));
        }
        let foreign: Vec<String> = keys
            .iter()
            .filter(|k| is_category(k) && !categories.contains(&k.as_str()))
            .map(|k| format!("[{k}]"))
            .collect();
        if !foreign.is_empty() {
            problems.push(format!(
                "{id}: {} is never selected in {} (its categories: {})",
                foreign.join(", "),
                language.code,
                categories.join(", ")
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_attributes_terms_and_selects() {
        let p = parse(
            "-brand = Riskscreen\n    .gender = neuter\nhello = Hi { $name }\n\
             count = { $n ->\n    [one] one\n   *[other] { $n } { $k ->\n        [few] a\n       *[other] b\n    }\n}\n\
             exact = { $n ->\n    [0] none\n   *[x] some\n}\n\
             only-attr =\n    .title = T\n",
        );
        assert_eq!(
            p.ids,
            [
                "-brand",
                "-brand.gender",
                "hello",
                "count",
                "exact",
                "only-attr.title"
            ]
        );
        let selects: Vec<(&str, &str, Vec<&str>)> = p
            .selects
            .iter()
            .map(|(id, var, keys)| {
                (
                    id.as_str(),
                    var.as_str(),
                    keys.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            selects,
            [
                ("count", "$n", vec!["one", "other"]),
                ("count", "$k", vec!["few", "other"]),
            ]
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
    }

    #[test]
    fn plural_categories_per_language() {
        let selects = vec![(
            "m".to_owned(),
            "$n".to_owned(),
            BTreeSet::from(["one".to_owned(), "few".to_owned(), "other".to_owned()]),
        )];
        assert_eq!(plural_problems("ro", &selects), Vec::<String>::new());
        let uk = plural_problems("uk", &selects);
        assert_eq!(
            uk,
            ["m: the select on $n has no [many] (uk needs one, few, many, other)"]
        );
        let de = plural_problems("de", &selects);
        assert_eq!(
            de,
            ["m: [few] is never selected in de (its categories: one, other)"]
        );
        assert!(plural_problems("it", &selects).is_empty());
    }

    #[test]
    fn syntax_errors_have_lines() {
        let p = parse("ok = fine\n\nbroken = { $n ->\n  [one] x\n}\n");
        assert_eq!(p.ids, ["ok"]);
        assert_eq!(p.errors.len(), 1);
        assert!(p.errors[0].starts_with("line "), "{:?}", p.errors);
    }
}
