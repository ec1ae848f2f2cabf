// The riskscreen JS API: one module export, no globals.
//
//   import { mount } from "https://widget.example.org/widget.js";
//   const handle = await mount(document.querySelector("#check"), {
//     questionnaire: "ngo-intake", lang: "uk", country: "PL", shareResult: true,
//   });
//   element.addEventListener("riskscreen:complete", (e) => console.log(e.detail));
//   handle.destroy();
//
// The widget renders into an open Shadow DOM root of `element` (a div, section,
// main, article or custom element), with the stylesheet as a file linked inside
// it: host CSS does not reach it and its CSS does not leak. Options are those of
// options.js in camelCase: questionnaire / helplines / helplinesAdd (a name of a
// file this widget ships, a URL, a JSON text or an object), lang, country,
// exitUrl, theme {accent, accentText, background, text}, shareResult.
//
// A shadow root is not a privacy boundary: any script of the host page can read
// an open root, and closed roots would not stop a determined one. Where the host
// page runs scripts the person should not trust (analytics, session replay), use
// the frame embed (embed.js) instead.
//
// Never a dead end: the wasm and its glue are loaded by fallback.js
// (`loadWidget`: no WebAssembly found first, the glue imported dynamically, every
// download given up when it stalls), so this module runs whatever happens to
// them, and every failure (no WebAssembly or no 'wasm-unsafe-eval' in the host's
// CSP, a missing, truncated or stalled file, options the widget refuses, a panic
// while mounting) ends in the element on a box in the person's language (the
// quick exit, 112, the country's helplines, why; or the wasm's own panel) and a
// rejected promise. The box takes the focus only from the widget itself, never
// from the host page.

import { applyTheme, wasmOptions } from "./options.js";
import { IMPORT_MS, loadWidget, showFallback } from "./fallback.js";

/** This module's directory: where the wasm, the stylesheet and q/ live. */
const BASE = new URL(".", import.meta.url).href;

/** The glue with its wasm, once, for every mount (again after a failure). */
let ready = null;

/** The handle of the widget mounted in each element (a new mount replaces it). */
const mounted = new WeakMap();

/**
 * Mounts the widget in `element`. Resolves to `{ destroy() }`; rejects (after
 * showing the fallback box, or the wasm's panel, in the element) when the
 * widget cannot start or the options are unusable.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) {
    throw new TypeError("riskscreen: mount(element, options) needs an element");
  }
  mounted.get(element)?.destroy();
  const fallback = {
    lang: options.lang,
    country: options.country,
    exitUrl: options.exitUrl,
    questionnaire: options.questionnaire,
  };
  let root;
  try {
    root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  } catch (error) {
    // An element that cannot host a shadow root (a <p>, say): say so in it.
    showFallback(element, new Error(`cannot mount in <${element.localName}>: ${error.message}`), fallback);
    throw error;
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("style.css", BASE).href;
  const container = document.createElement("div");
  container.className = "rs-shadow";
  applyTheme(container, options.theme);
  const styled = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
    // A stylesheet that stalls does not hold the widget (or its box) back.
    setTimeout(resolve, IMPORT_MS);
  });
  // Whether the focus was in this widget (a mount over a mount): only then may
  // the fallback box take it.
  const focus = root.activeElement !== null;
  root.replaceChildren(link, container);
  let handle;
  try {
    ready ??= loadWidget().catch((error) => {
      ready = null; // a later mount tries again
      throw error;
    });
    const [wasm, glue] = await Promise.all([wasmOptions(options, BASE), ready, styled]);
    // A shared result is an event in this page: the person is told it goes to
    // this page's origin (never to an opaque "null" one).
    wasm.shareTo = location.origin !== "null" ? location.origin : undefined;
    handle = await glue.mount(container, wasm);
  } catch (error) {
    showFallback(container, error, { ...fallback, focus });
    throw error;
  }
  let destroyed = false;
  const result = {
    /** Unmounts: every answer dropped, every listener removed, this mount's
     * nodes taken out of the root (a newer mount in the same root stays). */
    destroy() {
      if (destroyed) return;
      destroyed = true;
      handle.destroy();
      handle.free();
      container.remove();
      link.remove();
      if (mounted.get(element) === result) mounted.delete(element);
    },
  };
  mounted.set(element, result);
  return result;
}
