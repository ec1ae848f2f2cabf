//! What the CLI writes for the widget: `compile` (JSON the widget accepts, one
//! language per file, to standard output, nothing written for a broken file),
//! `compile-helplines`, and `schema`, the JSON Schema of those files.

use riskscreen_core::helplines::{validate_directory_form, Directory, Form};
use riskscreen_core::load_toml;

use crate::support::{fixtures, is_located, json, riskscreen, scratch};

#[test]
fn compile_writes_json_the_widget_accepts() {
    for file in ["weighted.toml", "ilo.toml"] {
        let out = scratch(&file.replace(".toml", ".json"));
        let (code, stdout, stderr) = riskscreen(&["compile", file, "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "compile {file}: {stderr}");
        assert!(stdout.is_empty());
        let compiled = std::fs::read_to_string(&out).unwrap();
        let from_json = riskscreen_core::load::from_json(&compiled).expect("the widget accepts it");
        let source = std::fs::read_to_string(fixtures().join(file)).unwrap();
        let (from_toml, _) = load_toml(file, &source).into_result(file).unwrap();
        assert_eq!(
            from_json, from_toml,
            "{file}: the JSON says what the TOML says"
        );
        // The compiled JSON validates too.
        let (code, stdout, _) = riskscreen(&["validate", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{stdout}");
    }
}

/// `riskscreen SUBCOMMAND SOURCE --lang LANG -o <scratch>`, which must succeed
/// and write compact JSON: the file written and its text.
fn compiled_in(subcommand: &str, source: &str, lang: &str) -> (std::path::PathBuf, String) {
    let stem = std::path::Path::new(source)
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap();
    let out = scratch(&format!("{stem}.{lang}.json"));
    let (code, _, stderr) = riskscreen(&[
        subcommand,
        source,
        "--lang",
        lang,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{subcommand} --lang {lang}: {stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        !text.contains("\n  "),
        "{subcommand} --lang {lang}: written compact"
    );
    (out, text)
}

/// `compile --lang L`: the shipped self-check in one language per file, each
/// valid, each with that language's texts only and no authors' notes, and all
/// of them merged back the whole questionnaire without its notes.
#[test]
fn compile_one_language_per_file() {
    let source = fixtures().join("../../../../questionnaires/self-check.toml");
    let source = source.to_str().unwrap();
    let (whole, _) = load_toml(source, &std::fs::read_to_string(source).unwrap())
        .into_result(source)
        .unwrap();
    let mut merged: Option<riskscreen_core::Questionnaire> = None;
    for lang in &whole.languages {
        let (out, text) = compiled_in("compile", source, lang);
        let one = riskscreen_core::load::from_json(&text).expect("the widget accepts it");
        assert_eq!(one.languages, std::slice::from_ref(lang));
        assert_eq!(&one.default_language, lang);
        let mut copy = one.clone();
        copy.for_each_text(&mut |t| {
            assert_eq!(t.0.keys().collect::<Vec<_>>(), [lang], "{lang}: {t:?}");
        });
        let (code, stdout, _) = riskscreen(&["validate", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{lang}: {stdout}");
        match &mut merged {
            None => merged = Some(one),
            Some(m) => m.merge_languages(&one).unwrap(),
        }
    }
    let mut merged = merged.unwrap();
    merged.default_language = whole.default_language.clone();
    // The whole questionnaire, less the authors' notes the widget never shows.
    assert!(
        whole.indicators.iter().any(|i| i.note.is_some()),
        "the self-check has notes to leave out"
    );
    assert_eq!(merged, whole.without_notes());

    let out = scratch("self-check.xx.json");
    let (code, _, stderr) = riskscreen(&[
        "compile",
        source,
        "--lang",
        "xx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("--lang xx") && stderr.contains("nothing written"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn compile_to_standard_output() {
    let (code, stdout, _) = riskscreen(&["compile", "weighted.toml", "-o", "-"]);
    assert_eq!(code, 0);
    assert_eq!(
        riskscreen_core::load::from_json(&stdout).unwrap().id,
        "offer-check"
    );
}

#[test]
fn compile_refuses_a_broken_questionnaire_and_writes_nothing() {
    for file in ["broken.toml", "broken-reference.toml"] {
        let out = scratch("broken.json");
        let (code, stdout, stderr) = riskscreen(&["compile", file, "-o", out.to_str().unwrap()]);
        assert_eq!(code, 1, "compile {file}");
        assert!(stdout.is_empty());
        assert!(stderr.lines().any(|l| is_located(l, file)), "{stderr}");
        assert!(stderr.contains("nothing written"), "{stderr}");
        assert!(!out.exists(), "compile {file} wrote {}", out.display());
    }
}

#[test]
fn compile_helplines_writes_the_directory() {
    for subcommand in ["compile-helplines", "compile"] {
        let out = scratch(&format!("helplines-{subcommand}.json"));
        let (code, _, stderr) =
            riskscreen(&[subcommand, "helplines.toml", "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{subcommand}: {stderr}");
        let directory: Directory =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(directory.helplines[0].id, "pl-test");
    }
    // A questionnaire is not a helpline directory.
    let out = scratch("not-helplines.json");
    let (code, _, stderr) = riskscreen(&[
        "compile-helplines",
        "weighted.toml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!out.exists());
}

/// `compile-helplines --lang L`: the shipped directory once per language, each
/// with that language's names and hours only, each accepted in the widget's form,
/// and all of them merged back the whole widget directory: a language switch
/// adds names and changes no number.
#[test]
fn compile_helplines_one_language_per_file() {
    let source = fixtures().join("../../../../questionnaires/helplines.toml");
    let source = source.to_str().unwrap();
    let whole =
        riskscreen_core::load_helplines_toml(source, &std::fs::read_to_string(source).unwrap())
            .into_result(source)
            .unwrap()
            .0
            .for_widget();
    let mut merged: Option<Directory> = None;
    for lang in &whole.languages {
        let (_, text) = compiled_in("compile-helplines", source, lang);
        // The widget's form: no sources or check dates, which the source validator asks for.
        let one: Directory = serde_json::from_str(&text).unwrap();
        assert_eq!(one.languages, std::slice::from_ref(lang));
        let problems = validate_directory_form(&one, Form::Widget);
        assert!(problems.is_empty(), "{lang}: {problems:?}");
        let mut copy = one.clone();
        copy.for_each_text(&mut |t| {
            assert_eq!(t.0.keys().collect::<Vec<_>>(), [lang], "{lang}: {t:?}");
        });
        match &mut merged {
            None => merged = Some(one),
            Some(m) => m.merge_languages(&one).unwrap(),
        }
    }
    let mut merged = merged.unwrap();
    merged.default_language = whole.default_language.clone();
    assert_eq!(merged, whole);

    let (code, _, stderr) = riskscreen(&["compile-helplines", source, "--lang", "xx", "-o", "-"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("--lang xx: the helpline directory ships"),
        "{stderr}"
    );
}

#[test]
fn schema_is_json_schema_of_the_files() {
    for (args, property) in [
        (&["schema"][..], "question"),
        (&["schema", "--helplines"][..], "helpline"),
    ] {
        let (code, stdout, _) = riskscreen(args);
        assert_eq!(code, 0);
        let schema = json(&stdout);
        assert!(
            schema["properties"][property].is_object(),
            "{args:?}: no properties.{property}"
        );
        assert!(schema["$schema"].is_string());
    }
}
