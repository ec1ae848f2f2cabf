//! `riskscreen report`: a questionnaire (text and JSON), a file with errors
//! (coverage still shown, exit 1), and the helpline directory.

use crate::support::{json, riskscreen};

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
