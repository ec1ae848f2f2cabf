//! Sharing the result: a declared `share-origin` counts only when it is the
//! origin of the page that really embeds the frame, never at top level, and
//! the share text names the origin that receives it.

use std::time::Duration;

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{
    self, frame_host_server, open_frame, query, with_script, API_HOST_JS, API_HOST_PATH, HTML, JS,
    MESSAGES_PATH,
};
use riskscreen_e2e::plan;
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

use super::{embedder_check, warnings, LIMIT};
use crate::plan_named;

/// An origin nobody embeds from.
const UNRELATED_ORIGIN: &str = "http://127.0.0.1:1";

/// The `riskscreen:complete` messages the host page received (any origin).
async fn shared_messages(b: &Browser) -> Json {
    b.js("return window.__messages.filter(m => m.data && m.data.type === 'riskscreen:complete');")
        .await
}

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
