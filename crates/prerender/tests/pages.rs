//! The real template, prerendered with the shipped self-check questionnaire and
//! helpline directory (compiled here from their TOML, as `riskscreen compile`
//! does): one page per language, each with what a person needs before and
//! without any script, in its own language, and nothing inline to run.

mod support;

use riskscreen_core::lang::SHIPPED;
use riskscreen_prerender::{prerender, Page, PublicUrl, DEFAULT_PAGE, REDIRECT_SCRIPT};
use support::{template, ui_source};

fn pages() -> Vec<Page> {
    pages_at(None)
}

fn pages_at(public_url: Option<&PublicUrl>) -> Vec<Page> {
    let www = support::www(if public_url.is_some() {
        "pages-public"
    } else {
        "pages"
    });
    let pages = prerender(&template(), &www, public_url).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&www);
    pages
}

/// Told where the pages will be served, every `hreflang` link is that absolute
/// address (search engines ignore relative ones); the links a person follows
/// stay relative, and nothing else of the page changes.
#[test]
fn a_public_url_makes_the_alternates_absolute() {
    let url = PublicUrl::parse("https://help.example.org/check").expect("a public URL");
    assert_eq!(url.as_str(), "https://help.example.org/check/");
    let relative = pages();
    for (page, plain) in pages_at(Some(&url)).iter().zip(&relative) {
        for lang in SHIPPED {
            let link = format!(
                "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"https://help.example.org/check/index.{lang}.html\">"
            );
            assert!(page.html.contains(&link), "{}: no {link}", page.file);
            assert!(
                page.html
                    .contains(&format!("href=\"index.{lang}.html\" hreflang=\"{lang}\"")),
                "{}: the language links stay relative",
                page.file
            );
        }
        assert!(page.html.contains(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://help.example.org/check/index.html\">"
        ));
        let strip = |html: &str| {
            html.lines()
                .filter(|l| !l.contains("rel=\"alternate\""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(strip(&page.html), strip(&plain.html), "{}", page.file);
    }
}

#[test]
fn a_public_url_must_be_an_absolute_web_address() {
    for bad in [
        "help.example.org/check/",
        "ftp://help.example.org/",
        "https:///check/",
        "https://user:secret@help.example.org/",
        "https://help.example.org/check/?utm=1",
        "https://help.example.org/#top",
        "https://help.example.org/\"><script>",
        "https://help.example.org/a b/",
        "javascript:alert(1)",
    ] {
        assert!(PublicUrl::parse(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(
        PublicUrl::parse("http://127.0.0.1:8080/")
            .map(|u| u.of("index.uk.html"))
            .ok(),
        Some("http://127.0.0.1:8080/index.uk.html".to_owned())
    );
}

/// The value of a simple message of `src/i18n/<lang>.ftl`, HTML-escaped as the
/// renderer writes text.
fn ui(lang: &str, id: &str) -> String {
    let value = ui_source(lang, id);
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn one_page_per_language_and_the_default_page() {
    let pages = pages();
    let files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
    for lang in SHIPPED {
        assert!(
            files.contains(&format!("index.{lang}.html").as_str()),
            "{files:?}"
        );
    }
    assert_eq!(files.len(), SHIPPED.len() + 1, "{files:?}");
    let default = pages.iter().find(|p| p.file == DEFAULT_PAGE).unwrap();
    let english = pages.iter().find(|p| p.file == "index.en.html").unwrap();
    let redirect = format!("<script src=\"{REDIRECT_SCRIPT}\"></script>");
    assert!(default.html.contains(&redirect));
    assert!(
        !english.html.contains(&redirect),
        "a page chosen by hand is never left"
    );
    assert_eq!(default.html.replacen(&redirect, "", 1), english.html);
}

#[test]
fn every_page_has_a_way_out_in_its_language() {
    for page in pages() {
        let lang = page.lang.as_str();
        let html = &page.html;
        let has = |needle: &str| assert!(html.contains(needle), "{}: no `{needle}`", page.file);
        has(&format!("<html lang=\"{lang}\" dir=\"ltr\">"));
        has(&format!("data-lang=\"{lang}\""));
        has("data-rs-boot=\"static\"");
        // The widget's start screen, in the page's language.
        has(&format!(
            "<div lang=\"{lang}\" dir=\"ltr\" data-screen=\"start\" class=\"rs-widget\">"
        ));
        has(&format!(
            "<a href=\"https://www.bbc.com/weather\" rel=\"noreferrer\" role=\"button\" class=\"rs-exit\">{}</a>",
            ui(lang, "exit-button")
        ));
        has("<a href=\"tel:112\" class=\"rs-help\">");
        has("data-action=\"start\"");
        // Every country's lines, a Polish national line among them.
        for country in [
            "UA", "MD", "PL", "RO", "SK", "HU", "CZ", "DE", "IT", "LT", "EU",
        ] {
            has(&format!(
                "<details data-country=\"{country}\" class=\"rs-country\">"
            ));
        }
        has("href=\"tel:+48226280120\"");
        has(&ui(lang, "helplines-heading"));
        // The failure notice, hidden, with both reasons.
        has("id=\"rs-boot-failed\"");
        has(&format!(
            "<p data-rs-reason=\"load\">{}</p>",
            ui(lang, "page-failed-text")
        ));
        has(&format!(
            "<p data-rs-reason=\"no-wasm\">{}</p>",
            ui(lang, "page-no-wasm-text")
        ));
        has(&format!("<title>{}</title>", ui(lang, "page-title")));
        // The tab icon from the page's own origin: no 404 for /favicon.ico.
        has("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">");
        // Links to every language's page, and the same as alternates.
        for other in SHIPPED {
            has(&format!(
                "<link rel=\"alternate\" hreflang=\"{other}\" href=\"index.{other}.html\">"
            ));
            has(&format!("hreflang=\"{other}\" lang=\"{other}\""));
        }
        has("<link rel=\"alternate\" hreflang=\"x-default\" href=\"index.html\">");
        // One language on the wire: the page preloads its language's file only,
        // names every language that has one, and offers each in the picker.
        has(&format!(
            "<link rel=\"preload\" href=\"q/self-check.{lang}.json\" as=\"fetch\""
        ));
        assert!(
            !html.contains("href=\"q/self-check.json\""),
            "{}: preloads the whole questionnaire",
            page.file
        );
        // The helpline directory too: the page's language's names only.
        has(&format!(
            "<link rel=\"preload\" href=\"q/helplines.{lang}.json\" as=\"fetch\""
        ));
        assert!(
            !html.contains("href=\"q/helplines.json\""),
            "{}: preloads the whole directory",
            page.file
        );
        has("data-questionnaire=\"q/self-check.json\"");
        has("data-languages=\"uk ru en pl ro de cs sk hu\"");
        for other in SHIPPED {
            has(&format!("<option lang=\"{other}\" value=\"{other}\""));
        }
        assert!(!html.contains("{{"), "{}: a placeholder is left", page.file);
    }
}

#[test]
fn nothing_inline_runs_or_styles() {
    for page in pages() {
        let html = &page.html;
        assert!(!html.contains("style="), "{}: a style attribute", page.file);
        assert!(!html.contains("<style"), "{}: a style element", page.file);
        for (at, _) in html.match_indices("<script") {
            let tag = &html[at..at + html[at..].find('>').unwrap()];
            assert!(
                tag.contains(" src=\""),
                "{}: an inline script: {tag}",
                page.file
            );
        }
        let handler = support::has_event_handler(html);
        assert!(!handler, "{}: an event handler attribute", page.file);
    }
}
