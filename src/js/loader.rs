//! The page's loaders: the `loadLanguage` and `loadStrings` functions of the
//! options, which fetch another language's questionnaire file and UI strings
//! from the widget's own origin (`www/options.js`, `www/boot.js`). The widget
//! calls them with a language code and nothing else, and makes no request of
//! its own (ARCHITECTURE.md, "Privacy").

/// One of the page's loader functions, `(lang) => Promise<…>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loader(pub js_sys::Function);

#[cfg(target_arch = "wasm32")]
impl Loader {
    /// Calls the function with `lang` and awaits what it resolves to; the
    /// message of what it threw or was rejected with otherwise.
    async fn call(&self, lang: &str) -> Result<wasm_bindgen::JsValue, String> {
        let promise = self
            .0
            .call1(&wasm_bindgen::JsValue::NULL, &lang.into())
            .map_err(describe)?;
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .map_err(describe)
    }

    /// What `loadLanguage(lang)` resolves to: a JSON text.
    pub async fn text(&self, lang: &str) -> Result<String, String> {
        self.call(lang)
            .await?
            .as_string()
            .ok_or_else(|| "the loader did not resolve to a JSON text".to_owned())
    }

    /// What `loadStrings(lang)` resolves to: the parsed `ui/<lang>.json`, as
    /// the reader reads it.
    pub async fn json(&self, lang: &str) -> Result<impl crate::config::read::Json, String> {
        self.call(lang).await
    }
}

/// The message of what a JS call threw or a promise was rejected with.
#[cfg(target_arch = "wasm32")]
fn describe(error: wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error)
        .message()
        .as_string()
        .unwrap_or_else(|| "the loader failed".to_owned())
}
