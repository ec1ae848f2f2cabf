// The configuration vocabulary shared by every way of starting the widget, and
// the loading they have in common. Internal to the widget's own scripts (boot.js,
// frame.js, widget.js, risk-screen.js); hosts use embed.js, <risk-screen> or
// widget.js's mount().
//
// One name per option, in three spellings: an attribute or data-* attribute
// (`exit-url`), a frame URL parameter (`exit-url`), and a JS option (`exitUrl`).
// None of them ever carries an answer.
//
// Whatever arrives in a URL was written by whoever wrote the link. So where the
// options come from a URL (frame.html), `questionnaire`, `helplines` and
// `helplines-add` may only name files this widget's origin serves (`FILE_NAME`,
// checked by `urlProblems`): no inline JSON, no URL, so no link can make the widget
// show a questionnaire or a phone number it did not ship. Inline JSON, objects and
// URLs stay possible through the JS API and <risk-screen>, where the embedder's
// own script or markup supplies them.

/** Attribute / URL-parameter names, and what they become in the options object. */
export const ATTRIBUTES = {
  questionnaire: "questionnaire",
  helplines: "helplines",
  "helplines-add": "helplinesAdd",
  lang: "lang",
  country: "country",
  "exit-url": "exitUrl",
  "theme-accent": "themeAccent",
  "theme-accent-text": "themeAccentText",
  "theme-background": "themeBackground",
  "theme-text": "themeText",
  "share-result": "shareResult",
};

/** Options that are on/off: present (and not "false") means on. */
const BOOLEAN = new Set(["shareResult"]);

/** The options that load a file: from a URL, only by a `FILE_NAME`. */
const FILE_OPTIONS = ["questionnaire", "helplines", "helplines-add"];

/** A file of this widget's own `q/` directory, by name (`self-check`). */
export const FILE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Theme options → the stylesheet's custom properties. */
const THEME = {
  accent: "--rs-accent",
  accentText: "--rs-accent-fg",
  background: "--rs-bg",
  text: "--rs-fg",
};

/**
 * Reads the options through `get(name)` (an attribute or URL parameter getter,
 * giving null when absent). Empty values count as absent, except for the on/off
 * options, where presence means on.
 */
export function optionsFrom(get) {
  const options = { theme: {} };
  for (const [name, key] of Object.entries(ATTRIBUTES)) {
    const value = get(name);
    if (value === null || value === undefined) continue;
    if (BOOLEAN.has(key)) {
      // A boolean attribute is on when present, also when empty (`share-result`).
      options[key] = value !== "false";
    } else if (value === "") {
      continue;
    } else if (key.startsWith("theme")) {
      const themeKey = key[5].toLowerCase() + key.slice(6);
      options.theme[themeKey] = value;
    } else {
      options[key] = value;
    }
  }
  return options;
}

/**
 * The file options read through `get` (URL parameters) that are not a bare
 * `FILE_NAME`, each as a readable problem for whoever set the page up. An empty
 * list means the options may be used.
 */
export function urlProblems(get) {
  const problems = [];
  for (const name of FILE_OPTIONS) {
    const value = get(name);
    if (value === null || value === undefined || value === "" || FILE_NAME.test(value)) continue;
    problems.push(
      `the URL parameter "${name}" must be the name of a file this widget ships ` +
        `(letters a-z, digits, - and _, e.g. "self-check"); inline JSON and URLs are refused ` +
        `in a URL, so that no link can change what the widget shows. ` +
        `Use the JS API or <risk-screen> to give your own files.`,
    );
  }
  return problems;
}

/** Where a questionnaire or directory option points: a bare name (`self-check`)
 * means the widget's own `q/<name>.json`; anything else is a URL relative to the page. */
export function dataUrl(value, widgetBase) {
  if (FILE_NAME.test(value)) {
    return new URL(`q/${value}.json`, widgetBase).href;
  }
  return new URL(value, document.baseURI).href;
}

/** Rejects with a readable error when `promise` takes longer than `ms`. */
export function within(promise, ms, what) {
  let timer = 0;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not arrive within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Why this page cannot compile WebAssembly (none when the JIT is off:
 * Chromium --jitless, iOS Lockdown Mode; or a CSP without 'wasm-unsafe-eval'),
 * or null when it can: the empty module is compiled to find out. */
export function noWasm() {
  if (typeof WebAssembly !== "object") return "this browser has no WebAssembly";
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return null;
  } catch (error) {
    return `this page cannot compile WebAssembly: ${error.message}`;
  }
}

/** Compiles the wasm as it streams in (or from its bytes when the server sends
 * another Content-Type, which compileStreaming refuses). */
export function compile(response) {
  if (/^application\/wasm\b/.test(response.headers.get("Content-Type") ?? "")) {
    return WebAssembly.compileStreaming(response);
  }
  return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}

/** How long a download may go without a byte arriving before it is given up, in ms. */
export const STALL_MS = 5000;

/** How every entry point fetches the JSON files: no cookies, revalidated. */
export const FETCH_INIT = { credentials: "omit", cache: "no-cache" };

/**
 * Fetches `url` with `init` and resolves to what `read(response)` resolves to
 * (`r => r.text()`, `WebAssembly.compileStreaming`). An AbortController gives the
 * download up when nothing arrives for STALL_MS: no response yet, or no byte of
 * the body (watched through a copy of the response, so `read` gets the original
 * stream and may consume it as it arrives). A slow download that keeps coming is
 * never cut; one that stalls ends in an error that says so, and the page shows
 * its failure screen instead of waiting forever. An HTTP error status is an error.
 */
export async function load(url, read, init = FETCH_INIT) {
  const abort = new AbortController();
  let timer = 0;
  let settled = false;
  const arm = () => {
    clearTimeout(timer);
    if (settled) return;
    timer = setTimeout(
      () => abort.abort(new Error(`${url}: nothing arrived for ${STALL_MS / 1000} s, given up`)),
      STALL_MS,
    );
  };
  arm();
  try {
    const response = await fetch(url, { ...init, signal: abort.signal });
    if (!response.ok) {
      throw new Error(`could not load ${url}: HTTP ${response.status}`);
    }
    const copy = response.clone().body?.getReader();
    (async () => {
      try {
        for (;;) {
          arm();
          if ((await copy.read()).done) break;
        }
        // All of it arrived: what `read` still does (compiling) cannot stall.
        clearTimeout(timer);
      } catch {
        // The original stream fails with the same error; `read` reports it.
      }
    })();
    return await read(response);
  } catch (error) {
    throw abort.signal.aborted ? abort.signal.reason : error;
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

/**
 * The JSON text of a questionnaire or directory option: a URL or name (fetched
 * with `init`, by default without cookies), a JSON text, or an object. undefined
 * stays undefined.
 */
export async function jsonText(value, widgetBase, init = FETCH_INIT) {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (text.trimStart().startsWith("{")) return text;
  return load(dataUrl(text, widgetBase), (response) => response.text(), init);
}

/**
 * Sets the theme colours on `element` as custom properties (through the CSSOM,
 * which a strict style-src allows). Only colours written as #rgb, #rrggbb or with
 * alpha are taken: anything else could smuggle in other CSS.
 */
export function applyTheme(element, theme = {}) {
  for (const [key, property] of Object.entries(THEME)) {
    const value = theme[key];
    if (value === undefined) continue;
    if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value)) {
      element.style.setProperty(property, value);
    } else {
      console.warn(`riskscreen: theme colour ${key} must be #rgb or #rrggbb; ignored`);
    }
  }
}

/** What the wasm mount() takes, from the options and the loaded JSON texts
 * (fetched with `init`, see `load`). */
export async function wasmOptions(options, widgetBase, init = FETCH_INIT) {
  const [questionnaire, helplines, helplinesAdd] = await Promise.all([
    jsonText(options.questionnaire ?? "self-check", widgetBase, init),
    jsonText(options.helplines ?? "helplines", widgetBase, init),
    jsonText(options.helplinesAdd, widgetBase, init),
  ]);
  return {
    questionnaire,
    helplines,
    helplinesAdd,
    lang: options.lang,
    country: options.country,
    exitUrl: options.exitUrl,
    shareResult: options.shareResult === true,
    shareTo: options.shareTo,
    testPanic: options.testPanic === true,
    loadStrings: stringsLoader(widgetBase, init),
  };
}

/**
 * The wasm's `loadStrings` option: resolves to the widget's UI strings in
 * `lang`, `ui/<lang>.json` beside `q/` (written by `cargo xtask build`; the wasm
 * carries English only, src/i18n/ui_file.rs), fetched from the widget's origin
 * with the stall timeout of `load`. The wasm asks only for its own UI languages.
 */
export function stringsLoader(widgetBase, init = FETCH_INIT) {
  return (lang) =>
    FILE_NAME.test(lang)
      ? load(new URL(`ui/${lang}.json`, widgetBase), (response) => response.json(), init)
      : Promise.reject(new Error(`riskscreen: no UI strings file for "${lang}"`));
}

/**
 * Replaces `container`'s content with a readable message for whoever set the page
 * up, and the emergency number for whoever is using it. Never blank. The last
 * resort of boot.js and fallback.js, when their own way out cannot be shown: it
 * is in English only, with no quick exit.
 */
export function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error("riskscreen failed to start:", error);
  // The wasm showed its own panel (quick exit, helplines, in the person's
  // language): keep it.
  if (container.querySelector(".rs-fallback")) return;
  const box = document.createElement("div");
  box.className = "rs-widget rs-boot-error";
  box.setAttribute("role", "alert");
  const title = document.createElement("p");
  title.className = "rs-heading";
  title.textContent = "This check could not start.";
  const help = document.createElement("p");
  help.append("If you are in danger, call the emergency number ");
  const tel = document.createElement("a");
  tel.href = "tel:112";
  tel.textContent = "112";
  help.append(tel, ". It is free.");
  const detail = document.createElement("pre");
  detail.className = "rs-boot-detail";
  detail.textContent = `For the site owner: ${message}`;
  box.append(title, help, detail);
  container.replaceChildren(box);
}
