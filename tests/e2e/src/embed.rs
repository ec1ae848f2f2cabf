//! Host pages for the embedding tests: a page that embeds the widget in each of
//! the three ways (`embed.js` frame, `<risk-screen>`, the JS API), each with the
//! recorder script first in `<head>` and nothing inline (hosts under a strict CSP).
//!
//! The frame host is served by a second [`crate::server::Server`] (another port,
//! so another origin, as in production) with [`frame_host_csp`]: scripts and
//! frames from the widget's origin only, no `'wasm-unsafe-eval'`. The custom
//! element and JS API hosts are served by the widget's own server (its strict
//! policy allows WebAssembly, which those modes need in the host page).

use crate::page::RECORDER_PATH;

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
    page(
        &format!("<script type=\"module\" src=\"{API_HOST_PATH}\"></script>\n"),
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
