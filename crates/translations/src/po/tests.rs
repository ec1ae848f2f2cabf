//! Unit tests of the PO reader and writer: each case of the subset read,
//! every malformed input an error with its line, and what is written read back.

use super::write::WIDTH;
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
