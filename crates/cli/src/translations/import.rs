//! `translations import`: a translated PO file written back into the TOML source.
//!
//! The IO around the library's plan ([`riskscreen_translations::import`]): read the PO
//! file and the source, let the library decide what the import takes and refuses and
//! edit the TOML text, check that the result reads back, then write the file, report
//! what it did and write the record ([`write_record`]).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use riskscreen_translations::import::{
    apply, imported_lines, po_language, refused_lines, without_region, ApplyError,
};

use super::loading::{
    keys_unique, lang_ok, load_or_report, load_text, read_record, toml_only, Source,
};
use super::{po, record};
use crate::input;
use crate::Status;

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
    let lang = match po_language(&catalog, lang_arg) {
        Ok(lang) => lang,
        Err(why) => {
            writeln!(err, "error: {po_name} {why}")?;
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

    let plan = riskscreen_translations::import::plan(&catalog, s, &source.file_name, force);
    if !plan.refused.is_empty() {
        for line in refused_lines(&plan.refused, &po_name, &source.name) {
            writeln!(err, "{line}")?;
        }
        return Ok(Status::Invalid);
    }

    let applied = match apply(&source.text, s, &plan.accepted, &lang) {
        Ok(applied) => applied,
        Err(ApplyError::Parse(e)) => {
            return Err(
                anyhow::Error::new(e).context(format!("{}: cannot be edited as TOML", source.name))
            );
        }
        Err(why) => {
            writeln!(err, "error: {}: {why}; nothing was written", source.name)?;
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
