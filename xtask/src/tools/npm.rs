//! The npm tools (binaryen's `wasm-opt`, terser, axe-core): `npm ci` from the
//! committed lock into `.tools/npm`, redone only when the lock changes or an
//! installed version is off (see the parent module's "The npm tools").

use std::fs;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use super::{
    axe_core_js, terser, wasm_opt, AXE_CORE_VERSION, BINARYEN_VERSION, NPM_MANIFEST_DIR,
    TERSER_VERSION,
};
use crate::project::{probe, run, Project};

/// The files of [`NPM_MANIFEST_DIR`] that `npm ci` installs from.
const NPM_FILES: [&str; 2] = ["package.json", "package-lock.json"];

/// In `.tools/npm`: the SHA-256 of the [`NPM_FILES`] last installed.
const NPM_STAMP: &str = "installed-from.sha256";

/// The npm tools and the versions they must have.
pub(super) fn npm_pins() -> [(&'static str, &'static str); 3] {
    [
        ("binaryen", BINARYEN_VERSION),
        ("terser", TERSER_VERSION),
        ("axe-core", AXE_CORE_VERSION),
    ]
}

/// Installs the npm tools from the committed lock with `npm ci`, unless the
/// same lock is installed already (see the module documentation).
pub(super) fn ensure_npm_tools(project: &Project) -> Result<()> {
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
pub(super) fn json_string_after<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let rest = &json[json.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}
