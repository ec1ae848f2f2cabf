//! The three ways of embedding, each in a host page under a strict policy:
//! the frame embed (`embed.js`, the widget on another origin), the
//! `<risk-screen>` custom element and the JS API (`widget.js` `mount`).
//!
//! For each mode and each shipped questionnaire: a complete run makes no request
//! once the widget has loaded, stores nothing, puts no answer in the URL and
//! violates no CSP. Then isolation (a frame host cannot read the answers; hostile
//! host CSS changes nothing in a shadow root and the widget's CSS does not leak;
//! two widgets on one page are independent; `destroy()` leaves no element or
//! listener), the opt-in result event, and the quick exit in every mode. axe-core
//! checks the result screen in the frame and in the host document around the
//! shadow root.

use std::time::Duration;

use fantoccini::key::Key;
use riskscreen_e2e::axe::axe_check;
use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::browser::key;
use riskscreen_e2e::embed::{
    self, assert_left, frame_host_server, open_frame, API_HOST_JS, API_HOST_PATH, FRAME_SANDBOX,
    HOSTILE_CSS, HOSTILE_CSS_PATH, HTML, JS,
};
use riskscreen_e2e::page::{NEUTRAL_HTML, NEUTRAL_PATH, NEUTRAL_TITLE};
use riskscreen_e2e::plan::{self, answer_values, Plan};
use riskscreen_e2e::traces::{assert_no_requests_since, assert_nothing_stored, quiet};
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use crate::{plan_named, QUESTIONNAIRES};

/// Long enough for three complete runs.
const LIMIT: Duration = Duration::from_secs(420);

/// Puts the widget-origin test files (API host module, hostile CSS) in place.
fn widget_origin_files(b: &Browser) {
    b.server.put(API_HOST_PATH, JS, API_HOST_JS);
    b.server.put(HOSTILE_CSS_PATH, "text/css", HOSTILE_CSS);
}

async fn href(b: &Browser) -> Json {
    b.js("return location.href;").await
}

/// The plan's result is on screen (level and every sign).
async fn assert_result(b: &Browser, plan: &Plan, what: &str) {
    b.wait_screen("result").await;
    let level = b.attr_of(".rs-level", "data-level").await;
    assert_eq!(
        level.as_deref(),
        Some(plan.expected.level.as_ref()),
        "{what}: the level shown"
    );
    let shown = b
        .js("return Array.from(document.querySelectorAll('.rs-concern'), e => e.getAttribute('data-indicator'));")
        .await;
    let mut shown: Vec<String> = riskscreen_e2e::browser::strings(&shown);
    shown.sort();
    let mut wanted: Vec<String> = plan
        .expected
        .present
        .iter()
        .map(|s| s.to_string())
        .collect();
    wanted.sort();
    assert_eq!(shown, wanted, "{what}: the signs shown");
}

/// In the frame: how `frame.js` learnt the embedding page's origin
/// (`data-rs-embedder-check`): `location.ancestorOrigins` where the engine has
/// it, else the `document.referrer` fallback (`embed.js` gives the iframe
/// `referrerpolicy="strict-origin"`). Says which path ran in this engine.
async fn assert_embedder_check(b: &Browser) {
    let seen = b
        .js(
            "return { check: document.documentElement.getAttribute('data-rs-embedder-check'), \
               ancestorOrigins: !!(location.ancestorOrigins && location.ancestorOrigins.length), \
               referrer: document.referrer };",
        )
        .await;
    let expected = if seen["ancestorOrigins"] == json!(true) {
        "ancestorOrigins"
    } else {
        "referrer"
    };
    riskscreen_e2e::engine::note(&format!(
        "frame.js learnt the embedder's origin from {} (location.ancestorOrigins {}, \
         document.referrer {})",
        seen["check"],
        if expected == "referrer" {
            "missing"
        } else {
            "present"
        },
        seen["referrer"]
    ));
    assert_eq!(
        seen["check"],
        json!(expected),
        "frame.js must use location.ancestorOrigins where the engine has it, else the referrer: {seen}"
    );
}

#[test]
fn frame_embed_runs_privately_for_every_questionnaire() {
    browser_test_within(
        "embed-frame-private",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            let host = frame_host_server(&b);
            for name in QUESTIONNAIRES {
                let what = format!("frame embed, {name}");
                let plan = plan_named(&b, name, &plan::concern);
                let page = format!("/host-{name}.html");
                host.put(
                    &page,
                    HTML,
                    embed::frame_host(
                        &b.server.origin(),
                        &[
                            ("questionnaire", name),
                            ("exit-url", &host.url(NEUTRAL_PATH)),
                        ],
                    ),
                );
                open_frame(&b, &host.url(&page)).await;
                if name == QUESTIONNAIRES[0] {
                    assert_embedder_check(&b).await;
                }
                let marks = quiet(&[&b.server, &host]).await;
                let frame_href = href(&b).await;
                let history = b.js("return history.length;").await;

                b.run_by_clicks(&plan).await;
                assert_result(&b, &plan, &what).await;
                tokio::time::sleep(Duration::from_millis(300)).await;
                assert_no_requests_since(&[&b.server, &host], &marks, &what);
                assert_nothing_stored(&b, &frame_href, &plan.answers, &format!("{what}, frame"))
                    .await;
                assert_eq!(
                    b.js("return history.length;").await,
                    history,
                    "{what}: the run added history entries"
                );
                b.assert_no_page_errors().await;
                axe_check(&b, &format!("frame-{name}-result")).await;

                b.client
                    .enter_parent_frame()
                    .await
                    .expect("back to the host page");
                assert_nothing_stored(
                    &b,
                    &json!(host.url(&page)),
                    &plan.answers,
                    &format!("{what}, host"),
                )
                .await;
                b.assert_no_page_errors().await;
                // A host script cannot reach into the frame: another origin.
                let reach = b
                .js("const f = document.querySelector('iframe.riskscreen-frame'); \
                     let doc = 'readable'; \
                     try { doc = f.contentWindow.document ? 'readable' : 'none'; } catch (e) { doc = e.name; } \
                     return { contentDocument: f.contentDocument === null, doc, \
                       sandbox: f.getAttribute('sandbox'), height: f.getBoundingClientRect().height };")
                .await;
                assert_eq!(
                    reach["contentDocument"],
                    json!(true),
                    "{what}: contentDocument is readable: {reach}"
                );
                assert_eq!(
                    reach["doc"],
                    json!("SecurityError"),
                    "{what}: the frame's document is readable: {reach}"
                );
                assert_eq!(reach["sandbox"], json!(FRAME_SANDBOX), "{what}: sandbox");
                assert!(
                    reach["height"].as_f64().unwrap_or(0.0) > 400.0,
                    "{what}: the frame was not sized to its content: {reach}"
                );
                assert_eq!(
                    b.count(".rs-widget, [data-rs-root]").await,
                    0,
                    "{what}: widget markup in the host document"
                );
                assert!(
                    b.js("return window.__e2e.shared.length;").await == json!(0),
                    "{what}: a result reached the host without sharing being on"
                );
            }
        },
    );
}

#[test]
fn element_and_api_embeds_run_privately_for_every_questionnaire() {
    browser_test_within(
        "embed-element-api-private",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            widget_origin_files(&b);
            for name in QUESTIONNAIRES {
                for mode in ["element", "api"] {
                    let what = format!("{mode}, {name}");
                    let plan = plan_named(&b, name, &plan::concern);
                    let page = format!("/host-{mode}-{name}.html");
                    let html = if mode == "element" {
                        embed::element_host(
                            &[&[("questionnaire", name), ("exit-url", NEUTRAL_PATH)]],
                            false,
                        )
                    } else {
                        embed::api_host(
                            &json!({ "questionnaire": name, "exitUrl": NEUTRAL_PATH }).to_string(),
                        )
                    };
                    b.server.put(&page, HTML, html);
                    b.client
                        .goto(&b.server.url(&page))
                        .await
                        .expect("loading the host page");
                    let w = b.scoped(Some(if mode == "element" {
                        "risk-screen"
                    } else {
                        "#a"
                    }));
                    w.wait_screen("start").await;
                    let marks = quiet(&[&b.server]).await;
                    let host_href = href(&b).await;
                    let history = b.js("return history.length;").await;
                    w.run_by_clicks(&plan).await;
                    assert_result(&w, &plan, &what).await;
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    assert_no_requests_since(&[&b.server], &marks, &what);
                    assert_nothing_stored(&b, &host_href, &plan.answers, &what).await;
                    assert_eq!(
                        b.js("return history.length;").await,
                        history,
                        "{what}: the run added history entries"
                    );
                    b.assert_no_page_errors().await;
                    let leaked = b
                    .js("return !!document.querySelector('.rs-widget') || document.body.innerText.includes('rs-');")
                    .await;
                    assert_eq!(
                        leaked,
                        json!(false),
                        "{what}: widget markup outside its shadow root"
                    );
                    // axe-core on the host document, the open shadow root included.
                    axe_check(&b, &format!("{mode}-{name}-result")).await;
                }
            }
        },
    );
}

/// Computed styles of the widget's parts that host CSS would change (not the
/// width: the space the widget gets is the host's to give).
const STYLE_PROBE: &str = "const props = ['display', 'font-family', 'font-size', 'font-weight', 'line-height', 'color', \
    'background-color', 'text-transform', 'letter-spacing', 'padding-top', 'border-top-width', 'visibility']; \
    return ['.rs-widget', '.rs-exit', '[data-action=\"start\"]', 'h2', 'p', 'select'] \
      .map(sel => { const e = document.querySelector(sel); \
        if (!e) return sel + ': missing'; const cs = getComputedStyle(e); \
        return sel + ' ' + props.map(p => p + '=' + cs.getPropertyValue(p)).join(' '); });";

/// A host element with the widget's class names, to see whether its CSS leaks.
const LEAK_PROBE: &str = "const e = document.getElementById('host-text'); \
    e.className = 'rs-widget rs-lead rs-primary'; const cs = getComputedStyle(e); \
    return ['font-family', 'font-size', 'color', 'background-color', 'padding-top', 'max-width'] \
      .map(p => p + '=' + cs.getPropertyValue(p));";

#[test]
fn shadow_root_keeps_host_css_out_and_widget_css_in() {
    browser_test_within(
        "embed-css-isolation",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            widget_origin_files(&b);
            let attrs: &[(&str, &str)] = &[("questionnaire", "self-check"), ("lang", "en")];
            b.server
                .put("/plain.html", HTML, embed::element_host(&[attrs], false));
            b.server
                .put("/hostile.html", HTML, embed::element_host(&[attrs], true));
            b.server
                .put("/none.html", HTML, embed::element_host(&[], false));
            let w = b.scoped(Some("risk-screen"));

            b.client
                .goto(&b.server.url("/none.html"))
                .await
                .expect("loading");
            let host_alone = b.js(LEAK_PROBE).await;

            b.client
                .goto(&b.server.url("/plain.html"))
                .await
                .expect("loading");
            w.wait_screen("start").await;
            let plain = w.js(STYLE_PROBE).await;
            let host_with_widget = b.js(LEAK_PROBE).await;
            assert_eq!(
                host_with_widget, host_alone,
                "the widget's CSS changed a host element"
            );

            b.client
                .goto(&b.server.url("/hostile.html"))
                .await
                .expect("loading");
            w.wait_screen("start").await;
            let hostile = w.js(STYLE_PROBE).await;
            assert_eq!(
                hostile, plain,
                "host CSS (`* {{ all: unset }}`, `button {{ display: none }}`) changed the widget"
            );
            // And it still works: start, answer, go on.
            w.action("start").await;
            w.wait_screen("question").await;
            b.assert_no_page_errors().await;
        },
    );
}

#[test]
fn two_widgets_on_one_page_are_independent_and_destroy_leaves_nothing() {
    browser_test_within(
        "embed-two-widgets",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            widget_origin_files(&b);
            b.server.put(
                "/two.html",
                HTML,
                embed::element_host(
                    &[
                        &[("questionnaire", "self-check"), ("lang", "en")],
                        &[("questionnaire", "platform-offer"), ("lang", "uk")],
                    ],
                    false,
                ),
            );
            b.client
                .goto(&b.server.url("/two.html"))
                .await
                .expect("loading");
            let a = b.scoped(Some("risk-screen#a"));
            let second = b.scoped(Some("risk-screen#b"));
            a.wait_screen("start").await;
            second.wait_screen("start").await;
            let plan_a = plan_named(&b, "self-check", &plan::concern);
            let plan_b = plan_named(&b, "platform-offer", &plan::concern);
            a.action("start").await;
            a.answer_and_next(&plan_a.steps[0]).await;
            assert_eq!(
                second.screen().await.as_deref(),
                Some("start"),
                "b moved when a was used"
            );
            second.action("start").await;
            second.wait_question(&plan_b.steps[0].question).await;
            a.wait_question(&plan_a.steps[1].question).await;
            assert_eq!(a.attr_of(".rs-widget", "lang").await.as_deref(), Some("en"));
            assert_eq!(
                second.attr_of(".rs-widget", "lang").await.as_deref(),
                Some("uk")
            );
            // Removing one element tears that widget down and leaves the other alone.
            b.js("window.__a = document.getElementById('a'); window.__a.remove();")
                .await;
            b.wait_until(
                "the removed element's shadow root to be empty",
                "return window.__a.shadowRoot.childNodes.length === 0;",
            )
            .await;
            second.wait_question(&plan_b.steps[0].question).await;
            b.assert_no_page_errors().await;

            // The JS API: destroy() empties the root and removes the listeners: Shift
            // three times then leaves nothing (no quick exit any more).
            b.client.goto(&b.server.url("/api.html")).await.ok();
            b.server.put(
                "/api.html",
                HTML,
                embed::api_host(
                    &json!({ "questionnaire": "self-check", "exitUrl": NEUTRAL_PATH }).to_string(),
                ),
            );
            b.server.put(NEUTRAL_PATH, HTML, NEUTRAL_HTML);
            b.client
                .goto(&b.server.url("/api.html"))
                .await
                .expect("loading");
            let api = b.scoped(Some("#a"));
            api.wait_screen("start").await;
            api.action("start").await;
            api.wait_screen("question").await;
            b.wait_until(
                "the API handle",
                "return !!(window.__handles && window.__handles.a);",
            )
            .await;
            b.js("window.__handles.a.destroy();").await;
            let left = b
            .js("const r = document.getElementById('a').shadowRoot; \
                 return { nodes: r.childNodes.length, marked: document.querySelectorAll('[data-rs-root]').length };")
            .await;
            assert_eq!(
                left,
                json!({ "nodes": 0, "marked": 0 }),
                "destroy() left something behind"
            );
            for _ in 0..3 {
                b.press(Key::Shift).await;
            }
            tokio::time::sleep(Duration::from_millis(800)).await;
            let title = b.client.title().await.unwrap_or_default();
            assert_ne!(
                title, NEUTRAL_TITLE,
                "a destroyed widget still listened to Shift ×3"
            );
            b.assert_no_page_errors().await;
        },
    );
}

/// The share section in `w` names `receiver`, the origin the result would go to.
async fn assert_share_names(w: &Browser, receiver: &str, what: &str) {
    let text = w.text_of(".rs-share").await.unwrap_or_default();
    assert!(
        text.contains(receiver),
        "{what}: the share section must name the receiving origin {receiver}: {text:?}"
    );
}

/// Runs `plan` to the result in `w`, checks nothing was shared yet and that the
/// share section names `receiver`, shares, and returns what the host page received.
async fn share(b: &Browser, w: &Browser, plan: &Plan, receiver: &str, what: &str) -> Json {
    w.run_by_clicks(plan).await;
    assert_result(w, plan, what).await;
    assert_share_names(w, receiver, what).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        b.js("return window.__e2e.shared.length;").await,
        json!(0),
        "{what}: shared before the press"
    );
    w.action("share").await;
    w.wait_until(
        "the shared notice",
        "return !!document.querySelector('.rs-share-status').textContent.trim();",
    )
    .await;
    b.wait_until(
        "the result at the host",
        "return window.__e2e.shared.length === 1 && window.__e2e.shared[0];",
    )
    .await
}

fn assert_summary(summary: &Json, plan: &Plan, name: &str) {
    assert_eq!(summary["questionnaire"], json!(name));
    assert_eq!(summary["level"], json!(plan.expected.level.to_string()));
    assert_eq!(summary["danger"], json!(plan.expected.danger));
    let signs: Vec<String> = plan
        .expected
        .present
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(summary["signs"], json!(signs));
    let text = summary.to_string();
    for answer in plan.answers.values() {
        for value in answer_values(answer) {
            if value.len() > 3 {
                assert!(
                    !text.contains(&format!("\"{value}\"")),
                    "the summary holds an answer value {value}: {text}"
                );
            }
        }
    }
}

#[test]
fn results_reach_the_host_only_when_enabled_and_the_person_shares() {
    browser_test_within(
        "embed-share",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            widget_origin_files(&b);
            // Custom element, intake, share-result on.
            let plan = plan_named(&b, "ngo-intake", &plan::concern);
            b.server.put(
                "/share.html",
                HTML,
                embed::element_host(
                    &[&[("questionnaire", "ngo-intake"), ("share-result", "")]],
                    false,
                ),
            );
            b.client
                .goto(&b.server.url("/share.html"))
                .await
                .expect("loading");
            let w = b.scoped(Some("risk-screen"));
            w.wait_screen("start").await;
            // The element shares with its own page: the share text names that origin.
            let summary = share(&b, &w, &plan, &b.server.origin(), "custom element").await;
            assert_summary(&summary, &plan, "ngo-intake");

            // A self-check never offers it, even when asked.
            let plan = plan_named(&b, "self-check", &plan::concern);
            b.server.put(
                "/self.html",
                HTML,
                embed::element_host(
                    &[&[("questionnaire", "self-check"), ("share-result", "")]],
                    false,
                ),
            );
            b.client
                .goto(&b.server.url("/self.html"))
                .await
                .expect("loading");
            w.wait_screen("start").await;
            w.run_by_clicks(&plan).await;
            w.wait_screen("result").await;
            assert_eq!(
                w.count("[data-action=\"share\"], .rs-share").await,
                0,
                "a self-check offered sharing"
            );

            // Frame embed: the result goes to the one declared origin, after the press.
            let host = frame_host_server(&b);
            let plan = plan_named(&b, "platform-offer", &plan::concern);
            host.put(
                "/share.html",
                HTML,
                embed::frame_host(
                    &b.server.origin(),
                    &[
                        ("questionnaire", "platform-offer"),
                        ("share-origin", &host.origin()),
                    ],
                ),
            );
            host.put(
                "/no-share.html",
                HTML,
                embed::frame_host(&b.server.origin(), &[("questionnaire", "platform-offer")]),
            );
            open_frame(&b, &host.url("/no-share.html")).await;
            b.run_by_clicks(&plan).await;
            b.wait_screen("result").await;
            assert_eq!(
                b.count(".rs-share").await,
                0,
                "sharing offered without data-share-origin"
            );

            open_frame(&b, &host.url("/share.html")).await;
            b.run_by_clicks(&plan).await;
            assert_result(&b, &plan, "frame").await;
            assert_share_names(&b, &host.origin(), "frame").await;
            b.action("share").await;
            b.client
                .enter_parent_frame()
                .await
                .expect("back to the host");
            let summary = b
                .wait_until(
                    "the result at the host",
                    "return window.__e2e.shared.length === 1 && window.__e2e.shared[0];",
                )
                .await;
            assert_summary(&summary, &plan, "platform-offer");
            b.assert_no_page_errors().await;
        },
    );
}

#[test]
fn quick_exit_leaves_the_whole_page_in_every_mode() {
    browser_test_within(
        "embed-quick-exit",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            widget_origin_files(&b);
            b.server.put(NEUTRAL_PATH, HTML, NEUTRAL_HTML);
            let host = frame_host_server(&b);
            host.put(
                "/host.html",
                HTML,
                embed::frame_host(&b.server.origin(), &[("exit-url", &host.url(NEUTRAL_PATH))]),
            );
            let plan = plan_named(&b, "self-check", &plan::concern);
            for by_keys in [false, true] {
                let what = format!(
                    "frame embed, {}",
                    if by_keys { "Shift ×3" } else { "button" }
                );
                open_frame(&b, &host.url("/host.html")).await;
                b.action("start").await;
                b.answer_and_next(&plan.steps[0]).await;
                if by_keys {
                    for _ in 0..3 {
                        b.press(Key::Shift).await;
                    }
                } else {
                    b.click(".rs-widget .rs-exit").await;
                }
                assert_left(&b, &what).await;
            }

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
            for (page, scope, by_keys) in [
                ("/element.html", "risk-screen", false),
                ("/element.html", "risk-screen", true),
                ("/api.html", "#a", false),
                ("/api.html", "#a", true),
            ] {
                let what = format!("{page}, {}", if by_keys { "Shift ×3" } else { "button" });
                b.client.goto(&b.server.url(page)).await.expect("loading");
                let w = b.scoped(Some(scope));
                w.wait_screen("start").await;
                w.action("start").await;
                w.answer_and_next(&plan.steps[0]).await;
                if by_keys {
                    let _ = key(Key::Shift);
                    for _ in 0..3 {
                        b.press(Key::Shift).await;
                    }
                } else {
                    w.click(".rs-widget .rs-exit").await;
                }
                assert_left(&b, &what).await;
                let cover = b
                    .js("return document.documentElement.style.visibility;")
                    .await;
                assert_eq!(
                    cover,
                    json!(""),
                    "{what}: the exit page must not inherit the cover"
                );
            }
        },
    );
}
