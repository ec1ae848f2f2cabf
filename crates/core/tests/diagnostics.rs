//! Broken questionnaires: each `fixtures/broken/<name>.toml` must fail to load, and its
//! diagnostics, rendered as `broken/<name>.toml:line:col: error[code]: …` and joined by
//! newlines, must equal `fixtures/broken/<name>.expected`.
//!
//! `UPDATE_EXPECT=1 cargo test -p riskscreen-core --test diagnostics` rewrites the
//! expected files. Read every changed one: the line:column must point at the mistake
//! and the message and hint must tell an author what to do.

use std::fs;
use std::path::{Path, PathBuf};

use riskscreen_core::load_toml;

fn broken() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken")
}

/// The one helper: loads a broken file, renders its diagnostics, and compares with (or,
/// under `UPDATE_EXPECT=1`, writes) its expected file.
fn check(toml_path: &Path) -> Result<(), String> {
    let name = toml_path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("file name")?;
    let display = format!("broken/{name}");
    let source = fs::read_to_string(toml_path).map_err(|e| e.to_string())?;
    let loaded = load_toml(&display, &source);
    if loaded.questionnaire.is_some() {
        return Err("loads without errors; a broken fixture must not".into());
    }
    let rendered: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.render(&display))
        .collect();
    let actual = rendered.join("\n") + "\n";
    let expected_path = toml_path.with_extension("expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        return fs::write(&expected_path, &actual).map_err(|e| e.to_string());
    }
    let expected = fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_EXPECT=1)",
            expected_path.display()
        )
    })?;
    if actual == expected {
        Ok(())
    } else {
        Err(format!("expected:\n{expected}\nactual:\n{actual}"))
    }
}

#[test]
fn every_broken_questionnaire_reports_its_expected_diagnostics() {
    let mut files: Vec<PathBuf> = fs::read_dir(broken())
        .expect("fixtures/broken")
        .map(|e| e.expect("directory entry").path())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => {
                ran += 1;
                if let Err(message) = check(path) {
                    failures.push(format!("{}: {message}", path.display()));
                }
            }
            Some("expected") if !path.with_extension("toml").exists() => {
                failures.push(format!("{}: expected file without a .toml", path.display()));
            }
            Some("expected") => {}
            _ => failures.push(format!("{}: neither .toml nor .expected", path.display())),
        }
    }
    assert!(ran >= 30, "only {ran} broken questionnaires found");
    assert!(
        failures.is_empty(),
        "{} of {ran} broken questionnaires differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
