//! `translations export`: one language of a questionnaire or the helpline directory as a
//! gettext PO file for translators.

use std::io::Write;
use std::path::Path;

use super::loading::{keys_unique, lang_ok, load_or_report, read_record, toml_only};
use super::strings::non_blank;
use super::{languages, po, record};
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
    if !lang_ok(lang, err)? || !toml_only(file, err)? {
        return Ok(Status::Invalid);
    }
    let Some(source) = load_or_report(file, err)? else {
        return Ok(Status::Invalid);
    };
    let s = &source.strings;
    if lang == s.default_language {
        writeln!(
            err,
            "error: `{lang}` is the source language of {}: export another language",
            source.name
        )?;
        return Ok(Status::Invalid);
    }
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
    let mut entries = Vec::new();
    let (mut translated, mut fuzzy, mut no_source) = (0, 0, 0);
    for e in &s.entries {
        let Some(msgid) = non_blank(&e.text, &s.default_language) else {
            no_source += 1;
            writeln!(
                err,
                "warning: {}: `{}` has no {} text; not exported",
                source.name, e.key, s.default_language
            )?;
            continue;
        };
        let current = non_blank(&e.text, lang);
        let recorded = record.as_ref().and_then(|r| r.entries.get(&e.key));
        let mut entry = po::Entry {
            comments: recorded.map(|r| r.comments.clone()).unwrap_or_default(),
            extracted: e.context.clone(),
            msgctxt: Some(e.key.clone()),
            msgid: msgid.to_owned(),
            msgstr: current.unwrap_or("").to_owned(),
            ..po::Entry::default()
        };
        if let (Some(current), Some(r)) = (current, recorded) {
            if r.msgstr == current && r.msgid != msgid {
                entry.flags.push("fuzzy".into());
                entry.previous_msgid = Some(r.msgid.clone());
                fuzzy += 1;
            }
        }
        if current.is_some() {
            translated += 1;
        }
        entries.push(entry);
    }
    let name = languages::language(lang).map_or(lang, |l| l.name);
    let total = entries.len();
    let catalog = po::Catalog {
        header_comments: vec![
            format!(
                "{name} ({lang}) translation of the {} ({}).",
                s.describe, source.file_name
            ),
            s.audience.clone(),
            String::new(),
            "msgctxt is the string's key: do not change it. msgid is the source text,".into(),
            "msgstr your translation; leave it empty to skip the string. Entries marked".into(),
            "fuzzy were translated from an older source text (shown as `#| msgid`):".into(),
            "check them, then remove the fuzzy mark. Import with".into(),
            format!(
                "  riskscreen translations import {} THIS_FILE.po",
                source.name
            ),
            "(see docs/translating.md).".into(),
        ],
        header: record::header(s, lang, &source.file_name),
        entries,
    };
    let text = po::write(&catalog);
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
