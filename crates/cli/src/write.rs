//! Writing an output file whole or not at all.
//!
//! Every file the CLI writes (compiled JSON, checklists, translations, PO
//! records) goes through [`atomically`]: the text goes to a temporary file beside
//! the target, which is then renamed over it, so a reader (the widget's server,
//! an editor, a second run) never sees half a file, and a failed write leaves the
//! old file as it was.

use std::fs;
use std::path::Path;

use anyhow::Context;

/// Writes `text` to `path`, creating its directory if needed; whole or not at all.
pub fn atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // A hidden name in the same directory: the rename stays on one file system.
    let temporary = path.with_file_name(format!(".{name}.riskscreen-tmp"));
    let written = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written.with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_whole_files_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("riskscreen-write-{}", std::process::id()));
        let path = dir.join("sub").join("out.json");
        super::atomically(&path, "one").unwrap();
        super::atomically(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
