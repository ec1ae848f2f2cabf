//! `riskscreen report FILE [--format json|text]`: what a questionnaire contains.
//!
//! For authors and reviewers. For a questionnaire:
//!
//! - per section: its questions, how many have their own `show_if`, and whether
//!   the whole section is conditional;
//! - language coverage: for each declared language, how many of the questionnaire's
//!   user-facing strings have a non-blank text in it, of all user-facing strings.
//!   "User-facing strings" are the texts of the core's one walk,
//!   [`Questionnaire::texts`] (the [`Text`] fields of the model that are present:
//!   title, description, dimension label and advice, indicator label and advice,
//!   section title and intro, question text, why and if_unsure, option label,
//!   band label and advice), less the routes' labels, as in the translation files.
//!   Missing ones are listed by place;
//! - indicators per dimension, per strength (`ilo`) or weight (`weighted`); the
//!   danger indicators; the indicators no answer can mark present
//!   ([`riskscreen_core::validate::reachable_indicators`]); and the indicators not
//!   verified against a primary text (`verified = false`).
//!
//! A questionnaire with errors is still described when its shape is right (so a
//! half-translated file shows its coverage): its diagnostics go to standard error,
//! the report follows with a note, and the exit code is 1.
//!
//! For the helpline directory: lines per country and which numbers are unverified.
//!
//! For both, a "Translations" section: per declared language, strings translated,
//! missing, stale and unrecorded (from the records in `<dir>/translations/`), and
//! the native-speaker review status from `<dir>/translations/review-status.toml`
//! ("unknown" when absent); see [`crate::translations`].

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use riskscreen_core::helplines::Directory;
use riskscreen_core::texts::Owner;
use riskscreen_core::validate::reachable_indicators;
use riskscreen_core::{Model, Questionnaire, Strength, Text};
use serde::Serialize;

use crate::input::{self, Document};
use crate::translations::{self, TranslationsReport};
use crate::{Format, Status};

/// How many missing strings per language the text report lists before "… and N more".
const MISSING_SHOWN: usize = 10;

/// Describes `file`.
pub fn run(
    file: &Path,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Status> {
    let text = input::read(file)?;
    let checked = input::check(file, &text, None);
    for line in checked.rendered() {
        writeln!(err, "{line}")?;
    }
    let errors = checked.errors();
    if errors > 0 {
        writeln!(err, "{}", checked.summary())?;
    }
    // A record or review-status file that cannot be read is invalid input too.
    let mut sidecar_errors = false;
    let mut section = |result: Result<TranslationsReport, Vec<String>>,
                       err: &mut dyn Write|
     -> anyhow::Result<Option<TranslationsReport>> {
        match result {
            Ok(r) => Ok(Some(r)),
            Err(problems) => {
                for p in problems {
                    writeln!(err, "error: {p}")?;
                }
                sidecar_errors = true;
                Ok(None)
            }
        }
    };
    // A file with errors is still described when its shape is right (the core keeps
    // its model); a helpline directory with errors is not.
    match checked.model {
        Some(Document::Questionnaire(q)) => {
            if errors > 0 {
                writeln!(
                    err,
                    "note: {} has errors; this report describes it as written",
                    checked.name
                )?;
            }
            let mut r = QuestionnaireReport::of(&q);
            r.translations = section(translations::report_questionnaire(file, &q), err)?;
            write_questionnaire(out, &r, format)?;
        }
        Some(Document::Helplines(directory)) if errors == 0 => {
            let mut r = DirectoryReport::of(&directory);
            r.translations = section(translations::report_directory(file, &directory), err)?;
            write_directory(out, &r, format)?;
        }
        Some(Document::Helplines(_)) | None => {
            writeln!(err, "no report: fix the errors above first")?
        }
    }
    Ok(Status::invalid_if(errors > 0 || sidecar_errors))
}

/// Everything `report` says about a questionnaire.
#[derive(Debug, Serialize)]
pub struct QuestionnaireReport {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// Its version.
    pub version: String,
    /// `ilo` or `weighted`.
    pub model: String,
    /// The default language, used for titles and labels in this report.
    pub default_language: String,
    /// Number of questions.
    pub questions: usize,
    /// Number of questions with their own `show_if`.
    pub questions_with_condition: usize,
    /// Per section, in order.
    pub sections: Vec<SectionReport>,
    /// Per declared language.
    pub languages: Vec<LanguageCoverage>,
    /// Number of indicators.
    pub indicators: usize,
    /// Per dimension, in order.
    pub dimensions: Vec<DimensionReport>,
    /// Indicators per strength (`strong`, `medium`, `weak`, `none`), `ilo` only.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_strength: BTreeMap<String, usize>,
    /// Indicators per weight (weight → count), `weighted` only.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_weight: BTreeMap<u32, usize>,
    /// Ids of the danger indicators.
    pub danger: Vec<String>,
    /// Ids of the indicators that no answer can mark present.
    pub unreachable: Vec<String>,
    /// Number of indicators with `verified = false`.
    pub unverified: usize,
    /// Number of indicators with `verified = true`.
    pub verified: usize,
    /// Translation coverage, staleness and native-speaker review per declared language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<TranslationsReport>,
}

/// One section.
#[derive(Debug, Serialize)]
pub struct SectionReport {
    /// The section's id.
    pub id: String,
    /// Its title in the default language.
    pub title: String,
    /// Whether the whole section has a `show_if`.
    pub conditional: bool,
    /// Its questions.
    pub questions: usize,
    /// Its questions with their own `show_if`.
    pub questions_with_condition: usize,
}

/// How much of the questionnaire one language covers.
#[derive(Debug, Serialize)]
pub struct LanguageCoverage {
    /// The language code.
    pub language: String,
    /// User-facing strings with a non-blank text in this language.
    pub present: usize,
    /// All user-facing strings.
    pub total: usize,
    /// Where the missing ones are, e.g. "question `q1` text".
    pub missing: Vec<String>,
}

/// One dimension's indicators.
#[derive(Debug, Serialize)]
pub struct DimensionReport {
    /// The dimension's id.
    pub id: String,
    /// Its label in the default language.
    pub label: String,
    /// Its indicators.
    pub indicators: usize,
    /// Strong ones (`ilo`).
    pub strong: usize,
    /// Medium ones (`ilo`).
    pub medium: usize,
    /// Weak ones (`ilo`).
    pub weak: usize,
    /// The sum of their weights (`weighted`).
    pub total_weight: u64,
    /// Danger indicators among them.
    pub danger: usize,
}

impl QuestionnaireReport {
    /// Counts everything; never panics, even on a questionnaire that does not validate.
    pub fn of(q: &Questionnaire) -> Self {
        let lang = q.default_language.as_str();
        let label = |t: &Text| t.get_or(lang, lang).to_owned();
        let sections = q
            .sections
            .iter()
            .map(|s| {
                let questions: Vec<_> = q.questions.iter().filter(|x| x.section == s.id).collect();
                SectionReport {
                    id: s.id.clone(),
                    title: label(&s.title),
                    conditional: s.show_if.is_some(),
                    questions: questions.len(),
                    questions_with_condition: questions
                        .iter()
                        .filter(|x| x.show_if.is_some())
                        .count(),
                }
            })
            .collect();

        let strings = user_facing_strings(q);
        let languages = q
            .languages
            .iter()
            .map(|l| {
                let missing: Vec<String> = strings
                    .iter()
                    .filter(|(_, t)| t.get(l).is_none_or(|s| s.trim().is_empty()))
                    .map(|(place, _)| place.clone())
                    .collect();
                LanguageCoverage {
                    language: l.clone(),
                    present: strings.len() - missing.len(),
                    total: strings.len(),
                    missing,
                }
            })
            .collect();

        let dimensions = q
            .dimensions
            .iter()
            .map(|d| {
                let of_d: Vec<_> = q
                    .indicators
                    .iter()
                    .filter(|i| i.dimension == d.id)
                    .collect();
                let strength = |s| of_d.iter().filter(|i| i.strength == Some(s)).count();
                DimensionReport {
                    id: d.id.clone(),
                    label: label(&d.label),
                    indicators: of_d.len(),
                    strong: strength(Strength::Strong),
                    medium: strength(Strength::Medium),
                    weak: strength(Strength::Weak),
                    total_weight: of_d.iter().map(|i| u64::from(i.weight.unwrap_or(0))).sum(),
                    danger: of_d.iter().filter(|i| i.danger).count(),
                }
            })
            .collect();

        let mut by_strength = BTreeMap::new();
        let mut by_weight = BTreeMap::new();
        for indicator in &q.indicators {
            match q.scoring.model {
                Model::Ilo => {
                    let name = match indicator.strength {
                        Some(Strength::Strong) => "strong",
                        Some(Strength::Medium) => "medium",
                        Some(Strength::Weak) => "weak",
                        None => "none",
                    };
                    *by_strength.entry(name.to_owned()).or_insert(0) += 1;
                }
                Model::Weighted => {
                    *by_weight.entry(indicator.weight.unwrap_or(0)).or_insert(0) += 1;
                }
            }
        }

        let reachable = reachable_indicators(q);
        let unverified = q.indicators.iter().filter(|i| !i.verified).count();
        QuestionnaireReport {
            questionnaire: q.id.clone(),
            version: q.version.clone(),
            model: q.scoring.model.as_str().to_owned(),
            default_language: q.default_language.clone(),
            questions: q.questions.len(),
            questions_with_condition: q.questions.iter().filter(|x| x.show_if.is_some()).count(),
            sections,
            languages,
            indicators: q.indicators.len(),
            dimensions,
            by_strength,
            by_weight,
            danger: q
                .indicators
                .iter()
                .filter(|i| i.danger)
                .map(|i| i.id.clone())
                .collect(),
            unreachable: q
                .indicators
                .iter()
                .filter(|i| !reachable.contains(i.id.as_str()))
                .map(|i| i.id.clone())
                .collect(),
            unverified,
            verified: q.indicators.len() - unverified,
            translations: None,
        }
    }
}

/// Every user-facing string of `q` with where it is ("question `q1` text"), in
/// the order of [`Questionnaire::texts`], less the routes' labels, which the
/// translation files ([`crate::translations`]) leave out too.
fn user_facing_strings(q: &Questionnaire) -> Vec<(String, &Text)> {
    q.texts()
        .into_iter()
        .filter_map(|e| {
            let place = match e.owner {
                Owner::Questionnaire => e.field.to_owned(),
                Owner::AnswerOption(x, o) => {
                    format!("question `{}` option `{}` {}", x.id, o.id, e.field)
                }
                Owner::Route(_) => return None,
                _ => format!("{} {}", e.subject, e.field),
            };
            Some((place, e.text))
        })
        .collect()
}

fn write_questionnaire(
    out: &mut dyn Write,
    r: &QuestionnaireReport,
    format: Format,
) -> anyhow::Result<()> {
    if format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(r)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "Questionnaire {} version {} ({} model)",
        r.questionnaire, r.version, r.model
    )?;

    writeln!(out)?;
    writeln!(
        out,
        "Sections: {}, questions: {} ({} with a condition)",
        r.sections.len(),
        r.questions,
        r.questions_with_condition
    )?;
    for s in &r.sections {
        writeln!(
            out,
            "  {} ({}): {}, {} with their own condition{}",
            s.id,
            s.title,
            input::count(s.questions, "question"),
            s.questions_with_condition,
            if s.conditional {
                "; the whole section has a condition"
            } else {
                ""
            },
        )?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "Languages (user-facing strings with a text, of all user-facing strings):"
    )?;
    for l in &r.languages {
        let percent = if l.total == 0 {
            100.0
        } else {
            100.0 * l.present as f64 / l.total as f64
        };
        let default = if l.language == r.default_language {
            " (default)"
        } else {
            ""
        };
        writeln!(
            out,
            "  {}{default}: {}/{} ({percent:.0}%)",
            l.language, l.present, l.total
        )?;
        for place in l.missing.iter().take(MISSING_SHOWN) {
            writeln!(out, "    missing: {place}")?;
        }
        if l.missing.len() > MISSING_SHOWN {
            writeln!(
                out,
                "    … and {} more (--format json lists all)",
                l.missing.len() - MISSING_SHOWN
            )?;
        }
    }

    if let Some(t) = &r.translations {
        writeln!(out)?;
        translations::write_report(out, t)?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "Indicators: {} ({} verified, {} with verified = false)",
        r.indicators, r.verified, r.unverified
    )?;
    let ilo = r.model == Model::Ilo.as_str();
    for d in &r.dimensions {
        let detail = if ilo {
            format!("{} strong, {} medium, {} weak", d.strong, d.medium, d.weak)
        } else {
            format!("total weight {}", d.total_weight)
        };
        let danger = if d.danger > 0 {
            format!(", {} danger", d.danger)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {} ({}): {} ({detail}{danger})",
            d.id, d.label, d.indicators
        )?;
    }
    if !r.by_strength.is_empty() {
        let parts: Vec<String> = ["strong", "medium", "weak", "none"]
            .iter()
            .filter_map(|s| r.by_strength.get(*s).map(|n| format!("{n} {s}")))
            .collect();
        writeln!(out, "  by strength: {}", parts.join(", "))?;
    }
    if !r.by_weight.is_empty() {
        let parts: Vec<String> = r
            .by_weight
            .iter()
            .map(|(w, n)| format!("weight {w}: {n}"))
            .collect();
        writeln!(out, "  by weight: {}", parts.join(", "))?;
    }

    writeln!(out)?;
    list(out, "Danger indicators", &r.danger)?;
    list(out, "Indicators no answer can mark present", &r.unreachable)?;
    Ok(())
}

fn list(out: &mut dyn Write, heading: &str, ids: &[String]) -> std::io::Result<()> {
    if ids.is_empty() {
        return writeln!(out, "{heading}: none");
    }
    writeln!(out, "{heading}: {}", ids.len())?;
    for id in ids {
        writeln!(out, "  {id}")?;
    }
    Ok(())
}

/// What `report` says about the helpline directory.
#[derive(Debug, Serialize)]
pub struct DirectoryReport {
    /// Number of helplines.
    pub helplines: usize,
    /// Per country, in the directory's order.
    pub countries: Vec<CountryReport>,
    /// Ids of the lines whose number is not verified.
    pub unverified: Vec<String>,
    /// The earliest `checked` date of any line (YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oldest_check: Option<String>,
    /// Translation coverage, staleness and native-speaker review per declared language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<TranslationsReport>,
}

/// One country's lines.
#[derive(Debug, Serialize)]
pub struct CountryReport {
    /// The country code.
    pub code: String,
    /// Its lines.
    pub helplines: usize,
    /// Its lines whose number is not verified.
    pub unverified: usize,
}

impl DirectoryReport {
    /// Counts the directory.
    pub fn of(dir: &Directory) -> Self {
        let countries = dir
            .countries
            .iter()
            .map(|c| {
                let lines: Vec<_> = dir
                    .helplines
                    .iter()
                    .filter(|h| h.country == c.code)
                    .collect();
                CountryReport {
                    code: c.code.clone(),
                    helplines: lines.len(),
                    unverified: lines.iter().filter(|h| !h.verification.verified).count(),
                }
            })
            .collect();
        let dates: BTreeSet<&str> = dir
            .helplines
            .iter()
            .map(|h| h.verification.checked.as_str())
            .collect();
        DirectoryReport {
            helplines: dir.helplines.len(),
            countries,
            unverified: dir
                .helplines
                .iter()
                .filter(|h| !h.verification.verified)
                .map(|h| h.id.clone())
                .collect(),
            oldest_check: dates.first().map(|d| (*d).to_owned()),
            translations: None,
        }
    }
}

fn write_directory(out: &mut dyn Write, r: &DirectoryReport, format: Format) -> anyhow::Result<()> {
    if format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(r)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "Helpline directory: {}; countries: {}",
        input::count(r.helplines, "line"),
        r.countries.len()
    )?;
    for c in &r.countries {
        writeln!(
            out,
            "  {}: {}, {} unverified",
            c.code,
            input::count(c.helplines, "line"),
            c.unverified
        )?;
    }
    if let Some(date) = &r.oldest_check {
        writeln!(out, "Oldest check: {date}")?;
    }
    list(out, "Numbers not verified", &r.unverified)?;
    if let Some(t) = &r.translations {
        writeln!(out)?;
        translations::write_report(out, t)?;
    }
    Ok(())
}
