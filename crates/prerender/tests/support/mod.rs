//! What the prerenderer's tests share: a `www/` with the shipped self-check
//! and helpline directory compiled from their TOML (as `riskscreen compile`
//! does), the real page template, and the widget's own UI strings.

#![allow(dead_code)] // each test file uses its part

use std::path::{Path, PathBuf};

use riskscreen_prerender::Template;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A `www/` of its own (`tag` names it) with the compiled self-check (whole and
/// one file per language), the widget's directory, and empty checklists of the
/// self-check in English and Ukrainian. The caller removes it.
pub fn www(tag: &str) -> PathBuf {
    // One directory per call: the tests run in parallel, and each removes its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "riskscreen-prerender-{tag}-{}-{call}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("q")).unwrap();
    std::fs::create_dir_all(dir.join("checklist")).unwrap();
    let read =
        |name: &str| std::fs::read_to_string(repo().join("questionnaires").join(name)).unwrap();
    let (questionnaire, _) =
        riskscreen_core::load_toml("self-check.toml", &read("self-check.toml"))
            .into_result("self-check.toml")
            .unwrap_or_else(|e| panic!("{e}"));
    let (directory, _) =
        riskscreen_core::load_helplines_toml("helplines.toml", &read("helplines.toml"))
            .into_result("helplines.toml")
            .unwrap_or_else(|e| panic!("{e}"));
    let write = |file: &str, text: String| std::fs::write(dir.join(file), text).unwrap();
    write(
        "q/self-check.json",
        serde_json::to_string(&questionnaire).unwrap(),
    );
    // One file per language, as `riskscreen compile --lang` writes them.
    for lang in &questionnaire.languages {
        write(
            &format!("q/self-check.{lang}.json"),
            serde_json::to_string(&questionnaire.only_languages(&[lang]).without_notes()).unwrap(),
        );
    }
    write(
        "q/helplines.json",
        serde_json::to_string(&directory.for_widget()).unwrap(),
    );
    // And per language, as `riskscreen compile-helplines --lang` writes them.
    for lang in &directory.languages {
        write(
            &format!("q/helplines.{lang}.json"),
            serde_json::to_string(&directory.for_widget().only_languages(&[lang])).unwrap(),
        );
    }
    for checklist in ["self-check.uk.html", "self-check.en.html", "checklist.css"] {
        write(&format!("checklist/{checklist}"), String::new());
    }
    dir
}

/// The real page template, `pages/index.html`.
pub fn template() -> Template {
    Template::parse(&std::fs::read_to_string(repo().join("pages/index.html")).unwrap()).unwrap()
}

/// The value of a simple message of `src/i18n/<lang>.ftl`, as written there.
pub fn ui_source(lang: &str, id: &str) -> String {
    let source = std::fs::read_to_string(repo().join(format!("src/i18n/{lang}.ftl"))).unwrap();
    source
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{lang}.ftl has no {id}"))
        .to_owned()
}

/// Whether `html` has an event handler attribute (` onclick="…"`), which the
/// strict CSP would refuse to run and the pages must not need.
pub fn has_event_handler(html: &str) -> bool {
    html.match_indices(" on").any(|(at, _)| {
        let rest = &html[at + 3..];
        let name = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len();
        name > 0 && rest[name..].starts_with("=\"")
    })
}
