//! The embedder's options → the setup: language negotiation, country, exit URL,
//! and invalid input reported (never half-trusted).

mod common;

use common::{options, setup_with};
use riskscreen::config::{Options, Setup, DEFAULT_EXIT_URL};

#[test]
fn the_browser_languages_choose_among_those_shipped() {
    assert_eq!(setup_with(options("demo"), &["uk-UA", "en"]).lang, "uk");
    assert_eq!(setup_with(options("demo"), &["de-DE", "en-GB"]).lang, "en");
    assert_eq!(
        setup_with(options("demo"), &["de", "fr"]).lang,
        "en",
        "the default"
    );
    assert_eq!(setup_with(options("demo"), &[]).lang, "en");
}

#[test]
fn a_forced_language_wins_when_shipped() {
    let forced = Options {
        lang: Some("uk".into()),
        ..options("demo")
    };
    assert_eq!(setup_with(forced, &["en"]).lang, "uk");
    let unshipped = Options {
        lang: Some("pl".into()),
        ..options("demo")
    };
    let setup = setup_with(unshipped, &["uk"]);
    assert_eq!(
        setup.lang, "en",
        "falls back to the questionnaire's default"
    );
    assert!(setup.warnings.iter().any(|w| w.contains("`pl`")));
}

#[test]
fn country_must_be_in_the_directory() {
    let pl = Options {
        country: Some("pl".into()),
        ..options("demo")
    };
    assert_eq!(setup_with(pl, &[]).country.as_deref(), Some("PL"));
    let unknown = Options {
        country: Some("FR".into()),
        ..options("demo")
    };
    let setup = setup_with(unknown, &[]);
    assert_eq!(setup.country, None);
    assert!(!setup.warnings.is_empty());
    assert_eq!(
        setup_with(options("demo"), &[]).country,
        None,
        "no default guess"
    );
}

#[test]
fn exit_url_defaults_to_a_neutral_page_and_rejects_scripts() {
    assert_eq!(setup_with(options("demo"), &[]).exit_url, DEFAULT_EXIT_URL);
    let custom = Options {
        exit_url: Some("https://example.org/weather".into()),
        ..options("demo")
    };
    assert_eq!(
        setup_with(custom, &[]).exit_url,
        "https://example.org/weather"
    );
    let script = Options {
        exit_url: Some("javascript:alert(1)".into()),
        ..options("demo")
    };
    assert_eq!(setup_with(script, &[]).exit_url, DEFAULT_EXIT_URL);
}

fn setup_error(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut json: serde_json::Value = serde_json::from_str(&options("demo").questionnaire).unwrap();
    edit(&mut json);
    Setup::new(
        Options {
            questionnaire: json.to_string(),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err()
}

#[test]
fn a_questionnaire_the_widget_cannot_use_is_reported() {
    let err = setup_error(|q| q["default_language"] = "pl".into());
    assert!(err.contains("default_language `pl`"), "{err}");
    let err = setup_error(|q| q["question"] = serde_json::json!([]));
    assert!(err.contains("no questions"), "{err}");
    let err = setup_error(|q| q["band"] = serde_json::json!([]));
    assert!(err.contains("no result bands"), "{err}");
    let err = setup_error(|q| {
        let first = q["question"][0].clone();
        q["question"].as_array_mut().unwrap().push(first);
    });
    assert!(err.contains("`offer_kind` is used twice"), "{err}");
    // Not the engine's shape: an unknown field, a wrong type, not JSON at all.
    let err = setup_error(|q| q["colour"] = "red".into());
    assert!(err.contains("colour"), "{err}");
    let err = setup_error(|q| q["minutes"] = "three".into());
    assert!(err.contains("not valid JSON for this version"), "{err}");
    let err = Setup::new(
        Options {
            questionnaire: "{".into(),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err();
    assert!(err.contains("questionnaire"), "{err}");
}

/// Meaning is the validator's job at compile time; a questionnaire that passes the
/// widget's check but not the validator still works, never panics.
#[test]
fn an_unvalidated_reference_is_harmless() {
    let mut json: serde_json::Value = serde_json::from_str(&options("demo").questionnaire).unwrap();
    json["question"][1]["show_if"] =
        serde_json::json!({ "equals": { "question": "nope", "value": "yes" } });
    json["question"][1]["if_yes"] = serde_json::json!(["no_such_indicator"]);
    let setup = setup_with(
        Options {
            questionnaire: json.to_string(),
            ..options("demo")
        },
        &[],
    );
    let state = common::initial(&setup);
    assert!(
        !state.visible.contains(&1),
        "a condition on an unknown question never holds"
    );
}

#[test]
fn an_invalid_directory_is_reported_and_a_missing_one_tolerated() {
    let err = Setup::new(
        Options {
            helplines: Some("{\"languages\": [], \"colour\": 1}".into()),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err();
    assert!(err.contains("helpline"), "{err}");
    let none = setup_with(
        Options {
            helplines: None,
            ..options("demo")
        },
        &[],
    );
    assert!(none.directory.helplines.is_empty());
}

/// The project's real questionnaires, when present, load in the widget.
#[test]
fn the_shipped_questionnaires_load() {
    let dir = format!("{}/questionnaires", env!("CARGO_MANIFEST_DIR"));
    let helplines = std::fs::read_to_string(format!("{dir}/helplines.toml"))
        .ok()
        .map(|source| {
            let (directory, _) =
                riskscreen_core::load_helplines_toml(&source).unwrap_or_else(|e| panic!("{e:?}"));
            serde_json::to_string(&directory).unwrap()
        });
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_none_or(|e| e != "toml") || name == "helplines" {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let setup = Setup::new(
            Options {
                questionnaire: common::compile(&name, &source),
                helplines: helplines.clone(),
                ..Options::default()
            },
            &["uk".to_owned()],
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!setup.questionnaire.questions.is_empty(), "{name}");
    }
}
