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

use crate::dist::{HASHED_EXTENSIONS, KEEP_NAME};

pub mod live;

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

/// Where the document's configs put things; the live test renders the same
/// configs with its own values.
#[derive(Debug, Clone)]
pub struct Deployment<'a> {
    /// nginx: the lines that make the server listen (indented by four spaces).
    pub nginx_listen: &'a str,
    /// Caddy: the site address.
    pub caddy_site: &'a str,
    /// The directory holding `dist/`'s files.
    pub root: &'a str,
    /// The embedders' origins, separated by spaces ([`EMBEDDERS_PLACEHOLDER`] in the document).
    pub embedders: &'a str,
}

/// The values in `docs/deploying.md`.
pub const DOCUMENTED: Deployment<'static> = Deployment {
    nginx_listen: concat!(
        "    listen 443 ssl;\n",
        "    listen [::]:443 ssl;\n",
        "    server_name widget.example.org;\n",
        "    ssl_certificate /etc/letsencrypt/live/widget.example.org/fullchain.pem;\n",
        "    ssl_certificate_key /etc/letsencrypt/live/widget.example.org/privkey.pem;\n",
    ),
    caddy_site: "widget.example.org",
    root: "/srv/riskscreen/dist",
    embedders: EMBEDDERS_PLACEHOLDER,
};

/// The header line of every rendered config.
const GENERATED: &str =
    "From riskscreen's docs/deploying.md (generated and tested by xtask/src/headers.rs).";

/// nginx: a file for `/etc/nginx/conf.d/` (read inside the `http` block).
pub fn nginx_conf(d: &Deployment) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# The widget's origin for nginx. {GENERATED}\n\
         # Replace {EMBEDDERS_PLACEHOLDER} with the origins allowed to frame frame.html.\n\n"
    ));
    out.push_str(&format!(
        "map $uri $riskscreen_frame_ancestors {{\n    default \"'none'\";\n    /{FRAME_PAGE} \"{}\";\n}}\n\n",
        d.embedders
    ));
    out.push_str(&format!(
        "map $uri $riskscreen_cache_control {{\n    default \"{CACHE_REVALIDATE}\";\n    \"~{}\" \"{CACHE_HASHED}\";\n}}\n\n",
        hashed_regex()
    ));
    out.push_str("server {\n");
    out.push_str(d.nginx_listen);
    out.push_str(&format!(
        "\n    root {};\n    charset utf-8;\n    gzip on;\n    \
         gzip_types text/css application/javascript application/json application/wasm;\n\n",
        d.root
    ));
    out.push_str("    # On every response, errors included (`always`).\n");
    out.push_str(&format!(
        "    add_header Content-Security-Policy \"{}\" always;\n",
        csp("$riskscreen_frame_ancestors")
    ));
    for (name, value) in common_headers() {
        out.push_str(&format!("    add_header {name} \"{value}\" always;\n"));
    }
    out.push_str(
        "    # On successful responses only: a 404 must not be cached.\n    \
         add_header Cache-Control $riskscreen_cache_control;\n\n    \
         # No `location` block with an add_header of its own: nginx would drop\n    \
         # all of the above for the paths it matches.\n}\n",
    );
    out
}

/// Caddy 2: a site block for the Caddyfile (formatted as `caddy fmt` does).
pub fn caddyfile(d: &Deployment) -> String {
    let regex = hashed_regex();
    let mut out = String::new();
    out.push_str(&format!(
        "# The widget's origin for Caddy. {GENERATED}\n\
         # Replace {EMBEDDERS_PLACEHOLDER} with the origins allowed to frame frame.html.\n\
         {} {{\n\troot * {}\n\tencode zstd gzip\n\tfile_server\n\n",
        d.caddy_site, d.root
    ));
    out.push_str("\t# On every response, errors included.\n\theader {\n");
    for (name, value) in common_headers() {
        out.push_str(&format!("\t\t{name} \"{value}\"\n"));
    }
    out.push_str("\t}\n");
    out.push_str(&format!(
        "\t@frame path /{FRAME_PAGE}\n\theader @frame Content-Security-Policy \"{}\"\n\
         \t@not_frame not path /{FRAME_PAGE}\n\theader @not_frame Content-Security-Policy \"{}\"\n\n",
        csp(d.embedders),
        csp("'none'")
    ));
    out.push_str(&format!(
        "\t@hashed path_regexp {regex}\n\theader @hashed Cache-Control \"{CACHE_HASHED}\"\n\
         \t@stable not path_regexp {regex}\n\theader @stable Cache-Control \"{CACHE_REVALIDATE}\"\n\
         \t# Errors are not cached.\n\thandle_errors {{\n\t\theader -Cache-Control\n\t}}\n}}\n"
    ));
    out
}

/// Cloudflare Pages (and Workers static assets): `dist/_headers`. Every
/// matching rule applies, in file order; a header set again by a later rule
/// is joined to the first with a comma unless the later rule drops it first
/// (`! Name`). It relies on what `cargo xtask dist` guarantees: every JS,
/// wasm and CSS file but the entry scripts has a hashed name. Pages serves
/// `frame.html` at `/frame` (it redirects `/frame.html` there), so the frame
/// rule names both.
pub fn cloudflare_headers(embedders: &str) -> String {
    let mut out = format!(
        "# The widget's origin for Cloudflare Pages: save as dist/_headers. {GENERATED}\n\
         # Replace {EMBEDDERS_PLACEHOLDER} with the origins allowed to frame frame.html.\n\
         /*\n  Content-Security-Policy: {}\n",
        csp("'none'")
    );
    for (name, value) in common_headers() {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(&format!("  Cache-Control: {CACHE_REVALIDATE}\n"));
    for extension in HASHED_EXTENSIONS {
        out.push_str(&format!(
            "\n/*.{extension}\n  ! Cache-Control\n  Cache-Control: {CACHE_HASHED}\n"
        ));
    }
    for name in KEEP_NAME {
        out.push_str(&format!(
            "\n/{name}\n  ! Cache-Control\n  Cache-Control: {CACHE_REVALIDATE}\n"
        ));
    }
    let frame = FRAME_PAGE.trim_end_matches(".html");
    for path in [frame, FRAME_PAGE] {
        out.push_str(&format!(
            "\n/{path}\n  ! Content-Security-Policy\n  Content-Security-Policy: {}\n",
            csp(embedders)
        ));
    }
    out
}

/// The table of `docs/deploying.md`: per kind, `frame-ancestors` and `Cache-Control`.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| path | `frame-ancestors` in the CSP | `Cache-Control` (successful responses) |\n\
         |---|---|---|\n",
    );
    let embedders = vec![EMBEDDERS_PLACEHOLDER.to_owned()];
    for kind in Kind::ALL {
        out.push_str(&format!(
            "| {} | `{}` | `{}` |\n",
            kind.describe(),
            frame_ancestors(kind, &embedders),
            kind.cache_control()
        ));
    }
    out
}

/// The header set every response carries, as the document lists it.
pub fn header_listing() -> String {
    let mut out = format!("Content-Security-Policy: {}\n", csp("(see the table)"));
    for (name, value) in common_headers() {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out
}

/// The generated parts of `docs/deploying.md`: (marker name, fence info string, text).
/// In the document each is a fenced block right after `<!-- xtask:headers:NAME -->`,
/// or for the table (empty info string) the lines after the marker up to a blank line.
pub fn documented_parts() -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("listing", "http", header_listing()),
        ("table", "", markdown_table()),
        ("nginx", "nginx", nginx_conf(&DOCUMENTED)),
        ("caddy", "caddyfile", caddyfile(&DOCUMENTED)),
        (
            "cloudflare",
            "text",
            cloudflare_headers(EMBEDDERS_PLACEHOLDER),
        ),
    ]
}

/// The document with every generated part replaced by its current text, or an
/// error naming a missing marker.
pub fn update_document(doc: &str) -> Result<String, String> {
    let mut doc = doc.to_owned();
    for (name, info, text) in documented_parts() {
        let marker = format!("<!-- xtask:headers:{name} -->\n");
        let start = doc
            .find(&marker)
            .ok_or_else(|| format!("marker `{}` is missing", marker.trim_end()))?
            + marker.len();
        let rest = &doc[start..];
        let (end, replacement) = if info.is_empty() {
            let end = rest.find("\n\n").map_or(rest.len(), |i| i + 1);
            (end, text)
        } else {
            let open = format!("```{info}\n");
            if !rest.starts_with(&open) {
                return Err(format!(
                    "`{}` must be followed by a ```{info} block",
                    marker.trim_end()
                ));
            }
            let body = &rest[open.len()..];
            let close = if body.starts_with("```\n") {
                0
            } else {
                body.find("\n```\n").ok_or_else(|| {
                    format!("the block after `{}` is not closed", marker.trim_end())
                })? + 1
            };
            (
                open.len() + close + "```\n".len(),
                format!("{open}{text}```\n"),
            )
        };
        doc.replace_range(start..start + end, &replacement);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dist::hashed_name;
    use std::path::Path;

    fn embedders() -> Vec<String> {
        vec![
            "https://ngo.example".to_owned(),
            "http://127.0.0.1:8081".to_owned(),
        ]
    }

    fn header<'a>(headers: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn kinds_of_paths() {
        let hashed_js = hashed_name("riskscreen.js", b"x");
        let hashed_wasm = hashed_name("riskscreen_bg.wasm", b"y");
        let hashed_css = hashed_name("style.css", b"z");
        for (path, kind) in [
            ("/", Kind::Page),
            ("", Kind::Page),
            ("/index.html", Kind::Page),
            ("index.html", Kind::Page),
            ("/demo/intake.html", Kind::Page),
            ("/demo/", Kind::Page),
            ("/frame.html", Kind::FramePage),
            (
                "/frame.html?embedder=https%3A%2F%2Fa.example",
                Kind::FramePage,
            ),
            ("//frame.html", Kind::FramePage),
            ("/demo/frame.html", Kind::Page),
            ("/embed.js", Kind::EntryScript),
            ("/widget.js", Kind::EntryScript),
            ("/risk-screen.js", Kind::EntryScript),
            (&format!("/pkg/{hashed_js}"), Kind::Hashed),
            (&format!("pkg/{hashed_wasm}"), Kind::Hashed),
            (&format!("/{hashed_css}"), Kind::Hashed),
            ("/options.0a1b2c3d.mjs", Kind::Hashed),
            ("/q/self-check.json", Kind::Data),
            ("/q/helplines.json", Kind::Data),
            ("/sri.txt", Kind::Other),
            // Unhashed (the development www/) or not quite hashed.
            ("/pkg/riskscreen.js", Kind::Other),
            ("/pkg/riskscreen_bg.wasm", Kind::Other),
            ("/style.css", Kind::Other),
            ("/x.0A1B2C3D.js", Kind::Other),
            ("/x.0a1b2c3.js", Kind::Other),
            ("/x.0a1b2c3d.json", Kind::Data),
            ("/x.0a1b2c3d.txt", Kind::Other),
            ("/x.0a1b2c3d.JS", Kind::Other),
        ] {
            assert_eq!(Kind::of(path), kind, "{path}");
        }
    }

    #[test]
    fn the_frame_page_is_framed_by_the_embedders_only() {
        let frame = widget_headers(Kind::FramePage, 200, &embedders());
        let csp = header(&frame, "Content-Security-Policy").unwrap();
        assert!(
            csp.ends_with("; frame-ancestors https://ngo.example http://127.0.0.1:8081"),
            "{csp}"
        );
        assert!(csp.starts_with(WIDGET_CSP));
        // No embedders: nobody.
        let alone = widget_headers(Kind::FramePage, 200, &[]);
        assert!(header(&alone, "Content-Security-Policy")
            .unwrap()
            .ends_with("frame-ancestors 'none'"));
        // Everything else is never framed, whoever the embedders are.
        for kind in Kind::ALL.into_iter().filter(|&k| k != Kind::FramePage) {
            for status in [200, 404] {
                let headers = widget_headers(kind, status, &embedders());
                let csp = header(&headers, "Content-Security-Policy").unwrap();
                assert!(csp.ends_with("; frame-ancestors 'none'"), "{kind:?}: {csp}");
            }
        }
    }

    #[test]
    fn cache_lifetimes() {
        let cache = |kind, status| {
            header(&widget_headers(kind, status, &embedders()), "Cache-Control").map(String::from)
        };
        assert_eq!(
            cache(Kind::Hashed, 200).as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(cache(Kind::Hashed, 304).as_deref(), Some(CACHE_HASHED));
        for kind in [
            Kind::Page,
            Kind::FramePage,
            Kind::EntryScript,
            Kind::Data,
            Kind::Other,
        ] {
            assert_eq!(cache(kind, 200).as_deref(), Some("no-cache"), "{kind:?}");
            assert_eq!(cache(kind, 301).as_deref(), Some("no-cache"), "{kind:?}");
        }
        for kind in Kind::ALL {
            assert_eq!(cache(kind, 404), None, "errors are not cached: {kind:?}");
        }
    }

    #[test]
    fn every_response_carries_the_privacy_headers() {
        for kind in Kind::ALL {
            for status in [200, 301, 404, 405] {
                let headers = widget_headers(kind, status, &embedders());
                assert_eq!(header(&headers, "Referrer-Policy"), Some("no-referrer"));
                assert_eq!(header(&headers, "X-Content-Type-Options"), Some("nosniff"));
                assert_eq!(
                    header(&headers, "Cross-Origin-Opener-Policy"),
                    Some("same-origin")
                );
                assert_eq!(header(&headers, "Access-Control-Allow-Origin"), Some("*"));
                let policy = header(&headers, "Permissions-Policy").unwrap();
                for feature in ["camera", "microphone", "geolocation", "payment", "usb"] {
                    assert!(policy.contains(&format!("{feature}=()")), "{policy}");
                }
                let mut names: Vec<_> = headers
                    .iter()
                    .map(|(n, _)| n.to_ascii_lowercase())
                    .collect();
                let all = names.len();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), all, "each header once");
            }
        }
    }

    #[test]
    fn nothing_the_widget_uses_is_denied() {
        for used in ["autoplay", "speaker-selection", "clipboard-write"] {
            assert!(!DENIED_FEATURES.contains(&used), "{used}");
        }
        let mut sorted = DENIED_FEATURES.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, DENIED_FEATURES, "sorted, each once");
    }

    #[test]
    fn the_demo_host_keeps_its_own_csp() {
        let headers = host_headers("default-src 'none'".to_owned(), 200);
        assert_eq!(
            header(&headers, "Content-Security-Policy"),
            Some("default-src 'none'")
        );
        assert_eq!(header(&headers, "Referrer-Policy"), Some("no-referrer"));
        assert_eq!(header(&headers, "Access-Control-Allow-Origin"), None);
        assert_eq!(header(&headers, "Cache-Control"), Some("no-cache"));
        assert_eq!(
            header(&host_headers(String::new(), 404), "Cache-Control"),
            None
        );
    }

    #[test]
    fn embedder_origins() {
        for ok in [
            "https://ngo.example",
            "https://www.ngo.example:8443",
            "http://127.0.0.1:8081",
            "*",
        ] {
            assert!(is_valid_embedder(ok), "{ok}");
        }
        for bad in [
            "ngo.example",
            "https://ngo.example/",
            "https://ngo.example/page",
            "https://",
            "https://a.example:",
            "https://a.example:123456",
            "https://a.example; script-src *",
            "'self'",
            "https://a.example https://b.example",
            "",
        ] {
            assert!(!is_valid_embedder(bad), "{bad}");
        }
    }

    #[test]
    fn the_hashed_regex_matches_what_is_hashed() {
        assert_eq!(hashed_regex(), "\\.[0-9a-f]{8}\\.(js|mjs|wasm|css)$");
        // dist's names have exactly HASH_DIGITS lowercase hex digits.
        let name = hashed_name("riskscreen.js", b"content");
        assert!(is_hashed_name(&name), "{name}");
    }

    // ---- Cloudflare's `_headers`, as workers-sdk implements it ----------------
    //
    // A model of `parseHeaders` (packages/workers-shared/utils/configuration/
    // parseHeaders.ts) and of how the asset server applies the rules
    // (packages/pages-shared/asset-server/handler.ts, attachHeaders): rules in
    // file order; a path is a glob where `*` matches anything; for each matching
    // rule, its `! Name` lines delete the header, then each of its headers is set
    // if no earlier rule set it, else appended with ", ".

    struct Rule {
        path: String,
        set: Vec<(String, String)>,
        unset: Vec<String>,
    }

    fn parse_cloudflare(text: &str) -> Vec<Rule> {
        let mut rules: Vec<Rule> = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            assert!(line.len() <= 2000, "over Cloudflare's line limit: {line}");
            if line.starts_with('/') {
                rules.push(Rule {
                    path: line.to_owned(),
                    set: Vec::new(),
                    unset: Vec::new(),
                });
                continue;
            }
            let rule = rules.last_mut().expect("a path before headers");
            match line.split_once(':') {
                Some((name, value)) => {
                    assert!(!name.trim().contains(' '), "{line}");
                    rule.set
                        .push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                }
                None => {
                    let name = line.strip_prefix('!').expect("`Name: value` or `! Name`");
                    rule.unset.push(name.trim().to_ascii_lowercase());
                }
            }
        }
        assert!(rules.len() <= 100, "over Cloudflare's 100 rules");
        for rule in &rules {
            assert!(
                rule.path.matches('*').count() <= 1,
                "one splat: {}",
                rule.path
            );
            assert!(!rule.path.contains(':'), "no placeholders: {}", rule.path);
        }
        rules
    }

    fn glob(pattern: &str, path: &str) -> bool {
        match pattern.split_once('*') {
            None => pattern == path,
            Some((before, after)) => {
                path.len() >= before.len() + after.len()
                    && path.starts_with(before)
                    && path.ends_with(after)
            }
        }
    }

    fn apply_cloudflare(rules: &[Rule], path: &str) -> Vec<(String, String)> {
        // What Cloudflare sends before the rules (handler.ts, attachHeaders).
        let mut headers: Vec<(String, String)> = vec![
            ("access-control-allow-origin".into(), "*".into()),
            (
                "referrer-policy".into(),
                "strict-origin-when-cross-origin".into(),
            ),
            ("x-content-type-options".into(), "nosniff".into()),
            (
                "cache-control".into(),
                "public, max-age=0, must-revalidate".into(),
            ),
        ];
        let mut set_before: Vec<String> = Vec::new();
        for rule in rules.iter().filter(|r| glob(&r.path, path)) {
            headers.retain(|(n, _)| !rule.unset.contains(n));
            for (name, value) in &rule.set {
                match headers.iter_mut().find(|(n, _)| n == name) {
                    Some((_, existing)) if set_before.contains(name) => {
                        existing.push_str(", ");
                        existing.push_str(value);
                    }
                    Some((_, existing)) => *existing = value.clone(),
                    None => headers.push((name.clone(), value.clone())),
                }
                if !set_before.contains(name) {
                    set_before.push(name.clone());
                }
            }
        }
        headers
    }

    /// Where Pages serves a file of `dist/`: `x.html` at `/x`, `index.html` at its directory.
    fn pages_url(file: &str) -> String {
        match file.strip_suffix(".html") {
            Some(stem) if stem == "index" || stem.ends_with("/index") => {
                format!("/{}", stem.trim_end_matches("index"))
            }
            Some(stem) => format!("/{stem}"),
            None => format!("/{file}"),
        }
    }

    #[test]
    fn cloudflare_headers_send_the_definition() {
        let origins = embedders();
        let rules = parse_cloudflare(&cloudflare_headers(&origins.join(" ")));
        let files = [
            "index.html".to_owned(),
            "frame.html".to_owned(),
            "embed.js".to_owned(),
            "widget.js".to_owned(),
            "risk-screen.js".to_owned(),
            format!("pkg/{}", hashed_name("riskscreen.js", b"1")),
            format!("pkg/{}", hashed_name("riskscreen_bg.wasm", b"2")),
            hashed_name("options.js", b"3"),
            hashed_name("style.css", b"4"),
            hashed_name("module.mjs", b"5"),
            "q/self-check.json".to_owned(),
            "q/helplines.json".to_owned(),
            "sri.txt".to_owned(),
        ];
        let mut urls: Vec<(String, Kind)> =
            files.iter().map(|f| (pages_url(f), Kind::of(f))).collect();
        // Also where the files are without Pages' rewriting (Workers static assets
        // with html_handling "none", and the redirects' responses).
        urls.extend(files.iter().map(|f| (format!("/{f}"), Kind::of(f))));
        for (url, kind) in urls {
            let got = apply_cloudflare(&rules, &url);
            for (name, value) in widget_headers(kind, 200, &origins) {
                let sent: Vec<_> = got
                    .iter()
                    .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                    .collect();
                assert_eq!(sent.len(), 1, "{url} ({kind:?}): {name} in {got:?}");
                assert_eq!(sent[0].1, value, "{url} ({kind:?}): {name}");
            }
        }
    }

    #[test]
    fn rendered_configs_carry_the_values() {
        let nginx = nginx_conf(&DOCUMENTED);
        let caddy = caddyfile(&DOCUMENTED);
        for text in [&nginx, &caddy] {
            assert!(text.contains(&csp(EMBEDDERS_PLACEHOLDER)) || text.contains("$riskscreen"));
            assert!(text.contains(&permissions_policy()));
            assert!(text.contains(CACHE_HASHED));
            assert!(text.contains(&hashed_regex()));
        }
        assert!(caddy.contains(&csp(EMBEDDERS_PLACEHOLDER)));
        assert!(nginx.contains(&format!("/frame.html \"{EMBEDDERS_PLACEHOLDER}\";")));
        // Caddyfile indentation is tabs only.
        assert!(caddy.lines().all(|l| !l.starts_with(' ')), "{caddy}");
    }

    #[test]
    fn the_deploying_document_has_the_current_configs() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/deploying.md");
        let doc = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let updated = update_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if updated == doc {
            return;
        }
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&path, &updated).unwrap();
            return;
        }
        let first = doc
            .lines()
            .zip(updated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(doc.lines().count().min(updated.lines().count()));
        panic!(
            "{} differs from the header definition in xtask/src/headers.rs from line {}:\n  \
             document:   {:?}\n  definition: {:?}\nIf the definition is right, run \
             `UPDATE_EXPECT=1 cargo test -p xtask headers` and review the diff.",
            path.display(),
            first + 1,
            doc.lines().nth(first).unwrap_or(""),
            updated.lines().nth(first).unwrap_or("")
        );
    }

    #[test]
    fn update_document_replaces_only_the_generated_parts() {
        let doc = |old: &str| {
            let mut doc = String::from("# Title\n\nProse.\n\n");
            for (name, info, _) in documented_parts() {
                doc.push_str(&format!("<!-- xtask:headers:{name} -->\n"));
                if info.is_empty() {
                    doc.push_str(&format!("| {old} |\n|---|\n\nAfter {name}.\n\n"));
                } else {
                    doc.push_str(&format!("```{info}\n{old}```\n\nAfter {name}.\n\n"));
                }
            }
            doc
        };
        let updated = update_document(&doc("old\n")).unwrap();
        assert!(updated.starts_with("# Title\n\nProse.\n\n"));
        assert!(!updated.contains("old"), "{updated}");
        assert!(updated.contains("After nginx."));
        assert!(updated.contains(&nginx_conf(&DOCUMENTED)));
        assert_eq!(update_document(&updated).unwrap(), updated, "idempotent");
        // Empty blocks, as a new document has them, are filled in the same way.
        assert_eq!(update_document(&doc("")).unwrap(), updated);
        assert!(update_document("no markers").is_err());
    }
}
