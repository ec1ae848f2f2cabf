//! "Listen": reads a screen aloud with a voice on the device ([`crate::speech`]).
//!
//! `button.rs-listen[data-action=listen]` reads the visible text of the parts of
//! the screen named by CSS selectors under `root` (a question's fieldset: the
//! question, hint, why and options; the result's danger block, level, concerns and
//! helplines), each part as one utterance. Pressed again, or on any screen change,
//! language change or quick exit (the component goes, its effect's cleanup
//! stops the speech), it stops. Without a local voice for the screen's language it
//! renders nothing, except on the first question, where it says once that
//! listening is not available on this device (not on the start screen: that is
//! prerendered HTML, which cannot know the device's voices and must not move when
//! the widget mounts). Its label says what pressing does ("Listen" / "Stop
//! listening"); it is not announced through the live region, which stays for the
//! flow's own messages. No keyboard shortcut (WCAG 2.1.4): it is a button in the
//! tab order.

use crate::i18n::msg;
use yew::prelude::*;

use crate::i18n::use_i18n;
use crate::speech;

/// Props of [`ListenButton`].
#[derive(Properties, PartialEq)]
pub struct ListenButtonProps {
    /// The element whose parts are read.
    pub root: NodeRef,
    /// CSS selectors of the parts to read, in order (each may match several).
    pub parts: &'static [&'static str],
    /// The flow's step counter: speech stops when it changes.
    pub step: u32,
    /// Where the control would be, say that listening is not available when the
    /// device has no voice for the language (the first question: said once).
    #[prop_or_default]
    pub explain_missing: bool,
}

/// Whether the device can read aloud in `lang`, kept up to date as voices load
/// (most browsers list them only after the page has loaded). `None` until the
/// first check after mount, so that the prerendered page and the first render
/// agree.
#[hook]
pub fn use_local_voice(lang: AttrValue) -> Option<bool> {
    let available = use_state(|| None);
    {
        let available = available.clone();
        use_effect_with(lang, move |lang| {
            let code = crate::i18n::primary(lang);
            available.set(Some(speech::available(&code)));
            let setter = available.clone();
            let listener =
                speech::on_voices_changed(move || setter.set(Some(speech::available(&code))));
            // The listener goes with this cleanup (on a language change or unmount).
            move || {
                let _listener = listener;
            }
        });
    }
    *available
}

/// The "Listen" control.
#[component]
pub fn ListenButton(props: &ListenButtonProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang().clone();
    let available = use_local_voice(lang.clone());
    let speaking = use_state(|| false);
    // Any change of screen, language or step, and unmounting (the quick exit
    // included), stops the speech.
    {
        let speaking = speaking.clone();
        use_effect_with((props.step, lang.clone()), move |_| {
            move || {
                speech::stop();
                speaking.set(false);
            }
        });
    }
    match available {
        Some(true) => {}
        Some(false) if props.explain_missing => {
            return html! {
                <p class="rs-hint rs-listen-missing">{ i18n.t(msg::LISTEN_UNAVAILABLE) }</p>
            };
        }
        _ => return Html::default(),
    }
    let onclick = {
        let speaking = speaking.clone();
        let root = props.root.clone();
        let parts = props.parts;
        let lang = crate::i18n::primary(&lang);
        Callback::from(move |_: MouseEvent| {
            if *speaking {
                speech::stop();
                speaking.set(false);
                return;
            }
            let texts = visible_texts(&root, parts);
            let done = speaking.clone();
            if speech::speak(&texts, &lang, move || done.set(false)) {
                speaking.set(true);
            }
        })
    };
    html! {
        <button type="button" class="rs-secondary rs-listen" data-action="listen" {onclick}>
            { i18n.t(if *speaking { msg::LISTEN_STOP } else { msg::LISTEN_BUTTON }) }
        </button>
    }
}

/// The rendered text of each element under `root` matching `parts`, in order.
fn visible_texts(root: &NodeRef, parts: &[&str]) -> Vec<String> {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    for selector in parts {
        let Ok(found) = root.query_selector_all(selector) else {
            continue;
        };
        for i in 0..found.length() {
            if let Some(element) = found
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
            {
                texts.push(element.inner_text());
            }
        }
    }
    texts
}
