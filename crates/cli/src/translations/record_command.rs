//! `translations record`: records translations written into the TOML by hand (before
//! this workflow), so that `status` can tell when their source text changes.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::files;
use super::loading::{keys_unique, read_record, source_for_translation};
use super::{po, record};
use crate::input;
use crate::Status;

/// Records the `lang` translations already in `file` as made from its current source text,
/// keeping what the record already has.
pub(super) fn record_file(
    lang: &str,
    file: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let Some(source) = source_for_translation(lang, file, "there is nothing to record", err)?
    else {
        return Ok(Status::Invalid);
    };
    let s = &source.strings;
    if !keys_unique(&source, err)? {
        return Ok(Status::Invalid);
    }
    let Ok(previous) = read_record(file, lang, err)? else {
        return Ok(Status::Invalid);
    };
    let (catalog, built) = record::build(
        s,
        lang,
        &source.file_name,
        previous.as_ref(),
        &BTreeMap::new(),
        true,
    );
    if built.entries == 0 {
        writeln!(out, "{}: no `{lang}` text to record", source.name)?;
        return Ok(Status::Success);
    }
    let path = record::path(file, lang);
    crate::write::atomically(&path, &po::write(&catalog))?;
    let written = files::read_record(&path).map_err(anyhow::Error::msg)?;
    let stale = record::coverage(s, lang, written.as_ref()).stale.len();
    writeln!(
        out,
        "{}: recorded {} {lang} translations in {} ({} as made from the current source text, {} kept from the record)",
        source.name,
        built.entries,
        path.display(),
        built.new,
        built.kept
    )?;
    if stale > 0 {
        writeln!(
            out,
            "  {} stay stale: the record says they were made from an older source text",
            input::count(stale, "translation")
        )?;
    }
    Ok(Status::Success)
}
