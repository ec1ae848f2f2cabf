//! Calibration: every situation of every `questionnaires/calibration/<id>.toml`
//! lands in the band (and danger state) its sources make reasonable.
//!
//! A failure here is a finding about the questionnaire (a sign without a floor, a
//! question missing), never a reason to change an expectation to what the engine
//! says. `riskscreen calibrate questionnaires/calibration/<id>.toml` prints the same
//! comparison as a table.

use std::fs;
use std::path::{Path, PathBuf};

use riskscreen_core::calibration::{from_toml, run};
use riskscreen_core::load_toml;

/// The questionnaires that must be calibrated: all three. (`ngo-intake` joined
/// once its ILO routes, the child and sexual-exploitation sets, were in place:
/// issue #10 item 4.)
const REQUIRED: [&str; 3] = ["self-check", "platform-offer", "ngo-intake"];

/// Fewest situations per file (issue #10: at least 25 each).
const AT_LEAST: usize = 25;

fn calibration_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires/calibration")
}

#[test]
fn every_situation_lands_where_its_sources_say() {
    let dir = calibration_dir();
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("directory entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let stems: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    for required in REQUIRED {
        assert!(
            stems.iter().any(|s| s == required),
            "no calibration file for `{required}` in {}",
            dir.display()
        );
    }
    let mut failures = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let calibration = from_toml(&fs::read_to_string(path).expect("reading the file"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let questionnaire_path = path.parent().unwrap().join(&calibration.questionnaire);
        let source = fs::read_to_string(&questionnaire_path)
            .unwrap_or_else(|e| panic!("{}: {e}", questionnaire_path.display()));
        let questionnaire = load_toml(&name, &source)
            .into_usable()
            .unwrap_or_else(|| panic!("{} does not load", questionnaire_path.display()));
        assert!(
            calibration.situations.len() >= AT_LEAST,
            "{name}: {} situations, at least {AT_LEAST} needed",
            calibration.situations.len()
        );
        let mut ids: Vec<&str> = calibration
            .situations
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            calibration.situations.len(),
            "{name}: situation ids repeat"
        );
        for outcome in run(&questionnaire, &calibration) {
            if !outcome.passed() {
                failures.push(format!(
                    "{name}: {}: got {}{} expected {}{}{}\n    {}",
                    outcome.id,
                    outcome.evaluation.level,
                    if outcome.evaluation.danger {
                        " (danger)"
                    } else {
                        ""
                    },
                    outcome.expected,
                    if outcome.expected_danger {
                        " (danger)"
                    } else {
                        ""
                    },
                    outcome
                        .problems
                        .iter()
                        .map(|p| format!("\n    problem: {p}"))
                        .collect::<String>(),
                    outcome.story,
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} situations land elsewhere than their sources say:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
