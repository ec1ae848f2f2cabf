//! A static file server for the tests: serves `www/` plus generated pages on an
//! ephemeral loopback port, with the production Content-Security-Policy, and logs
//! every request so a test can assert which requests happened, and when.
//!
//! `std` only: one thread accepts, one thread per connection, one request per
//! connection (`Connection: close`), GET and HEAD only.
//!
//! A test can break one path on purpose ([`Server::fault`], [`Fault`]): answer
//! 404, send a truncated body, hold the response open after its first bytes (a
//! download that stalls), or answer late.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The strict policy every response carries: the widget origin's own, the one
/// `cargo xtask serve` and the production configs send (`xtask::headers`).
pub const CSP: &str = xtask::headers::WIDGET_CSP;

/// The `Referrer-Policy` every response carries unless [`Server::set_referrer_policy`] says otherwise.
pub const REFERRER_POLICY: &str = "no-referrer";

/// One logged request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// 0, 1, 2, … in the order the request lines were read.
    pub seq: usize,
    /// Time since the server started.
    pub at: Duration,
    /// `GET`, `HEAD`, `POST`, …
    pub method: String,
    /// The request target as sent, query string included.
    pub target: String,
    /// The status code answered.
    pub status: u16,
    /// The `Referer` request header, if the browser sent one.
    pub referer: Option<String>,
}

impl std::fmt::Display for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "#{} +{}ms {} {} -> {}",
            self.seq,
            self.at.as_millis(),
            self.method,
            self.target,
            self.status
        )?;
        match &self.referer {
            Some(referer) => write!(f, " (Referer: {referer})"),
            None => Ok(()),
        }
    }
}

/// What goes wrong with a path's response (see [`Server::fault`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `404 Not Found`, whatever is there.
    NotFound,
    /// The body cut to its first bytes (headers say so: a complete, short response).
    Truncate(usize),
    /// The headers (with the whole length) and the body's first bytes, then
    /// nothing: the connection is held open until the server stops.
    Stall {
        /// How many bytes of the body are sent before it stalls.
        after: usize,
    },
    /// The whole response, but only after this long.
    Delay(Duration),
}

/// A body served at a fixed path instead of a file.
#[derive(Debug, Clone)]
struct Generated {
    content_type: &'static str,
    body: Vec<u8>,
}

#[derive(Debug)]
struct Shared {
    root: PathBuf,
    started: Instant,
    log: Mutex<Vec<Request>>,
    generated: Mutex<HashMap<String, Generated>>,
    csp: Mutex<String>,
    referrer_policy: Mutex<Option<String>>,
    faults: Mutex<HashMap<String, Fault>>,
    stop: AtomicBool,
}

/// A running server; stops accepting when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Server {
    /// Starts serving `root` on `127.0.0.1:0` (a free port chosen by the OS).
    pub fn start(root: &Path) -> io::Result<Server> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            root: root.to_path_buf(),
            started: Instant::now(),
            log: Mutex::new(Vec::new()),
            generated: Mutex::new(HashMap::new()),
            csp: Mutex::new(CSP.to_owned()),
            referrer_policy: Mutex::new(Some(REFERRER_POLICY.to_owned())),
            faults: Mutex::new(HashMap::new()),
            stop: AtomicBool::new(false),
        });
        let accept_shared = Arc::clone(&shared);
        thread::Builder::new()
            .name(format!("e2e-server-{}", addr.port()))
            .spawn(move || {
                for stream in listener.incoming() {
                    if accept_shared.stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let conn_shared = Arc::clone(&accept_shared);
                    thread::spawn(move || {
                        // A browser that drops a connection is not a test failure.
                        let _ = handle(&conn_shared, stream);
                    });
                }
            })?;
        Ok(Server { addr, shared })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Serves `body` at `path` (exact match, query ignored), taking precedence over files.
    pub fn put(&self, path: &str, content_type: &'static str, body: impl Into<Vec<u8>>) {
        self.shared.generated.lock().expect("server lock").insert(
            path.to_owned(),
            Generated {
                content_type,
                body: body.into(),
            },
        );
    }

    /// Sends `csp` instead of [`CSP`] from now on (a host page's own policy).
    pub fn set_csp(&self, csp: &str) {
        *self.shared.csp.lock().expect("server lock") = csp.to_owned();
    }

    /// Sends `policy` as `Referrer-Policy` instead of [`REFERRER_POLICY`] from now
    /// on; `None` sends none (a host page that leaves the browser's default).
    pub fn set_referrer_policy(&self, policy: Option<&str>) {
        *self.shared.referrer_policy.lock().expect("server lock") = policy.map(str::to_owned);
    }

    /// Breaks the responses for `path` (exact match, query ignored) from now on.
    pub fn fault(&self, path: &str, fault: Fault) {
        self.shared
            .faults
            .lock()
            .expect("server lock")
            .insert(path.to_owned(), fault);
    }

    /// Mends every path broken by [`Server::fault`].
    pub fn clear_faults(&self) {
        self.shared.faults.lock().expect("server lock").clear();
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.log.lock().expect("server lock").clone()
    }

    /// How many requests were logged so far: a mark for [`Server::requests_since`].
    pub fn mark(&self) -> usize {
        self.shared.log.lock().expect("server lock").len()
    }

    /// The requests logged after `mark` was taken.
    pub fn requests_since(&self, mark: usize) -> Vec<Request> {
        self.shared.log.lock().expect("server lock")[mark..].to_vec()
    }

    /// The whole log, one request a line, for failure messages.
    pub fn log_text(&self) -> String {
        let log = self.requests();
        if log.is_empty() {
            return "  (no requests)".to_owned();
        }
        log.iter()
            .map(|r| format!("  {r}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

/// `Content-Type` by file extension: `cargo xtask serve`'s, as in production.
pub fn content_type(path: &str) -> &'static str {
    xtask::serve::content_type(Path::new(path))
}

/// Maps a request path to a file below `root` by `cargo xtask serve`'s rules
/// (`None` for anything that tries to leave it), a directory to its
/// `index.html`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let mut file = xtask::serve::resolve(root, path)?;
    if path.ends_with('/') {
        file.push("index.html");
    }
    Some(file)
}

fn handle(shared: &Shared, stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // a connection opened and closed without a request (preconnect)
    }
    // Drain the headers (keeping the Referer); the tests never send a body.
    let mut referer = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("referer") {
                referer = Some(value.trim().to_owned());
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("").to_owned();
    let path = target.split(['?', '#']).next().unwrap_or("").to_owned();

    let fault = shared
        .faults
        .lock()
        .expect("server lock")
        .get(&path)
        .copied();
    if let Some(Fault::Delay(delay)) = fault {
        thread::sleep(delay);
    }
    let (status, content_type, mut body): (u16, &str, Vec<u8>) = if fault == Some(Fault::NotFound) {
        (404, "text/plain; charset=utf-8", b"not found\n".to_vec())
    } else if method != "GET" && method != "HEAD" {
        (
            405,
            "text/plain; charset=utf-8",
            b"method not allowed\n".to_vec(),
        )
    } else if let Some(generated) = shared
        .generated
        .lock()
        .expect("server lock")
        .get(&path)
        .cloned()
    {
        (200, generated.content_type, generated.body)
    } else {
        match resolve(&shared.root, &path).map(|file| {
            let ctype = content_type(&file.to_string_lossy());
            (fs::read(&file), ctype)
        }) {
            Some((Ok(bytes), ctype)) => (200, ctype, bytes),
            Some((Err(_), _)) => (404, "text/plain; charset=utf-8", b"not found\n".to_vec()),
            None => (400, "text/plain; charset=utf-8", b"bad path\n".to_vec()),
        }
    };

    {
        let mut log = shared.log.lock().expect("server lock");
        let seq = log.len();
        log.push(Request {
            seq,
            at: shared.started.elapsed(),
            method: method.clone(),
            target,
            status,
            referer,
        });
    }

    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let csp = shared.csp.lock().expect("server lock").clone();
    let referrer_policy = shared
        .referrer_policy
        .lock()
        .expect("server lock")
        .as_ref()
        .map(|p| format!("Referrer-Policy: {p}\r\n"))
        .unwrap_or_default();
    if let Some(Fault::Truncate(bytes)) = fault {
        body.truncate(bytes);
    }
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\n\
         Content-Type: {content_type}\r\n\
         Content-Length: {}\r\n\
         Content-Security-Policy: {csp}\r\n\
         {referrer_policy}\
         X-Content-Type-Options: nosniff\r\n\
         Cache-Control: no-store\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )?;
    if method == "HEAD" {
        return out.flush();
    }
    if let Some(Fault::Stall { after }) = fault {
        out.write_all(&body[..after.min(body.len())])?;
        out.flush()?;
        // Held open, silent, until the server stops (or the browser gives up).
        while !shared.stop.load(Ordering::SeqCst) {
            thread::sleep(Duration::from_millis(50));
        }
        return Ok(());
    }
    out.write_all(&body)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_root() {
        let root = Path::new("/srv/www");
        assert_eq!(
            resolve(root, "/"),
            Some(PathBuf::from("/srv/www/index.html"))
        );
        assert_eq!(
            resolve(root, "/pkg/riskscreen.js"),
            Some(PathBuf::from("/srv/www/pkg/riskscreen.js"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(root, "/a/./b"), Some(PathBuf::from("/srv/www/a/b")));
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(content_type("pkg/riskscreen_bg.wasm"), "application/wasm");
        assert_eq!(content_type("pkg/riskscreen.js"), "text/javascript");
    }
}
