//! The command line itself: usage errors exit 2, `--help` explains the commands
//! and exit codes, an unreadable file is invalid input (exit 1), and a closed
//! pipe is not a crash.

use std::process::{Command, Stdio};

use crate::support::riskscreen;

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
