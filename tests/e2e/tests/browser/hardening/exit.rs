//! Where the quick exit goes and what it tells: an exit URL with control
//! characters falls back to the default in every entry point, and the exit
//! page gets no referrer.

use std::time::Duration;

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{
    self, assert_left, frame_host_server, open_frame, query, with_recorder, with_script,
    API_HOST_JS, API_HOST_PATH, HTML, JS,
};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::PageOptions;
use serde_json::json;

use super::{warnings, LIMIT};

/// The widget's default exit URL (`config::DEFAULT_EXIT_URL`, `embed.js`).
const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";
/// An exit URL with a real tab: URL parsers drop it, giving `//evil.example`.
const SNEAKY_EXIT_URL: &str = "/\t/evil.example";

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
