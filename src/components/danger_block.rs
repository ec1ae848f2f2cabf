//! The danger block: shown first on the result screen when a danger trigger fired.
//!
//! `.rs-danger` holds the emergency number 112 as the first `tel:` link. With a
//! country chosen, then the country's own emergency number if it differs, and the
//! first of its lines ([`Directory::for_country`] order: anti-trafficking lines
//! first) that is neither an emergency number nor a children's line: a children's
//! line is never offered to an adult as "the" number to call here; it stays in the
//! full list below. With no country chosen, 112 is the only number, and a prompt
//! (`a.rs-danger-where[href="#rs-country"]`) asks where the person is: it moves
//! focus to the helpline list's country picker (no navigation, the URL does not
//! change), where choosing a country adds that country's line here. Its heading
//! takes focus on arrival, so a screen reader starts here.
//!
//! [`Directory::for_country`]: riskscreen_core::helplines::Directory::for_country

use crate::i18n::msg;
use riskscreen_core::helplines::Kind;
use yew::prelude::*;

use crate::config::Setup;
use crate::i18n::LocaleContext;

/// What [`danger_block`] shows.
pub struct DangerBlockProps {
    /// The chosen country's code.
    pub country: Option<AttrValue>,
    /// The heading, focused on arrival.
    pub heading: NodeRef,
    /// The country picker (`select#rs-country` of the helpline list), which the
    /// prompt shown with no country chosen focuses.
    pub picker: NodeRef,
}

/// The danger block.
///
/// A plain function, not a component: it has no state of its own, and its
/// caller passes the setup and locale (see [the module](super) for why).
pub fn danger_block(setup: &Setup, i18n: &LocaleContext, props: &DangerBlockProps) -> Html {
    let directory = &setup.directory;
    let code = props.country.as_deref();
    let own_emergency = code
        .and_then(|code| directory.country(code))
        .map(|c| c.emergency.clone())
        .filter(|e| e != "112");
    let helpline = code.and_then(|code| {
        directory.for_country(code).into_iter().find(|h| {
            !matches!(h.kind, Kind::Emergency | Kind::Children)
                && h.tel != "112"
                && Some(&h.tel) != own_emergency.as_ref()
        })
    });
    // The same countries the helpline list's picker offers.
    let can_choose = code.is_none() && directory.countries.iter().any(|c| c.code != "EU");
    let on_where = {
        let picker = props.picker.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(select) = picker.cast::<web_sys::HtmlElement>() {
                e.prevent_default();
                let _ = select.focus();
            }
        })
    };
    let emergency = |number: String| {
        html! {
            <li key={number.clone()}>
                <a class="rs-tel rs-tel-big" href={super::concat("tel:", &number)}>
                    <span class="rs-tel-label">{ i18n.t(msg::DANGER_EMERGENCY) }</span>
                    <span class="rs-tel-number">{ number }</span>
                </a>
            </li>
        }
    };
    html! {
        <section class="rs-danger" aria-labelledby="rs-danger-heading">
            <h2 id="rs-danger-heading" class="rs-danger-heading" tabindex="-1" ref={props.heading.clone()}>
                { i18n.t(msg::DANGER_HEADING) }
            </h2>
            <p>{ i18n.t(msg::DANGER_TEXT) }</p>
            <ul class="rs-danger-numbers">
                { emergency("112".to_owned()) }
                { for own_emergency.map(emergency) }
                if let Some(line) = helpline {
                    <li key={line.id.clone()}>
                        <a class="rs-tel rs-tel-big" href={super::concat("tel:", &line.tel)}>
                            <span class="rs-tel-label">
                                { i18n.text_or(&line.name, &directory.default_language) }
                            </span>
                            <span class="rs-tel-number">{ line.number.clone() }</span>
                        </a>
                        if !line.verification.verified {
                            <span class="rs-check">{ i18n.t(msg::HELPLINE_CHECK) }</span>
                        }
                    </li>
                }
            </ul>
            if can_choose {
                <p>
                    <a class="rs-danger-where" href="#rs-country" onclick={on_where}>
                        { i18n.t(msg::DANGER_COUNTRY) }
                    </a>
                </p>
            }
        </section>
    }
}
