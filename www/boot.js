// Starts the riskscreen widget on the self-check page (index.html).
//
// Reads the data-* attributes of #app (the vocabulary in options.js), fetches the
// compiled questionnaire and the helpline directory (same origin; the only network
// use, and it carries nothing about the person), loads the WebAssembly and mounts
// the widget. Answers never leave the widget: nothing here sees them.
//
// Sharing the result is never offered here: this page is where a person checks an
// offer for themselves (data-share-result is ignored).
//
// If anything fails, #app shows a readable message for the person who set the
// page up, and the emergency number for whoever is using it.

import init, { mount } from "./pkg/riskscreen.js";
import { applyTheme, optionsFrom, showError, wasmOptions } from "./options.js";

const app = document.getElementById("app");

async function start() {
  if (!app) {
    throw new Error("no element with id=\"app\" on the page");
  }
  const options = optionsFrom((name) => app.getAttribute(`data-${name}`));
  options.shareResult = false;
  // Test hook (browser tests only): the app panics after Start, to show the
  // fallback. Read from this page's own markup, never from its URL.
  options.testPanic = app.getAttribute("data-test-panic") === "true";
  applyTheme(document.documentElement, options.theme);
  const [wasmOptionsObject] = await Promise.all([wasmOptions(options, document.baseURI), init()]);
  mount(app, wasmOptionsObject);
}

start().catch((error) => showError(app ?? document.body, error));
