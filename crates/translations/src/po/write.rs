//! Writing a [`Catalog`] as PO text: comments, flags and keywords in the
//! order `msgmerge` writes them, strings escaped and wrapped within 80 columns.

use std::fmt::Write as _;

use super::Catalog;

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
pub(super) const WIDTH: usize = 79;

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
