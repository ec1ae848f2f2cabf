//! The header definition's unit tests: kinds of path, the headers of each, a
//! model of Cloudflare's `_headers` rules, and the configs of `docs/deploying.md`.

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
    let mut urls: Vec<(String, Kind)> = files.iter().map(|f| (pages_url(f), Kind::of(f))).collect();
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
