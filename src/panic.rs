//! The panic fallback: never a blank box.
//!
//! The release build aborts on panic (`panic = "abort"`), so after a panic the app
//! is gone. The hook installed by [`install`] runs first: it replaces the mount
//! element's content with a static panel built from plain DOM calls (no Yew, no
//! app state): the quick exit, a short message, the emergency number 112 and the
//! helplines of the country chosen (read from the page's country picker, else the
//! configured one), in the language showing (read from the widget root's `lang`).
//!
//! There is one hook for the whole page, installed by the first mount: each mount
//! only registers its element with what its panel needs, already parsed
//! ([`Fallback`]: the directory and the UI texts pre-formatted in every UI
//! language), since the app's state cannot be trusted after a panic. The registry
//! is thread-local (the hook must be `Send`, which DOM handles are not; a document
//! query would miss an element in a shadow root), and [`uninstall`] drops a
//! destroyed mount's entry, so a page that mounts and destroys the widget many
//! times keeps one hook and only the live mounts' directories. After a panic the
//! wasm instance is gone (`panic = "abort"`), so every live mount shows its panel.
//! The panel is written as escaped HTML (`innerHTML` is not script: the strict CSP
//! still holds) and its exit button gets a listener of its own.
//!
//! The same panel, with a line for the site owner, is what a mount that cannot
//! start shows ([`show_failure`]): a refused option or a broken file never leaves
//! the person without the quick exit and a number to call.
//!
//! The panel: `div.rs-widget.rs-fallback[data-screen="fallback"]` with
//! `button.rs-exit` and `.rs-helplines a[href^="tel:"]` (112 first).

use std::sync::Arc;

use riskscreen_core::helplines::Directory;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::{direction, msg, primary, Locales, MessageId};

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
                let t = |id: MessageId| locales.format(b.lang(), id.as_str(), &[]);
                FallbackTexts {
                    lang: b.lang().to_owned(),
                    exit: t(msg::EXIT_BUTTON),
                    heading: t(msg::FALLBACK_HEADING),
                    text: t(msg::FALLBACK_TEXT),
                    emergency: t(msg::EMERGENCY_NAME),
                    check: t(msg::HELPLINE_CHECK),
                }
            })
            .collect()
    }
}

/// Everything the fallback shows, kept in the registry for the panic hook.
#[derive(Debug, Clone)]
pub struct Fallback {
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

/// Marks `element` (`data-rs-root`) and registers `fallback` for it; installs
/// the page's one panic hook on the first call. Must run before the app is
/// rendered.
pub fn install(element: &web_sys::Element, fallback: Fallback) {
    let _ = element.set_attribute("data-rs-root", "");
    ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        roots.retain(|(e, _)| e != element);
        roots.push((element.clone(), fallback));
    });
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        // Through yew, or yew's renderer would replace it with its console logger.
        yew::set_custom_panic_hook(Box::new(move |info| {
            web_sys::console::error_1(&format!("riskscreen: {info}").into());
            show_all();
            previous(info);
        }));
    });
}

/// Forgets `element` and drops its fallback: a later panic leaves it alone (after
/// `MountHandle::destroy`).
pub fn uninstall(element: &web_sys::Element) {
    let _ = element.remove_attribute("data-rs-root");
    ROOTS.with(|roots| roots.borrow_mut().retain(|(e, _)| e != element));
}

/// How many mounts are registered (for the long-session checks).
pub fn registered() -> usize {
    ROOTS.with(|roots| roots.borrow().len())
}

/// The page's one panic hook is installed once.
static HOOK: std::sync::Once = std::sync::Once::new();

thread_local! {
    /// The live mounts' elements and panels (wasm is single-threaded: one list).
    static ROOTS: std::cell::RefCell<Vec<(web_sys::Element, Fallback)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Shows the panel in every live mount (the panic hook).
fn show_all() {
    // Taken out of the registry: showing a panel must not hold the borrow, and
    // after a panic the instance is gone anyway.
    let roots = ROOTS.with(|roots| std::mem::take(&mut *roots.borrow_mut()));
    for (element, fallback) in roots {
        fallback.show_in(&element);
    }
}

/// Shows the panel in `element` for a widget that could not start, with
/// `problem` for the site owner below it (in English: it is for whoever set the
/// page up; everything the person needs is in their language above it). Phone
/// numbers in `problem` are hidden there ([`hide_numbers`]): a refused directory's
/// number must not be readable, and so dialled, off the panel (the console and the
/// rejected `mount()` keep the whole text).
pub fn show_failure(element: &web_sys::Element, fallback: &Fallback, problem: &str) {
    fallback.show_in(element);
    if let Some(detail) = element
        .owner_document()
        .and_then(|d| d.create_element("pre").ok())
    {
        detail.set_class_name("rs-boot-detail");
        let _ = detail.set_attribute("lang", "en");
        detail.set_text_content(Some(&format!(
            "For the site owner: {}",
            hide_numbers(problem)
        )));
        if let Ok(Some(panel)) = element.query_selector(".rs-fallback") {
            let _ = panel.append_child(&detail);
        }
    }
}

/// `text` with every phone-number-like run (digits with `+`, spaces, dashes,
/// dots or brackets between them) of five digits or more replaced by `…`; short
/// runs (an index such as `helpline[14]`) stay.
pub fn hide_numbers(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // The run from this digit (and a `+` before it) to the last digit reachable
        // through separators; every index is that of an ASCII byte.
        let start = if i > 0 && bytes[i - 1] == b'+' {
            i - 1
        } else {
            i
        };
        let (mut end, mut j, mut digits) = (i + 1, i + 1, 1);
        while j < bytes.len()
            && matches!(
                bytes[j],
                b'0'..=b'9' | b' ' | b'+' | b'-' | b'.' | b'(' | b')'
            )
        {
            if bytes[j].is_ascii_digit() {
                digits += 1;
                end = j + 1;
            }
            j += 1;
        }
        if digits >= 5 {
            out.push_str(&text[copied..start]);
            out.push('…');
            copied = end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
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

    fn texts(&self, lang: &str) -> std::borrow::Cow<'_, FallbackTexts> {
        let wanted = primary(lang);
        if let Some(texts) = self.texts.iter().find(|t| t.lang == wanted) {
            return std::borrow::Cow::Borrowed(texts);
        }
        // A language whose strings were read from a file after this mount
        // registered (picked mid-run: `crate::i18n::ui_file`).
        if let Some(texts) = FallbackTexts::all(&Locales::new())
            .into_iter()
            .find(|t| t.lang == wanted)
        {
            return std::borrow::Cow::Owned(texts);
        }
        std::borrow::Cow::Borrowed(
            self.texts
                .first()
                .expect("FallbackTexts::all yields English at least"),
        )
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

    /// Replaces `root`'s content with the fallback panel, in the language and for
    /// the country showing (read from the widget's markup, else the configured ones).
    fn show_in(&self, root: &web_sys::Element) {
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
        // On the widget's own page, its prerendered link to the printable checklist
        // (issue #14) comes along: a way through the same questions without the check.
        let checklist = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector("#rs-boot-failed .rs-boot-checklist")
                .ok()
                .flatten()
        });
        if let (Some(checklist), Some(panel)) = (checklist, find(".rs-fallback")) {
            if let Ok(copy) = checklist.clone_node_with_deep(true) {
                let _ = panel.append_child(&copy);
            }
        }
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

/// Text made safe for HTML (one rule for the panel, the prerenderer and the
/// CLI's checklist).
pub use riskscreen_core::html::escape;

#[cfg(test)]
mod tests {
    use super::hide_numbers;

    #[test]
    fn numbers_are_hidden_and_indexes_kept() {
        assert_eq!(
            hide_numbers(
                "helpline[14].tel: error[number-mismatch]: `tel` dials +48800666666 \
                 but the number shown is `+48 22 628 01 20`"
            ),
            "helpline[14].tel: error[number-mismatch]: `tel` dials … but the number shown is `…`"
        );
        assert_eq!(hide_numbers("call 0 800 500-335."), "call ….");
        assert_eq!(
            hide_numbers("question[3] at 12:40, HTTP 404"),
            "question[3] at 12:40, HTTP 404"
        );
    }
}
