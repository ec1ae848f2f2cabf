//! The tools' unit tests: the pins agree with `rust-toolchain.toml` and the npm
//! manifest and lock, and the helpers that read and fix `Cargo.lock`s.

use std::fs;

use super::npm::{json_string_after, npm_pins};
use super::wasm_bindgen_cli::{apply_lock_fixes, locked_version, manifest_path};
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
