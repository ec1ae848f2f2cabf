//! A small gettext PO reader and writer, for the subset translators' tools write.
//!
//! # Why not a crate
//!
//! `polib` (0.3, the PO crate on crates.io) was read before writing this. Its
//! parser panics on malformed input, which a hand-edited PO file can be: a `"…"`
//! continuation line before any keyword reaches a bare `panic!()`, and a keyword
//! followed by one character (`msgid x`, `msgid é`) slices out of range. It also
//! rejects a file whose first entry is not the header and reports errors without a
//! line number. What this tool needs is small: a header, comments, flags,
//! `msgctxt`, `msgid` and `msgstr` (questionnaire strings have no plurals), the
//! `#|` previous msgid that marks a changed source, strict escapes and errors
//! with a line number. That is this module and its submodules (see Layout), with
//! unit tests for each case.
//!
//! # Subset
//!
//! Read: translator (`#`), extracted (`#.`), reference (`#:`) comments, flags (`#,`),
//! previous fields (`#|`), obsolete entries (`#~`, dropped), `msgctxt`, `msgid`,
//! `msgstr`, strings continued over several lines, the escapes `\\ \" \n \t \r \a
//! \b \f \v`. Plural entries (`msgid_plural`, `msgstr[n]`) are an error: no string
//! exported by riskscreen has one. Entries may be separated by blank lines or not.
//!
//! Written: the header, then each entry as `#` comments, `#.` comments, `#,` flags,
//! `#| msgid`, `msgctxt`, `msgid`, `msgstr`; a string with a newline inside, or too
//! long for one line, is written as `""` followed by one line per piece, split after
//! each `\n` and at spaces to stay within 80 columns (as `msgmerge` does).
//!
//! # Layout
//!
//! This module holds the model ([`Catalog`], [`Entry`]) and [`PoError`]; `read`
//! parses ([`parse`]), `write` writes ([`write`]), and `tests` checks both.

mod read;
#[cfg(test)]
mod tests;
mod write;

pub use read::parse;
pub use write::write;

/// A parsed PO file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Comment lines before the header entry, without their `# `.
    pub header_comments: Vec<String>,
    /// The header's fields (`Language`, `Content-Type`, …), in file order.
    pub header: Vec<(String, String)>,
    /// The entries, in file order (obsolete ones are dropped).
    pub entries: Vec<Entry>,
}

/// One PO entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// Translator comments (`# …`).
    pub comments: Vec<String>,
    /// Extracted comments (`#. …`): context for translators.
    pub extracted: Vec<String>,
    /// References (`#: …`).
    pub references: Vec<String>,
    /// Flags (`#, fuzzy, c-format`).
    pub flags: Vec<String>,
    /// The source text the translation was made from, when it changed (`#| msgid`).
    pub previous_msgid: Option<String>,
    /// The context: riskscreen's stable key.
    pub msgctxt: Option<String>,
    /// The source text.
    pub msgid: String,
    /// The translation; empty when untranslated.
    pub msgstr: String,
    /// The line of its `msgid` (from 1; 0 for entries built in code).
    pub line: usize,
}

impl Entry {
    /// Whether the entry is marked `fuzzy` (a PO editor's "needs review").
    pub fn is_fuzzy(&self) -> bool {
        self.flags.iter().any(|f| f == "fuzzy")
    }
}

impl Catalog {
    /// The value of header field `name` (case-insensitive), if present.
    pub fn header_field(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A problem in a PO file, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoError {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for PoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for PoError {}
