//! The embeds' fallback: what `www/fallback.js` shows when the frame embed, the
//! custom element or the JS API cannot start (no WebAssembly, a file that does
//! not load or stalls), in the person's language. The self-check page has its
//! own, prerendered into it ([`crate::page`]); the embeds have no page of their
//! own to prerender, so the same text and the same components are written as two
//! kinds of file instead, from the widget's own strings (`src/i18n/<lang>.ftl`)
//! and directory, never copied by hand:
//!
//! - [`TEXT_MODULE`], `www/fallback-text.js`: a small module that `fallback.js`
//!   imports statically, so it is there whenever an embed's script runs. Per UI
//!   language the few strings the box needs when nothing more can be fetched
//!   ([`TEXTS`]: the quick exit's label, the heading, the two reasons, the name
//!   of 112, the printable checklist's link) and the text direction; and the
//!   printable checklists the build wrote (`checklist/<name>.<lang>.html`), so
//!   the box links one only when it exists.
//! - [`fragment_file`], `www/fallback/<lang>.html`: every country's helplines in
//!   that language ([`crate::page::FallbackParts`], the page's directory:
//!   the widget's `helpline_lines`, unverified numbers marked as the widget
//!   marks them). `fallback.js` fetches it from the widget's own origin, by a
//!   name it makes from this list of languages only, after the box is on
//!   screen, and adds it below 112.
//!
//! Why two files and not one: the strings are a few hundred bytes per language
//! (3.3 KiB brotli for nine) and must be there at once, also when the network is
//! what failed; the directory is 16–24 KB per language (about 2 KiB brotli) and
//! only needed once something failed, so it is not in every embed's download. Why HTML and not the directory as data:
//! the markup comes from the widget's components, so the fallback cannot drift
//! from what the widget and the page show, and no helpline logic is written
//! twice in JavaScript.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::rc::Rc;

use riskscreen::config::{Options, SetupContext};
use riskscreen::i18n::{direction, msg, Locales, MessageId, FALLBACK_UI};
use yew::{AttrValue, LocalServerRenderer};

use crate::page::{FallbackParts, FallbackPartsProps};
use crate::{page_options, setup, Error, Page, Template};

/// The directory of the fragments, relative to `www/`.
pub const FRAGMENT_DIR: &str = "fallback";

/// The generated module of strings, relative to `www/`.
pub const TEXT_MODULE: &str = "fallback-text.js";

/// The directory of the printable checklists, relative to `www/` (`cargo xtask
/// build` writes them before it prerenders).
pub const CHECKLIST_DIR: &str = "checklist";

/// The strings of the fallback box: its name in [`TEXT_MODULE`], and the UI
/// string it is.
pub const TEXTS: &[(&str, MessageId)] = &[
    ("exit", msg::EXIT_BUTTON),
    ("heading", msg::PAGE_FAILED_HEADING),
    ("load", msg::PAGE_FAILED_TEXT),
    ("noWasm", msg::PAGE_NO_WASM_TEXT),
    ("emergency", msg::EMERGENCY_NAME),
    ("checklist", msg::PAGE_CHECKLIST_LINK),
];

/// The fragment in `lang`, relative to `www/`.
pub fn fragment_file(lang: &str) -> String {
    format!("{FRAGMENT_DIR}/{lang}.html")
}

/// The embeds' fallback files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FallbackFiles {
    /// One fragment per UI language ([`fragment_file`]).
    pub fragments: Vec<Page>,
    /// The text of [`TEXT_MODULE`].
    pub module: String,
}

/// The fallback files for the directory `template`'s page names, read from
/// `www` (with the questionnaire, which the widget's setup needs, and the
/// checklists found in `www/checklist/`).
pub fn fallback(template: &Template, www: &Path) -> Result<FallbackFiles, Error> {
    let options = Options {
        country: None,
        ..page_options(template, www)?
    };
    let setup = SetupContext(Rc::new(setup(&options, None)?));
    let runtime = crate::runtime()?;
    let locales = Locales::new();
    let mut fragments = Vec::new();
    for bundle in locales.bundles() {
        let lang = bundle.lang().to_owned();
        let html = runtime.block_on(
            LocalServerRenderer::<FallbackParts>::with_props(FallbackPartsProps {
                setup: setup.clone(),
                lang: AttrValue::from(lang.clone()),
            })
            .hydratable(false)
            .render(),
        );
        fragments.push(Page {
            file: fragment_file(&lang),
            lang,
            html: format!("{html}\n"),
        });
    }
    Ok(FallbackFiles {
        fragments,
        module: module(&locales, &checklists(&www.join(CHECKLIST_DIR))?),
    })
}

/// Writes `files` into `www`: `www/fallback/` anew (nothing stale stays), and
/// [`TEXT_MODULE`].
pub fn write_fallback(files: &FallbackFiles, www: &Path) -> Result<(), Error> {
    let dir = www.join(FRAGMENT_DIR);
    match fs::remove_dir_all(&dir) {
        Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
            return Err(Error::Io { path: dir, source })
        }
        _ => {}
    }
    fs::create_dir_all(&dir).map_err(|source| Error::Io {
        path: dir.clone(),
        source,
    })?;
    crate::write(&files.fragments, www)?;
    let path = www.join(TEXT_MODULE);
    fs::write(&path, &files.module).map_err(|source| Error::Io { path, source })
}

/// The printable checklists in `dir` (`<name>.<lang>.html`), by questionnaire
/// name; none when `dir` does not exist.
pub fn checklists(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, Error> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    for entry in entries {
        let name = entry
            .map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .file_name();
        let Some((stem, lang)) = name
            .to_str()
            .and_then(|n| n.strip_suffix(".html"))
            .and_then(|n| n.rsplit_once('.'))
        else {
            continue;
        };
        found
            .entry(stem.to_owned())
            .or_default()
            .push(lang.to_owned());
    }
    for langs in found.values_mut() {
        langs.sort();
    }
    Ok(found)
}

/// The text of [`TEXT_MODULE`].
pub fn module(locales: &Locales, checklists: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::from(
        "// Generated by `cargo xtask build` (crates/prerender/src/fallback.rs) from the\n\
         // widget's UI strings, src/i18n/<lang>.ftl: do not edit. What www/fallback.js\n\
         // shows at once when an embed cannot start, in every UI language.\n\n\
         /** The language shown when none of the person's is here. */\n",
    );
    let _ = writeln!(out, "export const DEFAULT = {};\n", js_string(FALLBACK_UI));
    out.push_str(
        "/** Where the quick exit goes when no safe exit URL was given (src/config.rs). */\n",
    );
    let _ = writeln!(
        out,
        "export const DEFAULT_EXIT_URL = {};\n",
        js_string(riskscreen::config::DEFAULT_EXIT_URL)
    );
    out.push_str("/** Per UI language: the text direction and the box's strings. */\n");
    out.push_str("export const TEXTS = {\n");
    for bundle in locales.bundles() {
        let lang = bundle.lang();
        let _ = writeln!(out, "  {}: {{", js_string(lang));
        let _ = writeln!(out, "    dir: {},", js_string(direction(lang)));
        for (name, id) in TEXTS {
            let _ = writeln!(
                out,
                "    {name}: {},",
                js_string(&locales.format(lang, id.as_str(), &[]))
            );
        }
        out.push_str("  },\n");
    }
    out.push_str("};\n\n");
    out.push_str(
        "/** The printable checklists the build wrote, checklist/<name>.<lang>.html:\n \
         * the languages of each questionnaire name. */\n",
    );
    out.push_str("export const CHECKLISTS = {\n");
    for (name, langs) in checklists {
        let langs: Vec<String> = langs.iter().map(|l| js_string(l)).collect();
        let _ = writeln!(out, "  {}: [{}],", js_string(name), langs.join(", "));
    }
    out.push_str("};\n");
    out
}

/// `text` as a JavaScript string literal (double quotes; quotes, backslashes,
/// control characters and the two line separators escaped).
pub fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c < ' ' || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_javascript() {
        assert_eq!(js_string("plain"), "\"plain\"");
        assert_eq!(
            js_string("a \"b\" \\ c\nd\u{2028}\t"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u2028\\u0009\""
        );
        assert_eq!(js_string("Швидко вийти"), "\"Швидко вийти\"");
    }

    #[test]
    fn checklists_are_read_by_name_and_language() {
        let dir = std::env::temp_dir().join(format!(
            "riskscreen-prerender-checklists-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for file in [
            "self-check.uk.html",
            "self-check.en.html",
            "ngo-intake.pl.html",
            "checklist.css",
        ] {
            fs::write(dir.join(file), "").unwrap();
        }
        let found = checklists(&dir).unwrap();
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(
            found,
            BTreeMap::from([
                ("ngo-intake".to_owned(), vec!["pl".to_owned()]),
                (
                    "self-check".to_owned(),
                    vec!["en".to_owned(), "uk".to_owned()]
                ),
            ])
        );
        assert!(checklists(Path::new("/nonexistent/riskscreen"))
            .unwrap()
            .is_empty());
    }
}
