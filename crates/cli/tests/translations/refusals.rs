//! What `translations import` refuses, writing nothing: unknown or repeated
//! keys, an entry without a key, a PO file exported from another questionnaire,
//! a broken one, the source language, a `--lang` the header contradicts; and
//! the one thing it accepts with a note (a region in the header's language).

use crate::support::{expect, fixtures, read, workspace};

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
