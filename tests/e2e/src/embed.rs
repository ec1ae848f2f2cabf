//! Host pages for the embedding tests: a page that embeds the widget in each of
//! the three ways (`embed.js` frame, `<risk-screen>`, the JS API), each with the
//! recorder script first in `<head>` and nothing inline (hosts under a strict CSP).
//!
//! The frame host is served by a second [`crate::server::Server`] (another port,
//! so another origin, as in production) with [`frame_host_csp`]: scripts and
//! frames from the widget's origin only, no `'wasm-unsafe-eval'`. The custom
//! element and JS API hosts are served by the widget's own server (its strict
//! policy allows WebAssembly, which those modes need in the host page).
//!
//! A host page of the frame embed can also record every message it receives
//! ([`MESSAGES_JS`]: the frame's heights, a shared result), and
//! [`plain_frame_host`] frames `frame.html` without `embed.js`.

use std::time::{Duration, Instant};

use crate::page::{NEUTRAL_HTML, NEUTRAL_PATH, NEUTRAL_TITLE, RECORDER_JS, RECORDER_PATH};
use crate::server::Server;
use crate::Browser;

/// `Content-Type` of the generated pages.
pub const HTML: &str = "text/html; charset=utf-8";

/// `Content-Type` of the generated scripts.
pub const JS: &str = "text/javascript; charset=utf-8";

/// The iframe's `sandbox`, as `embed.js` sets it for a widget on another origin
/// (and the README's plain iframe).
pub const FRAME_SANDBOX: &str = "allow-scripts allow-forms allow-same-origin \
    allow-top-navigation-by-user-activation allow-top-navigation-to-custom-protocols allow-modals";

/// The iframe's `allow`, as `embed.js` sets it.
pub const FRAME_ALLOW: &str =
    "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'";

/// Where a host page's message recorder is served (see [`MESSAGES_JS`]).
pub const MESSAGES_PATH: &str = "/__test/messages.js";

/// Test-only script of a host page: every `message` event the page receives, in
/// order, as `{origin, data}` in `window.__messages` (the frame's height
/// messages, a shared result).
pub const MESSAGES_JS: &str = r#""use strict";
// Test-only (riskscreen-e2e): every message this page receives, in order.
window.__messages = [];
window.addEventListener("message", function (e) {
  window.__messages.push({ origin: e.origin, data: e.data });
});
"#;

/// Where the API host's test module is served.
pub const API_HOST_PATH: &str = "/__test/api-host.js";

/// Where the aggressive host stylesheet is served.
pub const HOSTILE_CSS_PATH: &str = "/__test/hostile.css";

/// Test-only module of the JS API host: mounts the widget into every
/// `[data-mount]` element with the JSON options of that attribute, and keeps the
/// handles in `window.__handles[id]` so a test can call `destroy()`.
pub const API_HOST_JS: &str = r#"// Test-only (riskscreen-e2e): the JS API host.
import { mount } from "/widget.js";
window.__handles = {};
for (const element of document.querySelectorAll("[data-mount]")) {
  const options = JSON.parse(element.getAttribute("data-mount"));
  mount(element, options).then(
    (handle) => { window.__handles[element.id] = handle; },
    (error) => { window.__e2e.errors.push("mount failed: " + error); },
  );
}
"#;

/// Host CSS that would wreck any widget it reached.
pub const HOSTILE_CSS: &str = "* { all: unset !important; }\n\
    button { display: none !important; }\n\
    body { color: red; font-family: monospace; line-height: 3; letter-spacing: 2px; }\n\
    p, h2 { color: lime !important; text-transform: uppercase !important; }\n";

/// The frame host's policy: what `embed.js` needs and nothing more.
pub fn frame_host_csp(widget_origin: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' {widget_origin}; frame-src {widget_origin}; \
         style-src 'self'; img-src 'self'; connect-src 'none'; base-uri 'none'; \
         form-action 'none'"
    )
}

/// `name="value"` pairs, HTML-escaped.
fn attributes(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| {
            let value = value
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;");
            format!(" {name}=\"{value}\"")
        })
        .collect()
}

fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
         <script src=\"{RECORDER_PATH}\"></script>\n\
         <title>Host page</title>\n{head}</head>\n<body><main>\n\
         <h1>An offer of a room</h1>\n<p id=\"host-text\">Host content.</p>\n{body}\n</main></body></html>\n"
    )
}

/// A page with the frame embed: `<script src="{widget}/embed.js" data-…>`.
pub fn frame_host(widget_origin: &str, data: &[(&str, &str)]) -> String {
    let data: Vec<(String, &str)> = data
        .iter()
        .map(|(name, value)| (format!("data-{name}"), *value))
        .collect();
    let pairs: Vec<(&str, &str)> = data.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    page(
        "",
        &format!(
            "<script src=\"{widget_origin}/embed.js\"{}></script>",
            attributes(&pairs)
        ),
    )
}

/// A page with one `<risk-screen>` per attribute list (ids `a`, `b`, …), and the
/// hostile stylesheet if `hostile`.
pub fn element_host(elements: &[&[(&str, &str)]], hostile: bool) -> String {
    let mut head = String::from("<script type=\"module\" src=\"/risk-screen.js\"></script>\n");
    if hostile {
        head.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{HOSTILE_CSS_PATH}\">\n"
        ));
    }
    let body: String = elements
        .iter()
        .zip('a'..)
        .map(|(attrs, id)| {
            format!(
                "<risk-screen id=\"{id}\"{}></risk-screen>\n",
                attributes(attrs)
            )
        })
        .collect();
    page(&head, &body)
}

/// A page with `<div id="a" data-mount='{options}'>` mounted by the JS API.
pub fn api_host(options_json: &str) -> String {
    api_host_with(API_HOST_PATH, options_json)
}

/// [`api_host`] with another test module than [`API_HOST_JS`] at `module`
/// (one that reads `data-mount` and mounts in its own way).
pub fn api_host_with(module: &str, options_json: &str) -> String {
    page(
        &format!("<script type=\"module\" src=\"{module}\"></script>\n"),
        &format!(
            "<div id=\"a\"{}></div>",
            attributes(&[("data-mount", options_json)])
        ),
    )
}

/// `html` with the recorder script first in `<head>` (for `frame.html`).
pub fn with_recorder(html: &str) -> String {
    html.replacen(
        "<head>",
        &format!("<head>\n  <script src=\"{RECORDER_PATH}\"></script>"),
        1,
    )
}

/// `html` with a classic `<script src>` for `src` last in `<head>` (after the
/// recorder): a test script of a host page, nothing inline.
pub fn with_script(html: &str, src: &str) -> String {
    html.replacen(
        "</head>",
        &format!("<script src=\"{src}\"></script>\n</head>"),
        1,
    )
}

/// A page with the frame embed written by hand, without `embed.js`: an
/// `<iframe src="{src}">` with the README's attributes (sized by its `width` and
/// `height` attributes: nothing resizes a plain iframe, and a `style` attribute
/// would break the host's CSP).
pub fn plain_frame_host(src: &str) -> String {
    page(
        "",
        &format!(
            "<iframe{} width=\"360\" height=\"640\"></iframe>",
            attributes(&[
                ("src", src),
                ("title", "Check an offer privately"),
                ("class", "riskscreen-frame"),
                ("sandbox", FRAME_SANDBOX),
                ("allow", FRAME_ALLOW),
                ("referrerpolicy", "strict-origin"),
            ])
        ),
    )
}

/// A second server (another origin) for a frame host page, with the host policy,
/// the recorder, the message recorder ([`MESSAGES_PATH`]) and the neutral exit
/// page. The widget's `frame.html` gets the recorder too.
pub fn frame_host_server(b: &Browser) -> Server {
    let host = Server::start(&b.www).expect("starting the host server");
    host.set_csp(&frame_host_csp(&b.server.origin()));
    host.put(RECORDER_PATH, JS, RECORDER_JS);
    host.put(MESSAGES_PATH, JS, MESSAGES_JS);
    host.put(NEUTRAL_PATH, HTML, NEUTRAL_HTML);
    serve_frame_with_recorder(b);
    host
}

/// Serves the widget's `frame.html` with the recorder first in `<head>`.
pub fn serve_frame_with_recorder(b: &Browser) {
    let frame = std::fs::read_to_string(b.www.join("frame.html")).expect("reading www/frame.html");
    b.server.put("/frame.html", HTML, with_recorder(&frame));
}

/// Loads `url`, waits for the frame embed's iframe and switches into it; waits
/// for the start screen.
pub async fn open_frame(b: &Browser, url: &str) {
    enter_embed(b, url).await;
    b.wait_screen("start").await;
}

/// Loads `url`, waits for the frame embed's iframe and switches into it; waits
/// until the widget or a panel rendered there (whatever it shows).
pub async fn enter_embed(b: &Browser, url: &str) {
    b.client.goto(url).await.expect("loading the host page");
    b.wait_until(
        "the embed's iframe",
        "return !!document.querySelector('iframe.riskscreen-frame');",
    )
    .await;
    b.client.enter_frame(0).await.expect("entering the frame");
    b.wait_until(
        "the widget or a panel in the frame",
        "return !!document.querySelector('#app .rs-widget');",
    )
    .await;
}

/// `name=value&…`, each part percent-encoded (all but `A-Z a-z 0-9 - . _ ~`):
/// a frame URL's query as a link would carry it.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Waits (from the top-level context) until the top page is the neutral exit page.
pub async fn assert_left(b: &Browser, what: &str) {
    let started = Instant::now();
    loop {
        let _ = b.client.enter_parent_frame().await;
        if b.client.title().await.is_ok_and(|t| t == NEUTRAL_TITLE) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{what}: the page did not leave for the exit page (title {:?}, url {:?})",
            b.client.title().await.ok(),
            b.client.current_url().await.ok().map(|u| u.to_string())
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
