//! The hardening of issue #9, in the browser, each entry point at a time:
//!
//! | test | what it proves |
//! |------|----------------|
//! | [`frame_url_names_only_files_the_widget_ships`] | `frame.html` refuses inline JSON and URLs for `questionnaire`, `helplines`, `helplines-add` (top level and through `embed.js`): the start-failure panel with the widget's own lines, nothing fetched, the forged number nowhere; `index.html` reads nothing from its URL |
//! | [`api_and_element_refuse_a_directory_that_dials_another_number`] | a directory (object or JSON text) whose `tel` differs from its `number` refuses the mount: panel, `number-mismatch`, rejected `mount()`, the fake line nowhere |
//! | [`sharing_goes_only_to_the_page_that_really_embeds_the_frame`] | a declared `share-origin` counts only when it is the embedding page's origin, never top level; the share text names the receiving origin |
//! | [`frame_height_is_fixed_from_start_on`] | after Start the frame posts the same heights (one fixed height) whatever the answers |
//! | [`exit_url_with_control_characters_falls_back_to_the_default`] | `"/\t/evil.example"` never leads to evil.example (`embed.js`, `<risk-screen>`, JS API, frame URL) |
//! | [`quick_exit_sends_no_referrer`] | the exit page gets no `Referer` and an empty `document.referrer`, from a host that sets no referrer policy |
//! | [`embed_js_on_the_widgets_own_origin_drops_allow_same_origin`] | `embed.js` served from the host's origin leaves `allow-same-origin` out and says so |
//! | [`one_panic_hook_for_a_hundred_mounts`] | 100 mounts and destroys, then a panic: one "riskscreen: panicked" error, one root |
//! | [`debug_switches_never_come_from_a_url`] | `test-panic` / `testPanic` in a frame URL (or an `embed.js` attribute) change nothing |
//!
//! Every test prints what it saw (heights, the frame's `data-rs-embedder-check`,
//! the refusal text), so a run shows the behaviour and not only "ok".

use std::time::{Duration, Instant};

use riskscreen_e2e::browser::{browser_test_within, strings};
use riskscreen_e2e::embed::{
    self, assert_left, enter_embed, frame_host_server, open_frame, query,
    serve_frame_with_recorder, with_recorder, with_script, API_HOST_JS, API_HOST_PATH, HTML, JS,
    MESSAGES_PATH,
};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::plan::{self, Chooser, Plan};
use riskscreen_e2e::server::CSP;
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use crate::{plan_named, QUESTIONNAIRES};

/// Long enough for several complete runs.
const LIMIT: Duration = Duration::from_secs(600);

/// What the forged directory dials instead of the number it shows.
const FORGED_TEL: &str = "+48800666666";
/// The forged number's digits: found in no form anywhere.
const FORGED_DIGITS: &str = "48800666666";
/// A line of the widget's own directory for PL (shown as "+48 22 628 01 20").
const PL_LINE: &str = "tel:+48226280120";
/// The widget's default exit URL (`config::DEFAULT_EXIT_URL`, `embed.js`).
const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";
/// An exit URL with a real tab: URL parsers drop it, giving `//evil.example`.
const SNEAKY_EXIT_URL: &str = "/\t/evil.example";
/// An origin nobody embeds from.
const UNRELATED_ORIGIN: &str = "http://127.0.0.1:1";

/// Where the navigation recorder is served (see [`NAVIGATION_JS`]).
const NAVIGATION_PATH: &str = "/__test/navigation.js";

/// Test-only script: records every navigation the page starts (the Navigation
/// API's `navigate` event) in `window.__navigations` and cancels it, so a test
/// sees where the quick exit would go without the (closed) network.
const NAVIGATION_JS: &str = r#""use strict";
// Test-only (riskscreen-e2e): where this page tries to go; it stays here.
window.__navigations = [];
if (window.navigation) {
  navigation.addEventListener("navigate", function (e) {
    window.__navigations.push({ url: e.destination.url, cancelable: e.cancelable });
    if (e.cancelable) e.preventDefault();
  });
}
"#;

/// Where the remounting host module is served (see [`REMOUNT_JS`]).
const REMOUNT_PATH: &str = "/__test/remount.js";

/// Test-only module: mounts the widget in `#a` with the options of its
/// `data-mount` and destroys it, 100 times, then mounts it once more with
/// `testPanic`.
const REMOUNT_JS: &str = r#"// Test-only (riskscreen-e2e): a long session of mounts.
import { mount } from "/widget.js";
const element = document.getElementById("a");
const options = JSON.parse(element.getAttribute("data-mount"));
window.__remount = { mounted: 0, done: false };
(async () => {
  for (let i = 0; i < 100; i++) {
    const handle = await mount(element, options);
    window.__remount.mounted += 1;
    handle.destroy();
  }
  window.__handles = { a: await mount(element, { ...options, testPanic: true }) };
  window.__remount.done = true;
})().catch((error) => { window.__e2e.errors.push("remount failed: " + error); });
"#;

// ------------------------------------------------------------------- helpers

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

/// Waits up to `limit` for `script` (run in `b`'s scope) to return something truthy.
async fn wait_long(b: &Browser, what: &str, script: &str, limit: Duration) -> Json {
    let started = Instant::now();
    loop {
        let value = b.js(script).await;
        if riskscreen_e2e::browser::truthy(&value) {
            return value;
        }
        assert!(
            started.elapsed() < limit,
            "waited {limit:?} for {what}; page state: {}",
            b.describe().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The recorder's `console.warn` lines.
async fn warnings(b: &Browser) -> Vec<String> {
    strings(
        &b.js("return window.__e2e ? window.__e2e.warnings : null;")
            .await,
    )
}

/// `data-rs-embedder-check` of the frame's root element (in the frame's context).
async fn embedder_check(b: &Browser) -> Option<String> {
    b.js("return document.documentElement.getAttribute('data-rs-embedder-check');")
        .await
        .as_str()
        .map(str::to_owned)
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

/// The heights the host page received from the widget's origin, in order.
async fn heights(b: &Browser, widget_origin: &str) -> Vec<i64> {
    let v = b
        .js_args(
            "return window.__messages.filter(m => m.origin === arguments[0] && m.data && \
               m.data.type === 'riskscreen:height').map(m => m.data.height);",
            vec![json!(widget_origin)],
        )
        .await;
    v.as_array()
        .map(|a| a.iter().filter_map(Json::as_i64).collect())
        .unwrap_or_default()
}

/// The `riskscreen:complete` messages the host page received (any origin).
async fn shared_messages(b: &Browser) -> Json {
    b.js("return window.__messages.filter(m => m.data && m.data.type === 'riskscreen:complete');")
        .await
}

// ------------------------------------------------------------------- 1. frame URL

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

// ------------------------------------------------------------------- 2. JS API, element

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

// ------------------------------------------------------------------- 3. sharing

/// How a sharing case embeds the widget.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Embed {
    /// `embed.js` on the host server's page.
    Script,
    /// A hand-written `<iframe src=frame.html?…>` on the host server's page.
    Plain,
    /// `frame.html` opened on its own.
    TopLevel,
    /// The JS API on a page of the widget's server.
    Api,
}

/// An origin of a sharing case, resolved per run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Origin {
    /// The widget's own server.
    Widget,
    /// The host server (the page embedding the frame).
    Host,
    /// [`UNRELATED_ORIGIN`].
    Unrelated,
}

#[test]
fn sharing_goes_only_to_the_page_that_really_embeds_the_frame() {
    browser_test_within(
        "hardening-share-origin",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            b.server.put(API_HOST_PATH, JS, API_HOST_JS);
            let host = frame_host_server(&b);
            let widget = b.server.origin();
            let resolve = |o: Origin| match o {
                Origin::Widget => widget.clone(),
                Origin::Host => host.origin(),
                Origin::Unrelated => UNRELATED_ORIGIN.to_owned(),
            };
            // (embedding, declared share origin, questionnaire, shares with)
            let cases: [(Embed, Origin, &str, Option<Origin>); 8] = [
                (Embed::Script, Origin::Widget, "platform-offer", None),
                (Embed::Script, Origin::Unrelated, "platform-offer", None),
                (Embed::Plain, Origin::Widget, "platform-offer", None),
                (Embed::Plain, Origin::Unrelated, "platform-offer", None),
                (Embed::TopLevel, Origin::Widget, "ngo-intake", None),
                (
                    Embed::Script,
                    Origin::Host,
                    "ngo-intake",
                    Some(Origin::Host),
                ),
                (
                    Embed::Plain,
                    Origin::Host,
                    "platform-offer",
                    Some(Origin::Host),
                ),
                (
                    Embed::Api,
                    Origin::Widget,
                    "ngo-intake",
                    Some(Origin::Widget),
                ),
            ];
            for (i, (how, declared, name, shares)) in cases.into_iter().enumerate() {
                let declared = resolve(declared);
                let what = format!("{how:?} share-origin={declared} ({name})");
                let page = format!("/share-{i}.html");
                let frame_query = query(&[
                    ("questionnaire", name),
                    ("share-origin", &declared),
                    ("share-result", "true"),
                    ("embedder", &host.origin()),
                ]);
                let w = match how {
                    Embed::Script | Embed::Plain => {
                        let html = if how == Embed::Script {
                            embed::frame_host(
                                &widget,
                                &[("questionnaire", name), ("share-origin", &declared)],
                            )
                        } else {
                            embed::plain_frame_host(
                                &b.server.url(&format!("/frame.html?{frame_query}")),
                            )
                        };
                        host.put(&page, HTML, with_script(&html, MESSAGES_PATH));
                        open_frame(&b, &host.url(&page)).await;
                        b.clone()
                    }
                    Embed::TopLevel => {
                        b.client
                            .goto(&b.server.url(&format!("/frame.html?{frame_query}")))
                            .await
                            .expect("loading frame.html");
                        b.wait_screen("start").await;
                        b.clone()
                    }
                    Embed::Api => {
                        b.server.put(
                            &page,
                            HTML,
                            embed::api_host(
                                &json!({ "questionnaire": name, "shareResult": true }).to_string(),
                            ),
                        );
                        b.client.goto(&b.server.url(&page)).await.expect("loading");
                        let w = b.scoped(Some("#a"));
                        w.wait_screen("start").await;
                        w
                    }
                };
                if how != Embed::Api {
                    let check = embedder_check(&b).await;
                    println!("{what}: data-rs-embedder-check = {check:?}");
                    let expected = if how == Embed::TopLevel {
                        "top-level"
                    } else {
                        "ancestorOrigins"
                    };
                    assert_eq!(
                        check.as_deref(),
                        Some(expected),
                        "{what}: the embedder check"
                    );
                }
                let plan = plan_named(&b, name, &plan::calm);
                w.run_by_clicks(&plan).await;
                match shares {
                    None => {
                        assert_eq!(
                            w.count("[data-action=\"share\"], .rs-share").await,
                            0,
                            "{what}: sharing offered to an origin that is not the embedder's"
                        );
                        let warned = warnings(&w).await;
                        assert!(
                            warned.iter().any(|x| x.contains("share-origin") && x.contains("sharing is off")),
                            "{what}: frame.js must say why sharing is off: {warned:#?}"
                        );
                        w.assert_no_page_errors().await;
                    }
                    Some(receiver) => {
                        let receiver = resolve(receiver);
                        let text = w.text_of(".rs-share").await.unwrap_or_default();
                        println!("{what}: share text: {text}");
                        assert!(
                            text.contains(&receiver),
                            "{what}: the share section must name {receiver}: {text:?}"
                        );
                        w.action("share").await;
                        w.wait_until(
                            "the shared notice",
                            "return !!document.querySelector('.rs-share-status').textContent.trim();",
                        )
                        .await;
                        let done = w.text_of(".rs-share-status").await.unwrap_or_default();
                        assert!(
                            done.contains(&receiver),
                            "{what}: the notice names {receiver}: {done:?}"
                        );
                    }
                }
                if matches!(how, Embed::Script | Embed::Plain) {
                    b.client
                        .enter_parent_frame()
                        .await
                        .expect("back to the host");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    let messages = shared_messages(&b).await;
                    let events = b.js("return window.__e2e.shared.length;").await;
                    match shares {
                        None => {
                            assert_eq!(messages, json!([]), "{what}: a result reached the host");
                            assert_eq!(events, json!(0), "{what}: a result event at the host");
                        }
                        Some(_) => {
                            let got = messages.as_array().map_or(0, Vec::len);
                            assert_eq!(got, 1, "{what}: the host received {messages}");
                            assert_eq!(messages[0]["origin"], json!(widget), "{what}");
                            // embed.js re-dispatches it on the iframe; a plain iframe has nobody to.
                            let wanted = if how == Embed::Script { 1 } else { 0 };
                            assert_eq!(events, json!(wanted), "{what}: riskscreen:complete events");
                        }
                    }
                    b.assert_no_page_errors().await;
                } else if how == Embed::Api {
                    assert_eq!(
                        b.js("return window.__e2e.shared.length;").await,
                        json!(1),
                        "{what}: the riskscreen:complete event"
                    );
                }
            }
        },
    );
}

// ------------------------------------------------------------------- 4. heights

#[test]
fn frame_height_is_fixed_from_start_on() {
    browser_test_within(
        "hardening-heights",
        PageOptions::self_check(),
        Duration::from_secs(900),
        |b| async move {
            let host = frame_host_server(&b);
            let widget = b.server.origin();
            // Two runs as different as can be: every gate open (the most questions,
            // danger signs included) and every answer "no" or "none".
            let paths: [(&str, &Chooser<'_>); 2] = [
                ("most questions", &plan::most_questions),
                ("calm", &plan::calm),
            ];
            for name in QUESTIONNAIRES {
                let page = format!("/heights-{name}.html");
                host.put(
                    &page,
                    HTML,
                    with_script(
                        &embed::frame_host(
                            &widget,
                            &[
                                ("questionnaire", name),
                                ("exit-url", &host.url(NEUTRAL_PATH)),
                            ],
                        ),
                        MESSAGES_PATH,
                    ),
                );
                let mut runs: Vec<(&str, Plan, Vec<i64>, Vec<i64>)> = Vec::new();
                let mut fixed = 0;
                for (path, choose) in paths {
                    let plan = plan_named(&b, name, choose);
                    open_frame(&b, &host.url(&page)).await;
                    // Let the start screen settle (fonts, layout) before the mark.
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    fixed = b
                        .js("return Math.ceil(36 * parseFloat(getComputedStyle(document.documentElement).fontSize));")
                        .await
                        .as_i64()
                        .expect("the root font size");
                    b.client
                        .enter_parent_frame()
                        .await
                        .expect("back to the host");
                    let before = heights(&b, &widget).await;
                    b.client.enter_frame(0).await.expect("into the frame");
                    b.run_by_clicks(&plan).await; // presses Start first
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    b.client
                        .enter_parent_frame()
                        .await
                        .expect("back to the host");
                    let all = heights(&b, &widget).await;
                    let frame_height = b
                        .js("return document.querySelector('iframe.riskscreen-frame').getBoundingClientRect().height;")
                        .await;
                    let after = all[before.len()..].to_vec();
                    println!(
                        "{name}, {path} ({} questions): heights before Start {before:?}, after {after:?}, \
                         iframe {frame_height}px",
                        plan.steps.len()
                    );
                    assert!(!before.is_empty(), "{name}, {path}: no height before Start");
                    assert_eq!(
                        frame_height.as_f64().map(|h| h.round() as i64),
                        Some(fixed),
                        "{name}, {path}: the iframe's height at the result"
                    );
                    b.assert_no_page_errors().await;
                    runs.push((path, plan, before, after));
                }
                let [(a, plan_a, _, after_a), (c, plan_c, _, after_c)] = &runs[..] else {
                    unreachable!("two paths")
                };
                assert_ne!(
                    plan_a.answers, plan_c.answers,
                    "{name}: the {a} and {c} paths must differ for the test to mean anything"
                );
                assert_eq!(
                    after_a, after_c,
                    "{name}: the heights after Start differ between the {a} and {c} paths"
                );
                assert!(
                    after_a.iter().all(|&h| h == fixed),
                    "{name}: heights after Start other than the fixed {fixed}px (36rem): {after_a:?}"
                );
                assert!(
                    after_a.len() <= 1,
                    "{name}: more than one height after Start: {after_a:?}"
                );
            }
        },
    );
}

// ------------------------------------------------------------------- 5. exit URL

#[test]
fn exit_url_with_control_characters_falls_back_to_the_default() {
    if riskscreen_e2e::engine::skip(&[(
        riskscreen_e2e::Engine::Webkit,
        "WebKitGTK 2.50 has no Navigation API, which this test uses to see where the exit \
         would go without leaving for a host it cannot reach",
    )]) {
        return;
    }
    browser_test_within(
        "hardening-exit-url",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            // embed.js: refused at the host, the frame gets the default.
            let host = frame_host_server(&b);
            host.put(
                "/sneaky.html",
                HTML,
                embed::frame_host(&b.server.origin(), &[("exit-url", SNEAKY_EXIT_URL)]),
            );
            open_frame(&b, &host.url("/sneaky.html")).await;
            b.client
                .enter_parent_frame()
                .await
                .expect("back to the host");
            let src = b
                .js("const f = document.querySelector('iframe.riskscreen-frame'); \
                     return { exit: new URL(f.src).searchParams.get('exit-url'), src: f.src, \
                       attribute: document.querySelector('script[data-exit-url]').getAttribute('data-exit-url') };")
                .await;
            println!("embed.js data-exit-url=\"/\\t/evil.example\": {src}");
            assert_eq!(
                src["attribute"],
                json!(SNEAKY_EXIT_URL),
                "the tab reached the attribute"
            );
            assert_eq!(
                src["exit"],
                json!(DEFAULT_EXIT_URL),
                "embed.js: the frame's exit-url"
            );
            let errors = b.page_errors().await;
            assert!(
                errors
                    .iter()
                    .any(|e| e.starts_with("console.error: riskscreen: data-exit-url")),
                "embed.js must log a console.error: {errors:#?}"
            );

            // The widget itself: it warns and its quick exit goes to the default.
            b.server.put(NAVIGATION_PATH, JS, NAVIGATION_JS);
            b.server.put(API_HOST_PATH, JS, API_HOST_JS);
            b.server.put(
                "/element.html",
                HTML,
                with_script(
                    &embed::element_host(&[&[("exit-url", SNEAKY_EXIT_URL)]], false),
                    NAVIGATION_PATH,
                ),
            );
            b.server.put(
                "/api.html",
                HTML,
                with_script(
                    &embed::api_host(&json!({ "exitUrl": SNEAKY_EXIT_URL }).to_string()),
                    NAVIGATION_PATH,
                ),
            );
            let frame = std::fs::read_to_string(b.www.join("frame.html")).expect("www/frame.html");
            b.server.put(
                "/frame-nav.html",
                HTML,
                with_script(&with_recorder(&frame), NAVIGATION_PATH),
            );
            let frame_url = format!(
                "/frame-nav.html?{}",
                query(&[("exit-url", SNEAKY_EXIT_URL)])
            );
            for (what, url, scope) in [
                (
                    "<risk-screen exit-url=\"/&#9;/evil.example\">",
                    "/element.html",
                    Some("#a"),
                ),
                (
                    "mount(…, { exitUrl: \"/\\t/evil.example\" })",
                    "/api.html",
                    Some("#a"),
                ),
                (
                    "frame.html?exit-url=/%09/evil.example",
                    frame_url.as_str(),
                    None,
                ),
            ] {
                b.client.goto(&b.server.url(url)).await.expect("loading");
                let w = b.scoped(scope);
                w.wait_screen("start").await;
                assert_eq!(
                    b.js("return !!window.navigation;").await,
                    json!(true),
                    "the Navigation API is needed to see where the exit goes"
                );
                w.click(".rs-widget .rs-exit").await;
                b.wait_until(
                    "the quick exit's navigation",
                    "return window.__navigations.length > 0;",
                )
                .await;
                tokio::time::sleep(Duration::from_millis(200)).await;
                let went = b.js("return window.__navigations;").await;
                println!("{what}: navigations {went}");
                let urls: Vec<&str> = went
                    .as_array()
                    .map(|a| a.iter().filter_map(|n| n["url"].as_str()).collect())
                    .unwrap_or_default();
                assert!(!urls.is_empty(), "{what}: no navigation");
                for url in &urls {
                    assert_eq!(
                        *url, DEFAULT_EXIT_URL,
                        "{what}: the quick exit went to {url}"
                    );
                }
                let warned = warnings(&b).await;
                assert!(
                    warned
                        .iter()
                        .any(|x| x.contains("exitUrl") && x.contains("evil.example")),
                    "{what}: the widget must warn about the exit URL: {warned:#?}"
                );
                assert!(
                    !b.page_errors().await.iter().any(|e| e.contains("evil")),
                    "{what}: errors"
                );
            }
        },
    );
}

// ------------------------------------------------------------------- 6. referrer

#[test]
fn quick_exit_sends_no_referrer() {
    browser_test_within(
        "hardening-exit-referrer",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            // Host pages that leave the browser's default referrer policy (which
            // would send the page's URL to a page of the same origin).
            let host = frame_host_server(&b);
            host.set_referrer_policy(None);
            b.server.set_referrer_policy(None);
            b.server.put(API_HOST_PATH, JS, API_HOST_JS);
            host.put(
                "/host.html",
                HTML,
                embed::frame_host(&b.server.origin(), &[("exit-url", &host.url(NEUTRAL_PATH))]),
            );
            b.server.put(
                "/element.html",
                HTML,
                embed::element_host(&[&[("exit-url", NEUTRAL_PATH)]], false),
            );
            b.server.put(
                "/api.html",
                HTML,
                embed::api_host(&json!({ "exitUrl": NEUTRAL_PATH }).to_string()),
            );
            for (what, server, page) in [
                ("frame embed", &host, "/host.html"),
                ("custom element", &*b.server, "/element.html"),
                ("JS API", &*b.server, "/api.html"),
            ] {
                let w = if what == "frame embed" {
                    open_frame(&b, &server.url(page)).await;
                    b.clone()
                } else {
                    b.client.goto(&server.url(page)).await.expect("loading");
                    let w = b.scoped(Some("#a"));
                    w.wait_screen("start").await;
                    w
                };
                let mark = server.mark();
                w.action("start").await;
                w.wait_screen("question").await;
                w.click(".rs-widget .rs-exit").await;
                assert_left(&b, what).await;
                let referrer = b.js("return document.referrer;").await;
                let requests: Vec<_> = server
                    .requests_since(mark)
                    .into_iter()
                    .filter(|r| r.target == NEUTRAL_PATH)
                    .collect();
                println!(
                    "{what}: document.referrer {referrer}; exit page requests: {}",
                    requests
                        .iter()
                        .map(|r| r.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                assert_eq!(
                    referrer,
                    json!(""),
                    "{what}: document.referrer on the exit page"
                );
                assert!(
                    !requests.is_empty(),
                    "{what}: the exit page was not requested"
                );
                assert!(
                    requests.iter().all(|r| r.referer.is_none()),
                    "{what}: the exit page's request carried a Referer: {requests:?}"
                );
            }
        },
    );
}

// ------------------------------------------------------------------- 7. same origin

#[test]
fn embed_js_on_the_widgets_own_origin_drops_allow_same_origin() {
    browser_test_within(
        "hardening-same-origin-embed",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            // The host page is on the widget's own server and may frame it.
            b.server.set_csp(&format!("{CSP}; frame-src 'self'"));
            b.server.put(
                "/same-origin.html",
                HTML,
                embed::frame_host(&b.server.origin(), &[("questionnaire", "self-check")]),
            );
            b.client
                .goto(&b.server.url("/same-origin.html"))
                .await
                .expect("loading");
            let sandbox = b
                .wait_until(
                    "the embed's iframe",
                    "const f = document.querySelector('iframe.riskscreen-frame'); \
                     return f && f.getAttribute('sandbox');",
                )
                .await;
            println!("same-origin embed: sandbox={sandbox}");
            let tokens: Vec<&str> = sandbox.as_str().unwrap_or_default().split(' ').collect();
            assert!(
                !tokens.contains(&"allow-same-origin"),
                "a frame of the host's own origin got allow-same-origin: {tokens:?}"
            );
            for token in [
                "allow-scripts",
                "allow-forms",
                "allow-top-navigation-by-user-activation",
                "allow-top-navigation-to-custom-protocols",
                "allow-modals",
            ] {
                assert!(tokens.contains(&token), "{token} missing: {tokens:?}");
            }
            let errors = b.page_errors().await;
            assert!(
                errors
                    .iter()
                    .any(|e| e.starts_with("console.error: riskscreen:")
                        && e.contains("allow-same-origin")),
                "embed.js must say why with a console.error: {errors:#?}"
            );
        },
    );
}

// ------------------------------------------------------------------- 8. panic hook

#[test]
fn one_panic_hook_for_a_hundred_mounts() {
    browser_test_within(
        "hardening-one-panic-hook",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            b.server.put(REMOUNT_PATH, JS, REMOUNT_JS);
            b.server.put(
                "/remount.html",
                HTML,
                embed::api_host_with(
                    REMOUNT_PATH,
                    &json!({ "questionnaire": "self-check", "exitUrl": NEUTRAL_PATH }).to_string(),
                ),
            );
            b.client
                .goto(&b.server.url("/remount.html"))
                .await
                .expect("loading");
            let started = Instant::now();
            wait_long(
                &b,
                "100 mounts and destroys, then one more mount",
                "return (window.__remount && window.__remount.done) || window.__e2e.errors.length > 0;",
                Duration::from_secs(120),
            )
            .await;
            let remount = b.js("return window.__remount;").await;
            println!("remount: {remount} in {:?}", started.elapsed());
            assert_eq!(
                remount,
                json!({ "mounted": 100, "done": true }),
                "{:?}",
                b.page_errors().await
            );
            let w = b.scoped(Some("#a"));
            w.wait_screen("start").await;
            w.action("start").await;
            w.wait_screen("fallback").await;
            let errors = b.page_errors().await;
            let panics: Vec<&String> = errors
                .iter()
                .filter(|e| e.starts_with("console.error: riskscreen: panicked"))
                .collect();
            println!(
                "after the panic: {} errors, {} \"riskscreen: panicked\"",
                errors.len(),
                panics.len()
            );
            assert_eq!(
                panics.len(),
                1,
                "one panic hook must log once, not once per mount ever made: {errors:#?}"
            );
            let roots = b
                .js("const r = document.getElementById('a').shadowRoot; \
                     return { document: document.querySelectorAll('[data-rs-root]').length, \
                       shadow: r.querySelectorAll('[data-rs-root]').length, \
                       panels: r.querySelectorAll('.rs-fallback').length, \
                       exit: r.querySelectorAll('.rs-fallback button.rs-exit').length, \
                       has112: !!r.querySelector('.rs-fallback a[href=\"tel:112\"]') };")
                .await;
            println!("after the panic: {roots}");
            assert_eq!(
                roots,
                json!({ "document": 0, "shadow": 1, "panels": 1, "exit": 1, "has112": true }),
                "one root, one fallback panel with 112 and the quick exit"
            );
            assert!(b.csp_violations().await.is_empty(), "CSP violations");
        },
    );
}

// ------------------------------------------------------------------- 9. debug switches

#[test]
fn debug_switches_never_come_from_a_url() {
    browser_test_within(
        "hardening-no-url-debug-switch",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            let host = frame_host_server(&b);
            let widget = b.server.origin();
            host.put(
                "/embed.html",
                HTML,
                embed::frame_host(&widget, &[("test-panic", "true"), ("testPanic", "true")]),
            );
            host.put(
                "/plain.html",
                HTML,
                embed::plain_frame_host(&b.server.url(&format!(
                    "/frame.html?{}",
                    query(&[
                        ("test-panic", "true"),
                        ("testPanic", "true"),
                        ("embedder", &host.origin())
                    ])
                ))),
            );
            for (what, url, framed) in [
                (
                    "frame.html?test-panic=true",
                    b.server.url("/frame.html?test-panic=true"),
                    false,
                ),
                (
                    "frame.html?test-panic=true&testPanic=true",
                    b.server.url("/frame.html?test-panic=true&testPanic=true"),
                    false,
                ),
                (
                    "plain iframe frame.html?test-panic=true&testPanic=true",
                    host.url("/plain.html"),
                    true,
                ),
                (
                    "embed.js data-test-panic=\"true\" data-testPanic=\"true\"",
                    host.url("/embed.html"),
                    true,
                ),
            ] {
                if framed {
                    open_frame(&b, &url).await;
                } else {
                    b.client.goto(&url).await.expect("loading");
                    b.wait_screen("start").await;
                }
                b.action("start").await;
                b.wait_screen("question").await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                let screen = b.screen().await;
                println!("{what}: after Start the screen is {screen:?}");
                assert_eq!(
                    screen.as_deref(),
                    Some("question"),
                    "{what}: a URL switched the panic on"
                );
                b.assert_no_page_errors().await;
            }
        },
    );
}
