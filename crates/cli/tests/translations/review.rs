//! The review record: a changed source string makes its translations stale
//! until reviewed again; `translations record` records the translations already
//! there and keeps stale ones stale.

use crate::support::{expect, read, translate, workspace, POLISH};

#[test]
fn a_changed_source_makes_translations_stale_until_reviewed() {
    let dir = workspace("stale", &["offer.toml"]);
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
    let translated = translate(&read(&dir, "pl.po"), &POLISH);
    std::fs::write(dir.join("pl.po"), &translated).unwrap();
    expect(&dir, &["translations", "import", "offer.toml", "pl.po"], 0);

    // The author rewrites the English of one question.
    let source = read(&dir, "offer.toml").replace(
        "en = \"What are you asked for?\"",
        "en = \"What do they ask of you?\"",
    );
    std::fs::write(dir.join("offer.toml"), &source).unwrap();

    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(
        status.contains("  pl     no               15        0      1          0"),
        "{status}"
    );
    assert!(
        status.contains("    pl stale: question.asked.text\n"),
        "{status}"
    );
    // uk has no record: its translations are unrecorded, not stale.
    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "uk", "offer.toml"],
        0,
    );
    assert!(
        status.contains("  uk     yes              16        0      0         16"),
        "{status}"
    );

    // The old PO is refused: its msgid is no longer the source. Nothing is written.
    let (_, stderr) = expect(&dir, &["translations", "import", "offer.toml", "pl.po"], 1);
    assert!(stderr.contains("question.asked.text: stale: translated from \"What are you asked for?\", but the source is now \"What do they ask of you?\""), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(read(&dir, "offer.toml"), source);

    // A new export marks it fuzzy, with the old source as the previous msgid.
    expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "pl",
            "offer.toml",
            "-o",
            "new.po",
        ],
        0,
    );
    let new = read(&dir, "new.po");
    let fuzzy = "#, fuzzy\n#| msgid \"What are you asked for?\"\nmsgctxt \"question.asked.text\"\n\
                 msgid \"What do they ask of you?\"\nmsgstr \"Czego od ciebie żądają?\"\n";
    assert!(new.contains(fuzzy), "{new}");
    // Imported as is, a fuzzy entry is skipped: still stale.
    let (stdout, _) = expect(&dir, &["translations", "import", "offer.toml", "new.po"], 0);
    assert!(stdout.contains("skipped 0 empty and 1 fuzzy"), "{stdout}");
    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(status.contains("pl stale: question.asked.text"), "{status}");

    // The translator reviews it (the editor drops the fuzzy mark): current again.
    let reviewed = new.replace(
        fuzzy,
        "msgctxt \"question.asked.text\"\nmsgid \"What do they ask of you?\"\nmsgstr \"Czego od ciebie chcą?\"\n",
    );
    std::fs::write(dir.join("reviewed.po"), reviewed).unwrap();
    let (stdout, _) = expect(
        &dir,
        &["translations", "import", "offer.toml", "reviewed.po"],
        0,
    );
    assert!(stdout.contains("1 changed"), "{stdout}");
    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(
        status.contains("  pl     no               16        0      0          0"),
        "{status}"
    );
    assert!(read(&dir, "offer.toml").contains("pl = \"Czego od ciebie chcą?\""));

    // --force imports a stale entry, which stays reported as stale.
    let source = read(&dir, "offer.toml").replace("en = \"Nothing\"", "en = \"None of these\"");
    std::fs::write(dir.join("offer.toml"), &source).unwrap();
    let before_change = translate(
        &read(&dir, "reviewed.po"),
        &[("question.asked.option.nothing.label", "Nic z tego")],
    );
    std::fs::write(dir.join("forced.po"), before_change).unwrap();
    let (_, stderr) = expect(
        &dir,
        &["translations", "import", "offer.toml", "forced.po"],
        1,
    );
    assert!(
        stderr.contains("question.asked.option.nothing.label: stale"),
        "{stderr}"
    );
    let (stdout, _) = expect(
        &dir,
        &[
            "translations",
            "import",
            "--force",
            "offer.toml",
            "forced.po",
        ],
        0,
    );
    assert!(stdout.contains("1 entry imported with --force"), "{stdout}");
    assert!(read(&dir, "offer.toml").contains("pl = \"Nic z tego\""));
    let (status, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(
        status.contains("pl stale: question.asked.option.nothing.label"),
        "{status}"
    );
}

#[test]
fn record_makes_existing_translations_recorded_and_keeps_stale_ones_stale() {
    let dir = workspace("record", &["offer.toml", "helplines.toml"]);
    let (stdout, _) = expect(
        &dir,
        &[
            "translations",
            "record",
            "--lang",
            "uk",
            "offer.toml",
            "helplines.toml",
        ],
        0,
    );
    assert!(stdout.contains("offer.toml: recorded 16 uk translations in translations/uk/offer.po (16 as made from the current source text, 0 kept from the record)"), "{stdout}");
    assert!(
        stdout
            .contains("helplines.toml: recorded 3 uk translations in translations/uk/helplines.po"),
        "{stdout}"
    );
    let record = read(&dir, "translations/uk/helplines.po");
    assert!(
        record.contains(
            "msgctxt \"helpline.pl-test.hours\"\nmsgid \"Weekdays\"\nmsgstr \"У робочі дні\"\n"
        ),
        "{record}"
    );
    let (stdout, _) = expect(
        &dir,
        &[
            "translations",
            "status",
            "--lang",
            "uk",
            "offer.toml",
            "helplines.toml",
        ],
        0,
    );
    assert!(
        stdout.contains("  uk     yes              16        0      0          0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  uk     yes               3        0      0          0"),
        "{stdout}"
    );

    // The source changes: stale. Recording again does not hide it.
    let source = read(&dir, "offer.toml").replace(
        "en = \"Stay careful.\"",
        "en = \"Stay careful, and trust your feelings.\"",
    );
    std::fs::write(dir.join("offer.toml"), source).unwrap();
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "--lang", "uk", "offer.toml"],
        0,
    );
    assert!(
        stdout.contains("    uk stale: band.low.advice\n"),
        "{stdout}"
    );
    let (stdout, _) = expect(
        &dir,
        &["translations", "record", "--lang", "uk", "offer.toml"],
        0,
    );
    assert!(
        stdout.contains("(0 as made from the current source text, 16 kept from the record)"),
        "{stdout}"
    );
    assert!(stdout.contains("1 translation stay stale"), "{stdout}");
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "--lang", "uk", "offer.toml"],
        0,
    );
    assert!(
        stdout.contains("    uk stale: band.low.advice\n"),
        "{stdout}"
    );

    // A translation edited by hand in the TOML is unrecorded until recorded.
    let source = read(&dir, "offer.toml").replace("uk = \"Нічого\"", "uk = \"Нічого з цього\"");
    std::fs::write(dir.join("offer.toml"), source).unwrap();
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "--lang", "uk", "offer.toml"],
        0,
    );
    assert!(
        stdout.contains("    uk unrecorded: question.asked.option.nothing.label\n"),
        "{stdout}"
    );

    // Nothing to record, or the source language: said so.
    let (stdout, _) = expect(
        &dir,
        &["translations", "record", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(stdout.contains("no `pl` text to record"), "{stdout}");
    assert!(!dir.join("translations/pl").exists());
    let (_, stderr) = expect(
        &dir,
        &["translations", "record", "--lang", "en", "offer.toml"],
        1,
    );
    assert!(stderr.contains("source language"), "{stderr}");
}
