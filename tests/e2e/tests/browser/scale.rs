//! Oversize input in a real browser (issue #12 item 4): a questionnaire file
//! past the size limit, and one whose condition nests 10,000 deep (which
//! `JSON.parse` takes, but the widget's reader must refuse before recursing: a
//! wasm stack overflow is a trap no panic hook sees). The self-check page must
//! end on its failure screen (quick exit, 112, helplines) with a readable reason
//! for the site owner, and stay responsive. How long it took is printed, not
//! asserted.

use std::time::Instant;

use riskscreen_core::limits::{MAX_CONDITION_DEPTH, MAX_SOURCE_BYTES};
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::{json, Value as Json};

const JSON_TYPE: &str = "application/json";
/// Serves `text` in place of the page's questionnaire, whole and per language
/// (the test server's generated files win over `www/`).
fn serve_in_place(b: &Browser, text: &str) {
    b.server
        .put("/q/self-check.json", JSON_TYPE, text.to_owned());
    for lang in riskscreen_core::lang::SHIPPED {
        b.server.put(
            &format!("/q/self-check.{lang}.json"),
            JSON_TYPE,
            text.to_owned(),
        );
    }
}

/// Opens the page (questionnaire at `path`) and waits for the failure screen;
/// returns what it says for the site owner.
async fn refused(b: &Browser, what: &str) -> String {
    let started = Instant::now();
    b.client.goto(&b.page_url()).await.expect("loading");
    let seen = b
        .wait_until(
            &format!("the failure screen for {what}"),
            "const app = document.getElementById('app'); \
             if (!app || app.getAttribute('data-rs-boot') !== 'failed') return null; \
             const shown = e => !!e && e.getClientRects().length > 0; \
             const exit = Array.from(document.querySelectorAll('.rs-exit')).find(shown); \
             const detail = document.querySelector('.rs-boot-detail'); \
             return { exit: !!exit, tel112: !!Array.from(document.querySelectorAll('a[href=\"tel:112\"]')).find(shown), \
                      detail: detail ? detail.textContent : '' };",
        )
        .await;
    println!(
        "{what}: failure screen after {:.2}s (not asserted): {seen}",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(seen["exit"], json!(true), "{what}: a quick exit on screen");
    assert_eq!(seen["tel112"], json!(true), "{what}: 112 on screen");
    // Responsive: a script still runs at once.
    let ping = Instant::now();
    assert_eq!(b.js("return 1 + 1;").await, json!(2));
    println!("{what}: the page answered a script in {:?}", ping.elapsed());
    seen["detail"].as_str().unwrap_or_default().to_owned()
}

fn shipped(b: &Browser) -> Json {
    let text = std::fs::read_to_string(b.www.join("q/self-check.json")).expect("built www/");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn an_oversized_questionnaire_is_refused_readably() {
    browser_test(
        "scale_oversized",
        PageOptions::self_check(),
        |b| async move {
            let mut q = shipped(&b);
            q["description"]["en"] = json!("x".repeat(MAX_SOURCE_BYTES));
            serve_in_place(&b, &q.to_string());
            let detail = refused(&b, "a questionnaire over 4 MiB").await;
            assert!(
                detail.contains("bytes; the most this widget reads is"),
                "{detail}"
            );
        },
    );
}

#[test]
fn a_ten_thousand_deep_condition_is_refused_before_recursing() {
    browser_test("scale_deep", PageOptions::self_check(), |b| async move {
        let mut q = shipped(&b);
        let first = q["question"][0]["id"].clone();
        // Built as text: serde_json's own writer recurses too.
        let mut condition = format!(r#"{{"equals":{{"question":{first},"value":"unsure"}}}}"#);
        for _ in 0..10_000 {
            condition = format!(r#"{{"not":{condition}}}"#);
        }
        q["question"][1]["show_if"] = json!("__DEEP__");
        let text = q.to_string().replacen("\"__DEEP__\"", &condition, 1);
        serve_in_place(&b, &text);
        let detail = refused(&b, "a condition nested 10,000 deep").await;
        assert!(
            detail.contains(&format!(
                "conditions nested more than {MAX_CONDITION_DEPTH} deep"
            )),
            "{detail}"
        );
    });
}
