//! The options object `mount` and `showFailure` are given, read into
//! [`Options`] (the table of options is in [`crate::config`]'s doc and README,
//! checked against the JS entry points by `cargo xtask tidy`).

use wasm_bindgen::{JsCast as _, JsValue};

use super::loader::Loader;
use crate::config::Options;

impl Options {
    /// Reads the options object passed to `mount` (a plain JS object).
    pub fn from_js(value: &JsValue) -> Result<Self, String> {
        if !value.is_object() {
            return Err("riskscreen: mount(element, options) needs an options object".into());
        }
        let options = Self::from_js_partial(value);
        if options.questionnaire.is_empty() {
            return Err(
                "riskscreen: options.questionnaire must be the compiled questionnaire JSON text"
                    .into(),
            );
        }
        Ok(options)
    }

    /// Reads what there is of an options object (anything: a missing or wrong
    /// option is absent, the questionnaire empty), for the start-failure panel.
    pub fn from_js_partial(value: &JsValue) -> Self {
        let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok();
        let string = |key: &str| {
            get(key)
                .and_then(|v| v.as_string())
                .filter(|s| !s.trim().is_empty())
        };
        Options {
            questionnaire: string("questionnaire").unwrap_or_default(),
            helplines: string("helplines"),
            helplines_add: string("helplinesAdd"),
            lang: string("lang"),
            country: string("country"),
            exit_url: string("exitUrl"),
            share_result: get("shareResult").and_then(|v| v.as_bool()) == Some(true),
            share_to: string("shareTo"),
            test_panic: get("testPanic").and_then(|v| v.as_bool()) == Some(true),
            languages: get("languages")
                .filter(js_sys::Array::is_array)
                .map(|v| {
                    js_sys::Array::from(&v)
                        .iter()
                        .filter_map(|l| l.as_string())
                        .collect()
                })
                .unwrap_or_default(),
            load_language: get("loadLanguage").and_then(|v| v.dyn_into().ok().map(Loader)),
            load_strings: get("loadStrings").and_then(|v| v.dyn_into().ok().map(Loader)),
            load_helplines: get("loadHelplines").and_then(|v| v.dyn_into().ok().map(Loader)),
        }
    }
}
