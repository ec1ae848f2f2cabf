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

use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value as Json};

use crate::engine::{self, Engine};
use crate::page::{self, PageOptions};
use crate::plan::{Plan, Step};
use crate::server::Server;

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

/// A WebDriver server this test started (and, for WebKit, the Xvfb its
/// browser draws on), and the session opened on it.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    /// Xvfb for WebKit; killed after the driver.
    display: Option<Child>,
    /// Firefox's profile directory; removed after the driver is killed.
    profile: Option<PathBuf>,
    port: u16,
    session: Option<String>,
}

impl Driver {
    /// Starts chromedriver on a port it picks (`--port=0`) and waits for it to say which.
    pub fn start() -> Driver {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut child = Command::new(&bin)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin}: {e} (`cargo xtask test` installs chromium-driver)")
            });
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Keep reading to the end: a full pipe would block chromedriver.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("started successfully on port ").nth(1) {
                    let port = rest.trim_end_matches('.').trim().parse::<u16>();
                    let _ = tx.send(port);
                }
            }
        });
        let mut driver = Driver {
            child,
            display: None,
            profile: None,
            port: 0,
            session: None,
        };
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(Ok(port)) => driver.port = port,
            other => panic!("chromedriver did not report its port: {other:?}"),
        }
        driver
    }

    /// Starts the WebDriver server of `engine` (Chromium: [`Driver::start`]);
    /// `env` goes to the driver, and so to the browser it starts.
    pub fn start_for(engine: Engine, env: &[(String, String)]) -> Driver {
        match engine {
            Engine::Chromium => Driver::start(),
            Engine::Firefox => {
                let bin = geckodriver_bin();
                let port = free_port();
                let mut cmd = Command::new(&bin);
                cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()])
                    .args(["--log", "fatal"]);
                Driver::spawn_and_wait(cmd, &bin, port, None, env)
            }
            Engine::Webkit => {
                let bin = std::env::var("WEBKIT_WEBDRIVER")
                    .unwrap_or_else(|_| "/usr/bin/WebKitWebDriver".into());
                let (xvfb, display) = start_xvfb();
                let port = free_port();
                let mut cmd = Command::new(&bin);
                cmd.arg(format!("--port={port}"))
                    .env("DISPLAY", format!(":{display}"))
                    // No accessibility bus, no GPU process fighting for the 2 cores.
                    .env("NO_AT_BRIDGE", "1")
                    .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
                Driver::spawn_and_wait(cmd, &bin, port, Some(xvfb), env)
            }
        }
    }

    /// Spawns `cmd` (a driver told to listen on `port`) and waits until it
    /// answers `GET /status`.
    fn spawn_and_wait(
        mut cmd: Command,
        bin: &str,
        port: u16,
        display: Option<Child>,
        env: &[(String, String)],
    ) -> Driver {
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {bin}: {e} (`cargo xtask test` installs it; see \
                     tests/e2e/src/engine.rs)"
                )
            });
        let mut driver = Driver {
            child,
            display,
            profile: None,
            port,
            session: None,
        };
        let started = Instant::now();
        loop {
            if status_ok(port) {
                return driver;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("{bin} exited before it listened on port {port}: {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{bin} did not answer on port {port} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            delete_session_blocking(self.port, &session);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(mut xvfb) = self.display.take() {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
        if let Some(profile) = self.profile.take() {
            let _ = std::fs::remove_dir_all(profile);
        }
    }
}

/// geckodriver: `GECKODRIVER`, else the pinned one in `.tools/cargo/bin` (where
/// `cargo xtask test` installs it), else `geckodriver` on `PATH`.
fn geckodriver_bin() -> String {
    if let Ok(bin) = std::env::var("GECKODRIVER") {
        return bin;
    }
    let pinned = crate::repo_root().join(".tools/cargo/bin/geckodriver");
    if pinned.is_file() {
        return pinned.display().to_string();
    }
    "geckodriver".into()
}

/// A loopback port nothing listens on now (the driver is told to take it).
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Whether a WebDriver server answers `GET /status` on `port` with 200.
fn status_ok(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200")
}

/// Starts an Xvfb on a display number it picks itself (`-displayfd`), for
/// WebKitGTK's MiniBrowser, which hangs without a display. Returns the process
/// and the display number.
fn start_xvfb() -> (Child, u32) {
    let bin = std::env::var("XVFB").unwrap_or_else(|_| "Xvfb".into());
    let mut child = Command::new(&bin)
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin}: {e} (`cargo xtask test` installs xvfb for WebKit)")
        });
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        if let Some(Ok(line)) = lines.next() {
            let _ = tx.send(line.trim().parse::<u32>());
        }
        // Keep reading to the end.
        for _ in lines {}
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Ok(display)) => (child, display),
        other => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{bin} did not report its display number: {other:?}")
        }
    }
}

/// `DELETE /session/{id}` with plain blocking IO (usable in `Drop`): chromedriver
/// then quits the Chromium it started.
fn delete_session_blocking(port: u16, session: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
    let request = format!(
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink);
    }
}

/// The harness's [`CHROMIUM_ARGS`] and a test's own (`extra`); a `--lang=` of
/// the test's replaces the harness's.
pub fn chromium_args(extra: &[String]) -> Vec<String> {
    let own_lang = extra.iter().any(|a| a.starts_with("--lang="));
    CHROMIUM_ARGS
        .iter()
        .filter(|a| !(own_lang && a.starts_with("--lang=")))
        .map(|a| a.to_string())
        .chain(extra.iter().cloned())
        .collect()
}

fn capabilities(extra: &[String]) -> serde_json::Map<String, Json> {
    let binary = std::env::var("CHROMIUM_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let args = chromium_args(extra);
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": binary, "args": args },
    });
    caps.as_object().expect("an object").clone()
}

/// How a test's Chromium flags ([`PageOptions::chromium_args`]) are given to
/// another engine: the page languages only. Any other flag has no equivalent
/// here, and the test is skipped in that engine with the flag named.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EngineFlags {
    /// The languages the browser tells pages (`Accept-Language`,
    /// `navigator.languages`), from `--accept-lang=` or else `--lang=`.
    pub languages: Option<String>,
}

/// [`EngineFlags`] for Firefox and WebKit from a test's Chromium flags, or the
/// first flag that has no equivalent.
pub fn engine_flags(extra: &[String]) -> Result<EngineFlags, String> {
    let mut lang = None;
    let mut accept = None;
    for flag in extra {
        if let Some(v) = flag.strip_prefix("--accept-lang=") {
            accept = Some(v.to_owned());
        } else if let Some(v) = flag.strip_prefix("--lang=") {
            lang = Some(v.to_owned());
        } else {
            return Err(flag.clone());
        }
    }
    Ok(EngineFlags {
        languages: accept.or(lang),
    })
}

/// The WebDriver capabilities that start `engine`'s browser headless (or, for
/// WebKit, on the test's Xvfb), with `flags`.
fn engine_capabilities(
    engine: Engine,
    chromium_extra: &[String],
    flags: &EngineFlags,
    profile: Option<&Path>,
) -> serde_json::Map<String, Json> {
    let caps = match engine {
        Engine::Chromium => return capabilities(chromium_extra),
        Engine::Firefox => {
            let binary =
                std::env::var("FIREFOX_BIN").unwrap_or_else(|_| "/usr/bin/firefox-esr".into());
            let languages = flags.languages.as_deref().unwrap_or("en-US");
            let profile = profile
                .expect("a Firefox profile directory")
                .display()
                .to_string();
            json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": binary,
                    "args": ["-headless", "-profile", profile],
                    "prefs": {
                        "intl.accept_languages": languages,
                        "intl.locale.requested": "en-US",
                        "layout.css.devPixelsPerPx": "1.0",
                        // The profile's userChrome.css (see firefox_profile).
                        "toolkit.legacyUserProfileCustomizations.stylesheets": true,
                        // No traffic to outside hosts (the machine's network refuses it).
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "network.dns.disablePrefetch": true,
                        "network.prefetch-next": false,
                        "app.update.auto": false,
                        "app.normandy.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false
                    }
                }
            })
        }
        Engine::Webkit => {
            let binary = std::env::var("WEBKIT_BROWSER")
                .unwrap_or_else(|_| "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into());
            json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": binary,
                    "args": ["--automation"]
                }
            })
        }
    };
    caps.as_object().expect("an object").clone()
}

/// A fresh Firefox profile directory for one test, with a `userChrome.css`
/// that hides the browser's toolbars: Firefox keeps its window at least 500 px
/// wide for them, and the tests need a phone's 360 px (and 320 px). The
/// [`Driver`] removes it when the test ends.
fn firefox_profile() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("riskscreen-e2e-firefox-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let css = dir.join("chrome/userChrome.css");
    std::fs::create_dir_all(css.parent().expect("a parent"))
        .unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    std::fs::write(
        &css,
        "/* riskscreen-e2e: no toolbars, so the window can be as narrow as a phone. */\n\
         :root, #main-window, #browser, #appcontent, #tabbrowser-tabbox, hbox, vbox { min-width: 0 !important; }\n\
         #navigator-toolbox { display: none !important; }\n",
    )
    .unwrap_or_else(|e| panic!("writing {}: {e}", css.display()));
    dir
}

/// The environment of `engine`'s driver (and so of its browser) for `flags`.
/// WebKitGTK takes its page languages from the locale variables (`LANG`: the
/// locale need not be installed), and its MiniBrowser's toolbar would keep the
/// window at least 447 px wide: [`webkit_gtk_config`] shrinks that chrome (GTK
/// widgets only; WebKit draws the page's own controls itself).
fn engine_env(engine: Engine, flags: &EngineFlags) -> Vec<(String, String)> {
    match engine {
        Engine::Webkit => {
            let languages = flags.languages.as_deref().unwrap_or("en-US");
            // `uk,en;q=0.8` → `uk`; `en-US` → `en_US`.
            let first = languages
                .split(',')
                .next()
                .and_then(|l| l.split(';').next())
                .unwrap_or("en-US")
                .trim()
                .replace('-', "_");
            let locale = format!("{first}.UTF-8");
            vec![
                ("LANG".into(), locale.clone()),
                ("LC_ALL".into(), locale),
                (
                    "XDG_CONFIG_HOME".into(),
                    webkit_gtk_config().display().to_string(),
                ),
            ]
        }
        _ => Vec::new(),
    }
}

/// A GTK 3 user stylesheet that shrinks MiniBrowser's toolbar, so a WebKit
/// window can be as narrow as a phone (360 px, 320 px): written once per run
/// under the temporary directory, returned as an `XDG_CONFIG_HOME`.
fn webkit_gtk_config() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("riskscreen-e2e-gtk-{}", std::process::id()));
        let css = dir.join("gtk-3.0/gtk.css");
        std::fs::create_dir_all(css.parent().expect("a parent"))
            .unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        std::fs::write(
            &css,
            "/* riskscreen-e2e: MiniBrowser's toolbar must not keep the window wide. */\n\
             * { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n",
        )
        .unwrap_or_else(|e| panic!("writing {}: {e}", css.display()));
        dir
    })
    .clone()
}

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

enum Failure {
    Panic(Box<dyn std::any::Any + Send>),
    Message(String),
}

/// Runs `body` against a fresh browser on a page configured by `options`, then
/// closes the session and stops chromedriver whatever the outcome; a failure is
/// re-raised after that, with the server log and the page state printed.
pub fn browser_test<F, Fut>(name: &str, options: PageOptions, body: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    browser_test_within(name, options, TEST_TIMEOUT, body);
}

/// [`browser_test`] with another time limit for the body than [`TEST_TIMEOUT`]
/// (a walk through a long questionnaire).
pub fn browser_test_within<F, Fut>(name: &str, options: PageOptions, limit: Duration, body: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let engine = Engine::current();
    let flags = match engine {
        Engine::Chromium => EngineFlags::default(),
        _ => match engine_flags(&options.chromium_args) {
            Ok(flags) => flags,
            Err(flag) => {
                engine::report_skip(&format!(
                    "the test runs Chromium with `{flag}`, which has no equivalent set up for {engine}"
                ));
                return;
            }
        },
    };
    let www = crate::require_build(&options);
    let index = std::fs::read_to_string(www.join(&options.page))
        .unwrap_or_else(|e| panic!("reading www/{}: {e}", options.page));
    let html = page::variant(&index, &options).unwrap_or_else(|e| panic!("{e}"));

    let server = Arc::new(Server::start(&www).expect("starting the test server"));
    server.put(PAGE_PATH, "text/html; charset=utf-8", html);
    server.put(
        page::RECORDER_PATH,
        "text/javascript; charset=utf-8",
        page::RECORDER_JS,
    );
    server.put(
        page::NEUTRAL_PATH,
        "text/html; charset=utf-8",
        page::NEUTRAL_HTML,
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut driver = Driver::start_for(engine, &engine_env(engine, &flags));
    if engine == Engine::Firefox {
        driver.profile = Some(firefox_profile());
    }
    let caps = engine_capabilities(
        engine,
        &options.chromium_args,
        &flags,
        driver.profile.as_deref(),
    );
    let client = runtime.block_on(async {
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a {engine} session: {e}"));
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(60)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("setting WebDriver timeouts");
        client
    });
    driver.session = runtime.block_on(client.session_id()).ok().flatten();

    let browser = Browser {
        client: client.clone(),
        server: Arc::clone(&server),
        options,
        www,
        name: name.to_owned(),
        scope: None,
    };
    runtime.block_on(browser.set_viewport(WINDOW.0, WINDOW.1));
    let outcome = runtime.block_on(async {
        let handle = tokio::spawn(body(browser.clone()));
        let abort = handle.abort_handle();
        match tokio::time::timeout(limit, handle).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) if e.is_panic() => Err(Failure::Panic(e.into_panic())),
            Ok(Err(e)) => Err(Failure::Message(format!("the test task failed: {e}"))),
            Err(_) => {
                abort.abort();
                Err(Failure::Message(format!(
                    "the test did not finish within {limit:?}"
                )))
            }
        }
    });

    if outcome.is_err() {
        runtime.block_on(async {
            let state = tokio::time::timeout(Duration::from_secs(15), browser.describe()).await;
            eprintln!(
                "--- {name} failed; page state: {}",
                state.unwrap_or_else(|_| "(browser did not answer)".into())
            );
            let _ = tokio::time::timeout(
                Duration::from_secs(10),
                browser.screenshot(&format!("FAILED-{name}")),
            )
            .await;
        });
        eprintln!("--- server log:\n{}", server.log_text());
    }

    // Close the session (the browser quits), then the guard kills the driver.
    let closed = runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(15), client.close()).await });
    if matches!(closed, Ok(Ok(()))) {
        driver.session = None;
    }
    drop(browser);
    drop(driver);
    drop(runtime);

    match outcome {
        Ok(()) => {}
        Err(Failure::Panic(payload)) => std::panic::resume_unwind(payload),
        Err(Failure::Message(message)) => panic!("{message}"),
    }
}

/// A single key for [`Browser::keys`].
pub fn key(k: Key) -> char {
    k.into()
}

impl Browser {
    // ---------------------------------------------------------------- navigation

    /// The URL of the page under test.
    pub fn page_url(&self) -> String {
        self.server.url(PAGE_PATH)
    }

    /// Loads the page under test and waits until the widget is mounted (or shows
    /// its fallback): the prerendered screen before it does not count.
    pub async fn open(&self) {
        self.client
            .goto(&self.page_url())
            .await
            .unwrap_or_else(|e| panic!("cannot load {}: {e}", self.page_url()));
        self.wait_until(
            "the widget (.rs-widget) to mount, or its fallback (.rs-fallback) to render",
            &format!(
                "return !!document.querySelector('.rs-fallback') || \
                 (!!document.querySelector('.rs-widget') && {NOT_PRERENDERED});"
            ),
        )
        .await;
    }

    /// Loads the page and waits for the start screen.
    pub async fn open_start(&self) {
        self.open().await;
        self.wait_screen("start").await;
    }

    /// Loads a page with the injected panic and waits for the fallback panel. The
    /// widget panics on its first render after Start (`testPanic`), so Start is
    /// pressed when the start screen shows.
    pub async fn open_fallback(&self) {
        assert!(
            self.options.test_panic,
            "open_fallback needs PageOptions::panicking()"
        );
        self.open().await;
        if self.screen().await.as_deref() == Some("start") {
            self.action("start").await;
        }
        self.wait_screen("fallback").await;
    }

    // ---------------------------------------------------------------- scripts

    /// Runs `script` (a function body; `return` gives the result).
    pub async fn js(&self, script: &str) -> Json {
        self.js_args(script, Vec::new()).await
    }

    /// This browser with the widget looked for in the shadow root of the element
    /// matching `host` (None: in the document).
    pub fn scoped(&self, host: Option<&str>) -> Browser {
        Browser {
            scope: host.map(str::to_owned),
            ..self.clone()
        }
    }

    /// `script` as run: with a scope, `document` is the shadow root (which has
    /// `querySelector`, `querySelectorAll` and `activeElement`, all the widget
    /// helpers use).
    fn in_scope(&self, script: &str) -> String {
        match &self.scope {
            None => script.to_owned(),
            Some(host) => format!(
                "const document = window.document.querySelector({host:?}).shadowRoot;\n{script}"
            ),
        }
    }

    /// Runs `script` with `arguments`.
    pub async fn js_args(&self, script: &str, args: Vec<Json>) -> Json {
        let script = self.in_scope(script);
        self.client
            .execute(&script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{}", abbreviate(&script)))
    }

    /// Runs an asynchronous `script`: it calls `arguments[arguments.length - 1](value)`.
    pub async fn js_async(&self, script: &str) -> Json {
        let script = self.in_scope(script);
        self.client
            .execute_async(&script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{}", abbreviate(&script)))
    }

    /// Polls `script` until it returns something truthy (returned), or panics
    /// after [`WAIT`] saying it waited for `what`.
    pub async fn wait_until(&self, what: &str, script: &str) -> Json {
        let started = Instant::now();
        let script = self.in_scope(script);
        loop {
            // Errors while the page navigates count as "not yet".
            if let Ok(value) = self.client.execute(&script, Vec::new()).await {
                if truthy(&value) {
                    return value;
                }
            }
            if started.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {what}; page state: {}",
                    self.describe().await
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    // ---------------------------------------------------------------- elements

    /// Waits until an element matches `css`, and returns the first.
    pub async fn wait_for(&self, css: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.find(css).await {
                return element;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "no element matches `{css}` after {WAIT:?}; page state: {}",
                    self.describe().await
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The first element matching `css` (in the shadow root when scoped).
    async fn find(&self, css: &str) -> Result<Element, fantoccini::error::CmdError> {
        match &self.scope {
            None => self.client.find(Locator::Css(css)).await,
            Some(host) => {
                let root = self
                    .client
                    .find(Locator::Css(host))
                    .await?
                    .shadow_root()
                    .await?;
                root.find(Locator::Css(css)).await
            }
        }
    }

    /// Waits for `css`, scrolls it to the middle of the viewport (as a person
    /// would, clear of a sticky bar) and clicks it (a real mouse click at its centre).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        let arg = serde_json::to_value(&element).expect("an element reference");
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                vec![arg.clone()],
            )
            .await;
        if Engine::current() == Engine::Webkit {
            self.webkit_reveal_in_top(arg).await;
        }
        if let Err(e) = element.click().await {
            panic!(
                "cannot click `{css}`: {e}; page state: {}",
                self.describe().await
            );
        }
    }

    /// WebKit only: in a frame (the harness's frame 0, see
    /// [`crate::embed::enter_embed`]), `scrollIntoView` does not scroll the
    /// page around a cross-origin frame, and WebKitWebDriver's Element Click
    /// then clicks outside the viewport and reports success (WebKitGTK 2.50,
    /// seen here). So the top page is scrolled to bring the element's row to
    /// the middle, as a person would, and the frame entered again.
    async fn webkit_reveal_in_top(&self, element: Json) {
        let row = self
            .client
            .execute(
                "if (window === window.top) return null; \
                 const r = arguments[0].getBoundingClientRect(); return r.top + r.height / 2;",
                vec![element],
            )
            .await;
        let Ok(Json::Number(row)) = row else { return };
        if self.client.enter_parent_frame().await.is_err() {
            return;
        }
        let _ = self
            .client
            .execute(
                "const f = Array.from(document.querySelectorAll('iframe')) \
                   .find(f => f.contentWindow === window.frames[0]) || document.querySelector('iframe'); \
                 if (f) window.scrollBy(0, f.getBoundingClientRect().top + arguments[0] - innerHeight / 2);",
                vec![Json::Number(row)],
            )
            .await;
        self.client
            .enter_frame(0)
            .await
            .unwrap_or_else(|e| panic!("cannot enter the frame again: {e}"));
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        let n = self
            .js_args(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            )
            .await;
        n.as_u64().unwrap_or(0) as usize
    }

    /// The trimmed `textContent` of the first match of `css` (None if none).
    pub async fn text_of(&self, css: &str) -> Option<String> {
        let v = self
            .js_args(
                "const e = document.querySelector(arguments[0]); \
                 return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;",
                vec![json!(css)],
            )
            .await;
        v.as_str().map(str::to_owned)
    }

    /// An attribute of the first match of `css`.
    pub async fn attr_of(&self, css: &str, attr: &str) -> Option<String> {
        let v = self
            .js_args(
                "const e = document.querySelector(arguments[0]); \
                 return e ? e.getAttribute(arguments[1]) : null;",
                vec![json!(css), json!(attr)],
            )
            .await;
        v.as_str().map(str::to_owned)
    }

    /// The `href`s of every match of `css`.
    pub async fn hrefs(&self, css: &str) -> Vec<String> {
        let v = self
            .js_args(
                "return Array.from(document.querySelectorAll(arguments[0]), a => a.getAttribute('href'));",
                vec![json!(css)],
            )
            .await;
        strings(&v)
    }

    // ---------------------------------------------------------------- widget state

    /// The current screen: `.rs-widget[data-screen]`, or `fallback` if the fallback
    /// panel is shown; `None` when neither exists.
    pub async fn screen(&self) -> Option<String> {
        let v = self
            .js(&format!(
                "if (document.querySelector('.rs-fallback')) return 'fallback'; \
                 const w = document.querySelector('.rs-widget'); \
                 return w && {NOT_PRERENDERED} ? w.getAttribute('data-screen') : null;"
            ))
            .await;
        v.as_str().map(str::to_owned)
    }

    /// Waits until [`Browser::screen`] is `name` (the mounted widget's: the
    /// prerendered start screen before it does not count).
    pub async fn wait_screen(&self, name: &str) {
        self.wait_until(
            &format!("screen `{name}`"),
            &format!(
                "if ({name:?} === 'fallback') return !!document.querySelector('.rs-fallback'); \
                 const w = document.querySelector('.rs-widget'); \
                 return !!w && {NOT_PRERENDERED} && w.getAttribute('data-screen') === {name:?};"
            ),
        )
        .await;
    }

    /// Waits until the question screen shows question `id`.
    pub async fn wait_question(&self, id: &str) {
        self.wait_until(
            &format!("question `{id}`"),
            &format!(
                "const w = document.querySelector('.rs-widget'); \
                 return !!w && w.getAttribute('data-screen') === 'question' && \
                 !!document.querySelector('form.rs-question[data-question=' + CSS.escape({id:?}) + ']');"
            ),
        )
        .await;
    }

    /// The id of the question on screen (`form.rs-question[data-question]`).
    pub async fn question_id(&self) -> Option<String> {
        self.attr_of("form.rs-question", "data-question").await
    }

    /// The text of the live region (`.rs-live[role=status]`).
    pub async fn live_text(&self) -> String {
        self.text_of(".rs-live[role=status]")
            .await
            .unwrap_or_default()
    }

    /// Waits until the live region's text is not empty and differs from `before`
    /// (what it said before the action), and returns it.
    pub async fn wait_live_change(&self, before: &str) -> String {
        let before = serde_json::to_string(before).expect("a JSON string");
        let v = self
            .wait_until(
                &format!("a new announcement in the live region (it said {before})"),
                &format!(
                    "const l = document.querySelector('.rs-live[role=status]'); \
                     const t = l ? l.textContent.replace(/\\s+/g, ' ').trim() : ''; \
                     return (t.length > 0 && t !== {before}) ? t : null;"
                ),
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// The `value`s of the checked inputs of question `id`.
    pub async fn checked_values(&self, id: &str) -> Vec<String> {
        let v = self
            .js_args(
                "return Array.from(document.querySelectorAll('input[name=\"' + CSS.escape(arguments[0]) + '\"]'))\
                 .filter(i => i.checked).map(i => i.value);",
                vec![json!(id)],
            )
            .await;
        strings(&v)
    }

    /// What has focus: `{tag, id, classes, action, name, value, type, text, heading, inWidget}`.
    pub async fn focus(&self) -> Json {
        self.js(
            "const e = document.activeElement; \
             if (!e) return null; \
             return { tag: e.tagName.toLowerCase(), id: e.id, classes: e.className, \
               action: e.getAttribute('data-action'), name: e.getAttribute('name'), \
               value: e.value === undefined ? null : String(e.value), type: e.getAttribute('type'), \
               text: (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80), \
               heading: /^H[1-6]$/.test(e.tagName), \
               questionHeading: e.matches('h2.rs-question-heading'), \
               inWidget: !!e.closest('.rs-widget') };",
        )
        .await
    }

    /// `None` if the focused element can be seen, else why not: it (or, for a
    /// visually hidden input, its label) is scrolled out of the viewport or covered
    /// by another element at its centre, such as a sticky bar (WCAG 2.4.11).
    pub async fn focus_obscured(&self) -> Option<String> {
        let v = self
            .js("const e = document.activeElement; \
                 if (!e || e === document.body) return null; \
                 let box = e; \
                 let r = e.getBoundingClientRect(); \
                 if ((r.width < 2 || r.height < 2) && e.labels && e.labels.length) { box = e.labels[0]; r = box.getBoundingClientRect(); } \
                 const name = x => x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + \
                   (typeof x.className === 'string' && x.className.trim() ? '.' + x.className.trim().split(/\\s+/).join('.') : '') + \
                   (x.getAttribute('data-action') ? '[data-action=' + x.getAttribute('data-action') + ']' : '') + \
                   (x.getAttribute('value') ? '[value=' + x.getAttribute('value') + ']' : ''); \
                 const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 12); \
                 if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return name(e) + ' is outside the viewport'; \
                 const hit = document.elementFromPoint(x, y); \
                 if (!hit) return null; \
                 const label = hit.closest('label'); \
                 if (hit === e || e.contains(hit) || hit.contains(e) || box.contains(hit) || (label && label.control === e)) return null; \
                 return name(e) + ' is covered by ' + name(hit);")
            .await;
        v.as_str().map(str::to_owned)
    }

    /// One line saying where the page is: URL, screen, question, focus, live region,
    /// page errors and CSP violations (for failure messages).
    pub async fn describe(&self) -> String {
        let v = self
            .client
            .execute(
                "const w = document.querySelector('.rs-widget'); \
                 const q = document.querySelector('form.rs-question'); \
                 const live = document.querySelector('.rs-live'); \
                 const f = document.activeElement; \
                 return { url: location.href, \
                   screen: document.querySelector('.rs-fallback') ? 'fallback' : (w ? w.getAttribute('data-screen') : null), \
                   question: q ? q.getAttribute('data-question') : null, \
                   focus: f ? (f.tagName + (f.id ? '#' + f.id : '') + (f.className ? '.' + String(f.className).split(' ').join('.') : '')) : null, \
                   live: live ? live.textContent.trim() : null, \
                   errors: window.__e2e ? window.__e2e.errors : 'no recorder', \
                   csp: window.__e2e ? window.__e2e.csp : 'no recorder', \
                   body: document.body ? document.body.innerText.replace(/\\s+/g, ' ').slice(0, 300) : null };",
                Vec::new(),
            )
            .await;
        match v {
            Ok(v) => v.to_string(),
            Err(e) => format!("(cannot read the page: {e})"),
        }
    }

    /// CSP violations recorded by the recorder script since the page loaded.
    pub async fn csp_violations(&self) -> Vec<Json> {
        let v = self
            .js("return window.__e2e ? window.__e2e.csp : null;")
            .await;
        match v {
            Json::Array(items) => items,
            _ => panic!("the recorder script did not run (window.__e2e is missing)"),
        }
    }

    /// Uncaught errors, unhandled rejections and `console.error` calls recorded on the page.
    pub async fn page_errors(&self) -> Vec<String> {
        let v = self
            .js("return window.__e2e ? window.__e2e.errors : null;")
            .await;
        match v {
            Json::Array(_) => strings(&v),
            _ => panic!("the recorder script did not run (window.__e2e is missing)"),
        }
    }

    /// Panics if the page recorded errors or CSP violations.
    pub async fn assert_no_page_errors(&self) {
        let errors = self.page_errors().await;
        let csp = self.csp_violations().await;
        assert!(
            errors.is_empty() && csp.is_empty(),
            "the page reported problems:\n  errors: {errors:#?}\n  CSP violations: {csp:#?}"
        );
    }

    // ---------------------------------------------------------------- actions

    /// Clicks `[data-action=name]` in the widget.
    pub async fn action(&self, name: &str) {
        self.click(&format!(".rs-widget [data-action=\"{name}\"]"))
            .await;
    }

    /// Chooses the answer of `step` with the mouse: clicks each input's `label[for]`.
    pub async fn answer_by_click(&self, step: &Step) {
        for value in step.values() {
            let input = format!(
                "form.rs-question input[name=\"{}\"][value=\"{value}\"]",
                step.question
            );
            let element = self.wait_for(&input).await;
            let id = element.attr("id").await.ok().flatten();
            let label = id.map(|id| format!("label[for=\"{id}\"]"));
            match label {
                Some(label) if self.count(&label).await > 0 => self.click(&label).await,
                _ => self.click(&input).await,
            }
        }
        let checked = self.checked_values(&step.question).await;
        let mut wanted = step.values();
        wanted.sort();
        let mut got = checked.clone();
        got.sort();
        assert_eq!(
            got, wanted,
            "after clicking the labels of {:?} on question `{}`, the checked inputs are {checked:?}",
            step.values(),
            step.question
        );
    }

    /// Answers the question on screen by clicks and presses Next; checks the
    /// question on screen is `step.question` first.
    pub async fn answer_and_next(&self, step: &Step) {
        self.wait_question(&step.question).await;
        self.answer_by_click(step).await;
        self.action("next").await;
    }

    /// From the start screen, answers every step of `plan` by mouse and goes to the
    /// result (through the review screen if there is one).
    pub async fn run_by_clicks(&self, plan: &Plan) {
        self.action("start").await;
        for step in &plan.steps {
            self.answer_and_next(step).await;
        }
        self.finish().await;
    }

    /// After the last question: waits for the review or result screen, and goes on
    /// from review to the result.
    pub async fn finish(&self) {
        let screen = self
            .wait_until(
                "the review or result screen after the last question",
                "const w = document.querySelector('.rs-widget'); \
                 const s = w && w.getAttribute('data-screen'); \
                 return (s === 'review' || s === 'result') ? s : null;",
            )
            .await;
        if screen == "review" {
            self.action("result").await;
        }
        self.wait_screen("result").await;
    }

    /// Presses and releases each key in turn (WebDriver key actions).
    pub async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in keys {
            actions = actions
                .then(KeyAction::Down { value: k })
                .then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("key actions failed: {e}"));
    }

    /// Presses one key.
    pub async fn press(&self, k: Key) {
        self.keys(&[key(k)]).await;
    }

    /// Holds every key of `chord` down together, then releases them in reverse order.
    pub async fn chord(&self, chord: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in chord {
            actions = actions.then(KeyAction::Down { value: k });
        }
        for &k in chord.iter().rev() {
            actions = actions.then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("key actions failed: {e}"));
    }

    /// Presses Tab (or Shift+Tab) until `matches` (a JS expression over `e`, the
    /// active element) holds, at most `max` times; panics otherwise.
    pub async fn tab_to(&self, what: &str, matches: &str, backwards: bool, max: usize) {
        let check = format!(
            "const e = document.activeElement; return !!e && e !== document.body && ({matches});"
        );
        for _ in 0..=max {
            if truthy(&self.js(&check).await) {
                return;
            }
            if backwards {
                self.chord(&[key(Key::Shift), key(Key::Tab)]).await;
            } else {
                self.press(Key::Tab).await;
            }
        }
        panic!(
            "{max} presses of {} did not reach {what}; focus is on {}",
            if backwards { "Shift+Tab" } else { "Tab" },
            self.focus().await
        );
    }

    // ---------------------------------------------------------------- window, pictures

    /// Resizes the window so the viewport (`innerWidth` × `innerHeight`) is
    /// `width` × `height` CSS px. Headless Chromium keeps room for browser UI
    /// around the page (and ignores `--window-size` below 500 px wide), so the
    /// outer size is the wanted one plus the measured difference.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let wanted = json!([width, height]);
        for _ in 0..5 {
            let v = self.settled_viewport(&wanted).await;
            let n: Vec<i64> = v
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_i64()).collect())
                .unwrap_or_default();
            let [iw, ih] = n[..] else {
                panic!("cannot read the viewport size: {v}");
            };
            // The window rect as WebDriver sees it (JS outerWidth does not follow it
            // in headless mode).
            let (ow, oh) = self
                .client
                .get_window_size()
                .await
                .unwrap_or_else(|e| panic!("cannot read the window size: {e}"));
            let (ow, oh) = (ow as i64, oh as i64);
            if iw == i64::from(width) && ih == i64::from(height) {
                return;
            }
            let outer_w = (i64::from(width) + (ow - iw).max(0)) as u32;
            let outer_h = (i64::from(height) + (oh - ih).max(0)) as u32;
            self.client
                .set_window_size(outer_w, outer_h)
                .await
                .unwrap_or_else(|e| panic!("cannot resize the window to {width}×{height}: {e}"));
        }
        let v = self.settled_viewport(&wanted).await;
        assert_eq!(
            v, wanted,
            "the viewport did not become {width}×{height} CSS px"
        );
    }

    /// The viewport size once it is `wanted` or has stopped changing (a resize
    /// reaches the page asynchronously; on a loaded machine it takes a while), at
    /// most about two seconds.
    async fn settled_viewport(&self, wanted: &Json) -> Json {
        let mut last = self.js("return [innerWidth, innerHeight];").await;
        for _ in 0..20 {
            if &last == wanted {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.js("return [innerWidth, innerHeight];").await;
            if now == last && &now != wanted {
                // Unchanged for 100 ms: give it one more look after a longer pause.
                tokio::time::sleep(Duration::from_millis(200)).await;
                let again = self.js("return [innerWidth, innerHeight];").await;
                if again == now {
                    return again;
                }
                last = again;
                continue;
            }
            last = now;
        }
        last
    }

    /// Makes the viewport `width` CSS px wide (a phone), [`WINDOW`]`.1` tall.
    pub async fn set_width(&self, width: u32) {
        self.set_viewport(width, WINDOW.1).await;
    }

    /// Saves a PNG of the viewport as `<screenshot dir>/<name>.png` (not asserted).
    pub async fn screenshot(&self, name: &str) {
        let dir = crate::screenshot_dir();
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Like [`Browser::screenshot`], but of the whole page: the viewport is made
    /// as tall as the document for the picture, then set back.
    pub async fn screenshot_full(&self, name: &str) {
        let v = self
            .js("return [innerWidth, innerHeight, document.documentElement.scrollHeight, scrollX, scrollY];")
            .await;
        let n: Vec<u32> = v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_f64())
                    .map(|x| x as u32)
                    .collect()
            })
            .unwrap_or_default();
        let [width, height, full, sx, sy] = n[..] else {
            return self.screenshot(name).await;
        };
        if full > height {
            self.set_viewport(width, full.min(8000)).await;
        }
        self.screenshot(name).await;
        if full > height {
            self.set_viewport(width, height).await;
            self.js_args(
                "window.scrollTo(arguments[0], arguments[1]);",
                vec![json!(sx), json!(sy)],
            )
            .await;
        }
    }

    /// Storage and URL facts after a run: `{cookie, local, session, idb, caches, search, hash, href}`.
    pub async fn storage_report(&self) -> Json {
        self.js_async(
            "const done = arguments[arguments.length - 1]; \
             (async () => { \
               const r = { cookie: document.cookie, local: localStorage.length, \
                 session: sessionStorage.length, search: location.search, hash: location.hash, \
                 href: location.href }; \
               try { r.idb = (await indexedDB.databases()).map(d => d.name); } catch (e) { r.idb = 'error: ' + e; } \
               try { r.caches = await caches.keys(); } catch (e) { r.caches = 'error: ' + e; } \
               done(r); \
             })();",
        )
        .await
    }
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

fn abbreviate(script: &str) -> String {
    if script.len() > 300 {
        let mut end = 300;
        while !script.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &script[..end])
    } else {
        script.to_owned()
    }
}
