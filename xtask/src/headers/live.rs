//! The "production headers" stage of `cargo xtask test`: Debian's nginx and
//! Caddy serve `dist/` with the configs of `docs/deploying.md` (rendered by
//! [`super::nginx_conf`] and [`super::caddyfile`], with a loopback address and
//! two test embedders in place of the document's), and every file of the
//! bundle, `/`, the frame page with a query and a missing hashed name are
//! fetched from each. Every response must carry exactly the headers of
//! [`super::widget_headers`] for its [`super::Kind`] and status.
//!
//! The servers are Debian's packages, unpacked into `.tools/deb/` by
//! [`ensure_web_servers`]; without apt the stage is skipped. Both start in well
//! under a second, so the stage takes a few seconds (the first time, add the
//! download: about 10 MB).

use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use super::{caddyfile, nginx_conf, widget_headers, Deployment, Kind, DOCUMENTED};
use crate::project::{probe, run, Project};
use crate::test::Outcome;

/// The embedders the test configs allow (two, so that the list is tested).
pub const TEST_EMBEDDERS: &[&str] = &["https://ngo.example", "http://127.0.0.1:8081"];

/// One request and the status it must get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The request target (`/frame.html?x=1`).
    pub target: String,
    /// The expected status code.
    pub status: u16,
}

/// Debian packages unpacked by [`ensure_web_servers`].
pub const WEB_SERVER_PACKAGES: &[&str] = &["nginx", "nginx-common", "caddy"];

/// Debian's nginx and Caddy, unpacked into `.tools/deb/root` ([`ensure_web_servers`]).
#[derive(Debug, Clone)]
pub struct WebServers {
    /// The nginx binary.
    pub nginx: PathBuf,
    /// nginx's `mime.types` (from `nginx-common`).
    pub nginx_mime_types: PathBuf,
    /// The Caddy binary.
    pub caddy: PathBuf,
}

/// nginx and Caddy from Debian 12, not pinned (like Chromium): `apt-get
/// download` and `dpkg-deb -x` into `.tools/deb/`, not `apt-get install`, so
/// that no web server starts as a service on port 80 and no root is needed once
/// apt's package lists exist (else `apt-get update` runs, which needs root).
/// `None` when apt-get or dpkg-deb is missing (not Debian).
pub fn ensure_web_servers(project: &Project) -> Result<Option<WebServers>> {
    let root = project.tools_dir().join("deb/root");
    let servers = WebServers {
        nginx: root.join("usr/sbin/nginx"),
        nginx_mime_types: root.join("etc/nginx/mime.types"),
        caddy: root.join("usr/bin/caddy"),
    };
    let present =
        |s: &WebServers| s.nginx.is_file() && s.nginx_mime_types.is_file() && s.caddy.is_file();
    if present(&servers) {
        return Ok(Some(servers));
    }
    if probe(project.cmd("apt-get").arg("--version")).is_none()
        || probe(project.cmd("dpkg-deb").arg("--version")).is_none()
    {
        return Ok(None);
    }
    let debs = project.tools_dir().join("deb/packages");
    if debs.exists() {
        fs::remove_dir_all(&debs).with_context(|| format!("removing {}", debs.display()))?;
    }
    fs::create_dir_all(&debs).with_context(|| format!("creating {}", debs.display()))?;
    println!(
        "unpacking Debian's {} into {}",
        WEB_SERVER_PACKAGES.join(", "),
        root.display()
    );
    let download = || {
        let mut cmd = project.cmd("apt-get");
        // As root, apt would otherwise warn that its `_apt` user cannot write here.
        cmd.args(["-o", "APT::Sandbox::User=root", "download"])
            .args(WEB_SERVER_PACKAGES)
            .current_dir(&debs);
        run(&mut cmd)
    };
    if download().is_err() {
        run(project
            .cmd("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        download()?;
    }
    for entry in fs::read_dir(&debs)? {
        let deb = entry?.path();
        if deb.extension().is_some_and(|e| e == "deb") {
            run(project.cmd("dpkg-deb").arg("-x").arg(&deb).arg(&root))?;
        }
    }
    if !present(&servers) {
        bail!(
            "nginx or Caddy is still missing in {} after unpacking",
            root.display()
        );
    }
    Ok(Some(servers))
}

/// The stage: skipped without `dist/` or without apt.
pub fn stage(project: &Project) -> Result<Outcome> {
    let dist = project.dist();
    if !dist.join("index.html").is_file() {
        return Ok(Outcome::Skipped(format!(
            "{} has no index.html (run `cargo xtask dist`)",
            dist.display()
        )));
    }
    let Some(servers) = ensure_web_servers(project)? else {
        return Ok(Outcome::Skipped(
            "apt-get or dpkg-deb is missing: nginx and Caddy come from Debian's packages".into(),
        ));
    };
    let count = check_dir(project, &servers, &dist)?;
    println!(
        "nginx and Caddy sent the header set of xtask/src/headers.rs for all {count} requests"
    );
    Ok(Outcome::Passed)
}

/// Serves `dir` with nginx and with Caddy and compares every response of
/// [`probes`] with the definition; returns how many requests were checked.
pub fn check_dir(project: &Project, servers: &WebServers, dir: &Path) -> Result<usize> {
    let probes = probes(dir)?;
    let work = project.target_dir().join("xtask-headers");
    if work.exists() {
        fs::remove_dir_all(&work).with_context(|| format!("removing {}", work.display()))?;
    }
    fs::create_dir_all(work.join("tmp")).with_context(|| format!("creating {}", work.display()))?;
    let dir = dir
        .canonicalize()
        .with_context(|| format!("resolving {}", dir.display()))?;
    check_caddy_format(project, servers, &work)?;
    let mut problems = Vec::new();
    problems.extend(run_nginx(project, servers, &dir, &work, &probes)?);
    problems.extend(run_caddy(project, servers, &dir, &work, &probes)?);
    if !problems.is_empty() {
        bail!(
            "the servers do not send the header set of xtask/src/headers.rs with the configs of \
             docs/deploying.md:\n  {}",
            problems.join("\n  ")
        );
    }
    let _ = fs::remove_dir_all(&work);
    Ok(probes.len() * 2)
}

/// Every file below `dist` (as `/path`), `/`, the frame page with a query, and
/// a missing hashed name (404).
pub fn probes(dist: &Path) -> Result<Vec<Probe>> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.sort();
    let mut probes: Vec<Probe> = files
        .into_iter()
        .map(|target| Probe {
            target,
            status: 200,
        })
        .collect();
    for (target, status) in [
        ("/", 200),
        (
            "/frame.html?embedder=https%3A%2F%2Fngo.example&lang=uk",
            200,
        ),
        ("/missing.0a1b2c3d.js", 404),
        ("/missing.json", 404),
    ] {
        probes.push(Probe {
            target: target.to_owned(),
            status,
        });
    }
    Ok(probes)
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(format!("/{}", parts.join("/")));
        }
    }
    Ok(())
}

/// Compares one response with the definition; returns what is wrong.
pub fn compare(
    server: &str,
    probe: &Probe,
    status: u16,
    headers: &[(String, String)],
) -> Vec<String> {
    let embedders: Vec<String> = TEST_EMBEDDERS.iter().map(|s| s.to_string()).collect();
    let mut problems = Vec::new();
    let at = format!("{server} {}", probe.target);
    if status != probe.status {
        problems.push(format!("{at}: status {status}, expected {}", probe.status));
        return problems;
    }
    let expected = widget_headers(Kind::of(&probe.target), status, &embedders);
    for (name, value) in &expected {
        let sent: Vec<&str> = headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        if sent != [value.as_str()] {
            problems.push(format!("{at}: {name} is {sent:?}, expected {value:?}"));
        }
    }
    let caches = expected.iter().any(|(n, _)| *n == "Cache-Control");
    if !caches
        && headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("cache-control"))
    {
        problems.push(format!("{at}: sends Cache-Control on a {status}"));
    }
    if probe.target.ends_with(".wasm") {
        let content_type = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.as_str());
        if content_type != Some("application/wasm") {
            problems.push(format!("{at}: Content-Type {content_type:?}"));
        }
    }
    problems
}

/// A child process that is killed when dropped.
struct Running {
    child: Child,
    log: PathBuf,
}

impl Running {
    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(mut cmd: Command, log: PathBuf, port: u16) -> Result<Running> {
    let file = fs::File::create(&log).with_context(|| format!("creating {}", log.display()))?;
    cmd.stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file);
    let child = cmd
        .spawn()
        .with_context(|| format!("starting {:?}", cmd.get_program()))?;
    let mut running = Running { child, log };
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Ok(running);
        }
        if let Some(status) = running.child.try_wait()? {
            bail!(
                "{:?} exited ({status}) before listening:\n{}",
                cmd.get_program(),
                running.log()
            );
        }
        if Instant::now() > deadline {
            bail!(
                "{:?} is not listening on port {port} after 15 s:\n{}",
                cmd.get_program(),
                running.log()
            );
        }
        thread::sleep(Duration::from_millis(50));
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

/// `GET target` over HTTP/1.1 with `Connection: close`: the status and the headers.
pub fn get(port: u16, target: &str) -> Result<(u16, Vec<(String, String)>)> {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .with_context(|| format!("no status line in the response to {target}: {head:?}"))?;
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Ok((status, headers))
}

fn fetch_all(server: &str, port: u16, probes: &[Probe]) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for probe in probes {
        let (status, headers) =
            get(port, &probe.target).with_context(|| format!("{server}: GET {}", probe.target))?;
        problems.extend(compare(server, probe, status, &headers));
    }
    Ok(problems)
}

fn test_deployment<'a>(
    listen: &'a str,
    site: &'a str,
    root: &'a str,
    embedders: &'a str,
) -> Deployment<'a> {
    Deployment {
        nginx_listen: listen,
        caddy_site: site,
        root,
        embedders,
    }
}

fn run_nginx(
    project: &Project,
    servers: &WebServers,
    dist: &Path,
    work: &Path,
    probes: &[Probe],
) -> Result<Vec<String>> {
    let port = free_port()?;
    let listen = format!("    listen 127.0.0.1:{port};\n");
    let root = dist.display().to_string();
    let embedders = TEST_EMBEDDERS.join(" ");
    let site = nginx_conf(&test_deployment(&listen, "", &root, &embedders));
    let site_path = work.join("riskscreen.conf");
    fs::write(&site_path, site)?;
    let tmp = work.join("tmp");
    let main = format!(
        "daemon off;\nmaster_process off;\nworker_processes 1;\npid {work}/nginx.pid;\n\
         error_log {work}/nginx-error.log;\nevents {{ worker_connections 64; }}\nhttp {{\n    \
         include {mime};\n    default_type application/octet-stream;\n    access_log off;\n    \
         client_body_temp_path {tmp};\n    proxy_temp_path {tmp};\n    fastcgi_temp_path {tmp};\n    \
         uwsgi_temp_path {tmp};\n    scgi_temp_path {tmp};\n    include {site};\n}}\n",
        work = work.display(),
        mime = servers.nginx_mime_types.display(),
        tmp = tmp.display(),
        site = site_path.display(),
    );
    let main_path = work.join("nginx.conf");
    fs::write(&main_path, main)?;
    let mut cmd = project.cmd(&servers.nginx);
    cmd.arg("-e")
        .arg("stderr")
        .arg("-p")
        .arg(work)
        .arg("-c")
        .arg(&main_path);
    let nginx = start(cmd, work.join("nginx.log"), port)?;
    let problems = fetch_all("nginx", port, probes);
    if problems.is_err() {
        eprintln!("{}", nginx.log());
    }
    problems
}

fn run_caddy(
    project: &Project,
    servers: &WebServers,
    dist: &Path,
    work: &Path,
    probes: &[Probe],
) -> Result<Vec<String>> {
    let port = free_port()?;
    let site = format!("http://127.0.0.1:{port}");
    let root = dist.display().to_string();
    let embedders = TEST_EMBEDDERS.join(" ");
    let config = format!(
        "{{\n\tadmin off\n}}\n\n{}",
        caddyfile(&test_deployment("", &site, &root, &embedders))
    );
    let path = work.join("Caddyfile");
    fs::write(&path, config)?;
    let home = work.join("caddy-home");
    let mut cmd = project.cmd(&servers.caddy);
    cmd.args(["run", "--adapter", "caddyfile", "--config"])
        .arg(&path)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    let caddy = start(cmd, work.join("caddy.log"), port)?;
    let problems = fetch_all("Caddy", port, probes);
    if problems.is_err() {
        eprintln!("{}", caddy.log());
    }
    problems
}

/// The document's Caddyfile is as `caddy fmt` writes it.
fn check_caddy_format(project: &Project, servers: &WebServers, work: &Path) -> Result<()> {
    let text = caddyfile(&DOCUMENTED);
    let path = work.join("Caddyfile.documented");
    fs::write(&path, &text)?;
    let Some(formatted) = probe(project.cmd(&servers.caddy).arg("fmt").arg(&path)) else {
        bail!("`caddy fmt` failed on the Caddyfile of docs/deploying.md");
    };
    if formatted.trim_end() != text.trim_end() {
        bail!(
            "`caddy fmt` would change the Caddyfile of docs/deploying.md \
             (xtask/src/headers.rs, caddyfile):\n{formatted}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_responses_with_the_definition() {
        let probe = Probe {
            target: "/pkg/riskscreen.0a1b2c3d.wasm".into(),
            status: 200,
        };
        let embedders: Vec<String> = TEST_EMBEDDERS.iter().map(|s| s.to_string()).collect();
        let mut headers: Vec<(String, String)> = widget_headers(Kind::Hashed, 200, &embedders)
            .into_iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v))
            .collect();
        headers.push(("Content-Type".into(), "application/wasm".into()));
        assert!(compare("x", &probe, 200, &headers).is_empty());

        assert_eq!(compare("x", &probe, 404, &headers).len(), 1, "status");
        let mut twice = headers.clone();
        twice.push(("Referrer-Policy".into(), "no-referrer".into()));
        assert_eq!(compare("x", &probe, 200, &twice).len(), 1, "sent twice");
        let missing: Vec<_> = headers
            .iter()
            .filter(|(n, _)| n != "permissions-policy")
            .cloned()
            .collect();
        assert_eq!(compare("x", &probe, 200, &missing).len(), 1, "missing");

        let gone = Probe {
            target: "/missing.0a1b2c3d.js".into(),
            status: 404,
        };
        let errors: Vec<(String, String)> = widget_headers(Kind::Hashed, 404, &embedders)
            .into_iter()
            .map(|(n, v)| (n.to_owned(), v))
            .collect();
        assert!(compare("x", &gone, 404, &errors).is_empty());
        let mut cached = errors.clone();
        cached.push(("Cache-Control".into(), "no-cache".into()));
        assert_eq!(compare("x", &gone, 404, &cached).len(), 1, "a cached 404");
    }

    #[test]
    fn probes_every_file() {
        let root =
            std::env::temp_dir().join(format!("xtask-headers-probes-{}", std::process::id()));
        fs::create_dir_all(root.join("pkg")).unwrap();
        fs::write(root.join("index.html"), "").unwrap();
        fs::write(root.join("pkg/a.0a1b2c3d.js"), "").unwrap();
        let targets: Vec<String> = probes(&root)
            .unwrap()
            .into_iter()
            .map(|p| p.target)
            .collect();
        assert!(targets.contains(&"/index.html".to_owned()));
        assert!(targets.contains(&"/pkg/a.0a1b2c3d.js".to_owned()));
        assert!(targets.contains(&"/".to_owned()));
        fs::remove_dir_all(&root).unwrap();
    }

    /// Runs the real servers against a small bundle made up here:
    /// `cargo test -p xtask -- --ignored servers` (after `cargo xtask test` or
    /// the stage has unpacked them; it unpacks them itself otherwise).
    #[test]
    #[ignore = "downloads Debian packages the first time; the test stage runs it on dist/"]
    fn servers_send_the_definition_for_a_made_up_bundle() {
        let project = Project::locate();
        let servers = ensure_web_servers(&project)
            .unwrap()
            .expect("apt-get and dpkg-deb");
        let root =
            std::env::temp_dir().join(format!("xtask-headers-bundle-{}", std::process::id()));
        for (file, content) in [
            ("index.html", "<!doctype html>"),
            ("frame.html", "<!doctype html>"),
            ("embed.js", "x"),
            ("widget.js", "x"),
            ("risk-screen.js", "x"),
            ("boot.0a1b2c3d.js", "x"),
            ("style.1b2c3d4e.css", "x"),
            ("pkg/riskscreen.2c3d4e5f.js", "x"),
            ("pkg/riskscreen_bg.3d4e5f6a.wasm", "\0asm"),
            ("q/self-check.json", "{}"),
            ("q/helplines.json", "{}"),
            ("sri.txt", "x"),
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        let checked = check_dir(&project, &servers, &root).unwrap();
        assert!(checked > 20, "{checked}");
        fs::remove_dir_all(&root).unwrap();
    }
}
