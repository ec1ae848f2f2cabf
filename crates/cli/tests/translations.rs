//! End-to-end tests of `riskscreen translations …` and the "Translations" section
//! of `riskscreen report`.
//!
//! `import` and `record` write next to the questionnaire, so every test copies the
//! fixtures it needs (`tests/fixtures/translations/`) into a directory of its own
//! and runs the binary there:
//!
//! - `offer.toml`: a valid questionnaire in en and uk, its layout varied on purpose
//!   (spaced and compact inline tables, a standard table, trailing comments);
//! - `offer.pl.expected.toml`: `offer.toml` after importing the Polish of [`POLISH`];
//! - `incomplete.toml`: declares pl, two strings lack it;
//! - `helplines.toml`: a helpline directory in en and uk;
//! - `review-status.toml`: copied to `translations/review-status.toml`;
//! - `ui/*.ftl`: UI strings: `uk` complete, `pl` lacking a plural category, `de`
//!   lacking messages and with an extra one.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations")
}

/// A fresh directory for one test, holding copies of the fixtures `files`
/// (`review-status.toml` goes to `translations/`, `ui/…` keeps its folder).
fn workspace(test: &str, files: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("riskscreen-translations")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in files {
        let to = if *file == "review-status.toml" {
            dir.join("translations").join(file)
        } else {
            dir.join(file)
        };
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixtures().join(file), &to).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    dir
}

/// Runs `riskscreen ARGS…` in `dir`: (exit code, stdout, stderr).
fn riskscreen(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_riskscreen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the riskscreen binary runs");
    (
        output.status.code().expect("exited, not killed"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs and expects exit code `code`; returns stdout and stderr.
#[track_caller]
fn expect(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let (got, stdout, stderr) = riskscreen(dir, args);
    assert_eq!(
        got, code,
        "riskscreen {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    (stdout, stderr)
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// PO escapes, for writing a `msgstr` as a translator's editor would.
fn escaped(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Fills the `msgstr` of the entries with these keys, as a translator would.
fn translate(po: &str, translations: &[(&str, &str)]) -> String {
    let mut out = Vec::new();
    let mut current: Option<&str> = None;
    for line in po.lines() {
        if let Some(ctx) = line.strip_prefix("msgctxt ") {
            current = translations
                .iter()
                .find(|(k, _)| format!("\"{k}\"") == ctx)
                .map(|(_, t)| *t);
        }
        match (line.starts_with("msgstr "), current) {
            (true, Some(t)) => {
                out.push(format!("msgstr \"{}\"", escaped(t)));
                current = None;
            }
            _ => out.push(line.to_owned()),
        }
    }
    out.join("\n") + "\n"
}

/// Every string of `offer.toml` in Polish (the quote and the backslash test escapes).
const POLISH: [(&str, &str); 16] = [
    ("title", "Sprawdź ofertę"),
    ("description", "Kilka pytań. Nic nie jest zapisywane."),
    ("dimension.documents.label", "Twoje dokumenty"),
    (
        "dimension.documents.advice",
        "Tylko urzędnicy mogą zatrzymać twój paszport.",
    ),
    (
        "indicator.documents.passport_kept.label",
        "Ktoś chce zatrzymać twój paszport",
    ),
    (
        "indicator.documents.fee.label",
        "Opłata za \"papiery\" \\ dokumenty",
    ),
    ("section.offer.title", "Oferta"),
    (
        "question.passport.text",
        "Czy ktoś chce zatrzymać twój paszport?",
    ),
    (
        "question.passport.why",
        "Tylko urzędnicy mogą zatrzymać paszport.",
    ),
    ("question.asked.text", "Czego od ciebie żądają?"),
    ("question.asked.option.fee.label", "Pieniędzy za dokumenty"),
    ("question.asked.option.nothing.label", "Niczego"),
    ("band.low.label", "Brak wyraźnych sygnałów ostrzegawczych"),
    ("band.low.advice", "Zachowaj ostrożność."),
    ("band.high.label", "Sygnały ostrzegawcze"),
    ("band.high.advice", "Zadzwoń na infolinię."),
];

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
fn unknown_or_repeated_keys_are_refused_and_nothing_is_written() {
    let dir = workspace("unknown", &["offer.toml"]);
    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n\n\
              msgctxt \"title\"\nmsgid \"Check an offer\"\nmsgstr \"Sprawdź ofertę\"\n\n\
              msgctxt \"question.gone.text\"\nmsgid \"Gone?\"\nmsgstr \"Nie ma?\"\n\n\
              msgctxt \"title\"\nmsgid \"Check an offer\"\nmsgstr \"Jeszcze raz\"\n\n\
              msgid \"No key\"\nmsgstr \"Bez klucza\"\n";
    std::fs::write(dir.join("bad.po"), po).unwrap();
    let (stdout, stderr) = expect(&dir, &["translations", "import", "offer.toml", "bad.po"], 1);
    assert!(stdout.is_empty(), "{stdout}");
    for expected in [
        "bad.po:10: question.gone.text: unknown msgctxt: offer.toml has no string with this key",
        "bad.po:14: title: the same msgctxt as the entry at line 6",
        "bad.po:17: (no msgctxt)",
        "3 entries refused; nothing was written to offer.toml",
    ] {
        assert!(stderr.contains(expected), "no {expected:?} in:\n{stderr}");
    }
    assert_eq!(
        read(&dir, "offer.toml"),
        std::fs::read_to_string(fixtures().join("offer.toml")).unwrap()
    );
    assert!(!dir.join("translations").exists());

    // A PO file exported from another file, a broken PO file, the source language.
    std::fs::write(
        dir.join("other.po"),
        "msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n\"X-Riskscreen-File: self-check.toml\\n\"\n",
    )
    .unwrap();
    let (_, stderr) = expect(
        &dir,
        &["translations", "import", "offer.toml", "other.po"],
        1,
    );
    assert!(
        stderr.contains("exported from self-check.toml, not offer.toml"),
        "{stderr}"
    );
    std::fs::write(
        dir.join("broken.po"),
        "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"title\"\nmsgid \"x\n",
    )
    .unwrap();
    let (_, stderr) = expect(
        &dir,
        &["translations", "import", "offer.toml", "broken.po"],
        1,
    );
    assert!(
        stderr.contains("broken.po:5: expected a string in double quotes"),
        "{stderr}"
    );
    std::fs::write(
        dir.join("en.po"),
        "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n",
    )
    .unwrap();
    let (_, stderr) = expect(&dir, &["translations", "import", "offer.toml", "en.po"], 1);
    assert!(
        stderr.contains("the source language of offer.toml"),
        "{stderr}"
    );
    let (_, stderr) = expect(
        &dir,
        &[
            "translations",
            "import",
            "--lang",
            "de",
            "offer.toml",
            "bad.po",
        ],
        1,
    );
    assert!(
        stderr.contains("says `Language: pl`, but --lang is `de`"),
        "{stderr}"
    );

    // A region in the header, as some editors write it, is imported as the language.
    std::fs::write(
        dir.join("region.po"),
        "msgid \"\"\nmsgstr \"\"\n\"Language: pl_PL\\n\"\n\n\
         msgctxt \"title\"\nmsgid \"Check an offer\"\nmsgstr \"Sprawdź ofertę\"\n",
    )
    .unwrap();
    let (_, stderr) = expect(
        &dir,
        &["translations", "import", "offer.toml", "region.po"],
        0,
    );
    assert!(
        stderr.contains("is in `pl-PL`: imported as `pl`"),
        "{stderr}"
    );
    assert!(read(&dir, "offer.toml").contains(", pl = \"Sprawdź ofertę\" }"));
}

#[test]
fn status_exits_1_only_for_missing_strings_in_declared_languages() {
    let dir = workspace(
        "status",
        &["offer.toml", "incomplete.toml", "helplines.toml"],
    );
    // Complete in every declared language; the other seven are coverage only.
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "offer.toml", "helplines.toml"],
        0,
    );
    assert!(
        stdout.contains(
            "offer.toml: questionnaire offer 1.0.0, 16 strings; source en; declares en, uk"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("  en     source           16        0      -          -  -\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  ru     no                0       16      0          0  unknown\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("helplines.toml: helpline directory, 3 strings"),
        "{stdout}"
    );
    // Few strings: the unrecorded ones are listed by key.
    assert!(
        stdout.contains("    uk unrecorded: country.PL.name\n"),
        "{stdout}"
    );

    // pl is declared and two strings lack it.
    let (stdout, _) = expect(&dir, &["translations", "status", "incomplete.toml"], 1);
    assert!(
        stdout.contains("  pl     yes               6        2      0          6"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    pl missing: indicator.documents.passport_kept.label\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    pl missing: question.passport.text\n"),
        "{stdout}"
    );
    assert!(stdout.contains("does not validate: 2 errors"), "{stdout}");
    // Only another language asked for: no declared gap shown, exit 0.
    expect(
        &dir,
        &["translations", "status", "--lang", "de", "incomplete.toml"],
        0,
    );

    // Many missing strings are counted, and listed with --verbose.
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "--lang", "de", "offer.toml"],
        0,
    );
    assert!(!stdout.contains("de missing"), "{stdout}");
    let (stdout, _) = expect(
        &dir,
        &[
            "translations",
            "status",
            "--verbose",
            "--lang",
            "de",
            "offer.toml",
        ],
        0,
    );
    assert_eq!(stdout.matches("    de missing: ").count(), 16, "{stdout}");

    // Bad input: 1; bad command line: 2.
    let (_, stderr) = expect(
        &dir,
        &["translations", "status", "--lang", "ua", "offer.toml"],
        1,
    );
    assert!(stderr.contains("Ukrainian is `uk`"), "{stderr}");
    expect(&dir, &["translations", "status", "missing.toml"], 1);
    expect(&dir, &["translations", "status"], 1); // no questionnaires/ here
    for args in [
        &["translations"][..],
        &["translations", "export", "offer.toml", "-o", "x.po"],
        &["translations", "export", "--lang", "pl", "offer.toml"],
        &["translations", "import", "offer.toml"],
        &["translations", "record", "offer.toml"],
        &["translations", "record", "--lang", "uk"],
        &["translations", "status", "--frobnicate"],
    ] {
        expect(&dir, args, 2);
    }
}

#[test]
fn status_checks_fluent_ui_files_by_message_id_and_plural_category() {
    let dir = workspace(
        "fluent",
        &["ui/en.ftl", "ui/uk.ftl", "ui/pl.ftl", "ui/de.ftl"],
    );
    let (stdout, _) = expect(&dir, &["translations", "status", "ui/uk.ftl"], 1);
    assert!(
        stdout.contains("ui: UI strings (Fluent), source en.ftl, 5 strings"),
        "{stdout}"
    );
    for expected in [
        "  uk     uk.ftl            5        0      0 ok        unknown\n",
        "  ru     -                 0        5      - -         unknown\n",
        "    pl plurals: start-time: the select on $minutes has no [many] (pl needs one, few, many, other)\n",
        "    de plurals: start-time: [few] is never selected in de (its categories: one, other)\n",
        "    de missing: progress\n",
        "    de missing: exit-button.title\n",
        "    de extra: old-button\n",
    ] {
        assert!(stdout.contains(expected), "no {expected:?} in:\n{stdout}");
    }
    // Ukrainian alone is complete.
    expect(
        &dir,
        &["translations", "status", "--lang", "uk", "ui/en.ftl"],
        0,
    );
    // .ftl files are edited directly, not exported.
    let (_, stderr) = expect(
        &dir,
        &[
            "translations",
            "export",
            "--lang",
            "uk",
            "ui/en.ftl",
            "-o",
            "ui.po",
        ],
        1,
    );
    assert!(
        stderr.contains("translators edit src/i18n/<lang>.ftl"),
        "{stderr}"
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

#[test]
fn report_shows_coverage_and_native_review_per_declared_language() {
    let dir = workspace("report", &["offer.toml", "review-status.toml"]);
    expect(
        &dir,
        &["translations", "record", "--lang", "uk", "offer.toml"],
        0,
    );
    let (stdout, _) = expect(&dir, &["report", "offer.toml"], 0);
    assert!(stdout.contains(
        "Translations (records in translations/; native-speaker review from translations/review-status.toml):\n\
         \x20 en (source): 16/16 strings\n\
         \x20 uk: 16/16 translated, 0 missing, 0 stale, 0 unrecorded; NOT reviewed by a native speaker: Draft by the test team.\n"
    ), "{stdout}");
    let (stdout, _) = expect(&dir, &["report", "offer.toml", "--format", "json"], 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let uk = &report["translations"]["languages"][1];
    assert_eq!(uk["language"], "uk");
    assert_eq!(uk["review"]["status"], "not_reviewed");
    assert_eq!(uk["stale"], 0);

    // A file-level entry wins over the language's (pl for offer), shown by status.
    let (stdout, _) = expect(
        &dir,
        &["translations", "status", "--lang", "pl", "offer.toml"],
        0,
    );
    assert!(
        stdout.contains(
            "  pl     no                0       16      0          0  reviewed 2026-12-01\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Native-speaker review (translations/review-status.toml):\n  pl: NOT reviewed by a native speaker: No Polish yet.\n"), "{stdout}");

    // Without the file, the review is unknown; a broken one is an error.
    std::fs::remove_file(dir.join("translations/review-status.toml")).unwrap();
    let (stdout, _) = expect(&dir, &["report", "offer.toml"], 0);
    assert!(stdout.contains("which does not exist):\n"), "{stdout}");
    assert!(
        stdout.contains("0 unrecorded; review status unknown\n"),
        "{stdout}"
    );
    std::fs::write(
        dir.join("translations/review-status.toml"),
        "[uk]\nreviewed = true\n",
    )
    .unwrap();
    let (_, stderr) = expect(&dir, &["report", "offer.toml"], 1);
    assert!(stderr.contains("review-status.toml"), "{stderr}");
}
