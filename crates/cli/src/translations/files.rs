//! Reading the workflow's own files for the library (`riskscreen_translations`),
//! which takes their text and does no IO: records, the review status and the
//! Fluent files. Errors are the messages the commands print, each naming its file.

use std::path::Path;

use riskscreen_translations::fluent::{self, FluentStatus};
use riskscreen_translations::languages;
use riskscreen_translations::record::{self, Record};
use riskscreen_translations::review::{self, Reviews};

/// The text of `path`; `Ok(None)` when there is no such file.
fn read_if_present(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// Reads the record at `path`; `Ok(None)` when there is none.
pub fn read_record(path: &Path) -> Result<Option<Record>, String> {
    let Some(text) = read_if_present(path)? else {
        return Ok(None);
    };
    record::parse(&text)
        .map(Some)
        .map_err(|e| format!("{}:{}: {}", path.display(), e.line, e.message))
}

/// Reads `<translations dir>/review-status.toml`; a missing file gives "unknown"
/// for every language, a malformed one an error naming it.
pub fn read_reviews(translations_dir: &Path) -> Result<Reviews, String> {
    let path = translations_dir.join(review::FILE_NAME);
    let Some(text) = read_if_present(&path)? else {
        return Ok(Reviews::default());
    };
    review::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads `<dir>/en.ftl` and every `<dir>/<lang>.ftl`, for `only` or for all languages.
pub fn fluent_status(dir: &Path, only: Option<&str>) -> Result<FluentStatus, String> {
    let source_path = dir.join(format!("{}.ftl", languages::FLUENT_SOURCE));
    let source_text = std::fs::read_to_string(&source_path)
        .map_err(|e| format!("{}: cannot read the UI source: {e}", source_path.display()))?;
    let stems: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let p = e.path();
            (p.extension().is_some_and(|x| x == "ftl"))
                .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .flatten()
        })
        .collect();
    fluent::status(dir, &source_text, stems, only, read_if_present)
}
