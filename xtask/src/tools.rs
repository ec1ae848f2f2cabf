//! Installing the external tools the build and the tests need ([`ensure_tools`]).
//!
//! Every check is cheap when the tool is already there, so every command
//! calls [`ensure_tools`] first. Tools are pinned per repository under the
//! git-ignored `.tools/` (never `~/.cargo/bin`: a fresh CI machine has nothing
//! there, and another project's version must not leak in):
//!
//! | tool | source | where |
//! |------|--------|-------|
//! | `wasm32-unknown-unknown` std | `rustup target add` | the toolchain |
//! | `wasm-bindgen`, `wasm-bindgen-test-runner` | crates.io `wasm-bindgen-cli` [`WASM_BINDGEN_VERSION`] | `.tools/cargo/bin` |
//! | `wasm-opt` | npm `binaryen@`[`BINARYEN_VERSION`] | `.tools/npm/node_modules/.bin` |
//! | `terser` (dist) | npm `terser@`[`TERSER_VERSION`] | `.tools/npm/node_modules/.bin` |
//! | Chromium, ChromeDriver (browser stages only) | Debian `chromium chromium-driver` | `/usr/bin` |
//! | axe-core (browser stages only) | npm `axe-core@4` | `.tools/npm/node_modules/axe-core/axe.min.js` |
//!
//! Not used on purpose: Debian's `binaryen` and the `wasm-opt` crate (both
//! break on current wasm-bindgen output), and `cargo install --locked` for
//! wasm-bindgen-cli (its lock file pins a crate version the registry lacks).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::project::{probe, run, Project};

/// The wasm target the widget is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// wasm-bindgen CLI version; must equal the `wasm-bindgen` crate version in
/// `Cargo.lock` exactly (the crate is pinned with `=0.2.130`).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// npm `binaryen` version that provides `wasm-opt`.
pub const BINARYEN_VERSION: &str = "132.0.0";

/// npm `terser` version that minifies the bundle's JavaScript (`cargo xtask dist`).
pub const TERSER_VERSION: &str = "5.51.4";

/// npm `axe-core` major version for the accessibility tests.
pub const AXE_CORE_MAJOR: &str = "4";

/// Debian's Chromium and ChromeDriver, used by the browser test stages.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// See [`CHROMIUM`].
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Which optional tools a command needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Needs {
    /// Chromium, ChromeDriver and axe-core, for browser tests.
    pub browser: bool,
}

/// Installs whatever is missing; does nothing (quickly) when all is present.
pub fn ensure_tools(project: &Project, needs: Needs) -> Result<()> {
    ensure_wasm_target(project)?;
    ensure_wasm_bindgen(project)?;
    let mut npm_packages = Vec::new();
    if !binaryen_ok(project) {
        npm_packages.push(format!("binaryen@{BINARYEN_VERSION}"));
    }
    if npm_package_version(project, "terser").as_deref() != Some(TERSER_VERSION) {
        npm_packages.push(format!("terser@{TERSER_VERSION}"));
    }
    if needs.browser {
        ensure_browser(project)?;
        if !axe_core_ok(project) {
            npm_packages.push(format!("axe-core@{AXE_CORE_MAJOR}"));
        }
    }
    npm_install(project, &npm_packages)?;
    if !binaryen_ok(project) {
        bail!(
            "wasm-opt from npm binaryen@{BINARYEN_VERSION} is still missing at {}",
            wasm_opt(project).display()
        );
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

fn ensure_wasm_bindgen(project: &Project) -> Result<()> {
    check_lockfile_pin(project)?;
    let wanted = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    let version = probe(project.cmd(wasm_bindgen(project)).arg("--version"));
    if version.as_deref() == Some(wanted.as_str()) && wasm_bindgen_test_runner(project).is_file() {
        return Ok(());
    }
    println!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} into {} (about 2 minutes)",
        project.cargo_tools_root().display()
    );
    // No `--locked`: the CLI's lock file pins a crate version crates.io lacks.
    run(project
        .cargo()
        .args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
        ])
        .arg("--root")
        .arg(project.cargo_tools_root()))?;
    let version = probe(project.cmd(wasm_bindgen(project)).arg("--version"));
    if version.as_deref() != Some(wanted.as_str()) {
        bail!(
            "after installing, `{} --version` says {version:?}, expected {wanted:?}",
            wasm_bindgen(project).display()
        );
    }
    Ok(())
}

/// Fails early with a clear message if `Cargo.lock` resolved a `wasm-bindgen`
/// crate other than the pinned CLI version (the classic wasm-bindgen CI break:
/// "it looks like the Rust project used to create this wasm file was linked
/// against version of wasm-bindgen that uses a different bindgen format").
fn check_lockfile_pin(project: &Project) -> Result<()> {
    let Ok(lock) = fs::read_to_string(project.path("Cargo.lock")) else {
        return Ok(());
    };
    match locked_version(&lock, "wasm-bindgen") {
        Some(locked) if locked != WASM_BINDGEN_VERSION => bail!(
            "Cargo.lock has wasm-bindgen {locked} but the wasm-bindgen CLI is pinned to \
             {WASM_BINDGEN_VERSION} (xtask/src/tools.rs): pin the crate with \
             `wasm-bindgen = \"={WASM_BINDGEN_VERSION}\"` or change both together"
        ),
        _ => Ok(()),
    }
}

/// The version of `package` recorded in a `Cargo.lock`, if any.
fn locked_version<'a>(lock: &'a str, package: &str) -> Option<&'a str> {
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            let version = lines.next()?.trim();
            return version
                .strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'));
        }
    }
    None
}

/// The `version` of an npm package installed under `.tools/npm`.
fn npm_package_version(project: &Project, package: &str) -> Option<String> {
    let manifest = project
        .npm_prefix()
        .join("node_modules")
        .join(package)
        .join("package.json");
    let json = fs::read_to_string(manifest).ok()?;
    // The first `"version"` key of an npm package.json is the package's own.
    let rest = &json[json.find("\"version\"")? + "\"version\"".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

fn binaryen_ok(project: &Project) -> bool {
    npm_package_version(project, "binaryen").as_deref() == Some(BINARYEN_VERSION)
        && wasm_opt(project).is_file()
}

fn axe_core_ok(project: &Project) -> bool {
    npm_package_version(project, "axe-core")
        .is_some_and(|v| v.split('.').next() == Some(AXE_CORE_MAJOR))
        && axe_core_js(project).is_file()
}

fn npm_install(project: &Project, packages: &[String]) -> Result<()> {
    if packages.is_empty() {
        return Ok(());
    }
    if probe(project.cmd("npm").arg("--version")).is_none() {
        bail!(
            "npm is needed to install {} but is not on PATH \
             (on Debian: `apt-get install -y nodejs npm`; .ci/run does that)",
            packages.join(" ")
        );
    }
    let prefix = project.npm_prefix();
    fs::create_dir_all(&prefix).with_context(|| format!("creating {}", prefix.display()))?;
    // `--save-exact` records the versions in .tools/npm/package.json, so a later
    // install of another package keeps these ones.
    run(project
        .cmd("npm")
        .arg("install")
        .arg("--prefix")
        .arg(&prefix)
        .args([
            "--save-exact",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .args(packages))
}

fn ensure_browser(project: &Project) -> Result<()> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    println!("installing Chromium and ChromeDriver from Debian (needs root)");
    run(project
        .cmd("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(project
        .cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    for tool in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(tool).is_file() {
            bail!("{tool} is still missing after apt-get install");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_version_from_cargo_lock() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                    \n[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.99\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-macro"), Some("0.2.99"));
        assert_eq!(locked_version(lock, "yew"), None);
    }
}
