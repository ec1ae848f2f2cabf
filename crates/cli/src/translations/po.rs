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
//! with a line number. That is the code below, with unit tests for each case.
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

use std::fmt::Write as _;

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

/// Which string a continuation line (`"…"`) adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Msgctxt,
    Msgid,
    Msgstr,
    PreviousMsgid,
    PreviousOther,
}

#[derive(Debug, Default)]
struct Builder {
    entry: Entry,
    has_msgctxt: bool,
    has_msgid: bool,
    has_msgstr: bool,
    /// Anything seen (a comment or keyword) since the last entry ended.
    started: bool,
    field: Option<Field>,
    first_line: usize,
}

/// Parses PO text.
pub fn parse(text: &str) -> Result<Catalog, PoError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut catalog = Catalog::default();
    let mut b = Builder::default();
    let mut seen_header = false;
    for (index, raw) in text.split('\n').enumerate() {
        let n = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw).trim_start();
        let err = |message: String| PoError { line: n, message };
        if line.trim().is_empty() {
            if b.started {
                finish(&mut b, &mut catalog, &mut seen_header)?;
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix('#') {
            // A comment after a complete entry starts the next one.
            if b.has_msgstr {
                finish(&mut b, &mut catalog, &mut seen_header)?;
            }
            if rest.starts_with('~') {
                // Obsolete entry (`#~ msgid …`): kept by editors for reuse, never imported.
                b.field = None;
                continue;
            }
            b.started = true;
            if b.first_line == 0 {
                b.first_line = n;
            }
            if !rest.starts_with('|') {
                b.field = None;
            }
            if let Some(c) = rest.strip_prefix('.') {
                b.entry.extracted.push(comment_text(c));
            } else if let Some(c) = rest.strip_prefix(':') {
                b.entry.references.push(comment_text(c));
            } else if let Some(c) = rest.strip_prefix(',') {
                b.entry.flags.extend(
                    c.split(',')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(str::to_owned),
                );
            } else if let Some(c) = rest.strip_prefix('|') {
                let c = c.trim_start();
                if let Some(s) = c.strip_prefix("msgid ") {
                    b.entry.previous_msgid = Some(string(s).map_err(err)?);
                    b.field = Some(Field::PreviousMsgid);
                } else if c.starts_with('"') {
                    let s = string(c).map_err(err)?;
                    match b.field {
                        Some(Field::PreviousMsgid) => {
                            if let Some(p) = b.entry.previous_msgid.as_mut() {
                                p.push_str(&s);
                            }
                        }
                        Some(Field::PreviousOther) => {}
                        _ => return Err(err("`#| \"…\"` continues no `#|` field".into())),
                    }
                    // Keep the field for further continuation lines.
                    b.field = b.field.or(Some(Field::PreviousOther));
                } else {
                    // `#| msgctxt`, `#| msgid_plural`: not needed, skipped.
                    b.field = Some(Field::PreviousOther);
                }
            } else {
                b.entry.comments.push(comment_text(rest));
            }
            continue;
        }
        if line.starts_with('"') {
            let s = string(line).map_err(err)?;
            match b.field {
                Some(Field::Msgctxt) => {
                    if let Some(c) = b.entry.msgctxt.as_mut() {
                        c.push_str(&s);
                    }
                }
                Some(Field::Msgid) => b.entry.msgid.push_str(&s),
                Some(Field::Msgstr) => b.entry.msgstr.push_str(&s),
                _ => {
                    return Err(err(
                        "a string line (`\"…\"`) must follow `msgctxt`, `msgid` or `msgstr`".into(),
                    ))
                }
            }
            continue;
        }
        let (keyword, rest) = line
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((line, ""));
        match keyword {
            "msgctxt" | "msgid" => {
                if b.has_msgstr {
                    finish(&mut b, &mut catalog, &mut seen_header)?;
                }
                if keyword == "msgctxt" && (b.has_msgctxt || b.has_msgid) {
                    return Err(err("`msgctxt` must come before `msgid`, once".into()));
                }
                if keyword == "msgid" && b.has_msgid {
                    return Err(err("a second `msgid` without a `msgstr` before it".into()));
                }
                let s = string(rest).map_err(err)?;
                b.started = true;
                if b.first_line == 0 {
                    b.first_line = n;
                }
                if keyword == "msgctxt" {
                    b.entry.msgctxt = Some(s);
                    b.has_msgctxt = true;
                    b.field = Some(Field::Msgctxt);
                } else {
                    b.entry.msgid = s;
                    b.entry.line = n;
                    b.has_msgid = true;
                    b.field = Some(Field::Msgid);
                }
            }
            "msgstr" => {
                if !b.has_msgid {
                    return Err(err("`msgstr` without a `msgid` before it".into()));
                }
                if b.has_msgstr {
                    return Err(err("a second `msgstr` for one `msgid`".into()));
                }
                b.entry.msgstr = string(rest).map_err(err)?;
                b.has_msgstr = true;
                b.field = Some(Field::Msgstr);
            }
            k if k == "msgid_plural" || k.starts_with("msgstr[") => {
                return Err(err(format!(
                    "`{k}`: plural entries are not supported (riskscreen exports none)"
                )));
            }
            k => {
                let shown: String = k.chars().take(30).collect();
                return Err(err(format!(
                    "`{shown}` is not a PO keyword (expected `msgctxt`, `msgid`, `msgstr`, a `#` comment or a `\"…\"` line)"
                )));
            }
        }
    }
    if b.started {
        finish(&mut b, &mut catalog, &mut seen_header)?;
    }
    Ok(catalog)
}

fn comment_text(rest: &str) -> String {
    rest.strip_prefix(' ').unwrap_or(rest).to_owned()
}

/// Ends the entry being built: the header, an entry, or comments alone (kept as
/// header comments before the header, else dropped).
fn finish(b: &mut Builder, catalog: &mut Catalog, seen_header: &mut bool) -> Result<(), PoError> {
    let built = std::mem::take(b);
    if !built.has_msgid {
        if !*seen_header && catalog.entries.is_empty() {
            catalog.header_comments.extend(built.entry.comments);
        }
        // Comments with no entry (or an obsolete entry's comments): nothing to keep.
        return Ok(());
    }
    if !built.has_msgstr {
        return Err(PoError {
            line: built.entry.line,
            message: "`msgid` without a `msgstr`".into(),
        });
    }
    let entry = built.entry;
    if entry.msgid.is_empty() && entry.msgctxt.is_none() {
        if *seen_header || !catalog.entries.is_empty() {
            return Err(PoError {
                line: entry.line,
                message:
                    "an entry with an empty `msgid` is the header, which must come first, once"
                        .into(),
            });
        }
        *seen_header = true;
        catalog.header_comments.extend(entry.comments);
        catalog.header = entry
            .msgstr
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        return Ok(());
    }
    catalog.entries.push(entry);
    Ok(())
}

/// The string after a keyword: `"…"` with escapes, nothing else on the line.
fn string(rest: &str) -> Result<String, String> {
    let rest = rest.trim();
    let inner = rest
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| rest.len() >= 2)
        .ok_or_else(|| {
            format!(
                "expected a string in double quotes, found `{}`",
                preview(rest)
            )
        })?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars
                    .next()
                    .ok_or("a string ends with a lone backslash (write `\\\\` for one)")?;
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    other => {
                        return Err(format!(
                            "unknown escape `\\{other}` (known: \\n \\t \\\" \\\\)"
                        ))
                    }
                });
            }
            '"' => return Err("a `\"` inside a string must be written `\\\"`".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn preview(s: &str) -> String {
    let mut p: String = s.chars().take(40).collect();
    if p.len() < s.len() {
        p.push('…');
    }
    p
}

/// `s` with PO escapes, without the quotes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            c => out.push(c),
        }
    }
    out
}

/// Widest line written, in characters (as `msgmerge`'s default of 79 plus the newline).
const WIDTH: usize = 79;

/// Writes `keyword "s"`, over several lines when `s` has an inner newline or the
/// line would be wider than [`WIDTH`].
fn write_string(out: &mut String, prefix: &str, keyword: &str, s: &str) {
    let escaped = escape(s);
    let one_line = prefix.chars().count() + keyword.len() + 3 + escaped.chars().count();
    let inner_newline = s.trim_end_matches('\n').contains('\n');
    if !inner_newline && one_line <= WIDTH {
        let _ = writeln!(out, "{prefix}{keyword} \"{escaped}\"");
        return;
    }
    let _ = writeln!(out, "{prefix}{keyword} \"\"");
    let room = WIDTH - prefix.chars().count() - 2;
    for piece in split_after_newlines(&escaped) {
        for chunk in wrap(piece, room) {
            let _ = writeln!(out, "{prefix}\"{chunk}\"");
        }
    }
}

/// Splits escaped text after each `\n` escape (`\\n` is a backslash and an `n`).
fn split_after_newlines(escaped: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let bytes = escaped.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            if bytes[i + 1] == b'n' {
                pieces.push(&escaped[start..i + 2]);
                start = i + 2;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    if start < escaped.len() {
        pieces.push(&escaped[start..]);
    }
    pieces
}

/// Breaks `s` after spaces so that pieces are at most `room` characters where possible.
/// Only breaks after a space, so never inside an escape sequence.
fn wrap(s: &str, room: usize) -> Vec<&str> {
    let mut chunks = Vec::new();
    let mut rest = s;
    while rest.chars().count() > room {
        // Byte offset just after the last space within `room` characters, else the first space.
        let mut last_fit = None;
        let mut first_any = None;
        for (count, (i, c)) in rest.char_indices().enumerate() {
            if c == ' ' {
                if count < room {
                    last_fit = Some(i + 1);
                } else if first_any.is_none() {
                    first_any = Some(i + 1);
                    break;
                }
            }
        }
        match last_fit.or(first_any) {
            Some(cut) if cut < rest.len() => {
                chunks.push(&rest[..cut]);
                rest = &rest[cut..];
            }
            _ => break,
        }
    }
    chunks.push(rest);
    chunks
}

/// Writes a catalog as PO text.
pub fn write(catalog: &Catalog) -> String {
    let mut out = String::new();
    for c in &catalog.header_comments {
        push_comment(&mut out, "#", c);
    }
    out.push_str("msgid \"\"\n");
    let fields: String = catalog
        .header
        .iter()
        .map(|(k, v)| format!("{k}: {v}\n"))
        .collect();
    // Always on lines of their own, one field per line (wrapped when long).
    let _ = writeln!(out, "msgstr \"\"");
    for piece in split_after_newlines(&escape(&fields)) {
        for chunk in wrap(piece, WIDTH - 2) {
            let _ = writeln!(out, "\"{chunk}\"");
        }
    }
    for e in &catalog.entries {
        out.push('\n');
        for c in &e.comments {
            push_comment(&mut out, "#", c);
        }
        for c in &e.extracted {
            push_comment(&mut out, "#.", c);
        }
        for c in &e.references {
            push_comment(&mut out, "#:", c);
        }
        if !e.flags.is_empty() {
            let _ = writeln!(out, "#, {}", e.flags.join(", "));
        }
        if let Some(p) = &e.previous_msgid {
            write_string(&mut out, "#| ", "msgid", p);
        }
        if let Some(c) = &e.msgctxt {
            write_string(&mut out, "", "msgctxt", c);
        }
        write_string(&mut out, "", "msgid", &e.msgid);
        write_string(&mut out, "", "msgstr", &e.msgstr);
    }
    out
}

/// A comment, one `#` line per line of `text` (a comment cannot hold a newline).
fn push_comment(out: &mut String, marker: &str, text: &str) {
    for line in text.split('\n') {
        if line.is_empty() {
            let _ = writeln!(out, "{marker}");
        } else {
            let _ = writeln!(out, "{marker} {line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(ctx: &str, id: &str, msgstr: &str) -> Entry {
        Entry {
            msgctxt: Some(ctx.into()),
            msgid: id.into(),
            msgstr: msgstr.into(),
            ..Entry::default()
        }
    }

    fn catalog(entries: Vec<Entry>) -> Catalog {
        Catalog {
            header_comments: vec!["Translations of x.toml".into(), String::new()],
            header: vec![
                ("Language".into(), "uk".into()),
                ("Content-Type".into(), "text/plain; charset=UTF-8".into()),
            ],
            entries,
        }
    }

    /// Writing then reading gives the same catalog (lines aside).
    fn round_trip(c: &Catalog) -> Catalog {
        let text = write(c);
        let mut back = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        for e in &mut back.entries {
            e.line = 0;
        }
        back
    }

    #[test]
    fn escapes_round_trip() {
        let hard = [
            "plain",
            "",
            "quote \" and backslash \\ and \\n literally",
            "line one\nline two\n",
            "\n",
            "tab\tcarriage\rbell\u{7}",
            "Перевірте «пропозицію» — ще раз",
            "ends with backslash \\",
            "\"",
        ];
        let entries: Vec<Entry> = hard
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut e = entry(&format!("k{i}"), s, s);
                e.comments = vec!["a translator's note".into()];
                e.extracted = vec![format!("context {i}"), "second line".into()];
                e.flags = vec!["fuzzy".into()];
                e.previous_msgid = Some(format!("old \"{s}\"\nx"));
                e
            })
            .collect();
        let c = catalog(entries);
        assert_eq!(round_trip(&c), c);
    }

    #[test]
    fn long_and_multiline_strings_wrap_without_changing_them() {
        let long = "word ".repeat(40) + "end";
        let unbroken = "x".repeat(200);
        let lines = "first line\nsecond line, which is long enough to need wrapping somewhere in the middle of it\nthird";
        let c = catalog(vec![
            entry("long", &long, &long),
            entry("unbroken", &unbroken, ""),
            entry("lines", lines, lines),
            entry("escaped", &"\\\"".repeat(60), ""),
        ]);
        let text = write(&c);
        assert_eq!(round_trip(&c), c);
        for line in text.lines() {
            // Only a piece without spaces may be wider: there is nowhere to break it.
            if line.contains(' ') {
                assert!(line.chars().count() <= WIDTH, "too wide: {line}");
            }
        }
        assert!(text.contains("msgid \"\"\n\"first line\\n\"\n\"second line,"));
    }

    #[test]
    fn reads_what_editors_write() {
        let text = "\u{feff}# Ukrainian translation\r\n\
            msgid \"\"\r\n\
            msgstr \"\"\r\n\
            \"Language: uk\\n\"\r\n\
            \"Plural-Forms: nplurals=3; plural=(n%10==1 ? 0 : 1);\\n\"\r\n\
            \r\n\
            #. question text\r\n\
            #: self-check.toml\r\n\
            #, fuzzy, no-c-format\r\n\
            #| msgid \"Old \"\r\n\
            #| \"text\"\r\n\
            msgctxt \"question.q1.text\"\r\n\
            msgid \"\"\r\n\
            \"New \"\r\n\
            \"text\"\r\n\
            msgstr \"Новий \"\r\n\
            \"текст\"\r\n\
            msgctxt \"title\"\n\
            msgid \"Title\"\n\
            msgstr \"\"\n\
            \n\
            #~ msgctxt \"gone\"\n\
            #~ msgid \"Gone\"\n\
            #~ msgstr \"Зникло\"\n";
        let c = parse(text).unwrap();
        assert_eq!(c.header_comments, ["Ukrainian translation"]);
        assert_eq!(c.header_field("language"), Some("uk"));
        assert_eq!(c.entries.len(), 2);
        let e = &c.entries[0];
        assert_eq!(e.msgctxt.as_deref(), Some("question.q1.text"));
        assert_eq!(e.msgid, "New text");
        assert_eq!(e.msgstr, "Новий текст");
        assert_eq!(e.previous_msgid.as_deref(), Some("Old text"));
        assert_eq!(e.extracted, ["question text"]);
        assert_eq!(e.references, ["self-check.toml"]);
        assert!(e.is_fuzzy());
        assert_eq!(e.line, 13);
        assert_eq!(c.entries[1].msgid, "Title");
        assert!(!c.entries[1].is_fuzzy());
    }

    #[test]
    fn malformed_input_is_an_error_with_its_line_never_a_panic() {
        let cases = [
            ("\"orphan\"\n", 1, "must follow"),
            ("msgid\nmsgstr \"\"\n", 1, "expected a string"),
            ("msgid \"a\nmsgstr \"\"\n", 1, "expected a string"),
            ("msgid \"a\" x\"\nmsgstr \"\"\n", 1, "inside a string"),
            ("msgid \"a\\q\"\nmsgstr \"\"\n", 1, "unknown escape"),
            ("msgid \"a\\\"\nmsgstr \"\"\n", 1, "lone backslash"),
            ("msgid \"a\"\n", 1, "without a `msgstr`"),
            ("msgstr \"a\"\n", 1, "without a `msgid`"),
            ("msgid \"a\"\nmsgid \"b\"\n", 2, "second `msgid`"),
            (
                "msgid \"a\"\nmsgstr \"\"\nmsgstr \"\"\n",
                3,
                "second `msgstr`",
            ),
            ("msgid \"a\"\nmsgid_plural \"b\"\n", 2, "plural"),
            ("msgid \"a\"\nmsgstr[0] \"b\"\n", 2, "plural"),
            (
                "msgid \"a\"\nmsgstr \"\"\n\nmsgid \"\"\nmsgstr \"x\"\n",
                4,
                "header",
            ),
            ("frobnicate \"a\"\n", 1, "not a PO keyword"),
            ("#| \"x\"\n", 1, "continues no"),
            ("msgid \"é\u{301}\nmsgstr \"\"\n", 1, "expected a string"),
        ];
        for (text, line, words) in cases {
            match parse(text) {
                Err(e) => {
                    assert_eq!(e.line, line, "{text:?}: {e}");
                    assert!(e.message.contains(words), "{text:?}: {e}");
                }
                Ok(c) => panic!("{text:?} parsed: {c:?}"),
            }
        }
    }

    #[test]
    fn entries_without_blank_lines_between_them_are_separate() {
        let c = parse("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"1\"\n#. b\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"2\"\nmsgid \"C\"\nmsgstr \"\"\n").unwrap();
        let got: Vec<_> = c
            .entries
            .iter()
            .map(|e| (e.msgctxt.clone(), e.msgid.clone(), e.msgstr.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("a".into()), "A".into(), "1".into()),
                (Some("b".into()), "B".into(), "2".into()),
                (None, "C".into(), String::new()),
            ]
        );
        assert_eq!(c.entries[1].extracted, ["b"]);
    }

    #[test]
    fn the_header_is_written_first_with_escaped_newlines() {
        let text = write(&catalog(vec![entry("title", "Title", "")]));
        assert!(
            text.starts_with(
                "# Translations of x.toml\n#\nmsgid \"\"\nmsgstr \"\"\n\"Language: uk\\n\"\n"
            ),
            "{text}"
        );
        assert!(text.ends_with("\nmsgctxt \"title\"\nmsgid \"Title\"\nmsgstr \"\"\n"));
    }
}
