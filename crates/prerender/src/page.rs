//! The self-check page's own parts around the widget, as components rendered
//! with the widget's contexts (so with its strings, in the page's language):
//!
//! - [`Directory`]: "Where to get help", every country of the helpline directory
//!   as a `<details>` holding the widget's own [`helpline_lines`] for it (the
//!   numbers the result screen shows for that country, 112 first). A person can
//!   reach a national line before any script runs, and after any failure;
//!   `boot.js` opens them all when the check cannot start. The page's configured
//!   country (`data-country`) comes first, open.
//! - [`Languages`]: the other languages' pages as plain links (`hreflang`), for
//!   browsers without script and for people who want another language than the
//!   one picked for them.
//! - [`BootNotice`]: hidden; what `boot.js` shows in place of the start screen
//!   when the check cannot start (one text for "no WebAssembly here", one for
//!   everything else), in the page's language.
//! - [`NoScript`]: the same for a browser without JavaScript.
//!
//! And, for the two other ways in (frame embed, custom element, JS API), which
//! have no prerendered page: [`FallbackParts`], the same countries as
//! [`Directory`] in one UI language, written to `www/fallback/<lang>.html`
//! ([`crate::fallback`]) for `www/fallback.js` to add to its box when the check
//! cannot start. Not a landmark (the box sits inside the host's or the frame's
//! `<main>`), and no configured country: `fallback.js` opens that one.
//!
//! Markup contract (boot.js, fallback.js and the browser tests rely on it):
//! `aside.rs-page-help details[data-country] a[href^="tel:"]`,
//! `nav.rs-page-langs a[hreflang]`, `#rs-boot-failed[hidden]` with one
//! `p[data-rs-reason]` per reason (`load`, `no-wasm`) and, for every reason,
//! `p.rs-boot-checklist a` to the printable checklist; the fragment:
//! `div.rs-fallback-help[data-rs-fragment=<lang>] details[data-country] a[href^="tel:"]`,
//! with no link but `tel:` ones.

use riskscreen::components::helpline_list::helpline_lines;
use riskscreen::config::{use_setup, Setup, SetupContext, WidgetContext};
use riskscreen::i18n::msg;
use riskscreen::i18n::{autonym, use_i18n, LocaleContext};
use yew::prelude::*;

use crate::page_file;

/// Props of [`PageParts`].
#[derive(Properties, PartialEq)]
pub struct PagePartsProps {
    /// The page's setup (its language is the page's).
    pub setup: SetupContext,
    /// Every language a page is prerendered in, in the questionnaire's order.
    pub languages: Vec<AttrValue>,
}

/// Everything of the page below `<main id="app">`, with the widget's contexts.
#[component]
pub fn PageParts(props: &PagePartsProps) -> Html {
    let setup = props.setup.clone();
    let locale = LocaleContext::new(
        setup.locales.clone(),
        setup.lang.clone(),
        setup.questionnaire.default_language.clone().into(),
    );
    html! {
        <ContextProvider<WidgetContext> context={WidgetContext { setup, locale }}>
            <Directory />
            <Languages languages={props.languages.clone()} />
            <BootNotice />
        </ContextProvider<WidgetContext>>
    }
}

/// Props of [`NoScriptParts`].
#[derive(Properties, PartialEq)]
pub struct NoScriptPartsProps {
    /// The page's setup.
    pub setup: SetupContext,
}

/// [`NoScript`] with the widget's contexts.
#[component]
pub fn NoScriptParts(props: &NoScriptPartsProps) -> Html {
    let setup = props.setup.clone();
    let locale = LocaleContext::new(
        setup.locales.clone(),
        setup.lang.clone(),
        setup.questionnaire.default_language.clone().into(),
    );
    html! {
        <ContextProvider<WidgetContext> context={WidgetContext { setup, locale }}>
            <NoScript />
        </ContextProvider<WidgetContext>>
    }
}

/// Every country's helplines, one disclosure each.
#[component]
fn Directory() -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    html! {
        <aside class="rs-page rs-page-help" aria-labelledby="rs-page-help">
            <h2 id="rs-page-help">{ i18n.t(msg::HELPLINES_HEADING) }</h2>
            { countries(&setup, &i18n) }
        </aside>
    }
}

/// "Where are you now?" and every country of the directory as a `<details>`
/// holding its [`helpline_lines`]: the configured country first, open; "anywhere
/// in the EU" (code EU) last, as the result screen's picker offers it as the
/// choice for no country.
fn countries(setup: &Setup, i18n: &LocaleContext) -> Html {
    let directory = &setup.directory;
    let dl = &directory.default_language;
    let chosen = setup.country.as_deref();
    let mut countries: Vec<_> = directory.countries.iter().collect();
    countries.sort_by_key(|c| (Some(c.code.as_str()) != chosen, c.code == "EU"));
    html! {
        <>
            <p>{ i18n.t(msg::COUNTRY_LABEL) }</p>
            { for countries.iter().map(|c| html! {
                <details
                    key={c.code.clone()}
                    class="rs-country"
                    data-country={c.code.clone()}
                    open={Some(c.code.as_str()) == chosen}
                >
                    <summary>{ i18n.text_or(&c.name, dl) }</summary>
                    { helpline_lines(setup, i18n, Some(c.code.as_str())) }
                </details>
            }) }
        </>
    }
}

/// Props of [`FallbackParts`].
#[derive(Properties, PartialEq)]
pub struct FallbackPartsProps {
    /// The widget's setup (its directory; no country).
    pub setup: SetupContext,
    /// The UI language of the fragment.
    pub lang: AttrValue,
}

/// The embeds' fallback fragment in one language: every country's helplines,
/// as on the page, in a plain `div` (see the module doc).
#[component]
pub fn FallbackParts(props: &FallbackPartsProps) -> Html {
    let setup = props.setup.clone();
    let locale = LocaleContext::new(
        setup.locales.clone(),
        props.lang.clone(),
        setup.questionnaire.default_language.clone().into(),
    );
    html! {
        <ContextProvider<WidgetContext> context={WidgetContext { setup, locale }}>
            <FallbackDirectory />
        </ContextProvider<WidgetContext>>
    }
}

/// [`Directory`]'s content for the embeds' fallback box.
#[component]
fn FallbackDirectory() -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let lang = i18n.lang().clone();
    html! {
        <div class="rs-fallback-help" data-rs-fragment={lang.clone()} {lang} dir={i18n.dir()}>
            <h2>{ i18n.t(msg::HELPLINES_HEADING) }</h2>
            { countries(&setup, &i18n) }
        </div>
    }
}

/// Props of [`Languages`].
#[derive(Properties, PartialEq)]
struct LanguagesProps {
    languages: Vec<AttrValue>,
}

/// Links to the page in every language, each named in itself.
#[component]
fn Languages(props: &LanguagesProps) -> Html {
    let i18n = use_i18n();
    let current = i18n.lang().clone();
    html! {
        <nav class="rs-page rs-page-langs" aria-label={i18n.t(msg::LANGUAGE_LABEL)}>
            <ul>
                { for props.languages.iter().map(|lang| html! {
                    <li key={lang.to_string()}>
                        <a
                            href={page_file(lang)}
                            hreflang={lang.clone()}
                            lang={lang.clone()}
                            aria-current={(*lang == current).then_some("page")}
                        >
                            { autonym(lang) }
                        </a>
                    </li>
                }) }
            </ul>
        </nav>
    }
}

/// The notice `boot.js` shows when the check cannot start (hidden until then),
/// with a link to the printable checklist of the same questionnaire in the page's
/// language (written by `cargo xtask build`, which checks the link).
#[component]
fn BootNotice() -> Html {
    let i18n = use_i18n();
    let setup = use_setup();
    let checklist = format!("checklist/{}.{}.html", setup.questionnaire.id, i18n.lang());
    html! {
        <div id="rs-boot-failed" class="rs-boot-notice" hidden=true>
            <h2 class="rs-heading" tabindex="-1">{ i18n.t(msg::PAGE_FAILED_HEADING) }</h2>
            <p data-rs-reason="load">{ i18n.t(msg::PAGE_FAILED_TEXT) }</p>
            <p data-rs-reason="no-wasm">{ i18n.t(msg::PAGE_NO_WASM_TEXT) }</p>
            <p class="rs-boot-checklist">
                <a href={checklist}>{ i18n.t(msg::PAGE_CHECKLIST_LINK) }</a>
            </p>
        </div>
    }
}

/// What a browser without JavaScript shows above the (inert) start screen.
#[component]
fn NoScript() -> Html {
    let i18n = use_i18n();
    html! {
        <noscript>
            <p class="rs-boot-notice">{ i18n.t(msg::PAGE_NO_SCRIPT_TEXT) }</p>
        </noscript>
    }
}
