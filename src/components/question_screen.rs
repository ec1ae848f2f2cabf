//! One question per screen.
//!
//! `form.rs-question[data-question=<id>]` holds a `fieldset` whose `legend` is the
//! question (an `h2` that takes focus on arrival), a hint, the "why we ask" text,
//! the error if any, and the answer options. Enter submits the form, which is Next;
//! the submit is handled here and never reaches the network. Next is never
//! disabled: with nothing chosen it shows an error next to the question and at the
//! top (error summary), and the live region announces it. While an answer is being
//! changed from the review screen, `button[data-action=review]` goes straight back
//! (to the first unanswered question if the change revealed one). "Listen"
//! ([`super::listen_button`]) reads the fieldset aloud where the device can.

use crate::i18n::msg;
use riskscreen_core::{Answer, QuestionKind};
use yew::prelude::*;

use super::answer_options::{answer_options, AnswerOptionsProps};
use super::listen_button::ListenButton;
use super::progress::progress;
use crate::config::use_setup;
use crate::hooks::use_focus_on_step;
use crate::i18n::use_i18n;
use crate::state::{Action, FlowError};

/// What "Listen" reads of the fieldset, in order.
const READ_ALOUD: &[&str] = &["legend", ".rs-hint", ".rs-why", ".rs-error", "label"];

/// Props of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    /// Index of the question in the questionnaire.
    pub index: usize,
    /// The current answer.
    pub answer: Option<Answer>,
    /// 1-based position among the questions shown.
    pub position: usize,
    /// How many questions are shown so far.
    pub total: usize,
    /// The first shown question of its section (shows the section's intro).
    pub first_in_section: bool,
    /// The current error.
    pub error: Option<FlowError>,
    /// Changing an answer from the review screen: offers a way straight back.
    pub editing: bool,
    /// The flow's step counter (focus moves here when it changes).
    pub step: u32,
    /// Dispatches flow actions.
    pub on_action: Callback<Action>,
}

/// A question screen.
#[component]
pub fn QuestionScreen(props: &QuestionScreenProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let heading = use_node_ref();
    // What "Listen" reads: the question, hint, why, error and options as shown.
    let fieldset = use_node_ref();
    use_focus_on_step(heading.clone(), props.step);
    let questionnaire = &setup.questionnaire;
    let question = &questionnaire.questions[props.index];
    let section = questionnaire.section(&question.section);
    let id = &question.id;
    let hint_id = super::concat("rs-hint-", id);
    let why_id = super::concat("rs-why-", id);
    let error_id = super::concat("rs-error-", id);
    let mut described = vec![hint_id.clone()];
    if question.why.is_some() {
        described.push(why_id.clone());
    }
    let error = props.error.map(|FlowError::NothingChosen| {
        if question.allow_unsure {
            i18n.t(msg::ERROR_CHOOSE)
        } else {
            i18n.t(msg::ERROR_CHOOSE_PLAIN)
        }
    });
    if error.is_some() {
        described.push(error_id.clone());
    }
    let hint = if question.kind == QuestionKind::MultipleChoice {
        i18n.t(msg::CHOOSE_ANY)
    } else {
        i18n.t(msg::CHOOSE_ONE)
    };
    // The fieldset twice, once per class, its children built once: a class chosen
    // by an expression goes through yew's `Classes` (an `IndexSet`), kilobytes in
    // the wasm for two class names (README, Performance and size).
    let invalid = error.is_some();
    let described = described.join(" ");
    let contents = html! {
        <>
            <legend>
                <h2 class="rs-question-heading" tabindex="-1" ref={heading}>
                    { i18n.text(&question.text) }
                </h2>
            </legend>
            <p class="rs-hint" id={hint_id}>{ hint }</p>
            if let Some(why) = &question.why {
                <p class="rs-why" id={why_id}>
                    <strong>{ i18n.t(msg::WHY_HEADING) }</strong>{ " " }{ i18n.text(why) }
                </p>
            }
            if let Some(error) = &error {
                <p class="rs-error" id={error_id}>{ error.clone() }</p>
            }
            { answer_options(&setup, &i18n, &AnswerOptionsProps {
                index: props.index,
                answer: props.answer.clone(),
                on_action: props.on_action.clone(),
            }) }
        </>
    };
    let onsubmit = props.on_action.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Next
    });
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let on_review = props.on_action.reform(|_: MouseEvent| Action::Review);
    html! {
        <form class="rs-screen rs-question" data-question={id.clone()} novalidate=true {onsubmit}>
            <div class="rs-topnav">
                <button type="button" class="rs-back" data-action="back" onclick={on_back}>
                    { i18n.t(msg::BACK_BUTTON) }
                </button>
                { progress(&i18n, props.position, props.total) }
            </div>
            if let Some(error) = &error {
                <div class="rs-error-summary">
                    <h2 class="rs-error-title">{ i18n.t(msg::ERROR_HEADING) }</h2>
                    <p>{ error.clone() }</p>
                </div>
            }
            if let Some(section) = section {
                <p class="rs-section">{ i18n.text(&section.title) }</p>
                if props.first_in_section {
                    if let Some(intro) = &section.intro {
                        <p class="rs-intro">{ i18n.text(intro) }</p>
                    }
                }
            }
            if invalid {
                <fieldset class="rs-fieldset rs-invalid" aria-describedby={described} ref={fieldset.clone()}>
                    { contents }
                </fieldset>
            } else {
                <fieldset class="rs-fieldset" aria-describedby={described} ref={fieldset.clone()}>
                    { contents }
                </fieldset>
            }
            <ListenButton
                root={fieldset}
                parts={READ_ALOUD}
                step={props.step}
                explain_missing={props.position == 1}
            />
            <div class="rs-nav">
                <button type="submit" class="rs-primary" data-action="next">
                    { i18n.t(msg::NEXT_BUTTON) }
                </button>
                if props.editing {
                    <button type="button" class="rs-secondary" data-action="review" onclick={on_review}>
                        { i18n.t(msg::REVIEW_RETURN) }
                    </button>
                }
            </div>
        </form>
    }
}
