//! Scoring fixtures: questionnaire + answers (or indicators) in, `Evaluation` out.
//!
//! Each case is `fixtures/scoring/cases/<name>.json`:
//!
//! ```json
//! { "about": "what this case shows", "questionnaire": "ilo.toml", "answers": { "q": "yes" } }
//! ```
//!
//! or with `"indicators": ["id", …]` instead of `"answers"` (scored with
//! `score_indicators`). The expected result is `cases/<name>.expected.json`, the
//! `Evaluation` as JSON. `UPDATE_EXPECT=1 cargo test -p riskscreen-core --test scoring`
//! rewrites the expected files; read every changed one before keeping it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use riskscreen_core::{
    check_answers, load_toml, score, score_indicators, Answers, Evaluation, Questionnaire,
};
use serde::Deserialize;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scoring")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows, for the reader; not used.
    #[allow(dead_code)]
    about: String,
    questionnaire: String,
    #[serde(default)]
    answers: Option<Answers>,
    #[serde(default)]
    indicators: Option<BTreeSet<String>>,
}

/// Loads a fixture questionnaire; any diagnostic at all (warnings too) is a broken fixture.
fn questionnaire(name: &str) -> Result<Questionnaire, String> {
    let path = fixtures().join(name);
    let source = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let loaded = load_toml(name, &source);
    if !loaded.diagnostics.is_empty() {
        let rendered: Vec<String> = loaded.diagnostics.iter().map(|d| d.render(name)).collect();
        return Err(format!("fixture is not clean:\n{}", rendered.join("\n")));
    }
    loaded
        .into_usable()
        .ok_or_else(|| format!("{name}: no questionnaire"))
}

/// The one helper: loads a case, scores it, and compares with (or, under
/// `UPDATE_EXPECT=1`, writes) its expected file.
fn run_case(case_path: &Path) -> Result<(), String> {
    let text = fs::read_to_string(case_path).map_err(|e| e.to_string())?;
    let case: Case = serde_json::from_str(&text).map_err(|e| format!("bad case file: {e}"))?;
    let q = questionnaire(&case.questionnaire)?;
    let evaluation: Evaluation = match (&case.answers, &case.indicators) {
        (Some(answers), None) => {
            // A typo in a case must not make it pass for the wrong reason.
            let problems = check_answers(&q, answers);
            if !problems.is_empty() {
                return Err(format!(
                    "answers do not fit the questionnaire: {problems:?}"
                ));
            }
            score(&q, answers)
        }
        (None, Some(indicators)) => {
            let unknown: Vec<&String> = indicators
                .iter()
                .filter(|id| q.indicator(id).is_none())
                .collect();
            if !unknown.is_empty() {
                return Err(format!("unknown indicators {unknown:?}"));
            }
            score_indicators(&q, indicators)
        }
        _ => return Err("give exactly one of `answers` and `indicators`".into()),
    };
    let actual = serde_json::to_value(&evaluation).map_err(|e| e.to_string())?;
    let expected_path = case_path.with_extension("expected.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        // The struct, not the `Value`: keeps the fields in their documented order.
        let pretty = serde_json::to_string_pretty(&evaluation).map_err(|e| e.to_string())? + "\n";
        return fs::write(&expected_path, pretty).map_err(|e| e.to_string());
    }
    let expected_text = fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_EXPECT=1)",
            expected_path.display()
        )
    })?;
    let expected: serde_json::Value =
        serde_json::from_str(&expected_text).map_err(|e| format!("bad expected file: {e}"))?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "expected:\n{expected_text}\nactual:\n{}",
            serde_json::to_string_pretty(&evaluation).unwrap_or_default()
        ))
    }
}

#[test]
fn every_scoring_case_gives_its_expected_evaluation() {
    let dir = fixtures().join("cases");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures/scoring/cases")
        .map(|e| e.expect("directory entry").path())
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &cases {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Some(stem) = name.strip_suffix(".expected.json") {
            if !dir.join(format!("{stem}.json")).exists() {
                failures.push(format!("{name}: expected file without a case"));
            }
            continue;
        }
        if !name.ends_with(".json") {
            failures.push(format!("{name}: not a case file"));
            continue;
        }
        ran += 1;
        if let Err(message) = run_case(path) {
            failures.push(format!("case {name}: {message}"));
        }
    }
    assert!(
        ran >= 40,
        "only {ran} scoring cases found in {}",
        dir.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} scoring cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The ILO fixture's ILO indicators are real: same id, dimension and strength as the
/// reference list (so the cases exercise the real strengths).
#[test]
fn ilo_fixture_uses_real_ids_dimensions_and_strengths() {
    let reference_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questionnaires/reference/ilo-adult-labour-indicators.toml");
    let reference: toml::Table = fs::read_to_string(&reference_path)
        .expect("reference list")
        .parse()
        .expect("reference list is TOML");
    let reference: Vec<(String, String, String)> = reference["indicator"]
        .as_array()
        .expect("[[indicator]]")
        .iter()
        .map(|i| {
            let field = |k: &str| i[k].as_str().expect(k).to_owned();
            (field("id"), field("dimension"), field("strength"))
        })
        .collect();
    let q = questionnaire("ilo.toml").expect("ilo.toml");
    let mut checked = 0;
    for indicator in &q.indicators {
        if indicator.dimension == "immediate_safety" {
            continue;
        }
        let strength = serde_json::to_value(indicator.strength).expect("strength");
        let actual = (
            indicator.id.clone(),
            indicator.dimension.clone(),
            strength.as_str().unwrap_or("none").to_owned(),
        );
        assert!(
            reference.contains(&actual),
            "{actual:?} is not in the reference list"
        );
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} ILO indicators in ilo.toml");
}
