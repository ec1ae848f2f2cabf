//! What each engine's browser is asked for: the WebDriver capabilities (binary,
//! headless flags, languages, no outside traffic), the driver's environment, and
//! the per-test Firefox profile and WebKit GTK style that let a window be as
//! narrow as a phone. A test's Chromium flags are translated here for the others.

use std::path::{Path, PathBuf};

use serde_json::{json, Value as Json};

#[cfg(doc)]
use super::Driver;
use super::CHROMIUM_ARGS;
use crate::engine::Engine;
#[cfg(doc)]
use crate::page::PageOptions;

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
pub(super) fn engine_capabilities(
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
pub(super) fn firefox_profile() -> PathBuf {
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
pub(super) fn engine_env(engine: Engine, flags: &EngineFlags) -> Vec<(String, String)> {
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
