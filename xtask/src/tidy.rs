//! `cargo xtask tidy`: what the code says in two languages, or in code and in
//! the docs, must say the same (issue #13, "tooling in xtask, as rust-analyzer
//! does"). Each check reads the files as text and names the files that
//! disagree; `cargo test -p xtask` runs them all on the repository (the test at
//! the end), so CI holds them, and `cargo xtask tidy` prints them for a person.
//!
//! | check | the one truth | what must agree with it |
//! |---|---|---|
//! | [`exit_url`] | `DEFAULT_EXIT_URL` in `src/config.rs` | `www/embed.js` (a classic script copied verbatim, so it cannot import it; `fallback-text.js` is generated from it), README's options table |
//! | [`option_names`] | `ATTRIBUTES` in `www/options.js` | `OPTIONS` in `www/embed.js` (a subset: the frame gets the others its own way), README's options table (the same names), `src/js/options.rs` (reads every JS option they become, but the theme's) |
//! | [`csp`] | `WIDGET_CSP` in `xtask/src/headers.rs` | the `<meta>` policy of `pages/index.html` and `www/frame.html`, compared as sets of directives (the browser tests' server uses the constant itself) |
//! | [`chromium_flags`] | `CHROMIUM_ARGS` in `tests/e2e/src/browser.rs` | `CHROMIUM_ARGS` in `xtask/src/bench_web.rs` (the benchmark's Chromium is the tests', less the fixed scale factor the screenshots need) |
//! | [`doc_links`] | the files in the repository | every relative link of every Markdown file outside `target/` and `node_modules/` |
//! | [`wasm_boundary`] | `src/js.rs` and `src/js/`, the widget's one module that touches a JS value | every other file of `src/`: no `JsValue` in its code (ARCHITECTURE.md) |
//! | [`file_lengths`] | [`MAX_LINES`] | every hand-written `.rs` and `.js` file (a generated one says "generated" in its first lines) |

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::headers::WIDGET_CSP;
use crate::project::Project;

/// A disagreement, for a person to fix.
pub type Problem = String;

/// `cargo xtask tidy`: runs every check; fails with the list of problems.
pub fn tidy(project: &Project) -> Result<()> {
    let problems = check_all(project.root())?;
    if problems.is_empty() {
        println!("tidy: every check agrees");
        return Ok(());
    }
    for problem in &problems {
        eprintln!("tidy: {problem}");
    }
    bail!("{} tidy problem(s)", problems.len())
}

/// Every check on the repository at `root`.
pub fn check_all(root: &Path) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    problems.extend(exit_url(root)?);
    problems.extend(option_names(root)?);
    problems.extend(csp(root)?);
    problems.extend(chromium_flags(root)?);
    problems.extend(doc_links(root)?);
    problems.extend(wasm_boundary(root)?);
    problems.extend(file_lengths(root)?);
    Ok(problems)
}

fn read(root: &Path, file: &str) -> Result<String> {
    fs::read_to_string(root.join(file)).with_context(|| format!("reading {file}"))
}

/// The first string literal after `marker` in `text` (`"…"`, no escapes).
fn literal_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(&rest[start..start + len])
}

/// The rows of README's options table: `(attribute, default column)`.
fn readme_options(readme: &str) -> Vec<(String, String)> {
    let Some(start) = readme.find("| attribute / frame parameter | JS option |") else {
        return Vec::new();
    };
    readme[start..]
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            let name = cells.first()?.trim_start_matches("| ").trim_matches('`');
            let default = cells.last()?.trim_end_matches(" |").trim_end_matches('|');
            Some((name.to_owned(), default.trim().to_owned()))
        })
        .collect()
}

/// The quick exit's default destination is the same everywhere it is written.
pub fn exit_url(root: &Path) -> Result<Vec<Problem>> {
    let config = read(root, "src/config.rs")?;
    let Some(truth) = literal_after(&config, "pub const DEFAULT_EXIT_URL: &str =") else {
        bail!("src/config.rs: no `pub const DEFAULT_EXIT_URL: &str = \"…\"`");
    };
    let mut problems = Vec::new();
    let embed = read(root, "www/embed.js")?;
    match literal_after(&embed, "var DEFAULT_EXIT_URL =") {
        Some(url) if url == truth => {}
        found => problems.push(format!(
            "www/embed.js: DEFAULT_EXIT_URL is {found:?}, src/config.rs says {truth:?}"
        )),
    }
    let readme = read(root, "README.md")?;
    match readme_options(&readme)
        .iter()
        .find(|(name, _)| name == "exit-url")
    {
        Some((_, default)) if default.trim_matches('`') == truth => {}
        found => problems.push(format!(
            "README.md: the options table's exit-url default is {:?}, src/config.rs says {truth:?}",
            found.map(|(_, d)| d)
        )),
    }
    Ok(problems)
}

/// The keys of a JS object literal `const NAME = { … };` (quoted or bare).
/// The string values of the object literal after `marker` (`a: "x"` → `x`).
fn object_values(text: &str, marker: &str) -> Option<BTreeSet<String>> {
    let rest = &text[text.find(marker)?..];
    let body = &rest[rest.find('{')? + 1..rest.find("};")?];
    Some(
        body.lines()
            .filter_map(|line| line.trim().split_once(':'))
            .map(|(_, value)| {
                value
                    .trim()
                    .trim_end_matches(',')
                    .trim_matches('"')
                    .to_owned()
            })
            .filter(|value| !value.is_empty())
            .collect(),
    )
}

fn object_keys(text: &str, marker: &str) -> Option<BTreeSet<String>> {
    let rest = &text[text.find(marker)?..];
    let body = &rest[rest.find('{')? + 1..rest.find("};")?];
    Some(
        body.lines()
            .filter_map(|line| line.trim().split_once(':'))
            .map(|(key, _)| key.trim().trim_matches('"').to_owned())
            .filter(|key| !key.is_empty() && !key.starts_with("//"))
            .collect(),
    )
}

/// The strings of an array literal that `marker` opens (up to its `[`:
/// `var NAME = [`, `const NAME: &[&str] = &[`) and `];` closes.
fn array_strings(text: &str, marker: &str) -> Option<BTreeSet<String>> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let body = &rest[..rest.find("];")?];
    Some(
        body.split(',')
            .map(|item| item.trim().trim_matches('"').to_owned())
            .filter(|item| !item.is_empty())
            .collect(),
    )
}

/// The option vocabulary: one list of names, which embed.js and README follow.
pub fn option_names(root: &Path) -> Result<Vec<Problem>> {
    let options = read(root, "www/options.js")?;
    let Some(truth) = object_keys(&options, "export const ATTRIBUTES = {") else {
        bail!("www/options.js: no `export const ATTRIBUTES = {{ … }};`");
    };
    let mut problems = Vec::new();
    let embed = read(root, "www/embed.js")?;
    match array_strings(&embed, "var OPTIONS = [") {
        Some(names) => {
            for name in names.difference(&truth) {
                problems.push(format!(
                    "www/embed.js: OPTIONS has `{name}`, which options.js ATTRIBUTES does not"
                ));
            }
        }
        None => problems.push("www/embed.js: no `var OPTIONS = [ … ];`".to_owned()),
    }
    // The wasm reads the JS option each attribute becomes (the theme's are the
    // page script's own: CSS custom properties).
    let rust = read(root, "src/js/options.rs")?;
    for key in object_values(&options, "export const ATTRIBUTES = {").unwrap_or_default() {
        if !key.starts_with("theme") && !rust.contains(&format!("\"{key}\"")) {
            problems.push(format!(
                "src/js/options.rs: does not read `{key}`, which options.js ATTRIBUTES passes"
            ));
        }
    }
    let readme = read(root, "README.md")?;
    let documented: BTreeSet<String> = readme_options(&readme)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    for name in truth.difference(&documented) {
        problems.push(format!(
            "README.md: the options table lacks `{name}` (options.js ATTRIBUTES)"
        ));
    }
    for name in documented.difference(&truth) {
        problems.push(format!(
            "README.md: the options table has `{name}`, which options.js ATTRIBUTES does not"
        ));
    }
    Ok(problems)
}

/// A policy as its set of directives, each with its sources in order.
fn directives(policy: &str) -> BTreeSet<String> {
    policy
        .split(';')
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|d| !d.is_empty())
        .collect()
}

/// The Content-Security-Policy of the pages against the widget origin's one truth.
pub fn csp(root: &Path) -> Result<Vec<Problem>> {
    let truth = directives(WIDGET_CSP);
    let mut problems = Vec::new();
    for page in ["pages/index.html", "www/frame.html"] {
        let html = read(root, page)?;
        match literal_after(
            &html,
            "<meta http-equiv=\"Content-Security-Policy\" content=",
        ) {
            Some(policy) if directives(policy) == truth => {}
            found => problems.push(format!(
                "{page}: the <meta> policy {found:?} is not xtask/src/headers.rs WIDGET_CSP"
            )),
        }
    }
    Ok(problems)
}

/// The benchmark runs the browser tests' Chromium: the same flags, less those
/// only the tests need.
pub fn chromium_flags(root: &Path) -> Result<Vec<Problem>> {
    /// Flags of the tests the benchmark leaves out, and why: screenshots want a
    /// fixed scale, a page load does not care.
    const TESTS_ONLY: &[&str] = &["--force-device-scale-factor=1"];
    let browser = read(root, "tests/e2e/src/browser.rs")?;
    let Some(tests) = array_strings(&browser, "pub const CHROMIUM_ARGS: &[&str] = &[") else {
        bail!("tests/e2e/src/browser.rs: no `pub const CHROMIUM_ARGS: &[&str] = &[ … ];`");
    };
    let bench: BTreeSet<String> = crate::bench_web::CHROMIUM_ARGS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let wanted: BTreeSet<String> = tests
        .into_iter()
        .filter(|flag| !TESTS_ONLY.contains(&flag.as_str()))
        .collect();
    Ok(wanted
        .symmetric_difference(&bench)
        .map(|flag| {
            format!(
                "xtask/src/bench_web.rs CHROMIUM_ARGS and tests/e2e/src/browser.rs differ on `{flag}`"
            )
        })
        .collect())
}

/// Every Markdown file of the repository (not under `target/`,
/// `node_modules/`, `.tools/` or another hidden directory, nor `dist/`).
fn markdown_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                let skipped = name.starts_with('.')
                    || matches!(name, "target" | "node_modules" | "dist" | "corpus" | "pkg");
                if !skipped {
                    todo.push(path);
                }
            } else if name.ends_with(".md") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The targets of the inline links `[text](target)` of a Markdown text,
/// outside code spans and fenced blocks.
fn link_targets(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans hold no links.
        let text: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = text.as_str();
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            if let Some(end) = rest.find(')') {
                targets.push(rest[..end].to_owned());
                rest = &rest[end..];
            }
        }
    }
    targets
}

/// Every relative link of every Markdown file names a file or directory that
/// exists (anchors and absolute URLs are not checked).
pub fn doc_links(root: &Path) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    for file in markdown_files(root)? {
        let text = fs::read_to_string(&file)?;
        let dir = file.parent().unwrap_or(root);
        for target in link_targets(&text) {
            let path = target.split('#').next().unwrap_or_default();
            let path = path.split_whitespace().next().unwrap_or_default();
            if path.is_empty() || path.contains("://") || path.starts_with("mailto:") {
                continue;
            }
            if !dir.join(path).exists() {
                let shown = file.strip_prefix(root).unwrap_or(&file);
                problems.push(format!(
                    "{}: the link to `{target}` names nothing in the repository",
                    shown.display()
                ));
            }
        }
    }
    Ok(problems)
}

/// The files of `dir` (recursively) whose name ends in one of `extensions`,
/// leaving out build output, installed tools and fuzzing's work.
fn source_files(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    const SKIP: [&str; 9] = [
        "target",
        "node_modules",
        ".tools",
        ".git",
        "pkg",
        "dist",
        "corpus",
        "work",
        "artifacts",
    ];
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(files);
    };
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if !SKIP.contains(&name) {
                files.extend(source_files(&path, extensions)?);
            }
        } else if extensions.iter().any(|e| name.ends_with(e)) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Lines that are code, not comments (`//` at the start, after indentation).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

/// The widget's code names `JsValue` only at its wasm boundary, `src/js.rs` and
/// `src/js/` (issue #13: "components and state never touch `JsValue`").
pub fn wasm_boundary(root: &Path) -> Result<Vec<Problem>> {
    let boundary = [root.join("src/js.rs"), root.join("src/js")];
    let mut problems = Vec::new();
    for file in source_files(&root.join("src"), &[".rs"])? {
        if boundary.iter().any(|b| file.starts_with(b)) {
            continue;
        }
        let text = fs::read_to_string(&file)?;
        for (line, code) in code_lines(&text) {
            if code.contains("JsValue") {
                let shown = file.strip_prefix(root).unwrap_or(&file);
                problems.push(format!(
                    "{}:{line}: `JsValue` outside the wasm boundary (src/js/): read or make \
                     the value there and pass a Rust type",
                    shown.display()
                ));
            }
        }
    }
    Ok(problems)
}

/// The most lines a hand-written source file may have (issue #13: a file that
/// long does several jobs; split it along them).
pub const MAX_LINES: usize = 700;

/// No hand-written `.rs` or `.js` file is longer than [`MAX_LINES`]; a file that
/// says "generated" in its first three lines is left out.
pub fn file_lengths(root: &Path) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    for file in source_files(root, &[".rs", ".js"])? {
        let text = fs::read_to_string(&file)?;
        let generated = text
            .lines()
            .take(3)
            .any(|l| l.to_ascii_lowercase().contains("generated"));
        let lines = text.lines().count();
        if !generated && lines > MAX_LINES {
            let shown = file.strip_prefix(root).unwrap_or(&file);
            problems.push(format!(
                "{}: {lines} lines, over {MAX_LINES}: split it along its jobs",
                shown.display()
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The repository passes every check (what `cargo xtask tidy` runs).
    #[test]
    fn the_repository_is_tidy() {
        let problems = check_all(&repo()).unwrap();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_checks_see_disagreements() {
        assert_eq!(literal_after("x = \"a\"; y = \"b\"", "y ="), Some("b"));
        assert_eq!(
            object_keys(
                "export const A = {\n  a: \"1\",\n  \"b-c\": \"2\",\n};",
                "const A"
            ),
            Some(["a".to_owned(), "b-c".to_owned()].into())
        );
        assert_eq!(
            object_values(
                "export const A = {\n  a: \"x\",\n  \"b-c\": \"yZ\",\n};",
                "const A"
            ),
            Some(["x".to_owned(), "yZ".to_owned()].into())
        );
        assert_eq!(
            array_strings("var O = [\n  \"a\", \"b\",\n];", "var O = ["),
            Some(["a".to_owned(), "b".to_owned()].into())
        );
        assert_eq!(
            directives("a 'x';  b 'y' 'z' ;"),
            directives("b 'y' 'z'; a 'x'")
        );
        assert_ne!(directives("a 'x'"), directives("a 'y'"));
        assert_eq!(
            link_targets(
                "see [a](docs/a.md#x) and `[b](no.md)`\n```\n[c](no.md)\n```\n[d](https://x.org)"
            ),
            ["docs/a.md#x", "https://x.org"]
        );
        let readme = "| attribute / frame parameter | JS option | meaning | default |\n\
                      |---|---|---|---|\n\
                      | `lang` | `lang` | force | none |\n\
                      | `exit-url` | `exitUrl` | where | `https://a.example` |\n\nafter";
        assert_eq!(
            readme_options(readme),
            [
                ("lang".to_owned(), "none".to_owned()),
                ("exit-url".to_owned(), "`https://a.example`".to_owned())
            ]
        );
    }

    /// A `JsValue` outside `src/js/` and a long hand-written file are
    /// reported; a comment, the boundary itself and a generated file are not.
    #[test]
    fn boundary_and_lengths_are_checked() {
        let dir = std::env::temp_dir().join(format!("rs-tidy-js-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("src/js")).unwrap();
        fs::write(dir.join("src/js/mount.rs"), "fn f(v: JsValue) {}\n").unwrap();
        fs::write(
            dir.join("src/state.rs"),
            "//! no `JsValue` here\nfn g(v: wasm_bindgen::JsValue) {}\n",
        )
        .unwrap();
        let long = "let x = 1;\n".repeat(MAX_LINES + 1);
        fs::write(dir.join("src/long.rs"), &long).unwrap();
        fs::write(dir.join("src/strings.rs"), format!("//! GENERATED\n{long}")).unwrap();
        let boundary = wasm_boundary(&dir).unwrap();
        let lengths = file_lengths(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(boundary.len(), 1, "{boundary:?}");
        assert!(boundary[0].starts_with("src/state.rs:2:"), "{boundary:?}");
        assert_eq!(lengths.len(), 1, "{lengths:?}");
        assert!(
            lengths[0].starts_with("src/long.rs: 701 lines"),
            "{lengths:?}"
        );
    }

    /// A broken link in a Markdown file of a scratch tree is reported with its
    /// file.
    #[test]
    fn a_dead_link_is_reported() {
        let dir = std::env::temp_dir().join(format!("rs-tidy-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("docs")).unwrap();
        fs::write(
            dir.join("README.md"),
            "[ok](docs/a.md) [dead](toolchain.md)",
        )
        .unwrap();
        fs::write(dir.join("docs/a.md"), "[up](../README.md#top)").unwrap();
        let problems = doc_links(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            problems,
            ["README.md: the link to `toolchain.md` names nothing in the repository"]
        );
    }
}
