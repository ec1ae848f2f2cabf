//! The widget's UI strings of every language but English as files,
//! `www/ui/<lang>.json`: the wasm carries English only, and the page's script
//! loads the person's language (`riskscreen::i18n::ui_file`, README
//! "Performance and size"). Written here because this binary has every UI
//! language built in, compiled from the same `.ftl` files as the wasm's.

use std::fs;
use std::path::Path;

use riskscreen::i18n::{ui_file, Locales, FALLBACK_UI};

use crate::Error;

/// The directory under `www/` the files go to (`www/options.js` loads from it).
pub const UI_DIR: &str = "ui";

/// Writes `www/ui/<lang>.json` for every UI language but English (built into
/// the wasm); returns the files written, relative to `www`.
pub fn write_ui_strings(www: &Path) -> Result<Vec<String>, Error> {
    let dir = www.join(UI_DIR);
    fs::create_dir_all(&dir).map_err(|source| Error::Io {
        path: dir.clone(),
        source,
    })?;
    let mut written = Vec::new();
    for bundle in Locales::new().bundles() {
        if bundle.lang() == FALLBACK_UI {
            continue;
        }
        let file = format!("{UI_DIR}/{}.json", bundle.lang());
        let path = www.join(&file);
        fs::write(&path, ui_file::to_json(&bundle)).map_err(|source| Error::Io { path, source })?;
        written.push(file);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One file per UI language but English, each read back by the widget's
    /// reader as its language.
    #[test]
    fn every_language_but_english_gets_a_file() {
        let www = std::env::temp_dir().join(format!("rs-ui-strings-{}", std::process::id()));
        let files = write_ui_strings(&www).unwrap();
        let mut langs: Vec<&str> = riskscreen::i18n::LANGUAGES.to_vec();
        langs.retain(|l| *l != FALLBACK_UI);
        assert_eq!(files.len(), langs.len());
        for lang in langs {
            let text = fs::read_to_string(www.join(format!("ui/{lang}.json"))).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            let bundle = ui_file::read(&value, lang).unwrap();
            assert_eq!(bundle.lang(), lang);
            assert!(!bundle.messages().is_empty());
        }
        fs::remove_dir_all(&www).unwrap();
    }
}
