//! The production response headers of the widget's origin, defined once.
//!
//! Everything the widget's origin serves falls into one [`Kind`] (the
//! self-check page, the frame page, the stable entry scripts, content-hashed
//! assets, JSON data, anything else), and [`widget_headers`] gives the headers
//! of a response for a kind and a status. The list of *embedders* (the origins
//! allowed to frame `frame.html`) is the one thing a deployment fills in.
//!
//! Three places use this definition, so they cannot drift apart:
//!
//! - `cargo xtask serve` ([`crate::serve`]) sends exactly these headers (the
//!   frame page's embedders are the listing demo's origin);
//! - `docs/deploying.md` holds configs for nginx, Caddy and Cloudflare Pages
//!   that are rendered here ([`nginx_conf`], [`caddyfile`],
//!   [`cloudflare_headers`]); a unit test fails when the document's copies
//!   differ (`UPDATE_EXPECT=1 cargo test -p xtask headers` rewrites them), and
//!   a model of Cloudflare's `_headers` rules checks what that file sends;
//! - the "production headers" stage of `cargo xtask test` ([`live`]) runs
//!   Debian's nginx and Caddy with the rendered configs against `dist/` and
//!   compares every response with [`widget_headers`].
//!
//! The demo *host* (`www/demo/listing/`, the embedder's page, not the widget's
//! origin) has its own set: [`host_headers`].
//!
//! This file has the definition (kinds, their headers); `configs.rs` renders
//! it for `docs/deploying.md`, `live.rs` is the test stage; `tests.rs`.

mod configs;
pub mod live;
#[cfg(test)]
mod tests;

use crate::dist::{HASHED_EXTENSIONS, KEEP_NAME};

pub use configs::{
    caddyfile, cloudflare_headers, documented_parts, header_listing, markdown_table, nginx_conf,
    update_document, Deployment, DOCUMENTED,
};

/// The widget's Content-Security-Policy without `frame-ancestors` (which
/// depends on the path: [`frame_ancestors`]). `'wasm-unsafe-eval'` lets the
/// page compile WebAssembly without allowing JavaScript `eval`; everything
/// else comes from the widget's own origin, and nothing may be posted anywhere.
pub const WIDGET_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
                              style-src 'self'; img-src 'self'; connect-src 'self'; \
                              base-uri 'none'; form-action 'none'";

/// The features `Permissions-Policy` turns off for the widget's documents and
/// everything they embed. Not listed, on purpose, because the widget uses them
/// or may: printing (`window.print`) and `tel:` links need no permission;
/// `autoplay` and speaker selection stay for a future read-aloud
/// (`speechSynthesis`); `clipboard-write` (a "copy the number" button) is
/// harmless. Only names that Debian's Chromium (which the browser tests use)
/// knows, so its console stays clean: not `web-share`, which Chromium on Linux
/// lacks and reports as an unrecognized feature.
pub const DENIED_FEATURES: &[&str] = &[
    "accelerometer",
    "browsing-topics",
    "camera",
    "clipboard-read",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "sync-xhr",
    "usb",
    "xr-spatial-tracking",
];

/// `Cache-Control` of content-hashed files: a new version has a new name, so
/// a copy may be kept for a year and never revalidated.
pub const CACHE_HASHED: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of everything with a stable name (pages, entry scripts,
/// JSON): the browser may keep a copy but asks the server (ETag or
/// Last-Modified, a `304 Not Modified` when unchanged) before each use, so a
/// new version is seen at once and an entry point never disagrees with the
/// hashed files it imports.
pub const CACHE_REVALIDATE: &str = "no-cache";

/// The frame embed's page, the only one embedders may frame.
pub const FRAME_PAGE: &str = "frame.html";

/// How many lowercase hex digits `cargo xtask dist` puts in a hashed name
/// (`riskscreen.3f2a9c1b.js`; see [`crate::dist::hashed_name`]).
pub const HASH_DIGITS: usize = 8;

/// In the configs of `docs/deploying.md`, what a deployment replaces with its
/// embedders' origins, separated by spaces.
pub const EMBEDDERS_PLACEHOLDER: &str = "EMBEDDER_ORIGINS";

/// What a path of the widget's origin is, which decides its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page other than the frame page: the self-check page
    /// (`index.html`, also served for `/`, and its copy in each language,
    /// `index.<lang>.html`; in development also the demo pages on the widget's
    /// origin). Never framed.
    Page,
    /// `frame.html`, the frame embed's page: framed by the embedders only.
    FramePage,
    /// The entry scripts whose names hosts write down (`embed.js`, `widget.js`,
    /// `risk-screen.js`: [`KEEP_NAME`]).
    EntryScript,
    /// A content-hashed JS, wasm or CSS file (`pkg/riskscreen.3f2a9c1b.js`).
    Hashed,
    /// JSON data: the compiled questionnaires and the helpline directory
    /// (`q/*.json`, which keep their names: a correction to a helpline number
    /// must reach people at once).
    Data,
    /// Anything else (`sri.txt`; in development the unhashed files of `www/`).
    Other,
}

impl Kind {
    /// Every kind, in the order of the document's table.
    pub const ALL: [Kind; 6] = [
        Kind::Page,
        Kind::FramePage,
        Kind::EntryScript,
        Kind::Hashed,
        Kind::Data,
        Kind::Other,
    ];

    /// The kind of a URL path (`/`, `/frame.html?x`, `/pkg/riskscreen.3f2a9c1b.js`)
    /// or of a file path relative to the served directory (`q/ilo.json`). A path
    /// ending in `/` (or empty) is its directory's `index.html`. Case-sensitive,
    /// like the servers' matching.
    pub fn of(path: &str) -> Kind {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_start_matches('/');
        let index;
        let path = if path.is_empty() || path.ends_with('/') {
            index = format!("{path}index.html");
            index.as_str()
        } else {
            path
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        let extension = name.rsplit_once('.').map_or("", |(_, ext)| ext);
        if path == FRAME_PAGE {
            Kind::FramePage
        } else if matches!(extension, "html" | "htm") {
            Kind::Page
        } else if KEEP_NAME.contains(&path) {
            Kind::EntryScript
        } else if is_hashed_name(name) {
            Kind::Hashed
        } else if extension == "json" {
            Kind::Data
        } else {
            Kind::Other
        }
    }

    /// `Cache-Control` of a successful response.
    pub fn cache_control(self) -> &'static str {
        match self {
            Kind::Hashed => CACHE_HASHED,
            _ => CACHE_REVALIDATE,
        }
    }

    /// What it is, for the document's table.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Page => "the self-check page `/`, `/index.html`, `/index.<lang>.html`",
            Kind::FramePage => "the frame page `/frame.html`",
            Kind::EntryScript => "the entry scripts `/embed.js`, `/widget.js`, `/risk-screen.js`",
            Kind::Hashed => "content-hashed JS, wasm, CSS (`/pkg/riskscreen.3f2a9c1b.js`)",
            Kind::Data => "questionnaires and helplines `/q/*.json`",
            Kind::Other => "anything else (`/sri.txt`)",
        }
    }
}

/// `name.<8 hex digits>.<js|mjs|wasm|css>`, the names `cargo xtask dist` gives.
pub fn is_hashed_name(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((_, hash)) = stem.rsplit_once('.') else {
        return false;
    };
    HASHED_EXTENSIONS.contains(&extension)
        && hash.len() == HASH_DIGITS
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The same test as a regular expression on a URL path, for nginx and Caddy:
/// `\.[0-9a-f]{8}\.(js|mjs|wasm|css)$`.
pub fn hashed_regex() -> String {
    format!(
        "\\.[0-9a-f]{{{HASH_DIGITS}}}\\.({})$",
        HASHED_EXTENSIONS.join("|")
    )
}

/// Whether `origin` may be listed in `frame-ancestors`: `https://host` or
/// `http://host`, with an optional `:port`, nothing after it; or `*` (any site).
pub fn is_valid_embedder(origin: &str) -> bool {
    if origin == "*" {
        return true;
    }
    let Some(rest) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = rest.split_once(':').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let port_ok = port.is_empty() && !rest.ends_with(':')
        || !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit());
    host_ok && port_ok
}

/// `frame-ancestors` of a kind: the embedders for the frame page (`'none'`
/// when there are none), `'none'` for everything else.
pub fn frame_ancestors(kind: Kind, embedders: &[String]) -> String {
    if kind == Kind::FramePage && !embedders.is_empty() {
        embedders.join(" ")
    } else {
        "'none'".to_owned()
    }
}

/// The whole CSP for a `frame-ancestors` value.
pub fn csp(frame_ancestors: &str) -> String {
    format!("{WIDGET_CSP}; frame-ancestors {frame_ancestors}")
}

/// The `Permissions-Policy` value: every [`DENIED_FEATURES`] with an empty allowlist.
pub fn permissions_policy() -> String {
    DENIED_FEATURES
        .iter()
        .map(|feature| format!("{feature}=()"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The headers sent with every response of the widget's origin, errors
/// included, apart from the CSP (whose `frame-ancestors` depends on the kind).
pub fn common_headers() -> Vec<(&'static str, String)> {
    vec![
        // The self-check page opened from another site (a link with
        // target=_blank, a window.open) keeps no handle on it, nor it on the opener.
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
        // Public static files that host pages load: the element and the API
        // fetch modules, wasm, CSS and JSON cross-origin, and an `integrity`
        // check on a cross-origin script needs CORS. No credentials are ever
        // sent or allowed (`*` forbids them), so this reveals nothing.
        ("Access-Control-Allow-Origin", "*".to_owned()),
        // Loadable by hosts that isolate themselves (COEP `require-corp`).
        ("Cross-Origin-Resource-Policy", "cross-origin".to_owned()),
        ("Permissions-Policy", permissions_policy()),
        // Neither the quick exit's neutral site nor anyone else learns the page.
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
    ]
}

/// The headers of a response of the widget's origin: the CSP and
/// [`common_headers`] on every response; `Cache-Control` on successful ones
/// only (status below 400: a `404` for a hashed name must not be kept a year).
pub fn widget_headers(
    kind: Kind,
    status: u16,
    embedders: &[String],
) -> Vec<(&'static str, String)> {
    let mut headers = vec![(
        "Content-Security-Policy",
        csp(&frame_ancestors(kind, embedders)),
    )];
    headers.extend(common_headers());
    if status < 400 {
        headers.push(("Cache-Control", kind.cache_control().to_owned()));
    }
    headers
}

/// The headers of the demo host (an embedder's page, not the widget's origin):
/// its own `csp`, the same privacy headers, no CORS, revalidated caching.
pub fn host_headers(csp: String, status: u16) -> Vec<(&'static str, String)> {
    let mut headers = vec![
        ("Content-Security-Policy", csp),
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
        ("Permissions-Policy", permissions_policy()),
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
    ];
    if status < 400 {
        headers.push(("Cache-Control", CACHE_REVALIDATE.to_owned()));
    }
    headers
}
