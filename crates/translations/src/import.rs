//! The planning of `translations import`: what a translated PO file changes in the
//! TOML source, decided from text alone.
//!
//! In named steps: [`po_language`] and [`plan`] decide from the PO file and the source's
//! strings what the import takes, skips and refuses (so a refusal writes nothing),
//! [`apply`] edits the TOML text in memory, and [`imported_lines`] and
//! [`refused_lines`] say what happened. The CLI reads the files, checks that the result
//! reads back, writes it and the record.

use std::collections::BTreeMap;

use crate::edit::{self, EditError};
use crate::languages;
use crate::po;
use crate::record;
use crate::strings::Strings;

/// Why an entry of a PO file was refused.
#[derive(Debug)]
pub struct Refused {
    /// The entry's line in the PO file (1 for the header).
    pub line: usize,
    /// Its key, or what stands for it (`(header)`, `(no msgctxt)`).
    pub key: String,
    /// Why, as the message says it.
    pub why: String,
}

/// What an import takes from a PO file, decided before anything is written.
#[derive(Debug, Default)]
pub struct Plan<'c> {
    /// The entries to write, in the PO file's order.
    pub accepted: Vec<&'c po::Entry>,
    /// Entries (or the header) that stop the whole import.
    pub refused: Vec<Refused>,
    /// Skipped: no translation.
    pub empty: usize,
    /// Skipped: marked fuzzy.
    pub fuzzy: usize,
    /// Accepted with `--force` although the source text changed.
    pub forced: usize,
}

/// The TOML text with the accepted translations written in, and what changed.
#[derive(Debug, Default)]
pub struct Applied {
    /// The new TOML text.
    pub text: String,
    /// Languages added to a string's table.
    pub added: usize,
    /// Texts replaced.
    pub changed: usize,
    /// Texts that were already the translation.
    pub unchanged: usize,
    /// What the record gets for the imported translations: the source each was made from.
    pub fresh: BTreeMap<String, record::Source>,
}

/// Why the language of an import is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageError {
    /// The PO header and `--lang` disagree.
    Disagree {
        /// The header's `Language`, with `-` for `_`.
        header: String,
        /// `--lang`.
        arg: String,
    },
    /// Neither the header nor `--lang` gives one.
    Missing,
}

impl std::fmt::Display for LanguageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LanguageError::Disagree { header, arg } => {
                write!(f, "says `Language: {header}`, but --lang is `{arg}`")
            }
            LanguageError::Missing => {
                f.write_str("has no `Language` header: give the language with --lang")
            }
        }
    }
}

impl std::error::Error for LanguageError {}

/// The language of the import: the PO header's, which editors keep (`uk`, or `uk_UA`),
/// else `--lang`; when both are given they must agree. The error's message follows
/// the PO file's name.
pub fn po_language(catalog: &po::Catalog, lang_arg: Option<&str>) -> Result<String, LanguageError> {
    let header_lang = catalog
        .header_field("Language")
        .filter(|l| !l.is_empty())
        .map(|l| l.replace('_', "-"));
    match (header_lang.as_deref(), lang_arg) {
        (Some(h), Some(a)) if h != a => Err(LanguageError::Disagree {
            header: h.to_owned(),
            arg: a.to_owned(),
        }),
        (Some(l), _) | (None, Some(l)) => Ok(l.to_owned()),
        (None, None) => Err(LanguageError::Missing),
    }
}

/// The language alone (`uk`) when `lang` has a region (`uk-UA`) that the file does not
/// use: PO editors may write a region, the project's files use the language alone.
pub fn without_region(lang: &str, s: &Strings) -> Option<String> {
    match lang.split_once('-') {
        Some((primary, _))
            if languages::language(primary).is_some()
                && !s.languages.iter().any(|l| l == lang)
                && !s.languages_used().contains(lang) =>
        {
            Some(primary.to_owned())
        }
        _ => None,
    }
}

/// Decides, entry by entry, what the import takes, skips and refuses, from the PO file
/// and the source's strings (of the file `file_name`) alone: nothing is read or written.
pub fn plan<'c>(catalog: &'c po::Catalog, s: &Strings, file_name: &str, force: bool) -> Plan<'c> {
    let mut plan = Plan::default();
    if let Some(from) = catalog.header_field("X-Riskscreen-File") {
        if from != file_name && !force {
            plan.refused.push(Refused {
                line: 1,
                key: "(header)".into(),
                why: format!(
                    "exported from {from}, not {}: import it into its own file (or --force)",
                    file_name
                ),
            });
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &catalog.entries {
        let Some(key) = e.msgctxt.as_deref() else {
            plan.refused.push(Refused {
                line: e.line,
                key: "(no msgctxt)".into(),
                why: "an entry without msgctxt: every riskscreen entry has its key there".into(),
            });
            continue;
        };
        if let Some(first) = seen.insert(key, e.line) {
            plan.refused.push(Refused {
                line: e.line,
                key: key.to_owned(),
                why: format!("the same msgctxt as the entry at line {first}"),
            });
            continue;
        }
        let Some(entry) = s.get(key) else {
            plan.refused.push(Refused {
                line: e.line,
                key: key.to_owned(),
                why: format!("unknown msgctxt: {} has no string with this key", file_name),
            });
            continue;
        };
        if e.msgstr.trim().is_empty() {
            plan.empty += 1;
            continue;
        }
        if e.is_fuzzy() {
            plan.fuzzy += 1;
            continue;
        }
        let current = entry.text.get(&s.default_language).unwrap_or("");
        if e.msgid != current {
            if force {
                plan.forced += 1;
            } else {
                plan.refused.push(Refused {
                    line: e.line,
                    key: key.to_owned(),
                    why: format!(
                        "stale: translated from \"{}\", but the source is now \"{}\"",
                        clip(&e.msgid),
                        clip(current)
                    ),
                });
                continue;
            }
        }
        plan.accepted.push(e);
    }
    plan
}

/// A refused import as the lines to print: each refused entry, then hints for what
/// to do.
pub fn refused_lines(refused: &[Refused], po_name: &str, source_name: &str) -> Vec<String> {
    let mut lines: Vec<String> = refused
        .iter()
        .map(|r| format!("{po_name}:{}: {}: {}", r.line, r.key, r.why))
        .collect();
    let stale = refused
        .iter()
        .filter(|r| r.why.starts_with("stale"))
        .count();
    lines.push(format!(
        "{po_name}: {} refused; nothing was written to {source_name}",
        entries(refused.len()),
    ));
    if stale > 0 {
        lines.push(
            "hint: export again (the changed entries come marked fuzzy with the new source), \
             or --force to import them as they are (they stay reported as stale)"
                .to_owned(),
        );
    }
    if stale < refused.len() {
        lines.push(
            "hint: unknown keys are strings the file no longer has (or the PO is for another \
             file): delete those entries from the PO file, or export again"
                .to_owned(),
        );
    }
    lines
}

/// Why the accepted translations could not be written into the TOML.
#[derive(Debug)]
pub enum ApplyError {
    /// The source is not TOML that `toml_edit` can edit.
    Parse(toml_edit::TomlError),
    /// A string cannot take the translation.
    Edit {
        /// The string's key.
        key: String,
        /// Why.
        error: EditError,
    },
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::Parse(e) => write!(f, "cannot be edited as TOML: {e}"),
            ApplyError::Edit { key, error } => write!(f, "`{key}`: {error}"),
        }
    }
}

impl std::error::Error for ApplyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ApplyError::Parse(e) => Some(e),
            ApplyError::Edit { error, .. } => Some(error),
        }
    }
}

/// Writes the accepted translations into the TOML `text` whose strings are `s`, in
/// memory, keeping its comments and layout.
pub fn apply(
    text: &str,
    s: &Strings,
    accepted: &[&po::Entry],
    lang: &str,
) -> Result<Applied, ApplyError> {
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(ApplyError::Parse)?;
    let mut applied = Applied::default();
    for e in accepted {
        let key = e.msgctxt.as_deref().unwrap_or_default();
        let Some(entry) = s.get(key) else { continue };
        match edit::set_text(&mut doc, &entry.place, lang, &e.msgstr) {
            Ok(edit::Change::Added) => applied.added += 1,
            Ok(edit::Change::Changed) => applied.changed += 1,
            Ok(edit::Change::Unchanged) => applied.unchanged += 1,
            Err(error) => {
                return Err(ApplyError::Edit {
                    key: key.to_owned(),
                    error,
                })
            }
        }
        applied.fresh.insert(
            key.to_owned(),
            record::Source {
                msgid: e.msgid.clone(),
                comments: e.comments.clone(),
            },
        );
    }
    applied.text = doc.to_string();
    Ok(applied)
}

/// What was imported, as the lines `import` prints.
pub fn imported_lines(
    source_name: &str,
    po_name: &str,
    lang: &str,
    plan: &Plan,
    applied: &Applied,
) -> Vec<String> {
    let Applied {
        added,
        changed,
        unchanged,
        ..
    } = applied;
    let (empty, fuzzy) = (plan.empty, plan.fuzzy);
    let mut lines = vec![format!(
        "{source_name}: imported {} {lang} translations from {po_name}: {added} added, \
         {changed} changed, {unchanged} unchanged; skipped {empty} empty and {fuzzy} fuzzy",
        plan.accepted.len()
    )];
    if plan.forced > 0 {
        lines.push(format!(
            "  {} imported with --force although the source text changed: status reports them stale",
            entries(plan.forced)
        ));
    }
    lines
}

/// `1 entry`, `3 entries`.
pub fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_owned()
    } else {
        format!("{n} entries")
    }
}

/// A source text shortened for a message.
fn clip(s: &str) -> String {
    let mut c: String = s.chars().take(60).collect();
    if c.len() < s.len() {
        c.push('…');
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(language: Option<&str>) -> po::Catalog {
        po::Catalog {
            header: language
                .map(|l| vec![("Language".to_owned(), l.to_owned())])
                .unwrap_or_default(),
            ..po::Catalog::default()
        }
    }

    #[test]
    fn the_language_comes_from_the_header_or_lang() {
        assert_eq!(po_language(&catalog(Some("uk_UA")), None).unwrap(), "uk-UA");
        assert_eq!(po_language(&catalog(Some("pl")), Some("pl")).unwrap(), "pl");
        assert_eq!(po_language(&catalog(None), Some("de")).unwrap(), "de");
        assert_eq!(
            po_language(&catalog(None), None),
            Err(LanguageError::Missing)
        );
        let e = po_language(&catalog(Some("pl")), Some("uk")).unwrap_err();
        assert_eq!(e.to_string(), "says `Language: pl`, but --lang is `uk`");
    }

    #[test]
    fn counts_and_clips() {
        assert_eq!(entries(1), "1 entry");
        assert_eq!(entries(3), "3 entries");
        assert_eq!(clip("short"), "short");
        assert_eq!(clip(&"é".repeat(61)).chars().count(), 61);
    }
}
