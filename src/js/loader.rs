//! The page's loaders: the `loadLanguage`, `loadHelplines` and `loadStrings`
//! functions of the options, which fetch another language's questionnaire file,
//! helpline file and UI strings from the widget's own origin (`www/options.js`, `www/boot.js`). The widget
//! calls them with a language code and nothing else, and makes no request of
//! its own (ARCHITECTURE.md, "Privacy").

/// One of the page's loader functions, `(lang) => Promise<…>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loader(pub js_sys::Function);

#[cfg(target_arch = "wasm32")]
impl Loader {
    /// Calls the function with `lang` at once (so that several loads run in
    /// parallel) and returns what awaits its promise: what it resolves to, or the
    /// message of what it threw or was rejected with.
    fn call(
        &self,
        lang: &str,
    ) -> impl std::future::Future<Output = Result<wasm_bindgen::JsValue, String>> {
        let started = self
            .0
            .call1(&wasm_bindgen::JsValue::NULL, &lang.into())
            .map(|promise| wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)))
            .map_err(describe);
        async move { started?.await.map_err(describe) }
    }

    /// What `loadLanguage(lang)` or `loadHelplines(lang)` resolves to: a JSON
    /// text. The request starts when this is called, not when it is awaited.
    pub fn text(&self, lang: &str) -> impl std::future::Future<Output = Result<String, String>> {
        let called = self.call(lang);
        async move {
            called
                .await?
                .as_string()
                .ok_or_else(|| "the loader did not resolve to a JSON text".to_owned())
        }
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
