//! [`Browser`] helpers for the page as a document: loading it, running scripts
//! (in the widget's shadow root when scoped), waiting for a state, and finding,
//! clicking and reading elements.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde_json::{json, Value as Json};

use super::{strings, truthy, Browser, NOT_PRERENDERED, PAGE_PATH, WAIT};
use crate::engine::Engine;

impl Browser {
    // ---------------------------------------------------------------- navigation

    /// The URL of the page under test.
    pub fn page_url(&self) -> String {
        self.server.url(PAGE_PATH)
    }

    /// Loads the page under test and waits until the widget is mounted (or shows
    /// its fallback): the prerendered screen before it does not count.
    pub async fn open(&self) {
        self.client
            .goto(&self.page_url())
            .await
            .unwrap_or_else(|e| panic!("cannot load {}: {e}", self.page_url()));
        self.wait_until(
            "the widget (.rs-widget) to mount, or its fallback (.rs-fallback) to render",
            &format!(
                "return !!document.querySelector('.rs-fallback') || \
                 (!!document.querySelector('.rs-widget') && {NOT_PRERENDERED});"
            ),
        )
        .await;
    }

    /// Loads the page and waits for the start screen.
    pub async fn open_start(&self) {
        self.open().await;
        self.wait_screen("start").await;
    }

    /// Loads a page with the injected panic and waits for the fallback panel. The
    /// widget panics on its first render after Start (`testPanic`), so Start is
    /// pressed when the start screen shows.
    pub async fn open_fallback(&self) {
        assert!(
            self.options.test_panic,
            "open_fallback needs PageOptions::panicking()"
        );
        self.open().await;
        if self.screen().await.as_deref() == Some("start") {
            self.action("start").await;
        }
        self.wait_screen("fallback").await;
    }

    // ---------------------------------------------------------------- scripts

    /// Runs `script` (a function body; `return` gives the result).
    pub async fn js(&self, script: &str) -> Json {
        self.js_args(script, Vec::new()).await
    }

    /// This browser with the widget looked for in the shadow root of the element
    /// matching `host` (None: in the document).
    pub fn scoped(&self, host: Option<&str>) -> Browser {
        Browser {
            scope: host.map(str::to_owned),
            ..self.clone()
        }
    }

    /// `script` as run: with a scope, `document` is the shadow root (which has
    /// `querySelector`, `querySelectorAll` and `activeElement`, all the widget
    /// helpers use).
    fn in_scope(&self, script: &str) -> String {
        match &self.scope {
            None => script.to_owned(),
            Some(host) => format!(
                "const document = window.document.querySelector({host:?}).shadowRoot;\n{script}"
            ),
        }
    }

    /// Runs `script` with `arguments`.
    pub async fn js_args(&self, script: &str, args: Vec<Json>) -> Json {
        let script = self.in_scope(script);
        self.client
            .execute(&script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{}", abbreviate(&script)))
    }

    /// Runs an asynchronous `script`: it calls `arguments[arguments.length - 1](value)`.
    pub async fn js_async(&self, script: &str) -> Json {
        let script = self.in_scope(script);
        self.client
            .execute_async(&script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{}", abbreviate(&script)))
    }

    /// Polls `script` until it returns something truthy (returned), or panics
    /// after [`WAIT`] saying it waited for `what`.
    pub async fn wait_until(&self, what: &str, script: &str) -> Json {
        let started = Instant::now();
        let script = self.in_scope(script);
        loop {
            // Errors while the page navigates count as "not yet".
            if let Ok(value) = self.client.execute(&script, Vec::new()).await {
                if truthy(&value) {
                    return value;
                }
            }
            if started.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {what}; page state: {}",
                    self.describe().await
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    // ---------------------------------------------------------------- elements

    /// Waits until an element matches `css`, and returns the first.
    pub async fn wait_for(&self, css: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.find(css).await {
                return element;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "no element matches `{css}` after {WAIT:?}; page state: {}",
                    self.describe().await
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The first element matching `css` (in the shadow root when scoped).
    async fn find(&self, css: &str) -> Result<Element, fantoccini::error::CmdError> {
        match &self.scope {
            None => self.client.find(Locator::Css(css)).await,
            Some(host) => {
                let root = self
                    .client
                    .find(Locator::Css(host))
                    .await?
                    .shadow_root()
                    .await?;
                root.find(Locator::Css(css)).await
            }
        }
    }

    /// Waits for `css`, scrolls it to the middle of the viewport (as a person
    /// would, clear of a sticky bar) and clicks it (a real mouse click at its centre).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        let arg = serde_json::to_value(&element).expect("an element reference");
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
                vec![arg.clone()],
            )
            .await;
        if Engine::current() == Engine::Webkit {
            self.webkit_reveal_in_top(arg).await;
        }
        if let Err(e) = element.click().await {
            panic!(
                "cannot click `{css}`: {e}; page state: {}",
                self.describe().await
            );
        }
    }

    /// WebKit only: in a frame (the harness's frame 0, see
    /// [`crate::embed::enter_embed`]), `scrollIntoView` does not scroll the
    /// page around a cross-origin frame, and WebKitWebDriver's Element Click
    /// then clicks outside the viewport and reports success (WebKitGTK 2.50,
    /// seen here). So the top page is scrolled to bring the element's row to
    /// the middle, as a person would, and the frame entered again.
    async fn webkit_reveal_in_top(&self, element: Json) {
        let row = self
            .client
            .execute(
                "if (window === window.top) return null; \
                 const r = arguments[0].getBoundingClientRect(); return r.top + r.height / 2;",
                vec![element],
            )
            .await;
        let Ok(Json::Number(row)) = row else { return };
        if self.client.enter_parent_frame().await.is_err() {
            return;
        }
        let _ = self
            .client
            .execute(
                "const f = Array.from(document.querySelectorAll('iframe')) \
                   .find(f => f.contentWindow === window.frames[0]) || document.querySelector('iframe'); \
                 if (f) window.scrollBy(0, f.getBoundingClientRect().top + arguments[0] - innerHeight / 2);",
                vec![Json::Number(row)],
            )
            .await;
        self.client
            .enter_frame(0)
            .await
            .unwrap_or_else(|e| panic!("cannot enter the frame again: {e}"));
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        let n = self
            .js_args(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            )
            .await;
        n.as_u64().unwrap_or(0) as usize
    }

    /// The trimmed `textContent` of the first match of `css` (None if none).
    pub async fn text_of(&self, css: &str) -> Option<String> {
        let v = self
            .js_args(
                "const e = document.querySelector(arguments[0]); \
                 return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;",
                vec![json!(css)],
            )
            .await;
        v.as_str().map(str::to_owned)
    }

    /// An attribute of the first match of `css`.
    pub async fn attr_of(&self, css: &str, attr: &str) -> Option<String> {
        let v = self
            .js_args(
                "const e = document.querySelector(arguments[0]); \
                 return e ? e.getAttribute(arguments[1]) : null;",
                vec![json!(css), json!(attr)],
            )
            .await;
        v.as_str().map(str::to_owned)
    }

    /// The `href`s of every match of `css`.
    pub async fn hrefs(&self, css: &str) -> Vec<String> {
        let v = self
            .js_args(
                "return Array.from(document.querySelectorAll(arguments[0]), a => a.getAttribute('href'));",
                vec![json!(css)],
            )
            .await;
        strings(&v)
    }
}

/// `script` cut to 300 bytes for a failure message (the scripts are long).
fn abbreviate(script: &str) -> String {
    if script.len() > 300 {
        let mut end = 300;
        while !script.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &script[..end])
    } else {
        script.to_owned()
    }
}
