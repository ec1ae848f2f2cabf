//! End-to-end tests of the `riskscreen` binary on the fixtures in `tests/fixtures/`.
//!
//! Every test runs the built binary (with the fixtures directory as working
//! directory, so file names in messages are short) and checks its exit code and
//! output. Cases are tables where several inputs share one assertion.
//!
//! Fixtures: `weighted.toml` (valid, en + uk, a danger indicator, a conditional
//! question), `ilo.toml` (valid, one unreachable indicator, nothing verified),
//! `broken.toml` (shape errors), `broken-reference.toml` (meaning errors),
//! `helplines.toml` (a helpline directory), and answers files named after them.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use riskscreen_core::helplines::Directory;
use riskscreen_core::load_toml;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs `riskscreen ARGS…` in the fixtures directory: (exit code, stdout, stderr).
fn riskscreen(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_riskscreen"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("the riskscreen binary runs");
    (
        output.status.code().expect("exited, not killed"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// A fresh path for an output file of one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("riskscreen-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Whether `line` starts with `file:LINE:COLUMN: ` (numbers from 1).
fn is_located(line: &str, file: &str) -> bool {
    let Some(rest) = line.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let number = |p: Option<&str>| {
        p.and_then(|p| p.parse::<usize>().ok())
            .is_some_and(|n| n > 0)
    };
    number(parts.next()) && number(parts.next()) && parts.next().is_some_and(|r| r.starts_with(' '))
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["validate"],
        &["validate", "--strict", "weighted.toml"],
        &["compile", "weighted.toml"],
        &["compile"],
        &["compile-helplines", "helplines.toml"],
        &["score", "weighted.toml"],
        &["score", "--answers", "weighted-danger.json"],
        &[
            "score",
            "weighted.toml",
            "--answers",
            "weighted-danger.json",
            "--indicators",
            "safety.threatened",
        ],
        &[
            "score",
            "weighted.toml",
            "--indicators",
            "safety.threatened",
            "--format",
            "xml",
        ],
        &["report"],
        &["report", "weighted.toml", "--format", "yaml"],
        &["schema", "extra"],
    ];
    for args in cases {
        let (code, stdout, stderr) = riskscreen(args);
        assert_eq!(
            code, 2,
            "riskscreen {args:?}\nstdout: {stdout}\nstderr: {stderr}"
        );
        assert!(
            stdout.is_empty() && !stderr.is_empty(),
            "riskscreen {args:?}"
        );
    }
}

#[test]
fn help_explains_commands_and_exit_codes() {
    let (code, stdout, _) = riskscreen(&["--help"]);
    assert_eq!(code, 0);
    for word in [
        "validate",
        "compile",
        "compile-helplines",
        "score",
        "schema",
        "report",
        "Exit codes",
    ] {
        assert!(stdout.contains(word), "--help lacks {word}:\n{stdout}");
    }
    let (code, stdout, _) = riskscreen(&["score", "--help"]);
    assert_eq!(code, 0);
    for word in [
        "--answers",
        "--indicators",
        "--format",
        "--lang",
        "cannot be read",
    ] {
        assert!(
            stdout.contains(word),
            "score --help lacks {word}:\n{stdout}"
        );
    }
}

#[test]
fn validate_reports_every_file() {
    // (files, exit code, lines that must appear in stdout)
    let cases: &[(&[&str], i32, &[&str])] = &[
        (&["weighted.toml"], 0, &["ok: weighted.toml"]),
        (&["ilo.toml"], 0, &["ok: ilo.toml (1 warning)"]),
        (&["helplines.toml"], 0, &["ok: helplines.toml"]),
        (&["broken.toml"], 1, &["broken.toml: 2 errors"]),
        (
            &["broken-reference.toml"],
            1,
            &[
                "broken-reference.toml: 2 errors, 1 warning",
                "  hint: did you mean `documents.passport_kept`?",
            ],
        ),
        (
            &["weighted.toml", "broken.toml", "ilo.toml"],
            1,
            &[
                "ok: weighted.toml",
                "broken.toml: 2 errors",
                "ok: ilo.toml (1 warning)",
            ],
        ),
        (
            &["missing.toml", "weighted.toml"],
            1,
            &["missing.toml: 1 error", "ok: weighted.toml"],
        ),
    ];
    for (files, expected_code, expected_lines) in cases {
        let mut args = vec!["validate"];
        args.extend_from_slice(files);
        let (code, stdout, stderr) = riskscreen(&args);
        assert_eq!(code, *expected_code, "validate {files:?}\n{stdout}{stderr}");
        let lines: Vec<&str> = stdout.lines().collect();
        for expected in *expected_lines {
            assert!(
                lines.contains(expected),
                "validate {files:?}: no line {expected:?} in\n{stdout}"
            );
        }
    }
}

#[test]
fn validate_locates_errors_as_file_line_column() {
    for (file, codes) in [
        (
            "broken.toml",
            &["error[wrong-type]", "error[unknown-field]"][..],
        ),
        (
            "broken-reference.toml",
            &[
                "error[missing-translation]",
                "error[unknown-reference]",
                "warning[unreachable-indicator]",
            ][..],
        ),
    ] {
        let (code, stdout, _) = riskscreen(&["validate", file]);
        assert_eq!(code, 1);
        for diagnostic in codes {
            let line = stdout
                .lines()
                .find(|l| l.contains(diagnostic))
                .unwrap_or_else(|| panic!("no {diagnostic} for {file}:\n{stdout}"));
            assert!(is_located(line, file), "not file:line:col: {line}");
        }
    }
    // The misspelt field is pointed at exactly.
    let (_, stdout, _) = riskscreen(&["validate", "broken.toml"]);
    assert!(
        stdout.contains("broken.toml:70:1: error[unknown-field]: unknown field `titel`"),
        "{stdout}"
    );
}

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
        let out = scratch(&format!("self-check.{lang}.json"));
        let (code, _, stderr) = riskscreen(&[
            "compile",
            source,
            "--lang",
            lang,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{lang}: {stderr}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains("\n  "), "{lang}: written compact");
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

#[test]
fn unreadable_files_are_invalid_input() {
    let cases: &[&[&str]] = &[
        &["compile", "missing.toml", "-o", "-"],
        &["score", "missing.toml", "--indicators", "x"],
        &["score", "weighted.toml", "--answers", "missing.json"],
        &["report", "missing.toml"],
    ];
    for args in cases {
        let (code, _, stderr) = riskscreen(args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot read missing."),
            "{args:?}: {stderr}"
        );
    }
}

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

#[test]
fn report_describes_a_questionnaire() {
    let (code, stdout, stderr) = riskscreen(&["report", "ilo.toml"]);
    assert_eq!(code, 0, "{stderr}");
    for text in [
        "Questionnaire ilo-mini version 0.1.0 (ilo model)",
        "Sections: 2, questions: 4 (0 with a condition)",
        "  en (default): 27/27 (100%)",
        "Indicators: 5 (0 verified, 5 with verified = false)",
        "  deception (Deceived when recruited): 2 (1 strong, 1 medium, 0 weak)",
        "  by strength: 3 strong, 1 medium, 1 weak",
        "Danger indicators: none",
        "Indicators no answer can mark present: 1\n  coercion.threats",
    ] {
        assert!(stdout.contains(text), "no {text:?} in\n{stdout}");
    }

    let (code, stdout, _) = riskscreen(&["report", "weighted.toml", "--format", "json"]);
    assert_eq!(code, 0);
    let report = json(&stdout);
    assert_eq!(report["questions"], 4);
    assert_eq!(report["sections"][0]["questions_with_condition"], 1);
    assert_eq!(report["languages"][1]["language"], "uk");
    assert_eq!(
        report["languages"][1]["present"],
        report["languages"][1]["total"]
    );
    assert_eq!(report["danger"], serde_json::json!(["safety.threatened"]));
    assert_eq!(report["unreachable"], serde_json::json!([]));
    assert_eq!(report["unverified"], 2);
    assert_eq!(
        report["by_weight"],
        serde_json::json!({"1": 1, "3": 1, "5": 1})
    );
}

#[test]
fn report_describes_a_file_with_errors_and_exits_1() {
    // A missing translation is an error, yet coverage is what a translator needs to see.
    let (code, stdout, stderr) = riskscreen(&["report", "broken-reference.toml"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("broken-reference.toml: 2 errors, 1 warning"),
        "{stderr}"
    );
    assert!(
        stdout.contains(
            "  uk: 22/23 (96%)\n    missing: question `offer_kind` option `housing` label"
        ),
        "{stdout}"
    );
    // A shape error leaves nothing to describe.
    let (code, stdout, stderr) = riskscreen(&["report", "broken.toml"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("no report"), "{stderr}");
}

#[test]
fn report_describes_the_helpline_directory() {
    let (code, stdout, _) = riskscreen(&["report", "helplines.toml", "--format", "json"]);
    assert_eq!(code, 0);
    let report = json(&stdout);
    assert_eq!(report["helplines"], 1);
    assert_eq!(report["unverified"], serde_json::json!(["pl-test"]));
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_riskscreen"))
        .arg("schema")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn calibrate_prints_story_band_expected_and_fails_on_a_mismatch() {
    let file = fixtures().join("calibration/weighted.toml");
    let (code, out, err) = riskscreen(&["calibrate", file.to_str().unwrap()]);
    assert_eq!(
        code, 1,
        "a mismatch and an unsound situation: exit 1\n{out}\n{err}"
    );
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("no line for {id}:\n{out}"))
            .to_owned()
    };
    assert!(line("clean-room").ends_with("ok"), "{out}");
    let threatened = line("threatened");
    assert!(
        threatened.contains("high !") && threatened.ends_with("ok"),
        "{out}"
    );
    let passport = line("no-contract-only");
    assert!(
        passport.contains("some") && passport.contains("high") && passport.ends_with("FAIL"),
        "{out}"
    );
    assert!(line("contract-for-housing").ends_with("FAIL"), "{out}");
    assert!(
        out.contains("problem: answer to `contract`: the flow does not ask this question"),
        "{out}"
    );
    assert!(out.contains("4 situations, 2 as expected, 2 not"), "{out}");
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

/// 10,000 problems in one file: the first 200 printed, located, then one line
/// counting the rest; the summary counts all (issue #12: bounded output).
#[test]
fn validate_caps_what_it_prints() {
    let head = std::fs::read_to_string(fixtures().join("weighted.toml")).unwrap();
    let questions: String = (0..2_000)
        .map(|i| {
            let refs: Vec<String> = (0..5).map(|k| format!("\"nope{i}_{k}\"")).collect();
            format!(
                "\n[[question]]\nid = \"many{i}\"\nsection = \"{section}\"\nkind = \"yes_no\"\ntext = {{ {text} }}\nif_no = [{}]\n",
                refs.join(", "),
                section = first_value(&head, "[[section]]", "id"),
                text = first_value(&head, "[[question]]", "text"),
            )
        })
        .collect();
    let path = scratch("ten-thousand-errors.toml");
    std::fs::write(&path, format!("{head}{questions}")).unwrap();
    let file = path.to_str().unwrap();
    let started = std::time::Instant::now();
    let (code, out, _) = riskscreen(&["validate", file]);
    println!(
        "10,000 errors validated in {:?} (not asserted)",
        started.elapsed()
    );
    assert_eq!(code, 1);
    let located = out.lines().filter(|l| is_located(l, file)).count();
    assert_eq!(located, 200, "{out}");
    assert!(
        out.contains(&format!("{file}: … and 9800 more problems not shown")),
        "{out}"
    );
    assert!(
        out.trim_end().ends_with(&format!("{file}: 10000 errors")),
        "{out}"
    );
    assert!(
        out.lines().count() <= 2 * 200 + 2,
        "bounded: {} lines",
        out.lines().count()
    );
}

/// The value of `key` in the first `[[table]]` of `toml`, as written (e.g. `"main"`
/// or `{ en = "…" }` without the braces).
fn first_value(toml: &str, table: &str, key: &str) -> String {
    let at = toml.find(table).expect("the table");
    let line = toml[at..]
        .lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .expect("the key");
    let value = line[key.len() + 3..].trim();
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_owned)
        .or_else(|| {
            value
                .strip_prefix('{')
                .and_then(|v| v.strip_suffix('}'))
                .map(|v| v.trim().to_owned())
        })
        .unwrap_or_else(|| value.to_owned())
}
