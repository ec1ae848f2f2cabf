//! Reading input files: questionnaires and the helpline directory.
//!
//! Which loader a file needs is decided here, once, for every command:
//!
//! - `.json` files are compiled JSON: a questionnaire ([`riskscreen_core::load_json`])
//!   or, when the object has a `helpline` key or the file is `helplines.json`, the
//!   helpline directory ([`riskscreen_core::load_helplines_json`]);
//! - anything else is TOML: the helpline directory when the file is named
//!   `helplines.toml` or its TOML has a top-level `helpline` key
//!   ([`riskscreen_core::load_helplines_toml`]), else a questionnaire
//!   ([`riskscreen_core::load_toml`]).
//!
//! The core does no IO; this module reads the text and hands it over. Each file is
//! parsed once: the core's [`Loaded`] keeps the model of a file with errors of
//! meaning, which `report` and the `translations` commands still describe
//! ([`Checked::model`]), while everything that acts on a document takes it from
//! [`Checked::document`], which holds it back whenever there is an error.

use std::fs;
use std::path::Path;

use anyhow::Context;
use riskscreen_core::helplines::Directory;
use riskscreen_core::{
    load_helplines_json, load_helplines_toml, load_json, load_toml, Diagnostic, Loaded,
    Questionnaire,
};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A questionnaire.
    Questionnaire,
    /// The helpline directory.
    Helplines,
}

/// A loaded document: a questionnaire or the helpline directory.
#[derive(Debug)]
pub enum Document {
    /// A questionnaire.
    Questionnaire(Box<Questionnaire>),
    /// A helpline directory.
    Helplines(Directory),
}

/// How many diagnostics of one file are printed; the rest are counted.
pub const SHOWN_AT_MOST: usize = 200;

/// The outcome of checking one file.
#[derive(Debug)]
pub struct Checked {
    /// The file as named on the command line, used in every message.
    pub name: String,
    /// The document as written, whenever its syntax and shape are right, even
    /// with errors of meaning (the core's [`Loaded::model`]): for describing a
    /// file (`report`, its strings). Commands that act on it use [`Self::document`].
    pub model: Option<Document>,
    /// Every problem, errors and warnings, in source order where known.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The document, only when no diagnostic is an error.
    pub fn document(&self) -> Option<&Document> {
        self.model.as_ref().filter(|_| self.errors() == 0)
    }

    /// The document, only when no diagnostic is an error.
    pub fn into_document(self) -> Option<Document> {
        if self.errors() == 0 {
            self.model
        } else {
            None
        }
    }

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
    if checked.document().is_none() {
        for line in checked.rendered() {
            writeln!(err, "{line}")?;
        }
        writeln!(err, "{}{consequence}", checked.summary())?;
    }
    let name = checked.name.clone();
    match checked.into_document() {
        Some(Document::Questionnaire(q)) => Ok(Some(*q)),
        Some(Document::Helplines(_)) => {
            let hint = hint.map(|h| format!(" ({h})")).unwrap_or_default();
            writeln!(
                err,
                "{name}: error: this is the helpline directory; `{command}` takes a questionnaire{hint}",
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
    let questionnaire = |q| Document::Questionnaire(Box::new(q));
    let (model, diagnostics) = match (kind, is_json(path)) {
        (Kind::Questionnaire, true) => split(load_json(&name, text), questionnaire),
        (Kind::Questionnaire, false) => split(load_toml(&name, text), questionnaire),
        (Kind::Helplines, true) => split(load_helplines_json(&name, text), Document::Helplines),
        (Kind::Helplines, false) => split(load_helplines_toml(&name, text), Document::Helplines),
    };
    Checked {
        name,
        model,
        diagnostics,
    }
}

/// A core [`Loaded`] as a [`Document`] and its diagnostics.
fn split<T>(
    loaded: Loaded<T>,
    document: impl FnOnce(T) -> Document,
) -> (Option<Document>, Vec<Diagnostic>) {
    (loaded.model.map(document), loaded.diagnostics)
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

    /// A file with errors of meaning keeps its model (one parse, for `report` and the
    /// strings), but no command gets it as a document; a shape error has neither.
    #[test]
    fn only_error_free_files_give_a_document() {
        let fixture = |name: &str| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name);
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        };
        let (path, text) = fixture("weighted.toml");
        let clean = check(&path, &text, None);
        assert!(clean.document().is_some() && clean.errors() == 0);
        let (path, text) = fixture("broken-reference.toml");
        let meaning = check(&path, &text, None);
        assert!(meaning.errors() > 0);
        assert!(matches!(meaning.model, Some(Document::Questionnaire(_))));
        assert!(meaning.document().is_none());
        assert!(meaning.into_document().is_none());
        let (path, text) = fixture("broken.toml");
        let shape = check(&path, &text, None);
        assert!(shape.errors() > 0 && shape.model.is_none());

        // The directory's compiled JSON, through the core's loader.
        let (path, text) = fixture("helplines.toml");
        let Some(Document::Helplines(directory)) = check(&path, &text, None).into_document() else {
            panic!("the fixture directory loads");
        };
        let json = serde_json::to_string(&directory).unwrap();
        let from_json = check(Path::new("helplines.json"), &json, None);
        assert_eq!(from_json.errors(), 0, "{:?}", from_json.diagnostics);
        assert!(matches!(from_json.document(), Some(Document::Helplines(d)) if *d == directory));
        let broken = check(Path::new("helplines.json"), "{\"helpline\": 3}", None);
        assert!(broken.model.is_none() && broken.errors() == 1);
        assert_eq!(broken.diagnostics[0].code, "syntax");
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
