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
//!
//! One module per command or concern; what they share is in [`support`]:
//!
//! | module | what it checks |
//! |--------|----------------|
//! | [`usage`] | usage errors exit 2, `--help`, unreadable files, a closed pipe |
//! | [`validate`] | `validate`: every file reported, errors located as `file:line:column`, the output capped |
//! | [`compile`] | `compile` and `compile-helplines`: JSON the widget accepts, one language per file, nothing written on errors; `schema` |
//! | [`score`] | `score`: the JSON result and level, the text (danger first, no verdict, the language, the rule that set the level), bad answers located |
//! | [`calibrate`] | `calibrate`: story, band, expected, and a failure on a mismatch |
//! | [`report`] | `report` of a questionnaire, of a file with errors, of the helpline directory |

mod support;

mod calibrate;
mod compile;
mod report;
mod score;
mod usage;
mod validate;
