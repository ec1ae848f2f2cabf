//! The wasm boundary: every value that crosses between the widget and the
//! embedder's JavaScript is read or made here, so that the components, the flow
//! state and the config work with Rust types only (issue #13).
//!
//! - [`mount`]: the exports `mount`, `showFailure` and [`MountHandle`], the only
//!   JS entry points (ES module exports, no globals);
//! - [`options`]: the options object → [`crate::config::Options`];
//! - [`value`]: `JSON.parse` and the reader's view ([`crate::config::read`]'s
//!   `Json`) of what it returns;
//! - [`loader`]: the page's `loadLanguage` and `loadStrings` functions, called;
//! - [`shared_result`]: the `riskscreen:complete` event and its `detail`, the
//!   contract with the embedder.
//!
//! Browser APIs that carry no embedder value (the DOM, `speechSynthesis`,
//! `location.replace`, the quick exit's `"riskscreen:exit"` to a parent frame)
//! stay with the module whose job they do ([`crate::quick_exit`],
//! [`crate::speech`], [`mod@crate::panic`]), through `web_sys`'s typed calls.
//!
//! The JSON files cross as text, not as `response.json()` objects: the widget
//! measures a text against its size limit before anything parses it
//! (`riskscreen_core::limits`), which an object already parsed by the page would
//! not allow; `JSON.parse` then runs once, here ([`value::parse`]).

pub mod loader;
pub mod mount;
pub mod options;
pub mod shared_result;
pub mod value;

/// Says `message` on the console, as a warning (for the site owner).
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(message));
    // Natively (tests, the prerenderer) there is no console to say it to.
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}
