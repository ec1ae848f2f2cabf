//! Scale: generated questionnaires far past what anyone writes, loaded and
//! validated with bounded work and bounded diagnostics (issue #12 item 4).
//!
//! Each case prints how long it took (not asserted: timings belong in
//! benchmarks); what is asserted is what comes out: one limit error for a file
//! past a count limit, one cycle diagnostic for a 4,000-question circle, a
//! located error for a condition nested too deep, every one of 10,000 reference
//! errors located.

use std::time::Instant;

use riskscreen_core::limits::{MAX_CONDITION_DEPTH, MAX_QUESTIONS, MAX_SOURCE_BYTES};
use riskscreen_core::{load_json, load_toml, Diagnostic};

/// The top of a valid questionnaire with one indicator and one band; questions follow.
const HEAD: &str = r#"id = "scale"
version = "1"
audience = "self-check"
languages = ["en"]
default_language = "en"
title = { en = "T" }
description = { en = "D" }

[scoring]
model = "weighted"

[[source]]
id = "s"
title = "S"

[[dimension]]
id = "d"
label = { en = "D" }

[[indicator]]
id = "i"
dimension = "d"
label = { en = "I" }
weight = 1
sources = ["s"]

[[section]]
id = "main"
title = { en = "M" }

[[band]]
id = "b"
label = { en = "B" }
advice = { en = "A" }
min_score = 0
"#;

/// Question `i`, with `extra` lines.
fn question(i: usize, extra: &str) -> String {
    format!(
        "\n[[question]]\nid = \"q{i}\"\nsection = \"main\"\nkind = \"yes_no\"\ntext = {{ en = \"Q{i}\" }}\nif_yes = [\"i\"]\n{extra}\n"
    )
}

/// Loads `source` and returns its diagnostics, printing the time taken.
fn diagnostics(case: &str, source: &str) -> Vec<Diagnostic> {
    let started = Instant::now();
    let loaded = load_toml("scale.toml", source);
    println!(
        "{case}: {} bytes, {} diagnostics in {:?} (not asserted)",
        source.len(),
        loaded.diagnostics.len(),
        started.elapsed()
    );
    assert!(loaded.usable().is_none(), "{case}: should not load");
    loaded.diagnostics
}

fn questions(count: usize) -> String {
    std::iter::once(HEAD.to_owned())
        .chain((0..count).map(|i| question(i, "")))
        .collect()
}

#[test]
fn past_the_question_limit_one_located_error() {
    let source = questions(10_000);
    let found = diagnostics("10,000 questions", &source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "limit");
    assert!(found[0].message.contains("10000 `question` entries"));
    // Located at the first question past the limit.
    let line = found[0].location.expect("located").line;
    let expected = source
        .match_indices("[[question]]")
        .nth(MAX_QUESTIONS)
        .map(|(at, _)| source[..at].matches('\n').count() + 1);
    assert_eq!(Some(line), expected);
}

#[test]
fn past_the_size_limit_nothing_is_parsed() {
    // 100,000 questions are 10 MB: refused before parsing.
    let source = questions(100_000);
    assert!(source.len() > MAX_SOURCE_BYTES);
    let found = diagnostics("100,000 questions", &source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "limit");
    assert!(found[0]
        .message
        .contains("bytes; the most a questionnaire may have"));
    let found = load_json("big.json", &" ".repeat(MAX_SOURCE_BYTES + 1)).diagnostics;
    assert_eq!((found.len(), found[0].code), (1, "limit"));
}

#[test]
fn ten_thousand_errors_each_located() {
    // 2,000 questions with 5 unknown indicators each.
    let source: String = std::iter::once(HEAD.to_owned())
        .chain((0..2_000).map(|i| {
            let refs: Vec<String> = (0..5).map(|k| format!("\"nope{i}_{k}\"")).collect();
            question(i, &format!("if_no = [{}]", refs.join(", ")))
        }))
        .collect();
    let found = diagnostics("10,000 unknown references", &source);
    assert_eq!(found.len(), 10_000);
    assert!(found
        .iter()
        .all(|d| d.code == "unknown-reference" && d.location.is_some()));
}

#[test]
fn a_four_thousand_question_cycle_is_reported_once() {
    let n = 4_000;
    let source: String = std::iter::once(HEAD.to_owned())
        .chain((0..n).map(|i| {
            question(
                i,
                &format!(
                    "show_if = {{ equals = {{ question = \"q{}\", value = \"yes\" }} }}",
                    (i + 1) % n
                ),
            )
        }))
        .collect();
    let found = diagnostics("a 4,000-question cycle", &source);
    let cycles: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "cycle").collect();
    assert_eq!(cycles.len(), 1, "one circle, one report");
    let message = &cycles[0].message;
    assert!(message.contains("a cycle of 4000 questions"), "{message}");
    assert!(message.len() < 300, "the ids are capped: {message}");
    assert_eq!(
        found
            .iter()
            .filter(|d| d.code == "forward-reference")
            .count(),
        n - 1
    );
}

#[test]
fn conditions_nested_too_deep() {
    // TOML: the parser's own recursion limit stops 10,000 levels with a located
    // syntax error.
    let mut condition = r#"{ equals = { question = "q0", value = "yes" } }"#.to_owned();
    for _ in 0..10_000 {
        condition = format!("{{ not = {condition} }}");
    }
    let source = format!(
        "{HEAD}{}{}",
        question(0, ""),
        question(1, &format!("show_if = {condition}"))
    );
    let found = diagnostics("10,000-deep nesting (TOML)", &source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].location.is_some());

    // Past the limit but within the parsers': the validator's limit error.
    let mut condition = r#"{ equals = { question = "q0", value = "yes" } }"#.to_owned();
    for _ in 0..MAX_CONDITION_DEPTH {
        condition = format!("{{ not = {condition} }}");
    }
    let source = format!(
        "{HEAD}{}{}",
        question(0, ""),
        question(1, &format!("show_if = {condition}"))
    );
    let found = diagnostics("33-deep nesting", &source);
    let limit: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "limit").collect();
    assert_eq!(limit.len(), 1, "{found:?}");
    assert!(
        limit[0].message.contains("nests 33 deep"),
        "{}",
        limit[0].message
    );
    assert!(limit[0].location.is_some());

    // JSON: serde_json stops at its recursion limit with a located error.
    let mut json = r#"{"equals":{"question":"q0","value":"yes"}}"#.to_owned();
    for _ in 0..10_000 {
        json = format!(r#"{{"not":{json}}}"#);
    }
    let loaded = load_json("deep.json", &format!(r#"{{"show_if":{json}}}"#));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(loaded.diagnostics[0].location.is_some());
}
