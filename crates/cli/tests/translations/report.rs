//! The "Translations" section of `riskscreen report`: coverage and native
//! review per declared language.

use crate::support::{expect, workspace};

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
