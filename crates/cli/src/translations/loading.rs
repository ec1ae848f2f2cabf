//! Reading a questionnaire or helpline directory for its strings, and the checks and
//! messages the `translations` commands share (`--lang`, TOML only, the record).

use std::io::Write;
use std::path::Path;

use super::files;
use super::languages;
use super::record::{self, Record};
use super::strings::{self, Strings};
use crate::input::{self, Document};

/// A questionnaire or helpline directory, read for its strings.
pub(super) struct Source {
    /// As given on the command line.
    pub(super) name: String,
    /// Its base name (`self-check.toml`), used in PO headers.
    pub(super) file_name: String,
    /// Its stem (`self-check`): records and review entries are named by it.
    pub(super) stem: String,
    /// The file's text.
    pub(super) text: String,
    /// Its strings.
    pub(super) strings: Strings,
    /// Its diagnostics, rendered, and how many are errors.
    pub(super) diagnostics: Vec<String>,
    pub(super) errors: usize,
}

/// Reads `path` for its strings. A file with errors of meaning (e.g. a declared
/// language not translated yet) still has strings; one whose shape is wrong has
/// none: `Ok(Err(rendered diagnostics))`.
pub(super) fn load(path: &Path) -> anyhow::Result<Result<Source, Vec<String>>> {
    let text = input::read(path)?;
    Ok(load_text(path, text))
}

pub(super) fn load_text(path: &Path, text: String) -> Result<Source, Vec<String>> {
    let checked = input::check(path, &text, None);
    // The model as written: errors of meaning do not hide the strings.
    let strings = match &checked.model {
        Some(Document::Questionnaire(q)) => Some(strings::of_questionnaire(q)),
        Some(Document::Helplines(d)) => Some(strings::of_directory(d)),
        None => None,
    };
    let diagnostics: Vec<String> = checked.rendered().collect();
    let Some(strings) = strings else {
        return Err(diagnostics);
    };
    Ok(Source {
        name: checked.name.clone(),
        file_name: path.file_name().map_or_else(
            || checked.name.clone(),
            |n| n.to_string_lossy().into_owned(),
        ),
        stem: path
            .file_stem()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        text,
        strings,
        errors: checked.errors(),
        diagnostics,
    })
}

/// Loads `path`, printing why not when it cannot be read or its shape is wrong
/// (so that `status` goes on with the other files).
pub(super) fn load_or_report(path: &Path, err: &mut dyn Write) -> anyhow::Result<Option<Source>> {
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(err, "error: {e:#}")?;
            return Ok(None);
        }
    };
    match loaded {
        Ok(source) => Ok(Some(source)),
        Err(diagnostics) => {
            for line in diagnostics {
                writeln!(err, "{line}")?;
            }
            writeln!(
                err,
                "{}: cannot read its strings: fix the errors above first",
                path.display()
            )?;
            Ok(None)
        }
    }
}

/// Whether every string of `source` has a key of its own; else says which keys
/// several share (export, import and record refuse such a file: a key would
/// name two texts).
pub(super) fn keys_unique(source: &Source, err: &mut dyn Write) -> anyhow::Result<bool> {
    let dups = source.strings.duplicate_keys();
    if dups.is_empty() {
        return Ok(true);
    }
    writeln!(
        err,
        "error: {}: several strings share the keys {} (duplicate ids): fix them first",
        source.name,
        dups.join(", ")
    )?;
    Ok(false)
}

/// The source of `file` for work on its translation into `lang` (`export`,
/// `record`): `lang` a language code, the file TOML, readable, and `lang` not
/// its source language; else `None`, after printing why (`instead` tells what
/// to do when `lang` is the source language).
pub(super) fn source_for_translation(
    lang: &str,
    file: &Path,
    instead: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Option<Source>> {
    if !lang_ok(lang, err)? || !toml_only(file, err)? {
        return Ok(None);
    }
    let Some(source) = load_or_report(file, err)? else {
        return Ok(None);
    };
    if lang == source.strings.default_language {
        writeln!(
            err,
            "error: `{lang}` is the source language of {}: {instead}",
            source.name
        )?;
        return Ok(None);
    }
    Ok(Some(source))
}

/// Checks a `--lang` value; prints why not.
pub(super) fn lang_ok(lang: &str, err: &mut dyn Write) -> anyhow::Result<bool> {
    // Country codes often written for the language (as the core's validator warns).
    let hint = match lang {
        "ua" => " (Ukrainian is `uk`; `ua` is the country)",
        "cz" => " (Czech is `cs`; `cz` is the country)",
        _ if languages::is_language_tag(lang) => return Ok(true),
        _ => "",
    };
    writeln!(
        err,
        "error: `{lang}` is not a language code{hint}; the project ships {}",
        languages::SHIPPED.join(", ")
    )?;
    Ok(false)
}

/// Refuses files the command cannot handle (`.ftl`, compiled `.json`).
pub(super) fn toml_only(path: &Path, err: &mut dyn Write) -> anyhow::Result<bool> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext.eq_ignore_ascii_case("ftl") {
        writeln!(
            err,
            "error: {}: UI strings are not exported as PO: translators edit src/i18n/<lang>.ftl \
             directly, and `riskscreen translations status` checks it (see docs/translating.md)",
            path.display()
        )?;
        return Ok(false);
    }
    if ext.eq_ignore_ascii_case("json") {
        writeln!(
            err,
            "error: {}: compiled JSON is written by `riskscreen compile`; use the TOML source",
            path.display()
        )?;
        return Ok(false);
    }
    Ok(true)
}

/// Reads the record of `lang` for `file`; prints and returns `Err` when it is unreadable.
pub(super) fn read_record(
    file: &Path,
    lang: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Result<Option<Record>, ()>> {
    match files::read_record(&record::path(file, lang)) {
        Ok(r) => Ok(Ok(r)),
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(Err(()))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::report::QuestionnaireReport;

    fn repo_file(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../questionnaires")
            .join(name)
    }

    /// The keyed walk finds exactly the strings `report` (and so `validate`) counts,
    /// each under its own key, in every shipped questionnaire.
    #[test]
    fn every_user_facing_string_has_exactly_one_key() {
        let mut checked = 0;
        for entry in std::fs::read_dir(repo_file("")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let source = load_text(&path, text.clone()).unwrap_or_else(|d| panic!("{d:?}"));
            let s = &source.strings;
            assert!(s.duplicate_keys().is_empty(), "{}", path.display());
            let model = input::check(&path, &text, None).model;
            if let Some(Document::Questionnaire(q)) = &model {
                let total = QuestionnaireReport::of(q).languages[0].total;
                assert_eq!(s.entries.len(), total, "{}", path.display());
            } else {
                let Some(Document::Helplines(d)) = model else {
                    panic!("{}: not readable", path.display())
                };
                let hours = d.helplines.iter().filter(|h| h.hours.is_some()).count();
                assert_eq!(
                    s.entries.len(),
                    d.countries.len() + d.helplines.len() + hours,
                    "{}",
                    path.display()
                );
            }
            checked += 1;
        }
        assert!(checked >= 3);
    }

    #[test]
    fn keys_are_built_from_ids() {
        let source = load(&repo_file("self-check.toml")).unwrap().unwrap();
        for key in [
            "title",
            "description",
            "dimension.immediate_danger.label",
            "dimension.immediate_danger.advice",
            "question.offer_kind.text",
            "question.offer_kind.option.job.label",
        ] {
            assert!(source.strings.get(key).is_some(), "{key}");
        }
        let helplines = load(&repo_file("helplines.toml")).unwrap().unwrap();
        for key in [
            "country.UA.name",
            "helpline.eu-112.name",
            "helpline.eu-116000.hours",
        ] {
            assert!(helplines.strings.get(key).is_some(), "{key}");
        }
    }
}
