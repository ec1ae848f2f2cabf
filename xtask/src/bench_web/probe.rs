//! The JavaScript run in the measured pages: the probe injected before the
//! page's own scripts, which finds Start, presses it and times the first
//! question (see the parent module's "What is measured"), and the two
//! scripts the driver runs to collect its result or describe a page that did
//! not get there.

use serde_json::Value;

use super::{QUESTION_SELECTOR, REPRESS_MS, START_SELECTOR};

/// The probe injected into every document before its own scripts (see the
/// module doc). It exposes `window.__riskscreenBench.done`, a promise of the
/// result: times in ms from the first document's navigation start (`fcp`,
/// `control`, `pressed`, `question`), `presses`, `documents` and `resources`
/// (`url`, `status`, `decoded` of the navigation and every resource).
pub fn probe_script() -> String {
    PROBE_JS
        .replace("__START__", &js_string(START_SELECTOR))
        .replace("__QUESTION__", &js_string(QUESTION_SELECTOR))
        .replace("__REPRESS__", &REPRESS_MS.to_string())
}

const PROBE_JS: &str = r#"(() => {
  "use strict";
  if (window.top !== window || window.__riskscreenBench) return;
  const START = __START__, QUESTION = __QUESTION__, REPRESS = __REPRESS__;
  const KEY = "riskscreen-bench";
  let saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(KEY) || "{}"); } catch (e) { saved = {}; }
  const t0 = typeof saved.t0 === "number" ? saved.t0 : performance.timeOrigin;
  const since = (t) => performance.timeOrigin + t - t0;
  const r = {
    fcp: null,
    control: typeof saved.control === "number" ? saved.control : null,
    controlInView: saved.controlInView || false,
    pressed: typeof saved.pressed === "number" ? saved.pressed : null,
    presses: saved.presses || 0,
    question: null,
    documents: (saved.documents || 0) + 1,
    resources: [],
  };
  const entries = () => performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"))
    .map((e) => ({ url: e.name, status: e.responseStatus || 0, decoded: e.decodedBodySize || 0 }));
  const snapshot = () => {
    if (r.fcp === null) {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      if (fcp) r.fcp = since(fcp.startTime);
    }
    return Object.assign({}, r, { resources: (saved.resources || []).concat(entries()) });
  };
  addEventListener("pagehide", () => {
    try {
      const s = snapshot();
      s.t0 = t0;
      sessionStorage.setItem(KEY, JSON.stringify(s));
    } catch (e) { /* a page without storage: times count from this document */ }
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "first-contentful-paint" && r.fcp === null) r.fcp = since(e.startTime);
      }
    }).observe({ type: "paint", buffered: true });
  } catch (e) { /* no Paint Timing */ }
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 &&
      (!el.checkVisibility || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  };
  const find = (selector) => {
    for (const el of document.querySelectorAll(selector)) if (shown(el)) return el;
    return null;
  };
  let lastPress = -Infinity;
  const press = () => {
    const start = find(START);
    if (!start) return;
    const now = performance.now();
    if (r.pressed === null) r.pressed = since(now);
    lastPress = now;
    r.presses += 1;
    start.click();
  };
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const frame = () => {
    if (r.control === null) {
      const start = find(START);
      if (start) {
        r.control = since(performance.now());
        const box = start.getBoundingClientRect();
        r.controlInView = box.top < innerHeight && box.bottom > 0;
        setTimeout(press, 0);
      }
    } else if (find(QUESTION)) {
      r.question = since(performance.now());
      // Paint Timing reports a frame once it is presented, which can come
      // later: wait for first-contentful-paint a little (no figure depends on it).
      const give = performance.now() + 3000;
      const settle = () => {
        const s = snapshot();
        if (s.fcp !== null || performance.now() > give) finish(s);
        else setTimeout(settle, 50);
      };
      settle();
      return;
    } else if (performance.now() - lastPress >= REPRESS) {
      press();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__riskscreenBench = { done, snapshot };
})();
"#;

/// What the driver runs to collect the result (an asynchronous WebDriver script).
pub(super) const WAIT_JS: &str = r#"const done = arguments[arguments.length - 1];
const probe = window.__riskscreenBench;
if (!probe) { done({ error: "no probe in " + location.href }); return; }
probe.done.then(done);"#;

/// What the driver runs to describe a page that did not get there.
pub(super) const STATE_JS: &str = r#"const probe = window.__riskscreenBench;
const s = probe ? probe.snapshot() : null;
if (s) s.resources = s.resources.length + " resources";
return { url: location.href, probe: s, text: document.body ? document.body.innerText.slice(0, 400) : null };"#;

/// A JavaScript string literal.
fn js_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}
