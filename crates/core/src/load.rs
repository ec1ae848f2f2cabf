//! Loading: source text in, the model as written and every problem out.
//!
//! Four loaders, one shape: [`load_toml`] and [`load_json`] for questionnaires,
//! [`load_helplines_toml`] and [`load_helplines_json`] for the helpline directory,
//! each `(file, text) -> Loaded<T>`. Like fluent-syntax, which returns the resource
//! together with its errors, a loader keeps the model whenever the text could be
//! read into it: a file with errors of meaning (a language not translated yet, an
//! unknown reference) can still be described, and is parsed only once.
//! [`Loaded::usable`] gives the model only when no diagnostic is an error, which is
//! what anything that scores, compiles or shows a document must use.
//!
//! Loading never panics and never stops at the first problem it can get past:
//!
//! 1. The TOML is parsed with error recovery, so every syntax error is reported.
//! 2. The top-level fields and *each element* of each array of tables (every
//!    `[[question]]`, `[[indicator]]`, …) are deserialized on their own, so one
//!    broken question does not hide the problems of the next one. Unknown fields
//!    are rejected with the nearest known name as a hint. (The helpline directory,
//!    a small file, and the machine-written JSON forms report their first shape
//!    error only.)
//! 3. If the shape is right, [`crate::validate()`] (or
//!    [`crate::helplines::validate_directory`]) checks meaning (references,
//!    languages, order, sources) and its diagnostics are located in the source.
//!
//! The core does no IO: callers pass the file name and its text.

use crate::diagnostic::{Diagnostic, FieldPath, Location};
use crate::helplines::{validate_directory, Directory};
use crate::model::Questionnaire;
use crate::validate::validate;

/// A document that cannot be used, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file name used in messages.
    pub file: String,
    /// Every problem; at least one is an error.
    pub diagnostics: Vec<Diagnostic>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rendered: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.render(&self.file))
            .collect();
        f.write_str(&rendered.join("\n"))
    }
}

impl std::error::Error for LoadError {}

/// The outcome of loading a [`Questionnaire`] or a [`Directory`]: the model as
/// written, and every diagnostic (warnings included) either way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    /// The model, whenever the syntax and shape were right, *even when validation
    /// found errors of meaning*; `None` only when the text could not be read into
    /// it (a syntax or shape error, or over [`crate::limits::MAX_SOURCE_BYTES`]).
    /// Use [`Loaded::usable`] for a model that may be acted on.
    pub model: Option<T>,
    /// Every problem found, in source order where known.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    /// Nothing could be read: `diagnostics` say why (at least one is an error).
    fn unreadable(diagnostics: Vec<Diagnostic>) -> Self {
        Loaded {
            model: None,
            diagnostics,
        }
    }

    /// A model read and validated; its diagnostics in source order, an error
    /// before a warning at the same place.
    fn validated(model: T, mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(|d| (d.location, d.severity));
        Loaded {
            model: Some(model),
            diagnostics,
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The model, only when no diagnostic is an error.
    pub fn usable(&self) -> Option<&T> {
        self.model.as_ref().filter(|_| !self.has_errors())
    }

    /// The model, only when no diagnostic is an error.
    pub fn into_usable(self) -> Option<T> {
        if self.has_errors() {
            None
        } else {
            self.model
        }
    }

    /// The usable model with its warnings, or a [`LoadError`] naming `file` with
    /// every problem.
    pub fn into_result(self, file: &str) -> Result<(T, Vec<Diagnostic>), LoadError> {
        match self.model {
            Some(model) if !self.has_errors() => Ok((model, self.diagnostics)),
            _ => Err(LoadError {
                file: file.to_owned(),
                diagnostics: self.diagnostics,
            }),
        }
    }
}

/// Loads the compiled JSON form (what the widget reads) and validates it.
pub fn from_json(json: &str) -> Result<Questionnaire, LoadError> {
    load_json("questionnaire.json", json)
        .into_result("questionnaire.json")
        .map(|(q, _)| q)
}

/// Loads a compiled questionnaire (`riskscreen compile`): one shape error at most
/// (JSON is machine-written), then every meaning problem. `file` is only used in
/// messages.
pub fn load_json(file: &str, json: &str) -> Loaded<Questionnaire> {
    from_json_text(file, json, validate)
}

/// Loads a compiled helpline directory (`riskscreen compile-helplines`), as
/// [`load_json`] loads a questionnaire.
pub fn load_helplines_json(file: &str, json: &str) -> Loaded<Directory> {
    from_json_text(file, json, validate_directory)
}

/// JSON text into `T`, then `check`ed; JSON has no spans to locate paths by.
fn from_json_text<T: serde::de::DeserializeOwned>(
    file: &str,
    json: &str,
    check: fn(&T) -> Vec<Diagnostic>,
) -> Loaded<T> {
    let _ = file;
    if let Some(mut d) = crate::limits::source_too_large(json.len()) {
        d.location = Some(Location { line: 1, column: 1 });
        return Loaded::unreadable(vec![d]);
    }
    match serde_json::from_str::<T>(json) {
        Ok(model) => {
            let diagnostics = check(&model);
            Loaded::validated(model, diagnostics)
        }
        Err(e) => {
            let mut d = Diagnostic::error("syntax", FieldPath::root(), e.to_string());
            d.location = Some(Location {
                line: e.line(),
                column: e.column(),
            });
            Loaded::unreadable(vec![d])
        }
    }
}

#[cfg(feature = "toml")]
pub use toml_source::{load_helplines_toml, load_toml};

#[cfg(feature = "toml")]
mod toml_source {
    use serde::de::DeserializeOwned;
    use toml::de::{DeTable, DeValue, ValueDeserializer};
    use toml::Spanned;

    use super::Loaded;
    use crate::diagnostic::{Diagnostic, FieldPath, Lines, Location, Segment};
    use crate::helplines::{validate_directory, Directory};
    use crate::model::{Band, Dimension, Indicator, Question, Questionnaire, Section, Source};
    use crate::suggest::nearest;
    use crate::validate::validate;

    /// The arrays of tables that are deserialized element by element.
    const ARRAYS: [&str; 6] = [
        "source",
        "dimension",
        "indicator",
        "section",
        "question",
        "band",
    ];

    /// Loads a TOML questionnaire. `file` is only used in messages.
    pub fn load_toml(file: &str, source: &str) -> Loaded<Questionnaire> {
        let _ = file;
        let (lines, root) = match parse(source) {
            Ok(parsed) => parsed,
            Err(diagnostics) => return Loaded::unreadable(diagnostics),
        };

        let mut diagnostics = Vec::new();
        // The header: the root with every array of tables emptied, so that unknown
        // or missing top-level fields are reported without the arrays' contents.
        let mut header = root.clone();
        let mut arrays: Vec<(&str, Vec<Spanned<DeValue<'_>>>)> = Vec::new();
        for name in ARRAYS {
            let Some(value) = header.get_mut().get_mut(name) else {
                continue;
            };
            if let DeValue::Array(items) = value.get_mut() {
                let elements: Vec<_> = items.iter().cloned().collect();
                *items = Default::default();
                arrays.push((name, elements));
            }
        }
        let header: Option<Questionnaire> =
            match serde::Deserialize::deserialize(toml::de::Deserializer::from(header)) {
                Ok(q) => Some(q),
                Err(e) => {
                    diagnostics.push(shape_error(&lines, &e, FieldPath::root()));
                    None
                }
            };

        let mut sources = Vec::new();
        let mut dimensions = Vec::new();
        let mut indicators = Vec::new();
        let mut sections = Vec::new();
        let mut questions = Vec::new();
        let mut bands = Vec::new();
        for (name, elements) in arrays {
            let path = FieldPath::root().key(name);
            match name {
                "source" => {
                    sources = elements_of::<Source>(&lines, &path, elements, &mut diagnostics)
                }
                "dimension" => {
                    dimensions = elements_of::<Dimension>(&lines, &path, elements, &mut diagnostics)
                }
                "indicator" => {
                    indicators = elements_of::<Indicator>(&lines, &path, elements, &mut diagnostics)
                }
                "section" => {
                    sections = elements_of::<Section>(&lines, &path, elements, &mut diagnostics)
                }
                "question" => {
                    questions = elements_of::<Question>(&lines, &path, elements, &mut diagnostics)
                }
                _ => bands = elements_of::<Band>(&lines, &path, elements, &mut diagnostics),
            }
        }

        let (Some(mut questionnaire), true) = (header, diagnostics.is_empty()) else {
            diagnostics.sort_by_key(|d| d.location);
            return Loaded::unreadable(diagnostics);
        };
        questionnaire.sources = sources;
        questionnaire.dimensions = dimensions;
        questionnaire.indicators = indicators;
        questionnaire.sections = sections;
        questionnaire.questions = questions;
        questionnaire.bands = bands;

        let mut diagnostics = validate(&questionnaire);
        for d in &mut diagnostics {
            d.location = locate(&root, &d.path).map(|offset| lines.locate(offset));
        }
        Loaded::validated(questionnaire, diagnostics)
    }

    /// Loads the helpline directory (`questionnaires/helplines.toml`): the first
    /// shape error, or every meaning problem, located. `file` is only used in
    /// messages.
    pub fn load_helplines_toml(file: &str, source: &str) -> Loaded<Directory> {
        let _ = file;
        let (lines, root) = match parse(source) {
            Ok(parsed) => parsed,
            Err(diagnostics) => return Loaded::unreadable(diagnostics),
        };
        let directory: Directory =
            match serde::Deserialize::deserialize(toml::de::Deserializer::from(root.clone())) {
                Ok(directory) => directory,
                Err(e) => {
                    return Loaded::unreadable(vec![shape_error(&lines, &e, FieldPath::root())])
                }
            };
        let mut diagnostics = validate_directory(&directory);
        for d in &mut diagnostics {
            d.location = locate(&root, &d.path).map(|offset| lines.locate(offset));
        }
        Loaded::validated(directory, diagnostics)
    }

    /// The source's lines and its parsed table, or every syntax error (or the
    /// size limit's), in source order.
    #[allow(clippy::type_complexity)]
    fn parse(source: &str) -> Result<(Lines<'_>, Spanned<DeTable<'_>>), Vec<Diagnostic>> {
        if let Some(too_large) = too_large(source) {
            return Err(vec![too_large]);
        }
        let lines = Lines::new(source);
        let (root, syntax_errors) = DeTable::parse_recoverable(source);
        if !syntax_errors.is_empty() {
            let mut diagnostics: Vec<Diagnostic> = syntax_errors
                .iter()
                .map(|e| from_toml_error(&lines, e, "syntax", FieldPath::root()))
                .collect();
            diagnostics.sort_by_key(|d| d.location);
            return Err(diagnostics);
        }
        Ok((lines, root))
    }

    /// The error for a source over the size limit, located at its start: nothing
    /// of it is parsed.
    fn too_large(source: &str) -> Option<Diagnostic> {
        let mut d = crate::limits::source_too_large(source.len())?;
        d.location = Some(Location { line: 1, column: 1 });
        Some(d)
    }

    /// Deserializes each element on its own; a broken one becomes a diagnostic.
    fn elements_of<T: DeserializeOwned>(
        lines: &Lines<'_>,
        path: &FieldPath,
        elements: Vec<Spanned<DeValue<'_>>>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<T> {
        let mut parsed = Vec::with_capacity(elements.len());
        for (index, element) in elements.into_iter().enumerate() {
            let subject = element_subject(path, index, element.get_ref());
            match T::deserialize(ValueDeserializer::from(element)) {
                Ok(value) => parsed.push(value),
                Err(e) => {
                    let mut d = shape_error(lines, &e, path.index(index));
                    d.subject = subject;
                    diagnostics.push(d);
                }
            }
        }
        parsed
    }

    /// "question `q3`" when the element has a readable id.
    fn element_subject(path: &FieldPath, index: usize, value: &DeValue<'_>) -> Option<String> {
        let kind = match path.0.last() {
            Some(Segment::Key(k)) => k.clone(),
            _ => return None,
        };
        match value
            .as_table()
            .and_then(|t| t.get("id"))
            .and_then(|v| v.get_ref().as_str())
        {
            Some(id) => Some(format!("{kind} `{id}`")),
            None => Some(format!("{kind} #{}", index + 1)),
        }
    }

    /// A serde error on a value: unknown fields and variants get "did you mean".
    fn shape_error(lines: &Lines<'_>, error: &toml::de::Error, path: FieldPath) -> Diagnostic {
        let message = error.message().trim_end().to_owned();
        let (code, hint) =
            if let Some((wrong, expected)) = parse_unknown(&message, "unknown field `") {
                let hint = nearest(&wrong, expected.iter().map(String::as_str))
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| {
                        if expected.is_empty() {
                            "remove it; this table takes no fields".to_owned()
                        } else {
                            format!("known fields here: {}", quoted(&expected))
                        }
                    });
                ("unknown-field", Some(hint))
            } else if let Some((wrong, expected)) = parse_unknown(&message, "unknown variant `") {
                let hint = nearest(&wrong, expected.iter().map(String::as_str))
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| format!("expected one of {}", quoted(&expected)));
                ("unknown-value", Some(hint))
            } else if let Some(field) = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
            {
                (
                    "missing-field",
                    Some(format!(
                        "add `{field}`; docs/questionnaire-format.md lists what each table needs"
                    )),
                )
            } else {
                (
                    "wrong-type",
                    Some("docs/questionnaire-format.md shows the expected shape".to_owned()),
                )
            };
        let mut d = from_toml_error(lines, error, code, path);
        d.message = message;
        d.maybe_hint(hint)
    }

    fn quoted(names: &[String]) -> String {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Splits serde's "unknown field `x`, expected one of `a`, `b`" into `x` and
    /// `[a, b]` (also "expected `a`" and "there are no fields").
    fn parse_unknown(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
        let rest = message.strip_prefix(prefix)?;
        let (wrong, expected) = rest.split_once('`')?;
        let expected = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        Some((wrong.to_owned(), expected))
    }

    fn from_toml_error(
        lines: &Lines<'_>,
        error: &toml::de::Error,
        code: &'static str,
        path: FieldPath,
    ) -> Diagnostic {
        let mut d = Diagnostic::error(code, path, error.message().trim_end().to_owned());
        if code == "syntax" {
            d = d.hint("check quotes, brackets and `=` near this place; TOML needs `key = value`");
        }
        d.location = error.span().map(|span| lines.locate(span.start));
        d
    }

    /// The byte offset of the value at `path`, or of the deepest part of it that exists.
    fn locate(root: &Spanned<DeTable<'_>>, path: &FieldPath) -> Option<usize> {
        let mut best = None;
        let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
        let mut current: Option<&Spanned<DeValue<'_>>> = None;
        for segment in &path.0 {
            let next = match (segment, table, current.map(|c| c.get_ref())) {
                (Segment::Key(key), Some(t), _) => t.get(key.as_str()),
                (Segment::Key(key), None, Some(DeValue::Table(t))) => t.get(key.as_str()),
                (Segment::Index(i), _, Some(DeValue::Array(items))) => items.get(*i),
                _ => None,
            };
            let Some(next) = next else { break };
            best = Some(next.span().start);
            table = None;
            current = Some(next);
        }
        // A table's own span is its first key; pointing there is what an editor wants.
        best
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    const QUESTIONNAIRE: &str = include_str!("../tests/fixtures/scoring/weighted.toml");
    const DIRECTORY: &str = include_str!("../tests/fixtures/broken-helplines/number-mismatch.toml");

    #[test]
    fn a_clean_questionnaire_is_usable() {
        let loaded = load_toml("w.toml", QUESTIONNAIRE);
        assert!(!loaded.has_errors());
        assert_eq!(loaded.usable(), loaded.model.as_ref());
        let (q, warnings) = loaded.into_result("w.toml").unwrap();
        assert!(warnings.iter().all(|d| !d.is_error()));
        let json = serde_json::to_string(&q).unwrap();
        assert_eq!(load_json("w.json", &json).into_usable(), Some(q));
    }

    #[test]
    fn errors_of_meaning_keep_the_model_but_not_its_use() {
        let source = QUESTIONNAIRE.replace("sources = [\"test\"]", "sources = [\"nowhere\"]");
        let loaded = load_toml("w.toml", &source);
        assert!(loaded.has_errors());
        let model = loaded.model.as_ref().expect("the shape is right");
        assert_eq!(model.id, "weighted-fixture");
        assert!(loaded.usable().is_none());
        let json = serde_json::to_string(model).unwrap();
        let from_json = load_json("w.json", &json);
        assert_eq!(from_json.model.as_ref(), Some(model));
        assert!(from_json.usable().is_none());
        let error = loaded.clone().into_result("w.toml").unwrap_err();
        assert_eq!(error.diagnostics, loaded.diagnostics);
        assert!(loaded.into_usable().is_none());
    }

    #[test]
    fn syntax_shape_and_size_errors_give_no_model() {
        let too_large = " ".repeat(crate::limits::MAX_SOURCE_BYTES + 1);
        for source in [
            "id = ",
            "id = 3",
            "[[question]]\nid = 1",
            too_large.as_str(),
        ] {
            let loaded = load_toml("x.toml", source);
            assert!(
                loaded.model.is_none() && loaded.has_errors(),
                "{source:.20}"
            );
            let loaded = load_helplines_toml("x.toml", source);
            assert!(
                loaded.model.is_none() && loaded.has_errors(),
                "{source:.20}"
            );
        }
        for json in ["{", "{\"id\": 3}", too_large.as_str()] {
            let loaded = load_json("x.json", json);
            assert!(loaded.model.is_none() && loaded.has_errors(), "{json:.20}");
            let loaded = load_helplines_json("x.json", json);
            assert!(loaded.model.is_none() && loaded.has_errors(), "{json:.20}");
        }
    }

    #[test]
    fn a_directory_with_errors_keeps_its_model_in_both_forms() {
        let loaded = load_helplines_toml("h.toml", DIRECTORY);
        assert!(loaded.has_errors() && loaded.usable().is_none());
        let directory = loaded.model.expect("the shape is right");
        let json = serde_json::to_string(&directory).unwrap();
        let from_json = load_helplines_json("h.json", &json);
        assert_eq!(from_json.model.as_ref(), Some(&directory));
        // The same problems, without locations (JSON has no spans).
        let codes = |d: &[Diagnostic]| d.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(&from_json.diagnostics), codes(&loaded.diagnostics));
        assert!(from_json.diagnostics.iter().all(|d| d.location.is_none()));
    }
}
