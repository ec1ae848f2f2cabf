//! The round trip: `translations export` gives one PO entry per string, keyed
//! by `msgctxt`, with a header; `translations import` of it writes the
//! translations in place, keeping comments and layout, and the review record.

use crate::support::{expect, fixtures, read, translate, workspace, POLISH};

#[test]
fn export_gives_one_entry_per_string_with_keys_context_and_header() {
    let dir = workspace("export", &["offer.toml"]);
    let (stdout, _) = expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "pl",
            "offer.toml",
            "-o",
            "pl.po",
        ],
        0,
    );
    assert!(stdout.contains("16 strings for pl"), "{stdout}");
    let po = read(&dir, "pl.po");
    for header in [
        "\"Language: pl\\n\"",
        "\"Content-Type: text/plain; charset=UTF-8\\n\"",
        "\"Plural-Forms: nplurals=3;",
        "\"X-Riskscreen-File: offer.toml\\n\"",
    ] {
        assert!(po.contains(header), "no {header}:\n{po}");
    }
    assert_eq!(po.matches("\nmsgctxt ").count(), POLISH.len(), "{po}");
    for (key, _) in POLISH {
        assert!(
            po.contains(&format!("msgctxt \"{key}\"\n")),
            "no {key}:\n{po}"
        );
    }
    // Context for translators, the source text escaped, nothing translated yet.
    for expected in [
        "#. Question (yes/no) in the section \"The offer\".\nmsgctxt \"question.passport.text\"\n\
         msgid \"Does someone want to keep your passport?\"\nmsgstr \"\"\n",
        "#. Answer option of the question: \"What are you asked for?\"\n\
         #. Choosing this option clears the others (e.g. \"none of these\").\n\
         msgctxt \"question.asked.option.nothing.label\"\nmsgid \"Nothing\"\nmsgstr \"\"\n",
        "msgid \"A fee for \\\"papers\\\"\"\n",
    ] {
        assert!(po.contains(expected), "no\n{expected}\nin:\n{po}");
    }
    // Exporting the existing Ukrainian gives its translations; to standard output too.
    let (uk, stderr) = expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "uk",
            "offer.toml",
            "-o",
            "-",
        ],
        0,
    );
    assert!(
        uk.contains(
            "msgctxt \"title\"\nmsgid \"Check an offer\"\nmsgstr \"Перевірте пропозицію\"\n"
        ),
        "{uk}"
    );
    assert!(stderr.contains("16 translated (0 fuzzy"), "{stderr}");
}

#[test]
fn import_after_export_keeps_comments_and_layout_and_writes_the_record() {
    let dir = workspace("round-trip", &["offer.toml"]);
    expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "pl",
            "offer.toml",
            "-o",
            "pl.po",
        ],
        0,
    );
    std::fs::write(dir.join("pl.po"), translate(&read(&dir, "pl.po"), &POLISH)).unwrap();
    let (stdout, stderr) = expect(&dir, &["translations", "import", "offer.toml", "pl.po"], 0);
    assert!(stdout.contains("imported 16 pl translations"), "{stdout}");
    assert!(stdout.contains("16 added, 0 changed"), "{stdout}");
    // Re-validated: pl is not declared yet, which is a warning only.
    assert!(stdout.contains("ok: offer.toml (1 warning)"), "{stdout}");
    assert!(stderr.contains("undeclared-language"), "{stderr}");
    assert_eq!(
        read(&dir, "offer.toml"),
        std::fs::read_to_string(fixtures().join("offer.pl.expected.toml")).unwrap()
    );

    // The record: the normalised PO, every entry with the source it was made from.
    let record = read(&dir, "translations/pl/offer.po");
    assert!(
        record.starts_with("# Record of the Polish (pl) translations in offer.toml."),
        "{record}"
    );
    assert!(
        record.contains(
            "msgctxt \"indicator.documents.fee.label\"\nmsgid \"A fee for \\\"papers\\\"\"\n\
         msgstr \"Opłata za \\\"papiery\\\" \\\\ dokumenty\"\n"
        ),
        "{record}"
    );
    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(
        status.contains("  pl     no               16        0      0          0"),
        "{status}"
    );

    // Exporting again gives the translations back; importing them changes nothing.
    expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "pl",
            "offer.toml",
            "-o",
            "again.po",
        ],
        0,
    );
    let again = read(&dir, "again.po");
    assert!(again.contains("msgctxt \"band.high.advice\"\nmsgid \"Call a helpline.\"\nmsgstr \"Zadzwoń na infolinię.\"\n"), "{again}");
    assert!(!again.contains("fuzzy\n"), "{again}");
    let (stdout, _) = expect(
        &dir,
        &["translations", "import", "offer.toml", "again.po"],
        0,
    );
    assert!(
        stdout.contains("0 added, 0 changed, 16 unchanged"),
        "{stdout}"
    );
    assert_eq!(
        read(&dir, "offer.toml"),
        std::fs::read_to_string(fixtures().join("offer.pl.expected.toml")).unwrap()
    );
}
