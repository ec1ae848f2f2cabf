//! `translations export`: one language of a questionnaire or the helpline directory as a
//! gettext PO file for translators: the IO around the library's
//! [`riskscreen_translations::export::catalog`].

use std::io::Write;
use std::path::Path;

use super::loading::{keys_unique, read_record, source_for_translation};
use super::po;
use crate::input;
use crate::Status;

/// Writes the PO file of `lang` for `file`: current translations, and those made from an
/// older source text marked fuzzy with that text as `#| msgid`.
pub(super) fn export(
    lang: &str,
    file: &Path,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let Some(source) = source_for_translation(lang, file, "export another language", err)? else {
        return Ok(Status::Invalid);
    };
    let s = &source.strings;
    if source.errors > 0 {
        writeln!(
            err,
            "note: {} has {}; exporting its strings as written",
            source.name,
            input::count(source.errors, "error")
        )?;
    }
    if !keys_unique(&source, err)? {
        return Ok(Status::Invalid);
    }
    let Ok(record) = read_record(file, lang, err)? else {
        return Ok(Status::Invalid);
    };
    let export = riskscreen_translations::export::catalog(
        s,
        lang,
        &source.file_name,
        &source.name,
        record.as_ref(),
    );
    for key in &export.no_source {
        writeln!(
            err,
            "warning: {}: `{key}` has no {} text; not exported",
            source.name, s.default_language
        )?;
    }
    let (translated, fuzzy) = (export.translated, export.fuzzy);
    let no_source = export.no_source.len();
    let total = export.catalog.entries.len();
    let text = po::write(&export.catalog);
    let summary = format!(
        "{}: {} for {lang}: {translated} translated ({fuzzy} fuzzy: source changed), {} to translate{}",
        output.display(),
        input::count(total, "string"),
        total - translated,
        if no_source > 0 {
            format!("; {no_source} without a source text left out")
        } else {
            String::new()
        }
    );
    if output.as_os_str() == "-" {
        out.write_all(text.as_bytes())?;
        writeln!(err, "{summary}")?;
    } else {
        crate::write::atomically(output, &text)?;
        writeln!(out, "{summary}")?;
    }
    Ok(Status::Success)
}
