//! Broken questionnaires: each `fixtures/broken/<name>.toml` must fail to load, and its
//! diagnostics, rendered as `broken/<name>.toml:line:col: error[code]: …` and joined by
//! newlines, must equal `fixtures/broken/<name>.expected`. Broken helpline directories
//! (`fixtures/broken-helplines/`) the same way, through `load_helplines_toml`.
//!
//! `UPDATE_EXPECT=1 cargo test -p riskscreen-core --test diagnostics` rewrites the
//! expected files. Read every changed one: the line:column must point at the mistake
//! and the message and hint must tell an author what to do.

use std::fs;
use std::path::{Path, PathBuf};

use riskscreen_core::{load_helplines_toml, load_toml, Diagnostic, Loaded};

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// How a fixture is loaded: its diagnostics, or `None` when it loads without errors.
type Loader = fn(&str, &str) -> Option<Vec<Diagnostic>>;

/// The diagnostics of a load that found an error.
fn broken<T>(loaded: Loaded<T>) -> Option<Vec<Diagnostic>> {
    loaded.has_errors().then_some(loaded.diagnostics)
}

fn questionnaire_diagnostics(display: &str, source: &str) -> Option<Vec<Diagnostic>> {
    broken(load_toml(display, source))
}

fn directory_diagnostics(display: &str, source: &str) -> Option<Vec<Diagnostic>> {
    broken(load_helplines_toml(display, source))
}

/// The one helper: loads a broken file, renders its diagnostics, and compares with (or,
/// under `UPDATE_EXPECT=1`, writes) its expected file.
fn check(dir: &str, load: Loader, toml_path: &Path) -> Result<(), String> {
    let name = toml_path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("file name")?;
    let display = format!("{dir}/{name}");
    let source = fs::read_to_string(toml_path).map_err(|e| e.to_string())?;
    let Some(diagnostics) = load(&display, &source) else {
        return Err("loads without errors; a broken fixture must not".into());
    };
    let rendered: Vec<String> = diagnostics.iter().map(|d| d.render(&display)).collect();
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
    check_all("broken", questionnaire_diagnostics, 30);
}

#[test]
fn every_broken_helpline_directory_reports_its_expected_diagnostics() {
    check_all("broken-helplines", directory_diagnostics, 1);
}

/// Checks every fixture of `fixtures/<dir>`; at least `least` of them.
fn check_all(dir: &str, load: Loader, least: usize) {
    let mut files: Vec<PathBuf> = fs::read_dir(fixtures(dir))
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in &files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => {
                ran += 1;
                if let Err(message) = check(dir, load, path) {
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
    assert!(ran >= least, "only {ran} broken files found in {dir}");
    assert!(
        failures.is_empty(),
        "{} of {ran} broken files in {dir} differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
