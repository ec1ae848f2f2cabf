//! Starting and stopping the WebDriver server of each engine (chromedriver,
//! geckodriver, WebKitWebDriver with its Xvfb), and the [`Driver`] guard whose
//! `Drop` cleans up with plain blocking IO, so it works even while a test unwinds.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::engine::Engine;

/// A WebDriver server this test started (and, for WebKit, the Xvfb its
/// browser draws on), and the session opened on it.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    /// Xvfb for WebKit; killed after the driver.
    display: Option<Child>,
    /// Firefox's profile directory; removed after the driver is killed. Set by
    /// the test runner, which makes the profile once the driver runs.
    pub(super) profile: Option<PathBuf>,
    port: u16,
    /// The session opened on this driver, deleted by `Drop` unless the test
    /// runner closed it already (then it sets this back to `None`).
    pub(super) session: Option<String>,
}

impl Driver {
    /// Starts chromedriver on a port it picks (`--port=0`) and waits for it to say which.
    pub fn start() -> Driver {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let mut child = Command::new(&bin)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin}: {e} (`cargo xtask test` installs chromium-driver)")
            });
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Keep reading to the end: a full pipe would block chromedriver.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("started successfully on port ").nth(1) {
                    let port = rest.trim_end_matches('.').trim().parse::<u16>();
                    let _ = tx.send(port);
                }
            }
        });
        let mut driver = Driver {
            child,
            display: None,
            profile: None,
            port: 0,
            session: None,
        };
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(Ok(port)) => driver.port = port,
            other => panic!("chromedriver did not report its port: {other:?}"),
        }
        driver
    }

    /// Starts the WebDriver server of `engine` (Chromium: [`Driver::start`]);
    /// `env` goes to the driver, and so to the browser it starts.
    pub fn start_for(engine: Engine, env: &[(String, String)]) -> Driver {
        match engine {
            Engine::Chromium => Driver::start(),
            Engine::Firefox => {
                let bin = geckodriver_bin();
                let port = free_port();
                let mut cmd = Command::new(&bin);
                cmd.args(["--host", "127.0.0.1", "--port", &port.to_string()])
                    .args(["--log", "fatal"]);
                Driver::spawn_and_wait(cmd, &bin, port, None, env)
            }
            Engine::Webkit => {
                let bin = std::env::var("WEBKIT_WEBDRIVER")
                    .unwrap_or_else(|_| "/usr/bin/WebKitWebDriver".into());
                let (xvfb, display) = start_xvfb();
                let port = free_port();
                let mut cmd = Command::new(&bin);
                cmd.arg(format!("--port={port}"))
                    .env("DISPLAY", format!(":{display}"))
                    // No accessibility bus, no GPU process fighting for the 2 cores.
                    .env("NO_AT_BRIDGE", "1")
                    .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
                Driver::spawn_and_wait(cmd, &bin, port, Some(xvfb), env)
            }
        }
    }

    /// Spawns `cmd` (a driver told to listen on `port`) and waits until it
    /// answers `GET /status`.
    fn spawn_and_wait(
        mut cmd: Command,
        bin: &str,
        port: u16,
        display: Option<Child>,
        env: &[(String, String)],
    ) -> Driver {
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {bin}: {e} (`cargo xtask test` installs it; see \
                     tests/e2e/src/engine.rs)"
                )
            });
        let mut driver = Driver {
            child,
            display,
            profile: None,
            port,
            session: None,
        };
        let started = Instant::now();
        loop {
            if status_ok(port) {
                return driver;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("{bin} exited before it listened on port {port}: {status}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{bin} did not answer on port {port} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            delete_session_blocking(self.port, &session);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(mut xvfb) = self.display.take() {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
        if let Some(profile) = self.profile.take() {
            let _ = std::fs::remove_dir_all(profile);
        }
    }
}

/// geckodriver: `GECKODRIVER`, else the pinned one in `.tools/cargo/bin` (where
/// `cargo xtask test` installs it), else `geckodriver` on `PATH`.
fn geckodriver_bin() -> String {
    if let Ok(bin) = std::env::var("GECKODRIVER") {
        return bin;
    }
    let pinned = crate::repo_root().join(".tools/cargo/bin/geckodriver");
    if pinned.is_file() {
        return pinned.display().to_string();
    }
    "geckodriver".into()
}

/// A loopback port nothing listens on now (the driver is told to take it).
fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Whether a WebDriver server answers `GET /status` on `port` with 200.
fn status_ok(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200")
}

/// Starts an Xvfb on a display number it picks itself (`-displayfd`), for
/// WebKitGTK's MiniBrowser, which hangs without a display. Returns the process
/// and the display number.
fn start_xvfb() -> (Child, u32) {
    let bin = std::env::var("XVFB").unwrap_or_else(|_| "Xvfb".into());
    let mut child = Command::new(&bin)
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin}: {e} (`cargo xtask test` installs xvfb for WebKit)")
        });
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        if let Some(Ok(line)) = lines.next() {
            let _ = tx.send(line.trim().parse::<u32>());
        }
        // Keep reading to the end.
        for _ in lines {}
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Ok(display)) => (child, display),
        other => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{bin} did not report its display number: {other:?}")
        }
    }
}

/// `DELETE /session/{id}` with plain blocking IO (usable in `Drop`): chromedriver
/// then quits the Chromium it started.
fn delete_session_blocking(port: u16, session: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
    let request = format!(
        "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let mut sink = Vec::new();
        let _ = stream.read_to_end(&mut sink);
    }
}
