//! One browser per test: a WebDriver server on a free port (chromedriver,
//! geckodriver or WebKitWebDriver, see [`crate::engine`]), a session in that
//! engine's browser, the test server, and helpers that speak the widget's DOM
//! contract.
//!
//! [`browser_test`] runs a test body and then, whatever happened (pass, panic,
//! time-out), closes the WebDriver session (which quits the browser) and kills the
//! driver it started (and WebKit's Xvfb), by their PIDs. If even that fails
//! half-way, the [`Driver`] guard's `Drop` deletes the session with a plain
//! blocking HTTP request and kills those processes, so no browser is left running.
//!
//! Helpers panic with a message that says what was expected and what the page
//! showed (screen, live region, page errors), so a test reads as a script.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::Value as Json;

use crate::page::PageOptions;
use crate::server::Server;

// The harness by job; the root keeps the constants and the `Browser` handle,
// and re-exports what tests use so `riskscreen_e2e::browser::…` paths stay put.
mod actions;
mod capabilities;
mod dom;
mod driver;
mod run;
mod state;
mod window;

pub use capabilities::{chromium_args, engine_flags, EngineFlags};
pub use driver::Driver;
pub use run::{browser_test, browser_test_within};

/// How long a helper waits for the page to reach a state.
pub const WAIT: Duration = Duration::from_secs(8);
/// How long one test body may take before it is stopped.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(120);
/// The viewport tests start with, in CSS px (a phone).
pub const WINDOW: (u32, u32) = (360, 720);
/// Where the page under test is served.
pub const PAGE_PATH: &str = "/e2e-page.html";

/// A JS expression: the page shows no prerendered screen that boot.js has not
/// replaced yet (`data-rs-boot` is `static` before boot.js runs, `loading` until
/// the widget mounts; pages that are not prerendered have no such attribute).
pub const NOT_PRERENDERED: &str =
    "!document.querySelector('[data-rs-boot=\"static\"], [data-rs-boot=\"loading\"]')";

/// The Chromium flags from the toolchain notes: headless, no sandbox (root), and no
/// traffic to outside hosts.
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
    "--force-device-scale-factor=1",
];

/// The page, the server that serves it, and the WebDriver client: what a test body gets.
#[derive(Debug, Clone)]
pub struct Browser {
    /// The WebDriver session.
    pub client: Client,
    /// The test server (its request log).
    pub server: Arc<Server>,
    /// The configuration of the page under test.
    pub options: PageOptions,
    /// The built `www/`.
    pub www: PathBuf,
    /// The test's name (screenshot file names).
    pub name: String,
    /// The widget's shadow host (a CSS selector) when it renders in a shadow root
    /// (`<risk-screen>`, the JS API): element lookups and scripts then see the
    /// shadow root as `document` (see [`Browser::scoped`]).
    pub scope: Option<String>,
}

/// A single key for [`Browser::keys`].
pub fn key(k: Key) -> char {
    k.into()
}

/// JavaScript truthiness of a WebDriver result.
pub fn truthy(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(_) | Json::Object(_) => true,
    }
}

/// The strings of a JSON array (other items shown as JSON).
pub fn strings(value: &Json) -> Vec<String> {
    match value {
        Json::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}
