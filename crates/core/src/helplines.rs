//! The helpline directory: whom to call, per country, with sources.
//!
//! The EU anti-trafficking plan for people fleeing Ukraine, and La Strada
//! International, ask for referral to the helplines that already exist, so the
//! directory is data (`questionnaires/helplines.toml`), compiled to JSON for the
//! widget like a questionnaire. Every entry carries its source and whether its
//! number was verified, and when; an unverified number is shown with "please
//! check this number". Embedders can add or replace entries (matched by `id`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Source, Text};
use crate::sort::stable_order;
use crate::suggest::nearest;
use crate::texts::{call_on_text, push_entry, TextEntry, TextOwner};

/// The whole directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// Languages every user-facing string has.
    pub languages: Vec<String>,
    /// The language used when a text lacks the person's language.
    pub default_language: String,
    /// Country names, by ISO 3166-1 alpha-2 code (`UA`, `PL`, …); `EU` for EU-wide lines.
    #[serde(rename = "country")]
    pub countries: Vec<Country>,
    /// Documents the entries cite (absent from the widget form, [`Directory::for_widget`]).
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The helplines.
    #[serde(default, rename = "helpline")]
    pub helplines: Vec<Helpline>,
}

/// A country the directory covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, or `EU`.
    pub code: String,
    /// The country's name.
    pub name: Text,
    /// The emergency number to show first in danger (112 across the EU).
    #[serde(default = "emergency_112")]
    pub emergency: String,
    /// An EU member state: EU-wide lines (`country = "EU"`) apply here too.
    #[serde(default)]
    pub eu: bool,
}

fn emergency_112() -> String {
    "112".to_owned()
}

/// What a line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Police, ambulance, fire.
    Emergency,
    /// Anti-trafficking hotline.
    AntiTrafficking,
    /// Victims of crime (e.g. 116 006).
    VictimsOfCrime,
    /// Violence against women, domestic violence.
    Violence,
    /// Children and missing children.
    Children,
    /// Emotional support.
    Support,
}

/// One phone line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Helpline {
    /// Stable id, used by embedders to replace an entry.
    pub id: String,
    /// Country code (see [`Country::code`]).
    pub country: String,
    /// Who runs it and what it is called.
    pub name: Text,
    /// The number as people write it, e.g. `0 800 500 335`.
    pub number: String,
    /// The number for a `tel:` link: digits, optionally a leading `+`.
    pub tel: String,
    /// What the line is for.
    pub kind: Kind,
    /// When it answers, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
    /// Languages spoken (BCP 47 codes).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Free of charge to call.
    #[serde(default)]
    pub free: bool,
    /// Ids of the sources for this number (absent from the widget form).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Whether the number was confirmed as current, and when that was checked.
    pub verification: Verification,
}

/// Whether a number was confirmed, and when it was last checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Confirmed as current by calling it or from the operator's own current page.
    pub verified: bool,
    /// The date (YYYY-MM-DD) the entry was last checked against its sources. Required
    /// by the validator; empty (and absent from the JSON) only in the widget form.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checked: String,
    /// What is uncertain, for maintainers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Directory {
    /// The lines for `country`, then the EU-wide ones if it is an EU member state (or
    /// is `EU` itself); anti-trafficking lines first, then by kind.
    pub fn for_country(&self, country: &str) -> Vec<&Helpline> {
        let eu_wide = country == "EU" || self.country(country).is_some_and(|c| c.eu);
        let lines: Vec<&Helpline> = self
            .helplines
            .iter()
            .filter(|h| h.country == country || (eu_wide && h.country == "EU"))
            .collect();
        let key = |h: &Helpline| {
            (
                h.country != country,
                h.kind != Kind::AntiTrafficking,
                h.kind,
            )
        };
        // Stable, as `sort_by_key` was; not `sort_by_key` itself, whose sort is
        // compiled once per call site into the widget's wasm (`crate::sort`).
        stable_order(lines.len(), &mut |a, b| key(lines[a]).cmp(&key(lines[b])))
            .into_iter()
            .map(|i| lines[i])
            .collect()
    }

    /// The country entry for `code`.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The form the widget downloads (`riskscreen compile-helplines`): only what it
    /// renders. Sources, check dates and maintainers' notes are dropped; whether a
    /// number is verified stays (unverified numbers show "please check this number").
    /// Saves about a third of the file, brotli, on a first visit. Not meant for the
    /// validator, which requires sources and dates.
    pub fn for_widget(&self) -> Directory {
        Directory {
            languages: self.languages.clone(),
            default_language: self.default_language.clone(),
            countries: self.countries.clone(),
            sources: Vec::new(),
            helplines: self
                .helplines
                .iter()
                .map(|line| Helpline {
                    sources: Vec::new(),
                    verification: Verification {
                        verified: line.verification.verified,
                        checked: String::new(),
                        note: None,
                    },
                    ..line.clone()
                })
                .collect(),
        }
    }

    /// Adds or replaces the countries (by code), sources and helplines (by id) of
    /// `extra`: how an embedder brings its own lines (the `helplinesAdd` option).
    /// Languages stay this directory's: a line in another language falls back to
    /// its default language.
    pub fn merge_directory(&mut self, extra: Directory) {
        for country in extra.countries {
            match self.countries.iter_mut().find(|c| c.code == country.code) {
                Some(existing) => *existing = country,
                None => self.countries.push(country),
            }
        }
        for source in extra.sources {
            match self.sources.iter_mut().find(|s| s.id == source.id) {
                Some(existing) => *existing = source,
                None => self.sources.push(source),
            }
        }
        self.merge(extra.helplines);
    }

    /// Adds or replaces entries (matched by id): how embedders bring their own lines.
    pub fn merge(&mut self, extra: Vec<Helpline>) {
        for line in extra {
            match self.helplines.iter_mut().find(|h| h.id == line.id) {
                Some(existing) => *existing = line,
                None => self.helplines.push(line),
            }
        }
    }
}

/// The directory element a text belongs to (its [`TextOwner`] for
/// [`Directory::texts`]).
#[derive(Debug, Clone, Copy)]
pub enum DirectoryOwner<'a> {
    /// A country: its name.
    Country(&'a Country),
    /// A helpline: its name and hours.
    Helpline(&'a Helpline),
}

impl TextOwner for DirectoryOwner<'_> {
    fn key(&self, field: &str) -> String {
        match self {
            DirectoryOwner::Country(c) => format!("country.{}.{field}", c.code),
            DirectoryOwner::Helpline(h) => format!("helpline.{}.{field}", h.id),
        }
    }

    fn subject(&self) -> String {
        match self {
            DirectoryOwner::Country(c) => format!("`{}`", c.code),
            DirectoryOwner::Helpline(h) => format!("`{}`", h.id),
        }
    }
}

/// The one walk over the directory's texts, as `crate::texts` walks a
/// questionnaire's (its doc says why a macro): for each, in order, calls
/// `$visit!($ctx; owner, element path; field: text)` (`field?:` for an optional text),
/// with `$iter` (`iter` or `iter_mut`) choosing how the lists are borrowed.
macro_rules! walk_directory {
    ($d:expr, $iter:ident, $visit:ident, $ctx:ident) => {{
        let d = $d;
        for (i, c) in d.countries.$iter().enumerate() {
            let at = || FieldPath::root().key("country").index(i);
            $visit!($ctx; DirectoryOwner::Country(c), at(); name: c.name);
        }
        for (i, h) in d.helplines.$iter().enumerate() {
            let at = || FieldPath::root().key("helpline").index(i);
            $visit!($ctx; DirectoryOwner::Helpline(h), at(); name: h.name);
            $visit!($ctx; DirectoryOwner::Helpline(h), at(); hours?: h.hours);
        }
    }};
}

impl Directory {
    /// Every user-facing text of the directory, as [`crate::texts`] lists a
    /// questionnaire's: each country's name, then each helpline's name and hours.
    /// The validator below and the CLI's translation tools go through it.
    pub fn texts(&self) -> Vec<TextEntry<'_, DirectoryOwner<'_>>> {
        let mut entries = Vec::new();
        walk_directory!(self, iter, push_entry, entries);
        entries
    }

    /// Calls `f` on every text, in the order of [`texts`](Self::texts) (the same
    /// walk): the split and merge of languages (`languages.rs`).
    // The walk's indexes and paths are for the entries, which this visitor leaves out.
    #[allow(unused_variables)]
    pub fn for_each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        walk_directory!(self, iter_mut, call_on_text, f);
    }
}

/// Which form of a directory is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The authors' source (`helplines.toml`): every rule, provenance included.
    Source,
    /// The compiled widget form ([`Directory::for_widget`]), which carries no
    /// sources and no check dates: every rule but those two.
    Widget,
}

/// Every problem with the directory's source: sources, dates, numbers, languages,
/// countries (what `riskscreen validate` reports).
pub fn validate_directory(dir: &Directory) -> Vec<Diagnostic> {
    validate_directory_form(dir, Form::Source)
}

/// Every problem with a directory of the given [`Form`]. The widget checks each
/// directory it is given (its own, an embedder's, `helplinesAdd`) with
/// [`Form::Widget`]: the same rules as the CLI except the provenance fields the
/// widget form drops.
// Always inlined, so that the widget's constant `Form::Widget` folds the match:
// otherwise `validate::<true>` stays linked into the wasm with its provenance
// checks and "did you mean" hints (strsim, Unicode `to_lowercase` and its case
// tables), which the widget never runs (README, Performance and size).
#[inline(always)]
pub fn validate_directory_form(dir: &Directory, form: Form) -> Vec<Diagnostic> {
    match form {
        Form::Source => validate::<true>(dir),
        Form::Widget => validate::<false>(dir),
    }
}

/// The rules; `SOURCE` adds provenance and the authors' hints (kept out of the
/// widget's bundle by monomorphisation: the widget never asks for them).
fn validate<const SOURCE: bool>(dir: &Directory) -> Vec<Diagnostic> {
    let form = if SOURCE { Form::Source } else { Form::Widget };
    let mut out = Vec::new();
    let root = FieldPath::root();
    let sources: Vec<&str> = dir.sources.iter().map(|s| s.id.as_str()).collect();
    let countries: Vec<&str> = dir.countries.iter().map(|c| c.code.as_str()).collect();
    // A hash set: the widget links `HashSet<&str>` anyway (its questionnaire check),
    // and a `BTreeSet<&str>` here was the only B-tree of that type in its wasm
    // (README, Performance and size). Only asked whether an id came before.
    let mut ids = HashSet::new();
    // The texts, in the walk's order (countries, then helplines): each element's are
    // checked where its other fields are, so the diagnostics stay in file order.
    let mut texts = dir.texts().into_iter().peekable();
    let mut check_texts_of = |out: &mut Vec<Diagnostic>, element: &FieldPath| {
        while let Some(entry) = texts.next_if(|e| e.path.0.starts_with(&element.0)) {
            check_text(out, dir, &entry);
        }
    };
    for (i, country) in dir.countries.iter().enumerate() {
        let p = root.key("country").index(i);
        check_texts_of(&mut out, &p);
        if !is_dialable(&country.emergency) || country.emergency.starts_with('+') {
            out.push(
                Diagnostic::error(
                    "bad-number",
                    p.key("emergency"),
                    format!("`{}` is not an emergency number", country.emergency),
                )
                .subject(format!("country `{}`", country.code))
                .hint("write the short number people dial, digits only, e.g. \"112\""),
            );
        }
    }
    for (i, line) in dir.helplines.iter().enumerate() {
        let p = root.key("helpline").index(i);
        let subject = format!("helpline `{}`", line.id);
        if !ids.insert(line.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    p.key("id"),
                    format!("helpline id `{}` is used twice", line.id),
                )
                .subject(subject.clone()),
            );
        }
        if !countries.contains(&line.country.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-reference",
                    p.key("country"),
                    format!("country `{}` is not declared", line.country),
                )
                .subject(subject.clone())
                .maybe_hint(
                    SOURCE
                        .then(|| nearest(&line.country, countries.iter().copied()))
                        .flatten()
                        .map(|n| format!("did you mean `{n}`?")),
                ),
            );
        }
        if !is_dialable(&line.tel) {
            out.push(
                Diagnostic::error("bad-number", p.key("tel"), format!("`{}` is not dialable", line.tel))
                    .subject(subject.clone())
                    .hint("write only digits, with a leading + for international numbers, e.g. \"+48226280120\""),
            );
        } else if digits(&line.tel) != digits(&line.number) {
            // What a person reads must be what their phone dials: a line that shows
            // one number and dials another is how a fake helpline would hide.
            out.push(
                Diagnostic::error(
                    "number-mismatch",
                    p.key("tel"),
                    format!(
                        "`tel` dials {} but the number shown is `{}`",
                        line.tel, line.number
                    ),
                )
                .subject(subject.clone())
                .hint("`number` and `tel` must have the same digits; only spaces, dashes and brackets may differ"),
            );
        }
        if form == Form::Source {
            check_provenance(&mut out, line, &p, &subject, &sources);
        }
        check_texts_of(&mut out, &p);
    }
    // None is left while the walk keeps the loops' order; were one left, it is still checked.
    for entry in texts {
        check_text(&mut out, dir, &entry);
    }
    out
}

/// Sources and the check date: required in the source, absent from the widget form.
fn check_provenance(
    out: &mut Vec<Diagnostic>,
    line: &Helpline,
    p: &FieldPath,
    subject: &str,
    sources: &[&str],
) {
    if line.sources.is_empty() {
        out.push(
            Diagnostic::error("no-source", p.key("id"), "helpline without a source")
                .subject(subject.to_owned())
                .hint(
                    "every number must cite where it comes from: add `sources = [\"<source id>\"]`",
                ),
        );
    }
    for (j, source) in line.sources.iter().enumerate() {
        if !sources.contains(&source.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-reference",
                    p.key("sources").index(j),
                    format!("source `{source}` is not declared"),
                )
                .subject(subject.to_owned())
                .maybe_hint(
                    nearest(source, sources.iter().copied())
                        .map(|n| format!("did you mean `{n}`?")),
                ),
            );
        }
    }
    if !is_date(&line.verification.checked) {
        let message = if line.verification.checked.is_empty() {
            "missing: the date (YYYY-MM-DD) the number was last checked"
        } else {
            "not a YYYY-MM-DD date"
        };
        out.push(
            Diagnostic::error("bad-date", p.key("verification").key("checked"), message)
                .subject(subject.to_owned()),
        );
    }
}

/// Digits only, with an optional leading `+`, at least one digit.
fn is_dialable(tel: &str) -> bool {
    let digits = tel.strip_prefix('+').unwrap_or(tel);
    !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit())
}

/// The digits of a number as written or dialled (`+48 22 628 01 20` → `48226280120`).
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// Every declared language's text of one entry of [`Directory::texts`].
fn check_text(
    out: &mut Vec<Diagnostic>,
    dir: &Directory,
    entry: &TextEntry<'_, DirectoryOwner<'_>>,
) {
    for lang in &dir.languages {
        if entry.text.get(lang).is_none_or(|t| t.trim().is_empty()) {
            out.push(
                Diagnostic::error(
                    "missing-translation",
                    entry.path.clone(),
                    format!("no `{lang}` text"),
                )
                .subject(entry.subject.clone())
                .hint(format!(
                    "add `{lang} = \"…\"`; every declared language needs every string"
                )),
            );
        }
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, country: &str, kind: Kind) -> Helpline {
        Helpline {
            id: id.into(),
            country: country.into(),
            name: Text::single("en", id),
            number: "1".into(),
            tel: "1".into(),
            kind,
            hours: None,
            languages: vec![],
            free: true,
            sources: vec!["s".into()],
            verification: Verification {
                verified: false,
                checked: "2026-11-28".into(),
                note: None,
            },
        }
    }

    fn country(code: &str, eu: bool) -> Country {
        Country {
            code: code.into(),
            name: Text::single("en", code),
            emergency: "112".into(),
            eu,
        }
    }

    #[test]
    fn eu_wide_lines_only_reach_member_states_and_national_lines_come_first() {
        let mut dir = Directory {
            languages: vec!["en".into()],
            default_language: "en".into(),
            countries: vec![
                country("UA", false),
                country("PL", true),
                country("EU", false),
            ],
            sources: vec![],
            helplines: vec![
                line("eu-112", "EU", Kind::Emergency),
                line("pl-police", "PL", Kind::Emergency),
                line("pl-kcik", "PL", Kind::AntiTrafficking),
                line("ua-527", "UA", Kind::AntiTrafficking),
            ],
        };
        let ids = |dir: &Directory, c: &str| -> Vec<String> {
            dir.for_country(c).iter().map(|h| h.id.clone()).collect()
        };
        assert_eq!(ids(&dir, "PL"), ["pl-kcik", "pl-police", "eu-112"]);
        assert_eq!(ids(&dir, "UA"), ["ua-527"]);
        dir.merge(vec![
            line("ua-527", "UA", Kind::Support),
            line("ua-new", "UA", Kind::Children),
        ]);
        assert_eq!(dir.helplines.len(), 5);
        let replaced = dir.for_country("UA").into_iter().find(|h| h.id == "ua-527");
        assert_eq!(replaced.map(|h| h.kind), Some(Kind::Support));
    }

    #[test]
    fn an_embedders_directory_adds_countries_and_replaces_lines() {
        let mut dir = Directory {
            languages: vec!["en".into()],
            default_language: "en".into(),
            countries: vec![country("PL", true), country("EU", false)],
            sources: vec![],
            helplines: vec![line("pl-kcik", "PL", Kind::AntiTrafficking)],
        };
        dir.merge_directory(Directory {
            languages: vec!["en".into()],
            default_language: "en".into(),
            countries: vec![country("MD", false), country("PL", true)],
            sources: vec![],
            helplines: vec![
                line("md-ngo", "MD", Kind::Support),
                line("pl-kcik", "PL", Kind::Support),
            ],
        });
        let codes: Vec<&str> = dir.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["PL", "EU", "MD"]);
        assert_eq!(dir.helplines.len(), 2);
        assert_eq!(dir.for_country("MD")[0].id, "md-ngo");
        assert_eq!(dir.for_country("PL")[0].kind, Kind::Support);
    }

    #[test]
    fn the_directory_texts_are_countries_then_helplines() {
        let line = |id: &str, hours: Option<&str>| Helpline {
            id: id.into(),
            country: "PL".into(),
            name: Text::single("en", &format!("{id} name")),
            number: "1".into(),
            tel: "1".into(),
            kind: Kind::Support,
            hours: hours.map(|h| Text::single("en", h)),
            languages: Vec::new(),
            free: true,
            sources: Vec::new(),
            verification: Verification {
                verified: true,
                checked: String::new(),
                note: None,
            },
        };
        let country = |code: &str| Country {
            code: code.into(),
            name: Text::single("en", code),
            emergency: "112".into(),
            eu: true,
        };
        let dir = Directory {
            languages: vec!["en".into()],
            default_language: "en".into(),
            countries: vec![country("PL"), country("EU")],
            sources: Vec::new(),
            helplines: vec![line("pl-a", Some("24/7")), line("pl-b", None)],
        };
        let texts = dir.texts();
        assert_eq!(
            texts.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
            [
                "country.PL.name",
                "country.EU.name",
                "helpline.pl-a.name",
                "helpline.pl-a.hours",
                "helpline.pl-b.name",
            ]
        );
        let hours = &texts[3];
        assert_eq!(hours.path.to_string(), "helpline[0].hours");
        assert_eq!(hours.subject, "`pl-a`");
        assert_eq!(texts[1].subject, "`EU`");
        // The mutable walk visits the same texts in the same order.
        let mut visited = Vec::new();
        dir.clone().for_each_text(&mut |t| visited.push(t.clone()));
        let listed: Vec<Text> = texts.iter().map(|e| e.text.clone()).collect();
        assert_eq!(visited, listed);
    }
}
