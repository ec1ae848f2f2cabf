//! The hand-written reader (`src/config/read/`) against serde: for every shipped
//! questionnaire and directory, and for models with every field set or left at
//! its default, it reads exactly what serde reads; what serde rejects it rejects,
//! naming the field.

mod common;

use std::collections::BTreeMap;

use riskscreen::config::read;
use riskscreen_core::helplines::{Country, Directory, Helpline, Kind, Verification};
use riskscreen_core::{
    AnswerOption, AnswerTest, Audience, Band, Condition, Dimension, IloStage, Indicator, Model,
    Question, QuestionKind, Questionnaire, Route, Scoring, Section, Source, Strength, Text,
};
use serde_json::{json, Value};

/// The questionnaire read both ways, which must agree.
fn read_questionnaire(json: &str) -> Questionnaire {
    let by_serde: Questionnaire = serde_json::from_str(json).expect("serde reads it");
    let value: Value = serde_json::from_str(json).unwrap();
    let by_hand = read::questionnaire(&value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_hand, by_serde);
    by_hand
}

/// The directory read both ways, which must agree.
fn read_directory(json: &str) -> Directory {
    let by_serde: Directory = serde_json::from_str(json).expect("serde reads it");
    let value: Value = serde_json::from_str(json).unwrap();
    let by_hand = read::directory(&value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_hand, by_serde);
    by_hand
}

fn toml_files(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_and_fixture_questionnaire_reads_as_serde_reads_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut read = 0;
    for dir in ["questionnaires", "tests/fixtures"] {
        for (name, source) in toml_files(&format!("{root}/{dir}")) {
            if name == "helplines" {
                continue;
            }
            let questionnaire = read_questionnaire(&common::compile(&name, &source));
            assert!(!questionnaire.questions.is_empty(), "{dir}/{name}");
            read += 1;
        }
    }
    assert!(
        read >= 5,
        "self-check, ngo-intake, platform-offer, demo, ilo"
    );
}

#[test]
fn the_helpline_directories_read_as_serde_reads_them() {
    let root = env!("CARGO_MANIFEST_DIR");
    for path in [
        format!("{root}/questionnaires/helplines.toml"),
        format!("{root}/tests/fixtures/helplines.toml"),
    ] {
        let source = std::fs::read_to_string(&path).unwrap();
        let (directory, _) = riskscreen_core::load_helplines_toml(&path, &source)
            .into_result(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        // The full form (sources, dates, notes) and the widget form.
        let full = read_directory(&serde_json::to_string(&directory).unwrap());
        assert_eq!(full, directory, "{path}");
        assert!(!full.sources.is_empty(), "{path}");
        let slim = directory.for_widget();
        assert_eq!(read_directory(&serde_json::to_string(&slim).unwrap()), slim);
    }
}

fn text(s: &str) -> Text {
    Text(BTreeMap::from([
        ("en".to_owned(), s.to_owned()),
        ("uk".to_owned(), format!("{s} (uk)")),
    ]))
}

fn test(question: &str, value: &str) -> AnswerTest {
    AnswerTest {
        question: question.into(),
        value: value.into(),
    }
}

/// Every field set to something other than its default, every enum variant used.
fn full_questionnaire() -> Questionnaire {
    let question = |id: &str, kind| Question {
        id: id.into(),
        section: "s".into(),
        kind,
        text: text("q"),
        why: Some(text("why")),
        if_unsure: Some(text("unsure")),
        show_if: Some(Condition::All(vec![
            Condition::Any(vec![
                Condition::Equals(test("a", "yes")),
                Condition::Includes(test("b", "x")),
            ]),
            Condition::Not(Box::new(Condition::Equals(test("a", "no")))),
        ])),
        if_yes: vec!["i1".into()],
        if_no: vec!["i2".into(), "i3".into()],
        options: vec![
            AnswerOption {
                id: "x".into(),
                label: text("x"),
                indicators: vec!["i1".into()],
                exclusive: true,
            },
            AnswerOption {
                id: "y".into(),
                label: text("y"),
                indicators: vec![],
                exclusive: false,
            },
        ],
        allow_unsure: false,
        allow_decline: true,
        unsure_at_least: Some("b2".into()),
    };
    let indicator = |id: &str, strength| Indicator {
        id: id.into(),
        dimension: "d".into(),
        label: text("i"),
        strength: Some(strength),
        weight: Some(4_000_000_000),
        danger: true,
        at_least: Some("b1".into()),
        sources: vec!["src".into()],
        verified: true,
        note: Some("n".into()),
        advice: Some(text("advice")),
    };
    let band = |id: &str, when| Band {
        id: id.into(),
        label: text("b"),
        advice: text("ba"),
        min_score: Some(7),
        when: Some(when),
        undetermined: true,
    };
    Questionnaire {
        id: "full".into(),
        version: "1.2.3".into(),
        audience: Audience::Platform,
        languages: vec!["en".into(), "uk".into()],
        default_language: "uk".into(),
        title: text("t"),
        description: text("d"),
        minutes: Some(0),
        scoring: Scoring {
            model: Model::Ilo,
            pattern: vec![vec!["d".into(), "e".into()], vec!["f".into()]],
            routes: vec![
                Route {
                    id: "r1".into(),
                    label: text("route"),
                    when: Some(Condition::Not(Box::new(Condition::Equals(test("a", "no"))))),
                    pattern: vec![vec!["d".into()]],
                    reinforcing: vec!["e".into()],
                    counted: vec!["f".into()],
                    strengths: [
                        ("i1".to_owned(), Strength::Weak),
                        ("i2".to_owned(), Strength::Strong),
                        ("i3".to_owned(), Strength::Medium),
                    ]
                    .into_iter()
                    .collect(),
                    exclude: vec!["i3".into()],
                    sources: vec!["src".into()],
                    verified: true,
                    note: Some("note".into()),
                },
                Route {
                    id: "r2".into(),
                    label: text("fallback"),
                    when: None,
                    pattern: vec![vec!["f".into()]],
                    reinforcing: vec![],
                    counted: vec![],
                    strengths: Default::default(),
                    exclude: vec![],
                    sources: vec![],
                    verified: false,
                    note: None,
                },
            ],
        },
        sources: vec![Source {
            id: "src".into(),
            title: "Title".into(),
            url: Some("https://example.org".into()),
            note: Some("note".into()),
        }],
        dimensions: vec![Dimension {
            id: "d".into(),
            label: text("dim"),
            advice: Some(text("da")),
        }],
        indicators: vec![
            indicator("i1", Strength::Strong),
            indicator("i2", Strength::Medium),
            indicator("i3", Strength::Weak),
        ],
        sections: vec![Section {
            id: "s".into(),
            title: text("s"),
            intro: Some(text("intro")),
            show_if: Some(Condition::Equals(test("a", "yes"))),
        }],
        questions: vec![
            question("a", QuestionKind::YesNo),
            question("b", QuestionKind::SingleChoice),
            question("c", QuestionKind::MultipleChoice),
        ],
        bands: vec![
            band("b0", IloStage::Always),
            band("b1", IloStage::IndicatorPresent),
            band("b2", IloStage::DimensionPositive),
            band("b3", IloStage::PatternMet),
        ],
    }
}

/// Every field that can be left out, left out (serde writes nothing for them).
fn minimal_questionnaire() -> Questionnaire {
    Questionnaire {
        id: "min".into(),
        version: "0".into(),
        audience: Audience::SelfCheck,
        languages: vec![],
        default_language: "en".into(),
        title: Text::default(),
        description: text("d"),
        minutes: None,
        scoring: Scoring {
            model: Model::Weighted,
            pattern: vec![],
            routes: vec![],
        },
        sources: vec![],
        dimensions: vec![],
        indicators: vec![],
        sections: vec![],
        questions: vec![],
        bands: vec![],
    }
}

fn full_directory() -> Directory {
    let line = |id: &str, kind| Helpline {
        id: id.into(),
        country: "XX".into(),
        name: text("n"),
        number: "0 800".into(),
        tel: "+48800".into(),
        kind,
        hours: Some(text("24/7")),
        languages: vec!["en".into(), "uk".into()],
        free: true,
        sources: vec!["src".into()],
        verification: Verification {
            verified: true,
            checked: "2026-11-28".into(),
            note: Some("n".into()),
        },
    };
    Directory {
        languages: vec!["en".into(), "uk".into()],
        default_language: "en".into(),
        countries: vec![Country {
            code: "XX".into(),
            name: text("c"),
            emergency: "911".into(),
            eu: true,
        }],
        sources: vec![Source {
            id: "src".into(),
            title: "T".into(),
            url: None,
            note: Some("n".into()),
        }],
        helplines: vec![
            line("1", Kind::Emergency),
            line("2", Kind::AntiTrafficking),
            line("3", Kind::VictimsOfCrime),
            line("4", Kind::Violence),
            line("5", Kind::Children),
            line("6", Kind::Support),
        ],
    }
}

#[test]
fn every_field_and_variant_reads_as_serde_reads_it() {
    for q in [full_questionnaire(), minimal_questionnaire()] {
        assert_eq!(read_questionnaire(&serde_json::to_string(&q).unwrap()), q);
    }
    let dir = full_directory();
    assert_eq!(read_directory(&serde_json::to_string(&dir).unwrap()), dir);
}

#[test]
fn absent_and_null_fields_take_serdes_defaults() {
    // A question with no `allow_unsure` allows it; `null` is `None` for an Option.
    let mut q = serde_json::to_value(minimal_questionnaire()).unwrap();
    q["minutes"] = Value::Null;
    q["question"] = json!([{ "id": "a", "section": "s", "kind": "yes_no", "text": {},
        "why": null, "show_if": null }]);
    let read = read_questionnaire(&q.to_string());
    assert!(read.questions[0].allow_unsure && !read.questions[0].allow_decline);
    assert_eq!(read.minutes, None);
    // A country without `emergency` has 112; no `helpline` is none.
    let dir = json!({ "languages": ["en"], "default_language": "en",
        "country": [{ "code": "PL", "name": { "en": "Poland" } }] });
    let read = read_directory(&dir.to_string());
    assert_eq!(read.countries[0].emergency, "112");
    assert!(!read.countries[0].eu && read.helplines.is_empty());
}

/// Found by fuzzing (the differential target of issue #12): a field with a serde
/// default that is not an `Option` (a question's `allow_unsure`, a country's
/// `emergency`) takes its default only when absent; `null` is refused, as serde
/// refuses it, where the reader used to read it as absent.
#[test]
fn null_is_not_absent_for_a_default_that_is_not_an_option() {
    rejected(
        |q| q["question"][0]["allow_unsure"] = Value::Null,
        "question[0].allow_unsure: expected true or false",
    );
    let dir = json!({ "languages": ["en"], "default_language": "en",
        "country": [{ "code": "PL", "name": { "en": "Poland" }, "emergency": null }] });
    assert!(serde_json::from_value::<Directory>(dir.clone()).is_err());
    assert_eq!(
        read::directory(&dir).unwrap_err().to_string(),
        "country[0].emergency: expected a string"
    );
}

/// The demo fixture, edited by `edit`: serde must reject it, and so must the
/// reader, with `expected` in its message.
fn rejected(edit: impl FnOnce(&mut Value), expected: &str) {
    let mut value: Value = serde_json::from_str(&common::options("demo").questionnaire).unwrap();
    edit(&mut value);
    assert!(
        serde_json::from_value::<Questionnaire>(value.clone()).is_err(),
        "serde accepts what should be rejected as `{expected}`"
    );
    let err = read::questionnaire(&value).unwrap_err().to_string();
    assert_eq!(err, expected);
}

#[test]
fn what_serde_rejects_is_rejected_with_the_fields_path() {
    rejected(
        |q| q["question"][2]["option"][1]["label"] = json!("Job"),
        "question[2].option[1].label: expected an object of language code → text",
    );
    rejected(
        |q| q["question"][2]["option"][1]["label"]["uk"] = json!(1),
        "question[2].option[1].label.uk: expected a string",
    );
    rejected(
        |q| {
            q["question"][0]
                .as_object_mut()
                .unwrap()
                .remove("kind")
                .unwrap();
        },
        "question[0].kind: missing field",
    );
    rejected(
        |q| q["question"][0]["kind"] = json!("yes-no"),
        "question[0].kind: expected one of yes_no, single_choice, multiple_choice",
    );
    rejected(
        |q| q["question"][1]["show_if"] = json!({ "equal": { "question": "a", "value": "b" } }),
        "question[1].show_if.equal: unknown condition, expected all, any, not, equals or includes",
    );
    rejected(
        |q| q["question"][1]["show_if"] = json!({ "not": { "equals": { "question": "a" } } }),
        "question[1].show_if.not.equals.value: missing field",
    );
    rejected(
        |q| {
            q["question"][1]["show_if"] =
                json!({ "equals": { "question": "a", "value": "b" }, "not": {} })
        },
        "question[1].show_if: expected an object with one key: all, any, not, equals or includes",
    );
    let route = json!({ "id": "r", "label": { "en": "R" }, "pattern": [["d"]] });
    rejected(
        |q| {
            q["scoring"]["route"] = json!([route, { "id": "s", "label": { "en": "S" },
            "pattern": [["d"]], "strengths": { "i1": "very" } }])
        },
        "scoring.route[1].strengths.i1: expected one of strong, medium, weak",
    );
    rejected(
        |q| q["scoring"]["route"] = json!([route, { "id": "s", "label": { "en": "S" },
            "pattern": [["d"]], "sorces": [] }]),
        "scoring.route[1].sorces: unknown field, expected one of id, label, when, pattern, reinforcing, counted, strengths, exclude, sources, verified, note",
    );
    rejected(
        |q| q["minutes"] = json!(-1),
        "minutes: expected a whole number from 0 to 4294967295",
    );
    rejected(
        |q| q["minutes"] = json!(2.5),
        "minutes: expected a whole number from 0 to 4294967295",
    );
    rejected(
        |q| q["question"][0]["allow_decline"] = Value::Null,
        "question[0].allow_decline: expected true or false",
    );
    rejected(|q| q["band"] = json!({}), "band: expected an array");
    rejected(
        |q| q["question"][2]["colour"] = json!("red"),
        "question[2].colour: unknown field, expected one of id, section, kind, text, why, \
         if_unsure, show_if, if_yes, if_no, option, allow_unsure, allow_decline, unsure_at_least",
    );
    let err = read::directory(&json!({ "languages": ["en"], "default_language": "en",
        "country": [], "helpline": [{ "id": "x", "country": "PL", "name": {}, "number": "1",
        "tel": "1", "kind": "hotline", "verification": { "verified": true } }] }))
    .unwrap_err()
    .to_string();
    assert_eq!(
        err,
        "helpline[0].kind: expected one of emergency, anti_trafficking, victims_of_crime, \
         violence, children, support"
    );
    assert_eq!(
        read::directory(&json!([])).unwrap_err().to_string(),
        "expected an object"
    );
}
