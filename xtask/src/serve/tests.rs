//! The server's unit tests: paths, headers, redirects and compressed copies,
//! through real connections on loopback.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use super::*;
use crate::compress;

#[test]
fn content_types() {
    let ct = |name: &str| content_type(Path::new(name));
    assert_eq!(ct("index.html"), "text/html; charset=utf-8");
    assert_eq!(ct("pkg/riskscreen.3f2a9c1b.js"), "text/javascript");
    assert_eq!(ct("pkg/riskscreen_bg.wasm"), "application/wasm");
    assert_eq!(ct("q/ilo.json"), "application/json");
    assert_eq!(ct("style.css"), "text/css");
    assert_eq!(ct("STYLE.CSS"), "text/css");
    assert_eq!(ct("LICENSE"), "application/octet-stream");
}

#[test]
fn resolves_paths_below_the_root() {
    let root = Path::new("/srv/www");
    assert_eq!(resolve(root, "/"), Some(root.to_path_buf()));
    assert_eq!(
        resolve(root, "/pkg/riskscreen.js?v=1#x"),
        Some(root.join("pkg/riskscreen.js"))
    );
    assert_eq!(
        resolve(root, "/demo/a%20b.html"),
        Some(root.join("demo/a b.html"))
    );
    assert_eq!(resolve(root, "//q///x.json"), Some(root.join("q/x.json")));
}

#[test]
fn rejects_directory_traversal_and_hidden_files() {
    let root = Path::new("/srv/www");
    for target in [
        "/../etc/passwd",
        "/pkg/../../etc/passwd",
        "/%2e%2e/etc/passwd",
        "/%2E%2E%2Fetc%2Fpasswd",
        "/..%5c..%5cetc",
        "/.git/config",
        "/pkg/%00",
        "/%ff",
        "/%zz",
        "/%2",
        "relative",
        "",
    ] {
        assert_eq!(resolve(root, target), None, "{target}");
    }
}

fn fetch(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn serves_files_with_security_headers() {
    let root = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
    fs::create_dir_all(root.join("pkg")).unwrap();
    fs::write(root.join("index.html"), "<!doctype html>hi").unwrap();
    fs::write(root.join("pkg/w.wasm"), b"\0asm").unwrap();
    let server = serve_dir(&root, 0).unwrap().spawn();
    let addr = server.addr();

    let index = fetch(addr, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(index.starts_with("HTTP/1.1 200 OK\r\n"), "{index}");
    assert!(index.contains("Content-Type: text/html; charset=utf-8\r\n"));
    assert!(index.contains(&format!(
        "Content-Security-Policy: {}\r\n",
        headers::csp("'none'")
    )));
    assert!(index.contains("X-Content-Type-Options: nosniff\r\n"));
    assert!(index.contains("Cache-Control: no-cache\r\n"));
    assert!(index.ends_with("\r\n\r\n<!doctype html>hi"));

    let wasm = fetch(addr, "HEAD /pkg/w.wasm HTTP/1.1\r\n\r\n");
    assert!(
        wasm.contains("Content-Type: application/wasm\r\n"),
        "{wasm}"
    );
    assert!(wasm.contains("Content-Length: 4\r\n"));
    assert!(wasm.ends_with("\r\n\r\n"), "HEAD has no body");

    let missing = fetch(addr, "GET /nope.js HTTP/1.1\r\n\r\n");
    assert!(missing.starts_with("HTTP/1.1 404 "), "{missing}");
    assert!(missing.contains("Referrer-Policy: no-referrer\r\n"));

    let escape = fetch(addr, "GET /../../../etc/passwd HTTP/1.1\r\n\r\n");
    assert!(escape.starts_with("HTTP/1.1 404 "), "{escape}");

    let post = fetch(addr, "POST / HTTP/1.1\r\n\r\n");
    assert!(post.starts_with("HTTP/1.1 405 "), "{post}");

    let dir = fetch(addr, "GET /pkg HTTP/1.1\r\n\r\n");
    assert!(dir.contains("Location: /pkg/\r\n"), "{dir}");
    // Never a protocol-relative Location (`//pkg/` would be the site `pkg`).
    let dir = fetch(addr, "GET //pkg?x HTTP/1.1\r\n\r\n");
    assert!(dir.starts_with("HTTP/1.1 301 "), "{dir}");
    assert!(dir.contains("Location: /pkg/\r\n"), "{dir}");
    assert!(index.contains("Access-Control-Allow-Origin: *\r\n"));

    fs::write(
        root.join("host.html"),
        "<script src=\"__WIDGET_ORIGIN__/embed.js\"></script>",
    )
    .unwrap();
    let host = serve_demo_host(&root, 0, "http://127.0.0.1:9/")
        .unwrap()
        .spawn();
    let page = fetch(host.addr(), "GET /host.html HTTP/1.1\r\n\r\n");
    assert!(
        page.ends_with("<script src=\"http://127.0.0.1:9/embed.js\"></script>"),
        "{page}"
    );
    assert!(
        page.contains("frame-src http://127.0.0.1:9;"),
        "the host may frame the widget's origin: {page}"
    );
    assert!(!page.contains("wasm-unsafe-eval"), "{page}");
    assert!(!page.contains("Access-Control-Allow-Origin"), "{page}");
    assert!(page.contains("Referrer-Policy: no-referrer\r\n"), "{page}");
    assert!(page.contains("Cache-Control: no-cache\r\n"), "{page}");
    assert!(
        page.contains("Cross-Origin-Opener-Policy: same-origin\r\n"),
        "{page}"
    );
    host.stop();

    server.stop();
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn sends_precompressed_copies_when_asked() {
    let root = std::env::temp_dir().join(format!("xtask-serve-br-{}", std::process::id()));
    fs::create_dir_all(root.join("q")).unwrap();
    let json = "{\"a\": \"riskscreen riskscreen riskscreen riskscreen\"}";
    fs::write(root.join("index.html"), "<!doctype html>hi").unwrap();
    fs::write(root.join("q/x.json"), json).unwrap();
    let compressed = Arc::new(compress::precompress_dir(&root).unwrap());
    fs::write(root.join("late.json"), "{}").unwrap();
    let server = serve_dir(&root, 0)
        .unwrap()
        .with_compression(Arc::clone(&compressed))
        .unwrap()
        .quiet()
        .spawn();
    let get = |target: &str, accept: &str| {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        let request = format!("GET {target} HTTP/1.1\r\nAccept-Encoding: {accept}\r\n\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let at = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(response[..at + 2].to_vec()).unwrap();
        (head, response[at + 4..].to_vec())
    };
    let (head, body) = get("/q/x.json", "gzip, deflate, br, zstd");
    assert!(head.contains("\r\nContent-Encoding: br\r\n"), "{head}");
    assert!(head.contains("\r\nVary: Accept-Encoding\r\n"), "{head}");
    assert!(head.contains("\r\nCache-Control: no-cache\r\n"), "{head}");
    assert_eq!(body, compressed["q/x.json"].brotli);
    assert!(head.contains(&format!("\r\nContent-Length: {}", body.len())));
    let (head, body) = get("/", "gzip");
    assert!(head.contains("\r\nContent-Encoding: gzip\r\n"), "{head}");
    assert_eq!(body, compressed["index.html"].gzip);
    let (head, body) = get("/q/x.json", "identity");
    assert!(!head.contains("Content-Encoding"), "{head}");
    assert!(head.contains("\r\nVary: Accept-Encoding\r\n"), "{head}");
    assert_eq!(body, json.as_bytes());
    // Not precompressed (added later): sent as it is.
    let (head, body) = get("/late.json", "br");
    assert!(
        !head.contains("Content-Encoding") && !head.contains("Vary"),
        "{head}"
    );
    assert_eq!(body, b"{}");
    let (head, _) = get("/nope.json", "br");
    assert!(head.starts_with("HTTP/1.1 404 ") && !head.contains("Content-Encoding"));
    server.stop();
    assert!(serve_demo_host(&root, 0, "http://127.0.0.1:9")
        .unwrap()
        .with_compression(compressed)
        .is_err());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn directory_redirects_stay_on_the_site() {
    let location = |target: &str| directory_location(&segments(target).unwrap());
    assert_eq!(location("/pkg"), "/pkg/");
    assert_eq!(location("//demo"), "/demo/");
    assert_eq!(location("//evil.example"), "/evil.example/");
    assert_eq!(location("///evil.example//x?y"), "/evil.example/x/");
    assert_eq!(location("/%2F%2Fevil.example"), "/evil.example/");
    assert_eq!(location("/./evil.example"), "/evil.example/");
    assert_eq!(location("/a%20b"), "/a%20b/");
    assert_eq!(location("/a\tb"), "/a%09b/");
    assert_eq!(location("/a\rb"), "/a%0Db/");
    assert_eq!(location("/\u{44f}"), "/%D1%8F/");
    assert_eq!(location("/"), "/");
    for target in ["//demo", "//evil.example/", "/%2f/x", "///", "/././/x"] {
        let location = location(target);
        assert!(location.starts_with('/'), "{target}: {location}");
        assert!(!location.starts_with("//"), "{target}: {location}");
    }
    // Backslashes (which browsers read as slashes) are never served at all.
    assert_eq!(segments("/\\evil.example"), None);
    assert_eq!(segments("/%5Cevil.example"), None);
}

#[test]
fn sends_the_production_header_set() {
    let root = std::env::temp_dir().join(format!("xtask-serve-headers-{}", std::process::id()));
    fs::create_dir_all(root.join("pkg")).unwrap();
    fs::create_dir_all(root.join("q")).unwrap();
    for file in [
        "index.html",
        "frame.html",
        "embed.js",
        "pkg/riskscreen.3f2a9c1b.js",
        "pkg/riskscreen.js",
        "q/self-check.json",
        "sri.txt",
    ] {
        fs::write(root.join(file), "x").unwrap();
    }
    let embedders = vec!["http://127.0.0.1:8081".to_owned()];
    let server = serve_dir(&root, 0)
        .unwrap()
        .with_embedders(embedders.clone())
        .unwrap()
        .spawn();
    for (target, kind, status) in [
        ("/", Kind::Page, 200),
        ("/index.html", Kind::Page, 200),
        ("/frame.html?embedder=x", Kind::FramePage, 200),
        ("//frame.html", Kind::FramePage, 200),
        ("/embed.js", Kind::EntryScript, 200),
        ("/pkg/riskscreen.3f2a9c1b.js", Kind::Hashed, 200),
        ("/pkg/riskscreen.js", Kind::Other, 200),
        ("/q/self-check.json", Kind::Data, 200),
        ("/sri.txt", Kind::Other, 200),
        ("/pkg", Kind::Other, 301),
        ("/missing.0a1b2c3d.js", Kind::Hashed, 404),
    ] {
        let response = fetch(server.addr(), &format!("GET {target} HTTP/1.1\r\n\r\n"));
        let head = response.split("\r\n\r\n").next().unwrap();
        assert!(
            head.starts_with(&format!("HTTP/1.1 {status} ")),
            "{target}: {head}"
        );
        let expected = headers::widget_headers(kind, status, &embedders);
        for (name, value) in &expected {
            let line = format!("\r\n{name}: {value}");
            assert_eq!(
                head.matches(&line).count(),
                1,
                "{target}: {line:?} in {head}"
            );
        }
        let sent = head.lines().skip(1).count();
        // Content-Type, Content-Length, Connection (+ Location on a redirect).
        let own = if status == 301 { 4 } else { 3 };
        assert_eq!(sent, expected.len() + own, "{target}: nothing else: {head}");
    }
    let frame = fetch(server.addr(), "GET /frame.html HTTP/1.1\r\n\r\n");
    assert!(
        frame.contains("frame-ancestors http://127.0.0.1:8081\r\n"),
        "{frame}"
    );
    let page = fetch(server.addr(), "GET / HTTP/1.1\r\n\r\n");
    assert!(page.contains("frame-ancestors 'none'\r\n"), "{page}");
    server.stop();

    assert!(serve_dir(&root, 0)
        .unwrap()
        .with_embedders(vec!["http://a.example/path".into()])
        .is_err());
    assert!(serve_demo_host(&root, 0, "http://127.0.0.1:9")
        .unwrap()
        .with_embedders(Vec::new())
        .is_err());
    fs::remove_dir_all(&root).unwrap();
}
