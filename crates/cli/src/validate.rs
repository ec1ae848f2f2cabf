//! `riskscreen validate FILE…`: every problem in every file, then a verdict per file.
//!
//! Diagnostics go to standard output (they are this command's product), rendered
//! with [`riskscreen_core::Diagnostic::render`] as `file:line:column: error[code]: …`
//! so editors and CI logs can jump to them. Each file gets one summary line:
//! `ok: x.toml (2 warnings)` or `x.toml: 3 errors, 1 warning`. A file that cannot
//! be read is reported the same way and does not stop the others. Exit 1 if any
//! file has an error.

use std::io::Write;
use std::path::PathBuf;

use crate::input;
use crate::Status;

/// Checks each file in turn.
pub fn run(files: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<Status> {
    let mut any_error = false;
    for path in files {
        match input::load(path, None) {
            Ok(checked) => {
                for line in checked.rendered() {
                    writeln!(out, "{line}")?;
                }
                writeln!(out, "{}", checked.summary())?;
                any_error |= checked.errors() > 0;
            }
            Err(e) => {
                let name = input::name(path);
                writeln!(out, "{name}: error[unreadable]: {}", e.root_cause())?;
                writeln!(out, "{}", input::summary(&name, 1, 0))?;
                any_error = true;
            }
        }
    }
    Ok(Status::invalid_if(any_error))
}
