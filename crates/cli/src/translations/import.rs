//! `translations import`: a translated PO file written back into the TOML source.
//!
//! In named steps: [`po_language`] and [`plan`] decide from the PO file and the source
//! alone what the import takes, skips and refuses (no IO, so a refusal writes nothing),
//! [`apply`] edits the TOML text in memory, then `import` writes the file, reports what
//! it did ([`imported_lines`]) and writes the record ([`write_record`]).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::loading::{
    keys_unique, lang_ok, load_or_report, load_text, read_record, toml_only, Source,
};
use super::strings::Strings;
use super::{edit, languages, po, record};
use crate::input;
use crate::Status;

/// Why an entry of a PO file was refused.
#[derive(Debug)]
struct Refused {
    line: usize,
    key: String,
    why: String,
}

/// What an import takes from a PO file, decided before anything is written.
#[derive(Debug, Default)]
struct Plan<'c> {
    /// The entries to write, in the PO file's order.
    accepted: Vec<&'c po::Entry>,
    /// Entries (or the header) that stop the whole import.
    refused: Vec<Refused>,
    /// Skipped: no translation.
    empty: usize,
    /// Skipped: marked fuzzy.
    fuzzy: usize,
    /// Accepted with `--force` although the source text changed.
    forced: usize,
}

/// The TOML text with the accepted translations written in, and what changed.
#[derive(Debug, Default)]
struct Applied {
    text: String,
    added: usize,
    changed: usize,
    unchanged: usize,
    /// What the record gets for the imported translations: the source each was made from.
    fresh: BTreeMap<String, record::Source>,
}

pub(super) fn import(
    file: &Path,
    po_path: &Path,
    lang_arg: Option<&str>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    if !toml_only(file, err)? {
        return Ok(Status::Invalid);
    }
    let po_name = po_path.display().to_string();
    let po_text = input::read(po_path)?;
    let catalog = match po::parse(&po_text) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "{po_name}:{}: {}", e.line, e.message)?;
            return Ok(Status::Invalid);
        }
    };
    let lang = match po_language(&catalog, lang_arg, &po_name) {
        Ok(lang) => lang,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Status::Invalid);
        }
    };
    if !lang_ok(&lang, err)? {
        return Ok(Status::Invalid);
    }
    let Some(source) = load_or_report(file, err)? else {
        return Ok(Status::Invalid);
    };
    let s = &source.strings;
    let lang = match without_region(&lang, s) {
        Some(primary) => {
            writeln!(
                err,
                "note: {po_name} is in `{lang}`: imported as `{primary}`"
            )?;
            primary
        }
        None => lang,
    };
    if lang == s.default_language {
        writeln!(
            err,
            "error: {po_name} is in `{lang}`, the source language of {}: nothing to import",
            source.name
        )?;
        return Ok(Status::Invalid);
    }
    if !keys_unique(&source, err)? {
        return Ok(Status::Invalid);
    }

    let plan = plan(&catalog, &source, force);
    if !plan.refused.is_empty() {
        write_refused(&plan.refused, &po_name, &source.name, err)?;
        return Ok(Status::Invalid);
    }

    let applied = match apply(&source, &plan.accepted, &lang)? {
        Ok(applied) => applied,
        Err(message) => {
            writeln!(err, "{message}")?;
            return Ok(Status::Invalid);
        }
    };
    let after = match load_text(file, applied.text.clone()) {
        Ok(after) => after,
        Err(diagnostics) => {
            // Cannot happen (only string values were added), but never write a broken file.
            for line in diagnostics {
                writeln!(err, "{line}")?;
            }
            writeln!(
                err,
                "error: the imported file would not read back; nothing was written"
            )?;
            return Ok(Status::Invalid);
        }
    };
    if applied.text != source.text {
        crate::write::atomically(file, &applied.text)?;
    }
    for line in imported_lines(&source.name, &po_name, &lang, &plan, &applied) {
        writeln!(out, "{line}")?;
    }
    for line in &after.diagnostics {
        writeln!(err, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        input::summary(
            &after.name,
            after.errors,
            after.diagnostics.len().saturating_sub(after.errors)
        )
    )?;

    if write_record(file, &lang, &after, &applied.fresh, out, err)? == Status::Invalid {
        return Ok(Status::Invalid);
    }
    Ok(Status::invalid_if(after.errors > 0))
}

/// The language of the import: the PO header's, which editors keep (`uk`, or `uk_UA`),
/// else `--lang`; when both are given they must agree. `Err` is the message why not.
fn po_language(
    catalog: &po::Catalog,
    lang_arg: Option<&str>,
    po_name: &str,
) -> Result<String, String> {
    let header_lang = catalog
        .header_field("Language")
        .filter(|l| !l.is_empty())
        .map(|l| l.replace('_', "-"));
    match (header_lang.as_deref(), lang_arg) {
        (Some(h), Some(a)) if h != a => Err(format!(
            "error: {po_name} says `Language: {h}`, but --lang is `{a}`"
        )),
        (Some(l), _) | (None, Some(l)) => Ok(l.to_owned()),
        (None, None) => Err(format!(
            "error: {po_name} has no `Language` header: give the language with --lang"
        )),
    }
}

/// The language alone (`uk`) when `lang` has a region (`uk-UA`) that the file does not
/// use: PO editors may write a region, the project's files use the language alone.
fn without_region(lang: &str, s: &Strings) -> Option<String> {
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
/// and the source alone: nothing is read or written.
fn plan<'c>(catalog: &'c po::Catalog, source: &Source, force: bool) -> Plan<'c> {
    let s = &source.strings;
    let mut plan = Plan::default();
    if let Some(from) = catalog.header_field("X-Riskscreen-File") {
        if from != source.file_name && !force {
            plan.refused.push(Refused {
                line: 1,
                key: "(header)".into(),
                why: format!(
                    "exported from {from}, not {}: import it into its own file (or --force)",
                    source.file_name
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
                why: format!(
                    "unknown msgctxt: {} has no string with this key",
                    source.file_name
                ),
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

/// Reports a refused import: each refused entry, then hints for what to do.
fn write_refused(
    refused: &[Refused],
    po_name: &str,
    source_name: &str,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    for r in refused {
        writeln!(err, "{po_name}:{}: {}: {}", r.line, r.key, r.why)?;
    }
    let stale = refused
        .iter()
        .filter(|r| r.why.starts_with("stale"))
        .count();
    writeln!(
        err,
        "{po_name}: {} refused; nothing was written to {source_name}",
        entries(refused.len()),
    )?;
    if stale > 0 {
        writeln!(
            err,
            "hint: export again (the changed entries come marked fuzzy with the new source), \
             or --force to import them as they are (they stay reported as stale)"
        )?;
    }
    if stale < refused.len() {
        writeln!(
            err,
            "hint: unknown keys are strings the file no longer has (or the PO is for another \
             file): delete those entries from the PO file, or export again"
        )?;
    }
    Ok(())
}

/// Writes the accepted translations into the source's TOML text, in memory, keeping its
/// comments and layout. The inner `Err` is the message when a string cannot take one.
fn apply(
    source: &Source,
    accepted: &[&po::Entry],
    lang: &str,
) -> anyhow::Result<Result<Applied, String>> {
    let s = &source.strings;
    let mut doc: toml_edit::DocumentMut = source
        .text
        .parse()
        .with_context(|| format!("{}: cannot be edited as TOML", source.name))?;
    let mut applied = Applied::default();
    for e in accepted {
        let key = e.msgctxt.as_deref().unwrap_or_default();
        let Some(entry) = s.get(key) else { continue };
        match edit::set_text(&mut doc, &entry.place, lang, &e.msgstr) {
            Ok(edit::Change::Added) => applied.added += 1,
            Ok(edit::Change::Changed) => applied.changed += 1,
            Ok(edit::Change::Unchanged) => applied.unchanged += 1,
            Err(why) => {
                return Ok(Err(format!(
                    "error: {}: `{key}`: {why}; nothing was written",
                    source.name
                )));
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
    Ok(Ok(applied))
}

/// What was imported, as the lines `import` prints.
fn imported_lines(
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

/// Writes the record of `lang` for the imported file: the imported translations with the
/// source text they were made from, the others kept from the previous record.
fn write_record(
    file: &Path,
    lang: &str,
    after: &Source,
    fresh: &BTreeMap<String, record::Source>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let Ok(previous) = read_record(file, lang, err)? else {
        return Ok(Status::Invalid);
    };
    let (record_catalog, built) = record::build(
        &after.strings,
        lang,
        &after.file_name,
        previous.as_ref(),
        fresh,
        false,
    );
    let record_path = record::path(file, lang);
    crate::write::atomically(&record_path, &po::write(&record_catalog))?;
    writeln!(
        out,
        "record: {} ({} recorded{})",
        record_path.display(),
        built.entries,
        if built.unrecorded > 0 {
            format!(
                "; {} translated in the file but not recorded: `riskscreen translations record` records them",
                built.unrecorded
            )
        } else {
            String::new()
        }
    )?;
    Ok(Status::Success)
}

/// `1 entry`, `3 entries`.
fn entries(n: usize) -> String {
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
