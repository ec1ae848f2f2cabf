//! The danger block: shown first on the result screen when a danger trigger fired.
//!
//! `.rs-danger` holds the emergency number 112 as the first `tel:` link, then the
//! country's own emergency number if it differs, then the first helpline of the
//! chosen country (its anti-trafficking line when it has one). Its heading takes
//! focus on arrival, so a screen reader starts here.

use riskscreen_core::helplines::Kind;
use yew::prelude::*;

use crate::config::use_setup;
use crate::i18n::use_i18n;

/// Props of [`DangerBlock`].
#[derive(Properties, PartialEq)]
pub struct DangerBlockProps {
    /// The chosen country's code.
    pub country: Option<AttrValue>,
    /// The heading, focused on arrival.
    pub heading: NodeRef,
}

/// The danger block.
#[component]
pub fn DangerBlock(props: &DangerBlockProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let directory = &setup.directory;
    let code = props.country.as_deref().unwrap_or("EU");
    let own_emergency = directory
        .country(code)
        .map(|c| c.emergency.clone())
        .filter(|e| e != "112");
    let helpline = directory
        .for_country(code)
        .into_iter()
        .find(|h| h.kind != Kind::Emergency && h.tel != "112");
    let emergency = |number: String| {
        html! {
            <li key={number.clone()}>
                <a class="rs-tel rs-tel-big" href={format!("tel:{number}")}>
                    <span class="rs-tel-label">{ i18n.t("danger-emergency") }</span>
                    <span class="rs-tel-number">{ number }</span>
                </a>
            </li>
        }
    };
    html! {
        <section class="rs-danger" aria-labelledby="rs-danger-heading">
            <h2 id="rs-danger-heading" class="rs-danger-heading" tabindex="-1" ref={props.heading.clone()}>
                { i18n.t("danger-heading") }
            </h2>
            <p>{ i18n.t("danger-text") }</p>
            <ul class="rs-danger-numbers">
                { emergency("112".to_owned()) }
                { for own_emergency.map(emergency) }
                if let Some(line) = helpline {
                    <li key={line.id.clone()}>
                        <a class="rs-tel rs-tel-big" href={format!("tel:{}", line.tel)}>
                            <span class="rs-tel-label">
                                { i18n.text_or(&line.name, &directory.default_language) }
                            </span>
                            <span class="rs-tel-number">{ line.number.clone() }</span>
                        </a>
                        if !line.verification.verified {
                            <span class="rs-check">{ i18n.t("helpline-check") }</span>
                        }
                    </li>
                }
            </ul>
        </section>
    }
}
