//! The helplines for the chosen country, with the country picker.
//!
//! `.rs-helplines` lists the emergency number first, then the country's lines and,
//! for an EU country, the EU-wide ones ([`Directory::for_country`] order; with no
//! country chosen, the EU-wide ones): name, number as a `tel:`
//! link, hours, languages, whether the call is free, and "please check this
//! number" beside a number not confirmed as current ([`helpline_lines`], also
//! shown once per country on the prerendered self-check page). The picker
//! (`select#rs-country`, reachable through the `select` node ref: the danger
//! block's "where are you?" prompt focuses it) changes the country without
//! touching any answer.
//!
//! [`Directory::for_country`]: riskscreen_core::helplines::Directory::for_country

use crate::i18n::msg;
use yew::prelude::*;

use crate::config::Setup;
use crate::i18n::{autonym, Arg, LocaleContext};

/// What [`helpline_list`] shows.
pub struct HelplineListProps {
    /// The chosen country's code.
    pub country: Option<AttrValue>,
    /// Gets the newly chosen country (`None`: another country).
    pub on_change: Callback<Option<String>>,
    /// Bound to the country picker.
    pub select: NodeRef,
}

/// The helpline list.
///
/// A plain function, not a component: it has no state of its own, and its
/// caller passes the setup and locale (see [the module](super) for why).
pub fn helpline_list(setup: &Setup, i18n: &LocaleContext, props: &HelplineListProps) -> Html {
    let directory = &setup.directory;
    // No country chosen: the EU-wide lines.
    let code = props.country.as_deref().unwrap_or("EU");
    let dl = &directory.default_language;
    let countries: Vec<_> = directory
        .countries
        .iter()
        .filter(|c| c.code != "EU")
        .collect();
    let onchange = props.on_change.reform(|e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        (!value.is_empty()).then_some(value)
    });
    html! {
        <section class="rs-helplines">
            <h3>{ i18n.t(msg::HELPLINES_HEADING) }</h3>
            if !countries.is_empty() {
                <div class="rs-field">
                    <label for="rs-country">{ i18n.t(msg::COUNTRY_LABEL) }</label>
                    <select id="rs-country" ref={props.select.clone()} {onchange}>
                        <option value="" selected={props.country.is_none()}>{ i18n.t(msg::COUNTRY_OTHER) }</option>
                        { for countries.iter().map(|c| html! {
                            <option key={c.code.clone()} value={c.code.clone()} selected={c.code == code}>
                                { i18n.text_or(&c.name, dl) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            { helpline_lines(setup, i18n, props.country.as_deref()) }
        </section>
    }
}

/// One country's numbers, `ul.rs-lines`: the emergency number first, then the
/// country's lines and, for an EU country, the EU-wide ones; a hint when the
/// directory has none. `country` `None`: the EU-wide lines. The helpline list
/// shows it for the chosen country; the prerendered self-check page once per
/// country (`crates/prerender`). A function, not a component: the wasm pays for
/// no component of its own.
pub fn helpline_lines(setup: &Setup, i18n: &LocaleContext, country: Option<&str>) -> Html {
    let directory = &setup.directory;
    let code = country.unwrap_or("EU");
    let dl = &directory.default_language;
    let mut shown = vec!["112".to_owned()];
    let own_emergency = directory
        .country(code)
        .map(|c| c.emergency.clone())
        .filter(|e| e != "112");
    shown.extend(own_emergency.clone());
    let lines: Vec<_> = directory
        .for_country(code)
        .into_iter()
        .filter(|h| !shown.contains(&h.tel))
        .collect();
    let emergency = |number: String| {
        html! {
            <li key={super::concat("emergency-", &number)} class="rs-line rs-line-emergency">
                <span class="rs-line-name">{ i18n.t(msg::EMERGENCY_NAME) }</span>
                <a class="rs-tel" href={super::concat("tel:", &number)}>{ number }</a>
            </li>
        }
    };
    html! {
        <>
            <ul class="rs-lines">
                { emergency("112".to_owned()) }
                { for own_emergency.map(emergency) }
                { for lines.iter().map(|h| {
                    let mut meta = Vec::new();
                    if let Some(hours) = &h.hours {
                        meta.push(i18n.t_args(msg::HELPLINE_HOURS, &[("hours", Arg::Str(i18n.text_or(hours, dl)))]));
                    }
                    if !h.languages.is_empty() {
                        // By hand, not `[&str]::join`: that would be a second `join` in
                        // the wasm beside the `[String]` one (README, Performance and size).
                        let mut names = String::new();
                        for (i, l) in h.languages.iter().enumerate() {
                            if i > 0 {
                                names.push_str(", ");
                            }
                            names.push_str(autonym(l));
                        }
                        meta.push(i18n.t_args(msg::HELPLINE_LANGUAGES, &[("languages", Arg::Str(&names))]));
                    }
                    if h.free {
                        meta.push(i18n.t(msg::HELPLINE_FREE));
                    }
                    html! {
                        <li key={h.id.clone()} class="rs-line" data-helpline={h.id.clone()}>
                            <span class="rs-line-name">{ i18n.text_or(&h.name, dl) }</span>
                            <a class="rs-tel" href={super::concat("tel:", &h.tel)}>{ h.number.clone() }</a>
                            if !h.verification.verified {
                                <span class="rs-check">{ i18n.t(msg::HELPLINE_CHECK) }</span>
                            }
                            if !meta.is_empty() {
                                <span class="rs-line-meta">{ meta.join(" · ") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if lines.is_empty() {
                <p class="rs-hint">{ i18n.t(msg::HELPLINES_NONE) }</p>
            }
        </>
    }
}
