//! The configs and the generated parts of `docs/deploying.md`: nginx, Caddy and
//! Cloudflare Pages rendered from the header definition of the parent module,
//! the table and header listing, and [`update_document`], which puts the
//! current text of each into the document.

use super::{
    common_headers, csp, frame_ancestors, hashed_regex, Kind, CACHE_HASHED, CACHE_REVALIDATE,
    EMBEDDERS_PLACEHOLDER, FRAME_PAGE,
};
use crate::dist::{HASHED_EXTENSIONS, KEEP_NAME};

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
