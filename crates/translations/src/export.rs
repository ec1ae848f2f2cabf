//! The planning of `translations export`: one language of a file's strings as the
//! gettext PO catalog translators get, from the strings and the record alone.
//!
//! A translation whose source changed since it was made (the record's `msgid` is not
//! the current text) is exported `fuzzy` with the old source as `#| msgid`, as
//! `msgmerge` does, so PO editors show it as "needs review" with the change.

use crate::languages;
use crate::po;
use crate::record::{self, Record};
use crate::strings::{non_blank, Strings};

/// The PO catalog of one language, and what it holds.
#[derive(Debug, Clone)]
pub struct Export {
    /// The catalog to write.
    pub catalog: po::Catalog,
    /// Entries with a current translation.
    pub translated: usize,
    /// Of those, entries marked fuzzy: translated from an older source text.
    pub fuzzy: usize,
    /// Keys left out: no text in the default language to translate from.
    pub no_source: Vec<String>,
}

/// The PO catalog of `lang` for the strings `s` of the file `file_name` (its path as
/// the import command names it: `source_name`), with the record of `lang` if any:
/// current translations, and those made from an older source text marked fuzzy.
pub fn catalog(
    s: &Strings,
    lang: &str,
    file_name: &str,
    source_name: &str,
    record: Option<&Record>,
) -> Export {
    let mut entries = Vec::new();
    let (mut translated, mut fuzzy, mut no_source) = (0, 0, Vec::new());
    for e in &s.entries {
        let Some(msgid) = non_blank(&e.text, &s.default_language) else {
            no_source.push(e.key.clone());
            continue;
        };
        let current = non_blank(&e.text, lang);
        let recorded = record.and_then(|r| r.entries.get(&e.key));
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
    let catalog = po::Catalog {
        header_comments: vec![
            format!(
                "{name} ({lang}) translation of the {} ({file_name}).",
                s.describe
            ),
            s.audience.clone(),
            String::new(),
            "msgctxt is the string's key: do not change it. msgid is the source text,".into(),
            "msgstr your translation; leave it empty to skip the string. Entries marked".into(),
            "fuzzy were translated from an older source text (shown as `#| msgid`):".into(),
            "check them, then remove the fuzzy mark. Import with".into(),
            format!("  riskscreen translations import {source_name} THIS_FILE.po"),
            "(see docs/translating.md).".into(),
        ],
        header: record::header(s, lang, file_name),
        entries,
    };
    Export {
        catalog,
        translated,
        fuzzy,
        no_source,
    }
}
