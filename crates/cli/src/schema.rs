//! `riskscreen schema [--helplines]`: the JSON Schema of the file formats.
//!
//! Generated with schemars from the core model itself (`riskscreen_core::Questionnaire`,
//! or `riskscreen_core::helplines::Directory` with `--helplines`), so it can never
//! drift from what the loader accepts. Field names are those of the files
//! (`question`, `indicator`, …) and the doc comments of the model become the
//! descriptions editors show.

use std::io::Write;

use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;

use crate::Status;

/// Prints the schema, pretty-printed.
pub fn run(helplines: bool, out: &mut dyn Write) -> anyhow::Result<Status> {
    let schema = if helplines {
        schemars::schema_for!(Directory)
    } else {
        schemars::schema_for!(Questionnaire)
    };
    writeln!(out, "{}", serde_json::to_string_pretty(&schema)?)?;
    Ok(Status::Success)
}
