//! The start screen: what this is, that nothing leaves the device, how long it
//! takes, what the result is not, how to leave quickly. The language picker sits
//! above it, as on every screen.
//!
//! The questionnaire's `audience` (`.rs-start[data-audience]`) words the bullets
//! about the result and the quick exit: a self-check speaks to the person checking
//! an offer; an intake to the caseworker and the person together (the person may
//! stop or leave questions open, and someone may come near either of them); a
//! platform check to a moderator checking an offer, with no quick-exit bullet (the
//! button stays in the top bar).

use crate::i18n::msg;
use riskscreen_core::Audience;
use yew::prelude::*;

use crate::config::use_setup;
use crate::hooks::use_focus_on_step;
use crate::i18n::{use_i18n, Arg};
use crate::state::Action;

/// Props of [`StartScreen`].
#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    /// The flow's step counter (focus moves here when it changes).
    pub step: u32,
    /// How many questions are shown before any answer.
    pub questions: usize,
    /// Dispatches flow actions.
    pub on_action: Callback<Action>,
}

/// The start screen.
#[component]
pub fn StartScreen(props: &StartScreenProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let heading = use_node_ref();
    use_focus_on_step(heading.clone(), props.step);
    let questionnaire = &setup.questionnaire;
    let length = match questionnaire.minutes {
        Some(minutes) => i18n.t_args(
            msg::START_TIME,
            &[("minutes", Arg::Num(u64::from(minutes)))],
        ),
        None => i18n.t_args(
            msg::START_QUESTIONS,
            &[("count", Arg::Num(props.questions as u64))],
        ),
    };
    let (audience, not_verdict, exit) = match questionnaire.audience {
        Audience::SelfCheck => ("self-check", msg::START_NOT_VERDICT, Some(msg::START_EXIT)),
        Audience::Intake => (
            "intake",
            msg::START_NOT_VERDICT_INTAKE,
            Some(msg::START_EXIT_INTAKE),
        ),
        Audience::Platform => ("platform", msg::START_NOT_VERDICT_PLATFORM, None),
    };
    let onclick = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <section class="rs-screen rs-start" data-audience={audience}>
            <h2 class="rs-heading" tabindex="-1" ref={heading}>
                { i18n.text(&questionnaire.title) }
            </h2>
            <p class="rs-lead">{ i18n.text(&questionnaire.description) }</p>
            <ul class="rs-facts">
                <li class="rs-fact rs-fact-private">{ i18n.t(msg::START_PRIVATE) }</li>
                <li class="rs-fact rs-fact-time">{ length }</li>
                <li class="rs-fact rs-fact-verdict">{ i18n.t(not_verdict) }</li>
                if let Some(exit) = exit {
                    <li class="rs-fact rs-fact-exit">{ i18n.t(exit) }</li>
                }
            </ul>
            <div class="rs-nav">
                <button type="button" class="rs-primary" data-action="start" {onclick}>
                    { i18n.t(msg::START_BUTTON) }
                </button>
            </div>
        </section>
    }
}
