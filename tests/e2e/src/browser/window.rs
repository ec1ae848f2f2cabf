//! [`Browser`] helpers for the window and what is kept of a run: the viewport
//! size (a phone's), screenshots of the viewport or the whole page, and the
//! storage and URL facts the privacy tests check.

use std::time::Duration;

use serde_json::{json, Value as Json};

use super::{Browser, WINDOW};

impl Browser {
    /// Resizes the window so the viewport (`innerWidth` × `innerHeight`) is
    /// `width` × `height` CSS px. Headless Chromium keeps room for browser UI
    /// around the page (and ignores `--window-size` below 500 px wide), so the
    /// outer size is the wanted one plus the measured difference.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let wanted = json!([width, height]);
        for _ in 0..5 {
            let v = self.settled_viewport(&wanted).await;
            let n: Vec<i64> = v
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_i64()).collect())
                .unwrap_or_default();
            let [iw, ih] = n[..] else {
                panic!("cannot read the viewport size: {v}");
            };
            // The window rect as WebDriver sees it (JS outerWidth does not follow it
            // in headless mode).
            let (ow, oh) = self
                .client
                .get_window_size()
                .await
                .unwrap_or_else(|e| panic!("cannot read the window size: {e}"));
            let (ow, oh) = (ow as i64, oh as i64);
            if iw == i64::from(width) && ih == i64::from(height) {
                return;
            }
            let outer_w = (i64::from(width) + (ow - iw).max(0)) as u32;
            let outer_h = (i64::from(height) + (oh - ih).max(0)) as u32;
            self.client
                .set_window_size(outer_w, outer_h)
                .await
                .unwrap_or_else(|e| panic!("cannot resize the window to {width}×{height}: {e}"));
        }
        let v = self.settled_viewport(&wanted).await;
        assert_eq!(
            v, wanted,
            "the viewport did not become {width}×{height} CSS px"
        );
    }

    /// The viewport size once it is `wanted` or has stopped changing (a resize
    /// reaches the page asynchronously; on a loaded machine it takes a while), at
    /// most about two seconds.
    async fn settled_viewport(&self, wanted: &Json) -> Json {
        let mut last = self.js("return [innerWidth, innerHeight];").await;
        for _ in 0..20 {
            if &last == wanted {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.js("return [innerWidth, innerHeight];").await;
            if now == last && &now != wanted {
                // Unchanged for 100 ms: give it one more look after a longer pause.
                tokio::time::sleep(Duration::from_millis(200)).await;
                let again = self.js("return [innerWidth, innerHeight];").await;
                if again == now {
                    return again;
                }
                last = again;
                continue;
            }
            last = now;
        }
        last
    }

    /// Makes the viewport `width` CSS px wide (a phone), [`WINDOW`]`.1` tall.
    pub async fn set_width(&self, width: u32) {
        self.set_viewport(width, WINDOW.1).await;
    }

    /// Saves a PNG of the viewport as `<screenshot dir>/<name>.png` (not asserted).
    pub async fn screenshot(&self, name: &str) {
        let dir = crate::screenshot_dir();
        if std::fs::create_dir_all(&dir).is_err() {
            return;
        }
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Like [`Browser::screenshot`], but of the whole page: the viewport is made
    /// as tall as the document for the picture, then set back.
    pub async fn screenshot_full(&self, name: &str) {
        let v = self
            .js("return [innerWidth, innerHeight, document.documentElement.scrollHeight, scrollX, scrollY];")
            .await;
        let n: Vec<u32> = v
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_f64())
                    .map(|x| x as u32)
                    .collect()
            })
            .unwrap_or_default();
        let [width, height, full, sx, sy] = n[..] else {
            return self.screenshot(name).await;
        };
        if full > height {
            self.set_viewport(width, full.min(8000)).await;
        }
        self.screenshot(name).await;
        if full > height {
            self.set_viewport(width, height).await;
            self.js_args(
                "window.scrollTo(arguments[0], arguments[1]);",
                vec![json!(sx), json!(sy)],
            )
            .await;
        }
    }

    /// Storage and URL facts after a run: `{cookie, local, session, idb, caches, search, hash, href}`.
    pub async fn storage_report(&self) -> Json {
        self.js_async(
            "const done = arguments[arguments.length - 1]; \
             (async () => { \
               const r = { cookie: document.cookie, local: localStorage.length, \
                 session: sessionStorage.length, search: location.search, hash: location.hash, \
                 href: location.href }; \
               try { r.idb = (await indexedDB.databases()).map(d => d.name); } catch (e) { r.idb = 'error: ' + e; } \
               try { r.caches = await caches.keys(); } catch (e) { r.caches = 'error: ' + e; } \
               done(r); \
             })();",
        )
        .await
    }
}
