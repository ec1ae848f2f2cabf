//! The panic fallback: never a blank box.
//!
//! The release build aborts on panic (`panic = "abort"`), so after a panic the app
//! is gone. The hook installed by [`install`] runs first: it replaces the mount
//! element's content with a static panel built from plain DOM calls (no Yew, no
//! app state): the quick exit, a short message, the emergency number 112 and the
//! helplines of the country chosen (read from the page's country picker, else the
//! configured one), in the language showing (read from the widget root's `lang`).
//!
//! The hook keeps what it needs, already parsed, in its own closure ([`Fallback`]:
//! the directory and the UI texts pre-formatted in every UI language), since the
//! app's state cannot be trusted after a panic. The mount element is found again by
//! its marker in a thread-local registry (the hook must be `Send`, which DOM
//! handles are not; a document query would miss an element in a shadow root).
//! The panel is written as escaped HTML (`innerHTML` is not script: the strict CSP
//! still holds) and its exit button gets a listener of its own.
//!
//! The panel: `div.rs-widget.rs-fallback[data-screen="fallback"]` with
//! `button.rs-exit` and `.rs-helplines a[href^="tel:"]` (112 first).

use std::sync::Arc;

use riskscreen_core::helplines::Directory;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::{direction, primary, Locales};

/// The fallback's UI strings in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct FallbackTexts {
    /// The UI language.
    pub lang: String,
    /// "Leave quickly".
    pub exit: String,
    /// "Something went wrong".
    pub heading: String,
    /// What happened and what to do.
    pub text: String,
    /// "Emergency (police, ambulance, fire)".
    pub emergency: String,
    /// "Please check this number".
    pub check: String,
}

impl FallbackTexts {
    /// The texts in every UI language.
    pub fn all(locales: &Locales) -> Vec<FallbackTexts> {
        locales
            .bundles()
            .iter()
            .map(|b| {
                let t = |id: &str| locales.format(b.lang(), id, &[]);
                FallbackTexts {
                    lang: b.lang().to_owned(),
                    exit: t("exit-button"),
                    heading: t("fallback-heading"),
                    text: t("fallback-text"),
                    emergency: t("emergency-name"),
                    check: t("helpline-check"),
                }
            })
            .collect()
    }
}

/// Everything the fallback shows, kept by the panic hook.
#[derive(Debug, Clone)]
pub struct Fallback {
    /// The mount element's `data-rs-root` value (its key in the registry).
    pub marker: String,
    /// Where the quick exit goes.
    pub exit_url: String,
    /// The language to use when the root's `lang` cannot be read.
    pub lang: String,
    /// The configured country.
    pub country: Option<String>,
    /// The helpline directory (shared with the app, read-only).
    pub directory: Arc<Directory>,
    /// The strings, in every UI language.
    pub texts: Vec<FallbackTexts>,
}

/// Marks `element` and installs a panic hook that shows `fallback` in it.
/// Earlier hooks (another mounted widget's) still run after this one. Must run
/// before the app is rendered.
pub fn install(element: &web_sys::Element, fallback: Fallback) {
    let _ = element.set_attribute("data-rs-root", &fallback.marker);
    ROOTS.with(|roots| {
        roots
            .borrow_mut()
            .push((fallback.marker.clone(), element.clone()))
    });
    let fallback = Arc::new(fallback);
    let previous = std::panic::take_hook();
    // Through yew, or yew's renderer would replace it with its console logger.
    yew::set_custom_panic_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("riskscreen: {info}").into());
        fallback.show();
        previous(info);
    }));
}

/// Forgets `element`: a later panic leaves it alone (after `MountHandle::destroy`).
pub fn uninstall(element: &web_sys::Element) {
    let _ = element.remove_attribute("data-rs-root");
    ROOTS.with(|roots| roots.borrow_mut().retain(|(_, e)| e != element));
}

thread_local! {
    /// The mounted widgets' elements by marker (wasm is single-threaded: one list).
    static ROOTS: std::cell::RefCell<Vec<(String, web_sys::Element)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// One line of the fallback's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Who answers.
    pub name: String,
    /// The number as written.
    pub number: String,
    /// The number for `tel:`.
    pub tel: String,
    /// Not confirmed as current.
    pub unverified: bool,
}

impl Fallback {
    /// The numbers to show, 112 first: the country's emergency number if it differs,
    /// then its lines and the EU-wide ones (each number once).
    pub fn lines(&self, lang: &str, country: Option<&str>) -> Vec<Line> {
        let texts = self.texts(lang);
        let mut lines = vec![Line {
            name: texts.emergency.clone(),
            number: "112".into(),
            tel: "112".into(),
            unverified: false,
        }];
        let code = country.unwrap_or("EU");
        if let Some(c) = self.directory.country(code) {
            if c.emergency != "112" {
                lines.push(Line {
                    name: texts.emergency.clone(),
                    number: c.emergency.clone(),
                    tel: c.emergency.clone(),
                    unverified: false,
                });
            }
        }
        for h in self.directory.for_country(code) {
            if lines.iter().any(|l| l.tel == h.tel) {
                continue;
            }
            lines.push(Line {
                name: h
                    .name
                    .get_or(lang, &self.directory.default_language)
                    .to_owned(),
                number: h.number.clone(),
                tel: h.tel.clone(),
                unverified: !h.verification.verified,
            });
        }
        lines
    }

    fn texts(&self, lang: &str) -> &FallbackTexts {
        let wanted = primary(lang);
        self.texts
            .iter()
            .find(|t| t.lang == wanted)
            .or_else(|| self.texts.first())
            .expect("FallbackTexts::all yields every UI language")
    }

    /// The panel's markup (text escaped; no script, no style attribute).
    pub fn html(&self, lang: &str, country: Option<&str>) -> String {
        let texts = self.texts(lang);
        let mut out = format!(
            "<div class=\"rs-widget rs-fallback\" data-screen=\"fallback\" lang=\"{}\" dir=\"{}\">\
             <div class=\"rs-bar\"><button type=\"button\" class=\"rs-exit\">{}</button></div>\
             <h2 class=\"rs-heading\" tabindex=\"-1\">{}</h2><p role=\"alert\">{}</p>\
             <ul class=\"rs-helplines rs-lines\">",
            escape(lang),
            direction(lang),
            escape(&texts.exit),
            escape(&texts.heading),
            escape(&texts.text),
        );
        for line in self.lines(lang, country) {
            out.push_str(&format!(
                "<li class=\"rs-line\"><span class=\"rs-line-name\">{}</span> \
                 <a class=\"rs-tel\" href=\"tel:{}\">{}</a>{}</li>",
                escape(&line.name),
                escape(&line.tel),
                escape(&line.number),
                if line.unverified {
                    format!("<span class=\"rs-check\">{}</span>", escape(&texts.check))
                } else {
                    String::new()
                },
            ));
        }
        out.push_str("</ul></div>");
        out
    }

    /// Replaces the marked element's content with the fallback panel.
    fn show(&self) {
        let root = ROOTS.with(|roots| {
            roots
                .borrow()
                .iter()
                .find(|(marker, _)| *marker == self.marker)
                .map(|(_, element)| element.clone())
        });
        let Some(root) = root else {
            return;
        };
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let lang = find(".rs-widget[lang]")
            .and_then(|w| w.get_attribute("lang"))
            .unwrap_or_else(|| self.lang.clone());
        let country = find("#rs-country")
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .filter(|v| !v.is_empty())
            .or_else(|| self.country.clone());
        root.set_inner_html(&self.html(&lang, country.as_deref()));
        if let Some(exit) = find(".rs-exit") {
            let url = self.exit_url.clone();
            let on_click = Closure::<dyn FnMut()>::new(move || crate::quick_exit::leave(&url));
            let _ =
                exit.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            // The page is broken from here on; the handler lives as long as the page.
            on_click.forget();
        }
        if let Some(heading) =
            find(".rs-heading").and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    }
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
