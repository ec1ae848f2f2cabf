//! The embeds' fallback files, made from the real template with the shipped
//! self-check questionnaire and helpline directory (compiled here from their
//! TOML, as `riskscreen compile` does): one fragment of every country's
//! helplines per UI language, and the module of the box's strings, each string
//! exactly the widget's own.

use std::path::{Path, PathBuf};

use riskscreen_prerender::fallback::{fragment_file, TEXTS};
use riskscreen_prerender::{fallback, FallbackFiles, Template};

/// The nine UI languages.
const LANGUAGES: [&str; 9] = ["en", "uk", "ru", "pl", "de", "cs", "sk", "ro", "hu"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `fallback()` on a `www/` of its own with the compiled self-check, the
/// directory and two checklists.
fn files() -> FallbackFiles {
    // One directory per call: the tests run in parallel, and each removes its own.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "riskscreen-prerender-fallback-{}-{call}",
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
    let (directory, _) = riskscreen_core::load_helplines_toml(&read("helplines.toml"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    std::fs::write(
        dir.join("q/self-check.json"),
        serde_json::to_string(&questionnaire).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("q/helplines.json"),
        serde_json::to_string(&directory.for_widget()).unwrap(),
    )
    .unwrap();
    for checklist in ["self-check.uk.html", "self-check.en.html", "checklist.css"] {
        std::fs::write(dir.join("checklist").join(checklist), "").unwrap();
    }
    let template =
        Template::parse(&std::fs::read_to_string(repo().join("pages/index.html")).unwrap())
            .unwrap();
    let files = fallback(&template, &dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    files
}

/// The value of a simple message of `src/i18n/<lang>.ftl`.
fn ui(lang: &str, id: &str) -> String {
    let source = std::fs::read_to_string(repo().join(format!("src/i18n/{lang}.ftl"))).unwrap();
    source
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{lang}.ftl has no {id}"))
        .to_owned()
}

#[test]
fn one_fragment_per_ui_language_with_every_countrys_lines() {
    let files = files();
    let mut langs: Vec<&str> = files.fragments.iter().map(|f| f.lang.as_str()).collect();
    langs.sort_unstable();
    let mut wanted = LANGUAGES;
    wanted.sort_unstable();
    assert_eq!(langs, wanted);
    for fragment in &files.fragments {
        let lang = fragment.lang.as_str();
        let html = &fragment.html;
        assert_eq!(fragment.file, fragment_file(lang));
        let has = |needle: &str| assert!(html.contains(needle), "{}: no `{needle}`", fragment.file);
        // One element, marked with its language, that fallback.js checks.
        assert!(
            html.starts_with(&format!(
                "<div data-rs-fragment=\"{lang}\" lang=\"{lang}\" dir=\"ltr\" class=\"rs-fallback-help\">"
            )),
            "{}: {}",
            fragment.file,
            &html[..80]
        );
        assert_eq!(
            html.trim_end().matches("</div>").count(),
            1,
            "{}",
            fragment.file
        );
        has(&format!("<h2>{}</h2>", ui(lang, "helplines-heading")));
        for country in [
            "UA", "MD", "PL", "RO", "SK", "HU", "CZ", "DE", "IT", "LT", "EU",
        ] {
            // Closed: fallback.js opens the configured country.
            has(&format!(
                "<details data-country=\"{country}\" class=\"rs-country\">"
            ));
        }
        has("href=\"tel:112\"");
        has("href=\"tel:+48226280120\"");
        // Unverified numbers marked as the widget marks them.
        has(&format!(
            "<span class=\"rs-check\">{}</span>",
            ui(lang, "helpline-check")
        ));
        // Nothing but what fallback.js accepts: no landmark (the box is inside
        // the host's <main>), no script, no style, no link but tel:.
        for refused in ["<aside", "<script", "<style", "style=", "<img"] {
            assert!(!html.contains(refused), "{}: `{refused}`", fragment.file);
        }
        let handler = html.match_indices(" on").any(|(at, _)| {
            let rest = &html[at + 3..];
            let name = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_lowercase())
                    .len();
            name > 0 && rest[name..].starts_with("=\"")
        });
        assert!(!handler, "{}: an event handler attribute", fragment.file);
        for (at, _) in html.match_indices("href=\"") {
            assert!(
                html[at + 6..].starts_with("tel:"),
                "{}: a link that is not tel: at {at}",
                fragment.file
            );
        }
    }
}

#[test]
fn the_module_has_the_widgets_strings_in_every_language() {
    let module = files().module;
    assert!(module.starts_with("// Generated by `cargo xtask build`"));
    assert!(module.contains("export const DEFAULT = \"en\";"));
    for lang in LANGUAGES {
        assert!(
            module.contains(&format!("  \"{lang}\": {{\n    dir: \"ltr\",\n")),
            "{lang}"
        );
        for (name, id) in TEXTS {
            let value = ui(lang, id).replace('\\', "\\\\").replace('"', "\\\"");
            assert!(
                module.contains(&format!("    {name}: \"{value}\",\n")),
                "{lang}: {name} is not {id}: {value}"
            );
        }
    }
    // Only the checklists that exist, with their languages.
    assert!(
        module.contains("export const CHECKLISTS = {\n  \"self-check\": [\"en\", \"uk\"],\n};\n"),
        "{module}"
    );
}
