// Starts the riskscreen widget inside the frame embed (frame.html, put on the host
// page by embed.js or a plain <iframe>).
//
// The options come from this page's URL parameters (the vocabulary in options.js;
// never an answer). Anyone can write a link to this page, so the URL is read as
// an attacker's text: `questionnaire`, `helplines` and `helplines-add` may only
// name files this widget ships (options.js `urlProblems`); anything else shows the
// start-failure panel (quick exit, 112 and the widget's own helplines, in the
// person's language) with the reason for the site owner. No test hook is read
// from the URL. Two more parameters come from embed.js:
//   embedder      the host page's origin: the only origin this frame posts its
//                 height to;
//   share-origin  the origin that may receive the result, declared by the host
//                 (data-share-origin); without it sharing is off. It is believed
//                 only when it is the origin of the page that really embeds this
//                 frame (`embeddingOrigin`), and never when this page is opened
//                 on its own.
// Messages to the parent: {type: "riskscreen:height", height} (a number only),
// "riskscreen:exit" (from the quick exit, carrying nothing), and, only after the
// person pressed "Share the result", {type: "riskscreen:complete", result} to the
// declared share-origin (postMessage delivers nothing to any other origin).
//
// Never a dead end: the wasm and its glue are loaded by fallback.js
// (`loadWidget`: no WebAssembly found first, the glue imported dynamically, every
// download given up when it stalls), so this module runs whatever happens to
// them, and every failure (no WebAssembly, a missing, truncated or stalled file, a
// panic while mounting) ends on fallback.js's box in the person's language: the
// quick exit, 112, the country's helplines, why. The frame's height is then the
// fixed one of a started check: the box has a <details> per country, and a
// height that followed them would tell the host which one the person opened.

import { applyTheme, jsonText, optionsFrom, stringsLoader, urlProblems, wasmOptions } from "./options.js";
import { loadWidget, showFallback } from "./fallback.js";

const app = document.getElementById("app");
const params = new URLSearchParams(location.search);

/**
 * The height reported once the person has pressed Start, in rem: the frame keeps
 * it for the rest of the check and the widget scrolls inside (its "Leave quickly"
 * bar stays at the top). A height that followed the content would tell the host
 * page how long each screen is, and so hint at the answers.
 */
const CHECK_HEIGHT_REM = 36;

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

/**
 * The origin of the page this frame is in, and how it was learnt:
 * `location.ancestorOrigins` where the browser has it (Chromium, WebKit), else
 * the origin of `document.referrer` (Firefox; embed.js gives the iframe
 * `referrerpolicy="strict-origin"`, so that is the host's origin and nothing
 * more). `{ origin: null }` when this page is not in a frame or the origin cannot
 * be known. The way is kept on the root element (`data-rs-embedder-check`) for
 * the browser tests.
 */
function embeddingOrigin() {
  if (window.parent === window) return { origin: null, via: "top-level" };
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    return { origin: origin(ancestors[0]), via: "ancestorOrigins" };
  }
  try {
    return { origin: origin(new URL(document.referrer).origin), via: "referrer" };
  } catch {
    return { origin: null, via: "referrer" };
  }
}

const embedder = origin(params.get("embedder"));
const declaredShareOrigin = origin(params.get("share-origin"));
const parentPage = embeddingOrigin();
document.documentElement.dataset.rsEmbedderCheck = parentPage.via;
const shareOrigin =
  declaredShareOrigin !== null && declaredShareOrigin === parentPage.origin ? declaredShareOrigin : null;
if (declaredShareOrigin !== null && shareOrigin === null) {
  console.warn(
    `riskscreen: share-origin ${declaredShareOrigin} is not the origin of the page embedding ` +
      `this frame (${parentPage.origin ?? "none"}, from ${parentPage.via}); sharing is off`,
  );
}

/** Whether the person has left the start screen (Start, or a failure panel or box). */
function started() {
  const widget = app.querySelector("[data-screen]");
  return widget !== null && widget.getAttribute("data-screen") !== "start";
}

/**
 * Posts the frame's height to the embedder: the content's height on the start
 * screen (which depends on the language, not on any answer), then, from Start
 * on, one fixed height for the rest of the session.
 */
function reportHeight() {
  if (!embedder || window.parent === window) return;
  let last = 0;
  let fixed = false;
  const measure = () => {
    fixed ||= started();
    const root = document.documentElement;
    const height = fixed
      ? Math.ceil(CHECK_HEIGHT_REM * parseFloat(getComputedStyle(root).fontSize))
      : Math.ceil(root.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "riskscreen:height", height }, embedder);
    }
  };
  new ResizeObserver(measure).observe(document.documentElement);
  new MutationObserver(measure).observe(app, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-screen"],
  });
  measure();
}

async function start(options) {
  const get = (name) => params.get(name);
  options.shareResult = shareOrigin !== null && options.shareResult !== false;
  options.shareTo = shareOrigin ?? undefined;
  applyTheme(document.documentElement, options.theme);
  reportHeight();
  const widget = loadWidget();
  const problems = urlProblems(get);
  if (problems.length > 0) {
    // Refused before anything is fetched from what the URL named; the panel shows
    // the widget's own directory.
    const [helplines, { showFailure }] = await Promise.all([jsonText("helplines", document.baseURI), widget]);
    const panelOptions = {
      helplines,
      lang: options.lang,
      country: options.country,
      exitUrl: options.exitUrl,
      loadStrings: stringsLoader(document.baseURI),
    };
    await showFailure(app, panelOptions, problems.join("\n"));
    console.error(`riskscreen did not start: ${problems.join("\n")}`);
    return;
  }
  if (shareOrigin) {
    app.addEventListener("riskscreen:complete", (event) => {
      window.parent.postMessage({ type: "riskscreen:complete", result: event.detail }, shareOrigin);
    });
  }
  const [wasmOptionsObject, { mount }] = await Promise.all([wasmOptions(options, document.baseURI), widget]);
  await mount(app, wasmOptionsObject);
}

const options = optionsFrom((name) => params.get(name));
start(options).catch((error) =>
  showFallback(app ?? document.body, error, {
    ...options,
    framed: true,
    // The frame has the focus (the person is in it): the box's heading takes it.
    focus: document.hasFocus(),
  }),
);
