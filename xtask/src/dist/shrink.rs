//! What `cargo xtask dist` takes out of the files before hashing them:
//! JavaScript minified with terser (the [`VERBATIM`](super::VERBATIM) files
//! left alone), comments dropped from CSS and HTML.

use std::fs;

use anyhow::{bail, Context, Result};

use super::{extension, Asset, VERBATIM};
use crate::project::Project;

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

pub(super) fn drop_blank_lines(text: &str) -> String {
    let mut out: String = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    out.push('\n');
    out
}
