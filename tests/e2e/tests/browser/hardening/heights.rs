//! The frame's height: from Start on, the frame posts one fixed height
//! whatever the answers, so the host page cannot learn them from its size.

use std::time::Duration;

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{
    self, frame_host_server, open_frame, with_script, HTML, MESSAGES_PATH,
};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::plan::{self, Chooser, Plan};
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use crate::{plan_named, QUESTIONNAIRES};

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
