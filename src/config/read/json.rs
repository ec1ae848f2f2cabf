//! The parsed JSON value the reader reads, as a trait: `JSON.parse`'s `JsValue`
//! in the browser, serde_json's `Value` natively (each implemented on its own
//! target only, so neither is linked where it is not used).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast as _;

pub trait Json: Sized {
    /// The keys of an object (not an array), in order; `None` for anything else.
    fn keys(&self) -> Option<Vec<String>>;
    /// The value of `key` in an object; `None` when absent.
    fn get(&self, key: &str) -> Option<Self>;
    /// The items of an array; `None` for anything else.
    fn items(&self) -> Option<Vec<Self>>;
    /// The string, if this is one.
    fn string(&self) -> Option<String>;
    /// The boolean, if this is one.
    fn boolean(&self) -> Option<bool>;
    /// The number, if this is a whole number in `u32`'s range.
    fn u32(&self) -> Option<u32>;
    /// Whether this is `null` (an absent `Option`).
    fn is_null(&self) -> bool;
    /// `null`: what a missing required field is read as, after its error.
    fn null() -> Self;
}

#[cfg(target_arch = "wasm32")]
impl Json for wasm_bindgen::JsValue {
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
        wasm_bindgen::JsValue::is_null(self)
    }

    fn null() -> Self {
        wasm_bindgen::JsValue::NULL
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Json for serde_json::Value {
    fn keys(&self) -> Option<Vec<String>> {
        self.as_object().map(|o| o.keys().cloned().collect())
    }

    fn get(&self, key: &str) -> Option<Self> {
        self.as_object().and_then(|o| o.get(key)).cloned()
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn u32(&self) -> Option<u32> {
        self.as_u64().and_then(|n| u32::try_from(n).ok())
    }

    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }

    fn null() -> Self {
        serde_json::Value::Null
    }
}
