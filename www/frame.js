// Starts the riskscreen widget inside the frame embed (frame.html, put on the host
// page by embed.js or a plain <iframe>).
//
// The options come from this page's URL parameters (the vocabulary in options.js;
// never an answer). Two more parameters come from embed.js:
//   embedder      the host page's origin: the only origin this frame posts its
//                 height to;
//   share-origin  the origin that may receive the result, declared by the host
//                 (data-share-origin); without it sharing is off.
// Messages to the parent: {type: "riskscreen:height", height} (a number only),
// "riskscreen:exit" (from the quick exit, carrying nothing), and, only after the
// person pressed "Share the result", {type: "riskscreen:complete", result} to the
// declared share-origin (postMessage delivers nothing to any other origin).

import init, { mount } from "./pkg/riskscreen.js";
import { applyTheme, optionsFrom, showError, wasmOptions } from "./options.js";

const app = document.getElementById("app");
const params = new URLSearchParams(location.search);

/** `value` if it is exactly an http(s) origin, else null. */
function origin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

const embedder = origin(params.get("embedder"));
const shareOrigin = origin(params.get("share-origin"));

/** Posts the document's height to the embedder whenever it changes. */
function reportHeight() {
  if (!embedder || window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "riskscreen:height", height }, embedder);
    }
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

async function start() {
  const options = optionsFrom((name) => params.get(name));
  // Only questionnaires and directories of this widget's own origin: the frame's
  // CSP (connect-src 'self') would refuse any other, and the URL stays short.
  options.shareResult = shareOrigin !== null && options.shareResult !== false;
  applyTheme(document.documentElement, options.theme);
  if (shareOrigin) {
    app.addEventListener("riskscreen:complete", (event) => {
      window.parent.postMessage({ type: "riskscreen:complete", result: event.detail }, shareOrigin);
    });
  }
  reportHeight();
  const [wasmOptionsObject] = await Promise.all([wasmOptions(options, document.baseURI), init()]);
  mount(app, wasmOptionsObject);
}

start().catch((error) => showError(app ?? document.body, error));
