//! `riskscreen compile FILE -o OUT.json` and `compile-helplines`: source to widget JSON.
//!
//! The file is loaded and validated exactly as `validate` does. On any error the
//! diagnostics are printed to standard error, nothing is written and the exit code
//! is 1, so a build never ships a broken questionnaire. Otherwise warnings are
//! printed to standard error and the model is written as pretty JSON (serde_json of
//! the core model, so the widget reads it with the same types).
//!
//! A helpline directory is written in its widget form
//! ([`riskscreen_core::helplines::Directory::for_widget`]: no sources, check dates
//! or notes) and compact: the page downloads it on every first visit, so it counts
//! in the size budget, unlike the questionnaires. The TOML stays the record of
//! where each number comes from.
//!
//! With `--lang L` (repeatable) a questionnaire is written with the texts of
//! those languages only, and the default language's where a text has none of
//! them ([`riskscreen_core::Questionnaire::only_languages`]), without the
//! authors' notes, which the widget never shows
//! ([`riskscreen_core::Questionnaire::without_notes`]), compact: `cargo
//! xtask build` writes one such file per language (`www/q/<stem>.<lang>.json`),
//! and the self-check page downloads the person's only. A language the
//! questionnaire does not ship is an error (nothing written). A helpline
//! directory is split the same way ([`riskscreen_core::helplines::Directory::only_languages`]):
//! `www/q/helplines.<lang>.json`, the names in the page's language only, which
//! the widget completes when the person switches language.
//!
//! `compile` detects a helpline directory on its own; `compile-helplines` forces
//! that reading (the build calls it for `questionnaires/helplines.toml`).
//!
//! The output is written to a temporary file next to `OUT.json` and renamed into
//! place, so an interrupted build never leaves half a file for the widget to load.
//! `-o -` writes to standard output instead.

use std::io::Write;
use std::path::Path;

use crate::input::{self, Document, Kind};
use crate::Status;

/// Compiles `file` (read as `kind`, or as detected) to `output`.
pub fn run(
    kind: Option<Kind>,
    file: &Path,
    output: &Path,
    langs: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let checked = input::load(file, kind)?;
    for line in checked.rendered() {
        writeln!(err, "{line}")?;
    }
    let json = match checked.document() {
        None => {
            writeln!(err, "{}; nothing written", checked.summary())?;
            return Ok(Status::Invalid);
        }
        Some(Document::Questionnaire(q)) if langs.is_empty() => serde_json::to_string_pretty(q)?,
        Some(Document::Helplines(directory)) if langs.is_empty() => {
            serde_json::to_string(&directory.for_widget())?
        }
        Some(document) => {
            let (kind, shipped) = match document {
                Document::Questionnaire(q) => ("questionnaire", &q.languages),
                Document::Helplines(d) => ("helpline directory", &d.languages),
            };
            if let Some(unknown) = langs.iter().find(|l| !shipped.contains(l)) {
                writeln!(
                    err,
                    "error: --lang {unknown}: the {kind} ships {}; nothing written",
                    shipped.join(", ")
                )?;
                return Ok(Status::Invalid);
            }
            let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
            match document {
                Document::Questionnaire(q) => {
                    serde_json::to_string(&q.only_languages(&langs).without_notes())?
                }
                Document::Helplines(d) => {
                    serde_json::to_string(&d.for_widget().only_languages(&langs))?
                }
            }
        }
    };
    if output == Path::new("-") {
        writeln!(out, "{json}")?;
    } else {
        crate::write::atomically(output, &format!("{json}\n"))?;
    }
    Ok(Status::Success)
}
