//! The frame's sandbox: `embed.js` on the widget's own origin leaves
//! `allow-same-origin` out (it would undo the sandbox) and says so.

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{self, HTML};
use riskscreen_e2e::server::CSP;
use riskscreen_e2e::PageOptions;

use super::LIMIT;

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
