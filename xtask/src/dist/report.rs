//! What `cargo xtask dist` prints and writes about the bundle: each file's
//! raw, gzip and brotli size, the first visit of each page, and the
//! Subresource Integrity hashes (`dist/sri.txt`).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use base64::Engine;
use sha2::{Digest, Sha384};

use super::{extension, format_size, Asset, FIRST_VISIT_CORE, SRI_EXTENSIONS};

/// The JSON files `index.html` preloads (`<link rel=preload href="….json">`):
/// the questionnaire in the page's language, which `boot.js` fetches.
pub(super) fn preloaded_json<'a>(assets: &'a [Asset], page: &str) -> Vec<&'a str> {
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
/// transitively, plus [`FIRST_VISIT_CORE`] (`page` in place of `index.html`)
/// and the JSON `page` preloads (its questionnaire and helpline files, in its
/// language only, and its UI strings when not English); other JSON never.
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
pub(super) fn gzip_len(content: &[u8]) -> Result<u64> {
    Ok(crate::compress::gzip(content)?.len() as u64)
}

/// The size brotli 11 makes of `content` (as CDNs send static files).
pub(super) fn brotli_len(content: &[u8]) -> Result<u64> {
    Ok(crate::compress::brotli(content)?.len() as u64)
}

/// Prints the size table (`*` marks `index.html`'s first visit); returns every
/// asset's brotli size, in the assets' order.
pub(super) fn report_sizes(assets: &[Asset], first_visit: &BTreeSet<usize>) -> Result<Vec<u64>> {
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

pub(super) fn write_sri(assets: &[Asset], out: &Path) -> Result<()> {
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
