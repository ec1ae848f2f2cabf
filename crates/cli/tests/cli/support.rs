//! What the CLI tests share: the fixtures directory, running the binary there,
//! scratch files for its output, and reading what it prints.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// `tests/fixtures/` of this crate: the binary's working directory in these tests.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs `riskscreen ARGS…` in the fixtures directory: (exit code, stdout, stderr).
pub fn riskscreen(args: &[&str]) -> (i32, String, String) {
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
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("riskscreen-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Whether `line` starts with `file:LINE:COLUMN: ` (numbers from 1).
pub fn is_located(line: &str, file: &str) -> bool {
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

/// `text` read as JSON, or a panic that shows it.
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}
