//! The language picker: a labelled `select#rs-lang`, on every screen.
//!
//! Lists the languages the questionnaire ships, and those the page can load
//! ([`crate::config::Setup::languages`]), each named in itself; switching keeps
//! every answer (the language is part of the flow state; a language not loaded
//! yet is loaded first, [`crate::language_files`]). The label is also
//! given in English when the active language is another, so a person who cannot
//! read the current language still finds it. Hidden for one-language questionnaires.

use crate::i18n::msg;
use yew::prelude::*;

use crate::config::Setup;
use crate::i18n::{autonym, LocaleContext, FALLBACK_UI};

/// What [`language_picker`] shows.
pub struct LanguagePickerProps {
    /// The active language.
    pub current: AttrValue,
    /// Gets the chosen language code.
    pub on_change: Callback<String>,
    /// The `select` element, for whoever must show the current language again
    /// (a language that could not be loaded).
    pub select: NodeRef,
}

/// The language picker.
///
/// A plain function, not a component: it has no state of its own, and its
/// caller passes the setup and locale (see [the module](super) for why).
pub fn language_picker(setup: &Setup, i18n: &LocaleContext, props: &LanguagePickerProps) -> Html {
    let languages = &setup.languages;
    if languages.len() < 2 {
        return html! {};
    }
    let label = i18n.t(msg::LANGUAGE_LABEL);
    let english = setup.locales.format(FALLBACK_UI, "language-label", &[]);
    let label = if label == english {
        label
    } else {
        format!("{label} · {english}")
    };
    let onchange = props.on_change.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <div class="rs-lang">
            <label for="rs-lang">{ label }</label>
            <select id="rs-lang" ref={props.select.clone()} {onchange}>
                { for languages.iter().map(|lang| html! {
                    <option
                        key={lang.clone()}
                        value={lang.clone()}
                        lang={lang.clone()}
                        selected={lang.as_str() == props.current.as_str()}
                    >
                        { autonym(lang) }
                    </option>
                }) }
            </select>
        </div>
    }
}
