//! A tiny static file server for `www/` (`cargo xtask serve`) and for test
//! harnesses ([`serve_dir`] then [`Server::spawn`]).
//!
//! Loopback only, GET and HEAD only, one thread per connection, one request per
//! connection (`Connection: close`). Every response, errors included, carries
//! the production headers of [`crate::headers`] (the same set that the configs
//! of `docs/deploying.md` give nginx, Caddy and Cloudflare Pages), so a page
//! that works here does not rely on a lax policy. Each request is logged to stderr as
//! `127.0.0.1:PORT "GET /path HTTP/1.1" 200 1234`.
//!
//! Two roles ([`Role`]): the widget's origin (`www/`: the self-check page, the
//! frame page, the scripts and the NGO intake demo) and a demo *host* on another
//! origin (`www/demo/listing/`, an accommodation-offer page that embeds the
//! widget through `embed.js`, so the frame is cross-origin as in production). In
//! the host's HTML, `__WIDGET_ORIGIN__` is replaced by the widget server's origin;
//! the widget server lets that host frame `frame.html` ([`Server::with_embedders`]).
//!
//! A directory asked for without its trailing slash is redirected to a
//! `Location` built from the resolved path ([`directory_location`]): never
//! `//host/…`, which a browser would take for another site.
//!
//! Two options for the benchmark (`cargo xtask bench-web`), off by default:
//! [`Server::with_compression`] sends brotli or gzip copies made beforehand
//! (as a CDN would; `cargo xtask serve` sends files as they are), and
//! [`Server::quiet`] leaves out the request log.
//!
//! Uses `std` and [`crate::compress`] only (errors are `io::Error`), so it can
//! be reused anywhere.

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::compress::{self, Encoding, Precompressed};
use crate::headers::{self, Kind};

/// How many ports after the requested one are tried when it is busy.
pub const PORT_TRIES: u16 = 20;

/// Largest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;

/// The placeholder for the widget's origin in a demo host's HTML.
pub const WIDGET_ORIGIN_PLACEHOLDER: &str = "__WIDGET_ORIGIN__";

/// What a server serves, which decides its headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The widget's own origin: [`headers::widget_headers`] (the widget CSP,
    /// CORS open to any origin, caching by kind of path).
    Widget {
        /// The origins allowed to frame `frame.html` (none: nobody).
        embedders: Vec<String>,
    },
    /// A page embedding the widget from `widget_origin` (`http://127.0.0.1:PORT`).
    DemoHost {
        /// The widget server's origin.
        widget_origin: String,
    },
}

impl Role {
    /// The demo host's CSP: what the frame embed needs and nothing more
    /// (scripts and frames from the widget's origin; no `'wasm-unsafe-eval'`).
    pub fn host_csp(widget_origin: &str) -> String {
        let w = widget_origin;
        format!(
            "default-src 'none'; script-src 'self' {w}; frame-src {w}; style-src 'self'; \
             img-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; \
             frame-ancestors 'none'"
        )
    }

    /// The headers of a response for a path of `kind` with `status`.
    pub fn headers(&self, kind: Kind, status: u16) -> Vec<(&'static str, String)> {
        match self {
            Role::Widget { embedders } => headers::widget_headers(kind, status, embedders),
            Role::DemoHost { widget_origin } => {
                headers::host_headers(Role::host_csp(widget_origin), status)
            }
        }
    }
}

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

/// A bound, not yet running server.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    site: Arc<Site>,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

/// Binds `127.0.0.1:port` to serve the directory `root` as the widget's origin;
/// if the port is busy, tries the next [`PORT_TRIES`] ones. Port 0 takes any free
/// port. Nobody may frame `frame.html` until [`Server::with_embedders`].
pub fn serve_dir(root: impl Into<PathBuf>, port: u16) -> io::Result<Server> {
    bind(
        root.into(),
        port,
        Role::Widget {
            embedders: Vec::new(),
        },
    )
}

/// Like [`serve_dir`], for a demo host page embedding the widget from `widget_origin`.
pub fn serve_demo_host(
    root: impl Into<PathBuf>,
    port: u16,
    widget_origin: &str,
) -> io::Result<Server> {
    let widget_origin = widget_origin.trim_end_matches('/').to_owned();
    bind(root.into(), port, Role::DemoHost { widget_origin })
}

fn bind(root: PathBuf, port: u16, role: Role) -> io::Result<Server> {
    let root = root.canonicalize()?;
    if !root.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a directory", root.display()),
        ));
    }
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    let mut error = None;
    for candidate in port..=last {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, candidate)) {
            Ok(listener) => {
                let addr = listener.local_addr()?;
                let stop = Arc::new(AtomicBool::new(false));
                return Ok(Server {
                    listener,
                    site: Arc::new(Site {
                        root,
                        role,
                        compressed: None,
                        log: true,
                    }),
                    addr,
                    stop,
                });
            }
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(error.unwrap_or_else(|| io::Error::from(io::ErrorKind::AddrInUse)))
}

impl Server {
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// `http://127.0.0.1:PORT` (no trailing slash), as `frame-ancestors` lists it.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The widget's origin letting `embedders` (origins such as
    /// `http://127.0.0.1:8081`) frame `frame.html`. Fails for a demo host, and
    /// for anything that is not an origin ([`headers::is_valid_embedder`]).
    pub fn with_embedders(self, embedders: Vec<String>) -> io::Result<Server> {
        let invalid = |message: String| io::Error::new(io::ErrorKind::InvalidInput, message);
        if !matches!(self.site.role, Role::Widget { .. }) {
            return Err(invalid("only the widget's origin has embedders".into()));
        }
        if let Some(bad) = embedders.iter().find(|e| !headers::is_valid_embedder(e)) {
            return Err(invalid(format!(
                "not an origin for frame-ancestors: {bad:?}"
            )));
        }
        let site = Site {
            role: Role::Widget { embedders },
            ..self.site.copy()
        };
        Ok(Server {
            site: Arc::new(site),
            ..self
        })
    }

    /// The widget's origin sending, to a request that accepts it, the brotli
    /// (else gzip) copy of a file found in `compressed` (made by
    /// [`compress::precompress_dir`] from the served directory, so that no
    /// response waits for a compressor), with `Content-Encoding` and `Vary:
    /// Accept-Encoding`. Other files go out as they are. Fails for a demo host,
    /// whose pages are rewritten when served.
    pub fn with_compression(self, compressed: Arc<Precompressed>) -> io::Result<Server> {
        if !matches!(self.site.role, Role::Widget { .. }) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "only the widget's origin serves precompressed files",
            ));
        }
        let site = Site {
            compressed: Some(compressed),
            ..self.site.copy()
        };
        Ok(Server {
            site: Arc::new(site),
            ..self
        })
    }

    /// This server without the request log on stderr.
    pub fn quiet(self) -> Server {
        let site = Site {
            log: false,
            ..self.site.copy()
        };
        Server {
            site: Arc::new(site),
            ..self
        }
    }

    /// Serves until the process ends (or [`ServerHandle::stop`] is called).
    pub fn run(self) -> io::Result<()> {
        for stream in self.listener.incoming() {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else { continue };
            let site = Arc::clone(&self.site);
            thread::spawn(move || {
                if let Err(e) = handle(&site, stream) {
                    eprintln!("serve: {e}");
                }
            });
        }
        Ok(())
    }

    /// Serves on a background thread; the handle stops it when dropped.
    pub fn spawn(self) -> ServerHandle {
        let addr = self.addr;
        let stop = Arc::clone(&self.stop);
        let thread = thread::spawn(move || self.run());
        ServerHandle {
            addr,
            stop,
            thread: Some(thread),
        }
    }
}

/// A server running on a background thread ([`Server::spawn`]).
#[derive(Debug)]
pub struct ServerHandle {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl ServerHandle {
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking `accept` so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
        let _ = thread.join();
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

struct Response {
    status: u16,
    reason: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
    /// What was asked for, which decides the headers.
    kind: Kind,
    /// The file sent, relative to the served directory (`/`-separated).
    file: Option<String>,
    /// The body's content coding, if compressed.
    encoding: Option<Encoding>,
    /// Whether the body depends on `Accept-Encoding` (a compressed copy exists).
    vary: bool,
}

impl Response {
    fn text(status: u16, reason: &'static str, kind: Kind) -> Response {
        Response {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {reason}\n").into_bytes(),
            location: None,
            kind,
            file: None,
            encoding: None,
            vary: false,
        }
    }
}

/// A served directory and its role.
#[derive(Debug)]
struct Site {
    root: PathBuf,
    role: Role,
    /// Compressed copies of its files ([`Server::with_compression`]).
    compressed: Option<Arc<Precompressed>>,
    /// Whether each request is logged to stderr.
    log: bool,
}

impl Site {
    fn copy(&self) -> Site {
        Site {
            root: self.root.clone(),
            role: self.role.clone(),
            compressed: self.compressed.clone(),
            log: self.log,
        }
    }
}

fn handle(site: &Site, stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let peer = stream.peer_addr()?;
    let mut reader = BufReader::new(stream.try_clone()?).take(MAX_HEAD as u64);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // connected and closed (such as the stop wake-up)
    }
    // Read the headers up to the blank line; only Accept-Encoding matters.
    let mut accept_encoding = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_owned();
            }
        }
    }
    let request_line = request_line.trim_end().to_string();
    let mut parts = request_line.split(' ');
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut response = match method {
        "GET" | "HEAD" => respond(site, target),
        _ => Response::text(405, "Method Not Allowed", Kind::of(target)),
    };
    compress_response(site, &accept_encoding, &mut response);
    if site.log {
        eprintln!(
            "{peer} \"{request_line}\" {} {}{}",
            response.status,
            response.body.len(),
            response
                .encoding
                .map_or(String::new(), |e| format!(" {}", e.token()))
        );
    }
    write_response(stream, method == "HEAD", &site.role, &response)
}

/// Swaps a successful response's body for its precompressed copy when the
/// site has one and the request accepts a coding of it.
fn compress_response(site: &Site, accept_encoding: &str, response: &mut Response) {
    let (Some(compressed), Some(file)) = (&site.compressed, &response.file) else {
        return;
    };
    if response.status != 200 {
        return;
    }
    // A copy made from other contents (the file changed since) is not sent.
    let Some(copy) = compressed
        .get(file.as_str())
        .filter(|copy| copy.raw == response.body.len() as u64)
    else {
        return;
    };
    response.vary = true;
    if let Some(encoding) = compress::negotiate(accept_encoding) {
        response.body = copy.body(encoding).to_vec();
        response.encoding = Some(encoding);
    }
}

fn respond(site: &Site, target: &str) -> Response {
    let mut response = respond_file(&site.root, target);
    if let Role::DemoHost { widget_origin } = &site.role {
        if response.content_type.starts_with("text/html") {
            let html = String::from_utf8_lossy(&response.body)
                .replace(WIDGET_ORIGIN_PLACEHOLDER, widget_origin);
            response.body = html.into_bytes();
        }
    }
    response
}

fn respond_file(root: &Path, target: &str) -> Response {
    let Some(segments) = segments(target) else {
        return Response::text(404, "Not Found", Kind::Other);
    };
    let mut path = root.to_path_buf();
    path.extend(&segments);
    let relative = segments.join("/");
    if path.is_dir() {
        let bare = target.split(['?', '#']).next().unwrap_or(target);
        if !bare.ends_with('/') {
            // Relative URLs in a directory's index.html need the slash.
            let mut response = Response::text(301, "Moved Permanently", Kind::of(&relative));
            response.location = Some(directory_location(&segments));
            return response;
        }
        let index = if relative.is_empty() {
            "index.html".to_owned()
        } else {
            format!("{relative}/index.html")
        };
        return serve_file(
            root,
            &path.join("index.html"),
            Kind::of(&format!("{relative}/")),
            index,
        );
    }
    let kind = Kind::of(&relative);
    serve_file(root, &path, kind, relative)
}

fn serve_file(root: &Path, path: &Path, kind: Kind, relative: String) -> Response {
    // Symbolic links must not lead out of the served directory.
    let inside = path.canonicalize().is_ok_and(|real| real.starts_with(root));
    match fs::read(path) {
        Ok(body) if inside && path.is_file() => Response {
            status: 200,
            reason: "OK",
            content_type: content_type(path),
            body,
            location: None,
            kind,
            file: Some(relative),
            encoding: None,
            vary: false,
        },
        _ => Response::text(404, "Not Found", kind),
    }
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

fn write_response(
    mut stream: TcpStream,
    head_only: bool,
    role: &Role,
    response: &Response,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        response.reason,
        response.content_type,
        response.body.len()
    );
    if response.status == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    if let Some(location) = &response.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    if let Some(encoding) = response.encoding {
        head.push_str(&format!("Content-Encoding: {}\r\n", encoding.token()));
    }
    if response.vary {
        head.push_str("Vary: Accept-Encoding\r\n");
    }
    for (name, value) in role.headers(response.kind, response.status) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
