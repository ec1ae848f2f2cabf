//! The parsed JSON value the reader reads, as a trait: `JSON.parse`'s `JsValue`
//! in the browser (implemented at the wasm boundary, `crate::js::value`),
//! serde_json's `Value` natively (here). Each is implemented on its own target
//! only, so neither is linked where it is not used.

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
