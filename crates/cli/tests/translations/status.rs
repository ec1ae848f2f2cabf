//! `translations status`: exit 1 only for strings missing in a declared
//! language; the Fluent UI files checked by message id and plural category.

use crate::support::{expect, workspace};

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
