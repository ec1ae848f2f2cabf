//! What the widget loads: only the files it ships (never inline JSON or a URL
//! from the frame's URL), and never a helpline directory whose `tel` dials
//! another number than the one it shows (JS API and `<risk-screen>`).

use riskscreen_e2e::browser::{browser_test_within, strings};
use riskscreen_e2e::embed::{
    self, enter_embed, frame_host_server, query, serve_frame_with_recorder, API_HOST_JS,
    API_HOST_PATH, HTML, JS,
};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::plan;
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use super::{embedder_check, LIMIT};
use crate::plan_named;

/// What the forged directory dials instead of the number it shows.
const FORGED_TEL: &str = "+48800666666";
/// The forged number's digits: found in no form anywhere.
const FORGED_DIGITS: &str = "48800666666";
/// A line of the widget's own directory for PL (shown as "+48 22 628 01 20").
const PL_LINE: &str = "tel:+48226280120";

/// The widget's own directory (`www/q/helplines.json`, the compiled widget
/// form) with its first PL line forged: it still shows the real number and
/// dials [`FORGED_TEL`].
fn forged_directory(b: &Browser) -> Json {
    let path = b.www.join("q/helplines.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut directory: Json = serde_json::from_str(&text).expect("www/q/helplines.json is JSON");
    let line = directory["helpline"]
        .as_array_mut()
        .expect("a helpline list")
        .iter_mut()
        .find(|h| h["tel"] == json!("+48226280120"))
        .expect("the widget's directory has the PL line +48226280120");
    assert_eq!(line["number"], json!("+48 22 628 01 20"));
    line["tel"] = json!(FORGED_TEL);
    directory
}

/// What the start-failure panel must show.
struct Panel<'a> {
    /// The panel's `lang`.
    lang: &'a str,
    /// Whether the widget's own PL line ([`PL_LINE`]) is among its numbers.
    pl_line: bool,
    /// A text `pre.rs-boot-detail` must contain.
    detail: &'a str,
}

/// Checks the start-failure panel in `w` (a document or a shadow root): the
/// quick exit, 112, the lines expected, the language, the detail for the site
/// owner, and [`FORGED_DIGITS`] nowhere in the markup. Returns the detail text.
async fn assert_panel(w: &Browser, want: &Panel<'_>, what: &str) -> String {
    w.wait_screen("fallback").await;
    let seen = w
        .js("const p = document.querySelector('.rs-widget.rs-fallback[data-screen=\"fallback\"]'); \
             const d = document.querySelector('pre.rs-boot-detail'); \
             return { panel: !!p, lang: p && p.getAttribute('lang'), \
               exit: p ? p.querySelectorAll('button.rs-exit').length : 0, \
               tels: p ? Array.from(p.querySelectorAll('a[href^=\"tel:\"]'), a => a.getAttribute('href')) : [], \
               detail: d ? d.textContent : null, detailInPanel: !!(p && d && p.contains(d)), \
               widgets: document.querySelectorAll('.rs-widget').length, \
               markup: document.documentElement ? document.documentElement.outerHTML : document.innerHTML };")
        .await;
    let tels = strings(&seen["tels"]);
    let detail = seen["detail"].as_str().unwrap_or_default().to_owned();
    println!(
        "{what}: panel lang {} tels {tels:?}\n  detail: {detail}",
        seen["lang"]
    );
    assert_eq!(seen["panel"], json!(true), "{what}: no fallback panel");
    assert_eq!(
        seen["widgets"],
        json!(1),
        "{what}: the panel and something else: {seen}"
    );
    assert_eq!(
        seen["lang"],
        json!(want.lang),
        "{what}: the panel's language"
    );
    assert_eq!(seen["exit"], json!(1), "{what}: the panel's quick exit");
    assert_eq!(
        tels.first().map(String::as_str),
        Some("tel:112"),
        "{what}: 112 first: {tels:?}"
    );
    assert_eq!(
        tels.iter().any(|t| t == PL_LINE),
        want.pl_line,
        "{what}: the widget's own PL line {PL_LINE} (expected: {}) in {tels:?}",
        want.pl_line
    );
    assert!(
        seen["detailInPanel"] == json!(true) && detail.contains(want.detail),
        "{what}: pre.rs-boot-detail in the panel must name {:?}: {detail:?}",
        want.detail
    );
    let markup = seen["markup"].as_str().unwrap_or_default();
    assert!(
        !markup.contains(FORGED_DIGITS),
        "{what}: the forged number {FORGED_TEL} is in the DOM:\n{markup}"
    );
    detail
}

#[test]
fn frame_url_names_only_files_the_widget_ships() {
    browser_test_within(
        "hardening-frame-url-files",
        PageOptions {
            country: "PL".to_owned(),
            ..PageOptions::self_check()
        },
        LIMIT,
        |b| async move {
            let forged = forged_directory(&b).to_string();
            let inline_questionnaire = r#"{"languages":["en"],"default_language":"en"}"#;
            serve_frame_with_recorder(&b);
            // (parameter, value, lang parameter, the panel's language)
            let cases: [(&str, &str, Option<&str>, &str); 7] = [
                ("helplines-add", &forged, Some("pl"), "pl"),
                ("helplines", &forged, Some("uk"), "uk"),
                ("questionnaire", inline_questionnaire, None, "en"),
                ("helplines", "https://evil.example/h.json", Some("de"), "de"),
                ("helplines-add", "https://evil.example/h.json", None, "en"),
                ("helplines-add", "/q/helplines.json", Some("ru"), "ru"),
                ("questionnaire", "q/self-check.json", Some("cs"), "cs"),
            ];
            for (name, value, lang, panel_lang) in cases {
                let what = format!(
                    "frame.html?{name}={}",
                    value.chars().take(40).collect::<String>()
                );
                let mut pairs = vec![(name, value), ("country", "PL")];
                if let Some(lang) = lang {
                    pairs.push(("lang", lang));
                }
                let mark = b.server.mark();
                b.client
                    .goto(&b.server.url(&format!("/frame.html?{}", query(&pairs))))
                    .await
                    .expect("loading frame.html");
                b.wait_until(
                    "the widget or a panel",
                    "return !!document.querySelector('#app .rs-widget');",
                )
                .await;
                assert_eq!(
                    b.count("#app > .rs-widget.rs-fallback").await,
                    1,
                    "{what}: #app must show the start-failure panel"
                );
                assert_panel(
                    &b,
                    &Panel {
                        lang: panel_lang,
                        pl_line: true,
                        detail: &format!("\"{name}\""),
                    },
                    &what,
                )
                .await;
                let errors = b.page_errors().await;
                assert!(
                    errors.iter().any(|e| {
                        e.starts_with("console.error: riskscreen did not start")
                            && e.contains(&format!("\"{name}\""))
                    }),
                    "{what}: no console.error naming the refused parameter: {errors:#?}"
                );
                // Refused before anything was fetched from what the URL named: of the
                // widget's data files only its own directory (for the panel) was
                // loaded, and the panel's UI strings when not English (a file the
                // wasm names from its own list of UI languages).
                let fetched: Vec<String> = b
                    .server
                    .requests_since(mark)
                    .into_iter()
                    .map(|r| r.target)
                    .filter(|t| {
                        let path = t.split('?').next().unwrap_or_default();
                        path.starts_with("/q/") || path.contains("evil") || path.ends_with(".json")
                    })
                    .collect();
                let mut expected = vec!["/q/helplines.json".to_owned()];
                if panel_lang != "en" {
                    expected.push(format!("/ui/{panel_lang}.json"));
                }
                assert_eq!(
                    fetched, expected,
                    "{what}: data files fetched for a refused frame URL"
                );
                let check = embedder_check(&b).await;
                println!("{what}: data-rs-embedder-check = {check:?}");
                assert_eq!(check.as_deref(), Some("top-level"), "{what}");
            }

            // Through embed.js: data-helplines-add with a forged directory.
            let host = frame_host_server(&b);
            host.put(
                "/forged.html",
                HTML,
                embed::frame_host(
                    &b.server.origin(),
                    &[
                        ("helplines-add", &forged),
                        ("country", "PL"),
                        ("lang", "uk"),
                        ("exit-url", &host.url(NEUTRAL_PATH)),
                    ],
                ),
            );
            enter_embed(&b, &host.url("/forged.html")).await;
            let what = "embed.js data-helplines-add={forged}";
            assert_panel(
                &b,
                &Panel {
                    lang: "uk",
                    pl_line: true,
                    detail: "\"helplines-add\"",
                },
                what,
            )
            .await;
            assert!(
                b.page_errors()
                    .await
                    .iter()
                    .any(|e| e.starts_with("console.error: riskscreen did not start")),
                "{what}: no console.error in the frame"
            );
            let check = embedder_check(&b).await;
            println!("{what}: data-rs-embedder-check = {check:?}");
            assert_eq!(check.as_deref(), Some("ancestorOrigins"), "{what}");
            b.client
                .enter_parent_frame()
                .await
                .expect("back to the host");
            b.assert_no_page_errors().await;

            // The self-check page reads nothing from its URL: a forged directory (or
            // any other option) there changes nothing, to the result's helplines.
            let what = "index.html?helplines-add={forged}";
            let url = format!(
                "{}?{}",
                b.page_url(),
                query(&[
                    ("helplines-add", &forged),
                    ("helplines", &forged),
                    ("questionnaire", inline_questionnaire),
                    ("test-panic", "true"),
                ])
            );
            b.client
                .goto(&url)
                .await
                .expect("loading the self-check page");
            b.wait_screen("start").await;
            let plan = plan_named(&b, "self-check", &plan::calm);
            b.run_by_clicks(&plan).await;
            let tels = b.hrefs(".rs-widget a[href^=\"tel:\"]").await;
            println!("{what}: result tels {tels:?}");
            assert!(
                tels.iter().any(|t| t == PL_LINE),
                "{what}: {PL_LINE} missing: {tels:?}"
            );
            let markup = b.js("return document.documentElement.outerHTML;").await;
            assert!(
                !markup.as_str().unwrap_or_default().contains(FORGED_DIGITS),
                "{what}: the forged number is on the page"
            );
            b.assert_no_page_errors().await;
        },
    );
}

/// A forged directory given to the JS API or the element, and what must show.
struct ForgedCase<'a> {
    /// `api` or `element`.
    entry: &'a str,
    /// The option (JS name) or attribute.
    option: &'a str,
    /// The forged directory: an object, or its JSON text.
    value: Json,
    /// The `lang` option, if any.
    lang: Option<&'a str>,
    /// The panel expected.
    panel: Panel<'a>,
}

#[test]
fn api_and_element_refuse_a_directory_that_dials_another_number() {
    browser_test_within(
        "hardening-forged-directory",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            b.server.put(API_HOST_PATH, JS, API_HOST_JS);
            let forged = forged_directory(&b);
            let case = |entry, option, text, lang, panel_lang, pl_line| ForgedCase {
                entry,
                option,
                value: if text {
                    json!(forged.to_string())
                } else {
                    forged.clone()
                },
                lang,
                panel: Panel {
                    lang: panel_lang,
                    pl_line,
                    detail: "number-mismatch",
                },
            };
            let cases = [
                case("api", "helplinesAdd", false, Some("pl"), "pl", true),
                case("api", "helplinesAdd", true, None, "en", true),
                case("element", "helplines-add", true, Some("uk"), "uk", true),
                // The forged directory as *the* directory: nothing valid is left but 112.
                case("api", "helplines", false, Some("de"), "de", false),
                case("api", "helplines", true, None, "en", false),
                case("element", "helplines", true, Some("ro"), "ro", false),
            ];
            for (i, c) in cases.into_iter().enumerate() {
                let ForgedCase {
                    entry: mode,
                    option,
                    value,
                    lang,
                    ..
                } = c;
                let what = format!(
                    "{mode} {option} = forged {}",
                    if value.is_string() {
                        "JSON text"
                    } else {
                        "object"
                    }
                );
                let page = format!("/forged-{i}.html");
                let html = if mode == "element" {
                    let value = value.as_str().expect("an attribute is text");
                    let mut attrs = vec![
                        ("questionnaire", "self-check"),
                        ("country", "PL"),
                        (option, value),
                    ];
                    if let Some(lang) = lang {
                        attrs.push(("lang", lang));
                    }
                    embed::element_host(&[&attrs], false)
                } else {
                    let mut options = json!({ "questionnaire": "self-check", "country": "PL" });
                    options[option] = value;
                    if let Some(lang) = lang {
                        options["lang"] = json!(lang);
                    }
                    embed::api_host(&options.to_string())
                };
                b.server.put(&page, HTML, html);
                b.client.goto(&b.server.url(&page)).await.expect("loading");
                let w = b.scoped(Some("#a"));
                assert_panel(&w, &c.panel, &what).await;
                let errors = b.page_errors().await;
                let wanted = if mode == "api" {
                    "mount failed: "
                } else {
                    "console.error: riskscreen failed to start:"
                };
                assert!(
                    errors
                        .iter()
                        .any(|e| e.starts_with(wanted) && e.contains("number-mismatch")),
                    "{what}: mount() must reject with number-mismatch ({wanted:?}): {errors:#?}"
                );
                assert_eq!(
                    b.count("a[href*=\"48800666666\"]").await
                        + w.count("a[href*=\"48800666666\"]").await,
                    0,
                    "{what}: a link to the forged number"
                );
                assert!(
                    b.csp_violations().await.is_empty(),
                    "{what}: CSP violations"
                );
            }
        },
    );
}
