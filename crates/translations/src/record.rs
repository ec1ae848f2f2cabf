//! Records of what each translation was made from, and the coverage they give.
//!
//! A record is a PO file in the repository, `<dir>/translations/<lang>/<stem>.po`
//! next to the questionnaire `<dir>/<stem>.toml`: one entry per recorded
//! translation, `msgctxt` the key, `msgid` the source text the translation was
//! made from and `msgstr` the translation. `import` writes it (with the msgids of
//! the imported PO) and `record` writes it for translations already in the file.
//!
//! A translation in the file is then:
//!
//! - **stale** when the record has the same translation (`msgstr`) made from a
//!   different source text (`msgid`) than the current default-language text;
//! - **unrecorded** when the record has no entry for it or a different
//!   translation (it was written into the TOML by hand): translated, but nobody
//!   can tell from which source;
//! - **translated** otherwise (unrecorded ones included).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::languages;
use super::po::{self, Catalog, PoError};
use super::strings::{non_blank, Strings};

/// Where the record of `lang` for the questionnaire `file` lives.
pub fn path(file: &Path, lang: &str) -> PathBuf {
    let stem = file.file_stem().map_or_else(
        || "questionnaire".into(),
        |s| s.to_string_lossy().into_owned(),
    );
    translations_dir(file).join(lang).join(format!("{stem}.po"))
}

/// `<dir>/translations` for the file `<dir>/<name>`.
pub fn translations_dir(file: &Path) -> PathBuf {
    file.parent()
        .unwrap_or_else(|| Path::new(""))
        .join("translations")
}

/// One recorded translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The source text it was made from.
    pub msgid: String,
    /// The translation.
    pub msgstr: String,
    /// Translator comments, kept from the imported PO.
    pub comments: Vec<String>,
}

/// The record of one language of one file.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// By key.
    pub entries: BTreeMap<String, Recorded>,
}

/// Reads a record from the text of its PO file. The caller reads the file (no file
/// is no record) and puts its path before a [`PoError`].
pub fn parse(text: &str) -> Result<Record, PoError> {
    let catalog = po::parse(text)?;
    let mut record = Record::default();
    for e in catalog.entries {
        let Some(key) = e.msgctxt else { continue };
        if e.msgstr.is_empty() {
            continue;
        }
        record.entries.insert(
            key,
            Recorded {
                msgid: e.msgid,
                msgstr: e.msgstr,
                comments: e.comments,
            },
        );
    }
    Ok(record)
}

/// How far one language covers one file.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The language.
    pub language: String,
    /// It is the file's source (default) language.
    pub source: bool,
    /// The file declares it in `languages`.
    pub declared: bool,
    /// All user-facing strings.
    pub total: usize,
    /// Strings with a current translation (unrecorded ones included, stale ones not).
    pub translated: usize,
    /// Keys with no text in this language.
    pub missing: Vec<String>,
    /// Keys whose translation was made from another source text.
    pub stale: Vec<String>,
    /// Keys translated without a record of the source.
    pub unrecorded: Vec<String>,
    /// Recorded keys that the file no longer has.
    pub orphaned: Vec<String>,
    /// A record file exists.
    pub has_record: bool,
}

impl Coverage {
    /// Missing strings in a declared language: what makes `status` exit 1.
    pub fn is_incomplete(&self) -> bool {
        self.declared && !self.missing.is_empty()
    }
}

/// The coverage of `lang` in `strings`, with its record if any.
pub fn coverage(strings: &Strings, lang: &str, record: Option<&Record>) -> Coverage {
    let source_lang = strings.default_language.as_str();
    let mut c = Coverage {
        language: lang.to_owned(),
        source: lang == source_lang,
        declared: strings.languages.iter().any(|l| l == lang),
        total: strings.entries.len(),
        translated: 0,
        missing: Vec::new(),
        stale: Vec::new(),
        unrecorded: Vec::new(),
        orphaned: Vec::new(),
        has_record: record.is_some(),
    };
    for e in &strings.entries {
        let Some(text) = non_blank(&e.text, lang) else {
            c.missing.push(e.key.clone());
            continue;
        };
        if c.source {
            c.translated += 1;
            continue;
        }
        let source = e.text.get(source_lang).unwrap_or("");
        match record.and_then(|r| r.entries.get(&e.key)) {
            Some(r) if r.msgstr == text && r.msgid != source => c.stale.push(e.key.clone()),
            Some(r) if r.msgstr == text => c.translated += 1,
            _ => {
                c.unrecorded.push(e.key.clone());
                c.translated += 1;
            }
        }
    }
    if let Some(record) = record {
        c.orphaned = record
            .entries
            .keys()
            .filter(|k| strings.get(k).is_none())
            .cloned()
            .collect();
    }
    c
}

/// The PO header fields for `lang` of the file named `file_name`.
pub fn header(strings: &Strings, lang: &str, file_name: &str) -> Vec<(String, String)> {
    let plural_forms =
        languages::language(lang).map_or("nplurals=2; plural=(n != 1);", |l| l.plural_forms);
    [
        ("Project-Id-Version", format!("riskscreen {file_name}")),
        ("Language", lang.to_owned()),
        ("MIME-Version", "1.0".to_owned()),
        ("Content-Type", "text/plain; charset=UTF-8".to_owned()),
        ("Content-Transfer-Encoding", "8bit".to_owned()),
        ("Plural-Forms", plural_forms.to_owned()),
        ("X-Riskscreen-File", file_name.to_owned()),
        (
            "X-Riskscreen-Source-Language",
            strings.default_language.clone(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// What to record for one key, chosen by the caller.
#[derive(Debug, Clone)]
pub struct Source {
    /// The source text the translation was made from.
    pub msgid: String,
    /// Translator comments to keep.
    pub comments: Vec<String>,
}

/// How a record was built.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Built {
    /// Entries in the record.
    pub entries: usize,
    /// Entries whose source came from this run (the imported PO, or the current
    /// source text for `record`).
    pub new: usize,
    /// Entries kept from the previous record.
    pub kept: usize,
    /// Translations in the file left unrecorded.
    pub unrecorded: usize,
}

/// The record of `lang` for the current state of the file: for each translation,
/// `fresh` decides its source when it has one (imported now); else the previous
/// record's entry is kept when it has the same translation; else `fallback`
/// (`record` assumes the current source text) or nothing (left unrecorded).
pub fn build(
    strings: &Strings,
    lang: &str,
    file_name: &str,
    previous: Option<&Record>,
    fresh: &BTreeMap<String, Source>,
    assume_current: bool,
) -> (Catalog, Built) {
    let mut built = Built::default();
    let mut entries = Vec::new();
    for e in &strings.entries {
        let Some(text) = non_blank(&e.text, lang) else {
            continue;
        };
        let kept = previous
            .and_then(|r| r.entries.get(&e.key))
            .filter(|r| r.msgstr == text);
        let (msgid, comments) = if let Some(s) = fresh.get(&e.key) {
            built.new += 1;
            (s.msgid.clone(), s.comments.clone())
        } else if let Some(r) = kept {
            built.kept += 1;
            (r.msgid.clone(), r.comments.clone())
        } else if assume_current {
            built.new += 1;
            (
                e.text
                    .get(&strings.default_language)
                    .unwrap_or("")
                    .to_owned(),
                Vec::new(),
            )
        } else {
            built.unrecorded += 1;
            continue;
        };
        entries.push(po::Entry {
            comments,
            extracted: e.context.clone(),
            msgctxt: Some(e.key.clone()),
            msgid,
            msgstr: text.to_owned(),
            ..po::Entry::default()
        });
    }
    built.entries = entries.len();
    let name = languages::language(lang).map_or(lang, |l| l.name);
    let catalog = Catalog {
        header_comments: vec![
            format!("Record of the {name} ({lang}) translations in {file_name}."),
            "Each msgid is the source text the translation was made from, so that".into(),
            "`riskscreen translations status` can tell when the source changed since.".into(),
            "Written by `riskscreen translations import` and `record`; do not edit by hand.".into(),
        ],
        header: header(strings, lang, file_name),
        entries,
    };
    (catalog, built)
}
