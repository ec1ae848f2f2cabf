//! The panic machinery: one panic hook however many mounts, and the
//! test-only panic switch never taken from a URL or an `embed.js` attribute.

use std::time::{Duration, Instant};

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{self, frame_host_server, open_frame, query, HTML, JS};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use super::LIMIT;

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
