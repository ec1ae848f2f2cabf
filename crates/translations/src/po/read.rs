//! Reading PO text into a [`Catalog`]: entries built line by line, strict
//! strings and escapes, and every error with its line (never a panic).

use super::{Catalog, Entry, PoError};

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
