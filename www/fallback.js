// How the frame embed, the custom element and the JS API start the wasm, and
// what they show when it cannot start: never a blank box, never English-only
// (issue #11). Internal: frame.js and widget.js import it statically, so it is
// there whenever they run. The self-check page has its own way out, prerendered
// into it (boot.js); an embed has no page of its own to prerender, so:
//
// 1. `loadWidget` starts the wasm as boot.js does: a browser without
//    WebAssembly (iOS Lockdown Mode, V8 without its JIT, a host CSP without
//    'wasm-unsafe-eval') is found before any download; the wasm is compiled
//    while it streams in and given up when it stalls (options.js `load`); the JS
//    glue is imported dynamically and given up after IMPORT_MS. It rejects with
//    the reason, `no-wasm` or `load` (a StartFailure, else any error).
// 2. `showFallback` puts a box in place of the widget at once, with nothing to
//    fetch, in the person's language (the `lang` option, else the browser's
//    languages, else English; the strings are fallback-text.js, generated from
//    src/i18n by `cargo xtask build`): the quick exit (as the widget's own:
//    cover, "riskscreen:exit" to the parent when framed, location.replace; and
//    Shift pressed three times), why the check did not start, 112, the printable
//    checklist when the questionnaire is one the widget ships, and the reason
//    for the site owner, in English. Then it fetches every country's helplines in
//    that language, fallback/<lang>.html (crates/prerender: the widget's own
//    components), from this module's own origin under a name made from the
//    languages of fallback-text.js only, and adds them below 112, the configured
//    country first and open. No option, URL or answer chooses what is inserted,
//    and the fragment is refused unless it is such a list (tel: links only).
//    When the wasm got far enough to show its own panel (a broken file it read,
//    a panic), that panel stays.
//
// The box's notice is role=alert, so it is announced; the box takes the focus
// only when the focus was already in the widget, never from the host page.

import { compile, load, noWasm, showError, within } from "./options.js";
import { CHECKLISTS, DEFAULT, DEFAULT_EXIT_URL, TEXTS } from "./fallback-text.js";

/** How long the JS glue may take to arrive, in ms (a module import cannot be
 * aborted; the downloads are watched by `load`): the box is then on screen
 * within issue #11's 8 s, and the glue (about 6 KB compressed) has had time on a
 * weak connection. */
export const IMPORT_MS = 6000;


/** Shift presses that leave, and the time each may follow the last (src/quick_exit.rs). */
const PRESSES = 3;
const WINDOW_MS = 5000;

/** The only elements a fragment may hold: the widget's helpline list. */
const FRAGMENT_TAGS = new Set(["DIV", "H2", "P", "DETAILS", "SUMMARY", "UL", "LI", "SPAN", "A"]);

/** Why an embed could not start: `reason` is `no-wasm` or `load`. */
export class StartFailure extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

/** The wasm-bindgen glue (`mount`, `showFailure`), its wasm instantiated. */
export async function loadWidget() {
  const why = noWasm();
  if (why) throw new StartFailure("no-wasm", why);
  const [module, glue] = await Promise.all([
    load(new URL("./pkg/riskscreen_bg.wasm", import.meta.url), compile, { credentials: "omit" }),
    within(
      // Some engines do not say which module failed: the site owner is told.
      import("./pkg/riskscreen.js").catch((error) => {
        throw new Error(`pkg/riskscreen.js could not be imported: ${error.message}`);
      }),
      IMPORT_MS,
      "pkg/riskscreen.js",
    ),
  ]);
  await glue.default({ module_or_path: module });
  return glue;
}

/** The first of `wanted` and the browser's languages that fallback-text.js
 * has, by whole tag, else by primary subtag (src/i18n.rs `negotiate`). */
function language(wanted) {
  for (const tag of [wanted, ...(navigator.languages ?? [navigator.language])]) {
    if (typeof tag !== "string") continue;
    const lower = tag.toLowerCase();
    const primary = lower.split(/[-_]/)[0];
    if (Object.hasOwn(TEXTS, lower)) return lower;
    if (Object.hasOwn(TEXTS, primary)) return primary;
  }
  return DEFAULT;
}

/** `url` when the widget would leave for it (src/config.rs `is_safe_exit_url`:
 * http(s) with a host, or a /path; no space, control character or backslash
 * anywhere, which a URL parser would drop or reinterpret), else the default. */
function exitTo(url) {
  const text = typeof url === "string" ? url.trim() : "";
  return /^(?:https?:\/\/[a-z0-9]|\/(?!\/))[^\x00-\x20\x7f\\]*$/i.test(text) ? text : DEFAULT_EXIT_URL;
}

/** Covers the page and replaces this history entry with `url`; when framed, the
 * parent hears "riskscreen:exit" (embed.js leaves the host page) and the top
 * page is replaced where the browser allows it (src/quick_exit.rs `leave`). */
function leave(url) {
  const root = document.documentElement;
  root.classList.add("rs-exiting");
  root.style.setProperty("visibility", "hidden");
  // The exit page must not learn where the person was.
  const meta = document.createElement("meta");
  meta.name = "referrer";
  meta.content = "no-referrer";
  (document.head ?? root).append(meta);
  if (window.top !== window) {
    window.parent.postMessage("riskscreen:exit", "*");
    try {
      window.top.location.replace(url);
      return;
    } catch {
      // Refused: this frame leaves instead.
    }
  }
  location.replace(url);
}

/** Shift pressed three times leaves for `url` while `box` is in the document
 * (the listeners go with the first key after it is not). */
function listenForShift(box, url) {
  let presses = 0;
  let last = 0;
  let spoiled = false;
  const down = (event) => {
    if (event.key !== "Shift" && (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey)) spoiled = true;
  };
  const up = (event) => {
    if (!box.isConnected) {
      removeEventListener("keydown", down, true);
      removeEventListener("keyup", up, true);
      return;
    }
    if (event.key !== "Shift") return;
    if (spoiled || event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      spoiled = false;
      presses = 0;
      return;
    }
    const now = performance.now();
    if (presses > 0 && now - last > WINDOW_MS) presses = 0;
    presses += 1;
    last = now;
    if (presses >= PRESSES) leave(url);
  };
  addEventListener("keydown", down, true);
  addEventListener("keyup", up, true);
}

/** An element with attributes and children (text or nodes). */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Shows the fallback box in `container` in place of its content, unless the
 * wasm's own panel (`.rs-fallback`) is there already, and logs `error`.
 * `options`: the embed's `lang`, `country`, `exitUrl` and `questionnaire`;
 * `framed` (the frame embed: the checklist opens in the top page), `focus`
 * (the focus was in the widget: the box's heading takes it). Never throws.
 */
export function showFallback(container, error, options = {}) {
  console.error("riskscreen failed to start:", error);
  try {
    if (container.querySelector(".rs-fallback")) return;
    const lang = language(options.lang);
    const t = TEXTS[lang];
    const exit = exitTo(options.exitUrl);
    const reason = error instanceof StartFailure ? error.reason : "load";
    const heading = element("h2", { class: "rs-heading", tabindex: "-1" }, t.heading);
    const notice = element("div", { class: "rs-boot-notice", role: "alert" }, heading);
    notice.append(element("p", { "data-rs-reason": reason }, reason === "no-wasm" ? t.noWasm : t.load));
    const name = options.questionnaire ?? "self-check";
    if (Object.hasOwn(CHECKLISTS, name) && CHECKLISTS[name].includes(lang)) {
      const href = new URL(`checklist/${name}.${lang}.html`, import.meta.url).href;
      const link = element("a", { href, rel: "noreferrer" }, t.checklist);
      // A page of the widget's origin may not be framed: it opens in the top page.
      if (options.framed) link.target = "_top";
      notice.append(element("p", { class: "rs-boot-checklist" }, link));
    }
    const exitLink = element("a", { class: "rs-exit", role: "button", href: exit, rel: "noreferrer" }, t.exit);
    const lines = element(
      "ul",
      { class: "rs-lines" },
      element(
        "li",
        { class: "rs-line rs-line-emergency" },
        element("span", { class: "rs-line-name" }, t.emergency),
        element("a", { class: "rs-tel", href: "tel:112" }, "112"),
      ),
    );
    const detail = element("pre", { class: "rs-boot-detail", lang: "en" });
    detail.textContent = `For the site owner: ${error instanceof Error ? error.message : String(error)}`;
    const box = element(
      "div",
      { class: "rs-widget rs-fallback", "data-screen": "fallback", lang, dir: t.dir },
      element("div", { class: "rs-bar" }, exitLink),
      notice,
      lines,
      detail,
    );
    container.replaceChildren(box);
    // A link (it works if this script breaks later); it says it is a button, so
    // Space leaves too, and it never adds a history entry.
    exitLink.addEventListener("click", (event) => {
      event.preventDefault();
      leave(exit);
    });
    exitLink.addEventListener("keydown", (event) => {
      if (event.key !== " ") return;
      event.preventDefault();
      leave(exit);
    });
    listenForShift(box, exit);
    if (options.focus) heading.focus();
    addDirectory(lines, lang, options.country).catch((problem) =>
      console.error("riskscreen: the fallback's helplines could not be added:", problem),
    );
  } catch (bug) {
    console.error(bug);
    showError(container, error);
  }
}

/** Fetches every country's helplines in `lang` (fallback/<lang>.html, from
 * this module's origin) and puts them after `lines`, `country`'s first and open. */
async function addDirectory(lines, lang, country) {
  const url = new URL(`fallback/${lang}.html`, import.meta.url);
  const html = await load(url, (response) => {
    if (new URL(response.url).origin !== url.origin) throw new Error(`${url} was redirected to another origin`);
    return response.text();
  });
  const template = document.createElement("template");
  template.innerHTML = html;
  const part = template.content.firstElementChild;
  const nodes = part ? [part, ...part.querySelectorAll("*")] : [];
  const foreign = (node) =>
    !FRAGMENT_TAGS.has(node.tagName) ||
    [...node.attributes].some((a) => a.name.startsWith("on")) ||
    (node.tagName === "A" && !/^tel:/.test(node.getAttribute("href") ?? ""));
  if (part?.getAttribute("data-rs-fragment") !== lang || nodes.some(foreign)) {
    throw new Error(`${url} is not the widget's list of helplines`);
  }
  const code = typeof country === "string" ? country.trim().toUpperCase() : "";
  const own = code && part.querySelector(`details[data-country="${CSS.escape(code)}"]`);
  if (own) {
    own.open = true;
    const first = part.querySelector("details");
    if (first !== own) first.before(own);
  }
  if (lines.isConnected) lines.after(part);
}
