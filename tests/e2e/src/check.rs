//! Checks of one rendered screen, for the every-screen, every-language tests:
//! nothing sticks out at a small width ([`overflow`]), no string is missing
//! ([`missing_strings`]), and given texts read exactly as expected
//! ([`Expect`], [`texts_differ`]).
//!
//! Each check returns the problems it found as lines (empty: none), so a test can
//! walk every screen and report everything at once.

use std::collections::BTreeMap;
use std::path::PathBuf;

use riskscreen_core::Text;
use serde_json::{json, Value as Json};

use crate::browser::{strings, Browser};

/// The UI strings of one language: the messages of `src/i18n/<lang>.ftl`.
///
/// Read from the source file by this small reader on purpose, not through the
/// widget's compiled strings (`src/i18n/strings.rs`): the tests check that the
/// page shows what the translators wrote, and an oracle built from the code
/// under test would agree with any mistake of its codegen.
#[derive(Debug, Clone, Default)]
pub struct UiStrings {
    /// The language.
    pub lang: String,
    /// Message id → value, for messages on one line without placeables.
    pub simple: BTreeMap<String, String>,
    /// Every message id in the file.
    pub ids: Vec<String>,
}

impl UiStrings {
    /// Reads `src/i18n/<lang>.ftl` (`None` if there is no such file).
    pub fn load(lang: &str) -> Option<UiStrings> {
        let path = ftl_path(lang);
        let source = std::fs::read_to_string(&path).ok()?;
        Some(UiStrings::parse(lang, &source))
    }

    /// Parses the subset of Fluent the widget's files use: `id = value` lines;
    /// multi-line and selector messages count as ids without a simple value.
    pub fn parse(lang: &str, source: &str) -> UiStrings {
        let mut simple = BTreeMap::new();
        let mut ids = Vec::new();
        let lines: Vec<&str> = source.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let Some((id, value)) = line.split_once(" = ") else {
                continue;
            };
            let id = id.trim();
            let is_id = !id.is_empty()
                && !line.starts_with([' ', '\t', '#', '*', '['])
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !is_id {
                continue;
            }
            ids.push(id.to_owned());
            let continued = lines
                .get(n + 1)
                .is_some_and(|next| next.starts_with([' ', '\t']) && !next.trim().is_empty());
            if !value.contains('{') && !continued {
                simple.insert(id.to_owned(), normalize(value));
            }
        }
        UiStrings {
            lang: lang.to_owned(),
            simple,
            ids,
        }
    }

    /// The value of a simple message.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.simple.get(id).map(String::as_str)
    }
}

/// `src/i18n/<lang>.ftl` in the repository.
pub fn ftl_path(lang: &str) -> PathBuf {
    crate::repo_root().join(format!("src/i18n/{lang}.ftl"))
}

/// Whitespace collapsed and trimmed, as the checks compare text.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A questionnaire text in `lang`: `Err` says it has none (a missing translation).
pub fn text_in<'a>(text: &'a Text, lang: &str, what: &str) -> Result<&'a str, String> {
    text.get(lang)
        .ok_or_else(|| format!("{what} has no `{lang}` text in the compiled JSON"))
}

/// Script body for [`missing_strings`]: `arguments[0]` the message ids,
/// `arguments[1]` the `[id, text]` English strings that must not show.
const MISSING_JS: &str = r#"const ids = arguments[0], english = arguments[1];
const w = document.querySelector('.rs-widget');
if (!w) return ['no .rs-widget on the page'];
const out = [];
const name = e => {
  const parts = [];
  for (let x = e; x && x !== document.body && parts.length < 3; x = x.parentElement) {
    let p = x.tagName.toLowerCase();
    if (x.id) p += '#' + x.id;
    if (typeof x.className === 'string' && x.className.trim()) p += '.' + x.className.trim().split(/\s+/).join('.');
    for (const a of ['data-action', 'data-question', 'for', 'value']) if (x.getAttribute(a)) p += '[' + a + '=' + x.getAttribute(a) + ']';
    parts.unshift(p);
  }
  return parts.join(' > ');
};
const bad = [[/\{\s*\$/, 'an unresolved placeable `{ $`'], [/\?\?\?/, '`???`'],
             [/\bundefined\b/, '`undefined`'], [/\[object /, '`[object …]`'], [/\{\{|\}\}/, '`{{`/`}}`']];
const check = (text, where) => {
  for (const [re, what] of bad) if (re.test(text)) out.push(where + ' contains ' + what + ': “' + text.slice(0, 120) + '”');
  for (const id of ids) if (text.includes(id)) out.push(where + ' shows the message id `' + id + '`: “' + text.slice(0, 120) + '”');
};
const walker = document.createTreeWalker(w, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const t = n.textContent.replace(/\s+/g, ' ').trim();
  if (t) check(t, name(n.parentElement));
}
for (const e of w.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))
  for (const a of ['aria-label', 'title', 'alt', 'placeholder'])
    if (e.hasAttribute(a)) check(e.getAttribute(a), name(e) + '@' + a);
for (const e of w.querySelectorAll('h1, h2, h3, h4, h5, h6, label, legend, button, a, option, li, dt, dd, p, th, summary')) {
  const t = e.textContent.replace(/\s+/g, ' ').trim();
  if (!t && !(e.getAttribute('aria-label') || '').trim()) out.push(name(e) + ' is empty');
}
const texts = new Set();
for (const e of w.querySelectorAll('*')) {
  if (e.children.length === 0 || e.matches('button, label, a, h1, h2, h3, h4, h5, h6, p, li, legend, option, dt, dd')) {
    texts.add(e.textContent.replace(/\s+/g, ' ').trim());
  }
}
for (const [id, text] of english) if (texts.has(text)) out.push('the English UI string `' + id + '` (“' + text + '”) is shown untranslated');
return out;"#;

/// Script body for [`overflow`].
const OVERFLOW_JS: &str = r#"const iw = window.innerWidth, sw = document.documentElement.scrollWidth;
const name = e => {
  const parts = [];
  for (let x = e; x && x !== document.body && parts.length < 3; x = x.parentElement) {
    let p = x.tagName.toLowerCase();
    if (x.id) p += '#' + x.id;
    if (typeof x.className === 'string' && x.className.trim()) p += '.' + x.className.trim().split(/\s+/).join('.');
    for (const a of ['data-action', 'data-question', 'for']) if (x.getAttribute(a)) p += '[' + a + '=' + x.getAttribute(a) + ']';
    parts.unshift(p);
  }
  return parts.join(' > ');
};
const hidden = e => !!e.closest('.rs-vh, [hidden], [aria-hidden=true] *') ||
  getComputedStyle(e).visibility === 'hidden';
const out = [];
const seen = new Set();
const report = (e, r, text) => {
  const key = name(e);
  if (seen.has(key)) return;
  seen.add(key);
  out.push(key + ' (left ' + Math.round(r.left) + ', right ' + Math.round(r.right) + '): “' +
    (text || e.textContent).replace(/\s+/g, ' ').trim().slice(0, 80) + '”');
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim() || !n.parentElement || hidden(n.parentElement)) continue;
  range.selectNodeContents(n);
  for (const r of range.getClientRects()) {
    if (r.width > 0 && (r.right > iw + 0.5 || r.left < -0.5)) { report(n.parentElement, r, n.textContent); break; }
  }
}
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || hidden(e)) continue;
  if (r.right > iw + 0.5 || r.left < -0.5) report(e, r, '');
}
if (sw <= iw && out.length === 0) return null;
return 'scrollWidth ' + sw + (sw > iw ? ' > ' : ' <= ') + 'innerWidth ' + iw + '; sticking out: ' +
  (out.length ? out.slice(0, 12).join('; ') : '(no visible element found)');"#;

/// Script body for [`texts_differ`]: `arguments[0]` the selectors, looked for in
/// the widget's host element `#app` where there is one (the self-check page's own
/// parts around it, such as every country's helplines, are not the widget's screen).
const TEXTS_JS: &str = "const root = document.getElementById('app') || document; \
    return arguments[0].map(s => Array.from(root.querySelectorAll(s), \
    e => e.textContent.replace(/\\s+/g, ' ').trim()));";

/// One expectation: every element matching `css` (at least one) reads `text`.
#[derive(Debug, Clone)]
pub struct Expect {
    /// A CSS selector.
    pub css: String,
    /// The expected `textContent`, whitespace-normalized.
    pub text: String,
    /// What it is, for the failure message (`question q1`, `option q1/yes`).
    pub what: String,
    /// Only the start of the text must match (text followed by more, e.g. a
    /// visually hidden suffix).
    pub prefix: bool,
}

impl Expect {
    /// Every match of `css` reads exactly `text`.
    pub fn exact(css: impl Into<String>, text: &str, what: impl Into<String>) -> Expect {
        Expect {
            css: css.into(),
            text: normalize(text),
            what: what.into(),
            prefix: false,
        }
    }

    /// Every match of `css` starts with `text`.
    pub fn prefix(css: impl Into<String>, text: &str, what: impl Into<String>) -> Expect {
        Expect {
            prefix: true,
            ..Expect::exact(css, text, what)
        }
    }
}

/// Reads the text of every expectation's selector in one script and returns a
/// line for each that is missing or reads otherwise.
pub async fn texts_differ(b: &Browser, expects: &[Expect]) -> Vec<String> {
    if expects.is_empty() {
        return Vec::new();
    }
    let selectors: Vec<&str> = expects.iter().map(|e| e.css.as_str()).collect();
    let found = b.js_args(TEXTS_JS, vec![json!(selectors)]).await;
    compare(expects, &found)
}

/// The expectations against the texts found for their selectors.
fn compare(expects: &[Expect], found: &Json) -> Vec<String> {
    let found = found.as_array().cloned().unwrap_or_default();
    let mut problems = Vec::new();
    for (expect, texts) in expects.iter().zip(found) {
        let texts = strings(&texts);
        if texts.is_empty() {
            problems.push(format!(
                "{}: nothing matches `{}` (expected “{}”)",
                expect.what, expect.css, expect.text
            ));
            continue;
        }
        for text in texts {
            let ok = if expect.prefix {
                text.starts_with(&expect.text)
            } else {
                text == expect.text
            };
            if !ok {
                problems.push(format!(
                    "{}: `{}` reads “{text}”, expected {}“{}”",
                    expect.what,
                    expect.css,
                    if expect.prefix {
                        "it to start with "
                    } else {
                        ""
                    },
                    expect.text
                ));
            }
        }
    }
    problems
}

/// Finds strings that did not resolve, in the widget's text and its
/// `aria-label`/`title`/`alt`/`placeholder` attributes: a Fluent message id (of
/// `ids`) shown as such, a placeable left as `{ $name }`, `???`, `undefined`,
/// `[object …]`; and headings, labels, legends, buttons, links, options, list items
/// and paragraphs with no text. `english` lists English UI strings (id, text) that
/// must not appear because `lang` has its own (a missing translation falls back to
/// English).
pub async fn missing_strings(
    b: &Browser,
    ids: &[String],
    english: &[(String, String)],
) -> Vec<String> {
    let ids: Vec<&String> = ids.iter().filter(|id| id.contains('-')).collect();
    let v = b
        .js_args(MISSING_JS, vec![json!(ids), json!(english)])
        .await;
    strings(&v)
}

/// `None` if nothing sticks out of the viewport horizontally, else what does:
/// `document.documentElement.scrollWidth` against `innerWidth`, every visible
/// element whose box ends right of `innerWidth` (or starts left of 0), and every
/// line of text that does (text can overflow a box that fits), each with a
/// selector and its text.
pub async fn overflow(b: &Browser) -> Option<String> {
    let v: Json = b.js(OVERFLOW_JS).await;
    v.as_str().map(str::to_owned)
}

/// What [`screen_report`] found on one screen.
#[derive(Debug, Clone, Default)]
pub struct ScreenReport {
    /// The root's `lang` attribute.
    pub lang: Option<String>,
    /// [`overflow`]'s finding.
    pub overflow: Option<String>,
    /// [`missing_strings`]' findings and [`texts_differ`]'s, in that order.
    pub problems: Vec<String>,
}

/// [`overflow`], [`missing_strings`] and [`texts_differ`] and the root's `lang`,
/// in one script (one WebDriver round trip per screen).
pub async fn screen_report(
    b: &Browser,
    ids: &[String],
    english: &[(String, String)],
    expects: &[Expect],
) -> ScreenReport {
    let ids: Vec<&String> = ids.iter().filter(|id| id.contains('-')).collect();
    let selectors: Vec<&str> = expects.iter().map(|e| e.css.as_str()).collect();
    let script = format!(
        "const w = document.querySelector('.rs-widget'); \
         return {{ lang: w ? w.getAttribute('lang') : null, \
           overflow: (function () {{ {OVERFLOW_JS} }}).apply(null, []), \
           missing: (function () {{ {MISSING_JS} }}).apply(null, [arguments[0], arguments[1]]), \
           texts: (function () {{ {TEXTS_JS} }}).apply(null, [arguments[2]]) }};"
    );
    let v = b
        .js_args(&script, vec![json!(ids), json!(english), json!(selectors)])
        .await;
    let mut problems = strings(&v["missing"]);
    problems.extend(compare(expects, &v["texts"]));
    ScreenReport {
        lang: v["lang"].as_str().map(str::to_owned),
        overflow: v["overflow"].as_str().map(str::to_owned),
        problems,
    }
}

/// Scrolls the first element sticking out into view and saves a screenshot
/// `OVERFLOW-<name>.png`, for people to look at.
pub async fn picture_overflow(b: &Browser, name: &str) {
    b.js("const iw = innerWidth; const e = Array.from(document.querySelectorAll('body *')) \
          .find(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > iw + 0.5 || r.left < -0.5); }); \
          if (e) e.scrollIntoView({block: 'center'});")
        .await;
    b.screenshot(&format!("OVERFLOW-{name}")).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_simple_and_selector_messages() {
        let ui = UiStrings::parse(
            "en",
            "# c\n## s\nnext-button = Next\nprogress = Question { $position }\n\
             exit-progress = { $remaining ->\n    [one] a\n   *[other] b\n}\nwhy-heading = Why we ask:\n",
        );
        assert_eq!(ui.get("next-button"), Some("Next"));
        assert_eq!(ui.get("why-heading"), Some("Why we ask:"));
        assert_eq!(ui.get("progress"), None);
        assert_eq!(ui.get("exit-progress"), None);
        assert_eq!(
            ui.ids,
            ["next-button", "progress", "exit-progress", "why-heading"]
        );
    }

    #[test]
    fn the_shipped_english_file_parses() {
        let ui = UiStrings::load("en").expect("src/i18n/en.ftl");
        assert_eq!(ui.get("next-button"), Some("Next"));
        assert!(ui.ids.len() > 40, "{:?}", ui.ids);
    }
}
