//! Content-hashed names and the references that follow them: which files are
//! renamed, how a reference is found in HTML, CSS and JS ([`Syntax`]), and the
//! bottom-up renaming of [`hash_assets`] (see the parent module's doc).

use anyhow::{bail, Result};
use sha2::{Digest, Sha256};

use super::{extension, file_name, Asset, HASHED_EXTENSIONS, KEEP_NAME, TEXT_EXTENSIONS};

pub(super) fn is_hashed(source: &str) -> bool {
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
pub(super) enum Visit {
    New,
    InProgress,
    Done,
}

pub(super) fn visit(
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

pub(super) fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$')
}

/// Whether `name` occurs in `text` at byte `at` as a whole file name: not
/// preceded by a name character or a dot (`xboot.js`, `a.boot.js`), not
/// followed by a name character or by a dot and a name character
/// (`boot.jsx`, `boot.js.map`).
pub(super) fn whole_name_at(text: &str, at: usize, name: &str) -> bool {
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
pub(super) fn reference_at(text: &str, at: usize, name: &str, syntax: Syntax) -> bool {
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
