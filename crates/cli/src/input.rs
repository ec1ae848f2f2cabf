//! Reading input files: questionnaires and the helpline directory.
//!
//! Which loader a file needs is decided here, once, for every command:
//!
//! - `.json` files are compiled JSON: a questionnaire ([`riskscreen_core::load_json`])
//!   or, when the object has a `helpline` key or the file is `helplines.json`, the
//!   helpline directory;
//! - anything else is TOML: the helpline directory when the file is named
//!   `helplines.toml` or its TOML has a top-level `helpline` key
//!   ([`riskscreen_core::load_helplines_toml`]), else a questionnaire
//!   ([`riskscreen_core::load_toml`]).
//!
//! The core does no IO; this module reads the text and hands it over.

use std::fs;
use std::path::Path;

use anyhow::Context;
use riskscreen_core::helplines::{validate_directory, Directory};
use riskscreen_core::{
    load_helplines_toml, load_json, load_toml, Diagnostic, FieldPath, Location, Questionnaire,
};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A questionnaire.
    Questionnaire,
    /// The helpline directory.
    Helplines,
}

/// A loaded, checked document.
#[derive(Debug)]
pub enum Document {
    /// A questionnaire that passed validation.
    Questionnaire(Box<Questionnaire>),
    /// A helpline directory that passed validation.
    Helplines(Directory),
}

/// How many diagnostics of one file are printed; the rest are counted.
pub const SHOWN_AT_MOST: usize = 200;

/// The outcome of checking one file.
#[derive(Debug)]
pub struct Checked {
    /// The file as named on the command line, used in every message.
    pub name: String,
    /// What the file was read as.
    pub kind: Kind,
    /// The document, when it has no error.
    pub document: Option<Document>,
    /// Every problem, errors and warnings, in source order where known.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// How many diagnostics are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// The diagnostics rendered for this file, one (or two, with a hint) lines each:
    /// the first [`SHOWN_AT_MOST`], then one line counting the rest, so a file with
    /// 10,000 problems gives a readable screen, not 20,000 lines (the summary still
    /// counts every one).
    pub fn rendered(&self) -> impl Iterator<Item = String> + '_ {
        let rest = self.diagnostics.len().saturating_sub(SHOWN_AT_MOST);
        self.diagnostics
            .iter()
            .take(SHOWN_AT_MOST)
            .map(|d| d.render(&self.name))
            .chain((rest > 0).then(|| {
                format!(
                    "{}: … and {rest} more {} not shown; fix the ones above and run again",
                    self.name,
                    if rest == 1 { "problem" } else { "problems" }
                )
            }))
    }

    /// `ok: x.toml (2 warnings)` or `x.toml: 3 errors, 1 warning`.
    pub fn summary(&self) -> String {
        summary(&self.name, self.errors(), self.warnings())
    }
}

/// The one-line verdict on a file: `ok: NAME`, `ok: NAME (2 warnings)` or
/// `NAME: 3 errors, 1 warning`.
pub fn summary(name: &str, errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => format!("ok: {name}"),
        (0, w) => format!("ok: {name} ({})", count(w, "warning")),
        (e, 0) => format!("{name}: {}", count(e, "error")),
        (e, w) => format!("{name}: {}, {}", count(e, "error"), count(w, "warning")),
    }
}

/// `1 error`, `3 errors`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The name used for `path` in messages: as given on the command line.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a file as UTF-8 text; the error names the file.
pub fn read(path: &Path) -> anyhow::Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Reads and checks `path`, as `kind` or as detected from its name and content.
pub fn load(path: &Path, kind: Option<Kind>) -> anyhow::Result<Checked> {
    let text = read(path)?;
    Ok(check(path, &text, kind))
}

/// The questionnaire in `path` for `command` (`score`, `checklist`), or `None`
/// after printing to `err` why there is none: the file's diagnostics and
/// summary, with `consequence` after it (`"; nothing written"`), or that it is
/// the helpline directory, with `hint` (what to do instead) when there is one.
pub fn load_questionnaire(
    path: &Path,
    command: &str,
    consequence: &str,
    hint: Option<&str>,
    err: &mut dyn std::io::Write,
) -> anyhow::Result<Option<Questionnaire>> {
    let checked = load(path, None)?;
    if checked.document.is_none() {
        for line in checked.rendered() {
            writeln!(err, "{line}")?;
        }
        writeln!(err, "{}{consequence}", checked.summary())?;
    }
    match checked.document {
        Some(Document::Questionnaire(q)) => Ok(Some(*q)),
        Some(Document::Helplines(_)) => {
            let hint = hint.map(|h| format!(" ({h})")).unwrap_or_default();
            writeln!(
                err,
                "{}: error: this is the helpline directory; `{command}` takes a questionnaire{hint}",
                checked.name
            )?;
            Ok(None)
        }
        None => Ok(None),
    }
}

/// Checks `text` (the content of `path`), as `kind` or as detected.
pub fn check(path: &Path, text: &str, kind: Option<Kind>) -> Checked {
    let name = name(path);
    let kind = kind.unwrap_or_else(|| detect(path, text));
    let json = is_json(path);
    let (document, mut diagnostics) = match (kind, json) {
        (Kind::Questionnaire, json) => {
            let loaded = if json {
                load_json(&name, text)
            } else {
                load_toml(&name, text)
            };
            let document = loaded
                .questionnaire
                .map(|q| Document::Questionnaire(Box::new(q)));
            (document, loaded.diagnostics)
        }
        (Kind::Helplines, false) => match load_helplines_toml(text) {
            Ok((directory, warnings)) => (Some(Document::Helplines(directory)), warnings),
            Err(diagnostics) => (None, diagnostics),
        },
        (Kind::Helplines, true) => helplines_json(text),
    };
    if diagnostics.iter().any(Diagnostic::is_error) {
        // The core only hands out error-free documents; keep that promise here too.
        diagnostics.sort_by_key(|d| (d.location, d.severity));
        return Checked {
            name,
            kind,
            document: None,
            diagnostics,
        };
    }
    Checked {
        name,
        kind,
        document,
        diagnostics,
    }
}

/// The helpline directory in its compiled JSON form: one shape error at most, then
/// every meaning problem (the core has no JSON loader for the directory).
fn helplines_json(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
    match serde_json::from_str::<Directory>(text) {
        Ok(directory) => {
            let diagnostics = validate_directory(&directory);
            (Some(Document::Helplines(directory)), diagnostics)
        }
        Err(e) => {
            let mut d = Diagnostic::error("syntax", FieldPath::root(), e.to_string());
            d.location = Some(Location {
                line: e.line(),
                column: e.column(),
            });
            (None, vec![d])
        }
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Questionnaire or helpline directory, from the file name and its top-level keys.
pub fn detect(path: &Path, text: &str) -> Kind {
    let stem_is_helplines = path.file_stem().is_some_and(|s| s == "helplines");
    let has_helpline_key = if is_json(path) {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .is_some_and(|v| v.get("helpline").is_some())
    } else {
        // Recoverable parsing: a file with a syntax error is still recognised.
        let (root, _errors) = toml::de::DeTable::parse_recoverable(text);
        root.get_ref().contains_key("helpline")
    };
    if stem_is_helplines || has_helpline_key {
        Kind::Helplines
    } else {
        Kind::Questionnaire
    }
}

/// A questionnaire's model as far as its shape is right, without the meaning checks:
/// lets `report` describe a file that does not validate yet (e.g. while translating).
/// `None` when the shape itself is wrong.
pub fn unchecked_questionnaire(path: &Path, text: &str) -> Option<Questionnaire> {
    if is_json(path) {
        serde_json::from_str(text).ok()
    } else {
        toml::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_words() {
        assert_eq!(summary("x.toml", 0, 0), "ok: x.toml");
        assert_eq!(summary("x.toml", 0, 2), "ok: x.toml (2 warnings)");
        assert_eq!(summary("x.toml", 1, 0), "x.toml: 1 error");
        assert_eq!(summary("x.toml", 3, 1), "x.toml: 3 errors, 1 warning");
    }

    #[test]
    fn detects_the_helpline_directory() {
        let dir = "languages = [\"en\"]\n[[helpline]]\nid = \"x\"\n";
        assert_eq!(detect(Path::new("a.toml"), dir), Kind::Helplines);
        assert_eq!(
            detect(Path::new("a.toml"), "id = \"q\""),
            Kind::Questionnaire
        );
        assert_eq!(
            detect(Path::new("helplines.toml"), "= broken"),
            Kind::Helplines
        );
        assert_eq!(
            detect(Path::new("a.json"), r#"{"helpline": []}"#),
            Kind::Helplines
        );
        assert_eq!(detect(Path::new("a.json"), "{}"), Kind::Questionnaire);
        // Broken TOML is still recognised by its keys.
        assert_eq!(
            detect(Path::new("a.toml"), "x = \n[[helpline]]\nid = 1"),
            Kind::Helplines
        );
    }
}
