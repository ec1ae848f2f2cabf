//! The WebDriver client: chromedriver started and stopped by its process id,
//! sessions (one Chromium each) deleted by a guard, and the few commands
//! needed as plain HTTP/1.1 with JSON bodies over `std` (see the parent
//! module's "How Chromium is driven"), DevTools ones through chromedriver's
//! `goog/cdp/execute`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use super::probe::{STATE_JS, WAIT_JS};
use super::{CHROMIUM_ARGS, PAGE_TIMEOUT};

/// A chromedriver this command started, stopped (by its process id) when dropped.
#[derive(Debug)]
pub struct WebDriver {
    child: Child,
    port: u16,
}

impl WebDriver {
    /// Starts `bin --port=0` and waits for it to say which port it took.
    pub fn start(bin: &str) -> Result<WebDriver> {
        let mut child = Command::new(bin)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {bin} (`cargo xtask tools --browser`)"))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Read to the end: a full pipe would block chromedriver.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(port) = chromedriver_port(&line) {
                    let _ = tx.send(port);
                }
            }
        });
        let mut driver = WebDriver { child, port: 0 };
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(port) => driver.port = port,
            Err(_) => bail!("{bin} did not say which port it listens on"),
        }
        Ok(driver)
    }

    /// Opens a session: a new Chromium with a fresh profile.
    pub fn new_session(&self, chromium: &str) -> Result<Session<'_>> {
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:chromeOptions": { "binary": chromium, "args": CHROMIUM_ARGS },
            }}
        });
        let value = self
            .request(
                "POST",
                "/session",
                Some(&capabilities),
                Duration::from_secs(60),
            )
            .context("opening a Chromium session")?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no sessionId in {value}"))?
            .to_owned();
        Ok(Session {
            driver: self,
            browser_version: value["capabilities"]["browserVersion"]
                .as_str()
                .unwrap_or("?")
                .to_owned(),
            id,
        })
    }

    /// One WebDriver request; its `value`, or the WebDriver error as an error.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        timeout: Duration,
    ) -> Result<Value> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(timeout + Duration::from_secs(10)))?;
        stream.set_write_timeout(Some(Duration::from_secs(10)))?;
        let port = self.port;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        )?;
        let response = read_http_response(&mut stream)
            .with_context(|| format!("{method} {path}: reading chromedriver's answer"))?;
        let (status, body) = parse_http_response(&response)?;
        let json: Value = serde_json::from_slice(&body).with_context(|| {
            format!(
                "{method} {path}: not JSON: {}",
                String::from_utf8_lossy(&body)
            )
        })?;
        let value = json["value"].clone();
        if status != 200 {
            bail!(
                "{method} {path}: {status} {}: {}",
                value["error"].as_str().unwrap_or("error"),
                value["message"]
                    .as_str()
                    .unwrap_or_default()
                    .lines()
                    .next()
                    .unwrap_or_default()
            );
        }
        Ok(value)
    }
}

impl Drop for WebDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The port in chromedriver's "… started successfully on port 36417." line.
pub fn chromedriver_port(line: &str) -> Option<u16> {
    let rest = line.split("started successfully on port ").nth(1)?;
    rest.trim().trim_end_matches('.').trim().parse().ok()
}

/// Reads one HTTP/1.1 response: up to its `Content-Length`, the last chunk of
/// a chunked body, or else the end of the stream. (chromedriver answers
/// `Connection: close` but keeps the connection open, so reading to the end
/// would wait for the time-out.)
pub fn read_http_response(stream: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut response = Vec::new();
    let mut buffer = [0; 64 * 1024];
    loop {
        if http_response_complete(&response) {
            return Ok(response);
        }
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return Ok(response);
        }
        response.extend_from_slice(&buffer[..n]);
    }
}

/// Whether `response` holds a whole HTTP response (see [`read_http_response`]).
pub fn http_response_complete(response: &[u8]) -> bool {
    let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..at]).to_ascii_lowercase();
    let body = &response[at + 4..];
    for line in head.lines() {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim() {
                "content-length" => {
                    return value
                        .trim()
                        .parse::<usize>()
                        .is_ok_and(|len| body.len() >= len)
                }
                "transfer-encoding" if value.contains("chunked") => {
                    return body.ends_with(b"0\r\n\r\n")
                }
                _ => {}
            }
        }
    }
    false
}

/// `(status, body)` of a whole HTTP/1.1 response, chunked or not.
pub fn parse_http_response(response: &[u8]) -> Result<(u16, Vec<u8>)> {
    let at = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| anyhow!("an HTTP response without its end of headers"))?;
    let head = String::from_utf8_lossy(&response[..at]);
    let body = &response[at + 4..];
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow!("no status in {head:?}"))?;
    let chunked = head.lines().any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        })
    });
    if !chunked {
        return Ok((status, body.to_vec()));
    }
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let line_end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| anyhow!("a chunk without its size line"))?;
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .with_context(|| format!("chunk size {size_text:?}"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok((status, out));
        }
        if rest.len() < size {
            bail!("a chunk cut short");
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
}

/// A WebDriver session (one Chromium), deleted when dropped, which quits its
/// Chromium.
#[derive(Debug)]
pub struct Session<'a> {
    driver: &'a WebDriver,
    id: String,
    /// `browserVersion` of the session's capabilities.
    pub browser_version: String,
}

impl Session<'_> {
    /// A command on this session (`path` below `/session/{id}/`).
    pub(super) fn command(
        &self,
        method: &str,
        path: &str,
        body: &Value,
        timeout: Duration,
    ) -> Result<Value> {
        self.driver.request(
            method,
            &format!("/session/{}/{path}", self.id),
            Some(body),
            timeout,
        )
    }

    /// A DevTools protocol command on the page, through chromedriver.
    pub(super) fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.command(
            "POST",
            "goog/cdp/execute",
            &json!({ "cmd": cmd, "params": params }),
            Duration::from_secs(30),
        )
        .with_context(|| format!("DevTools {cmd}"))
    }

    /// Waits for the probe's result. A script interrupted by the page moving
    /// on to another document is run again in the new one.
    pub(super) fn wait_for_probe(&self) -> Result<Value> {
        let started = Instant::now();
        loop {
            let script = json!({ "script": WAIT_JS, "args": [] });
            match self.command("POST", "execute/async", &script, PAGE_TIMEOUT) {
                Ok(value) if value.get("error").is_some() => bail!("{}", value["error"]),
                Ok(value) => return Ok(value),
                Err(error) if started.elapsed() < PAGE_TIMEOUT => {
                    let text = format!("{error:#}");
                    let navigated = ["unload", "navigat", "context", "detached"]
                        .iter()
                        .any(|word| text.contains(word));
                    if !navigated {
                        return Err(error).context(self.state());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(error) => return Err(error).context(self.state()),
            }
        }
    }

    /// What the page shows, for an error message.
    fn state(&self) -> String {
        let script = json!({ "script": STATE_JS, "args": [] });
        match self.command("POST", "execute/sync", &script, Duration::from_secs(20)) {
            Ok(state) => format!("the page did not reach the first question: {state}"),
            Err(error) => format!("the page did not reach the first question ({error:#})"),
        }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        if let Err(error) = self
            .driver
            .request("DELETE", &path, None, Duration::from_secs(20))
        {
            eprintln!("closing the Chromium session: {error:#}");
        }
    }
}
