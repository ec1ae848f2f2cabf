//! `riskscreen translations status|export|import|record`: the translator workflow.
//!
//! Questionnaires and the helpline directory keep every user-facing string as a
//! table of languages in the TOML source (`text = { en = "…", uk = "…" }`).
//! Translators do not edit those files: they get a gettext PO file for their
//! language, translate it in any PO editor (Poedit, Lokalize, a text editor) and
//! the PO is written back into the TOML, keeping its comments and layout.
//! `docs/translating.md` is the translator's guide; this is the design.
//!
//! - `status [--lang L] [--verbose] [FILES…]`: per file and language, strings
//!   translated, missing, stale (made from an older source text) and unrecorded,
//!   with the native-speaker review status. By default every
//!   `questionnaires/*.toml` and the UI strings `src/i18n/*.ftl`. Exits 1 when a
//!   language a file declares lacks a string (for `.ftl`: a language that has a
//!   file lacks a message, has a syntax error or a plural select without all of
//!   the language's CLDR categories).
//! - `export --lang L FILE -o OUT.po`: one entry per string, `msgctxt` its stable
//!   key ([`strings`]), `msgid` the default-language text, `msgstr` the current
//!   translation or empty, `#.` comments with context. A translation whose source
//!   changed since it was made is exported `fuzzy` with the old source as `#| msgid`,
//!   as `msgmerge` does, so PO editors show it as "needs review" with the change.
//! - `import [--force] FILE IN.po`: writes the non-empty, non-fuzzy `msgstr`s into
//!   the TOML ([`edit`]), validates the result and writes the record. Refuses the
//!   whole import (nothing written, exit 1) when an entry's `msgctxt` is unknown or
//!   repeated, or when an entry's `msgid` differs from the current source text
//!   (stale) unless `--force`.
//! - `record --lang L FILE…`: records the translations already in the files as made
//!   from their current source text (for translations written before this workflow).
//!
//! # Records: how stale strings are found
//!
//! The PO files are the record ([`record`]): `import` writes
//! `<dir>/translations/<lang>/<stem>.po` with, for each translation, the `msgid` it
//! was made from. When the source text changes, the record's `msgid` no longer
//! matches and `status` reports the string stale. No hashes or dates: a record is a
//! plain PO file, readable in review and reusable in a PO editor.
//!
//! # Fluent UI strings
//!
//! The widget's own strings (`src/i18n/<lang>.ftl`) are not exported: Fluent files
//! are written for translators, and their select expressions carry plural forms
//! that a PO `msgid` could only hide. Translators edit `<lang>.ftl` directly and
//! `status` compares message ids with `en.ftl` and checks plural selects ([`fluent`]).
//!
//! # Where things are
//!
//! One module per command: [`status`], [`export`], [`import`], [`record_command`];
//! [`report`] is the section of `riskscreen report`, [`loading`] what they share
//! (reading a file for its strings, checking `--lang`). Under them: [`strings`] (the
//! keyed strings), [`po`] (the PO format), [`edit`] (writing into the TOML),
//! [`record`], [`review`], [`fluent`] and [`languages`].

mod export;
mod files;
mod import;
mod loading;
mod record_command;
mod report;
mod status;

// The workflow's knowledge is the library's; `super::po` and the like in the
// command modules name it through these.
pub use riskscreen_translations::{languages, review};
use riskscreen_translations::{po, record, strings};

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use crate::Status;
use export::export;
use import::import;
use record_command::record_file;
pub use report::{report_directory, report_questionnaire, write_report, TranslationsReport};
use status::status;

/// The `translations` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Per file and language: strings translated, missing, stale and unrecorded, and
    /// native-speaker review.
    ///
    /// Without FILES: every questionnaires/*.toml (the helpline directory included)
    /// and the UI strings src/i18n/*.ftl, from the current directory. Exits 1 when a
    /// language that a file declares (`languages`; for .ftl: has a file) lacks a
    /// string; missing strings of other languages are coverage, not an error.
    #[command(after_help = crate::EXIT_CODES)]
    Status {
        /// Only this language.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// List every missing, stale and unrecorded string (else only when few).
        #[arg(short, long)]
        verbose: bool,
        /// Questionnaires, the helpline directory, or .ftl files.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a gettext PO file of one language of a questionnaire or the helpline directory.
    ///
    /// One entry per user-facing string: msgctxt is its stable key, msgid the
    /// default-language text, msgstr the current translation (empty if none).
    /// Translations whose source text changed since they were made are marked fuzzy,
    /// with the old source text as `#| msgid`.
    #[command(after_help = crate::EXIT_CODES)]
    Export {
        /// The language to translate into.
        #[arg(long, value_name = "LANG")]
        lang: String,
        /// The questionnaire or helpline directory (TOML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the PO file (`-` for standard output).
        #[arg(short, long, value_name = "OUT.po")]
        output: PathBuf,
    },
    /// Write a PO file's translations into the TOML source, keeping its comments and layout.
    ///
    /// Takes every entry with a non-empty msgstr that is not fuzzy. Nothing is
    /// written (exit 1) if an entry's msgctxt is unknown or repeated, or if its msgid
    /// is not the current source text (the source changed since the export) unless
    /// --force. Then validates the file and writes the record
    /// translations/<lang>/<stem>.po next to it.
    #[command(after_help = crate::EXIT_CODES)]
    Import {
        /// The questionnaire or helpline directory (TOML), changed in place.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The translated PO file.
        #[arg(value_name = "IN.po")]
        po: PathBuf,
        /// The language, when the PO file has no `Language` header (must agree with it otherwise).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Import entries whose source text changed since the export (they stay
        /// reported as stale), and a PO exported from another file.
        #[arg(long)]
        force: bool,
    },
    /// Record the translations already in the files as made from the current source text.
    ///
    /// For translations written into the TOML by hand: without a record, `status`
    /// cannot tell when their source changes. Translations the record already has
    /// keep their recorded source (so stale ones stay stale).
    #[command(after_help = crate::EXIT_CODES)]
    Record {
        /// The language to record.
        #[arg(long, value_name = "LANG")]
        lang: String,
        /// Questionnaires or the helpline directory (TOML).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Runs a `translations` subcommand.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    match command {
        Command::Status {
            lang,
            verbose,
            files,
        } => status(lang.as_deref(), verbose, &files, out, err),
        Command::Export { lang, file, output } => export(&lang, &file, &output, out, err),
        Command::Import {
            file,
            po,
            lang,
            force,
        } => import(&file, &po, lang.as_deref(), force, out, err),
        Command::Record { lang, files } => {
            let mut status = Status::Success;
            for file in &files {
                if record_file(&lang, file, out, err)? == Status::Invalid {
                    status = Status::Invalid;
                }
            }
            Ok(status)
        }
    }
}
