//! One page load and what it yields: the page's server ([`Site`], brotli copies
//! made beforehand), the throttling and the probe set up through DevTools, and
//! the probe's result read into a [`Sample`] whose bytes are counted from the
//! served files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, Context, Result};
use serde_json::{json, Value};

use super::probe::probe_script;
use super::webdriver::Session;
use super::{Bytes, Conditions, Sample, PAGE_TIMEOUT, VIEWPORT};
use crate::compress::{self, Precompressed};
use crate::serve;

/// A page and the server that serves it.
pub(super) struct Site {
    pub(super) name: &'static str,
    root: PathBuf,
    compressed: Arc<Precompressed>,
    server: serve::ServerHandle,
    /// The page's path below the server's root URL.
    page: &'static str,
}

impl Site {
    pub(super) fn serve(name: &'static str, root: &Path, page: &'static str) -> Result<Site> {
        let root = root
            .canonicalize()
            .with_context(|| format!("{}", root.display()))?;
        let compressed = Arc::new(
            compress::precompress_dir(&root)
                .with_context(|| format!("compressing {}", root.display()))?,
        );
        let server = serve::serve_dir(&root, 0)
            .and_then(|s| s.with_compression(Arc::clone(&compressed)))
            .with_context(|| format!("serving {}", root.display()))?
            .quiet()
            .spawn();
        Ok(Site {
            name,
            root,
            compressed,
            server,
            page,
        })
    }

    fn url(&self) -> String {
        format!("{}{}", self.server.url(), self.page)
    }

    /// The bytes of the responses `resources` lists (the probe's entries) that
    /// came from this site.
    fn bytes(&self, resources: &[Resource]) -> Result<Bytes> {
        let origin = self.server.origin();
        let mut bytes = Bytes::default();
        for resource in resources {
            let ok = (200..300).contains(&resource.status)
                || (resource.status == 0 && resource.decoded > 0);
            if !ok {
                eprintln!("  (not counted: {} {})", resource.status, resource.url);
                continue;
            }
            let Some(target) = resource.url.strip_prefix(&origin) else {
                eprintln!("  (not counted, another origin: {})", resource.url);
                continue;
            };
            let relative = relative_file(&self.root, target)
                .ok_or_else(|| anyhow!("{} is no file of {}", target, self.root.display()))?;
            let (raw, gzip, brotli) = match self.compressed.get(&relative) {
                Some(c) => (c.raw, c.gzip.len() as u64, c.brotli.len() as u64),
                None => {
                    // Not compressible (an image): sent as it is.
                    let raw = std::fs::metadata(self.root.join(&relative))?.len();
                    (raw, raw, raw)
                }
            };
            bytes.raw += raw;
            bytes.gzip += gzip;
            bytes.brotli += brotli;
            bytes.files += 1;
        }
        Ok(bytes)
    }
}

/// The file below `root` a request target names (`/` → `index.html`), as a
/// `/`-separated relative path, or `None`.
pub fn relative_file(root: &Path, target: &str) -> Option<String> {
    let segments = serve::segments(target)?;
    let mut relative = segments.join("/");
    if relative.is_empty() || root.join(&relative).is_dir() {
        if !relative.is_empty() {
            relative.push('/');
        }
        relative.push_str("index.html");
    }
    root.join(&relative).is_file().then_some(relative)
}

/// One entry of Resource Timing as the probe reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// The URL.
    pub url: String,
    /// `responseStatus` (0 where unknown).
    pub status: u64,
    /// `decodedBodySize`.
    pub decoded: u64,
}

/// One page load in a fresh session: throttles, injects the probe, navigates,
/// waits for the probe's result.
pub(super) fn measure(session: &Session<'_>, profile: &Conditions, site: &Site) -> Result<Sample> {
    session.cdp("Network.enable", json!({}))?;
    session.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))?;
    if let Some(network) = profile.network {
        session.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": network.latency_ms,
                "downloadThroughput": network.download,
                "uploadThroughput": network.upload,
                "connectionType": "cellular4g",
            }),
        )?;
    }
    session.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": profile.cpu_slowdown }),
    )?;
    let (width, height, scale) = VIEWPORT;
    session.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": true }),
    )?;
    session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe_script() }),
    )?;
    let ms = PAGE_TIMEOUT.as_millis() as u64;
    session.command(
        "POST",
        "timeouts",
        &json!({ "script": ms, "pageLoad": ms }),
        PAGE_TIMEOUT,
    )?;
    let url = site.url();
    session
        .command("POST", "url", &json!({ "url": url }), PAGE_TIMEOUT)
        .with_context(|| format!("loading {url}"))?;
    let result = session.wait_for_probe()?;
    parse_sample(&result, |resources| site.bytes(resources))
}

/// A [`Sample`] from the probe's result; `bytes` counts its resources.
pub fn parse_sample(
    result: &Value,
    bytes: impl FnOnce(&[Resource]) -> Result<Bytes>,
) -> Result<Sample> {
    let number = |key: &str| {
        result[key]
            .as_f64()
            .ok_or_else(|| anyhow!("the probe reported no `{key}`: {result}"))
    };
    let resources: Vec<Resource> = result["resources"]
        .as_array()
        .ok_or_else(|| anyhow!("the probe reported no resources: {result}"))?
        .iter()
        .map(|r| Resource {
            url: r["url"].as_str().unwrap_or_default().to_owned(),
            status: r["status"].as_u64().unwrap_or(0),
            decoded: r["decoded"].as_u64().unwrap_or(0),
        })
        .collect();
    Ok(Sample {
        fcp: result["fcp"].as_f64(),
        control: number("control")?,
        pressed: number("pressed")?,
        presses: result["presses"].as_u64().unwrap_or(0),
        control_in_view: result["controlInView"].as_bool().unwrap_or(false),
        question: number("question")?,
        documents: result["documents"].as_u64().unwrap_or(1),
        bytes: bytes(&resources)?,
    })
}
