//! Installing the external tools the build and the tests need ([`ensure_tools`],
//! [`ensure_cargo_deny`]).
//!
//! Every check is cheap when the tool is already there, so every command
//! calls [`ensure_tools`] first. Tools are pinned per repository under the
//! git-ignored `.tools/` (never `~/.cargo/bin`: a fresh CI machine has nothing
//! there, and another project's version must not leak in). Everything is
//! installed from a lock: nothing is resolved afresh on a new machine.
//!
//! | tool | pinned by | from | where |
//! |------|-----------|------|-------|
//! | Rust (rustc, cargo, rustfmt, clippy) | `rust-toolchain.toml`: channel `stable`, tested with [`TESTED_RUST_VERSION`] (a warning otherwise) | rustup | the toolchain |
//! | `wasm32-unknown-unknown` std | the toolchain's; listed in `rust-toolchain.toml`, added by `rustup target add` when missing | rustup | the toolchain |
//! | `wasm-bindgen`, `wasm-bindgen-test-runner` | `wasm-bindgen-cli` [`WASM_BINDGEN_VERSION`], `cargo install --locked` with the CLI's own published `Cargo.lock`, one entry replaced ([`WASM_BINDGEN_CLI_LOCK_FIXES`]) | crates.io | `.tools/cargo/bin` |
//! | `wasm-opt` | npm `binaryen` [`BINARYEN_VERSION`], `npm ci` from `xtask/npm/package-lock.json` | npm | `.tools/npm/node_modules/.bin` |
//! | `terser` (dist) | npm `terser` [`TERSER_VERSION`], same lock | npm | `.tools/npm/node_modules/.bin` |
//! | axe-core (browser tests) | npm `axe-core` [`AXE_CORE_VERSION`], same lock | npm | `.tools/npm/node_modules/axe-core/axe.min.js` |
//! | `cargo-deny` (test stage) | [`CARGO_DENY_VERSION`], `cargo install --locked` | crates.io | `.tools/cargo/bin` |
//! | Chromium, ChromeDriver (browser stages only) | not pinned: Debian 12's current `chromium chromium-driver` | apt | `/usr/bin` |
//! | Firefox ESR, WebKitGTK's `WebKitWebDriver`, Xvfb (browser tests in the other engines) | not pinned: Debian 12's current `firefox-esr webkit2gtk-driver xvfb` | apt | `/usr/bin` |
//! | `geckodriver` (browser tests in Firefox) | [`GECKODRIVER_VERSION`], `cargo install --locked` (its published lock) | crates.io | `.tools/cargo/bin` |
//!
//! # wasm-bindgen-cli and `--locked`
//!
//! A plain `cargo install wasm-bindgen-cli --version 0.2.130 --locked` fails on
//! the build machines: the CLI's published `Cargo.lock` pins `webpki-roots
//! 1.0.11`, which the crates.io index these machines reach does not have (it
//! stops at 1.0.10). Without `--locked`, cargo would resolve every dependency
//! of the CLI afresh, to whatever is newest that day. So instead xtask takes the
//! CLI's source from the registry (through cargo, which checks its checksum),
//! replaces exactly the lock entries in [`WASM_BINDGEN_CLI_LOCK_FIXES`] (each
//! with its expected old and new checksum; anything else in the lock is
//! upstream's) and runs `cargo install --path … --locked`. `webpki-roots` is a
//! list of TLS root certificates used by the test runner's HTTP client; it
//! plays no part in what wasm-bindgen generates.
//!
//! # The npm tools
//!
//! `xtask/npm/package.json` names exact versions and `xtask/npm/package-lock.json`
//! pins the whole tree with sha512 integrity hashes. Both are copied into
//! `.tools/npm` and installed with `npm ci --ignore-scripts` (none of the
//! packages needs an install script); this runs again only when either file
//! changes (a SHA-256 of the two is kept beside them) or an installed version is
//! off. The lock records no download addresses (`resolved`), only names,
//! versions and hashes: npm fetches them from the configured registry (npm's
//! own by default) and checks the hashes. A unit test keeps the lock, the
//! manifest and the constants here in step.
//!
//! Not used on purpose: Debian's `binaryen` and the `wasm-opt` crate (both
//! break on current wasm-bindgen output).
//!
//! This file has the pins, where each tool is, [`ensure_tools`], the Rust
//! toolchain and cargo-deny; the other installs have a file each:
//! `wasm_bindgen_cli.rs` (from its fixed lock), `npm.rs` (`npm ci`) and
//! `browsers.rs` (apt, geckodriver); `tests.rs`.

mod browsers;
mod npm;
#[cfg(test)]
mod tests;
mod wasm_bindgen_cli;

use std::path::{Path, PathBuf};
use std::sync::Once;

use anyhow::{bail, Context, Result};

use crate::project::{probe, run, Project};

pub use browsers::ensure_other_engines;

/// The wasm target the widget is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The Rust version everything was last tested with. `rust-toolchain.toml`
/// follows `stable` (see the comment there); xtask warns when `rustc` is
/// another version.
pub const TESTED_RUST_VERSION: &str = "1.95.0";

/// wasm-bindgen CLI version; must equal the `wasm-bindgen` crate version in
/// `Cargo.lock` exactly (the crate is pinned with `=0.2.130`).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// One entry of a published `Cargo.lock` replaced by another version of the
/// same crate (see the module documentation, "wasm-bindgen-cli and `--locked`").
#[derive(Debug, Clone, Copy)]
pub struct LockFix {
    /// The crate.
    pub name: &'static str,
    /// The version the published lock pins.
    pub from: &'static str,
    /// Its checksum in the published lock.
    pub from_checksum: &'static str,
    /// The version installed instead.
    pub to: &'static str,
    /// Its checksum (from the crates.io index).
    pub to_checksum: &'static str,
    /// Why.
    pub reason: &'static str,
}

/// The only changes made to the `Cargo.lock` published with wasm-bindgen-cli
/// [`WASM_BINDGEN_VERSION`] before it is installed with `--locked`.
pub const WASM_BINDGEN_CLI_LOCK_FIXES: &[LockFix] = &[LockFix {
    name: "webpki-roots",
    from: "1.0.11",
    from_checksum: "f5f280bbb2b287bc8e7de7e3852945a0ff50d1bbcb5ed42b6c7a568c546df171",
    to: "1.0.10",
    to_checksum: "1c1c8e20c8a38fc7d65abfe74eb7280e4aa667e8eec8bc84996d2874810748d9",
    reason: "1.0.11 is missing from the crates.io index the build machines reach",
}];

/// npm `binaryen` version that provides `wasm-opt` (its output is what ships).
pub const BINARYEN_VERSION: &str = "132.0.0";

/// npm `terser` version that minifies the bundle's JavaScript (`cargo xtask dist`).
pub const TERSER_VERSION: &str = "5.51.4";

/// npm `axe-core` version for the accessibility checks of the browser tests.
pub const AXE_CORE_VERSION: &str = "4.14.1";

/// `cargo-deny`, which checks the dependency tree against `deny.toml`.
pub const CARGO_DENY_VERSION: &str = "0.20.2";

/// The committed npm manifest and lock of the npm tools, relative to the root.
pub const NPM_MANIFEST_DIR: &str = "xtask/npm";

/// Debian's Chromium and ChromeDriver, used by the browser test stages.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// See [`CHROMIUM`].
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's Firefox ESR, driven by [`GECKODRIVER_VERSION`] in the browser tests.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// WebKitGTK's WebDriver server (Debian `webkit2gtk-driver`); it starts
/// [`WEBKIT_MINIBROWSER`] on an Xvfb display.
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The browser `WebKitWebDriver` drives (Debian `libwebkit2gtk-4.1-0`).
pub const WEBKIT_MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/// The virtual X server WebKit's MiniBrowser draws on (Debian `xvfb`).
pub const XVFB: &str = "/usr/bin/Xvfb";

/// geckodriver, from crates.io (`cargo install --locked`: its published lock
/// builds here as it is; about 3 minutes of CPU, once).
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Which optional tools a command needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Needs {
    /// Chromium and ChromeDriver, for browser tests (axe-core comes with the
    /// other npm tools).
    pub browser: bool,
}

/// Installs whatever is missing; does nothing (quickly) when all is present.
pub fn ensure_tools(project: &Project, needs: Needs) -> Result<()> {
    check_rust_version(project);
    ensure_wasm_target(project)?;
    wasm_bindgen_cli::ensure_wasm_bindgen(project)?;
    npm::ensure_npm_tools(project)?;
    if needs.browser {
        browsers::ensure_browser(project)?;
    }
    Ok(())
}

/// `wasm-bindgen` pinned in `.tools/cargo/bin`.
pub fn wasm_bindgen(project: &Project) -> PathBuf {
    project.cargo_tools_bin().join("wasm-bindgen")
}

/// `wasm-bindgen-test-runner` pinned in `.tools/cargo/bin` (the cargo runner
/// for `cargo test --target wasm32-unknown-unknown`).
pub fn wasm_bindgen_test_runner(project: &Project) -> PathBuf {
    project.cargo_tools_bin().join("wasm-bindgen-test-runner")
}

/// `wasm-opt` from npm binaryen in `.tools/npm`.
pub fn wasm_opt(project: &Project) -> PathBuf {
    project.npm_bin().join("wasm-opt")
}

/// `terser` from npm in `.tools/npm`.
pub fn terser(project: &Project) -> PathBuf {
    project.npm_bin().join("terser")
}

/// axe-core's browser bundle, for accessibility checks in browser tests.
pub fn axe_core_js(project: &Project) -> PathBuf {
    project
        .npm_prefix()
        .join("node_modules/axe-core/axe.min.js")
}

/// `cargo-deny` pinned in `.tools/cargo/bin`.
pub fn cargo_deny(project: &Project) -> PathBuf {
    project.cargo_tools_bin().join("cargo-deny")
}

/// Prints a warning (once per run) when `rustc` is not [`TESTED_RUST_VERSION`].
/// Never fails: `rust-toolchain.toml` follows `stable`, and a newer stable is
/// expected to work.
pub fn check_rust_version(project: &Project) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let version = probe(project.cmd("rustc").arg("--version"));
        match version.as_deref().and_then(rustc_release) {
            Some(release) if release == TESTED_RUST_VERSION => {}
            Some(release) => println!(
                "warning: rustc {release} is not the tested {TESTED_RUST_VERSION} \
                 (rust-toolchain.toml follows `stable`); if something fails, compare with \
                 `rustup toolchain install {TESTED_RUST_VERSION}` and \
                 `cargo +{TESTED_RUST_VERSION} xtask …`"
            ),
            None => println!("warning: could not run `rustc --version`"),
        }
    });
}

/// `rustc 1.95.0 (59807616e 2026-04-14)` → `1.95.0`.
fn rustc_release(version: &str) -> Option<&str> {
    version.strip_prefix("rustc ")?.split_whitespace().next()
}

/// Installs [`CARGO_DENY_VERSION`] of cargo-deny into `.tools/cargo` with
/// `--locked` unless it is there (a few minutes, once).
pub fn ensure_cargo_deny(project: &Project) -> Result<()> {
    let wanted = format!("cargo-deny {CARGO_DENY_VERSION}");
    let version = probe(project.cmd(cargo_deny(project)).arg("--version"));
    if version.as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!(
        "installing cargo-deny {CARGO_DENY_VERSION} into {} (several minutes, once)",
        project.cargo_tools_root().display()
    );
    run(project
        .cargo()
        .args([
            "install",
            "cargo-deny",
            "--version",
            CARGO_DENY_VERSION,
            "--locked",
        ])
        .arg("--root")
        .arg(project.cargo_tools_root()))?;
    let version = probe(project.cmd(cargo_deny(project)).arg("--version"));
    if version.as_deref() != Some(wanted.as_str()) {
        bail!(
            "after installing, `{} --version` says {version:?}, expected {wanted:?}",
            cargo_deny(project).display()
        );
    }
    Ok(())
}

fn ensure_wasm_target(project: &Project) -> Result<()> {
    // Looking into the sysroot is faster than `rustup target list` and also
    // works for toolchains not managed by rustup.
    let sysroot = probe(project.cmd("rustc").args(["--print", "sysroot"]));
    if let Some(sysroot) = sysroot {
        let target_lib = Path::new(&sysroot).join("lib/rustlib").join(WASM_TARGET);
        if target_lib.is_dir() {
            return Ok(());
        }
    }
    run(project.cmd("rustup").args(["target", "add", WASM_TARGET]))
        .context("could not add the wasm target to the Rust toolchain")
}

/// `geckodriver` pinned in `.tools/cargo/bin`.
pub fn geckodriver(project: &Project) -> PathBuf {
    project.cargo_tools_bin().join("geckodriver")
}
