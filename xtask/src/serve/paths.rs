//! From a request target to a file below the served directory: which targets
//! are refused ([`resolve`], [`segments`]), the `Content-Type` of a file, and
//! the `Location` of a directory's redirect ([`directory_location`]).

use std::path::{Component, Path, PathBuf};

/// `Content-Type` for a file name, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Maps a request target (`/pkg/x.js?v=1`) to a path below `root`, or `None`
/// if it must not be served: `..` segments (also percent-encoded), hidden
/// files (`.git`), backslashes, NUL bytes, invalid UTF-8. Does not touch the
/// file system.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let mut resolved = root.to_path_buf();
    resolved.extend(segments(target)?);
    Some(resolved)
}

/// The decoded path segments of a request target, empty and `.` segments
/// dropped (`//q///x.json` → `q`, `x.json`), or `None` under the rules of
/// [`resolve`].
pub fn segments(target: &str) -> Option<Vec<String>> {
    let path = target.split(['?', '#']).next()?;
    let path = path.strip_prefix('/')?;
    let decoded = String::from_utf8(percent_decode(path)?).ok()?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        if segment.is_empty() || segment == "." {
            continue;
        }
        if segment.starts_with('.') || segment.contains(['\\', '\0']) {
            return None;
        }
        // A segment is one normal component (no `C:` prefixes or roots).
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(_)), None) => segments.push(segment.to_owned()),
            _ => return None,
        }
    }
    Some(segments)
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `Location` of the redirect from a directory without its trailing slash
/// to the directory: `/` and the resolved segments (see [`segments`]), each
/// percent-encoded, then `/`. Empty segments are gone, so it never starts with
/// `//` (a protocol-relative URL: `//evil.example/` is another site); `\` and
/// control characters are encoded (browsers read `/\` as `//`, and a CR or LF
/// would end the header).
pub fn directory_location(segments: &[String]) -> String {
    let mut location = String::from("/");
    for segment in segments {
        for byte in segment.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) {
                location.push(char::from(byte));
            } else {
                location.push_str(&format!("%{byte:02X}"));
            }
        }
        location.push('/');
    }
    location
}
