//! `translations status`: per file and language, the strings translated, missing, stale
//! and unrecorded, with the native-speaker review; for the Fluent UI strings, messages
//! and plural selects.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use riskscreen_translations::status::FEW;

use super::files;
use super::loading::{lang_ok, load_or_report, read_record};
use super::review::{self, Review, Reviews};
use super::{languages, record};
use crate::input;
use crate::Status;

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

pub(super) fn status(
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
        match files::read_reviews(translations_dir) {
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
    for lang in riskscreen_translations::status::languages_shown(
        only,
        &s.default_language,
        &s.languages,
        &used,
    ) {
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
    for line in riskscreen_translations::status::table(&source.name, &rows, verbose) {
        writeln!(out, "{line}")?;
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
    let st = match files::fluent_status(dir, only) {
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
