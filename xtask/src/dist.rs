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
//! the tab icon `favicon.svg`, `lang.js`, `boot.js` and `options.js`, the wasm-bindgen JS, the wasm, and
//! the questionnaire and the helpline directory in the page's language only,
//! `q/self-check.en.json` and `q/helplines.en.json`, which the page preloads; the other
//! languages' files are fetched when the person switches language); for
//! `index.<lang>.html` the same with its own questionnaire and helpline files and its UI
//! strings (`ui/<lang>.json`, which it preloads). (A browser that `lang.js`
//! sends from `index.html` to its language's page downloads the start of
//! `index.html` too.) Over the budget the command fails. Finally it prints
//! the Subresource Integrity hash of each JS, wasm and CSS file, writes them to
//! `dist/sri.txt` (`sha384-…  path`, one a line), and prints the hashes of the
//! entry points again, apart, as hosts need them ([`ENTRY_POINTS`]).
//!
//! This file has the steps in order ([`bundle`]) and what they share; the
//! steps themselves: `shrink.rs` (terser, comments), `hash.rs` (hashed names
//! and references), `report.rs` (sizes, first visit, SRI); `tests.rs`.

mod hash;
mod report;
mod shrink;
#[cfg(test)]
mod tests;

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::project::Project;
use crate::wasm::{self, remove_dir_if_present, Profile};

pub use hash::{hash_assets, hashed_name, references, rewrite, syntax, Syntax};
pub use report::{first_visit, first_visit_of, sri_sha384};
use report::{report_sizes, write_sri};
pub use shrink::{minify_js, strip_comments, strip_css_comments, strip_html_comments};

/// Brotli bytes the first visit of any language's page may download (175
/// KiB), **its questionnaire, helpline directory and UI strings included**:
/// 170.9 KiB for the largest page (`index.uk.html`) on 2026-12-05, once the
/// helpline directory was split per language and the wasm lost 21 KB
/// (monomorphised sorts, B-tree removals, the directory's source-only rules,
/// yew's `Classes` and the glue of stateless components; 196.8 KiB before).
/// It was 160 KiB until the hardening and the calibrated results, 188 KiB until
/// the ILO routes and the prerendered first screen, 200 KiB until then, with
/// the questionnaire left out at first (README, "Performance and size"). Issue
/// #11 aims at 120 KiB.
pub const FIRST_VISIT_BUDGET: u64 = 175 * 1024;

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
/// `index.html` is found to reference and the JSON it preloads (its
/// questionnaire and helpline files, in its language only): `favicon.svg`, the
/// tab icon the pages link (a browser fetches it once the page has loaded).
pub const FIRST_VISIT_CORE: &[&str] = &[
    "index.html",
    "favicon.svg",
    "style.css",
    "boot.js",
    "options.js",
    "pkg/riskscreen.js",
    "pkg/riskscreen_bg.wasm",
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
