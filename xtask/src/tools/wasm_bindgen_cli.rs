//! wasm-bindgen-cli [`WASM_BINDGEN_VERSION`]: its source from the registry, its
//! published `Cargo.lock` with [`WASM_BINDGEN_CLI_LOCK_FIXES`] applied, then
//! `cargo install --locked` (why: the parent module's "wasm-bindgen-cli and
//! `--locked`"); and the check that `Cargo.lock` has the same wasm-bindgen.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use super::{
    wasm_bindgen, wasm_bindgen_test_runner, LockFix, WASM_BINDGEN_CLI_LOCK_FIXES,
    WASM_BINDGEN_VERSION,
};
use crate::project::{probe, run, Project};

/// In `.tools/cargo`: how the installed wasm-bindgen-cli was built.
const WASM_BINDGEN_STAMP: &str = "wasm-bindgen-cli.installed";

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

pub(super) fn ensure_wasm_bindgen(project: &Project) -> Result<()> {
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
pub(super) fn manifest_path<'a>(metadata: &'a str, name: &str, version: &str) -> Option<&'a str> {
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
pub(super) fn apply_lock_fixes(lock: &str, fixes: &[LockFix]) -> Result<String> {
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
pub(super) fn locked_version<'a>(lock: &'a str, package: &str) -> Option<&'a str> {
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
