//! Project automation for riskscreen, run as `cargo xtask <command>` (the
//! [cargo-xtask](https://github.com/matklad/cargo-xtask) convention: plain Rust
//! instead of shell scripts, so it runs the same on every developer's machine
//! and in CI).
//!
//! The binary (`main.rs`) only parses arguments and dispatches; the work lives
//! in the modules below, which are a library so that other crates (a browser
//! test harness, say) can reuse them, for instance [`serve::serve_dir`].
//!
//! | module       | what it does                                                       |
//! |--------------|--------------------------------------------------------------------|
//! | [`project`]  | where things are (repo root, `.tools/`), running child processes   |
//! | [`tools`]    | installs the pinned external tools (`ensure_tools`)                |
//! | [`wasm`]     | `cargo xtask build`: widget → wasm-bindgen → wasm-opt, questionnaires → JSON |
//! | [`serve`]    | `cargo xtask serve`: a tiny static file server with security headers |
//! | [`headers`]  | the production response headers, the configs of `docs/deploying.md` |
//! | [`dist`]     | `cargo xtask dist`: hashed release bundle, size table, budget, SRI |
//! | [`test`]     | `cargo xtask test`: the list of test stages                        |
//! | [`fuzz`]     | `cargo xtask fuzz` and the fuzz smoke stage: libFuzzer targets in `fuzz/` |
//! | [`bench_web`] | `cargo xtask bench-web`: page-load benchmark in headless Chromium, widget against a plain-HTML floor |
//! | [`compress`] | gzip and brotli as a CDN sends them (benchmark byte counts, optional compression in `serve`) |
//! | [`codegen`]  | `cargo xtask codegen`: rewrites the generated files (UI strings and message ids, the server configs in docs/deploying.md) |
//! | [`tidy`]     | `cargo xtask tidy`: what is written in two places says the same (exit URL, option names, CSP, doc links) |
//!
//! # Dependencies, and why each is there
//!
//! - `anyhow`: error handling with context chains; this is an application, not
//!   a library with callers that match on error kinds.
//! - `flate2`: gzip sizes in the `dist` size table (what most servers send).
//! - `brotli`: brotli sizes (quality 11) for the size table and the first-visit
//!   budget (what CDNs send to browsers).
//! - `sha2`: SHA-256 for content-hashed file names, SHA-384 for Subresource
//!   Integrity hashes.
//! - `base64`: encoding of the SRI hashes (`sha384-<base64>`).
//! - `serde_json`: the JSON of chromedriver's WebDriver and DevTools answers in
//!   `bench-web` (already in the workspace's lock; `serde` without derive).
//!
//! Everything else (argument parsing, the HTTP server, the WebDriver client,
//! directory walking) is written against `std` to keep the build of this tool
//! short.

pub mod bench_web;
pub mod codegen;
pub mod compress;
pub mod dist;
pub mod fuzz;
pub mod headers;
pub mod project;
pub mod serve;
pub mod test;
pub mod tidy;
pub mod tools;
pub mod wasm;
