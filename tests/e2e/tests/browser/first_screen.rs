//! Issue #11: the first screen is HTML, and it is never a dead end.
//!
//! | test | what it proves |
//! |------|----------------|
//! | [`every_fault_ends_on_a_way_out_in_the_pages_language`] | with the wasm, the glue, the questionnaire or the directory missing (404), truncated or stalled (the server holds it open), the Ukrainian page shows, within 8 s of the navigation, a working quick exit, 112, a national line, and why, in Ukrainian |
//! | [`no_webassembly_says_what_to_do_instead`] | Chromium `--js-flags=--jitless` (no `WebAssembly`, as under iOS Lockdown Mode): the same, with the text saying to call a helpline instead and a link to the printable checklist in Ukrainian (served, no script); axe finds nothing |
//! | [`prerendered_screen_is_the_mounted_screen`] | with the wasm held back, the prerendered start screen (English and Ukrainian) has the same text, controls and layout as the mounted one; every file is fetched once (the preloads are used) |
//! | [`quick_exit_works_before_the_wasm_arrives`] | with the wasm stalled, the quick exit and Shift ×3 leave by `location.replace` (no history entry, no `Referer`); with no `boot.js` at all, the plain link still leaves, without `Referer` |
//! | [`start_pressed_while_loading_starts_once_mounted`] | Start pressed on the prerendered screen leads to the first question once the widget is there |
//! | [`a_panic_opens_every_countrys_lines`] | after a panic (the wasm's own panel), a national line is on screen too, and the link to the printable checklist |
//! | [`default_page_moves_to_the_browsers_language`] | `index.html` in a browser that prefers Ukrainian becomes `index.uk.html` (`lang.js`); a page chosen by hand stays; with absolute alternates (a `--public-url` build for another address) it still moves next to itself |
//!
//! The page is opened by a script (`location.href`), not WebDriver's navigation,
//! which would wait for the load event: a stalled download holds it back.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use riskscreen_e2e::axe::axe_check;
use riskscreen_e2e::browser::{strings, PAGE_PATH};
use riskscreen_e2e::check::{normalize, UiStrings};
use riskscreen_e2e::engine::{note, skip, Engine};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::server::Fault;
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::{json, Value as Json};

use crate::questionnaire;

/// What the issue allows from the navigation to a way out on screen.
const WITHIN: Duration = Duration::from_secs(8);

/// A Polish national line of the widget's directory (shown as "+48 22 628 01 20").
const PL_LINE: &str = "tel:+48226280120";

const WASM: &str = "/pkg/riskscreen_bg.wasm";
const GLUE: &str = "/pkg/riskscreen.js";
/// The questionnaire a page in `lang` loads: its language's file only (one
/// language on the wire; `cargo xtask build` writes one per language).
fn questionnaire_in(lang: &str) -> String {
    format!("/q/self-check.{lang}.json")
}
/// The helpline directory a page in `lang` loads: its language's names only.
fn directory_in(lang: &str) -> String {
    format!("/q/helplines.{lang}.json")
}

/// Starts loading `path` from a script and returns at once (a page that never
/// finishes loading is what some of these tests make).
async fn visit(b: &Browser, path: &str) {
    let _ = b
        .client
        .execute(
            "const url = arguments[0]; setTimeout(() => { location.href = url; }, 0);",
            vec![json!(b.server.url(path))],
        )
        .await;
}

/// Polls `script` (truthy = done) until `deadline`; panics with `what` after it.
async fn until(b: &Browser, what: &str, script: &str, deadline: Instant) -> Json {
    loop {
        if let Ok(value) = b.client.execute(script, Vec::new()).await {
            if riskscreen_e2e::browser::truthy(&value) {
                return value;
            }
        }
        if Instant::now() > deadline {
            panic!(
                "not within the time allowed: {what}; page state: {}\nserver log:\n{}",
                b.describe().await,
                b.server.log_text()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the failure screen shows, read from the page: only what is on screen
/// counts (an element inside a closed `<details>` has no box).
const FAILURE_SCREEN: &str = "const app = document.getElementById('app'); \
    if (!app || app.getAttribute('data-rs-boot') !== 'failed') return null; \
    const shown = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; \
    const w = app.querySelector('.rs-widget.rs-fallback'); \
    const exit = Array.from(document.querySelectorAll('.rs-exit')).find(shown); \
    return { lang: w && w.getAttribute('lang'), screen: w && w.getAttribute('data-screen'), \
      exit: exit ? exit.textContent.trim() : null, \
      tels: Array.from(document.querySelectorAll('a[href^=\"tel:\"]')).filter(shown).map(a => a.getAttribute('href')), \
      text: w ? w.innerText.replace(/\\s+/g, ' ') : '', \
      webassembly: typeof WebAssembly };";

/// Waits (from `started`) for the failure screen and checks it: the quick exit,
/// 112 and [`PL_LINE`] on screen, the language `lang`, and one of `explanations`
/// (UI string ids) in it. Returns what it saw.
async fn assert_way_out(
    b: &Browser,
    lang: &str,
    explanations: &[&str],
    started: Instant,
    what: &str,
) -> Json {
    let seen = until(
        b,
        &format!("{what}: the failure screen"),
        FAILURE_SCREEN,
        started + WITHIN,
    )
    .await;
    let elapsed = started.elapsed();
    let ui = UiStrings::load(lang).expect("the page's UI strings");
    let tels = strings(&seen["tels"]);
    println!(
        "{what}: after {:.1}s, lang {} screen {}, {} numbers on screen, exit {:?}",
        elapsed.as_secs_f64(),
        seen["lang"],
        seen["screen"],
        tels.len(),
        seen["exit"]
    );
    assert_eq!(seen["lang"], json!(lang), "{what}: {seen}");
    assert_eq!(seen["screen"], json!("fallback"), "{what}: {seen}");
    assert_eq!(
        seen["exit"].as_str(),
        ui.get("exit-button"),
        "{what}: a quick exit on screen, in {lang}"
    );
    assert!(
        tels.first().map(String::as_str) == Some("tel:112") && tels.iter().any(|t| t == PL_LINE),
        "{what}: 112 and a national line ({PL_LINE}) on screen: {tels:?}"
    );
    let text = normalize(seen["text"].as_str().unwrap_or_default());
    assert!(
        explanations
            .iter()
            .any(|id| text.contains(ui.get(id).expect("a simple UI string"))),
        "{what}: the explanation ({explanations:?}) in {lang}: {text}"
    );
    seen
}

/// Leaves by the quick exit on screen and checks it replaced the page.
async fn leave_by_quick_exit(b: &Browser, what: &str) {
    let before = b.js("return history.length;").await;
    b.js("setTimeout(() => Array.from(document.querySelectorAll('.rs-exit')).find(e => e.getClientRects().length > 0).click(), 0);")
        .await;
    b.wait_until(
        &format!("{what}: the quick exit to {NEUTRAL_PATH}"),
        &format!("return location.pathname === {NEUTRAL_PATH:?};"),
    )
    .await;
    assert_eq!(
        b.js("return history.length;").await,
        before,
        "{what}: the quick exit adds no history entry"
    );
}

#[test]
fn every_fault_ends_on_a_way_out_in_the_pages_language() {
    // Two browsers, the glue's 404 in one of its own: WebKitGTK remembers a JS
    // module's outcome across pages in one process (its failure as well as its
    // success, whatever `Cache-Control: no-store` says), so after that fault no
    // other would be reached, and after a page that ran the glue it is not
    // asked for again.
    for glue_only in [true, false] {
        browser_test(
            if glue_only {
                "first_screen_faults_glue"
            } else {
                "first_screen_faults"
            },
            PageOptions::self_check_in("uk"),
            move |b| async move {
                // (what, path, fault, what explains it: the page's notice, or the
                // wasm's own panel when it got as far as reading the files)
                let questionnaire = questionnaire_in("uk");
                let directory = directory_in("uk");
                let faults: [(&str, &str, Fault, &[&str]); 9] = [
                    ("glue 404", GLUE, Fault::NotFound, &["page-failed-text"]),
                    ("wasm 404", WASM, Fault::NotFound, &["page-failed-text"]),
                    (
                        "wasm truncated",
                        WASM,
                        Fault::Truncate(4096),
                        &["page-failed-text"],
                    ),
                    (
                        "wasm stalled",
                        WASM,
                        Fault::Stall { after: 4096 },
                        &["page-failed-text"],
                    ),
                    (
                        "questionnaire 404",
                        &questionnaire,
                        Fault::NotFound,
                        &["page-failed-text"],
                    ),
                    (
                        "questionnaire truncated",
                        &questionnaire,
                        Fault::Truncate(2000),
                        &["fallback-text"],
                    ),
                    (
                        "questionnaire stalled",
                        &questionnaire,
                        Fault::Stall { after: 1024 },
                        &["page-failed-text"],
                    ),
                    (
                        "directory 404",
                        &directory,
                        Fault::NotFound,
                        &["page-failed-text"],
                    ),
                    (
                        "directory stalled",
                        &directory,
                        Fault::Stall { after: 512 },
                        &["page-failed-text"],
                    ),
                ];
                for (what, path, fault, explanations) in faults
                    .into_iter()
                    .filter(|(_, path, ..)| (*path == GLUE) == glue_only)
                {
                    b.server.clear_faults();
                    b.server.fault(path, fault);
                    let started = Instant::now();
                    visit(&b, PAGE_PATH).await;
                    assert_way_out(&b, "uk", explanations, started, what).await;
                    // WebKitWebDriver answers a screenshot only once the page has
                    // stopped loading, which a stalled preload never does; the
                    // session hangs from then on.
                    if Engine::current() == Engine::Webkit && matches!(fault, Fault::Stall { .. }) {
                        note(&format!("{what}: no screenshot, WebKitWebDriver would wait for the stalled download"));
                    } else {
                        b.screenshot(&format!("first-screen-{}", what.replace(' ', "-")))
                            .await;
                    }
                    leave_by_quick_exit(&b, what).await;
                }
            },
        );
    }
}

#[test]
fn no_webassembly_says_what_to_do_instead() {
    browser_test(
        "first_screen_no_wasm",
        PageOptions {
            chromium_args: vec!["--js-flags=--jitless".to_owned()],
            ..PageOptions::self_check_in("uk")
        },
        |b| async move {
            let started = Instant::now();
            visit(&b, PAGE_PATH).await;
            let seen =
                assert_way_out(&b, "uk", &["page-no-wasm-text"], started, "no WebAssembly").await;
            assert_eq!(
                seen["webassembly"],
                json!("undefined"),
                "--jitless leaves this Chromium without WebAssembly"
            );
            b.screenshot("first-screen-no-wasm").await;
            axe_check(&b, "no WebAssembly (uk)").await;
            let csp = b.csp_violations().await;
            assert!(csp.is_empty(), "CSP violations: {csp:#?}");
            // What they can do instead: the printable checklist in their language
            // (issue #14), a page that needs no script at all.
            let link = b
                .js("const a = document.querySelector('.rs-fallback .rs-boot-checklist a');                      if (!a || !a.offsetParent) return null;                      return { href: a.getAttribute('href'), text: a.innerText };")
                .await;
            println!("checklist link: {link}");
            assert_eq!(
                link["href"],
                json!("checklist/self-check.uk.html"),
                "a visible link to the Ukrainian checklist: {link}"
            );
            let checklist = b
                .js_async(
                    "const done = arguments[arguments.length - 1];                      fetch('checklist/self-check.uk.html').then(r => r.text().then(t =>                        done({ status: r.status, lang: /<html[^>]*lang=\"uk\"/.test(t), script: t.includes('<script') })));",
                )
                .await;
            assert_eq!(
                checklist,
                json!({ "status": 200, "lang": true, "script": false }),
                "the checklist is served, in Ukrainian, without script"
            );
            leave_by_quick_exit(&b, "no WebAssembly").await;
        },
    );
}

/// The widget's text, controls and their boxes, to compare before and after the
/// mount (`boot` says which it is).
///
/// Null until every stylesheet has loaded: Firefox lays out a page without
/// its pending stylesheets when a script asks for a box (as this snapshot
/// does), which no person sees, since it does not paint before them.
const SNAPSHOT: &str = "const app = document.getElementById('app'); \
    const w = app && app.querySelector(':scope > .rs-widget'); \
    if (!w || Array.from(document.querySelectorAll('link[rel=stylesheet]')).some(l => !l.sheet)) return null; \
    const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }; \
    return { boot: app.getAttribute('data-rs-boot'), lang: w.getAttribute('lang'), screen: w.getAttribute('data-screen'), \
      text: w.innerText.replace(/\\s+/g, ' ').trim(), box: box(w), \
      controls: Array.from(w.querySelectorAll('a, button, select, input, [tabindex], [role]'), e => ({ \
        tag: e.tagName, role: e.getAttribute('role'), class: e.getAttribute('class'), \
        text: e.textContent.replace(/\\s+/g, ' ').trim(), href: e.getAttribute('href'), \
        value: e.tagName === 'SELECT' ? e.value : null, action: e.getAttribute('data-action'), box: box(e) })) };";

#[test]
fn prerendered_screen_is_the_mounted_screen() {
    for (lang, options) in [
        ("en", PageOptions::self_check()),
        ("uk", PageOptions::self_check_in("uk")),
    ] {
        browser_test(
            &format!("first_screen_same_{lang}"),
            options,
            move |b| async move {
                // The wasm arrives 2.5 s late: time to read the prerendered screen.
                b.server
                    .fault(WASM, Fault::Delay(Duration::from_millis(2500)));
                let started = Instant::now();
                visit(&b, PAGE_PATH).await;
                let before = until(
                    &b,
                    "the prerendered start screen",
                    &format!("const s = (() => {{ {SNAPSHOT} }})(); return s && s.boot !== 'mounted' ? s : null;"),
                    started + WITHIN,
                )
                .await;
                println!(
                    "{lang}: prerendered screen after {:.2}s ({}), {} controls",
                    started.elapsed().as_secs_f64(),
                    before["boot"],
                    before["controls"].as_array().map_or(0, Vec::len)
                );
                b.screenshot(&format!("first-screen-prerendered-{lang}"))
                    .await;
                let after = until(
                    &b,
                    "the mounted start screen",
                    &format!("const s = (() => {{ {SNAPSHOT} }})(); return s && s.boot === 'mounted' ? s : null;"),
                    Instant::now() + WITHIN,
                )
                .await;
                b.screenshot(&format!("first-screen-mounted-{lang}")).await;
                let strip = |mut s: Json| {
                    s["boot"] = Json::Null;
                    s
                };
                assert_eq!(before["lang"], json!(lang));
                assert_eq!(before["screen"], json!("start"));
                let (before, after) = (strip(before), strip(after));
                if before != after {
                    panic!(
                        "the prerendered start screen differs from the mounted one:\n{}",
                        differences(&before, &after).join("\n")
                    );
                }
                // The preloads are the requests boot.js makes: each file once;
                // the UI strings file only for a language the wasm does not
                // carry (all but English).
                // WebKitGTK downloads each `as=fetch` preload again when boot.js
                // asks (ENGINE_GAPS in xtask/src/test.rs): twice there, never more.
                let fetched = |path: &str| {
                    let fetch_preload =
                        path == WASM || path.starts_with("/q/") || path.starts_with("/ui/");
                    if Engine::current() == Engine::Webkit && fetch_preload {
                        2
                    } else {
                        1
                    }
                };
                if Engine::current() == Engine::Webkit {
                    note("the wasm and JSON preloads are downloaded twice (not reused by fetch); the JS modulepreloads once");
                }
                let strings = format!("/ui/{lang}.json");
                let ui_requests = b
                    .server
                    .requests()
                    .iter()
                    .filter(|r| r.target.starts_with("/ui/"))
                    .count();
                assert_eq!(
                    ui_requests,
                    if lang == "en" { 0 } else { fetched(&strings) },
                    "{}",
                    b.server.log_text()
                );
                let mut files = vec![
                    WASM,
                    GLUE,
                    &questionnaire_in(lang),
                    &directory_in(lang),
                    "/options.js",
                    "/boot.js",
                ]
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>();
                if lang != "en" {
                    files.push(strings);
                }
                for path in &files {
                    let n = b
                        .server
                        .requests()
                        .iter()
                        .filter(|r| r.target == *path)
                        .count();
                    assert_eq!(
                        n,
                        fetched(path),
                        "{path} fetched {n} times:\n{}",
                        b.server.log_text()
                    );
                }
                b.assert_no_page_errors().await;
            },
        );
    }
}

/// What differs between two [`SNAPSHOT`]s, one line each: the widget's box and
/// text, then each control (by position) that is not the same.
fn differences(before: &Json, after: &Json) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["lang", "screen", "box", "text"] {
        if before[key] != after[key] {
            out.push(format!(
                "  {key}: prerendered {} | mounted {}",
                before[key], after[key]
            ));
        }
    }
    let none = Vec::new();
    let b = before["controls"].as_array().unwrap_or(&none);
    let a = after["controls"].as_array().unwrap_or(&none);
    for i in 0..b.len().max(a.len()) {
        if b.get(i) != a.get(i) {
            out.push(format!(
                "  control {i}: prerendered {} | mounted {}",
                b.get(i).map_or("none".into(), Json::to_string),
                a.get(i).map_or("none".into(), Json::to_string)
            ));
        }
    }
    out
}

#[test]
fn quick_exit_works_before_the_wasm_arrives() {
    browser_test(
        "first_screen_exit_early",
        PageOptions::self_check_in("uk"),
        |b| async move {
            // boot.js runs, the wasm never comes: its script leaves by location.replace.
            b.server.fault(WASM, Fault::Stall { after: 1024 });
            visit(&b, PAGE_PATH).await;
            until(
                &b,
                "boot.js running, the wasm not there",
                "const a = document.getElementById('app'); \
                 return !!a && a.getAttribute('data-rs-boot') === 'loading';",
                Instant::now() + WITHIN,
            )
            .await;
            let mark = b.server.mark();
            leave_by_quick_exit(&b, "wasm stalled").await;
            let exit = b
                .server
                .requests_since(mark)
                .into_iter()
                .find(|r| r.target == NEUTRAL_PATH)
                .expect("the exit page was requested");
            assert_eq!(
                exit.referer, None,
                "the exit page learnt where the person was"
            );

            // Shift pressed three times, the wasm still not there.
            visit(&b, PAGE_PATH).await;
            until(
                &b,
                "boot.js running again, the wasm not there",
                "const a = document.getElementById('app'); \
                 return location.pathname !== '/neutral.html' && !!a && a.getAttribute('data-rs-boot') === 'loading';",
                Instant::now() + WITHIN,
            )
            .await;
            let before = b.js("return history.length;").await;
            for _ in 0..3 {
                b.press(Key::Shift).await;
            }
            b.wait_until(
                "Shift ×3 to the exit page",
                &format!("return location.pathname === {NEUTRAL_PATH:?};"),
            )
            .await;
            assert_eq!(
                b.js("return history.length;").await,
                before,
                "Shift ×3 adds no history entry"
            );

            // No script at all (boot.js missing): the plain link leaves.
            b.server.fault("/boot.js", Fault::NotFound);
            visit(&b, PAGE_PATH).await;
            until(
                &b,
                "the prerendered screen, boot.js not there",
                "const a = document.getElementById('app'); \
                 return !!a && a.getAttribute('data-rs-boot') === 'static' && !!a.querySelector('a.rs-exit');",
                Instant::now() + WITHIN,
            )
            .await;
            let mark = b.server.mark();
            b.click(".rs-exit").await;
            b.wait_until(
                "the plain link to the exit page",
                &format!("return location.pathname === {NEUTRAL_PATH:?};"),
            )
            .await;
            let exit = b
                .server
                .requests_since(mark)
                .into_iter()
                .find(|r| r.target == NEUTRAL_PATH)
                .expect("the exit page was requested");
            assert_eq!(
                exit.referer, None,
                "rel=noreferrer and the page's referrer policy"
            );
        },
    );
}

#[test]
fn start_pressed_while_loading_starts_once_mounted() {
    browser_test(
        "first_screen_early_start",
        PageOptions::self_check(),
        |b| async move {
            b.server
                .fault(WASM, Fault::Delay(Duration::from_millis(2000)));
            visit(&b, PAGE_PATH).await;
            until(
                &b,
                "the prerendered Start",
                "const a = document.getElementById('app'); \
                 return !!a && a.getAttribute('data-rs-boot') === 'loading' && !!a.querySelector('[data-action=\"start\"]');",
                Instant::now() + WITHIN,
            )
            .await;
            b.click("[data-action=\"start\"]").await;
            let q = questionnaire(&b);
            let first = &q.questions[0].id;
            b.wait_question(first).await;
            b.assert_no_page_errors().await;
        },
    );
}

#[test]
fn a_panic_opens_every_countrys_lines() {
    browser_test(
        "first_screen_panic",
        PageOptions {
            test_panic: true,
            ..PageOptions::self_check_in("uk")
        },
        |b| async move {
            b.open_fallback().await;
            let seen = b
                .js(&format!("return (() => {{ {FAILURE_SCREEN} }})();"))
                .await;
            let tels = strings(&seen["tels"]);
            assert_eq!(seen["lang"], json!("uk"), "{seen}");
            assert!(
                tels.first().map(String::as_str) == Some("tel:112")
                    && tels.iter().any(|t| t == PL_LINE),
                "after a panic, 112 and a national line ({PL_LINE}) on screen: {tels:?}"
            );
            let checklist = b.attr_of(".rs-fallback .rs-boot-checklist a", "href").await;
            assert_eq!(
                checklist.as_deref(),
                Some("checklist/self-check.uk.html"),
                "the wasm's panel carries the page's link to the printable checklist"
            );
        },
    );
}

#[test]
fn default_page_moves_to_the_browsers_language() {
    browser_test(
        "first_screen_language",
        PageOptions {
            // Headless Chromium takes the languages it tells pages from --accept-lang.
            chromium_args: vec!["--lang=uk".to_owned(), "--accept-lang=uk".to_owned()],
            ..PageOptions::self_check()
        },
        |b| async move {
            if skip(&[(
                Engine::Webkit,
                "WebKitGTK tells pages the languages of the process's locale, and this \
                 machine has only C.UTF-8 installed (a Ukrainian one needs locale-gen): \
                 navigator.languages stays en-US",
            )]) {
                return;
            }
            visit(&b, "/index.html").await;
            let seen = until(
                &b,
                "index.uk.html, mounted",
                "const w = document.querySelector('#app[data-rs-boot=\"mounted\"] > .rs-widget'); \
                 return w ? [location.pathname, document.documentElement.lang, w.getAttribute('lang')] : null;",
                Instant::now() + WITHIN,
            )
            .await;
            assert_eq!(seen, json!(["/index.uk.html", "uk", "uk"]));
            // A page chosen by hand (the English link) is never overridden.
            b.click("nav.rs-page-langs a[hreflang=\"en\"]").await;
            let seen = until(
                &b,
                "index.en.html, mounted",
                "const w = document.querySelector('#app[data-rs-boot=\"mounted\"] > .rs-widget'); \
                 return w && location.pathname !== '/index.uk.html' ? [location.pathname, w.getAttribute('lang')] : null;",
                Instant::now() + WITHIN,
            )
            .await;
            assert_eq!(seen, json!(["/index.en.html", "en"]));
            // A bundle built for another address (`--public-url`: absolute
            // hreflang links) still moves to the page next to this one, never
            // to that address.
            let page = std::fs::read_to_string(riskscreen_e2e::www_dir().join("index.html"))
                .expect("www/index.html (cargo xtask build)");
            let elsewhere = page.replace(
                "hreflang=\"uk\" href=\"index.uk.html\"",
                "hreflang=\"uk\" href=\"https://elsewhere.example/check/index.uk.html\"",
            );
            assert_ne!(
                elsewhere, page,
                "index.html has no relative uk alternate to rewrite"
            );
            b.server
                .put("/index.html", "text/html; charset=utf-8", elsewhere);
            visit(&b, "/index.html").await;
            let seen = until(
                &b,
                "index.uk.html on this server, mounted",
                "const w = document.querySelector('#app[data-rs-boot=\"mounted\"] > .rs-widget'); \
                 return w && location.pathname !== '/index.en.html' \
                   ? [location.origin, location.pathname, w.getAttribute('lang')] : null;",
                Instant::now() + WITHIN,
            )
            .await;
            assert_eq!(
                seen,
                json!([b.server.origin(), "/index.uk.html", "uk"]),
                "an absolute alternate must not take the page to another address"
            );
        },
    );
}
