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

/// The limits (riskscreen_core::limits) are enforced before the widget works on a
/// file: an oversized text is refused unread, a deep condition before the reader
/// recurses into it, too many questions before any plan is made.
#[test]
fn the_widget_refuses_what_is_over_the_limits() {
    use riskscreen_core::limits::{MAX_CONDITION_DEPTH, MAX_QUESTIONS, MAX_SOURCE_BYTES};
    let huge = Setup::new(
        Options {
            questionnaire: format!("{{\"id\": \"{}\"}}", "x".repeat(MAX_SOURCE_BYTES)),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err();
    assert!(
        huge.contains("bytes; the most this widget reads is"),
        "{huge}"
    );

    // 100 deep (natively serde_json parses up to 128; in the browser JSON.parse takes
    // any depth): the reader stops at the limit instead of recursing on.
    let err = setup_error(|q| {
        let mut condition =
            serde_json::json!({ "equals": { "question": "offer_kind", "value": "job" } });
        for _ in 0..100 {
            condition = serde_json::json!({ "not": condition });
        }
        q["question"][1]["show_if"] = condition;
    });
    assert!(
        err.contains(&format!(
            "conditions nested more than {MAX_CONDITION_DEPTH} deep"
        )),
        "{err}"
    );

    let started = std::time::Instant::now();
    let err = setup_error(|q| {
        let first = q["question"][0].clone();
        let many: Vec<serde_json::Value> = (0..=MAX_QUESTIONS)
            .map(|i| {
                let mut question = first.clone();
                question["id"] = format!("q{i}").into();
                question
            })
            .collect();
        q["question"] = many.into();
    });
    assert!(err.contains("`question` entries; the most"), "{err}");
    println!(
        "{} questions refused in {:?} (not asserted)",
        MAX_QUESTIONS + 1,
        started.elapsed()
    );
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
                riskscreen_core::load_helplines_toml("questionnaires/helplines.toml", &source)
                    .into_result("questionnaires/helplines.toml")
                    .unwrap_or_else(|e| panic!("{e}"));
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

/// A helpline directory whose line shows one number and dials another: what a
/// forged `helplinesAdd` (or a tampered directory) would look like.
fn forged_directory() -> String {
    let mut json: serde_json::Value = serde_json::from_str(&common::helplines_json()).unwrap();
    let line = &mut json["helpline"][0];
    let shown = line["number"].as_str().unwrap().to_owned();
    line["tel"] = "+48800666666".into();
    assert_ne!(shown.replace(' ', ""), "+48800666666");
    json.to_string()
}

#[test]
fn every_directory_is_checked_with_the_clis_rules() {
    let forged = forged_directory();
    for (what, options) in [
        (
            "helplines",
            Options {
                helplines: Some(forged.clone()),
                ..options("demo")
            },
        ),
        (
            "helplinesAdd",
            Options {
                helplines_add: Some(forged.clone()),
                ..options("demo")
            },
        ),
    ] {
        let err = Setup::new(options, &[]).unwrap_err();
        assert!(
            err.contains(&format!("`{what}` is refused")),
            "{what}: {err}"
        );
        assert!(err.contains("number-mismatch"), "{what}: {err}");
        assert!(err.contains("+48800666666"), "{what}: {err}");
    }
    // A fake "emergency number" for a country is refused the same way.
    let mut json: serde_json::Value = serde_json::from_str(&common::helplines_json()).unwrap();
    json["country"][0]["emergency"] = "+48800666666".into();
    let err = Setup::new(
        Options {
            helplines_add: Some(json.to_string()),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err();
    assert!(err.contains("bad-number"), "{err}");
    // A line added for a country neither directory declares.
    let mut json: serde_json::Value = serde_json::from_str(&common::helplines_json()).unwrap();
    json["country"] = serde_json::json!([]);
    json["helpline"] = serde_json::json!([json["helpline"][0].clone()]);
    json["helpline"][0]["country"] = "ZZ".into();
    json["helpline"][0]["id"] = "zz-line".into();
    let err = Setup::new(
        Options {
            helplines_add: Some(json.to_string()),
            ..options("demo")
        },
        &[],
    )
    .unwrap_err();
    assert!(err.contains("`ZZ` is not declared"), "{err}");
}

#[test]
fn sharing_needs_an_origin_to_name_and_never_serves_a_self_check() {
    let with_audience = |audience: &str| {
        let mut json: serde_json::Value =
            serde_json::from_str(&options("demo").questionnaire).unwrap();
        json["audience"] = audience.into();
        json.to_string()
    };
    let asked = |share_to: Option<&str>| Options {
        questionnaire: with_audience("intake"),
        share_result: true,
        share_to: share_to.map(str::to_owned),
        ..options("demo")
    };
    let on = setup_with(asked(Some("https://ngo.example.org")), &[]);
    assert_eq!(on.share_to.as_deref(), Some("https://ngo.example.org"));
    for bad in [None, Some("null"), Some("https://ngo.example.org/cases")] {
        let off = setup_with(asked(bad), &[]);
        assert_eq!(off.share_to, None, "{bad:?}");
        assert!(
            off.warnings.iter().any(|w| w.contains("shareTo")),
            "{bad:?}"
        );
    }
    let self_check = setup_with(
        Options {
            questionnaire: with_audience("self-check"),
            ..asked(Some("https://ngo.example.org"))
        },
        &[],
    );
    assert_eq!(self_check.share_to, None);
}

#[test]
fn a_widget_that_cannot_start_still_shows_the_quick_exit_and_helplines() {
    use riskscreen::config::failure_fallback;
    // The questionnaire is missing and helplinesAdd forged: the panel keeps the
    // valid directory, the person's language and the country, never the forged line.
    let options = Options {
        questionnaire: String::new(),
        helplines_add: Some(forged_directory()),
        country: Some("pl".into()),
        exit_url: Some("/\t/evil.example".into()),
        ..options("demo")
    };
    let fallback = failure_fallback(&options, &["uk-UA".to_owned()]);
    assert_eq!(fallback.lang, "uk");
    assert_eq!(fallback.country.as_deref(), Some("PL"));
    assert_eq!(fallback.exit_url, DEFAULT_EXIT_URL);
    let html = fallback.html(&fallback.lang, fallback.country.as_deref());
    assert!(html.contains("href=\"tel:112\""), "{html}");
    assert!(html.contains("rs-exit"), "{html}");
    assert!(!html.contains("48800666666"), "{html}");
    let lines = fallback.lines("uk", Some("PL"));
    assert!(lines.len() > 1, "the directory's lines for PL: {lines:?}");
    // A broken directory leaves 112 alone, never nothing.
    let broken = failure_fallback(
        &Options {
            helplines: Some(forged_directory()),
            ..Options::default()
        },
        &[],
    );
    assert_eq!(broken.lines("en", None).len(), 1);
}
