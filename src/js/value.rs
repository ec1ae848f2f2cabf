//! `JSON.parse`, and the reader's view of what it returns: the questionnaire,
//! the directories and the UI strings files are read into the model from the
//! `JsValue` `JSON.parse` makes ([`crate::config::read`]'s [`Json`] trait, whose
//! native implementation is serde_json's `Value`), so that no JSON parser is in
//! the bundle (README, "What each choice saved"). Wasm only.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast as _, JsValue};

use crate::config::read::Json;

/// Parses a JSON text with the browser's `JSON.parse`; the message of its
/// `SyntaxError` when it is not JSON.
pub fn parse(json: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(json).map_err(|e| {
        js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default()
    })
}

impl Json for JsValue {
    fn keys(&self) -> Option<Vec<String>> {
        if !self.is_object() || js_sys::Array::is_array(self) {
            return None;
        }
        let keys = js_sys::Object::keys(self.unchecked_ref::<js_sys::Object>());
        Some(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    fn get(&self, key: &str) -> Option<Self> {
        // JSON.parse makes plain objects: an own property or undefined (none of the
        // model's field names is one that Object.prototype has).
        js_sys::Reflect::get(self, &Self::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }

    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(self)
            .then(|| self.unchecked_ref::<js_sys::Array>().iter().collect())
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn u32(&self) -> Option<u32> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    }

    fn is_null(&self) -> bool {
        JsValue::is_null(self)
    }

    fn null() -> Self {
        JsValue::NULL
    }
}
