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
//!
//! This file has the command ([`bench_web`]), its settings and what a run
//! yields; `measure.rs` loads a page once, `probe.rs` is the script injected
//! into it, `report.rs` makes the table, `webdriver.rs` is the WebDriver
//! client; `tests.rs`.

mod measure;
mod probe;
mod report;
#[cfg(test)]
mod tests;
mod webdriver;

use std::io;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::dist::format_size;
use crate::project::Project;
use crate::tools::{self, ensure_tools, Needs};

pub use measure::{parse_sample, relative_file, Resource};
pub use probe::probe_script;
pub use report::{markdown_table, median, ratio, report, Column, Stat, Summary};
pub use webdriver::{
    chromedriver_port, http_response_complete, parse_http_response, read_http_response, Session,
    WebDriver,
};

use measure::{measure, Site};

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
