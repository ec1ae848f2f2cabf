//! `cargo xtask codegen`: rewrites every file generated from a source of truth
//! in the repository, and says which changed (as rust-analyzer's `cargo
//! codegen` does). Each generator is a test that fails while its output is out
//! of date and rewrites it under `UPDATE_EXPECT=1`, so `cargo test` (CI) holds
//! the files and this command is that same test run with the variable set:
//!
//! | output | generated from | by |
//! |---|---|---|
//! | `src/i18n/strings.rs` | `src/i18n/<lang>.ftl`: the compiled UI strings and `msg`, one typed constant per message id | `src/i18n/codegen.rs` |
//! | `docs/deploying.md` (the header listing, table and configs) | `xtask/src/headers.rs`, the widget origin's headers | `xtask/src/headers/tests.rs` |
//!
//! The expected outputs of the data-driven tests (scoring and diagnostics
//! fixtures) are not generated code: they are what a reviewer accepted, refreshed
//! with the same `UPDATE_EXPECT=1` on their own test (README, "Tests") after
//! reading the diff.

use std::fs;

use anyhow::{Context, Result};

use crate::project::{run, Project};

/// One generated file and the test that writes it.
#[derive(Debug, Clone, Copy)]
pub struct Generator {
    /// The file, relative to the repository root.
    pub output: &'static str,
    /// What it holds.
    pub what: &'static str,
    /// `cargo test` arguments that run its generating test.
    pub test: &'static [&'static str],
}

/// Every generator, in the order they run.
pub const GENERATORS: &[Generator] = &[
    Generator {
        output: "src/i18n/strings.rs",
        what: "UI strings and typed message ids",
        test: &["-p", "riskscreen", "--lib", "i18n::codegen"],
    },
    Generator {
        output: "docs/deploying.md",
        what: "production header configs",
        test: &["-p", "xtask", "--lib", "headers"],
    },
];

/// Runs every generator with `UPDATE_EXPECT=1`; prints each output's state.
pub fn codegen(project: &Project) -> Result<()> {
    for generator in GENERATORS {
        let path = project.path(generator.output);
        let before = fs::read_to_string(&path).unwrap_or_default();
        run(project
            .cargo()
            .arg("test")
            .args(["-q"])
            .args(generator.test)
            .env("UPDATE_EXPECT", "1"))
        .with_context(|| format!("generating {}", generator.output))?;
        let after =
            fs::read_to_string(&path).with_context(|| format!("reading {}", generator.output))?;
        let state = if before == after {
            "up to date"
        } else {
            "rewritten: review the diff"
        };
        println!("{} ({}): {state}", generator.output, generator.what);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every generator's output exists and its test filter names a module that
    /// says it rewrites under `UPDATE_EXPECT` (a renamed test would otherwise
    /// make `codegen` run nothing and report "up to date").
    #[test]
    fn every_generator_names_its_writer() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for (generator, source) in GENERATORS
            .iter()
            .zip(["src/i18n/codegen.rs", "xtask/src/headers/tests.rs"])
        {
            assert!(
                root.join(generator.output).is_file(),
                "{}",
                generator.output
            );
            let text = fs::read_to_string(root.join(source)).unwrap();
            assert!(text.contains("UPDATE_EXPECT"), "{source}");
        }
    }
}
