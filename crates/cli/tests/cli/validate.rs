//! `riskscreen validate`: a line for every file, errors located as
//! `file:line:column`, and the output capped however many problems a file has.

use crate::support::{fixtures, is_located, riskscreen, scratch};

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
