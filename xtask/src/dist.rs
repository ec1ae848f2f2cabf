//! `cargo xtask dist`: the release bundle in `dist/`, its sizes and its budget.
//!
//! After a release build ([`crate::wasm::build`]) every file of `www/` (hidden
//! files and the development demos of [`EXCLUDED_DIRS`] aside) is copied to
//! `dist/`. JS, wasm and CSS files get content-hashed names
//! (`pkg/riskscreen.js` → `pkg/riskscreen.3f2a9c1b.js`) so hosts can cache them
//! forever, and every reference to them in HTML, JS and CSS files is rewritten,
//! for instance `new URL('riskscreen_bg.wasm', import.meta.url)` in the
//! wasm-bindgen glue. A file's hash is taken after its own references are
//! rewritten, so a new wasm also renames the JS that loads it, and so on up.
//!
//! **Entry points keep their names** ([`KEEP_NAME`]): the URLs host pages write
//! into their snippets (`embed.js`, `widget.js`, `risk-screen.js`) and the pages
//! (`index.html`, `frame.html`; HTML is never renamed) are stable, while what they
//! import is content-hashed. A hashed file must not import a stable-named one
//! (its hash would not change when that file does): [`hash_assets`] refuses it.
//! [`VERBATIM`] files (`embed.js`, which hosts pin with an `integrity` hash
//! published in the README) must come out byte for byte as they went in:
//! [`check_verbatim`].
//!
//! References are found and rewritten by file name (not path): asset file names
//! must therefore be unique, which [`hash_assets`] checks. In HTML and CSS any
//! whole occurrence of the name counts; in JS only a `'…'` or `"…"` string that
//! is a path ending in the name (`"./pkg/riskscreen.js"`, `'riskscreen_bg.wasm'`)
//! counts, so file names in comments (`options.js` lists the scripts that import
//! it) are neither references nor rewritten ([`Syntax`]).
//!
//! Then it prints every file's raw, gzip and brotli size, and the brotli
//! "first visit" total of each language's page, the largest held to
//! [`FIRST_VISIT_BUDGET`]: for `index.html`, what it downloads (the prerendered HTML, CSS,
//! the tab icon `favicon.svg`, `lang.js`, `boot.js` and `options.js`, the wasm-bindgen JS, the wasm, the
//! helpline directory `q/helplines.json`, and the questionnaire in the page's
//! language only, `q/self-check.en.json`, which the page preloads; the other
//! languages' files are fetched when the person switches language); for
//! `index.<lang>.html` the same with its own questionnaire file and its UI
//! strings (`ui/<lang>.json`, which it preloads). (A browser that `lang.js`
//! sends from `index.html` to its language's page downloads the start of
//! `index.html` too.) Over the budget the command fails. Finally it prints
//! the Subresource Integrity hash of each JS, wasm and CSS file, writes them to
//! `dist/sri.txt` (`sha384-…  path`, one a line), and prints the hashes of the
//! entry points again, apart, as hosts need them ([`ENTRY_POINTS`]).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::project::Project;
use crate::wasm::{self, remove_dir_if_present, Profile};

/// Brotli bytes the first visit of any language's page may download (200
/// KiB), **its questionnaire and UI strings included**: 195.9 KiB for the
/// largest page (`index.uk.html`) on 2026-12-05, once the wasm carried English only (the UI
/// strings of the others are `ui/<lang>.json`) and the per-language files lost
/// the authors' notes; the English page was 213.6 KiB before. It was 160 KiB
/// until the hardening and the calibrated results, 188 KiB until the ILO routes
/// and the prerendered first screen, 200 KiB with the questionnaire left out
/// and 216 KiB with the English page's counted only (README, "Performance and
/// size"). Issue #11 aims at 120 KiB.
pub const FIRST_VISIT_BUDGET: u64 = 200 * 1024;

/// Extensions of files that get content-hashed names.
pub const HASHED_EXTENSIONS: &[&str] = &["js", "mjs", "wasm", "css"];

/// Files (paths relative to `www/`) that keep their name although their
/// extension is hashed: the entry points whose URLs host pages write down (the
/// frame embed's loader, the JS API module, the custom element's module).
pub const KEEP_NAME: &[&str] = &["embed.js", "widget.js", "risk-screen.js"];

/// The entry points whose SRI hashes are printed for hosts, in this order.
pub const ENTRY_POINTS: &[&str] = &["embed.js", "widget.js", "risk-screen.js"];

/// Files that must reach `dist/` unchanged: `embed.js` is pinned by hosts with
/// the `integrity` hash of the README's snippet, computed on `www/embed.js`. It
/// refers only to `frame.html`, which is never renamed.
pub const VERBATIM: &[&str] = &["embed.js"];

/// Directories of `www/` (relative, no trailing slash) left out of `dist/`: the
/// demo host pages are for development (`cargo xtask serve`; the listing demo
/// holds a placeholder for the widget's origin).
pub const EXCLUDED_DIRS: &[&str] = &["demo"];

/// Extensions of files whose references to hashed files are rewritten.
pub const TEXT_EXTENSIONS: &[&str] = &["html", "htm", "js", "mjs", "css"];

/// Files always counted in the first visit when they exist, besides what
/// `index.html` is found to reference. `q/helplines.json` is JSON but not a
/// questionnaire: `boot.js` fetches it on every first visit, so it counts;
/// so does `favicon.svg`, the tab icon the pages link (a browser fetches it
/// once the page has loaded).
pub const FIRST_VISIT_CORE: &[&str] = &[
    "index.html",
    "favicon.svg",
    "style.css",
    "boot.js",
    "options.js",
    "pkg/riskscreen.js",
    "pkg/riskscreen_bg.wasm",
    "q/helplines.json",
];

/// Extensions that get a Subresource Integrity hash in `sri.txt`.
pub const SRI_EXTENSIONS: &[&str] = &["js", "mjs", "wasm", "css"];

/// A file of the bundle: where it came from, where it goes, what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to `www/`, `/`-separated.
    pub source: String,
    /// Path relative to `dist/`, `/`-separated (hashed name where applicable).
    pub path: String,
    /// Contents, references rewritten.
    pub content: Vec<u8>,
    /// Sources (indices into the asset list) of the hashed files it refers to.
    pub refs: Vec<usize>,
}

/// `cargo xtask dist`: [`bundle`], then fails if the first visit is over the budget.
pub fn dist(project: &Project) -> Result<()> {
    let first_visit_brotli = bundle(project)?;
    if first_visit_brotli > FIRST_VISIT_BUDGET {
        bail!(
            "the first visit downloads {first_visit_brotli} bytes brotli, over the budget of \
             {FIRST_VISIT_BUDGET} by {} bytes",
            first_visit_brotli - FIRST_VISIT_BUDGET
        );
    }
    Ok(())
}

/// Builds the widget, writes `dist/`, prints sizes, SRI and the first-visit figure
/// against the budget; returns that figure (brotli bytes).
pub fn bundle(project: &Project) -> Result<u64> {
    wasm::build(project, Profile::Release)?;
    let www = project.www();
    if !www.join("index.html").is_file() {
        bail!("{} is missing", www.join("index.html").display());
    }
    let sources = strip_comments(minify_js(project, collect(&www)?)?);
    let assets = hash_assets(sources.clone())?;
    check_verbatim(&sources, &assets)?;
    let out = project.dist();
    remove_dir_if_present(&out)?;
    for asset in &assets {
        let path = out.join(&asset.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, &asset.content).with_context(|| format!("writing {}", path.display()))?;
    }
    println!("\nwrote {} files to {}\n", assets.len(), out.display());

    let first_visit = first_visit(&assets);
    let brotli = report_sizes(&assets, &first_visit)?;
    write_sri(&assets, &out.join("sri.txt"))?;
    print_entry_points(&assets);

    // Every language's page: a person sent a link to index.uk.html downloads
    // its questionnaire and UI strings, not the English ones. The budget holds
    // for the largest.
    println!(
        "\nfirst visit of each language's page (brotli; * = the largest, held to the budget):"
    );
    let pages: Vec<(&str, u64)> = assets
        .iter()
        .map(|a| a.source.as_str())
        .filter(|s| *s == "index.html" || (s.starts_with("index.") && s.ends_with(".html")))
        .map(|page| {
            let total = first_visit_of(&assets, page)
                .iter()
                .map(|&i| brotli[i])
                .sum();
            (page, total)
        })
        .collect();
    let largest = pages.iter().map(|(_, total)| *total).max().unwrap_or(0);
    for (page, total) in &pages {
        let mark = if *total == largest { '*' } else { ' ' };
        println!(
            "{mark} {page:18} {total:>7} bytes ({})",
            format_size(*total)
        );
    }
    let verdict = if largest <= FIRST_VISIT_BUDGET {
        "within"
    } else {
        "OVER"
    };
    println!(
        "\nfirst visit: {largest} bytes brotli ({}) for the largest page, {verdict} the budget \
         of {FIRST_VISIT_BUDGET} bytes ({})",
        format_size(largest),
        format_size(FIRST_VISIT_BUDGET),
    );
    Ok(largest)
}

/// Minifies every JavaScript file but the [`VERBATIM`] ones with terser
/// (compress and mangle, as ES modules; comments dropped): about 3 KB brotli
/// off the first visit. Runs before hashing, so names and SRI hashes are those
/// of the minified files. Module specifiers are string literals, which terser
/// keeps, so the reference rewriting that follows still finds them.
pub fn minify_js(project: &Project, assets: Vec<Asset>) -> Result<Vec<Asset>> {
    let terser = crate::tools::terser(project);
    let scratch = std::env::temp_dir().join(format!("riskscreen-dist-{}", std::process::id()));
    fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let mut out = Vec::with_capacity(assets.len());
    for mut asset in assets {
        let is_js = matches!(extension(&asset.source), "js" | "mjs");
        if is_js && !VERBATIM.contains(&asset.source.as_str()) {
            let input = scratch.join("in.js");
            let output = scratch.join("out.js");
            fs::write(&input, &asset.content)?;
            let status = std::process::Command::new(&terser)
                .arg(&input)
                .args([
                    "--module",
                    "--compress",
                    "--mangle",
                    "--comments",
                    "false",
                    "-o",
                ])
                .arg(&output)
                .status()
                .with_context(|| format!("running {}", terser.display()))?;
            if !status.success() {
                bail!("terser failed on {} ({status})", asset.source);
            }
            asset.content = fs::read(&output)?;
        }
        out.push(asset);
    }
    let _ = fs::remove_dir_all(&scratch);
    Ok(out)
}

/// Drops the comments of CSS and HTML files, and the lines left blank: they
/// explain the source to its readers (1.4 KB brotli of the first visit), not the
/// page to a browser. Nothing else changes: whitespace inside lines stays, so no
/// selector or markup can change meaning.
pub fn strip_comments(assets: Vec<Asset>) -> Vec<Asset> {
    assets
        .into_iter()
        .map(|mut asset| {
            let stripped = match (
                extension(&asset.source),
                std::str::from_utf8(&asset.content),
            ) {
                ("css", Ok(text)) => Some(drop_blank_lines(&strip_css_comments(text))),
                ("html" | "htm", Ok(text)) => Some(drop_blank_lines(&strip_html_comments(text))),
                _ => None,
            };
            if let Some(text) = stripped {
                asset.content = text.into_bytes();
            }
            asset
        })
        .collect()
}

/// `text` without `/* … */` comments; quoted strings are kept whole.
pub fn strip_css_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("/*") {
            rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]);
        } else if c == '"' || c == '\'' {
            let end = rest[1..].find(c).map_or(rest.len(), |e| e + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// `text` without `<!-- … -->` comments (the pages have no inline script or
/// style in which `<!--` could mean something else).
pub fn strip_html_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start + 4..]
            .find("-->")
            .map_or("", |end| &rest[start + 4 + end + 3..]);
    }
    out.push_str(rest);
    out
}

fn drop_blank_lines(text: &str) -> String {
    let mut out: String = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}

/// Every non-hidden file below `dir`, sorted by path, except those in
/// [`EXCLUDED_DIRS`].
pub fn collect(dir: &Path) -> Result<Vec<Asset>> {
    let mut assets = Vec::new();
    collect_into(dir, "", &mut assets)?;
    assets.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(assets)
}

fn collect_into(dir: &Path, prefix: &str, assets: &mut Vec<Asset>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            bail!("non-UTF-8 file name in {}", dir.display());
        };
        if name.starts_with('.') {
            continue;
        }
        let source = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() && EXCLUDED_DIRS.contains(&source.as_str()) {
            continue;
        }
        if path.is_dir() {
            collect_into(&path, &format!("{source}/"), assets)?;
        } else {
            let content = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            assets.push(Asset {
                path: source.clone(),
                source,
                content,
                refs: Vec::new(),
            });
        }
    }
    Ok(())
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn extension(path: &str) -> &str {
    let name = file_name(path);
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

fn is_hashed(source: &str) -> bool {
    HASHED_EXTENSIONS.contains(&extension(source)) && !KEEP_NAME.contains(&source)
}

/// How references to other files are found in a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// HTML: every whole occurrence of a file name (attribute values may be
    /// unquoted). HTML is never renamed, so a name in a comment does no harm.
    Markup,
    /// CSS: a quoted path ending in the file name, or an unquoted `url(path)`; a
    /// name in a comment is not a reference.
    Style,
    /// JS: only a `'…'` or `"…"` string that is a path ending in the file name
    /// (`"./pkg/riskscreen.js"`, `'riskscreen_bg.wasm'`, `"style.css"`); a name in
    /// a comment or in running text is not a reference. Template literals are not
    /// looked at: refer to assets with plain strings.
    Script,
}

/// The [`Syntax`] of a text file whose references are rewritten, by extension.
pub fn syntax(source: &str) -> Option<Syntax> {
    match extension(source) {
        "js" | "mjs" => Some(Syntax::Script),
        "css" => Some(Syntax::Style),
        ext if TEXT_EXTENSIONS.contains(&ext) => Some(Syntax::Markup),
        _ => None,
    }
}

/// `riskscreen.js` → `riskscreen.3f2a9c1b.js`: the first 8 hex digits of the
/// content's SHA-256 before the extension.
pub fn hashed_name(name: &str, content: &[u8]) -> String {
    let digest = Sha256::digest(content);
    let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{hash}.{ext}"),
        _ => format!("{name}.{hash}"),
    }
}

/// Renames hashed files and rewrites references (see the module doc).
pub fn hash_assets(mut assets: Vec<Asset>) -> Result<Vec<Asset>> {
    // name → index of the hashed asset with that file name
    let mut hashed: Vec<(String, usize)> = Vec::new();
    for (i, asset) in assets.iter().enumerate() {
        if is_hashed(&asset.source) {
            let name = file_name(&asset.source).to_string();
            if let Some((_, other)) = hashed.iter().find(|(n, _)| *n == name) {
                bail!(
                    "www/{} and www/{} have the same file name; references are rewritten by \
                     file name, so hashed assets need unique names",
                    assets[*other].source,
                    asset.source
                );
            }
            hashed.push((name, i));
        }
    }
    let names: Vec<&str> = hashed.iter().map(|(n, _)| n.as_str()).collect();
    // Stable-named assets of a hashed kind (the entry points).
    let stable: Vec<&str> = assets
        .iter()
        .filter(|a| KEEP_NAME.contains(&a.source.as_str()))
        .filter(|a| HASHED_EXTENSIONS.contains(&extension(&a.source)))
        .map(|a| file_name(&a.source))
        .collect();
    let mut refs_of = Vec::with_capacity(assets.len());
    for (i, asset) in assets.iter().enumerate() {
        let Some(syntax) = syntax(&asset.source) else {
            refs_of.push(Vec::new());
            continue;
        };
        let text = String::from_utf8_lossy(&asset.content);
        if is_hashed(&asset.source) {
            let own = file_name(&asset.source);
            if let Some(&k) = references(&text, &stable, syntax)
                .iter()
                .find(|&&k| stable[k] != own)
            {
                bail!(
                    "www/{} gets a content-hashed name but refers to {}, which keeps its name \
                     (KEEP_NAME): its hash would not change when {} does, so caches would keep \
                     a stale copy",
                    asset.source,
                    stable[k],
                    stable[k]
                );
            }
        }
        // A file naming itself is not a reference.
        let refs: Vec<usize> = references(&text, &names, syntax)
            .into_iter()
            .map(|k| hashed[k].1)
            .filter(|&j| j != i)
            .collect();
        refs_of.push(refs);
    }
    for (asset, refs) in assets.iter_mut().zip(refs_of) {
        asset.refs = refs;
    }

    let mut state = vec![Visit::New; assets.len()];
    for i in 0..assets.len() {
        visit(i, &mut assets, &mut state, &mut Vec::new())?;
    }
    Ok(assets)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    InProgress,
    Done,
}

fn visit(
    i: usize,
    assets: &mut [Asset],
    state: &mut [Visit],
    stack: &mut Vec<usize>,
) -> Result<()> {
    match state[i] {
        Visit::Done => return Ok(()),
        Visit::InProgress => {
            let cycle: Vec<&str> = stack.iter().map(|&k| assets[k].source.as_str()).collect();
            bail!(
                "assets refer to each other in a cycle ({} → {}), so content hashes cannot be \
                 computed",
                cycle.join(" → "),
                assets[i].source
            );
        }
        Visit::New => {}
    }
    state[i] = Visit::InProgress;
    stack.push(i);
    let refs = assets[i].refs.clone();
    for &j in &refs {
        visit(j, assets, state, stack)?;
    }
    if !refs.is_empty() {
        let renames: Vec<(String, String)> = refs
            .iter()
            .map(|&j| {
                (
                    file_name(&assets[j].source).to_string(),
                    file_name(&assets[j].path).to_string(),
                )
            })
            .collect();
        let syntax = syntax(&assets[i].source).expect("only text files have references");
        let text = String::from_utf8_lossy(&assets[i].content);
        assets[i].content = rewrite(&text, &renames, syntax).into_bytes();
    }
    if is_hashed(&assets[i].source) {
        let name = hashed_name(file_name(&assets[i].source), &assets[i].content);
        let dir = &assets[i].source[..assets[i].source.len() - file_name(&assets[i].source).len()];
        assets[i].path = format!("{dir}{name}");
    }
    stack.pop();
    state[i] = Visit::Done;
    Ok(())
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$')
}

/// Whether `name` occurs in `text` at byte `at` as a whole file name: not
/// preceded by a name character or a dot (`xboot.js`, `a.boot.js`), not
/// followed by a name character or by a dot and a name character
/// (`boot.jsx`, `boot.js.map`).
fn whole_name_at(text: &str, at: usize, name: &str) -> bool {
    if !text[at..].starts_with(name) {
        return false;
    }
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| name_char(c) || c == '.') {
        return false;
    }
    let mut after = text[at + name.len()..].chars();
    match after.next() {
        Some(c) if name_char(c) => false,
        Some('.') => !after.next().is_some_and(name_char),
        _ => true,
    }
}

/// Whether `name` at byte `at` of `text` is a reference under `syntax`: a whole
/// file name ([`whole_name_at`]), and for [`Syntax::Script`] and
/// [`Syntax::Style`] also the end of a quoted path: `'` or `"` (in CSS also
/// `url(`), then only path characters (`./pkg/`), then the name, then the same
/// quote (`)` for `url(`), or `?`, `#` starting a query or fragment.
fn reference_at(text: &str, at: usize, name: &str, syntax: Syntax) -> bool {
    if !whole_name_at(text, at, name) {
        return false;
    }
    if syntax == Syntax::Markup {
        return true;
    }
    let path_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    let before = text[..at].trim_end_matches(path_char);
    let close = match before.chars().next_back() {
        Some(q @ ('\'' | '"')) => q,
        Some('(') if syntax == Syntax::Style && before.ends_with("url(") => ')',
        _ => return false,
    };
    match text[at + name.len()..].chars().next() {
        Some(c) => c == close || c == '?' || c == '#',
        None => false,
    }
}

/// Indices of the `names` that `text` refers to (see [`Syntax`]).
pub fn references(text: &str, names: &[&str], syntax: Syntax) -> Vec<usize> {
    (0..names.len())
        .filter(|&k| {
            text.match_indices(names[k])
                .any(|(at, _)| reference_at(text, at, names[k], syntax))
        })
        .collect()
}

/// Replaces the references (see [`Syntax`]) to file names (`from` → `to`) in one
/// left-to-right pass, so a replacement is never itself rewritten again.
pub fn rewrite(text: &str, renames: &[(String, String)], syntax: Syntax) -> String {
    let mut renames: Vec<&(String, String)> = renames.iter().collect();
    renames.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    'scan: while at < text.len() {
        for (from, to) in &renames {
            if reference_at(text, at, from, syntax) {
                out.push_str(to);
                at += from.len();
                continue 'scan;
            }
        }
        let c = text[at..].chars().next().expect("at is a char boundary");
        out.push(c);
        at += c.len_utf8();
    }
    out
}

/// The JSON files `index.html` preloads (`<link rel=preload href="….json">`):
/// the questionnaire in the page's language, which `boot.js` fetches.
fn preloaded_json<'a>(assets: &'a [Asset], page: &str) -> Vec<&'a str> {
    let Some(index) = assets.iter().find(|a| a.source == page) else {
        return Vec::new();
    };
    let html = String::from_utf8_lossy(&index.content);
    let mut found = Vec::new();
    for (at, _) in html.match_indices("<link rel=\"preload\" href=\"") {
        let href = html[at + "<link rel=\"preload\" href=\"".len()..]
            .split('"')
            .next()
            .unwrap_or_default();
        if let Some(asset) = assets
            .iter()
            .find(|a| a.source == href && href.ends_with(".json"))
        {
            found.push(asset.source.as_str());
        }
    }
    found
}

/// Indices of the assets a first visit of `index.html` downloads (see
/// [`first_visit_of`]).
pub fn first_visit(assets: &[Asset]) -> BTreeSet<usize> {
    first_visit_of(assets, "index.html")
}

/// Indices of the assets a first visit of `page` downloads: what it refers to,
/// transitively, plus [`FIRST_VISIT_CORE`] (which names the helpline directory;
/// `page` in place of `index.html`) and the JSON `page` preloads (its
/// questionnaire, in its language only, and its UI strings when not English);
/// other JSON never.
pub fn first_visit_of(assets: &[Asset], page: &str) -> BTreeSet<usize> {
    let preloaded = preloaded_json(assets, page);
    let always = |source: &str| {
        source == page
            || (source != "index.html" && FIRST_VISIT_CORE.contains(&source))
            || preloaded.contains(&source)
    };
    let mut seen = BTreeSet::new();
    let mut todo: Vec<usize> = assets
        .iter()
        .enumerate()
        .filter(|(_, a)| always(&a.source))
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = todo.pop() {
        let counted = extension(&assets[i].source) != "json" || always(&assets[i].source);
        if counted && seen.insert(i) {
            todo.extend(&assets[i].refs);
        }
    }
    seen
}

/// The size gzip -9 makes of `content` (as most servers send it).
fn gzip_len(content: &[u8]) -> Result<u64> {
    Ok(crate::compress::gzip(content)?.len() as u64)
}

/// The size brotli 11 makes of `content` (as CDNs send static files).
fn brotli_len(content: &[u8]) -> Result<u64> {
    Ok(crate::compress::brotli(content)?.len() as u64)
}

/// Prints the size table (`*` marks `index.html`'s first visit); returns every
/// asset's brotli size, in the assets' order.
fn report_sizes(assets: &[Asset], first_visit: &BTreeSet<usize>) -> Result<Vec<u64>> {
    let width = assets
        .iter()
        .map(|a| a.path.len())
        .max()
        .unwrap_or(4)
        .max(4);
    println!(
        "  {:width$}  {:>10}  {:>10}  {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let (mut raw_total, mut gzip_total, mut brotli_total) = (0, 0, 0);
    let mut sizes = Vec::with_capacity(assets.len());
    for (i, asset) in assets.iter().enumerate() {
        let raw = asset.content.len() as u64;
        let gzip = gzip_len(&asset.content)?;
        let brotli = brotli_len(&asset.content)?;
        raw_total += raw;
        gzip_total += gzip;
        brotli_total += brotli;
        sizes.push(brotli);
        let mark = if first_visit.contains(&i) { '*' } else { ' ' };
        println!(
            "{mark} {:width$}  {:>10}  {:>10}  {:>10}",
            asset.path,
            format_size(raw),
            format_size(gzip),
            format_size(brotli)
        );
    }
    println!(
        "  {:width$}  {:>10}  {:>10}  {:>10}",
        "total",
        format_size(raw_total),
        format_size(gzip_total),
        format_size(brotli_total)
    );
    println!("* = downloaded on a first visit of index.html");
    Ok(sizes)
}

/// `sha384-<base64>`, the Subresource Integrity form of a file's hash.
pub fn sri_sha384(content: &[u8]) -> String {
    let digest = Sha384::digest(content);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn write_sri(assets: &[Asset], out: &Path) -> Result<()> {
    println!("\nSubresource Integrity (also in {}):", out.display());
    let mut lines = String::new();
    for asset in assets {
        if SRI_EXTENSIONS.contains(&extension(&asset.path)) {
            let line = format!("{}  {}\n", sri_sha384(&asset.content), asset.path);
            print!("  {line}");
            lines.push_str(&line);
        }
    }
    fs::write(out, lines).with_context(|| format!("writing {}", out.display()))
}

/// Fails unless every [`VERBATIM`] file of `sources` (as collected from `www/`)
/// is in `bundled` (after [`hash_assets`]) under the same path and byte for byte
/// the same: hosts pin `embed.js` with the README's `integrity` hash.
pub fn check_verbatim(sources: &[Asset], bundled: &[Asset]) -> Result<()> {
    for &name in VERBATIM {
        let Some(source) = sources.iter().find(|a| a.source == name) else {
            continue;
        };
        let Some(out) = bundled.iter().find(|a| a.source == name) else {
            bail!("www/{name} is missing from the bundle");
        };
        if out.path != source.source {
            bail!(
                "www/{name} was renamed to {} in the bundle; it must keep its name",
                out.path
            );
        }
        if out.content != source.content {
            bail!(
                "www/{name} changed in the bundle (a reference to a hashed file was rewritten); \
                 it must be byte-identical to www/{name}, since hosts pin it with the SRI hash \
                 in the README: let it refer only to files that keep their names (frame.html)"
            );
        }
    }
    Ok(())
}

/// Prints the SRI hashes of the [`ENTRY_POINTS`], apart from the full list:
/// what a host copies into its snippet.
fn print_entry_points(assets: &[Asset]) {
    println!(
        "\nEntry points for host pages (stable names; copy the hash into integrity=\"…\" \
         together with crossorigin=\"anonymous\"):"
    );
    for &name in ENTRY_POINTS {
        if let Some(asset) = assets.iter().find(|a| a.path == name) {
            println!("  {name:<16} {}", sri_sha384(&asset.content));
        }
    }
    println!(
        "  embed.js is copied unchanged from www/embed.js (README.md's snippet carries its hash).\n  \
         For the two modules the hash covers that file only, not the hashed files it imports."
    );
}

/// Human-readable size: `512 B`, `12.3 KiB`, `1.25 MiB`.
pub fn format_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    if bytes < KIB {
        format!("{bytes} B")
    } else if bytes < KIB * KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{:.2} MiB", bytes as f64 / (KIB * KIB) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(source: &str, content: &str) -> Asset {
        Asset {
            source: source.into(),
            path: source.into(),
            content: content.as_bytes().to_vec(),
            refs: Vec::new(),
        }
    }

    #[test]
    fn hashed_names_put_the_hash_before_the_extension() {
        let name = hashed_name("riskscreen_bg.wasm", b"\0asm");
        let (stem, rest) = name.split_once('.').unwrap();
        let (hash, ext) = rest.split_once('.').unwrap();
        assert_eq!((stem, ext), ("riskscreen_bg", "wasm"));
        assert_eq!(hash.len(), 8);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(name, hashed_name("riskscreen_bg.wasm", b"\0asm"));
        assert_ne!(name, hashed_name("riskscreen_bg.wasm", b"\0asm\x01"));
        // SHA-256("") starts with e3b0c442.
        assert_eq!(hashed_name("boot.js", b""), "boot.e3b0c442.js");
        assert_eq!(hashed_name("LICENSE", b""), "LICENSE.e3b0c442");
    }

    #[test]
    fn references_are_whole_file_names() {
        let names = ["boot.js", "riskscreen.js", "riskscreen_bg.wasm"];
        let text = "import x from './pkg/riskscreen.js'; new URL('riskscreen_bg.wasm', u)";
        for syntax in [Syntax::Markup, Syntax::Script] {
            assert_eq!(references(text, &names, syntax), vec![1, 2]);
        }
        for text in [
            "reboot.js",
            "a.boot.js",
            "boot.jsx",
            "boot.js.map",
            "boot-js",
            "'reboot.js'",
            "\"boot.jsx\"",
        ] {
            for syntax in [Syntax::Markup, Syntax::Script] {
                assert_eq!(
                    references(text, &names, syntax),
                    Vec::<usize>::new(),
                    "{text}"
                );
            }
        }
        assert_eq!(references("see boot.js.", &names, Syntax::Markup), vec![0]);
    }

    #[test]
    fn in_scripts_only_quoted_paths_are_references() {
        let names = ["boot.js", "options.js", "style.css"];
        for text in [
            "import { a } from \"./options.js\";",
            "import { a } from '../lib/options.js';",
            "new URL(\"options.js\", BASE)",
            "fetch('options.js?v=2')",
        ] {
            assert_eq!(references(text, &names, Syntax::Script), vec![1], "{text}");
        }
        for text in [
            "// Internal to the widget's own scripts (boot.js, frame.js)",
            "/* see options.js */",
            "// `options.js` lists them",
            "\"the options.js file\"",
            "`./options.js`",
        ] {
            assert_eq!(
                references(text, &names, Syntax::Script),
                Vec::<usize>::new(),
                "{text}"
            );
        }
        let renames = [("options.js".to_string(), "options.1234abcd.js".to_string())];
        assert_eq!(
            rewrite(
                "// options.js: the vocabulary\nimport { a } from \"./options.js\";",
                &renames,
                Syntax::Script
            ),
            "// options.js: the vocabulary\nimport { a } from \"./options.1234abcd.js\";"
        );
        let names = ["font.woff2", "widget.js"];
        let css = "/* (<risk-screen>, widget.js) */ @import \"widget.js\"; src: url(./font.woff2)";
        assert_eq!(references(css, &names, Syntax::Style), vec![0, 1]);
        let css = "/* widget.js, font.woff2, (font.woff2) */";
        assert_eq!(references(css, &names, Syntax::Style), Vec::<usize>::new());
        assert_eq!(
            rewrite(
                "<!-- options.js --><script src=options.js>",
                &renames,
                Syntax::Markup
            ),
            "<!-- options.1234abcd.js --><script src=options.1234abcd.js>"
        );
    }

    #[test]
    fn rewrites_each_occurrence_once() {
        let renames = [
            ("a.js".to_string(), "a.1234.js".to_string()),
            ("a.1234.js".to_string(), "wrong.js".to_string()),
        ];
        assert_eq!(
            rewrite(
                "<script src=\"a.js\"></script> a.js; ba.js",
                &renames,
                Syntax::Markup
            ),
            "<script src=\"a.1234.js\"></script> a.1234.js; ba.js"
        );
    }

    /// Each language's page counts its own preloads (its questionnaire and UI
    /// strings), not the English page nor the English files.
    #[test]
    fn each_page_counts_what_it_preloads() {
        let preload =
            |href: &str| format!("<link rel=\"preload\" href=\"{href}\" as=\"fetch\" crossorigin>");
        let assets = vec![
            asset(
                "index.html",
                &(preload("q/self-check.en.json") + "<script type=module src=boot.js></script>"),
            ),
            asset(
                "index.uk.html",
                &(preload("q/self-check.uk.json")
                    + &preload("ui/uk.json")
                    + "<script type=module src=boot.js></script>"),
            ),
            asset("boot.js", "// boot"),
            asset("q/helplines.json", "{}"),
            asset("q/self-check.en.json", "{}"),
            asset("q/self-check.uk.json", "{}"),
            asset("ui/pl.json", "{}"),
            asset("ui/uk.json", "{}"),
        ];
        let out = hash_assets(assets).unwrap();
        let of = |page: &str| -> Vec<&str> {
            let mut sources: Vec<&str> = first_visit_of(&out, page)
                .into_iter()
                .map(|i| out[i].source.as_str())
                .collect();
            sources.sort_unstable();
            sources
        };
        assert_eq!(
            of("index.uk.html"),
            [
                "boot.js",
                "index.uk.html",
                "q/helplines.json",
                "q/self-check.uk.json",
                "ui/uk.json"
            ]
        );
        assert_eq!(
            of("index.html"),
            [
                "boot.js",
                "index.html",
                "q/helplines.json",
                "q/self-check.en.json"
            ]
        );
    }

    #[test]
    fn hashes_bottom_up_and_rewrites_references() {
        let assets = vec![
            asset(
                "boot.js",
                "import init from './pkg/riskscreen.js'; await init();",
            ),
            asset(
                "index.html",
                "<link rel=stylesheet href=style.css><script type=module src=boot.js></script>",
            ),
            asset(
                "pkg/riskscreen.js",
                "module_or_path = new URL('riskscreen_bg.wasm', import.meta.url);",
            ),
            asset("pkg/riskscreen_bg.wasm", "\0asm"),
            asset("q/helplines.json", "{}"),
            asset("q/ilo.json", "{\"riskscreen.js\": 1}"),
            asset("style.css", "body{}"),
        ];
        let out = hash_assets(assets).unwrap();
        let by_source = |s: &str| out.iter().find(|a| a.source == s).unwrap();
        let wasm = by_source("pkg/riskscreen_bg.wasm");
        let glue = by_source("pkg/riskscreen.js");
        let boot = by_source("boot.js");
        let html = by_source("index.html");
        assert_eq!(
            wasm.path,
            format!("pkg/{}", hashed_name("riskscreen_bg.wasm", b"\0asm"))
        );
        let wasm_name = file_name(&wasm.path);
        let glue_text = String::from_utf8(glue.content.clone()).unwrap();
        assert!(glue_text.contains(&format!("new URL('{wasm_name}', import.meta.url)")));
        assert_eq!(
            glue.path,
            format!("pkg/{}", hashed_name("riskscreen.js", &glue.content))
        );
        let boot_text = String::from_utf8(boot.content.clone()).unwrap();
        assert!(boot_text.contains(&format!("'./pkg/{}'", file_name(&glue.path))));
        assert_eq!(html.path, "index.html");
        let html_text = String::from_utf8(html.content.clone()).unwrap();
        assert!(html_text.contains(&format!("src={}", boot.path)));
        assert!(html_text.contains(&format!("href={}", by_source("style.css").path)));
        // JSON is neither renamed nor rewritten.
        assert_eq!(by_source("q/ilo.json").content, b"{\"riskscreen.js\": 1}");

        let first: Vec<&str> = first_visit(&out)
            .into_iter()
            .map(|i| out[i].source.as_str())
            .collect();
        assert_eq!(
            first,
            [
                "boot.js",
                "index.html",
                "pkg/riskscreen.js",
                "pkg/riskscreen_bg.wasm",
                "q/helplines.json",
                "style.css"
            ],
            "the helpline directory counts, questionnaire JSON does not"
        );
    }

    #[test]
    fn duplicate_names_and_cycles_are_errors() {
        let dup = vec![asset("a/x.js", ""), asset("b/x.js", "")];
        assert!(hash_assets(dup).is_err());
        let cycle = vec![
            asset("a.js", "import 'b.js'"),
            asset("b.js", "import 'a.js'"),
        ];
        let error = hash_assets(cycle).unwrap_err().to_string();
        assert!(error.contains("cycle"), "{error}");
    }

    #[test]
    fn entry_points_keep_their_names_and_what_they_import_is_hashed() {
        let sources = vec![
            asset(
                "boot.js",
                "// the vocabulary in options.js\nimport { a } from \"./options.js\";",
            ),
            asset(
                "embed.js",
                "// the vocabulary of options.js, frame.js\nnew URL(\"frame.html\", w);",
            ),
            asset(
                "frame.html",
                "<link rel=stylesheet href=style.css><script type=module src=frame.js></script>",
            ),
            asset("frame.js", "import { a } from \"./options.js\";"),
            asset("index.html", "<script type=module src=boot.js></script>"),
            asset(
                "options.js",
                "// Imported by boot.js, frame.js, widget.js, risk-screen.js; hosts use embed.js",
            ),
            asset(
                "risk-screen.js",
                "import { mount } from \"./widget.js\";\nimport { b } from \"./options.js\";",
            ),
            asset("style.css", "body{}"),
            asset(
                "widget.js",
                "import { a } from \"./options.js\"; new URL(\"style.css\", BASE)",
            ),
        ];
        let out = hash_assets(sources.clone()).expect("comments make no cycle");
        check_verbatim(&sources, &out).unwrap();
        let by_source = |s: &str| out.iter().find(|a| a.source == s).unwrap();
        for name in [
            "embed.js",
            "widget.js",
            "risk-screen.js",
            "index.html",
            "frame.html",
        ] {
            assert_eq!(by_source(name).path, name, "{name} keeps its name");
        }
        for name in ["boot.js", "frame.js", "options.js", "style.css"] {
            assert_ne!(by_source(name).path, name, "{name} is hashed");
        }
        let options = file_name(&by_source("options.js").path).to_string();
        let text = |s: &str| String::from_utf8(by_source(s).content.clone()).unwrap();
        assert!(text("widget.js").contains(&format!("\"./{options}\"")));
        assert!(text("widget.js").contains(&format!("\"{}\"", by_source("style.css").path)));
        assert!(text("risk-screen.js").contains("\"./widget.js\""));
        assert!(text("risk-screen.js").contains(&format!("\"./{options}\"")));
        assert!(text("boot.js").starts_with("// the vocabulary in options.js\n"));
        assert_eq!(by_source("embed.js").content, sources[1].content);

        let first: Vec<&str> = first_visit(&out)
            .into_iter()
            .map(|i| out[i].source.as_str())
            .collect();
        assert_eq!(first, ["boot.js", "index.html", "options.js", "style.css"]);
    }

    #[test]
    fn a_hashed_file_must_not_import_a_stable_one() {
        let assets = vec![
            asset("helper.js", "import { mount } from \"./widget.js\";"),
            asset("widget.js", ""),
        ];
        let error = hash_assets(assets).unwrap_err().to_string();
        assert!(
            error.contains("helper.js") && error.contains("keeps its name"),
            "{error}"
        );
    }

    #[test]
    fn embed_js_must_come_out_unchanged() {
        let sources = vec![
            asset("embed.js", "import \"./options.js\";"),
            asset("options.js", ""),
        ];
        let out = hash_assets(sources.clone()).unwrap();
        let error = check_verbatim(&sources, &out).unwrap_err().to_string();
        assert!(error.contains("byte-identical"), "{error}");
    }

    #[test]
    fn demos_stay_out_of_the_bundle() {
        let dir = std::env::temp_dir().join(format!("riskscreen-dist-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("demo/listing")).unwrap();
        fs::create_dir_all(dir.join("q")).unwrap();
        fs::write(dir.join("index.html"), "").unwrap();
        fs::write(dir.join("demo/intake.html"), "").unwrap();
        fs::write(dir.join("demo/listing/index.html"), "").unwrap();
        fs::write(dir.join("q/demo.json"), "{}").unwrap();
        fs::write(dir.join(".hidden"), "").unwrap();
        let sources: Vec<String> = collect(&dir)
            .unwrap()
            .into_iter()
            .map(|a| a.source)
            .collect();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(sources, ["index.html", "q/demo.json"]);
    }

    fn repo() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The real `www/` (with or without the build output in `pkg/` and `q/`).
    #[test]
    fn the_real_www_bundles_with_stable_entry_points() {
        let sources = collect(&repo().join("www")).unwrap();
        assert!(
            sources.iter().all(|a| !a.source.starts_with("demo/")),
            "www/demo/ stays out of dist"
        );
        let out = hash_assets(sources.clone()).unwrap();
        check_verbatim(&sources, &out).unwrap();
        for name in [
            "embed.js",
            "widget.js",
            "risk-screen.js",
            "index.html",
            "frame.html",
        ] {
            if let Some(a) = out.iter().find(|a| a.source == name) {
                assert_eq!(a.path, name, "{name} keeps its name");
            }
        }
        let Some(options) = out.iter().find(|a| a.source == "options.js") else {
            return;
        };
        assert_ne!(options.path, "options.js");
        for (i, a) in out.iter().enumerate() {
            if ["boot.js", "frame.js", "widget.js", "risk-screen.js"].contains(&a.source.as_str()) {
                let text = String::from_utf8_lossy(&a.content);
                assert!(
                    text.contains(&format!("\"./{}\"", options.path)),
                    "{} imports the hashed options.js",
                    a.source
                );
                let index = out.iter().position(|o| o.source == "options.js").unwrap();
                assert!(a.refs.contains(&index), "{} (asset {i})", a.source);
            }
        }
        if let (Some(glue), Some(wasm)) = (
            out.iter().find(|a| a.source == "pkg/riskscreen.js"),
            out.iter()
                .position(|a| a.source == "pkg/riskscreen_bg.wasm"),
        ) {
            assert_eq!(
                glue.refs,
                [wasm],
                "the glue loads the wasm, and nothing else"
            );
        }
        let first: Vec<&str> = first_visit(&out)
            .into_iter()
            .map(|i| out[i].source.as_str())
            .collect();
        assert!(first.contains(&"options.js"), "{first:?}");
        if out.iter().any(|a| a.source == "q/self-check.en.json") {
            assert!(first.contains(&"q/self-check.en.json"), "{first:?}");
            assert!(!first.contains(&"q/self-check.json"), "{first:?}");
            assert!(!first.contains(&"q/self-check.uk.json"), "{first:?}");
        }
        assert!(!first.contains(&"embed.js"), "{first:?}");
    }

    /// The `integrity` values of README.md's `<script … src="…/embed.js" …>` tags.
    fn readme_embed_integrity(readme: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = readme;
        while let Some(start) = rest.find("<script") {
            let tag_and_more = &rest[start..];
            let end = tag_and_more.find('>').unwrap_or(tag_and_more.len());
            let tag = &tag_and_more[..end];
            if tag.contains("/embed.js\"") {
                let value = tag
                    .split_once("integrity=\"")
                    .and_then(|(_, v)| v.split_once('"'))
                    .map_or(String::new(), |(v, _)| v.to_string());
                found.push(value);
            }
            rest = &tag_and_more[end..];
        }
        found
    }

    /// Keeps the README honest: its frame-embed snippet pins today's `www/embed.js`.
    #[test]
    fn readme_snippet_carries_the_sri_of_embed_js() {
        let readme = fs::read_to_string(repo().join("README.md")).unwrap();
        let embed = fs::read(repo().join("www/embed.js")).unwrap();
        let expected = sri_sha384(&embed);
        let found = readme_embed_integrity(&readme);
        assert!(
            !found.is_empty(),
            "README.md has no <script src=\"…/embed.js\" integrity=\"…\"> snippet"
        );
        for value in found {
            assert_eq!(
                value, expected,
                "README.md's embed.js snippet has integrity=\"{value}\", but www/embed.js is \
                 {expected}. After changing www/embed.js, put the new hash in README.md \
                 (`openssl dgst -sha384 -binary www/embed.js | openssl base64 -A`, prefixed \
                 with sha384-, or the embed.js line printed by `cargo xtask dist`)"
            );
        }
    }

    #[test]
    fn readme_snippets_are_found() {
        let text = "a <script src=\"https://w.example/embed.js\"\n  integrity=\"sha384-abc\"\n  \
                    crossorigin=\"anonymous\"></script> <script type=module src=\"x.js\"></script>";
        assert_eq!(readme_embed_integrity(text), ["sha384-abc"]);
        assert_eq!(
            readme_embed_integrity("<script src=\"/embed.js\"></script>"),
            [""]
        );
    }

    #[test]
    fn sri_of_the_empty_file() {
        assert_eq!(
            sri_sha384(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }

    #[test]
    fn sizes_are_human_readable() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(1023), "1023 B");
        assert_eq!(format_size(1024), "1.0 KiB");
        assert_eq!(format_size(200 * 1024), "200.0 KiB");
        assert_eq!(format_size(12_595), "12.3 KiB");
        assert_eq!(format_size(1_310_720), "1.25 MiB");
    }

    #[test]
    fn comments_go_and_strings_and_markup_stay() {
        let css = "/* a */\n.a::before { content: \"/* not */\"; }\n\n/* b\n c */ .b{x:y}\n";
        assert_eq!(
            drop_blank_lines(&strip_css_comments(css)),
            ".a::before { content: \"/* not */\"; }\n .b{x:y}\n"
        );
        let html = "<p>a</p>\n  <!-- note\n more -->\n<p>b <!--x--> c</p>\n";
        assert_eq!(
            drop_blank_lines(&strip_html_comments(html)),
            "<p>a</p>\n<p>b  c</p>\n"
        );
    }
}
