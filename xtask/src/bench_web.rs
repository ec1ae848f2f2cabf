//! `cargo xtask bench-web`: how fast the self-check page gets a person to the
//! first question, against a plain-HTML page of the same questions (the
//! floor), in headless Chromium, on a throttled phone and unthrottled. Prints
//! a Markdown table to stdout (README, "Performance and size"); everything
//! else (the `dist` build, progress) goes to stderr. No test runs this: figures
//! come from here, never from timed tests.
//!
//! # What is measured
//!
//! Two pages, each served by [`crate::serve`] with the production headers of
//! [`crate::headers`] and, as a CDN would, brotli copies of every text and
//! wasm file made beforehand ([`crate::compress`]; Chromium asks for `br` on
//! `127.0.0.1`):
//!
//! - **widget**: `dist/` (built by `cargo xtask dist` unless `--no-build`),
//!   page `/`;
//! - **floor**: [`FLOOR_DIR`]`/`[`FLOOR_PAGE`], the start text and the questions
//!   asked of everyone as plain HTML: no script, one small stylesheet, "Start"
//!   a link that shows the questions (`:target`).
//!
//! Each page is loaded [`Options::runs`] times (default 5) under each of
//! [`MOBILE`] (Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down,
//! 750 kbit/s up, CPU 4× slower, set with the DevTools protocol's
//! `Network.emulateNetworkConditions` and `Emulation.setCPUThrottlingRate`) and
//! [`UNTHROTTLED`], runs interleaved so that a busy moment of the machine is
//! spread over all four. Every run is a first visit: a new Chromium session
//! (a fresh profile), `Network.setCacheDisabled`, and the same phone viewport
//! ([`VIEWPORT`]) in both profiles, so that only the throttling differs. The
//! table gives the median of the runs, the fastest and slowest in brackets, and
//! the ratio widget ÷ floor.
//!
//! - **First-visit bytes** (raw, gzip, brotli): every successful response the
//!   page received until the first question was on screen, from Resource
//!   Timing (the document, CSS, JS, wasm, the questionnaire and helpline JSON,
//!   whatever the page loads), each file's raw size and its gzip -9 and brotli
//!   11 sizes as `cargo xtask dist` computes them. Taken from the network log
//!   rather than from the size report of `dist.rs`, so that it counts what the
//!   page really fetched (JSON included), whatever the bundle's layout.
//! - **First control on screen**: the time from navigation start
//!   (`performance.timeOrigin` of the first document) to the first frame in
//!   which the start screen's Start control ([`START_SELECTOR`]) is rendered:
//!   it has a box, and `checkVisibility()` (display, visibility, opacity)
//!   passes; it may be below the fold. A probe script
//!   ([`probe_script`], injected with `Page.addScriptToEvaluateOnNewDocument`,
//!   so before any script of the page and outside its CSP) looks for it in
//!   every `requestAnimationFrame` callback and keeps `performance.now()`
//!   there (not the callback's argument, the frame's start, which can precede
//!   the press of Start that the frame shows). Chromium runs no frame while a
//!   stylesheet still blocks rendering, so that is the frame that paints the
//!   control, a few ms before its pixels, and not merely the moment it entered
//!   the DOM (what a MutationObserver would see).
//! - **First question after Start**: the probe presses Start (`click()`) as
//!   soon as it is seen, as a person who does not stop to read would, and again
//!   every [`REPRESS_MS`] ms while Start is still there and no question is (a
//!   start screen that shows before the code that answers it, as a
//!   prerendered one may, needs that); the figure is the first frame with the
//!   first question's control ([`QUESTION_SELECTOR`]) rendered, from navigation
//!   start, and, on the next row, from the first press.
//! - **First contentful paint**, from the Paint Timing API, for orientation.
//!
//! If the page moves on to another document (a language redirect, a start
//! screen that links to another page), the probe carries the first document's
//! time origin, its resources and what it saw in `sessionStorage`, so times
//! still count from the first navigation and bytes include every document.
//!
//! # How Chromium is driven
//!
//! Through chromedriver, as the browser tests are (`tests/e2e`), found the same
//! way: `CHROMEDRIVER` and `CHROMIUM_BIN`, else Debian's
//! [`tools::CHROMEDRIVER`] and [`tools::CHROMIUM`], installed by
//! [`ensure_tools`] when missing. The few WebDriver commands needed (new
//! session, navigate, run a script, delete the session) and DevTools commands
//! (through chromedriver's `POST /session/{id}/goog/cdp/execute`) are plain
//! HTTP/1.1 with JSON bodies, written here against `std` ([`WebDriver`]): the
//! e2e crate's async client (fantoccini, tokio, hyper) would lengthen the build
//! of every `cargo xtask` command, and its harness is made for tests (it
//! panics). Chromedriver is stopped by its own process id, and each session is
//! deleted (which quits its Chromium) by a guard, whatever happens.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use crate::compress::{self, Precompressed};
use crate::dist::format_size;
use crate::project::Project;
use crate::serve;
use crate::tools::{self, ensure_tools, Needs};

/// Runs per page and profile when `--runs` is not given.
pub const DEFAULT_RUNS: usize = 5;

/// The floor page's directory, relative to the repository root.
pub const FLOOR_DIR: &str = "tests/bench";

/// The floor page, in [`FLOOR_DIR`].
pub const FLOOR_PAGE: &str = "floor.html";

/// The start screen's Start control: the widget's Start button (its
/// `data-action`, also in a prerendered start screen made from the same
/// component) and the floor's Start link.
pub const START_SELECTOR: &str = "[data-action=\"start\"]";

/// The first question's answer controls (the widget's question screen is a
/// `form.rs-question` holding a `fieldset`; so is the floor's list of questions).
/// Not the screen's Back button, which comes first in the form.
pub const QUESTION_SELECTOR: &str = "form.rs-question fieldset input, \
                                     form.rs-question fieldset select, \
                                     form.rs-question fieldset textarea";

/// How long the probe waits after a press of Start that showed no question
/// before it presses again.
pub const REPRESS_MS: u32 = 250;

/// The viewport of every run, CSS px and device pixel ratio: Lighthouse's
/// mobile screen (a Moto G Power).
pub const VIEWPORT: (u32, u32, f64) = (412, 823, 1.75);

/// How long one page load may take, Start and first question included.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(90);

/// Chromium's flags: those of the browser tests (`tests/e2e/src/browser.rs`:
/// headless, no sandbox as root, no traffic to outside hosts), English so that
/// the widget speaks the floor's language.
pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--lang=en-US",
];

/// `cargo xtask bench-web [--runs N] [--no-build]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Page loads per page and profile (the median is taken).
    pub runs: usize,
    /// Whether to run `cargo xtask dist` first (else `dist/` is measured as it is).
    pub build: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: DEFAULT_RUNS,
            build: true,
        }
    }
}

/// A throttled network (`Network.emulateNetworkConditions`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Network {
    /// Added to every request, ms (the round trip).
    pub latency_ms: f64,
    /// Bytes per second, down.
    pub download: f64,
    /// Bytes per second, up.
    pub upload: f64,
}

/// A test profile: network and CPU.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conditions {
    /// Its name in the table.
    pub name: &'static str,
    /// The network throttling (none: as fast as loopback).
    pub network: Option<Network>,
    /// `Emulation.setCPUThrottlingRate`'s rate (1: none).
    pub cpu_slowdown: f64,
}

/// Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s
/// up, CPU 4× slower.
pub const MOBILE: Conditions = Conditions {
    name: "mobile",
    network: Some(Network {
        latency_ms: 150.0,
        download: 1_600_000.0 / 8.0,
        upload: 750_000.0 / 8.0,
    }),
    cpu_slowdown: 4.0,
};

/// No throttling at all (loopback, this machine's CPU).
pub const UNTHROTTLED: Conditions = Conditions {
    name: "unthrottled",
    network: None,
    cpu_slowdown: 1.0,
};

/// Bytes of a first visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bytes {
    /// As stored.
    pub raw: u64,
    /// gzip -9.
    pub gzip: u64,
    /// brotli 11.
    pub brotli: u64,
    /// How many responses.
    pub files: usize,
}

/// One page load. Times in ms from navigation start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sample {
    /// First contentful paint (none if the page reported none).
    pub fcp: Option<f64>,
    /// The Start control rendered.
    pub control: f64,
    /// Start first pressed.
    pub pressed: f64,
    /// How often Start was pressed.
    pub presses: u64,
    /// Whether Start was within the viewport when it appeared (not below the fold).
    pub control_in_view: bool,
    /// The first question's control rendered.
    pub question: f64,
    /// How many documents the visit went through.
    pub documents: u64,
    /// What was downloaded.
    pub bytes: Bytes,
}

/// `cargo xtask bench-web`.
pub fn bench_web(project: &Project, options: &Options) -> Result<()> {
    if options.runs == 0 {
        bail!("--runs must be at least 1");
    }
    ensure_tools(project, Needs { browser: true })?;
    if options.build {
        build_dist()?;
    }
    let dist = project.dist();
    if !dist.join("index.html").is_file() {
        bail!(
            "{} is missing: run `cargo xtask dist` (or drop --no-build)",
            dist.join("index.html").display()
        );
    }
    let floor_dir = project.path(FLOOR_DIR);
    if !floor_dir.join(FLOOR_PAGE).is_file() {
        bail!("{} is missing", floor_dir.join(FLOOR_PAGE).display());
    }

    eprintln!("\ncompressing {} and {FLOOR_DIR}/ …", dist.display());
    let widget = Site::serve("widget", &dist, "")?;
    let floor = Site::serve("floor", &floor_dir, FLOOR_PAGE)?;
    let sites = [&widget, &floor];
    let profiles = [MOBILE, UNTHROTTLED];

    let driver = WebDriver::start(&chromedriver_bin())?;
    let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); sites.len() * profiles.len()];
    let mut version = String::new();
    for run in 1..=options.runs {
        for (p, profile) in profiles.iter().enumerate() {
            for (s, site) in sites.iter().enumerate() {
                let session = driver.new_session(&chromium_bin())?;
                version.clone_from(&session.browser_version);
                let sample = measure(&session, profile, site)
                    .with_context(|| format!("{} page, {} profile", site.name, profile.name))?;
                drop(session);
                eprintln!(
                    "run {run}/{}  {:<11} {:<6}  control {:>6.0} ms{}  question {:>6.0} ms  \
                     (Start pressed {}×, {} document(s), {} files, {} brotli)",
                    options.runs,
                    profile.name,
                    site.name,
                    sample.control,
                    if sample.control_in_view {
                        ""
                    } else {
                        " (below the fold)"
                    },
                    sample.question,
                    sample.presses,
                    sample.documents,
                    sample.bytes.files,
                    format_size(sample.bytes.brotli),
                );
                samples[p * sites.len() + s].push(sample);
            }
        }
    }
    drop(driver);

    let columns: Vec<Column> = profiles
        .iter()
        .enumerate()
        .map(|(p, profile)| Column {
            profile: profile.name,
            widget: Summary::of(&samples[p * sites.len()]),
            floor: Summary::of(&samples[p * sites.len() + 1]),
        })
        .collect();
    println!("{}", report(&columns, options.runs, &version));
    Ok(())
}

/// Runs `cargo xtask dist` (this binary's `dist`), its output to stderr so that
/// stdout carries the table only.
fn build_dist() -> Result<()> {
    let exe = std::env::current_exe().context("locating the xtask binary")?;
    eprintln!("$ cargo xtask dist");
    let status = Command::new(&exe)
        .arg("dist")
        .stdout(Stdio::from(io::stderr()))
        .status()
        .with_context(|| format!("running {} dist", exe.display()))?;
    if !status.success() {
        bail!(
            "`cargo xtask dist` failed ({status}); if only the size budget failed, dist/ was \
             written and `cargo xtask bench-web --no-build` measures it"
        );
    }
    Ok(())
}

fn chromium_bin() -> String {
    std::env::var("CHROMIUM_BIN").unwrap_or_else(|_| tools::CHROMIUM.to_owned())
}

fn chromedriver_bin() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| tools::CHROMEDRIVER.to_owned())
}

/// A page and the server that serves it.
struct Site {
    name: &'static str,
    root: PathBuf,
    compressed: Arc<Precompressed>,
    server: serve::ServerHandle,
    /// The page's path below the server's root URL.
    page: &'static str,
}

impl Site {
    fn serve(name: &'static str, root: &Path, page: &'static str) -> Result<Site> {
        let root = root
            .canonicalize()
            .with_context(|| format!("{}", root.display()))?;
        let compressed = Arc::new(
            compress::precompress_dir(&root)
                .with_context(|| format!("compressing {}", root.display()))?,
        );
        let server = serve::serve_dir(&root, 0)
            .and_then(|s| s.with_compression(Arc::clone(&compressed)))
            .with_context(|| format!("serving {}", root.display()))?
            .quiet()
            .spawn();
        Ok(Site {
            name,
            root,
            compressed,
            server,
            page,
        })
    }

    fn url(&self) -> String {
        format!("{}{}", self.server.url(), self.page)
    }

    /// The bytes of the responses `resources` lists (the probe's entries) that
    /// came from this site.
    fn bytes(&self, resources: &[Resource]) -> Result<Bytes> {
        let origin = self.server.origin();
        let mut bytes = Bytes::default();
        for resource in resources {
            let ok = (200..300).contains(&resource.status)
                || (resource.status == 0 && resource.decoded > 0);
            if !ok {
                eprintln!("  (not counted: {} {})", resource.status, resource.url);
                continue;
            }
            let Some(target) = resource.url.strip_prefix(&origin) else {
                eprintln!("  (not counted, another origin: {})", resource.url);
                continue;
            };
            let relative = relative_file(&self.root, target)
                .ok_or_else(|| anyhow!("{} is no file of {}", target, self.root.display()))?;
            let (raw, gzip, brotli) = match self.compressed.get(&relative) {
                Some(c) => (c.raw, c.gzip.len() as u64, c.brotli.len() as u64),
                None => {
                    // Not compressible (an image): sent as it is.
                    let raw = std::fs::metadata(self.root.join(&relative))?.len();
                    (raw, raw, raw)
                }
            };
            bytes.raw += raw;
            bytes.gzip += gzip;
            bytes.brotli += brotli;
            bytes.files += 1;
        }
        Ok(bytes)
    }
}

/// The file below `root` a request target names (`/` → `index.html`), as a
/// `/`-separated relative path, or `None`.
pub fn relative_file(root: &Path, target: &str) -> Option<String> {
    let segments = serve::segments(target)?;
    let mut relative = segments.join("/");
    if relative.is_empty() || root.join(&relative).is_dir() {
        if !relative.is_empty() {
            relative.push('/');
        }
        relative.push_str("index.html");
    }
    root.join(&relative).is_file().then_some(relative)
}

/// One entry of Resource Timing as the probe reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// The URL.
    pub url: String,
    /// `responseStatus` (0 where unknown).
    pub status: u64,
    /// `decodedBodySize`.
    pub decoded: u64,
}

/// One page load in a fresh session: throttles, injects the probe, navigates,
/// waits for the probe's result.
fn measure(session: &Session<'_>, profile: &Conditions, site: &Site) -> Result<Sample> {
    session.cdp("Network.enable", json!({}))?;
    session.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))?;
    if let Some(network) = profile.network {
        session.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": network.latency_ms,
                "downloadThroughput": network.download,
                "uploadThroughput": network.upload,
                "connectionType": "cellular4g",
            }),
        )?;
    }
    session.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": profile.cpu_slowdown }),
    )?;
    let (width, height, scale) = VIEWPORT;
    session.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": true }),
    )?;
    session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe_script() }),
    )?;
    let ms = PAGE_TIMEOUT.as_millis() as u64;
    session.command(
        "POST",
        "timeouts",
        &json!({ "script": ms, "pageLoad": ms }),
        PAGE_TIMEOUT,
    )?;
    let url = site.url();
    session
        .command("POST", "url", &json!({ "url": url }), PAGE_TIMEOUT)
        .with_context(|| format!("loading {url}"))?;
    let result = session.wait_for_probe()?;
    parse_sample(&result, |resources| site.bytes(resources))
}

/// A [`Sample`] from the probe's result; `bytes` counts its resources.
pub fn parse_sample(
    result: &Value,
    bytes: impl FnOnce(&[Resource]) -> Result<Bytes>,
) -> Result<Sample> {
    let number = |key: &str| {
        result[key]
            .as_f64()
            .ok_or_else(|| anyhow!("the probe reported no `{key}`: {result}"))
    };
    let resources: Vec<Resource> = result["resources"]
        .as_array()
        .ok_or_else(|| anyhow!("the probe reported no resources: {result}"))?
        .iter()
        .map(|r| Resource {
            url: r["url"].as_str().unwrap_or_default().to_owned(),
            status: r["status"].as_u64().unwrap_or(0),
            decoded: r["decoded"].as_u64().unwrap_or(0),
        })
        .collect();
    Ok(Sample {
        fcp: result["fcp"].as_f64(),
        control: number("control")?,
        pressed: number("pressed")?,
        presses: result["presses"].as_u64().unwrap_or(0),
        control_in_view: result["controlInView"].as_bool().unwrap_or(false),
        question: number("question")?,
        documents: result["documents"].as_u64().unwrap_or(1),
        bytes: bytes(&resources)?,
    })
}

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
const WAIT_JS: &str = r#"const done = arguments[arguments.length - 1];
const probe = window.__riskscreenBench;
if (!probe) { done({ error: "no probe in " + location.href }); return; }
probe.done.then(done);"#;

/// What the driver runs to describe a page that did not get there.
const STATE_JS: &str = r#"const probe = window.__riskscreenBench;
const s = probe ? probe.snapshot() : null;
if (s) s.resources = s.resources.length + " resources";
return { url: location.href, probe: s, text: document.body ? document.body.innerText.slice(0, 400) : null };"#;

/// A JavaScript string literal.
fn js_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

// ------------------------------------------------------------------ statistics

/// The median (the mean of the middle two for an even count); `None` if empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// Median, fastest and slowest of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    /// The median.
    pub median: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Stat {
    /// `None` if there is no finite value.
    pub fn of(values: &[f64]) -> Option<Stat> {
        let median = median(values)?;
        let finite = values.iter().copied().filter(|v| v.is_finite());
        Some(Stat {
            median,
            min: finite.clone().fold(f64::INFINITY, f64::min),
            max: finite.fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

/// The figures of one page under one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Bytes raw, gzip, brotli (medians).
    pub raw: Option<Stat>,
    /// See [`Summary::raw`].
    pub gzip: Option<Stat>,
    /// See [`Summary::raw`].
    pub brotli: Option<Stat>,
    /// First contentful paint.
    pub fcp: Option<Stat>,
    /// First control on screen.
    pub control: Option<Stat>,
    /// First question, from navigation start.
    pub question: Option<Stat>,
    /// First question, from the first press of Start.
    pub after_press: Option<Stat>,
}

impl Summary {
    /// The summary of some samples.
    pub fn of(samples: &[Sample]) -> Summary {
        let stat = |f: &dyn Fn(&Sample) -> Option<f64>| {
            Stat::of(&samples.iter().filter_map(f).collect::<Vec<_>>())
        };
        Summary {
            raw: stat(&|s| Some(s.bytes.raw as f64)),
            gzip: stat(&|s| Some(s.bytes.gzip as f64)),
            brotli: stat(&|s| Some(s.bytes.brotli as f64)),
            fcp: stat(&|s| s.fcp),
            control: stat(&|s| Some(s.control)),
            question: stat(&|s| Some(s.question)),
            after_press: stat(&|s| Some(s.question - s.pressed)),
        }
    }
}

/// One profile's figures for both pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The profile's name.
    pub profile: &'static str,
    /// The self-check page.
    pub widget: Summary,
    /// The plain-HTML floor.
    pub floor: Summary,
}

/// How a row's figures are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Bytes,
    Ms,
}

/// A figure of a [`Summary`].
type Figure = fn(&Summary) -> Option<Stat>;

/// The rows of the table: label, unit, figure.
const ROWS: &[(&str, Unit, Figure)] = &[
    ("first-visit bytes, raw", Unit::Bytes, |s| s.raw),
    ("first-visit bytes, gzip -9", Unit::Bytes, |s| s.gzip),
    ("first-visit bytes, brotli 11", Unit::Bytes, |s| s.brotli),
    ("first contentful paint, ms", Unit::Ms, |s| s.fcp),
    ("first control on screen (Start), ms", Unit::Ms, |s| {
        s.control
    }),
    ("first question after Start, ms", Unit::Ms, |s| s.question),
    ("… of which after pressing Start, ms", Unit::Ms, |s| {
        s.after_press
    }),
];

/// A cell: bytes as a size (the same in every run, so the median alone); times
/// as `median (min–max)`, rounded to the ms.
fn cell(stat: Option<Stat>, unit: Unit) -> String {
    match (stat, unit) {
        (None, _) => "–".to_owned(),
        (Some(s), Unit::Bytes) if s.min == s.max => format_size(s.median.round() as u64),
        (Some(s), Unit::Bytes) => format!(
            "{} ({}–{})",
            format_size(s.median.round() as u64),
            format_size(s.min.round() as u64),
            format_size(s.max.round() as u64)
        ),
        (Some(s), Unit::Ms) => format!("{:.0} ({:.0}–{:.0})", s.median, s.min, s.max),
    }
}

/// `widget ÷ floor` of the medians, `12.3×`; `–` when either is missing or the
/// floor is 0.
pub fn ratio(widget: Option<Stat>, floor: Option<Stat>) -> String {
    match (widget, floor) {
        (Some(w), Some(f)) if f.median > 0.0 => format!("{:.1}×", w.median / f.median),
        _ => "–".to_owned(),
    }
}

/// The Markdown table: a row per figure; per profile, the widget, the floor
/// and their ratio.
pub fn markdown_table(columns: &[Column]) -> String {
    let mut out = String::from("| median of the runs (fastest–slowest) |");
    let mut rule = String::from("|---|");
    for column in columns {
        let p = column.profile;
        let _ = write!(out, " {p}: widget | {p}: floor | {p}: widget ÷ floor |");
        rule.push_str("---:|---:|---:|");
    }
    out.push('\n');
    out.push_str(&rule);
    out.push('\n');
    for (label, unit, figure) in ROWS {
        let _ = write!(out, "| {label} |");
        for column in columns {
            let (w, f) = (figure(&column.widget), figure(&column.floor));
            let _ = write!(
                out,
                " {} | {} | {} |",
                cell(w, *unit),
                cell(f, *unit),
                ratio(w, f)
            );
        }
        out.push('\n');
    }
    out
}

/// What the command prints: a heading line, the table, and how it was made.
pub fn report(columns: &[Column], runs: usize, chromium: &str) -> String {
    let network = MOBILE
        .network
        .expect("the mobile profile throttles the network");
    let (width, height, scale) = VIEWPORT;
    format!(
        "\n`cargo xtask bench-web`: median of {runs} first visit(s) per page and profile, headless \
         Chromium {chromium}, viewport {width}×{height} at {scale}×, cache disabled; \
         {} = {:.0} ms round trip, {:.1} Mbit/s down, {:.0} kbit/s up, CPU {}× slower; \
         {} = none. widget = `dist/` (`/`), floor = `{FLOOR_DIR}/{FLOOR_PAGE}`, both served \
         with the production headers and brotli.\n\n{}",
        MOBILE.name,
        network.latency_ms,
        network.download * 8.0 / 1e6,
        network.upload * 8.0 / 1e3,
        MOBILE.cpu_slowdown,
        UNTHROTTLED.name,
        markdown_table(columns)
    )
}

// ------------------------------------------------------------------ WebDriver

/// A chromedriver this command started, stopped (by its process id) when dropped.
#[derive(Debug)]
pub struct WebDriver {
    child: Child,
    port: u16,
}

impl WebDriver {
    /// Starts `bin --port=0` and waits for it to say which port it took.
    pub fn start(bin: &str) -> Result<WebDriver> {
        let mut child = Command::new(bin)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {bin} (`cargo xtask tools --browser`)"))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Read to the end: a full pipe would block chromedriver.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(port) = chromedriver_port(&line) {
                    let _ = tx.send(port);
                }
            }
        });
        let mut driver = WebDriver { child, port: 0 };
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(port) => driver.port = port,
            Err(_) => bail!("{bin} did not say which port it listens on"),
        }
        Ok(driver)
    }

    /// Opens a session: a new Chromium with a fresh profile.
    pub fn new_session(&self, chromium: &str) -> Result<Session<'_>> {
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:chromeOptions": { "binary": chromium, "args": CHROMIUM_ARGS },
            }}
        });
        let value = self
            .request(
                "POST",
                "/session",
                Some(&capabilities),
                Duration::from_secs(60),
            )
            .context("opening a Chromium session")?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no sessionId in {value}"))?
            .to_owned();
        Ok(Session {
            driver: self,
            browser_version: value["capabilities"]["browserVersion"]
                .as_str()
                .unwrap_or("?")
                .to_owned(),
            id,
        })
    }

    /// One WebDriver request; its `value`, or the WebDriver error as an error.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        timeout: Duration,
    ) -> Result<Value> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(timeout + Duration::from_secs(10)))?;
        stream.set_write_timeout(Some(Duration::from_secs(10)))?;
        let port = self.port;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        )?;
        let response = read_http_response(&mut stream)
            .with_context(|| format!("{method} {path}: reading chromedriver's answer"))?;
        let (status, body) = parse_http_response(&response)?;
        let json: Value = serde_json::from_slice(&body).with_context(|| {
            format!(
                "{method} {path}: not JSON: {}",
                String::from_utf8_lossy(&body)
            )
        })?;
        let value = json["value"].clone();
        if status != 200 {
            bail!(
                "{method} {path}: {status} {}: {}",
                value["error"].as_str().unwrap_or("error"),
                value["message"]
                    .as_str()
                    .unwrap_or_default()
                    .lines()
                    .next()
                    .unwrap_or_default()
            );
        }
        Ok(value)
    }
}

impl Drop for WebDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port in chromedriver's "… started successfully on port 36417." line.
pub fn chromedriver_port(line: &str) -> Option<u16> {
    let rest = line.split("started successfully on port ").nth(1)?;
    rest.trim().trim_end_matches('.').trim().parse().ok()
}

/// Reads one HTTP/1.1 response: up to its `Content-Length`, the last chunk of
/// a chunked body, or else the end of the stream. (chromedriver answers
/// `Connection: close` but keeps the connection open, so reading to the end
/// would wait for the time-out.)
pub fn read_http_response(stream: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut response = Vec::new();
    let mut buffer = [0; 64 * 1024];
    loop {
        if http_response_complete(&response) {
            return Ok(response);
        }
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return Ok(response);
        }
        response.extend_from_slice(&buffer[..n]);
    }
}

/// Whether `response` holds a whole HTTP response (see [`read_http_response`]).
pub fn http_response_complete(response: &[u8]) -> bool {
    let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..at]).to_ascii_lowercase();
    let body = &response[at + 4..];
    for line in head.lines() {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim() {
                "content-length" => {
                    return value
                        .trim()
                        .parse::<usize>()
                        .is_ok_and(|len| body.len() >= len)
                }
                "transfer-encoding" if value.contains("chunked") => {
                    return body.ends_with(b"0\r\n\r\n")
                }
                _ => {}
            }
        }
    }
    false
}

/// `(status, body)` of a whole HTTP/1.1 response, chunked or not.
pub fn parse_http_response(response: &[u8]) -> Result<(u16, Vec<u8>)> {
    let at = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| anyhow!("an HTTP response without its end of headers"))?;
    let head = String::from_utf8_lossy(&response[..at]);
    let body = &response[at + 4..];
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow!("no status in {head:?}"))?;
    let chunked = head.lines().any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        })
    });
    if !chunked {
        return Ok((status, body.to_vec()));
    }
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| anyhow!("a chunk without its size line"))?;
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .with_context(|| format!("chunk size {size_text:?}"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok((status, out));
        }
        if rest.len() < size {
            bail!("a chunk cut short");
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
}

/// A WebDriver session (one Chromium), deleted when dropped, which quits its
/// Chromium.
#[derive(Debug)]
pub struct Session<'a> {
    driver: &'a WebDriver,
    id: String,
    /// `browserVersion` of the session's capabilities.
    pub browser_version: String,
}

impl Session<'_> {
    /// A command on this session (`path` below `/session/{id}/`).
    fn command(&self, method: &str, path: &str, body: &Value, timeout: Duration) -> Result<Value> {
        self.driver.request(
            method,
            &format!("/session/{}/{path}", self.id),
            Some(body),
            timeout,
        )
    }

    /// A DevTools protocol command on the page, through chromedriver.
    fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.command(
            "POST",
            "goog/cdp/execute",
            &json!({ "cmd": cmd, "params": params }),
            Duration::from_secs(30),
        )
        .with_context(|| format!("DevTools {cmd}"))
    }

    /// Waits for the probe's result. A script interrupted by the page moving
    /// on to another document is run again in the new one.
    fn wait_for_probe(&self) -> Result<Value> {
        let started = Instant::now();
        loop {
            let script = json!({ "script": WAIT_JS, "args": [] });
            match self.command("POST", "execute/async", &script, PAGE_TIMEOUT) {
                Ok(value) if value.get("error").is_some() => bail!("{}", value["error"]),
                Ok(value) => return Ok(value),
                Err(error) if started.elapsed() < PAGE_TIMEOUT => {
                    let text = format!("{error:#}");
                    let navigated = ["unload", "navigat", "context", "detached"]
                        .iter()
                        .any(|word| text.contains(word));
                    if !navigated {
                        return Err(error).context(self.state());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(error) => return Err(error).context(self.state()),
            }
        }
    }

    /// What the page shows, for an error message.
    fn state(&self) -> String {
        let script = json!({ "script": STATE_JS, "args": [] });
        match self.command("POST", "execute/sync", &script, Duration::from_secs(20)) {
            Ok(state) => format!("the page did not reach the first question: {state}"),
            Err(error) => format!("the page did not reach the first question ({error:#})"),
        }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        if let Err(error) = self
            .driver
            .request("DELETE", &path, None, Duration::from_secs(20))
        {
            eprintln!("closing the Chromium session: {error:#}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[f64::NAN, 2.0, 9.0, 1.0]), Some(2.0));
        let stat = Stat::of(&[40.0, 10.0, 30.0, 20.0, 50.0]).unwrap();
        assert_eq!(
            stat,
            Stat {
                median: 30.0,
                min: 10.0,
                max: 50.0
            }
        );
    }

    fn sample(control: f64, pressed: f64, question: f64, brotli: u64) -> Sample {
        Sample {
            fcp: Some(control - 10.0),
            control,
            pressed,
            presses: 1,
            control_in_view: true,
            question,
            documents: 1,
            bytes: Bytes {
                raw: brotli * 3,
                gzip: brotli * 2,
                brotli,
                files: 2,
            },
        }
    }

    #[test]
    fn formats_the_table() {
        let widget = Summary::of(&[
            sample(4000.0, 4010.0, 4100.0, 190_000),
            sample(4400.0, 4410.0, 4520.0, 190_000),
            sample(4200.0, 4205.0, 4300.0, 190_000),
        ]);
        let floor = Summary::of(&[
            sample(500.0, 501.0, 520.0, 4_000),
            sample(480.0, 481.0, 500.0, 4_000),
            sample(520.0, 521.0, 560.0, 4_000),
        ]);
        let table = markdown_table(&[Column {
            profile: "mobile",
            widget,
            floor,
        }]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0],
            "| median of the runs (fastest–slowest) | mobile: widget | mobile: floor | \
             mobile: widget ÷ floor |"
        );
        assert_eq!(lines[1], "|---|---:|---:|---:|");
        assert_eq!(
            lines[4],
            "| first-visit bytes, brotli 11 | 185.5 KiB | 3.9 KiB | 47.5× |"
        );
        assert_eq!(
            lines[6],
            "| first control on screen (Start), ms | 4200 (4000–4400) | 500 (480–520) | 8.4× |"
        );
        assert_eq!(
            lines[8],
            "| … of which after pressing Start, ms | 95 (90–110) | 19 (19–39) | 5.0× |"
        );
        assert_eq!(lines.len(), 2 + ROWS.len());
        for line in &lines {
            assert_eq!(line.matches('|').count(), 5, "{line}");
        }
    }

    #[test]
    fn cells_and_ratios() {
        let stat = |median, min, max| Some(Stat { median, min, max });
        assert_eq!(cell(None, Unit::Ms), "–");
        assert_eq!(cell(stat(12.4, 10.0, 19.6), Unit::Ms), "12 (10–20)");
        assert_eq!(cell(stat(2048.0, 2048.0, 2048.0), Unit::Bytes), "2.0 KiB");
        assert_eq!(
            cell(stat(2048.0, 1024.0, 4096.0), Unit::Bytes),
            "2.0 KiB (1.0 KiB–4.0 KiB)"
        );
        assert_eq!(ratio(stat(10.0, 0.0, 0.0), stat(4.0, 0.0, 0.0)), "2.5×");
        assert_eq!(ratio(stat(10.0, 0.0, 0.0), stat(0.0, 0.0, 0.0)), "–");
        assert_eq!(ratio(None, stat(1.0, 1.0, 1.0)), "–");
    }

    #[test]
    fn reads_the_probe_result() {
        let result = json!({
            "fcp": 310.5, "control": 400.25, "pressed": 410.0, "presses": 2,
            "question": 900.0, "documents": 1,
            "resources": [
                { "url": "http://127.0.0.1:1/", "status": 200, "decoded": 100 },
                { "url": "http://127.0.0.1:1/favicon.ico", "status": 404, "decoded": 10 },
            ],
        });
        let sample = parse_sample(&result, |resources| {
            assert_eq!(resources.len(), 2);
            assert_eq!(resources[1].status, 404);
            Ok(Bytes {
                raw: 100,
                gzip: 80,
                brotli: 70,
                files: 1,
            })
        })
        .unwrap();
        assert_eq!(sample.control, 400.25);
        assert_eq!(sample.presses, 2);
        assert_eq!(sample.fcp, Some(310.5));
        assert_eq!(sample.bytes.brotli, 70);
        let incomplete = json!({ "control": 1.0, "resources": [] });
        assert!(parse_sample(&incomplete, |_| Ok(Bytes::default())).is_err());
    }

    #[test]
    fn finds_the_files_of_request_targets() {
        let root = std::env::temp_dir().join(format!("xtask-bench-web-{}", std::process::id()));
        std::fs::create_dir_all(root.join("q")).unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::write(root.join("q/self-check.json"), "{}").unwrap();
        std::fs::write(root.join("q/index.html"), "x").unwrap();
        let found = |target: &str| relative_file(&root, target);
        assert_eq!(found("/").as_deref(), Some("index.html"));
        assert_eq!(
            found("/q/self-check.json?v=1").as_deref(),
            Some("q/self-check.json")
        );
        assert_eq!(found("/q/").as_deref(), Some("q/index.html"));
        assert_eq!(found("/missing.js"), None);
        assert_eq!(found("/../etc/passwd"), None);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn reads_http_responses() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(parse_http_response(plain).unwrap(), (200, b"{}".to_vec()));
        let chunked =
            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4;x=y\r\n\":1}\r\n0\r\n\r\n";
        assert_eq!(
            parse_http_response(chunked).unwrap(),
            (404, b"{\"a\":1}".to_vec())
        );
        assert!(parse_http_response(b"HTTP/1.1 200 OK\r\n").is_err());
        // chromedriver's own spelling, and a connection it keeps open.
        let answer = b"HTTP/1.1 200 OK\r\nContent-Length:2\r\nConnection:close\r\n\r\n{}";
        assert!(http_response_complete(answer));
        assert!(!http_response_complete(&answer[..answer.len() - 1]));
        assert!(http_response_complete(chunked));
        assert!(!http_response_complete(&chunked[..chunked.len() - 2]));
        let mut stream = io::Cursor::new(answer.to_vec()).chain(io::repeat(b'x'));
        assert_eq!(read_http_response(&mut stream).unwrap(), answer);
        assert_eq!(
            chromedriver_port("ChromeDriver was started successfully on port 36417."),
            Some(36417)
        );
        assert_eq!(chromedriver_port("Starting ChromeDriver 156.0"), None);
    }

    #[test]
    fn the_probe_names_its_selectors() {
        let probe = probe_script();
        assert!(
            probe.contains(r#"const START = "[data-action=\"start\"]""#),
            "{probe}"
        );
        assert!(probe.contains("form.rs-question fieldset input"));
        for placeholder in ["__START__", "__QUESTION__", "__REPRESS__"] {
            assert!(
                !probe.contains(placeholder),
                "{placeholder} is filled: {probe}"
            );
        }
    }

    #[test]
    fn the_floor_has_what_the_probe_looks_for() {
        let floor = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(FLOOR_DIR)
            .join(FLOOR_PAGE);
        let html = std::fs::read_to_string(&floor).unwrap();
        assert!(html.contains("data-action=\"start\""));
        assert!(html.contains("<form id=\"questions\" class=\"rs-question\""));
        assert!(!html.contains("<script"), "the floor has no script");
    }
}
