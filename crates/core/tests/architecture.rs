//! Architecture invariants that no compiler checks.
//!
//! - The core stays pure: no web crate (yew, web-sys, js-sys, wasm-bindgen, gloo*,
//!   `wasm-*`, `web-*`) among its dependencies, directly or transitively, so the CLI
//!   and the tests use exactly the code the widget runs, without a browser.
//! - Every Rust file says what it is for in a `//!` comment on its first line.
//! - The translation workflow's library (`crates/translations`) does no IO and no
//!   printing and has no `anyhow`: the CLI is its shell (ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn core_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn workspace_root() -> PathBuf {
    core_dir().join("../..")
}

/// The one rule: whether a crate name is a web crate.
fn is_web_crate(name: &str) -> bool {
    matches!(name, "yew" | "web-sys" | "js-sys" | "wasm-bindgen")
        || name.starts_with("gloo")
        || name.starts_with("wasm-")
        || name.starts_with("web-")
        || name.starts_with("yew-")
}

#[test]
fn the_rule_recognises_web_crates() {
    for web in [
        "yew",
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "wasm-bindgen-futures",
        "gloo",
        "gloo-timers",
        "web-time",
    ] {
        assert!(is_web_crate(web), "{web}");
    }
    for pure in [
        "serde",
        "serde_json",
        "toml",
        "strsim",
        "webpki-roots-free",
        "js",
    ] {
        assert!(!is_web_crate(pure), "{pure}");
    }
}

#[test]
fn core_manifest_names_no_web_crate() {
    let manifest: toml::Table = fs::read_to_string(core_dir().join("Cargo.toml"))
        .expect("crates/core/Cargo.toml")
        .parse()
        .expect("Cargo.toml is TOML");
    // [dependencies] and every [target.'…'.dependencies].
    let mut tables: Vec<(String, &toml::Table)> = Vec::new();
    if let Some(deps) = manifest.get("dependencies").and_then(|d| d.as_table()) {
        tables.push(("dependencies".into(), deps));
    }
    if let Some(targets) = manifest.get("target").and_then(|t| t.as_table()) {
        for (target, body) in targets {
            if let Some(deps) = body.get("dependencies").and_then(|d| d.as_table()) {
                tables.push((format!("target.{target}.dependencies"), deps));
            }
        }
    }
    assert!(!tables.is_empty(), "no [dependencies] found");
    let mut offending = Vec::new();
    for (table, deps) in tables {
        for (key, spec) in deps {
            // `foo = { package = "web-sys" }` renames a crate: check both names.
            let package = spec.get("package").and_then(|p| p.as_str());
            if is_web_crate(key) || package.is_some_and(is_web_crate) {
                offending.push(format!("[{table}] {key}"));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "riskscreen-core must stay free of web crates: {offending:?}"
    );
}

#[test]
fn core_dependency_tree_has_no_web_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(workspace_root())
        .args([
            "tree",
            "-p",
            "riskscreen-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--all-features",
            "--target",
            "all",
        ])
        .output()
        .expect("run cargo tree");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let crates: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(
        crates.contains(&"riskscreen-core") && crates.contains(&"serde"),
        "unexpected cargo tree output:\n{stdout}"
    );
    let web: Vec<&&str> = crates.iter().filter(|c| is_web_crate(c)).collect();
    assert!(
        web.is_empty(),
        "riskscreen-core pulls in web crates: {web:?}\n{stdout}"
    );
}

/// Every `.rs` file under `dir`, skipping build output and test fixtures.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            let skipped = name == "target"
                || name.starts_with('.')
                || (name == "fixtures" && path.parent().is_some_and(|p| p.ends_with("tests")));
            if !skipped {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_starts_with_a_module_doc_comment() {
    let root = workspace_root();
    let mut files = Vec::new();
    for dir in ["crates", "src", "xtask/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(
        files.len() >= 10,
        "only {} Rust files found under {}",
        files.len(),
        root.display()
    );
    let undocumented: Vec<String> = files
        .iter()
        .filter(|path| {
            !fs::read_to_string(path)
                .unwrap_or_default()
                .starts_with("//!")
        })
        .map(|path| {
            path.strip_prefix(&root)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        undocumented.is_empty(),
        "these files do not start with a `//!` comment saying what they are for:\n{}",
        undocumented.join("\n")
    );
}

/// The modules of `src/` a module names with `crate::…` (in `use` or in paths).
fn crate_modules_used(source: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(first) = rest.strip_prefix('{') {
            // `use crate::{a::X, b};`
            let inner = first.split('}').next().unwrap_or_default();
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    used.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

/// Modules depend on each other in one direction only (issue #13): no cycle in
/// the graph of `crate::` references between the files of `src/` (`lib.rs`, which
/// only declares and re-exports, aside), a module's submodule directory counted
/// with it.
#[test]
fn core_modules_have_no_import_cycle() {
    let src = core_dir().join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || name == "lib" {
            continue;
        }
        let mut source = std::fs::read_to_string(&path).unwrap();
        // A module's submodules (`validate/*.rs`) are part of its node: their
        // `crate::` references are the module's.
        if let Ok(children) = std::fs::read_dir(src.join(&name)) {
            for child in children {
                let child = child.unwrap().path();
                if child.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&child).unwrap();
                    source.push('\n');
                    source.push_str(text.split("#[cfg(test)]").next().unwrap_or_default());
                }
            }
        }
        // Tests may look anywhere; doc links are not imports.
        let code: String = source
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut used = crate_modules_used(&code);
        used.remove(&name);
        graph.insert(name, used);
    }
    assert!(graph.len() > 5, "found the modules: {graph:?}");
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        trail: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = trail.iter().position(|n| n == node) {
            panic!(
                "import cycle in crates/core/src: {} → {node}",
                trail[at..].join(" → ")
            );
        }
        trail.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next) {
                visit(next, graph, trail, done);
            }
        }
        trail.pop();
        done.insert(node.to_owned());
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn translations_library_does_no_io() {
    let dir = workspace_root().join("crates/translations");
    let manifest =
        fs::read_to_string(dir.join("Cargo.toml")).expect("crates/translations/Cargo.toml");
    assert!(
        !manifest.contains("anyhow"),
        "riskscreen-translations has typed errors: no anyhow"
    );
    let mut files = Vec::new();
    rust_files(&dir.join("src"), &mut files);
    assert!(
        !files.is_empty(),
        "no Rust files in crates/translations/src"
    );
    let mut offending = Vec::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable");
        // Unit tests may read fixtures; the library's code may not.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        for word in [
            "std::fs",
            "std::io",
            "println!",
            "eprintln!",
            "print!(",
            "anyhow",
        ] {
            if code.contains(word) {
                offending.push(format!("{}: {word}", file.display()));
            }
        }
    }
    assert!(
        offending.is_empty(),
        "crates/translations does IO (the CLI reads and writes): {offending:?}"
    );
}
