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

mod edit;
mod fluent;
pub mod languages;
mod po;
mod record;
pub mod review;
mod strings;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;
use serde::Serialize;

use crate::input::{self, Document, Kind};
use crate::Status;
use record::{Coverage, Record};
use review::{Review, Reviews};
use strings::{non_blank, Strings};

/// How many missing or stale strings per language `status` lists without `--verbose`.
const FEW: usize = 10;

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

// ---------------------------------------------------------------- loading

/// A questionnaire or helpline directory, read for its strings.
struct Source {
    /// As given on the command line.
    name: String,
    /// Its base name (`self-check.toml`), used in PO headers.
    file_name: String,
    /// Its stem (`self-check`): records and review entries are named by it.
    stem: String,
    /// The file's text.
    text: String,
    /// Its strings.
    strings: Strings,
    /// Its diagnostics, rendered, and how many are errors.
    diagnostics: Vec<String>,
    errors: usize,
}

/// Reads `path` for its strings. A file with errors of meaning (e.g. a declared
/// language not translated yet) still has strings; one whose shape is wrong has
/// none: `Ok(Err(rendered diagnostics))`.
fn load(path: &Path) -> anyhow::Result<Result<Source, Vec<String>>> {
    let text = input::read(path)?;
    Ok(load_text(path, text))
}

fn load_text(path: &Path, text: String) -> Result<Source, Vec<String>> {
    let checked = input::check(path, &text, None);
    let strings = match &checked.document {
        Some(Document::Questionnaire(q)) => Some(strings::of_questionnaire(q)),
        Some(Document::Helplines(d)) => Some(strings::of_directory(d)),
        None => match checked.kind {
            Kind::Questionnaire => {
                input::unchecked_questionnaire(path, &text).map(|q| strings::of_questionnaire(&q))
            }
            Kind::Helplines => unchecked_directory(path, &text).map(|d| strings::of_directory(&d)),
        },
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

fn unchecked_directory(path: &Path, text: &str) -> Option<Directory> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        serde_json::from_str(text).ok()
    } else {
        toml::from_str(text).ok()
    }
}

/// Loads `path`, printing why not when it cannot be read or its shape is wrong
/// (so that `status` goes on with the other files).
fn load_or_report(path: &Path, err: &mut dyn Write) -> anyhow::Result<Option<Source>> {
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

/// Checks a `--lang` value; prints why not.
fn lang_ok(lang: &str, err: &mut dyn Write) -> anyhow::Result<bool> {
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
fn toml_only(path: &Path, err: &mut dyn Write) -> anyhow::Result<bool> {
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
fn read_record(
    file: &Path,
    lang: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Result<Option<Record>, ()>> {
    match record::read(&record::path(file, lang)) {
        Ok(r) => Ok(Ok(r)),
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(Err(()))
        }
    }
}

// ---------------------------------------------------------------- status

/// Default files: `questionnaires/*.toml` and `src/i18n/*.ftl` under the current directory.
fn default_files() -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for (dir, ext) in [("questionnaires", "toml"), ("src/i18n", "ftl")] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
            .collect();
        found.sort();
        files.extend(found);
    }
    if files.is_empty() {
        anyhow::bail!(
            "no FILE given, and no questionnaires/*.toml or src/i18n/*.ftl here: \
             run from the repository root or name the files"
        );
    }
    Ok(files)
}

fn status(
    only: Option<&str>,
    verbose: bool,
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    if let Some(lang) = only {
        if !lang_ok(lang, err)? {
            return Ok(Status::Invalid);
        }
    }
    let files = if files.is_empty() {
        default_files()?
    } else {
        files.to_vec()
    };
    let mut fluent_dirs: Vec<PathBuf> = Vec::new();
    let mut failed = false;
    let mut reviews_seen: BTreeMap<PathBuf, Reviews> = BTreeMap::new();
    let mut first = true;
    for file in &files {
        if file.extension().is_some_and(|e| e == "ftl") {
            let dir = file
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            if !fluent_dirs.contains(&dir) {
                fluent_dirs.push(dir);
            }
            continue;
        }
        let mut section = Vec::new();
        failed |= status_file(file, only, verbose, &mut reviews_seen, &mut section, err)?;
        separated(out, &section, &mut first)?;
    }
    for dir in &fluent_dirs {
        let mut section = Vec::new();
        failed |= status_fluent(dir, only, verbose, &mut reviews_seen, &mut section, err)?;
        separated(out, &section, &mut first)?;
    }
    for (path, reviews) in &reviews_seen {
        writeln!(out)?;
        if !reviews.found {
            writeln!(
                out,
                "Native-speaker review: unknown ({} does not exist)",
                path.display()
            )?;
            continue;
        }
        writeln!(out, "Native-speaker review ({}):", path.display())?;
        let listed: Vec<&str> = reviews.languages().collect();
        let ordered = languages::SHIPPED
            .iter()
            .copied()
            .filter(|l| listed.contains(l))
            .chain(
                listed
                    .iter()
                    .copied()
                    .filter(|l| !languages::SHIPPED.contains(l)),
            );
        for lang in ordered {
            if only.is_some_and(|o| o != lang) {
                continue;
            }
            writeln!(out, "  {lang}: {}", reviews.of(lang, "").long())?;
        }
    }
    Ok(Status::invalid_if(failed))
}

/// Writes a file's section of `status`, after a blank line unless it is the first.
fn separated(out: &mut dyn Write, section: &[u8], first: &mut bool) -> std::io::Result<()> {
    if section.is_empty() {
        return Ok(());
    }
    if !*first {
        writeln!(out)?;
    }
    *first = false;
    out.write_all(section)
}

/// The review-status file for a questionnaire, read once per path.
fn reviews_for<'r>(
    translations_dir: &Path,
    seen: &'r mut BTreeMap<PathBuf, Reviews>,
    err: &mut dyn Write,
) -> anyhow::Result<(Option<&'r Reviews>, bool)> {
    let path = translations_dir.join(review::FILE_NAME);
    if !seen.contains_key(&path) {
        match review::read(translations_dir) {
            Ok(r) => {
                seen.insert(path.clone(), r);
            }
            Err(e) => {
                writeln!(err, "error: {e}")?;
                return Ok((None, true));
            }
        }
    }
    Ok((seen.get(&path), false))
}

/// The languages `status` shows for a file: `--lang`, or the source language, the
/// other shipped languages, then any other the file declares or has texts in.
fn languages_shown(
    only: Option<&str>,
    source: &str,
    declared: &[String],
    used: &BTreeSet<&str>,
) -> Vec<String> {
    if let Some(l) = only {
        return vec![l.to_owned()];
    }
    let mut langs = vec![source.to_owned()];
    let shipped = languages::SHIPPED.iter().copied();
    for l in shipped
        .chain(declared.iter().map(String::as_str))
        .chain(used.iter().copied())
    {
        if !langs.iter().any(|x| x == l) {
            langs.push(l.to_owned());
        }
    }
    langs
}

fn status_file(
    file: &Path,
    only: Option<&str>,
    verbose: bool,
    seen: &mut BTreeMap<PathBuf, Reviews>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let Some(source) = load_or_report(file, err)? else {
        return Ok(true);
    };
    let mut failed = false;
    let s = &source.strings;
    writeln!(
        out,
        "{}: {}, {}; source {}; declares {}",
        source.name,
        s.describe,
        input::count(s.entries.len(), "string"),
        s.default_language,
        s.languages.join(", ")
    )?;
    if source.errors > 0 {
        writeln!(
            out,
            "  (does not validate: {}; `riskscreen validate {}` lists them)",
            input::count(source.errors, "error"),
            source.name
        )?;
    }
    for key in s.duplicate_keys() {
        writeln!(
            err,
            "error: {}: two strings have the key `{key}` (duplicate ids)",
            source.name
        )?;
        failed = true;
    }
    let (reviews, bad_reviews) = reviews_for(&record::translations_dir(file), seen, err)?;
    failed |= bad_reviews;
    let used = s.languages_used();
    let mut rows = Vec::new();
    for lang in languages_shown(only, &s.default_language, &s.languages, &used) {
        let record = match read_record(file, &lang, err)? {
            Ok(r) => r,
            Err(()) => {
                failed = true;
                None
            }
        };
        let c = record::coverage(s, &lang, record.as_ref());
        let review = reviews.map_or_else(Review::unknown, |r| r.of(&lang, &source.stem));
        failed |= c.is_incomplete();
        rows.push((c, review));
    }
    writeln!(
        out,
        "  {:<6} {:<8} {:>10} {:>8} {:>6} {:>10}  native review",
        "lang", "declared", "translated", "missing", "stale", "unrecorded"
    )?;
    for (c, review) in &rows {
        let (declared, stale, unrecorded, review) = if c.source {
            ("source", "-".to_owned(), "-".to_owned(), "-".to_owned())
        } else {
            (
                if c.declared { "yes" } else { "no" },
                c.stale.len().to_string(),
                c.unrecorded.len().to_string(),
                review.short(),
            )
        };
        writeln!(
            out,
            "  {:<6} {:<8} {:>10} {:>8} {:>6} {:>10}  {review}",
            c.language,
            declared,
            c.translated,
            c.missing.len(),
            stale,
            unrecorded
        )?;
    }
    for (c, _) in &rows {
        let started = c.declared || c.translated > 0 || !c.stale.is_empty();
        let lists: [(&str, &[String], bool); 4] = [
            ("missing", &c.missing, started),
            ("stale", &c.stale, true),
            ("unrecorded", &c.unrecorded, true),
            ("recorded but no longer in the file", &c.orphaned, true),
        ];
        for (what, keys, show) in lists {
            if keys.is_empty() || !(show || verbose) {
                continue;
            }
            if verbose || keys.len() <= FEW {
                for key in keys {
                    writeln!(out, "    {} {what}: {key}", c.language)?;
                }
            } else {
                writeln!(
                    out,
                    "    {} {what}: {} strings (--verbose lists them)",
                    c.language,
                    keys.len()
                )?;
            }
        }
    }
    let stale: Vec<&str> = rows
        .iter()
        .filter(|(c, _)| !c.stale.is_empty())
        .map(|(c, _)| c.language.as_str())
        .collect();
    let unrecorded: Vec<&str> = rows
        .iter()
        .filter(|(c, _)| !c.unrecorded.is_empty())
        .map(|(c, _)| c.language.as_str())
        .collect();
    if !stale.is_empty() {
        writeln!(
            out,
            "  stale: the source text changed since the translation; `riskscreen translations \
             export --lang {} {}` marks them fuzzy for review",
            stale[0], source.name
        )?;
    }
    if !unrecorded.is_empty() {
        writeln!(
            out,
            "  unrecorded: translated, but from which source text is not recorded; \
             `riskscreen translations record --lang {} {}` records the current state",
            unrecorded[0], source.name
        )?;
    }
    Ok(failed)
}

/// The review-status file for the UI strings in `dir` (`src/i18n`): the
/// `questionnaires/translations/review-status.toml` of the project, looked for at
/// most two levels up so that an unrelated file higher up is never picked.
fn ui_translations_dir(dir: &Path) -> PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    for ancestor in absolute.ancestors().take(3) {
        let candidate = ancestor.join("questionnaires").join("translations");
        if candidate.join(review::FILE_NAME).is_file() {
            // Shown relative to the current directory when it is below it.
            let cwd = std::env::current_dir().unwrap_or_default();
            return candidate
                .strip_prefix(&cwd)
                .map_or(candidate.clone(), Path::to_path_buf);
        }
    }
    dir.join("translations")
}

fn status_fluent(
    dir: &Path,
    only: Option<&str>,
    verbose: bool,
    seen: &mut BTreeMap<PathBuf, Reviews>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let st = match fluent::status(dir, only) {
        Ok(st) => st,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(true);
        }
    };
    let shown = if dir.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        dir.display().to_string()
    };
    writeln!(
        out,
        "{shown}: UI strings (Fluent), source {}.ftl, {} (messages and attributes); \
         translators edit {shown}/<lang>.ftl",
        languages::FLUENT_SOURCE,
        input::count(st.total, "string")
    )?;
    let (reviews, mut failed) = reviews_for(&ui_translations_dir(dir), seen, err)?;
    writeln!(
        out,
        "  {:<6} {:<8} {:>10} {:>8} {:>6} {:<9} native review",
        "lang", "file", "translated", "missing", "extra", "plurals"
    )?;
    for c in &st.languages {
        let file = c
            .file
            .as_ref()
            .and_then(|f| f.file_name())
            .map_or_else(|| "-".to_owned(), |f| f.to_string_lossy().into_owned());
        let plurals = match (&c.file, c.plural_problems.len()) {
            (None, _) => "-".to_owned(),
            (Some(_), 0) => "ok".to_owned(),
            (Some(_), n) => input::count(n, "problem"),
        };
        let review = if c.source {
            "-".to_owned()
        } else {
            reviews.map_or_else(|| "unknown".to_owned(), |r| r.of(&c.language, "ui").short())
        };
        let extra = if c.file.is_some() {
            c.extra.len().to_string()
        } else {
            "-".to_owned()
        };
        writeln!(
            out,
            "  {:<6} {:<8} {:>10} {:>8} {:>6} {:<9} {review}",
            c.language,
            file,
            c.translated,
            c.missing.len(),
            extra,
            plurals
        )?;
    }
    for c in &st.languages {
        failed |= c.has_problems();
        for e in &c.syntax_errors {
            writeln!(out, "    {} syntax error: {e}", c.language)?;
        }
        for p in &c.plural_problems {
            writeln!(out, "    {} plurals: {p}", c.language)?;
        }
        let lists: [(&str, &[String]); 2] = [("missing", &c.missing), ("extra", &c.extra)];
        for (what, ids) in lists {
            if ids.is_empty() || (c.file.is_none() && !verbose) {
                continue;
            }
            if verbose || ids.len() <= FEW {
                for id in ids {
                    writeln!(out, "    {} {what}: {id}", c.language)?;
                }
            } else {
                writeln!(
                    out,
                    "    {} {what}: {} messages (--verbose lists them)",
                    c.language,
                    ids.len()
                )?;
            }
        }
    }
    Ok(failed)
}

// ---------------------------------------------------------------- export

fn export(
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
    let dups = s.duplicate_keys();
    if !dups.is_empty() {
        writeln!(
            err,
            "error: {}: several strings share the keys {} (duplicate ids): fix them first",
            source.name,
            dups.join(", ")
        )?;
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

// ---------------------------------------------------------------- import

/// Why an entry of a PO file was refused.
#[derive(Debug)]
struct Refused {
    line: usize,
    key: String,
    why: String,
}

fn import(
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
    // The language: the PO header's, which editors keep (`uk`, or `uk_UA`).
    let header_lang = catalog
        .header_field("Language")
        .filter(|l| !l.is_empty())
        .map(|l| l.replace('_', "-"));
    let lang = match (header_lang.as_deref(), lang_arg) {
        (Some(h), Some(a)) if h != a => {
            writeln!(
                err,
                "error: {po_name} says `Language: {h}`, but --lang is `{a}`"
            )?;
            return Ok(Status::Invalid);
        }
        (Some(l), _) | (None, Some(l)) => l.to_owned(),
        (None, None) => {
            writeln!(
                err,
                "error: {po_name} has no `Language` header: give the language with --lang"
            )?;
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
    // PO editors may write a region (`uk_UA`); the project's files use the language alone.
    let lang = match lang.split_once('-') {
        Some((primary, _))
            if languages::language(primary).is_some()
                && !s.languages.contains(&lang)
                && !s.languages_used().contains(lang.as_str()) =>
        {
            writeln!(
                err,
                "note: {po_name} is in `{lang}`: imported as `{primary}`"
            )?;
            primary.to_owned()
        }
        _ => lang,
    };
    if lang == s.default_language {
        writeln!(
            err,
            "error: {po_name} is in `{lang}`, the source language of {}: nothing to import",
            source.name
        )?;
        return Ok(Status::Invalid);
    }
    let dups = s.duplicate_keys();
    if !dups.is_empty() {
        writeln!(
            err,
            "error: {}: several strings share the keys {} (duplicate ids): fix them first",
            source.name,
            dups.join(", ")
        )?;
        return Ok(Status::Invalid);
    }

    let mut refused: Vec<Refused> = Vec::new();
    if let Some(from) = catalog.header_field("X-Riskscreen-File") {
        if from != source.file_name && !force {
            refused.push(Refused {
                line: 1,
                key: "(header)".into(),
                why: format!(
                    "exported from {from}, not {}: import it into its own file (or --force)",
                    source.file_name
                ),
            });
        }
    }
    let mut accepted: Vec<&po::Entry> = Vec::new();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut empty, mut fuzzy, mut forced) = (0, 0, 0);
    for e in &catalog.entries {
        let Some(key) = e.msgctxt.as_deref() else {
            refused.push(Refused {
                line: e.line,
                key: "(no msgctxt)".into(),
                why: "an entry without msgctxt: every riskscreen entry has its key there".into(),
            });
            continue;
        };
        if let Some(first) = seen.insert(key, e.line) {
            refused.push(Refused {
                line: e.line,
                key: key.to_owned(),
                why: format!("the same msgctxt as the entry at line {first}"),
            });
            continue;
        }
        let Some(entry) = s.get(key) else {
            refused.push(Refused {
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
            empty += 1;
            continue;
        }
        if e.is_fuzzy() {
            fuzzy += 1;
            continue;
        }
        let current = entry.text.get(&s.default_language).unwrap_or("");
        if e.msgid != current {
            if force {
                forced += 1;
            } else {
                refused.push(Refused {
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
        accepted.push(e);
    }
    if !refused.is_empty() {
        for r in &refused {
            writeln!(err, "{po_name}:{}: {}: {}", r.line, r.key, r.why)?;
        }
        let stale = refused
            .iter()
            .filter(|r| r.why.starts_with("stale"))
            .count();
        writeln!(
            err,
            "{po_name}: {} refused; nothing was written to {}",
            entries(refused.len()),
            source.name
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
        return Ok(Status::Invalid);
    }

    let mut doc: toml_edit::DocumentMut = source
        .text
        .parse()
        .with_context(|| format!("{}: cannot be edited as TOML", source.name))?;
    let (mut added, mut changed, mut unchanged) = (0, 0, 0);
    let mut fresh = BTreeMap::new();
    for e in &accepted {
        let key = e.msgctxt.as_deref().unwrap_or_default();
        let Some(entry) = s.get(key) else { continue };
        match edit::set_text(&mut doc, &entry.place, &lang, &e.msgstr) {
            Ok(edit::Change::Added) => added += 1,
            Ok(edit::Change::Changed) => changed += 1,
            Ok(edit::Change::Unchanged) => unchanged += 1,
            Err(why) => {
                writeln!(
                    err,
                    "error: {}: `{key}`: {why}; nothing was written",
                    source.name
                )?;
                return Ok(Status::Invalid);
            }
        }
        fresh.insert(
            key.to_owned(),
            record::Source {
                msgid: e.msgid.clone(),
                comments: e.comments.clone(),
            },
        );
    }
    let new_text = doc.to_string();
    let after = match load_text(file, new_text.clone()) {
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
    if new_text != source.text {
        crate::write::atomically(file, &new_text)?;
    }
    writeln!(
        out,
        "{}: imported {} {lang} translations from {po_name}: {added} added, {changed} changed, \
         {unchanged} unchanged; skipped {empty} empty and {fuzzy} fuzzy",
        source.name,
        accepted.len()
    )?;
    if forced > 0 {
        writeln!(
            out,
            "  {} imported with --force although the source text changed: status reports them stale",
            entries(forced)
        )?;
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

    let Ok(previous) = read_record(file, &lang, err)? else {
        return Ok(Status::Invalid);
    };
    let (record_catalog, built) = record::build(
        &after.strings,
        &lang,
        &after.file_name,
        previous.as_ref(),
        &fresh,
        false,
    );
    let record_path = record::path(file, &lang);
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
    Ok(Status::invalid_if(after.errors > 0))
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

// ---------------------------------------------------------------- record

fn record_file(
    lang: &str,
    file: &Path,
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
            "error: `{lang}` is the source language of {}: there is nothing to record",
            source.name
        )?;
        return Ok(Status::Invalid);
    }
    if !s.duplicate_keys().is_empty() {
        writeln!(err, "error: {}: duplicate ids: fix them first", source.name)?;
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
    let written = record::read(&path).map_err(anyhow::Error::msg)?;
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

// ---------------------------------------------------------------- report

/// The "Translations" section of `riskscreen report`.
#[derive(Debug, Serialize)]
pub struct TranslationsReport {
    /// Where the records are (`<dir>/translations`).
    pub records: String,
    /// The review-status file, and whether it exists.
    pub review_file: String,
    /// Whether it exists.
    pub review_file_found: bool,
    /// Per declared language.
    pub languages: Vec<LanguageTranslation>,
}

/// One declared language in `report`.
#[derive(Debug, Serialize)]
pub struct LanguageTranslation {
    /// The language.
    pub language: String,
    /// The source language.
    pub source: bool,
    /// All strings.
    pub total: usize,
    /// Translated (unrecorded included, stale not).
    pub translated: usize,
    /// Missing.
    pub missing: usize,
    /// Stale.
    pub stale: usize,
    /// Unrecorded.
    pub unrecorded: usize,
    /// Native-speaker review.
    pub review: Review,
}

/// The section for a questionnaire read from `file`; `Err` lines when a record or
/// the review-status file cannot be read.
pub fn report_questionnaire(
    file: &Path,
    q: &Questionnaire,
) -> Result<TranslationsReport, Vec<String>> {
    report_section(file, &strings::of_questionnaire(q))
}

/// The section for the helpline directory read from `file`.
pub fn report_directory(file: &Path, dir: &Directory) -> Result<TranslationsReport, Vec<String>> {
    report_section(file, &strings::of_directory(dir))
}

fn report_section(file: &Path, s: &Strings) -> Result<TranslationsReport, Vec<String>> {
    let mut errors = Vec::new();
    let dir = record::translations_dir(file);
    let reviews = review::read(&dir).unwrap_or_else(|e| {
        errors.push(e);
        Reviews::default()
    });
    let stem = file
        .file_stem()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut langs = Vec::new();
    for lang in &s.languages {
        let record = record::read(&record::path(file, lang)).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let c: Coverage = record::coverage(s, lang, record.as_ref());
        langs.push(LanguageTranslation {
            language: lang.clone(),
            source: c.source,
            total: c.total,
            translated: c.translated,
            missing: c.missing.len(),
            stale: c.stale.len(),
            unrecorded: c.unrecorded.len(),
            review: reviews.of(lang, &stem),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(TranslationsReport {
        records: dir.display().to_string(),
        review_file: dir.join(review::FILE_NAME).display().to_string(),
        review_file_found: reviews.found,
        languages: langs,
    })
}

/// Writes the section as text.
pub fn write_report(out: &mut dyn Write, r: &TranslationsReport) -> std::io::Result<()> {
    writeln!(
        out,
        "Translations (records in {}/; native-speaker review from {}{}):",
        r.records,
        r.review_file,
        if r.review_file_found {
            ""
        } else {
            ", which does not exist"
        }
    )?;
    for l in &r.languages {
        if l.source {
            writeln!(
                out,
                "  {} (source): {}/{} strings",
                l.language, l.translated, l.total
            )?;
            continue;
        }
        writeln!(
            out,
            "  {}: {}/{} translated, {} missing, {} stale, {} unrecorded; {}",
            l.language,
            l.translated,
            l.total,
            l.missing,
            l.stale,
            l.unrecorded,
            l.review.long()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
            if let Some(q) = input::unchecked_questionnaire(&path, &text)
                .filter(|_| input::detect(&path, &text) == Kind::Questionnaire)
            {
                let total = QuestionnaireReport::of(&q).languages[0].total;
                assert_eq!(s.entries.len(), total, "{}", path.display());
            } else {
                let d: Directory = toml::from_str(&text).unwrap();
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
