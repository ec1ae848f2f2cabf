//! End-to-end tests of the riskscreen widget in headless Chromium (the default),
//! Firefox or WebKit, driven over WebDriver ([`fantoccini`] with chromedriver,
//! geckodriver or WebKitWebDriver; `RISKSCREEN_BROWSER`, see [`engine`]).
//!
//! The tests live in `tests/browser/`; this library is their harness:
//!
//! | module      | what it does |
//! |-------------|--------------|
//! | [`server`]  | static server for `www/` on `127.0.0.1:0` with the strict CSP, logging every request (and its `Referer`); breaks a path on purpose (`Fault`: 404, truncated, stalled, late) |
//! | [`page`]    | page variants of a prerendered self-check page (`data-*` config of `<main id="app">`), the recorder script, the neutral exit page |
//! | [`engine`]  | which engine runs (`RISKSCREEN_BROWSER=chromium\|firefox\|webkit`), what differs between them, and [`engine::skip`]: a test that cannot run in an engine says so, never silently |
//! | [`browser`] | WebDriver server + session per test (with a test's own Chromium flags, or their equivalent elsewhere), a guard that always closes both, DOM and keyboard helpers; waits for the mounted widget, not the prerendered screen |
//! | [`axe`]     | axe-core accessibility checks |
//! | [`check`]   | per-screen checks: horizontal overflow, unresolved or untranslated strings, expected texts |
//! | [`embed`]   | host pages for the three ways of embedding (frame, custom element, JS API) and a plain iframe; the frame host's server, its message recorder, entering the frame |
//! | [`traces`]  | what a run may leave behind: requests after load, storage, answers in the URL |
//! | [`plan`]    | answers to give and the expected result, from the compiled questionnaire via `riskscreen-core` |
//!
//! # Running
//!
//! `cargo xtask test` builds `www/` and then runs `cargo test -p riskscreen-e2e`. By hand:
//!
//! ```text
//! cargo xtask build                       # www/pkg/ and www/q/
//! cargo test -p riskscreen-e2e            # every browser test
//! cargo test -p riskscreen-e2e quick_exit # some of them
//! ```
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (or `CHROMIUM_BIN` and
//! `CHROMEDRIVER`) and axe-core at `.tools/npm/node_modules/axe-core/axe.min.js`
//! (or `AXE_CORE_JS`); `cargo xtask test` installs all three. In another engine:
//!
//! ```text
//! RISKSCREEN_BROWSER=firefox cargo test -p riskscreen-e2e --test browser flow::
//! RISKSCREEN_BROWSER=webkit  cargo test -p riskscreen-e2e --test browser quick_exit::
//! ```
//!
//! Firefox needs `/usr/bin/firefox-esr` and geckodriver (`.tools/cargo/bin/geckodriver`,
//! installed by `cargo xtask test`); WebKit needs `/usr/bin/WebKitWebDriver`
//! (Debian's `webkit2gtk-driver`) and `Xvfb` (the harness starts one per test). Screenshots of every
//! screen go to `target/screenshots/` (or `RISKSCREEN_SCREENSHOTS`), for people to
//! look at; a failing test also leaves `FAILED-<test>.png` there.

pub mod axe;
pub mod browser;
pub mod check;
pub mod embed;
pub mod engine;
pub mod page;
pub mod plan;
pub mod server;
pub mod traces;

use std::path::{Path, PathBuf};

pub use browser::{browser_test, Browser};
pub use engine::Engine;
pub use page::PageOptions;

/// The repository root (`RISKSCREEN_ROOT`, else two levels above this crate).
pub fn repo_root() -> PathBuf {
    if let Some(root) = std::env::var_os("RISKSCREEN_ROOT") {
        return PathBuf::from(root);
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the e2e crate lives at tests/e2e in the repository")
}

/// The built site, `www/` (`RISKSCREEN_WWW`, else `<root>/www`).
pub fn www_dir() -> PathBuf {
    std::env::var_os("RISKSCREEN_WWW")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("www"))
}

/// Where screenshots go (`RISKSCREEN_SCREENSHOTS`, else `<root>/target/screenshots`).
pub fn screenshot_dir() -> PathBuf {
    std::env::var_os("RISKSCREEN_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/screenshots"))
}

/// Panics with "run `cargo xtask build` first" unless `www/` holds the built
/// widget and the files `options` refers to. Returns `www/`.
pub fn require_build(options: &PageOptions) -> PathBuf {
    let www = www_dir();
    let mut missing = Vec::new();
    for relative in [
        "index.html",
        &options.page,
        "boot.js",
        "pkg/riskscreen.js",
        "pkg/riskscreen_bg.wasm",
        &options.questionnaire,
        &options.helplines,
    ] {
        if !www.join(relative).is_file() {
            missing.push(format!("  {}", www.join(relative).display()));
        }
    }
    assert!(
        missing.is_empty(),
        "the widget is not built: missing\n{}\nrun `cargo xtask build` first \
         (`cargo xtask test` builds www/ before running these tests)",
        missing.join("\n")
    );
    www
}
