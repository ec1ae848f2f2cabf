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

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Once;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::project::{probe, run, Project};

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

/// The files of [`NPM_MANIFEST_DIR`] that `npm ci` installs from.
const NPM_FILES: [&str; 2] = ["package.json", "package-lock.json"];

/// In `.tools/npm`: the SHA-256 of the [`NPM_FILES`] last installed.
const NPM_STAMP: &str = "installed-from.sha256";

/// In `.tools/cargo`: how the installed wasm-bindgen-cli was built.
const WASM_BINDGEN_STAMP: &str = "wasm-bindgen-cli.installed";

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
    ensure_wasm_bindgen(project)?;
    ensure_npm_tools(project)?;
    if needs.browser {
        ensure_browser(project)?;
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

/// What [`WASM_BINDGEN_STAMP`] must say for the installed CLI to count: an
/// install made before the CLI was built `--locked` is redone.
fn wasm_bindgen_recipe() -> String {
    let mut recipe = format!("wasm-bindgen-cli {WASM_BINDGEN_VERSION} --locked");
    for fix in WASM_BINDGEN_CLI_LOCK_FIXES {
        let _ = write!(recipe, ", {} {} instead of {}", fix.name, fix.to, fix.from);
    }
    recipe.push('\n');
    recipe
}

fn ensure_wasm_bindgen(project: &Project) -> Result<()> {
    check_lockfile_pin(project)?;
    let wanted = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    let stamp = project.cargo_tools_root().join(WASM_BINDGEN_STAMP);
    let recipe = wasm_bindgen_recipe();
    let version = probe(project.cmd(wasm_bindgen(project)).arg("--version"));
    if version.as_deref() == Some(wanted.as_str())
        && wasm_bindgen_test_runner(project).is_file()
        && fs::read_to_string(&stamp).ok().as_deref() == Some(recipe.as_str())
    {
        return Ok(());
    }
    println!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (--locked) into {} (about 4 minutes)",
        project.cargo_tools_root().display()
    );
    let source = wasm_bindgen_cli_source(project)?;
    let target_dir = project.tools_dir().join("src/target");
    let _ = fs::remove_file(&stamp);
    // `--force`: an earlier install of the same version from the registry
    // owns the same binaries.
    run(project
        .cargo()
        .args(["install", "--locked", "--force", "--path"])
        .arg(&source)
        .arg("--root")
        .arg(project.cargo_tools_root())
        .arg("--target-dir")
        .arg(&target_dir))?;
    // The build directory is large and only needed again for another version.
    let _ = fs::remove_dir_all(&target_dir);
    let version = probe(project.cmd(wasm_bindgen(project)).arg("--version"));
    if version.as_deref() != Some(wanted.as_str()) {
        bail!(
            "after installing, `{} --version` says {version:?}, expected {wanted:?}",
            wasm_bindgen(project).display()
        );
    }
    fs::write(&stamp, recipe).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(())
}

/// The source of wasm-bindgen-cli [`WASM_BINDGEN_VERSION`], copied to
/// `.tools/src/wasm-bindgen-cli-<version>/` with [`WASM_BINDGEN_CLI_LOCK_FIXES`]
/// applied to its `Cargo.lock`. Cargo downloads it (through whatever registry
/// configuration the machine has, checking the index's checksum): a throwaway
/// package that depends on it, then `cargo metadata` says where it was unpacked.
fn wasm_bindgen_cli_source(project: &Project) -> Result<PathBuf> {
    let src = project.tools_dir().join("src");
    let fetch = src.join("fetch-wasm-bindgen-cli");
    fs::create_dir_all(&fetch).with_context(|| format!("creating {}", fetch.display()))?;
    fs::write(
        fetch.join("Cargo.toml"),
        format!(
            "# Written by xtask/src/tools.rs to have cargo download wasm-bindgen-cli.\n\
             [package]\nname = \"fetch-wasm-bindgen-cli\"\nversion = \"0.0.0\"\n\
             edition = \"2021\"\npublish = false\n\n[lib]\npath = \"lib.rs\"\n\n\
             [dependencies]\nwasm-bindgen-cli = \"={WASM_BINDGEN_VERSION}\"\n\n\
             [workspace]\n"
        ),
    )?;
    fs::write(fetch.join("lib.rs"), "")?;
    println!(
        "downloading wasm-bindgen-cli {WASM_BINDGEN_VERSION}'s source with `cargo metadata` on \
         {} (that package's own lock is never used)",
        fetch.display()
    );
    let mut metadata = project.cargo();
    metadata
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(fetch.join("Cargo.toml"));
    let metadata = stdout_of(&mut metadata)?;
    let manifest = manifest_path(&metadata, "wasm-bindgen-cli", WASM_BINDGEN_VERSION)
        .context("`cargo metadata` does not list wasm-bindgen-cli's source")?;
    let registry_copy = Path::new(manifest)
        .parent()
        .context("a manifest path has a parent")?;

    let source = src.join(format!("wasm-bindgen-cli-{WASM_BINDGEN_VERSION}"));
    if source.exists() {
        fs::remove_dir_all(&source).with_context(|| format!("removing {}", source.display()))?;
    }
    copy_dir(registry_copy, &source)?;
    // `.tools/` is inside this repository's workspace: without a `[workspace]`
    // of its own, cargo would refuse the copy as a stray member of ours.
    let manifest = source.join("Cargo.toml");
    let mut text =
        fs::read_to_string(&manifest).with_context(|| format!("reading {}", manifest.display()))?;
    if !text.lines().any(|line| line.trim() == "[workspace]") {
        text.push_str(
            "\n# Added by xtask/src/tools.rs: not a member of riskscreen's workspace.\n\
             [workspace]\n",
        );
        fs::write(&manifest, text).with_context(|| format!("writing {}", manifest.display()))?;
    }
    let lock_path = source.join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path).with_context(|| {
        format!(
            "wasm-bindgen-cli {WASM_BINDGEN_VERSION} was published without a Cargo.lock ({})",
            lock_path.display()
        )
    })?;
    let fixed = apply_lock_fixes(&lock, WASM_BINDGEN_CLI_LOCK_FIXES)?;
    fs::write(&lock_path, fixed).with_context(|| format!("writing {}", lock_path.display()))?;
    for fix in WASM_BINDGEN_CLI_LOCK_FIXES {
        println!(
            "wasm-bindgen-cli's Cargo.lock: {} {} instead of {} ({})",
            fix.name, fix.to, fix.from, fix.reason
        );
    }
    Ok(source)
}

/// Runs `cmd` (its stderr shown) and returns its stdout; fails unless it exits with 0.
fn stdout_of(cmd: &mut Command) -> Result<String> {
    let shown = format!("{cmd:?}");
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start {shown}"))?;
    if !output.status.success() {
        bail!("{shown} failed ({})", output.status);
    }
    String::from_utf8(output.stdout).with_context(|| format!("{shown} printed non-UTF-8"))
}

/// The `manifest_path` of `name` `version` in `cargo metadata` JSON output: the
/// one that ends in `/<name>-<version>/Cargo.toml` (how cargo unpacks a
/// registry crate).
fn manifest_path<'a>(metadata: &'a str, name: &str, version: &str) -> Option<&'a str> {
    const KEY: &str = "\"manifest_path\":\"";
    let suffix = format!("/{name}-{version}/Cargo.toml");
    metadata.match_indices(KEY).find_map(|(at, _)| {
        let rest = &metadata[at + KEY.len()..];
        let path = &rest[..rest.find('"')?];
        path.ends_with(&suffix).then_some(path)
    })
}

/// Copies a directory tree of plain files (an unpacked crate).
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// `lock` with each fix's `[[package]]` entry replaced; fails when an entry is
/// not there exactly as expected (a new CLI version needs its fixes reviewed).
fn apply_lock_fixes(lock: &str, fixes: &[LockFix]) -> Result<String> {
    let entry = |name: &str, version: &str, checksum: &str| {
        format!(
            "name = \"{name}\"\nversion = \"{version}\"\n\
             source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\
             checksum = \"{checksum}\"\n"
        )
    };
    let mut lock = lock.to_string();
    for fix in fixes {
        let old = entry(fix.name, fix.from, fix.from_checksum);
        let new = entry(fix.name, fix.to, fix.to_checksum);
        match lock.matches(&old).count() {
            1 => lock = lock.replacen(&old, &new, 1),
            n => bail!(
                "the Cargo.lock of wasm-bindgen-cli {WASM_BINDGEN_VERSION} has {n} entries \
                 {} {} with checksum {}, expected one: review WASM_BINDGEN_CLI_LOCK_FIXES in \
                 xtask/src/tools.rs",
                fix.name,
                fix.from,
                fix.from_checksum
            ),
        }
    }
    Ok(lock)
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

/// The npm tools and the versions they must have.
fn npm_pins() -> [(&'static str, &'static str); 3] {
    [
        ("binaryen", BINARYEN_VERSION),
        ("terser", TERSER_VERSION),
        ("axe-core", AXE_CORE_VERSION),
    ]
}

/// Installs the npm tools from the committed lock with `npm ci`, unless the
/// same lock is installed already (see the module documentation).
fn ensure_npm_tools(project: &Project) -> Result<()> {
    let committed = project.path(NPM_MANIFEST_DIR);
    let mut files = Vec::new();
    let mut hasher = Sha256::new();
    for name in NPM_FILES {
        let path = committed.join(name);
        let text = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(&text);
        hasher.update([0]);
        files.push((name, text));
    }
    let digest: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let prefix = project.npm_prefix();
    let stamp = prefix.join(NPM_STAMP);
    let stamped = fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == digest);
    if stamped && npm_tools_wrong(project).is_none() {
        return Ok(());
    }
    if probe(project.cmd("npm").arg("--version")).is_none() {
        bail!(
            "npm is needed to install binaryen, terser and axe-core but is not on PATH \
             (on Debian: `apt-get install -y nodejs npm`; .ci/run does that)"
        );
    }
    fs::create_dir_all(&prefix).with_context(|| format!("creating {}", prefix.display()))?;
    let _ = fs::remove_file(&stamp);
    for (name, text) in &files {
        let path = prefix.join(name);
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    // `npm ci` installs exactly the lock (and fails if it disagrees with the
    // manifest), replacing whatever node_modules held.
    run(project
        .cmd("npm")
        .arg("ci")
        .arg("--prefix")
        .arg(&prefix)
        .args([
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]))?;
    if let Some(wrong) = npm_tools_wrong(project) {
        bail!("after `npm ci` in {}: {wrong}", prefix.display());
    }
    fs::write(&stamp, format!("{digest}\n")).with_context(|| format!("writing {}", stamp.display()))
}

/// What is wrong with the installed npm tools, if anything.
fn npm_tools_wrong(project: &Project) -> Option<String> {
    for (package, wanted) in npm_pins() {
        let installed = npm_package_version(project, package);
        if installed.as_deref() != Some(wanted) {
            return Some(format!("npm {package} is {installed:?}, expected {wanted}"));
        }
    }
    for file in [wasm_opt(project), terser(project), axe_core_js(project)] {
        if !file.is_file() {
            return Some(format!("{} is missing", file.display()));
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
    json_string_after(&json, "\"version\"").map(str::to_string)
}

/// The string value of the first `key` (quoted) in `json`.
fn json_string_after<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let rest = &json[json.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// `geckodriver` pinned in `.tools/cargo/bin`.
pub fn geckodriver(project: &Project) -> PathBuf {
    project.cargo_tools_bin().join("geckodriver")
}

/// Firefox ESR, WebKitGTK's WebDriver and Xvfb from apt, and geckodriver
/// [`GECKODRIVER_VERSION`] into `.tools/cargo`: what the browser tests need in
/// the engines beside Chromium. Quick when all are there.
pub fn ensure_other_engines(project: &Project) -> Result<()> {
    let debian = [FIREFOX, WEBKIT_WEBDRIVER, WEBKIT_MINIBROWSER, XVFB];
    if !debian.iter().all(|tool| Path::new(tool).is_file()) {
        println!("installing Firefox ESR, WebKitGTK's WebDriver and Xvfb from Debian (needs root)");
        run(project
            .cmd("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        run(project
            .cmd("apt-get")
            .args(["install", "-y", "firefox-esr", "webkit2gtk-driver", "xvfb"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        for tool in debian {
            if !Path::new(tool).is_file() {
                bail!("{tool} is still missing after apt-get install");
            }
        }
    }
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    let installed = |project: &Project| {
        probe(project.cmd(geckodriver(project)).arg("--version"))
            .and_then(|v| v.lines().next().map(str::to_owned))
    };
    if installed(project).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!(
        "installing geckodriver {GECKODRIVER_VERSION} (--locked) into {} (a few minutes, once)",
        project.cargo_tools_root().display()
    );
    let target_dir = project.tools_dir().join("src/target-geckodriver");
    run(project
        .cargo()
        .args([
            "install",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
            "--locked",
            "--force",
        ])
        .arg("--root")
        .arg(project.cargo_tools_root())
        .arg("--target-dir")
        .arg(&target_dir))?;
    let _ = fs::remove_dir_all(&target_dir);
    let version = installed(project);
    if version.as_deref() != Some(wanted.as_str()) {
        bail!(
            "after installing, `{} --version` says {version:?}, expected {wanted:?}",
            geckodriver(project).display()
        );
    }
    Ok(())
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

    fn repo_file(relative: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .join(relative);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The `{ … }` object that follows `key` in `json` (no nested objects).
    fn flat_object_after<'a>(json: &'a str, key: &str) -> &'a str {
        let rest = &json[json.find(key).unwrap_or_else(|| panic!("no {key}")) + key.len()..];
        let start = rest.find('{').unwrap() + 1;
        &rest[start..start + rest[start..].find('}').unwrap()]
    }

    /// `"a": "1", "b": "2"` → `[("a", "1"), ("b", "2")]`.
    fn string_pairs(object: &str) -> Vec<(&str, &str)> {
        object
            .split(',')
            .filter(|pair| !pair.trim().is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once(':').unwrap();
                (key.trim().trim_matches('"'), value.trim().trim_matches('"'))
            })
            .collect()
    }

    #[test]
    fn reads_a_version_from_cargo_lock() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                    \n[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.99\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-macro"), Some("0.2.99"));
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn npm_manifest_and_lock_pin_exactly_the_versions_here() {
        let mut wanted: Vec<(&str, &str)> = npm_pins().to_vec();
        wanted.sort();

        let manifest = repo_file("xtask/npm/package.json");
        let mut deps = string_pairs(flat_object_after(&manifest, "\"dependencies\""));
        deps.sort();
        assert_eq!(deps, wanted, "xtask/npm/package.json");
        assert!(!manifest.contains("devDependencies") && !manifest.contains("\"scripts\""));

        let lock = repo_file("xtask/npm/package-lock.json");
        let root = &lock[lock.find("\"\": {").expect("the lock's root package")..];
        let mut root_deps = string_pairs(flat_object_after(root, "\"dependencies\""));
        root_deps.sort();
        assert_eq!(root_deps, wanted, "the root package of package-lock.json");
        for (package, version) in &wanted {
            let key = format!("\"node_modules/{package}\"");
            let entry = &lock[lock.find(&key).unwrap_or_else(|| panic!("no {key}"))..];
            assert_eq!(
                json_string_after(entry, "\"version\""),
                Some(*version),
                "{key}"
            );
        }
    }

    #[test]
    fn npm_lock_has_hashes_and_no_foreign_addresses() {
        let lock = repo_file("xtask/npm/package-lock.json");
        let packages = lock.matches("\"node_modules/").count();
        assert!(packages >= 3);
        assert_eq!(
            lock.matches("\"integrity\": \"sha512-").count(),
            packages,
            "every package of the lock has a sha512 integrity hash"
        );
        for (at, _) in lock.match_indices("\"resolved\"") {
            let address = json_string_after(&lock[at..], "\"resolved\"").unwrap();
            assert!(
                address.starts_with("https://registry.npmjs.org/"),
                "package-lock.json downloads from {address}"
            );
        }
        for foreign in ["git+", "github:", "file:", "http://", "\"link\": true"] {
            assert!(!lock.contains(foreign), "package-lock.json has {foreign}");
        }
    }

    #[test]
    fn rust_toolchain_file_follows_stable_and_names_the_tested_version() {
        let toolchain = repo_file("rust-toolchain.toml");
        assert!(toolchain.contains("channel = \"stable\""));
        assert!(toolchain.contains(&format!("\"{WASM_TARGET}\"")));
        assert!(toolchain.contains(TESTED_RUST_VERSION));
        assert_eq!(
            rustc_release("rustc 1.95.0 (59807616e 2026-04-14)"),
            Some("1.95.0")
        );
        assert_eq!(rustc_release("cargo 1.95.0"), None);
    }

    #[test]
    fn lock_fixes_replace_exactly_one_entry() {
        let fix = LockFix {
            name: "roots",
            from: "1.0.1",
            from_checksum: "aa",
            to: "1.0.0",
            to_checksum: "bb",
            reason: "test",
        };
        let source = "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        let lock = format!(
            "[[package]]\nname = \"roots\"\nversion = \"1.0.1\"\n{source}checksum = \"aa\"\n\
             dependencies = [\n \"x\",\n]\n\n[[package]]\nname = \"x\"\nversion = \"1.0.1\"\n"
        );
        let fixed = apply_lock_fixes(&lock, &[fix]).unwrap();
        assert_eq!(
            fixed,
            format!(
                "[[package]]\nname = \"roots\"\nversion = \"1.0.0\"\n{source}checksum = \"bb\"\n\
                 dependencies = [\n \"x\",\n]\n\n[[package]]\nname = \"x\"\nversion = \"1.0.1\"\n"
            )
        );
        // A lock without the expected entry (a new CLI version) is an error.
        assert!(apply_lock_fixes(&fixed, &[fix]).is_err());
        for fix in WASM_BINDGEN_CLI_LOCK_FIXES {
            assert_eq!(fix.from_checksum.len(), 64);
            assert_eq!(fix.to_checksum.len(), 64);
        }
    }

    #[test]
    fn finds_a_registry_crate_in_cargo_metadata() {
        let metadata = r#"{"packages":[{"name":"anyhow","manifest_path":"/c/registry/src/i/anyhow-1.0.0/Cargo.toml"},{"name":"wasm-bindgen-cli","manifest_path":"/c/registry/src/i/wasm-bindgen-cli-0.2.130/Cargo.toml"}]}"#;
        assert_eq!(
            manifest_path(metadata, "wasm-bindgen-cli", "0.2.130"),
            Some("/c/registry/src/i/wasm-bindgen-cli-0.2.130/Cargo.toml")
        );
        assert_eq!(manifest_path(metadata, "wasm-bindgen-cli", "0.2.131"), None);
    }
}
