//! The page template (`pages/index.html`): `{{name}}` placeholders, filled once
//! per language, and the options of `<main id="app">`, read exactly as
//! `www/boot.js` reads them, so the prerendered screen is the one the widget
//! mounts with.
//!
//! The template is plain HTML written by hand (the head, the CSP, the preloads,
//! the host element); everything that shows text comes from a placeholder, in
//! the page's language. A placeholder the prerenderer does not know, or one it
//! knows but was not given, is an error: a page never ships with `{{…}}` in it.

use crate::error::Error;

/// Every placeholder a template may hold, and what it becomes.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("lang", "the page's language, for <html lang>"),
    ("dir", "its direction, for <html dir>"),
    ("title", "the page's title (UI string page-title)"),
    (
        "description",
        "the questionnaire's description, for <meta name=description>",
    ),
    (
        "alternates",
        "<link rel=alternate hreflang> to every language's page",
    ),
    ("redirect", "<script src=lang.js> on the default page only"),
    (
        "questionnaire",
        "the page's questionnaire file, in its language only (q/<stem>.<lang>.json), for the preload",
    ),
    (
        "helplines",
        "the page's helpline file, in its language only (q/helplines.<lang>.json), for the preload",
    ),
    (
        "languages",
        "the languages with a file of their own, for data-languages (space-separated)",
    ),
    (
        "strings",
        "the preload of the page's UI strings file (ui/<lang>.json), empty in English (built into the wasm)",
    ),
    ("noscript", "what a browser without JavaScript shows"),
    (
        "widget",
        "the widget's start screen (App, server-side rendered)",
    ),
    (
        "page",
        "the helplines of every country, the language links, the failure notice",
    ),
];

/// The options of `<main id="app">` that decide what the widget shows (the
/// `data-*` names of `www/options.js`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppOptions {
    /// `data-questionnaire`: the compiled questionnaire, relative to `www/`.
    pub questionnaire: String,
    /// `data-helplines`: the helpline directory, relative to `www/`.
    pub helplines: String,
    /// `data-helplines-add`, when not empty: a directory whose lines are added.
    pub helplines_add: Option<String>,
    /// `data-country`, when not empty.
    pub country: Option<String>,
    /// `data-exit-url`, when not empty.
    pub exit_url: Option<String>,
}

/// A checked template.
#[derive(Debug, Clone)]
pub struct Template {
    text: String,
}

impl Template {
    /// Checks that `text` has `<main id="app">` with a questionnaire and only
    /// known placeholders.
    pub fn parse(text: &str) -> Result<Template, Error> {
        let template = Template {
            text: text.to_owned(),
        };
        for name in template.placeholders()? {
            if !PLACEHOLDERS.iter().any(|(known, _)| *known == name) {
                return Err(Error::Template(format!(
                    "unknown placeholder {{{{{name}}}}}; known: {}",
                    PLACEHOLDERS
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        template.app_options()?;
        Ok(template)
    }

    /// The names of the `{{…}}` placeholders, in order.
    fn placeholders(&self) -> Result<Vec<&str>, Error> {
        let mut names = Vec::new();
        let mut rest = self.text.as_str();
        while let Some(start) = rest.find("{{") {
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or_else(|| Error::Template("a `{{` is never closed".into()))?;
            names.push(after[..end].trim());
            rest = &after[end + 2..];
        }
        Ok(names)
    }

    /// The options of `<main id="app">`.
    pub fn app_options(&self) -> Result<AppOptions, Error> {
        let tag = app_tag(&self.text)?;
        let questionnaire = attribute(tag, "data-questionnaire")
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Error::Template("<main id=\"app\"> has no data-questionnaire".into()))?;
        Ok(AppOptions {
            questionnaire,
            helplines: attribute(tag, "data-helplines")
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| "q/helplines.json".to_owned()),
            helplines_add: attribute(tag, "data-helplines-add").filter(|v| !v.is_empty()),
            country: attribute(tag, "data-country").filter(|v| !v.is_empty()),
            exit_url: attribute(tag, "data-exit-url").filter(|v| !v.is_empty()),
        })
    }

    /// The template with every placeholder replaced by its value in `values`
    /// (already HTML: the caller escapes text).
    pub fn fill(&self, values: &[(&str, String)]) -> Result<String, Error> {
        let mut out = String::with_capacity(self.text.len() + 16 * 1024);
        let mut rest = self.text.as_str();
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after.find("}}").unwrap_or(after.len());
            let name = after[..end].trim();
            let value = values
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| Error::Template(format!("no value for {{{{{name}}}}}")))?;
            out.push_str(&value.1);
            rest = after.get(end + 2..).unwrap_or_default();
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// The `<main id="app" …>` start tag.
fn app_tag(html: &str) -> Result<&str, Error> {
    let mut from = 0;
    while let Some(offset) = html[from..].find("<main") {
        let start = from + offset;
        let end = start
            + html[start..]
                .find('>')
                .ok_or_else(|| Error::Template("unterminated <main> start tag".into()))?;
        let tag = &html[start..end];
        if attribute(tag, "id").as_deref() == Some("app") {
            return Ok(tag);
        }
        from = end;
    }
    Err(Error::Template(
        "no <main id=\"app\">: boot.js mounts the widget there".into(),
    ))
}

/// The value of attribute `name="…"` in a start tag (double quotes, as the
/// template writes them), with `&amp;` and `&quot;` decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=\"");
    let mut from = 0;
    while let Some(offset) = tag[from..].find(&needle) {
        let at = from + offset;
        let whole = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let start = at + needle.len();
        let end = start + tag[start..].find('"')?;
        if whole {
            return Some(
                tag[start..end]
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
            );
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html lang=\"{{lang}}\"><main id=\"app\" class=\"rs-host\" \
        data-questionnaire=\"q/self-check.json\" data-helplines=\"q/helplines.json\" \
        data-country=\"\" data-exit-url=\"/away?a=1&amp;b=2\" data-lang=\"{{lang}}\">{{widget}}</main>";

    #[test]
    fn reads_the_options_the_widget_mounts_with() {
        let t = Template::parse(PAGE).unwrap();
        assert_eq!(
            t.app_options().unwrap(),
            AppOptions {
                questionnaire: "q/self-check.json".into(),
                helplines: "q/helplines.json".into(),
                helplines_add: None,
                country: None,
                exit_url: Some("/away?a=1&b=2".into()),
            }
        );
    }

    #[test]
    fn fills_every_placeholder_or_fails() {
        let t = Template::parse(PAGE).unwrap();
        let html = t
            .fill(&[("lang", "uk".into()), ("widget", "<div></div>".into())])
            .unwrap();
        assert!(html.starts_with("<html lang=\"uk\">"), "{html}");
        assert!(
            html.contains("data-lang=\"uk\"><div></div></main>"),
            "{html}"
        );
        assert!(t.fill(&[("lang", "uk".into())]).is_err());
        assert!(Template::parse("<main id=\"app\" data-questionnaire=\"x\">{{nope}}").is_err());
        assert!(Template::parse("<main id=\"main\">").is_err());
        assert!(
            Template::parse("<main id=\"app\">").is_err(),
            "no questionnaire"
        );
    }
}
