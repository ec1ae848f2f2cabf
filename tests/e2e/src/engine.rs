//! Which browser engine the suite drives: Chromium (the default), Firefox or
//! WebKit, chosen with `RISKSCREEN_BROWSER=chromium|firefox|webkit`.
//!
//! | engine | driver | browser | display |
//! |--------|--------|---------|---------|
//! | `chromium` | `chromedriver` (`CHROMEDRIVER`, else `/usr/bin/chromedriver`) | `/usr/bin/chromium` (`CHROMIUM_BIN`), `--headless` | none |
//! | `firefox` | `geckodriver` (`GECKODRIVER`, else `.tools/cargo/bin/geckodriver`, else on `PATH`) | `/usr/bin/firefox-esr` (`FIREFOX_BIN`), `-headless` | none |
//! | `webkit` | `WebKitWebDriver` (`WEBKIT_WEBDRIVER`, else `/usr/bin/WebKitWebDriver`) | WebKitGTK's `MiniBrowser --automation` (`WEBKIT_BROWSER`) | an `Xvfb` the harness starts per test (`XVFB`, else `Xvfb`): MiniBrowser hangs without a display |
//!
//! A test that cannot run in an engine calls [`skip`] first:
//! it then passes without running, and says so on the real standard error,
//! past the test harness's output capture, as
//! `skipped in firefox: <reason> [<test>]`, and appends the same to the file
//! named by `RISKSCREEN_SKIP_LOG` (how `cargo xtask test` builds its per-engine
//! table). A test is never skipped silently.

use std::fmt;
use std::io::Write as _;
use std::path::PathBuf;

/// A browser engine the end-to-end tests can drive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Debian's Chromium with chromedriver (Blink, V8).
    Chromium,
    /// Debian's Firefox ESR with geckodriver (Gecko, SpiderMonkey).
    Firefox,
    /// Debian's WebKitGTK MiniBrowser with WebKitWebDriver (WebKit, JavaScriptCore).
    Webkit,
}

/// Every engine, Chromium first.
pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

impl Engine {
    /// The engine named by `RISKSCREEN_BROWSER` (unset or empty: Chromium);
    /// panics on any other name, so a typo never runs Chromium unnoticed.
    pub fn current() -> Engine {
        match std::env::var("RISKSCREEN_BROWSER") {
            Err(_) => Engine::Chromium,
            Ok(name) if name.trim().is_empty() => Engine::Chromium,
            Ok(name) => Engine::parse(&name).unwrap_or_else(|| {
                panic!("RISKSCREEN_BROWSER={name:?}: expected chromium, firefox or webkit")
            }),
        }
    }

    /// `chromium`, `firefox` or `webkit` (case-insensitive).
    pub fn parse(name: &str) -> Option<Engine> {
        match name.trim().to_ascii_lowercase().as_str() {
            "chromium" => Some(Engine::Chromium),
            "firefox" => Some(Engine::Firefox),
            "webkit" => Some(Engine::Webkit),
            _ => None,
        }
    }

    /// The name `RISKSCREEN_BROWSER` takes.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The running test's name (libtest names each test's thread after it).
pub fn test_name() -> String {
    std::thread::current()
        .name()
        .unwrap_or("(unnamed test)")
        .to_owned()
}

/// Says that the running test is skipped in the current engine, and why: on
/// the real standard error (not captured by the test harness) and in
/// `RISKSCREEN_SKIP_LOG` if set. The caller then returns without testing.
pub fn report_skip(reason: &str) {
    let engine = Engine::current();
    let name = test_name();
    let line = format!("skipped in {engine}: {reason} [{name}]\n");
    // `eprintln!` would be captured with the test's output and shown only on a
    // failure; a skip must be seen.
    let _ = std::io::stderr().write_all(line.as_bytes());
    if let Some(path) = std::env::var_os("RISKSCREEN_SKIP_LOG").map(PathBuf::from) {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // One short line per write in append mode: lines of parallel tests do not mix.
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
        {
            let _ = file.write_all(format!("{engine}\t{name}\t{reason}\n").as_bytes());
        }
    }
}

/// Says something a run must show whatever the outcome (which code path an
/// engine took), on the real standard error like a skip: `note in firefox:
/// <text> [<test>]`.
pub fn note(text: &str) {
    let line = format!("note in {}: {text} [{}]\n", Engine::current(), test_name());
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// `true` (after reporting the skip) when the current engine is one of the
/// `(engine, reason)` pairs: the test then returns at once.
///
/// ```ignore
/// if skip(&[(Engine::Webkit, "WebKitWebDriver cannot …")]) {
///     return;
/// }
/// ```
pub fn skip(cases: &[(Engine, &str)]) -> bool {
    let engine = Engine::current();
    match cases.iter().find(|(e, _)| *e == engine) {
        Some((_, reason)) => {
            report_skip(reason);
            true
        }
        None => false,
    }
}

/// [`skip`] for every engine but Chromium, with one reason.
pub fn chromium_only(reason: &str) -> bool {
    skip(&[(Engine::Firefox, reason), (Engine::Webkit, reason)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for engine in ALL {
            assert_eq!(Engine::parse(engine.name()), Some(engine));
        }
        assert_eq!(Engine::parse(" Firefox "), Some(Engine::Firefox));
        assert_eq!(Engine::parse("chrome"), None);
    }
}
