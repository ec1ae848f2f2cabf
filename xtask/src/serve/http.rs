//! One connection: read the request head, find the file ([`super::paths`]),
//! swap in a precompressed copy when asked, and write the response with the
//! headers of the server's [`Role`].

use std::fs;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use super::paths::{content_type, directory_location, segments};
use super::{Role, Site, WIDGET_ORIGIN_PLACEHOLDER};
use crate::compress::{self, Encoding};
use crate::headers::Kind;

/// Largest request head accepted (request line and headers).
const MAX_HEAD: usize = 16 * 1024;

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

pub(super) fn handle(site: &Site, stream: TcpStream) -> io::Result<()> {
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
