//! Long sessions (issue #12 item 5): mounting and destroying the widget 1,000
//! times through the JS API, and changing a `<risk-screen>` attribute 1,000
//! times (each restarts the check), must not leave listeners on `window` or
//! `document`, nodes in the page, or WebAssembly memory growing without bound.
//!
//! A test module (`/__test/long.js`) wraps `addEventListener` and
//! `removeEventListener` before the widget loads and keeps the listeners live on
//! `window` and `document` (where a forgotten one outlives the widget: listeners
//! on the widget's own nodes go with them); the wasm memory is the module's
//! `memory` export. Figures are printed at the start (after a warm-up) and at
//! the end.
//!
//! **What does grow: yew's event delegation, about 0.5–1.3 KB a mount.** Each
//! yew app registers one capturing listener per event kind on its root element
//! and forgets the closure on purpose (yew 0.23, `dom_bundle/subtree_root.rs`,
//! `HostHandlers::add_listener`: "Never drop the closure as this event handler
//! is static"; the registry is dropped only in yew's own tests). So every mount
//! leaves its closures in wasm memory after `destroy()`, although the listeners
//! go with the removed root element on the JS side. Measured here (Chromium, 4
//! × 1,000 mounts and destroys): +512 KiB to +1.25 MiB of wasm memory per 1,000,
//! steadily, whereas 2,000 mounts refused before yew starts (a broken
//! questionnaire) grow nothing. The bound below, 2 MiB per 1,000 mounts, allows
//! that and catches anything of ours that leaks per mount (a questionnaire alone
//! is over 100 KB). Upstream has no release without it (0.23.0 is the latest);
//! README "Known limits" says what it means for embedders.

use std::time::{Duration, Instant};

use riskscreen_e2e::browser::browser_test_within;
use riskscreen_e2e::embed::{api_host_with, element_host, HTML, JS};
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::Value as Json;

const LIMIT: Duration = Duration::from_secs(600);
const MODULE: &str = "/__test/long.js";
const CYCLES: u64 = 1_000;

/// Test-only module: the listener recorder, the measurements, the loops.
const LONG_JS: &str = r#"// Test-only (riskscreen-e2e): long sessions.
import { mount } from "/widget.js";
import init from "/pkg/riskscreen.js";

const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
const live = [];
const capture = (o) => (typeof o === "boolean" ? o : !!(o && o.capture));
const same = (t, type, fn, c) => (l) => l.t === t && l.type === type && l.fn === fn && l.c === c;
EventTarget.prototype.addEventListener = function (type, fn, o) {
  if ((this === window || this === document) && fn && !live.some(same(this, type, fn, capture(o)))) {
    live.push({ t: this, type, fn, c: capture(o) });
  }
  return add.call(this, type, fn, o);
};
EventTarget.prototype.removeEventListener = function (type, fn, o) {
  const i = live.findIndex(same(this, type, fn, capture(o)));
  if (i >= 0) live.splice(i, 1);
  return remove.call(this, type, fn, o);
};

const count = (root) => {
  let n = 0;
  const walk = (node) => {
    n += 1;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return n;
};

window.__measure = async () => ({
  memory: (await init()).memory.buffer.byteLength,
  listeners: live.length,
  types: live.map((l) => (l.t === window ? "window:" : "document:") + l.type).sort(),
  nodes: count(document.documentElement),
});

/** Mounts and destroys `n` times in #a, alternating the language. */
window.__cycles = async (n) => {
  const element = document.getElementById("a");
  const questionnaire = await (await fetch("/q/self-check.json")).json();
  for (let i = 0; i < n; i += 1) {
    const handle = await mount(element, { questionnaire, lang: i % 2 ? "uk" : "en" });
    handle.destroy();
  }
};

/** Changes `lang` of <risk-screen id="a"> `n` times, each time until the
 * restarted widget shows in that language. */
window.__attributes = async (n) => {
  const element = document.getElementById("a");
  const shown = (lang) => new Promise((resolve) => {
    const check = () => {
      const w = element.shadowRoot && element.shadowRoot.querySelector(".rs-widget");
      if (w && w.getAttribute("lang") === lang) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  for (let i = 0; i < n; i += 1) {
    const lang = i % 2 ? "en" : "uk";
    element.setAttribute("lang", lang);
    await shown(lang);
  }
};
"#;

async fn measure(b: &Browser) -> Json {
    b.js_async(
        "const done = arguments[arguments.length - 1]; \
         window.__measure().then(done, (e) => done({ error: String(e) }));",
    )
    .await
}

async fn run(b: &Browser, call: &str) {
    let outcome = b
        .js_async(&format!(
            "const done = arguments[arguments.length - 1]; \
             {call}.then(() => done('ok'), (e) => done(String(e)));"
        ))
        .await;
    assert_eq!(outcome, Json::from("ok"), "{call}");
}

/// Start and end figures must stay within the allocator's slack: the same
/// listeners, about the same nodes, and at most 2 MiB more wasm memory after
/// 1,000 cycles (yew's forgotten closures, see the module doc).
fn assert_bounded(what: &str, start: &Json, end: &Json) {
    println!("{what}: start {start}");
    println!("{what}: end   {end}");
    assert_eq!(
        start["types"], end["types"],
        "{what}: listeners on window and document changed"
    );
    let nodes = |v: &Json| v["nodes"].as_u64().unwrap_or(0);
    assert!(
        nodes(end) <= nodes(start) + 50,
        "{what}: the page grew from {} to {} nodes",
        nodes(start),
        nodes(end)
    );
    let memory = |v: &Json| v["memory"].as_u64().unwrap_or(0);
    let grown = memory(end).saturating_sub(memory(start));
    println!(
        "{what}: wasm memory +{grown} bytes, {} bytes a cycle",
        grown / CYCLES
    );
    assert!(
        grown <= 2 * 1024 * 1024,
        "{what}: wasm memory grew from {} to {} bytes",
        memory(start),
        memory(end)
    );
}

#[test]
fn a_thousand_mounts_and_destroys_leave_nothing_behind() {
    browser_test_within(
        "long_session_mounts",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            b.server.put(MODULE, JS, LONG_JS);
            b.server
                .put("/long.html", HTML, api_host_with(MODULE, "{}"));
            b.client
                .goto(&b.server.url("/long.html"))
                .await
                .expect("loading");
            b.wait_until("the test module", "return !!window.__cycles;")
                .await;
            run(&b, "window.__cycles(10)").await;
            let start = measure(&b).await;
            let started = Instant::now();
            run(&b, &format!("window.__cycles({CYCLES})")).await;
            println!(
                "{CYCLES} mounts and destroys in {:?} (not asserted)",
                started.elapsed()
            );
            let end = measure(&b).await;
            assert_bounded("mount/destroy", &start, &end);
            b.assert_no_page_errors().await;
        },
    );
}

#[test]
fn a_thousand_attribute_changes_leave_nothing_behind() {
    browser_test_within(
        "long_session_attributes",
        PageOptions::self_check(),
        LIMIT,
        |b| async move {
            b.server.put(MODULE, JS, LONG_JS);
            // The recorder module first, so it wraps addEventListener before the
            // custom element is defined.
            let page = element_host(&[&[("questionnaire", "self-check"), ("lang", "en")]], false)
                .replacen(
                    "<script type=\"module\" src=\"/risk-screen.js\"></script>",
                    &format!(
                        "<script type=\"module\" src=\"{MODULE}\"></script>\n\
                         <script type=\"module\" src=\"/risk-screen.js\"></script>"
                    ),
                    1,
                );
            b.server.put("/long-element.html", HTML, page);
            b.client
                .goto(&b.server.url("/long-element.html"))
                .await
                .expect("loading");
            b.wait_until("the test module", "return !!window.__attributes;")
                .await;
            run(&b, "window.__attributes(10)").await;
            let start = measure(&b).await;
            let started = Instant::now();
            run(&b, &format!("window.__attributes({CYCLES})")).await;
            println!(
                "{CYCLES} attribute changes in {:?} (not asserted)",
                started.elapsed()
            );
            let end = measure(&b).await;
            assert_bounded("attribute changes", &start, &end);
            b.assert_no_page_errors().await;
        },
    );
}
