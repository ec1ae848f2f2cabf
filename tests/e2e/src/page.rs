//! Test pages: variants of the prerendered self-check page (`www/index.html`, or
//! the page in another language, `www/index.<lang>.html`) with other `data-*`
//! configuration on `<main id="app">`, plus a test-only recorder script and a
//! neutral exit page.
//!
//! Under the strict CSP nothing inline may run, so the recorder is an external
//! script (`/__test/recorder.js`), included first in `<head>` so it sees every
//! CSP violation and error of the page, the widget's included.

/// Where the recorder script is served.
pub const RECORDER_PATH: &str = "/__test/recorder.js";

/// The neutral page quick exit goes to in the tests.
pub const NEUTRAL_PATH: &str = "/neutral.html";

/// The neutral page's `<title>`, to recognise it.
pub const NEUTRAL_TITLE: &str = "Weather forecast";

/// Records `securitypolicyviolation` events, uncaught errors, unhandled rejections
/// and `console.error` calls in `window.__e2e`, for [`crate::Browser::csp_violations`]
/// and [`crate::Browser::page_errors`]; `console.warn` calls go to
/// `window.__e2e.warnings` (not errors: a widget warns about an ignored option).
pub const RECORDER_JS: &str = r#""use strict";
// Test-only (riskscreen-e2e): records what went wrong on this page.
(function () {
  var rec = { csp: [], errors: [] };
  window.__e2e = rec;
  document.addEventListener("securitypolicyviolation", function (e) {
    rec.csp.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: String(e.blockedURI),
      source: e.sourceFile ? e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber : "",
      sample: e.sample || ""
    });
  });
  window.addEventListener("error", function (e) {
    rec.errors.push("error: " + (e.message || String(e.error)) + (e.filename ? " at " + e.filename + ":" + e.lineno : ""));
  });
  window.addEventListener("unhandledrejection", function (e) {
    rec.errors.push("unhandled rejection: " + String(e.reason && (e.reason.stack || e.reason)));
  });
  // Results a widget shared with the host page (riskscreen:complete), in order.
  rec.shared = [];
  document.addEventListener("riskscreen:complete", function (e) {
    rec.shared.push(e.detail);
  });
  var consoleError = console.error;
  console.error = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i] && (arguments[i].stack || arguments[i])));
    rec.errors.push("console.error: " + parts.join(" "));
    return consoleError.apply(console, arguments);
  };
  rec.warnings = [];
  var consoleWarn = console.warn;
  console.warn = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) parts.push(String(arguments[i]));
    rec.warnings.push(parts.join(" "));
    return consoleWarn.apply(console, arguments);
  };
})();
"#;

/// A plain page with no script, served at [`NEUTRAL_PATH`].
pub const NEUTRAL_HTML: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Weather forecast</title></head><body><h1>Weather forecast</h1>\
<p>Sunny, 21 degrees.</p></body></html>\n";

/// The configuration of one test page: the `data-*` attributes of `<main id="app">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageOptions {
    /// `data-questionnaire`, relative to `www/`.
    pub questionnaire: String,
    /// `data-helplines`, relative to `www/`.
    pub helplines: String,
    /// `data-country` (ISO code, or empty).
    pub country: String,
    /// `data-exit-url` (empty: the widget's default).
    pub exit_url: String,
    /// `data-lang`, if set (empty: the widget picks).
    pub lang: String,
    /// `data-test-panic="true"`: the widget panics on purpose (fallback test).
    pub test_panic: bool,
    /// The prerendered page the variant is made of, relative to `www/`
    /// (`index.html`, `index.uk.html`, …).
    pub page: String,
    /// Chromium flags added to the harness's own (`--js-flags=--jitless`); a
    /// `--lang=…` replaces the harness's `--lang=en-US`.
    pub chromium_args: Vec<String>,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            questionnaire: "q/self-check.json".to_owned(),
            helplines: "q/helplines.json".to_owned(),
            country: String::new(),
            exit_url: NEUTRAL_PATH.to_owned(),
            lang: String::new(),
            test_panic: false,
            page: "index.html".to_owned(),
            chromium_args: Vec::new(),
        }
    }
}

impl PageOptions {
    /// The self-check with the neutral exit page.
    pub fn self_check() -> Self {
        Self::default()
    }

    /// The NGO intake questionnaire.
    pub fn ngo_intake() -> Self {
        PageOptions {
            questionnaire: "q/ngo-intake.json".to_owned(),
            ..Self::default()
        }
    }

    /// The self-check page prerendered in `lang` (`www/index.<lang>.html`).
    pub fn self_check_in(lang: &str) -> Self {
        PageOptions {
            page: format!("index.{lang}.html"),
            ..Self::default()
        }
    }

    /// The self-check with an injected panic.
    pub fn panicking() -> Self {
        PageOptions {
            test_panic: true,
            ..Self::default()
        }
    }
}

/// Rewrites `index_html` for `options`: sets the `data-*` attributes of the
/// `<main id="app">` start tag and includes the recorder script first in `<head>`.
/// An empty `lang` keeps the page's own (each prerendered page forces its
/// language). A `exit_url` also goes into the prerendered quick exit's `href`, as
/// the prerenderer would have written it for a page with that `data-exit-url`.
pub fn variant(index_html: &str, options: &PageOptions) -> Result<String, String> {
    let mut html = index_html.to_owned();
    if !options.exit_url.is_empty() {
        html = set_exit_href(&html, &options.exit_url)?;
    }
    let attrs: [(&str, &str); 6] = [
        ("data-questionnaire", &options.questionnaire),
        ("data-helplines", &options.helplines),
        ("data-country", &options.country),
        ("data-exit-url", &options.exit_url),
        ("data-lang", &options.lang),
        (
            "data-test-panic",
            if options.test_panic { "true" } else { "" },
        ),
    ];
    for (name, value) in attrs {
        // Attributes the page does not have and that would be empty are left out;
        // so is an empty language (the page's own stays).
        if value.is_empty() && (name == "data-lang" || !has_attr(&html, name)?) {
            continue;
        }
        html = set_attr(&html, name, value)?;
    }
    let head = html
        .find("<head>")
        .ok_or("www/index.html has no `<head>` tag")?
        + "<head>".len();
    html.insert_str(
        head,
        &format!("\n  <script src=\"{RECORDER_PATH}\"></script>"),
    );
    Ok(html)
}

/// Sets the `href` of the prerendered quick exit (`<a … class="rs-exit">`), if
/// the page has one.
fn set_exit_href(html: &str, url: &str) -> Result<String, String> {
    let Some(class) = html.find("class=\"rs-exit\"") else {
        return Ok(html.to_owned());
    };
    let start = html[..class].rfind("<a ").ok_or("rs-exit is not a link")?;
    let end = class + html[class..].find('>').ok_or("unterminated rs-exit tag")?;
    let tag = &html[start..end];
    let href = tag.find(" href=\"").ok_or("the quick exit has no href")? + " href=\"".len();
    let href_end = href + tag[href..].find('"').ok_or("unterminated href")?;
    let escaped = url.replace('&', "&amp;").replace('"', "&quot;");
    Ok(format!(
        "{}{}{escaped}{}{}",
        &html[..start],
        &tag[..href],
        &tag[href_end..],
        &html[end..]
    ))
}

/// The byte range of the `<main id="app" …>` start tag.
fn app_tag(html: &str) -> Result<(usize, usize), String> {
    let mut from = 0;
    while let Some(offset) = html[from..].find("<main") {
        let start = from + offset;
        let end = start
            + html[start..]
                .find('>')
                .ok_or("unterminated <main> start tag in www/index.html")?;
        if html[start..end].contains("id=\"app\"") {
            return Ok((start, end));
        }
        from = end;
    }
    Err("www/index.html has no `<main id=\"app\">` (the page contract)".to_owned())
}

fn has_attr(html: &str, name: &str) -> Result<bool, String> {
    let (start, end) = app_tag(html)?;
    Ok(html[start..end].contains(&format!(" {name}=\"")))
}

/// Sets attribute `name` on `<main id="app">` to `value` (HTML-escaped).
fn set_attr(html: &str, name: &str, value: &str) -> Result<String, String> {
    let (start, end) = app_tag(html)?;
    let escaped = value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let tag = &html[start..end];
    let needle = format!(" {name}=\"");
    let new_tag = match tag.find(&needle) {
        Some(at) => {
            let value_start = at + needle.len();
            let value_end = value_start
                + tag[value_start..]
                    .find('"')
                    .ok_or_else(|| format!("unterminated {name} attribute"))?;
            format!("{}{escaped}{}", &tag[..value_start], &tag[value_end..])
        }
        None => format!("{tag} {name}=\"{escaped}\""),
    };
    Ok(format!("{}{new_tag}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!doctype html><html><head><title>t</title></head><body>\
        <main id=\"app\" data-questionnaire=\"q/self-check.json\" data-helplines=\"q/helplines.json\" \
        data-country=\"\" data-exit-url=\"\"></main></body></html>";

    #[test]
    fn rewrites_and_adds_attributes() {
        let options = PageOptions {
            questionnaire: "q/ngo-intake.json".into(),
            test_panic: true,
            country: "PL".into(),
            ..PageOptions::default()
        };
        let html = variant(INDEX, &options).unwrap();
        assert!(html.contains("data-questionnaire=\"q/ngo-intake.json\""));
        assert!(html.contains("data-country=\"PL\""));
        assert!(html.contains("data-exit-url=\"/neutral.html\""));
        assert!(html.contains("data-test-panic=\"true\""));
        assert!(!html.contains("data-lang"));
        assert!(html.contains("<head>\n  <script src=\"/__test/recorder.js\"></script>"));
    }

    #[test]
    fn the_prerendered_exit_link_follows_the_exit_url() {
        let page = "<html><head></head><body><main id=\"app\" data-lang=\"uk\">\
            <a href=\"https://www.bbc.com/weather\" rel=\"noreferrer\" class=\"rs-exit\">x</a></main>";
        let html = variant(page, &PageOptions::default()).unwrap();
        assert!(
            html.contains("<a href=\"/neutral.html\" rel=\"noreferrer\" class=\"rs-exit\">x</a>"),
            "{html}"
        );
        assert!(
            html.contains("data-lang=\"uk\""),
            "the page's language stays: {html}"
        );
    }

    #[test]
    fn default_options_leave_no_panic_attribute() {
        let html = variant(INDEX, &PageOptions::default()).unwrap();
        assert!(!html.contains("data-test-panic"));
    }

    #[test]
    fn missing_app_element_is_reported() {
        let err = variant(
            "<html><head></head><main id=\"x\"></main>",
            &PageOptions::default(),
        )
        .unwrap_err();
        assert!(err.contains("<main id=\\\"app\\\">") || err.contains("main id"));
    }
}
