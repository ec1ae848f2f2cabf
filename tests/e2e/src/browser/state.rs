//! [`Browser`] helpers that read the widget's state: its screen and question,
//! the live region, checked answers, focus, and the errors and CSP violations
//! the page's recorder script saw; [`Browser::describe`] sums these up for
//! failure messages.

use serde_json::{json, Value as Json};

use super::{strings, Browser, NOT_PRERENDERED};

impl Browser {
    /// The current screen: `.rs-widget[data-screen]`, or `fallback` if the fallback
    /// panel is shown; `None` when neither exists.
    pub async fn screen(&self) -> Option<String> {
        let v = self
            .js(&format!(
                "if (document.querySelector('.rs-fallback')) return 'fallback'; \
                 const w = document.querySelector('.rs-widget'); \
                 return w && {NOT_PRERENDERED} ? w.getAttribute('data-screen') : null;"
            ))
            .await;
        v.as_str().map(str::to_owned)
    }

    /// Waits until [`Browser::screen`] is `name` (the mounted widget's: the
    /// prerendered start screen before it does not count).
    pub async fn wait_screen(&self, name: &str) {
        self.wait_until(
            &format!("screen `{name}`"),
            &format!(
                "if ({name:?} === 'fallback') return !!document.querySelector('.rs-fallback'); \
                 const w = document.querySelector('.rs-widget'); \
                 return !!w && {NOT_PRERENDERED} && w.getAttribute('data-screen') === {name:?};"
            ),
        )
        .await;
    }

    /// Waits until the question screen shows question `id`.
    pub async fn wait_question(&self, id: &str) {
        self.wait_until(
            &format!("question `{id}`"),
            &format!(
                "const w = document.querySelector('.rs-widget'); \
                 return !!w && w.getAttribute('data-screen') === 'question' && \
                 !!document.querySelector('form.rs-question[data-question=' + CSS.escape({id:?}) + ']');"
            ),
        )
        .await;
    }

    /// The id of the question on screen (`form.rs-question[data-question]`).
    pub async fn question_id(&self) -> Option<String> {
        self.attr_of("form.rs-question", "data-question").await
    }

    /// The text of the live region (`.rs-live[role=status]`).
    pub async fn live_text(&self) -> String {
        self.text_of(".rs-live[role=status]")
            .await
            .unwrap_or_default()
    }

    /// Waits until the live region's text is not empty and differs from `before`
    /// (what it said before the action), and returns it.
    pub async fn wait_live_change(&self, before: &str) -> String {
        let before = serde_json::to_string(before).expect("a JSON string");
        let v = self
            .wait_until(
                &format!("a new announcement in the live region (it said {before})"),
                &format!(
                    "const l = document.querySelector('.rs-live[role=status]'); \
                     const t = l ? l.textContent.replace(/\\s+/g, ' ').trim() : ''; \
                     return (t.length > 0 && t !== {before}) ? t : null;"
                ),
            )
            .await;
        v.as_str().unwrap_or_default().to_owned()
    }

    /// The `value`s of the checked inputs of question `id`.
    pub async fn checked_values(&self, id: &str) -> Vec<String> {
        let v = self
            .js_args(
                "return Array.from(document.querySelectorAll('input[name=\"' + CSS.escape(arguments[0]) + '\"]'))\
                 .filter(i => i.checked).map(i => i.value);",
                vec![json!(id)],
            )
            .await;
        strings(&v)
    }

    /// What has focus: `{tag, id, classes, action, name, value, type, text, heading, inWidget}`.
    pub async fn focus(&self) -> Json {
        self.js(
            "const e = document.activeElement; \
             if (!e) return null; \
             return { tag: e.tagName.toLowerCase(), id: e.id, classes: e.className, \
               action: e.getAttribute('data-action'), name: e.getAttribute('name'), \
               value: e.value === undefined ? null : String(e.value), type: e.getAttribute('type'), \
               text: (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80), \
               heading: /^H[1-6]$/.test(e.tagName), \
               questionHeading: e.matches('h2.rs-question-heading'), \
               inWidget: !!e.closest('.rs-widget') };",
        )
        .await
    }

    /// `None` if the focused element can be seen, else why not: it (or, for a
    /// visually hidden input, its label) is scrolled out of the viewport or covered
    /// by another element at its centre, such as a sticky bar (WCAG 2.4.11).
    pub async fn focus_obscured(&self) -> Option<String> {
        let v = self
            .js("const e = document.activeElement; \
                 if (!e || e === document.body) return null; \
                 let box = e; \
                 let r = e.getBoundingClientRect(); \
                 if ((r.width < 2 || r.height < 2) && e.labels && e.labels.length) { box = e.labels[0]; r = box.getBoundingClientRect(); } \
                 const name = x => x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + \
                   (typeof x.className === 'string' && x.className.trim() ? '.' + x.className.trim().split(/\\s+/).join('.') : '') + \
                   (x.getAttribute('data-action') ? '[data-action=' + x.getAttribute('data-action') + ']' : '') + \
                   (x.getAttribute('value') ? '[value=' + x.getAttribute('value') + ']' : ''); \
                 const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 12); \
                 if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return name(e) + ' is outside the viewport'; \
                 const hit = document.elementFromPoint(x, y); \
                 if (!hit) return null; \
                 const label = hit.closest('label'); \
                 if (hit === e || e.contains(hit) || hit.contains(e) || box.contains(hit) || (label && label.control === e)) return null; \
                 return name(e) + ' is covered by ' + name(hit);")
            .await;
        v.as_str().map(str::to_owned)
    }

    /// One line saying where the page is: URL, screen, question, focus, live region,
    /// page errors and CSP violations (for failure messages).
    pub async fn describe(&self) -> String {
        let v = self
            .client
            .execute(
                "const w = document.querySelector('.rs-widget'); \
                 const q = document.querySelector('form.rs-question'); \
                 const live = document.querySelector('.rs-live'); \
                 const f = document.activeElement; \
                 return { url: location.href, \
                   screen: document.querySelector('.rs-fallback') ? 'fallback' : (w ? w.getAttribute('data-screen') : null), \
                   question: q ? q.getAttribute('data-question') : null, \
                   focus: f ? (f.tagName + (f.id ? '#' + f.id : '') + (f.className ? '.' + String(f.className).split(' ').join('.') : '')) : null, \
                   live: live ? live.textContent.trim() : null, \
                   errors: window.__e2e ? window.__e2e.errors : 'no recorder', \
                   csp: window.__e2e ? window.__e2e.csp : 'no recorder', \
                   body: document.body ? document.body.innerText.replace(/\\s+/g, ' ').slice(0, 300) : null };",
                Vec::new(),
            )
            .await;
        match v {
            Ok(v) => v.to_string(),
            Err(e) => format!("(cannot read the page: {e})"),
        }
    }

    /// CSP violations recorded by the recorder script since the page loaded.
    pub async fn csp_violations(&self) -> Vec<Json> {
        let v = self
            .js("return window.__e2e ? window.__e2e.csp : null;")
            .await;
        match v {
            Json::Array(items) => items,
            _ => panic!("the recorder script did not run (window.__e2e is missing)"),
        }
    }

    /// Uncaught errors, unhandled rejections and `console.error` calls recorded on the page.
    pub async fn page_errors(&self) -> Vec<String> {
        let v = self
            .js("return window.__e2e ? window.__e2e.errors : null;")
            .await;
        match v {
            Json::Array(_) => strings(&v),
            _ => panic!("the recorder script did not run (window.__e2e is missing)"),
        }
    }

    /// Panics if the page recorded errors or CSP violations.
    pub async fn assert_no_page_errors(&self) {
        let errors = self.page_errors().await;
        let csp = self.csp_violations().await;
        assert!(
            errors.is_empty() && csp.is_empty(),
            "the page reported problems:\n  errors: {errors:#?}\n  CSP violations: {csp:#?}"
        );
    }
}
