//! Native-speaker review status: `<dir>/translations/review-status.toml`.
//!
//! ```toml
//! [uk]
//! reviewed_by_native_speaker = false      # true only once a native speaker has reviewed it
//! register = "formal"                     # optional: "formal" or "informal" address, in every text
//! notes = "Written by the project team; not yet reviewed. Formal ви, as state services write."
//! # reviewed_on = "2026-12-01"            # optional, YYYY-MM-DD
//! # reviewer = "Name, organisation"       # optional, only with the reviewer's consent
//!
//! [uk.files.self-check]                   # optional: one file (by stem; `ui` for src/i18n)
//! reviewed_by_native_speaker = true
//! reviewed_on = "2026-12-01"
//! ```
//!
//! A language with no table, or no file at all, is "unknown".
//!
//! `register` belongs to the language, not to a file: one form of address for the widget's UI,
//! every questionnaire and the helpline directory of that language (issue #10 item 8), so a
//! `[<lang>.files.<file>]` table cannot have one. Leave it out for a language without the
//! distinction (English).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::languages::is_language_tag;

/// The file's name inside a `translations/` directory.
pub const FILE_NAME: &str = "review-status.toml";

/// One language's entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageReview {
    reviewed_by_native_speaker: bool,
    notes: String,
    #[serde(default)]
    register: Option<Register>,
    #[serde(default)]
    reviewed_on: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
    #[serde(default)]
    files: BTreeMap<String, FileReview>,
}

/// How the texts of a language address the reader: the same in all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    /// The polite form: ви, вы, Sie, vy, dumneavoastră, Ön, Pan/Pani.
    Formal,
    /// The familiar form: ти, ты, du, ty, tu, te.
    Informal,
}

impl Register {
    /// `formal` or `informal`, as in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Register::Formal => "formal",
            Register::Informal => "informal",
        }
    }
}

/// An override for one file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReview {
    reviewed_by_native_speaker: bool,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    reviewed_on: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
}

/// What is known about the native-speaker review of one language of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    /// `reviewed`, `not_reviewed` or `unknown`.
    pub status: ReviewStatus,
    /// Notes, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The language's form of address, when the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register: Option<Register>,
    /// When it was reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<String>,
    /// By whom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
}

/// Whether a native speaker reviewed a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// `reviewed_by_native_speaker = true`.
    Reviewed,
    /// `reviewed_by_native_speaker = false`.
    NotReviewed,
    /// No entry, or no review-status file.
    Unknown,
}

impl Review {
    /// Nothing known.
    pub fn unknown() -> Self {
        Review {
            status: ReviewStatus::Unknown,
            notes: None,
            register: None,
            reviewed_on: None,
            reviewer: None,
        }
    }

    /// A few words for a table cell: `reviewed 2026-12-01`, `not reviewed`, `unknown`.
    pub fn short(&self) -> String {
        match self.status {
            ReviewStatus::Reviewed => match &self.reviewed_on {
                Some(on) => format!("reviewed {on}"),
                None => "reviewed".into(),
            },
            ReviewStatus::NotReviewed => "not reviewed".into(),
            ReviewStatus::Unknown => "unknown".into(),
        }
    }

    /// One line: status, reviewer and date, register, notes.
    pub fn long(&self) -> String {
        let mut s = match self.status {
            ReviewStatus::Reviewed => "reviewed by a native speaker".to_owned(),
            ReviewStatus::NotReviewed => "NOT reviewed by a native speaker".to_owned(),
            ReviewStatus::Unknown => "review status unknown".to_owned(),
        };
        if let Some(who) = &self.reviewer {
            s.push_str(&format!(" ({who})"));
        }
        if let Some(on) = &self.reviewed_on {
            s.push_str(&format!(" on {on}"));
        }
        if let Some(register) = self.register {
            s.push_str(&format!(", {} register", register.as_str()));
        }
        if let Some(notes) = &self.notes {
            s.push_str(&format!(": {notes}"));
        }
        s
    }
}

/// A review-status file, read.
#[derive(Debug, Clone, Default)]
pub struct Reviews {
    /// Whether it exists.
    pub found: bool,
    languages: BTreeMap<String, LanguageReview>,
}

impl Reviews {
    /// The review of `lang` for the file with stem `file` (`self-check`, `ui`).
    pub fn of(&self, lang: &str, file: &str) -> Review {
        let Some(l) = self.languages.get(lang) else {
            return Review::unknown();
        };
        let status = |reviewed| {
            if reviewed {
                ReviewStatus::Reviewed
            } else {
                ReviewStatus::NotReviewed
            }
        };
        match l.files.get(file) {
            Some(f) => Review {
                status: status(f.reviewed_by_native_speaker),
                notes: f.notes.clone().or_else(|| Some(l.notes.clone())),
                register: l.register,
                reviewed_on: f.reviewed_on.clone(),
                reviewer: f.reviewer.clone(),
            },
            None => Review {
                status: status(l.reviewed_by_native_speaker),
                notes: Some(l.notes.clone()).filter(|n| !n.trim().is_empty()),
                register: l.register,
                reviewed_on: l.reviewed_on.clone(),
                reviewer: l.reviewer.clone(),
            },
        }
    }

    /// The languages the file lists, in its order (alphabetical).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }
}

/// A mistake in `review-status.toml` (its path is the caller's to add).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// Not TOML, or not the shape of the file (serde's message).
    Toml(String),
    /// A table whose name is not a language code.
    NotALanguage(String),
    /// A `reviewed_on` that is not a `YYYY-MM-DD` date.
    NotADate {
        /// The language whose table (or file override) has it.
        lang: String,
        /// The value as written.
        date: String,
    },
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewError::Toml(message) => f.write_str(message),
            ReviewError::NotALanguage(lang) => write!(
                f,
                "`[{lang}]` is not a language code (use BCP 47: `uk`, `de`)"
            ),
            ReviewError::NotADate { lang, date } => write!(
                f,
                "`[{lang}]`: reviewed_on = \"{date}\" is not a YYYY-MM-DD date"
            ),
        }
    }
}

impl std::error::Error for ReviewError {}

/// Reads the text of `review-status.toml`. The caller reads the file: a missing
/// one is [`Reviews::default`] ("unknown" for every language).
pub fn parse(text: &str) -> Result<Reviews, ReviewError> {
    let languages: BTreeMap<String, LanguageReview> =
        toml::from_str(text).map_err(|e| ReviewError::Toml(e.to_string().trim_end().to_owned()))?;
    for (lang, l) in &languages {
        if !is_language_tag(lang) {
            return Err(ReviewError::NotALanguage(lang.clone()));
        }
        let dates = std::iter::once(&l.reviewed_on).chain(l.files.values().map(|f| &f.reviewed_on));
        if let Some(date) = dates.flatten().find(|d| !is_date(d)) {
            return Err(ReviewError::NotADate {
                lang: lang.clone(),
                date: date.clone(),
            });
        }
    }
    Ok(Reviews {
        found: true,
        languages,
    })
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reviews(text: &str) -> Result<Reviews, String> {
        parse(text).map_err(|e| e.to_string())
    }

    #[test]
    fn file_overrides_win_and_absent_languages_are_unknown() {
        let r = reviews(
            "[uk]\nreviewed_by_native_speaker = false\nnotes = \"draft\"\n\
             [uk.files.self-check]\nreviewed_by_native_speaker = true\nreviewed_on = \"2026-12-01\"\nreviewer = \"A\"\n",
        )
        .unwrap();
        assert_eq!(r.of("uk", "helplines").status, ReviewStatus::NotReviewed);
        assert_eq!(r.of("uk", "helplines").notes.as_deref(), Some("draft"));
        let sc = r.of("uk", "self-check");
        assert_eq!(sc.status, ReviewStatus::Reviewed);
        assert_eq!(sc.short(), "reviewed 2026-12-01");
        assert_eq!(
            sc.long(),
            "reviewed by a native speaker (A) on 2026-12-01: draft"
        );
        assert_eq!(r.of("pl", "self-check").status, ReviewStatus::Unknown);
    }

    #[test]
    fn the_register_is_the_languages_for_every_file() {
        let r = reviews(
            "[de]\nreviewed_by_native_speaker = false\nregister = \"formal\"\nnotes = \"Sie\"\n\
             [de.files.ui]\nreviewed_by_native_speaker = true\n\
             [pl]\nreviewed_by_native_speaker = false\nregister = \"informal\"\nnotes = \"ty\"\n\
             [en]\nreviewed_by_native_speaker = false\nnotes = \"\"\n",
        )
        .unwrap();
        assert_eq!(r.of("de", "self-check").register, Some(Register::Formal));
        assert_eq!(r.of("de", "ui").register, Some(Register::Formal));
        assert_eq!(
            r.of("de", "helplines").long(),
            "NOT reviewed by a native speaker, formal register: Sie"
        );
        assert_eq!(r.of("pl", "ui").register, Some(Register::Informal));
        assert_eq!(r.of("en", "ui").register, None);
        assert_eq!(r.of("en", "ui").long(), "NOT reviewed by a native speaker");
        assert_eq!(r.of("hu", "ui").register, None);
        let json = serde_json::to_value(r.of("pl", "self-check")).unwrap();
        assert_eq!(json["register"], "informal");
        assert!(serde_json::to_value(r.of("en", "ui"))
            .unwrap()
            .get("register")
            .is_none());
    }

    #[test]
    fn mistakes_are_errors() {
        for (text, words) in [
            ("[uk]\nreviewed_by_native_speaker = false\n", "notes"),
            ("[uk]\nreviewed_by_native_speaker = \"no\"\nnotes = \"\"\n", "bool"),
            ("[uk]\nreviewed = false\nnotes = \"\"\n", "reviewed"),
            (
                "[uk]\nreviewed_by_native_speaker = false\nnotes = \"\"\nregister = \"polite\"\n",
                "formal",
            ),
            (
                "[uk]\nreviewed_by_native_speaker = false\nnotes = \"\"\n\
                 [uk.files.ui]\nreviewed_by_native_speaker = false\nregister = \"formal\"\n",
                "register",
            ),
            ("[UA]\nreviewed_by_native_speaker = false\nnotes = \"\"\n", "language code"),
            (
                "[uk]\nreviewed_by_native_speaker = true\nnotes = \"\"\nreviewed_on = \"1.12.2026\"\n",
                "YYYY-MM-DD",
            ),
        ] {
            let e = reviews(text).unwrap_err();
            assert!(e.contains(words), "{text}: {e}");
        }
    }

    #[test]
    fn no_file_means_unknown() {
        let r = Reviews::default();
        assert!(!r.found);
        assert_eq!(r.of("uk", "x").status, ReviewStatus::Unknown);
    }
}
