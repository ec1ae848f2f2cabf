//! gzip and brotli, as a server or CDN would send the bundle: for the
//! benchmark's byte counts ([`crate::bench_web`]) and for the optional
//! compression of [`crate::serve`] ([`crate::serve::Server::with_compression`]).
//!
//! The settings are those of the size table of `cargo xtask dist`
//! (`xtask/src/dist.rs`): gzip at its best level (`gzip -9`), brotli at quality
//! 11 with a 4 MiB window (what CDNs use for static files).
//!
//! A served directory is compressed once, up front ([`precompress_dir`]):
//! brotli 11 takes seconds on the wasm, which must not count in a measured
//! page load.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// A content coding the server can send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `br`, quality 11.
    Brotli,
    /// `gzip`, best compression.
    Gzip,
}

impl Encoding {
    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// One file in both codings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compressed {
    /// The file's length as stored.
    pub raw: u64,
    /// gzip, best compression.
    pub gzip: Vec<u8>,
    /// brotli, quality 11.
    pub brotli: Vec<u8>,
}

impl Compressed {
    /// Both codings of `content`.
    pub fn of(content: &[u8]) -> io::Result<Compressed> {
        Ok(Compressed {
            raw: content.len() as u64,
            gzip: gzip(content)?,
            brotli: brotli(content)?,
        })
    }

    /// The body in `encoding`.
    pub fn body(&self, encoding: Encoding) -> &[u8] {
        match encoding {
            Encoding::Brotli => &self.brotli,
            Encoding::Gzip => &self.gzip,
        }
    }
}

/// Compressed copies of a directory's files, by path relative to it
/// (`/`-separated: `pkg/riskscreen_bg.3f2a9c1b.wasm`).
pub type Precompressed = HashMap<String, Compressed>;

/// gzip at the best level.
pub fn gzip(content: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(content)?;
    encoder.finish()
}

/// brotli at quality 11, window 2^22.
pub fn brotli(content: &[u8]) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &content[..], &mut out, &params)?;
    Ok(out)
}

/// Whether a response of this `Content-Type` is worth compressing (text, JS,
/// JSON, wasm, SVG; not images or fonts, which are compressed already).
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    essence.starts_with("text/")
        || matches!(
            essence,
            "application/json" | "application/wasm" | "application/manifest+json" | "image/svg+xml"
        )
}

/// The coding to send for a request's `Accept-Encoding` value: brotli if
/// accepted, else gzip, else none. A coding is accepted when listed (or `*`
/// is) without `q=0`.
pub fn negotiate(accept_encoding: &str) -> Option<Encoding> {
    let mut listed: Vec<(String, bool)> = Vec::new();
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let token = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        if token.is_empty() {
            continue;
        }
        let refused = parts.any(|p| {
            let p = p.trim();
            p.strip_prefix("q=")
                .or_else(|| p.strip_prefix("Q="))
                .is_some_and(|q| q.trim().parse::<f64>().is_ok_and(|q| q <= 0.0))
        });
        listed.push((token, !refused));
    }
    let accepts = |token: &str| match listed.iter().find(|(t, _)| t == token) {
        Some((_, accepted)) => *accepted,
        None => listed.iter().any(|(t, accepted)| t == "*" && *accepted),
    };
    [Encoding::Brotli, Encoding::Gzip]
        .into_iter()
        .find(|e| accepts(e.token()))
}

/// Both codings of every non-hidden file below `root` whose type is
/// [`compressible`] (by [`crate::serve::content_type`]).
pub fn precompress_dir(root: &Path) -> io::Result<Precompressed> {
    let mut out = Precompressed::new();
    precompress_into(root, "", &mut out)?;
    Ok(out)
}

fn precompress_into(dir: &Path, prefix: &str, out: &mut Precompressed) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        if path.is_dir() {
            precompress_into(&path, &format!("{relative}/"), out)?;
        } else if compressible(crate::serve::content_type(&path)) {
            out.insert(relative, Compressed::of(&fs::read(&path)?)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn negotiates_brotli_first_then_gzip() {
        assert_eq!(negotiate("gzip, deflate, br, zstd"), Some(Encoding::Brotli));
        assert_eq!(negotiate("gzip, deflate"), Some(Encoding::Gzip));
        assert_eq!(negotiate("br;q=0, gzip;q=0.5"), Some(Encoding::Gzip));
        assert_eq!(negotiate("*"), Some(Encoding::Brotli));
        assert_eq!(negotiate("*, br;q=0"), Some(Encoding::Gzip));
        assert_eq!(negotiate("identity"), None);
        assert_eq!(negotiate(""), None);
        assert_eq!(negotiate("GZIP"), Some(Encoding::Gzip));
    }

    #[test]
    fn compresses_text_and_wasm_only() {
        for ct in [
            "text/html; charset=utf-8",
            "text/javascript",
            "text/css",
            "application/json",
            "application/wasm",
            "image/svg+xml",
        ] {
            assert!(compressible(ct), "{ct}");
        }
        for ct in ["image/png", "font/woff2", "application/octet-stream"] {
            assert!(!compressible(ct), "{ct}");
        }
    }

    #[test]
    fn round_trips() {
        let text = "riskscreen ".repeat(200);
        let both = Compressed::of(text.as_bytes()).unwrap();
        assert_eq!(both.raw, text.len() as u64);
        assert!(both.brotli.len() < 100 && both.gzip.len() < 100, "{both:?}");
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&both.gzip[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, text);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut both.body(Encoding::Brotli), &mut unbrotli).unwrap();
        assert_eq!(unbrotli, text.as_bytes());
    }

    #[test]
    fn precompresses_a_directory() {
        let root = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        fs::create_dir_all(root.join("pkg")).unwrap();
        fs::write(root.join("index.html"), "<!doctype html>").unwrap();
        fs::write(root.join("pkg/w.wasm"), b"\0asm").unwrap();
        fs::write(root.join("logo.png"), b"\x89PNG").unwrap();
        fs::write(root.join(".hidden.js"), "x").unwrap();
        let mut found: Vec<String> = precompress_dir(&root).unwrap().into_keys().collect();
        found.sort();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(found, ["index.html", "pkg/w.wasm"]);
    }
}
