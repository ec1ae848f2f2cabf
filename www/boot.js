// Starts the riskscreen widget on the self-check page: index.html and its copies
// in every language, index.<lang>.html, prerendered by `cargo xtask build`
// (crates/prerender).
//
// The page arrives with the widget's start screen already in it, in the page's
// language: the quick exit (a plain link), 112, the language picker and Start,
// and below them every country's helplines and links to the other languages. A
// person can leave, call or read before any of this runs, and whatever happens
// after. This script:
//
// 1. adds at once what needs a script: the quick exit leaves behind a blank
//    cover with location.replace (Back does not return here), Shift pressed three
//    times leaves too (GOV.UK's rule, as src/quick_exit.rs counts it), the
//    language picker opens that language's page, and a press of Start is kept;
// 2. loads everything in parallel (the page's <link rel=preload> elements have
//    already started every download): the wasm is compiled while it streams in
//    (WebAssembly.compileStreaming: compiling needs no imports, so it starts before
//    the JS glue has arrived; the glue then only instantiates), while the
//    questionnaire, the helplines and the glue load. The questionnaire and the
//    helpline directory are the page's language's files only
//    (q/self-check.<lang>.json, q/helplines.<lang>.json, for the languages of
//    data-languages); the widget gets the other languages, `loadLanguage` and
//    `loadHelplines`, which fetch another language's files from this origin
//    when the person switches (src/language_files.rs merges them in, answers
//    kept; each request names a language file and nothing else);
// 3. mounts the widget over the prerendered screen; it renders the same screen
//    (data-rs-boot="mounted"), focus stays where it was, and a Start pressed
//    while loading is pressed again;
// 4. when anything fails (no WebAssembly, a missing or broken file, a download
//    that stalls: options.js `load` gives it up, a panic while mounting), keeps
//    the prerendered quick exit, 112 and helplines, opens every country's lines,
//    and says what happened in the page's language (#rs-boot-failed, prerendered
//    into the page from src/i18n) in place of the start screen
//    (data-rs-boot="failed"). When the wasm got far enough to show its own panel
//    (quick exit, 112, helplines, in the same language), that panel stays; so
//    after a panic, also one later in the check, every country's lines open too.
//
// No static import: a module runs only once all of its imports have arrived, and
// this one must run when they do not. Sharing the result is never offered here:
// this page is where a person checks an offer for themselves (data-share-result
// is ignored). Answers never leave the widget: nothing here sees them.

const app = document.getElementById("app");

/** How long the two modules may take to arrive before the page gives up, in ms
 * (a module import cannot be aborted; the downloads are watched by `load`). */
const IMPORT_MS = 15000;

/** Shift presses that leave, and the time each may follow the last (src/quick_exit.rs). */
const PRESSES = 3;
const WINDOW_MS = 5000;

/** Whether the widget is mounted: from then on it handles its own controls. */
let mounted = false;
/** Whether Start was pressed before the widget was there. */
let startPressed = false;
/** options.js, once loaded (its showError is the last resort). */
let shared = null;

/** Why the check cannot start, for the notice: `no-wasm` or `load`. */
class BootFailure extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

/** Covers the page and replaces this history entry with `href` (src/quick_exit.rs `leave`). */
function leave(href) {
  const root = document.documentElement;
  root.classList.add("rs-exiting");
  root.style.setProperty("visibility", "hidden");
  location.replace(href);
}

/** The controls of the prerendered screen, until the widget takes them over. */
function wireStaticScreen() {
  app.addEventListener("click", (event) => {
    if (mounted || !(event.target instanceof Element)) return;
    const exit = event.target.closest("a.rs-exit");
    if (exit) {
      event.preventDefault();
      leave(exit.href);
      return;
    }
    const start = event.target.closest('[data-action="start"]');
    if (start) {
      startPressed = true;
      start.classList.add("rs-waiting");
    }
  });
  // A link answers Enter; the quick exit says it is a button, so Space too.
  app.addEventListener("keydown", (event) => {
    if (mounted || event.key !== " " || !(event.target instanceof Element)) return;
    const exit = event.target.closest("a.rs-exit");
    if (exit) {
      event.preventDefault();
      leave(exit.href);
    }
  });
  app.addEventListener("change", (event) => {
    if (mounted || !(event.target instanceof HTMLSelectElement) || event.target.id !== "rs-lang") return;
    const page = [...document.querySelectorAll('link[rel="alternate"][hreflang]')].find(
      (link) => link.hreflang === event.target.value,
    );
    // The file name only, next to this page (the link may be absolute: --public-url).
    if (page) location.assign(new URL(new URL(page.href).pathname.split("/").pop(), location.href));
  });
  // Shift ×3 leaves for the prerendered quick exit's destination (the page's exit
  // URL), read now: a failure may replace that link with the wasm's own panel.
  const exitHref = app.querySelector("a.rs-exit")?.href;
  let presses = 0;
  let last = 0;
  let spoiled = false;
  addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Shift" && (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey)) spoiled = true;
    },
    true,
  );
  addEventListener(
    "keyup",
    (event) => {
      if (mounted || event.key !== "Shift") return;
      if (spoiled || event.ctrlKey || event.altKey || event.metaKey) {
        spoiled = false;
        presses = 0;
        return;
      }
      const now = performance.now();
      if (presses > 0 && now - last > WINDOW_MS) presses = 0;
      presses += 1;
      last = now;
      if (presses >= PRESSES && exitHref) leave(exitHref);
    },
    true,
  );
}

/** Rejects with a readable error when `promise` takes longer than `ms`. The
 * same as options.js `within`, which every other entry point imports: this page
 * needs it to import options.js itself. */
function within(promise, ms, what) {
  let timer = 0;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not arrive within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** When the page has its files per language (`data-languages` lists the
 * page's `data-lang`), a function from a language to the URL of `whole`'s file
 * in that language: the whole file's name with the language before `.json`
 * (`q/self-check.json` → `q/self-check.uk.json`, `q/helplines.json` →
 * `q/helplines.uk.json`, as `cargo xtask build` writes them and the page
 * preloads its own); otherwise null (the whole file). */
function languageFiles(whole, options, languages, dataUrl) {
  if (typeof whole !== "string" || !options.lang || !languages.includes(options.lang)) return null;
  const url = new URL(dataUrl(whole, document.baseURI));
  if (!url.pathname.endsWith(".json")) return null;
  return (lang) => {
    const file = new URL(url);
    file.pathname = `${url.pathname.slice(0, -".json".length)}.${lang}.json`;
    return file.href;
  };
}

/** A selector for the focused control of the prerendered screen, to focus its
 * mounted twin. */
function focused() {
  const element = document.activeElement;
  if (!element || element === app || !app.contains(element)) return null;
  if (element.id) return `#${CSS.escape(element.id)}`;
  const action = element.getAttribute("data-action");
  if (action) return `[data-action="${CSS.escape(action)}"]`;
  return element.classList.length > 0 ? `.${[...element.classList].map((c) => CSS.escape(c)).join(".")}` : null;
}

async function start() {
  if (!app) {
    throw new Error('no element with id="app" on the page');
  }
  app.setAttribute("data-rs-boot", "loading");
  wireStaticScreen();
  shared = await within(import("./options.js"), IMPORT_MS, "options.js");
  const { applyTheme, compile, dataUrl, load, noWasm, optionsFrom, wasmOptions } = shared;
  const why = noWasm();
  if (why) {
    throw new BootFailure("no-wasm", why);
  }
  const options = optionsFrom((name) => app.getAttribute(`data-${name}`));
  options.shareResult = false;
  // Test hook (browser tests only): the app panics after Start, to show the
  // fallback. Read from this page's own markup, never from its URL.
  options.testPanic = app.getAttribute("data-test-panic") === "true";
  applyTheme(document.documentElement, options.theme);
  // The same requests as the page's preloads (CORS mode, same-origin
  // credentials: the widget's origin is its own and sets no cookie), so those are
  // used, not repeated.
  const init = { credentials: "same-origin" };
  const languages = (app.getAttribute("data-languages") ?? "").split(/\s+/).filter(Boolean);
  const fileOf = languageFiles(options.questionnaire ?? "self-check", options, languages, dataUrl);
  if (fileOf) options.questionnaire = fileOf(options.lang);
  // The page's own directory is split per language too, unless lines are added
  // to it (`data-helplines-add`): the names of another language could then not
  // be merged into what the person was shown, so the whole directory loads.
  const helplinesOf =
    fileOf && !options.helplinesAdd && languageFiles(options.helplines ?? "helplines", options, languages, dataUrl);
  if (helplinesOf) options.helplines = helplinesOf(options.lang);
  const wasm = load(new URL("./pkg/riskscreen_bg.wasm", import.meta.url), compile, init);
  const glue = within(import("./pkg/riskscreen.js"), IMPORT_MS, "pkg/riskscreen.js");
  const json = wasmOptions(options, document.baseURI, init);
  const [module, { default: initWasm, mount }, wasmOptionsObject] = await Promise.all([wasm, glue, json]);
  if (fileOf) {
    wasmOptionsObject.languages = languages;
    wasmOptionsObject.loadLanguage = (lang) =>
      languages.includes(lang)
        ? load(fileOf(lang), (response) => response.text(), init)
        : Promise.reject(new Error(`no questionnaire file for ${lang}`));
  }
  if (helplinesOf) {
    wasmOptionsObject.loadHelplines = (lang) =>
      languages.includes(lang)
        ? load(helplinesOf(lang), (response) => response.text(), init)
        : Promise.reject(new Error(`no helpline file for ${lang}`));
  }
  await initWasm({ module_or_path: module });
  const focus = focused();
  // A panic replaces the widget with its panel (src/panic.rs), also one in the
  // first render, after mount() has returned: then too, every country's lines.
  const panicked = new MutationObserver(() => {
    if (!app.querySelector(":scope > .rs-fallback")) return;
    panicked.disconnect();
    app.setAttribute("data-rs-boot", "failed");
    openDirectory();
  });
  panicked.observe(app, { childList: true });
  // mount() resolves once the UI strings of the page's language are there (the
  // page preloads ui/<lang>.json); until then the prerendered screen stays.
  await mount(app, wasmOptionsObject);
  mounted = true;
  app.setAttribute("data-rs-boot", "mounted");
  // The widget renders in a microtask; after it, the screen is the live one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (focus) app.querySelector(focus)?.focus();
  if (startPressed) app.querySelector('[data-action="start"]')?.click();
}

/** Opens every country's lines of the page's directory: no country is known,
 * and a person who needs a number now should not have to look for it. */
function openDirectory() {
  for (const details of document.querySelectorAll(".rs-page-help details")) details.open = true;
}

/** Keeps the way out and the numbers, and says why the check did not start. */
function fail(error) {
  console.error("riskscreen failed to start:", error);
  if (!app) return;
  app.setAttribute("data-rs-boot", "failed");
  openDirectory();
  // The wasm showed its own panel (quick exit, helplines, in the person's language).
  if (app.querySelector(".rs-fallback")) return;
  const notice = document.getElementById("rs-boot-failed");
  const widget = app.querySelector(".rs-widget");
  const screen = widget?.querySelector(".rs-start");
  if (!notice || !screen) {
    shared?.showError(app, error);
    return;
  }
  const reason = error instanceof BootFailure ? error.reason : "load";
  const shown = notice.cloneNode(true);
  shown.removeAttribute("id");
  shown.hidden = false;
  shown.setAttribute("role", "alert");
  for (const text of shown.querySelectorAll("[data-rs-reason]")) {
    if (text.getAttribute("data-rs-reason") !== reason) text.remove();
  }
  const detail = document.createElement("pre");
  detail.className = "rs-boot-detail";
  detail.lang = "en";
  detail.textContent = `For the site owner: ${error instanceof Error ? error.message : String(error)}`;
  shown.append(detail);
  widget.classList.add("rs-fallback");
  widget.setAttribute("data-screen", "fallback");
  screen.replaceWith(shown);
}

start().catch(fail);
