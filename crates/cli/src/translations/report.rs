//! The "Translations" section of `riskscreen report`: per declared language, coverage
//! against the records and the native-speaker review.

use std::io::Write;
use std::path::Path;

use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;
use serde::Serialize;

use super::files;
use super::record::{self, Coverage};
use super::review::{self, Review, Reviews};
use super::strings::{self, Strings};

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
    let reviews = files::read_reviews(&dir).unwrap_or_else(|e| {
        errors.push(e);
        Reviews::default()
    });
    let stem = file
        .file_stem()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut langs = Vec::new();
    for lang in &s.languages {
        let record = files::read_record(&record::path(file, lang)).unwrap_or_else(|e| {
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
