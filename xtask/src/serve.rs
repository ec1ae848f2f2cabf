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
//!
//! This file has the roles and the server's life (binding, threads, stopping);
//! `paths.rs` maps request targets to files, `http.rs` reads a request and
//! writes its response; `tests.rs`.

mod http;
mod paths;
#[cfg(test)]
mod tests;

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use crate::compress::Precompressed;
use crate::headers::{self, Kind};

pub use paths::{content_type, directory_location, resolve, segments};

/// How many ports after the requested one are tried when it is busy.
pub const PORT_TRIES: u16 = 20;

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
    /// [`crate::compress::precompress_dir`] from the served directory, so that no
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
                if let Err(e) = http::handle(&site, stream) {
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
