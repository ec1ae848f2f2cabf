//! Nothing a person answers leaves the page or stays behind: no request after the
//! page loaded, no cookie or storage of any kind, no answer in the URL, and no
//! Content-Security-Policy violation on the way.

use std::time::Duration;

use riskscreen_e2e::browser::PAGE_PATH;
use riskscreen_e2e::plan;
use riskscreen_e2e::traces::{assert_no_requests_since, assert_nothing_stored, quiet};
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::json;

use crate::plan_for;

async fn resource_count(b: &Browser) -> u64 {
    b.js("return performance.getEntriesByType('resource').length;")
        .await
        .as_u64()
        .unwrap_or(0)
}

#[test]
fn run_makes_no_requests_and_stores_nothing() {
    browser_test("privacy", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::danger);
        b.open_start().await;
        let mark = quiet(&[&b.server]).await[0];
        let loaded = b.server.requests();
        for wanted in [
            "/pkg/riskscreen.js",
            "/pkg/riskscreen_bg.wasm",
            "/q/self-check.en.json",
        ] {
            assert!(
                loaded.iter().any(|r| r.target == wanted && r.status == 200),
                "the page should have loaded {wanted}; log:\n{}",
                b.server.log_text()
            );
        }
        let resources = resource_count(&b).await;

        b.run_by_clicks(&plan).await;
        // Back and forth on the result/review does not fetch anything either.
        tokio::time::sleep(Duration::from_millis(500)).await;

        assert_no_requests_since(&[&b.server], &[mark], "self-check page");
        let resources_after = resource_count(&b).await;
        assert_eq!(
            resources_after,
            resources,
            "the page fetched resources during the run (Resource Timing): {}",
            b.js("return performance.getEntriesByType('resource').map(e => e.name);")
                .await
        );

        assert_nothing_stored(&b, &json!(b.page_url()), &plan.answers, "self-check page").await;
        let sw = b
            .js("return navigator.serviceWorker ? !!navigator.serviceWorker.controller : false;")
            .await;
        assert_eq!(sw, json!(false), "a service worker controls the page");
        assert_eq!(
            b.server
                .requests()
                .iter()
                .filter(|r| r.target.starts_with(PAGE_PATH))
                .count(),
            1,
            "the page itself was loaded more than once"
        );
    });
}

#[test]
fn full_run_has_no_csp_violations_or_errors() {
    browser_test("csp", PageOptions::self_check(), |b| async move {
        let plan = plan_for(&b, &plan::concern_with_unsure);
        b.open_start().await;
        // Language switch and back, to render every string path.
        let select = b.wait_for("select#rs-lang").await;
        select.select_by_value("uk").await.expect("choosing uk");
        b.wait_until(
            "lang=uk",
            "return document.querySelector('.rs-widget').getAttribute('lang') === 'uk';",
        )
        .await;
        let select = b.wait_for("select#rs-lang").await;
        select.select_by_value("en").await.expect("choosing en");
        b.run_by_clicks(&plan).await;
        if b.count(".rs-widget [data-action=\"restart\"]").await > 0 {
            b.action("restart").await;
            b.wait_screen("start").await;
        }
        let csp = b.csp_violations().await;
        assert!(csp.is_empty(), "CSP violations during a full run: {csp:#?}");
        let errors = b.page_errors().await;
        assert!(
            errors.is_empty(),
            "page errors during a full run: {errors:#?}"
        );
    });
}
