//! The browsers and WebDriver servers of the browser tests: Debian's Chromium
//! and ChromeDriver, Firefox ESR, WebKitGTK's WebDriver and Xvfb from apt, and
//! geckodriver [`GECKODRIVER_VERSION`] from crates.io.

use std::fs;
use std::path::Path;

use anyhow::{bail, Result};

use super::{
    geckodriver, CHROMEDRIVER, CHROMIUM, FIREFOX, GECKODRIVER_VERSION, WEBKIT_MINIBROWSER,
    WEBKIT_WEBDRIVER, XVFB,
};
use crate::project::{probe, run, Project};

/// Firefox ESR, WebKitGTK's WebDriver and Xvfb from apt, and geckodriver
/// [`GECKODRIVER_VERSION`] into `.tools/cargo`: what the browser tests need in
/// the engines beside Chromium. Quick when all are there.
pub fn ensure_other_engines(project: &Project) -> Result<()> {
    let debian = [FIREFOX, WEBKIT_WEBDRIVER, WEBKIT_MINIBROWSER, XVFB];
    if !debian.iter().all(|tool| Path::new(tool).is_file()) {
        println!("installing Firefox ESR, WebKitGTK's WebDriver and Xvfb from Debian (needs root)");
        run(project
            .cmd("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        run(project
            .cmd("apt-get")
            .args(["install", "-y", "firefox-esr", "webkit2gtk-driver", "xvfb"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
        for tool in debian {
            if !Path::new(tool).is_file() {
                bail!("{tool} is still missing after apt-get install");
            }
        }
    }
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    let installed = |project: &Project| {
        probe(project.cmd(geckodriver(project)).arg("--version"))
            .and_then(|v| v.lines().next().map(str::to_owned))
    };
    if installed(project).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    println!(
        "installing geckodriver {GECKODRIVER_VERSION} (--locked) into {} (a few minutes, once)",
        project.cargo_tools_root().display()
    );
    let target_dir = project.tools_dir().join("src/target-geckodriver");
    run(project
        .cargo()
        .args([
            "install",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
            "--locked",
            "--force",
        ])
        .arg("--root")
        .arg(project.cargo_tools_root())
        .arg("--target-dir")
        .arg(&target_dir))?;
    let _ = fs::remove_dir_all(&target_dir);
    let version = installed(project);
    if version.as_deref() != Some(wanted.as_str()) {
        bail!(
            "after installing, `{} --version` says {version:?}, expected {wanted:?}",
            geckodriver(project).display()
        );
    }
    Ok(())
}

pub(super) fn ensure_browser(project: &Project) -> Result<()> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    println!("installing Chromium and ChromeDriver from Debian (needs root)");
    run(project
        .cmd("apt-get")
        .arg("update")
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(project
        .cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    for tool in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(tool).is_file() {
            bail!("{tool} is still missing after apt-get install");
        }
    }
    Ok(())
}
