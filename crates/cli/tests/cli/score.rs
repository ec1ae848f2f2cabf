//! `riskscreen score`: the JSON result with the right level, the text (danger
//! first, explained without a verdict, in the chosen language, the rule that set
//! the level), and answers or indicators it refuses, located.

use crate::support::{fixtures, json, riskscreen};

/// One `score --format json` case.
struct ScoreCase {
    file: &'static str,
    /// `--answers FILE` or `--indicators IDS`.
    marks: [&'static str; 2],
    level: &'static str,
    danger: bool,
    present: &'static [&'static str],
    unsure: &'static [&'static str],
}

#[test]
fn score_json_has_the_result_and_the_right_level() {
    let case = |file, marks, level, danger, present, unsure| ScoreCase {
        file,
        marks,
        level,
        danger,
        present,
        unsure,
    };
    let cases = [
        case(
            "weighted.toml",
            ["--answers", "weighted-danger.json"],
            "high",
            true,
            &[
                "documents.passport_kept",
                "documents.no_contract",
                "safety.threatened",
            ],
            &[],
        ),
        case(
            "weighted.toml",
            ["--answers", "weighted-unsure.json"],
            "low",
            false,
            &[],
            &["passport"],
        ),
        // `contract` is hidden (no job offered): its "no" marks nothing.
        case(
            "weighted.toml",
            ["--answers", "weighted-hidden.json"],
            "low",
            false,
            &[],
            &[],
        ),
        case(
            "weighted.toml",
            ["--indicators", "documents.no_contract"],
            "some",
            false,
            &["documents.no_contract"],
            &[],
        ),
        case(
            "weighted.toml",
            ["--indicators", "documents.passport_kept,safety.threatened"],
            "high",
            true,
            &["documents.passport_kept", "safety.threatened"],
            &[],
        ),
        case(
            "ilo.toml",
            ["--answers", "ilo-open.json"],
            "none",
            false,
            &[],
            &["pay"],
        ),
        case(
            "ilo.toml",
            ["--indicators", "deception.pay"],
            "signs",
            false,
            &["deception.pay"],
            &[],
        ),
        case(
            "ilo.toml",
            ["--answers", "ilo-area.json"],
            "area",
            false,
            &["deception.job", "deception.pay"],
            &[],
        ),
        case(
            "ilo.toml",
            ["--answers", "ilo-pattern.json"],
            "pattern",
            false,
            &[
                "deception.job",
                "deception.pay",
                "conditions.hours",
                "conditions.no_pay",
            ],
            &[],
        ),
    ];
    for c in &cases {
        let args = ["score", c.file, "--format", "json", c.marks[0], c.marks[1]];
        let (code, stdout, stderr) = riskscreen(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        let result = json(&stdout);
        for key in [
            "questionnaire",
            "model",
            "level",
            "danger",
            "present",
            "unsure",
        ] {
            assert!(
                result.get(key).is_some(),
                "{args:?}: no `{key}` in\n{stdout}"
            );
        }
        assert_eq!(result["level"], c.level, "{args:?}");
        assert_eq!(result["danger"], c.danger, "{args:?}");
        assert_eq!(result["present"], serde_json::json!(c.present), "{args:?}");
        assert_eq!(result["unsure"], serde_json::json!(c.unsure), "{args:?}");
        if c.file == "ilo.toml" {
            assert_eq!(result["model"], "ilo");
            let deception = &result["dimensions"]["deception"];
            for key in ["positive", "strong", "medium", "weak"] {
                assert!(
                    deception.get(key).is_some(),
                    "{args:?}: no dimensions.deception.{key}"
                );
            }
            assert_eq!(result["pattern_met"], c.level == "pattern", "{args:?}");
        } else {
            assert_eq!(result["model"], "weighted");
            assert!(result.get("pattern_met").is_none());
        }
    }
}

#[test]
fn score_text_shows_danger_first() {
    for marks in [
        &["--answers", "weighted-danger.json"][..],
        &["--indicators", "safety.threatened"][..],
    ] {
        let mut args = vec!["score", "weighted.toml"];
        args.extend_from_slice(marks);
        let (code, stdout, stderr) = riskscreen(&args);
        assert_eq!(code, 0, "{stderr}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(
            lines[0], "Immediate danger signs: You were threatened.",
            "{stdout}"
        );
        assert!(lines[1].starts_with("Call 112"), "{stdout}");
        let title = stdout.find("Check a job offer").unwrap();
        assert!(stdout.find("Immediate danger").unwrap() < title);
        assert!(stdout.contains("Level: Serious warning signs"), "{stdout}");
        assert!(stdout.contains("advice: Call for help now."), "{stdout}");
    }
    let (_, stdout, _) = riskscreen(&[
        "score",
        "weighted.toml",
        "--answers",
        "weighted-danger.json",
    ]);
    assert!(stdout.contains("  Your documents\n    Advice: Only officials may keep your passport.\n    - Someone wants to keep your passport\n      asked: Does someone want to keep your passport?\n"), "{stdout}");
}

#[test]
fn score_text_explains_the_result_without_a_verdict() {
    // (questionnaire, answers, texts that must appear, texts that must not)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "weighted.toml",
            "weighted-unsure.json",
            &[
                "Level: No clear warning signs",
                "Signs of risk found: none",
                "Answered 'not sure'\n  - Does someone want to keep your passport?\n    To find out: Ask who will hold your passport.",
                "Declined to answer\n  - Did you get a written contract?",
            ],
            &["Immediate danger", "ILO"],
        ),
        (
            "ilo.toml",
            "ilo-pattern.json",
            &[
                "Level: Signs match the pattern",
                "  Deceived when recruited: 1 strong, 1 medium, 0 weak: positive",
                "  Coercion at work: 0 strong, 0 medium, 0 weak: negative",
                "The signs match the ILO pattern.",
                "      asked: How many hours a day do you work?",
            ],
            &["Immediate danger", "not sure", "Declined"],
        ),
        (
            "ilo.toml",
            "ilo-open.json",
            &[
                "The signs do not match the ILO pattern.",
                "    To find out: Compare the promised and the real pay.",
                "Declined to answer\n  - Was the job different from what you were told?",
            ],
            &[],
        ),
    ];
    for (file, answers, present, absent) in cases {
        let (code, stdout, stderr) = riskscreen(&["score", file, "--answers", answers]);
        assert_eq!(code, 0, "{stderr}");
        for text in *present {
            assert!(
                stdout.contains(text),
                "{file} {answers}: no {text:?} in\n{stdout}"
            );
        }
        for text in absent.iter().chain(&["victim"]) {
            assert!(
                !stdout.contains(text),
                "{file} {answers}: {text:?} in\n{stdout}"
            );
        }
        assert!(
            stdout.ends_with("\nThese are signs of risk, not a finding about any person.\n"),
            "{stdout}"
        );
    }
}

#[test]
fn score_text_speaks_the_chosen_language() {
    let (code, stdout, _) = riskscreen(&[
        "score",
        "weighted.toml",
        "--answers",
        "weighted-danger.json",
        "--lang",
        "uk",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Перевірте пропозицію роботи"), "{stdout}");
    assert!(stdout.contains("Вам погрожували"), "{stdout}");

    let (code, _, stderr) = riskscreen(&[
        "score",
        "weighted.toml",
        "--indicators",
        "x",
        "--lang",
        "ua",
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("--lang: error[unknown-language]"),
        "{stderr}"
    );
}

#[test]
fn score_text_says_which_rule_set_the_level() {
    let floors = fixtures().join("../../../core/tests/fixtures/scoring/floors.toml");
    let floors = floors.to_str().unwrap();
    let (code, out, err) = riskscreen(&["score", floors, "--indicators", "passport_kept"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Level: Serious signs"), "{out}");
    assert!(
        out.contains("Why this level: serious enough on its own (severity floor): Someone keeps the passport"),
        "{out}"
    );
    let (_, out, _) = riskscreen(&["score", floors, "--indicators", "fee"]);
    assert!(
        !out.contains("Why this level"),
        "no rule above the model: {out}"
    );
}

#[test]
fn bad_answers_are_located_by_question() {
    let (code, stdout, stderr) =
        riskscreen(&["score", "weighted.toml", "--answers", "weighted-bad.json"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    for (line, question, says) in [
        (2, "offer_kind", "a multiple-choice answer is a list"),
        (3, "passport", "expected \"yes\", \"no\""),
        (4, "pasport", "did you mean `passport`?"),
        (
            5,
            "threats",
            "expected \"yes\", \"no\", \"unsure\", \"declined\"",
        ),
    ] {
        let found = stderr
            .lines()
            .find(|l| l.contains(&format!("(question `{question}`)")));
        let found = found.unwrap_or_else(|| panic!("nothing about {question}:\n{stderr}"));
        assert!(
            found.starts_with(&format!("weighted-bad.json:{line}:3: error[bad-answer]: ")),
            "{found}"
        );
        assert!(found.contains(says), "{found}");
    }
    assert!(stderr.contains("weighted-bad.json: 4 errors"), "{stderr}");

    for (file, says) in [
        (
            "answers-syntax.json",
            "answers-syntax.json:1:22: error[syntax]",
        ),
        (
            "answers-list.json",
            "answers-list.json: error[bad-answers]: not a JSON object",
        ),
    ] {
        let (code, _, stderr) = riskscreen(&["score", "weighted.toml", "--answers", file]);
        assert_eq!(code, 1);
        assert!(stderr.contains(says), "{stderr}");
    }
}

#[test]
fn answers_to_hidden_questions_are_ignored_with_a_warning() {
    let (code, _, stderr) = riskscreen(&[
        "score",
        "weighted.toml",
        "--answers",
        "weighted-hidden.json",
    ]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("weighted-hidden.json:1:48: warning[hidden-answer]"),
        "{stderr}"
    );
    assert!(stderr.contains("(question `contract`)"), "{stderr}");
}

#[test]
fn unknown_indicators_get_a_suggestion() {
    let (code, stdout, stderr) = riskscreen(&[
        "score",
        "weighted.toml",
        "--indicators",
        "safety.threatened,documents.pasport_kept",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("--indicators: error[unknown-indicator]: questionnaire `offer-check` has no indicator `documents.pasport_kept`"), "{stderr}");
    assert!(
        stderr.contains("hint: did you mean `documents.passport_kept`?"),
        "{stderr}"
    );
}

#[test]
fn score_refuses_what_is_not_a_valid_questionnaire() {
    for (file, says) in [
        ("broken.toml", "broken.toml: 2 errors"),
        ("helplines.toml", "this is the helpline directory"),
    ] {
        let (code, stdout, stderr) = riskscreen(&["score", file, "--indicators", "x"]);
        assert_eq!(code, 1, "{file}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(says), "{stderr}");
    }
}
