//! riskscreen: a trafficking-risk screening widget (Yew → WebAssembly).
//!
//! A person checks an offer of accommodation, transport or work, privately: every
//! answer lives only in the flow state in memory. Nothing is stored (no cookies,
//! storage or IndexedDB), nothing is sent (this crate has no fetch, XHR or
//! beacon), nothing goes into the URL or history; the only navigation is the
//! quick exit's `location.replace`.
//!
//! Module map:
//! - [`config`]: the embedder's options → a validated [`config::Setup`] (context);
//! - [`state`]: the flow as a pure reducer (tested natively, `tests/reducer.rs`);
//! - [`i18n`]: Fluent UI strings, CLDR plurals, language negotiation (context);
//! - [`language_files`]: another language's questionnaire file, loaded mid-run;
//! - [`components`]: the function components, one per file (render-tested with
//!   yew's SSR, `tests/ssr/`);
//! - [`quick_exit`]: "Leave quickly" and Shift×3;
//! - [`mod@panic`]: the fallback panel shown if anything panics;
//! - [`hooks`]: focus management;
//! - [`js`]: the wasm boundary, the one module that reads or makes a JS value:
//!   the exports [`mount`] and `showFailure`, the options object, `JSON.parse`,
//!   the page's loaders, the shared result.
//!
//! The only JS entry point is [`mount`] (an ES module export, no globals).
//!
//! # Bundle size
//!
//! The self-check page must stay small on weak phone connections (the budget,
//! the questionnaire in the page's language included, is in `xtask/src/dist.rs`).
//! Each choice below was measured on this crate's release bundle and paid for
//! itself:
//! - UI strings: Fluent files compiled ahead of time ([`i18n`]) instead of
//!   fluent-bundle or fluent-syntax at run time;
//! - the questionnaire is checked for shape and for what the widget relies on
//!   ([`config::check`]); the full validator runs in `riskscreen compile`, not in
//!   the browser;
//! - `tracing` (yew's logger) compiled out of release builds;
//! - the JSON parsed by `JSON.parse` and read into the model by hand
//!   ([`config::read`]), with no serde code in the bundle (neither serde_json's
//!   parser nor serde-wasm-bindgen, and no float formatting);
//! - the talc allocator instead of dlmalloc;
//! - no `classes!` and no class chosen by an expression (both go through yew's
//!   `Classes`), the panic panel written as escaped HTML;
//! - the parts with no state of their own are plain functions, not components,
//!   and one context carries the setup and the locale ([`components`]);
//! - no std slice sort on the widget's path (`riskscreen_core`'s one small
//!   merge sort), no B-tree removal, and the helpline directory's source-only
//!   rules folded away (`validate_directory_form` is always inlined).
//!
//! What each choice saved is in README, "Performance and size", with the current
//! first-visit figure (printed by `cargo xtask dist`) and the budget; not here,
//! where the figures would go stale.

/// The allocator (wasm only): talc, smaller in the bundle than Rust's default
/// dlmalloc and faster (see "Bundle size" above).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod components;
pub mod config;
pub mod hooks;
pub mod i18n;
pub mod js;
pub mod language_files;
pub mod panic;
pub mod quick_exit;
pub mod speech;
pub mod state;

pub use js::mount::{mount, show_failure, MountHandle};
