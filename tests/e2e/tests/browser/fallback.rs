//! A panic inside the widget (injected with `data-test-panic`) must leave the
//! person with emergency help and a quick exit, never a blank box.

use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::{browser_test, PageOptions};
use serde_json::json;

#[test]
fn injected_panic_shows_fallback_with_112_and_quick_exit() {
    browser_test("fallback", PageOptions::panicking(), |b| async move {
        b.open_fallback().await;
        assert_eq!(
            b.attr_of(".rs-fallback", "data-screen").await.as_deref(),
            Some("fallback"),
            "`.rs-fallback` carries data-screen=\"fallback\""
        );
        assert!(
            b.count(".rs-fallback a[href=\"tel:112\"]").await >= 1,
            "the fallback panel must contain a[href=\"tel:112\"]"
        );
        let shown = b
            .js("const f = document.querySelector('.rs-fallback'); const r = f.getBoundingClientRect(); \
                 const s = getComputedStyle(f); \
                 return { w: r.width, h: r.height, visible: s.visibility !== 'hidden' && s.display !== 'none', \
                   text: f.innerText.trim().length };")
            .await;
        assert!(
            shown["visible"] == json!(true)
                && shown["w"].as_f64().unwrap_or(0.0) > 0.0
                && shown["h"].as_f64().unwrap_or(0.0) > 0.0
                && shown["text"].as_u64().unwrap_or(0) > 20,
            "the fallback panel must be visible with text, not a blank box: {shown}"
        );
        let exit = ".rs-fallback button.rs-exit, .rs-fallback .rs-exit";
        assert!(
            b.count(exit).await >= 1,
            "the fallback panel must offer the quick exit (`.rs-exit`)"
        );
        b.screenshot("fallback").await;
        b.click(exit).await;
        b.wait_until(
            "the quick exit from the fallback panel",
            &format!("return location.pathname === {NEUTRAL_PATH:?};"),
        )
        .await;
    });
}
