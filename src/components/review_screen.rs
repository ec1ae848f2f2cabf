//! The review screen: every answer to a shown question, each with "Change".
//!
//! `.rs-review` is a description list, one `.rs-review-item[data-question]` per
//! answered question; the change buttons are `button[data-action=edit][data-question]`
//! and carry the question in a visually hidden span so each has a distinct name.

use crate::i18n::msg;
use std::rc::Rc;

use riskscreen_core::Answers;
use yew::prelude::*;

use super::answer_options::answer_text;
use crate::config::use_setup;
use crate::hooks::use_focus_on_step;
use crate::i18n::{use_i18n, Arg};
use crate::state::Action;

/// Props of [`ReviewScreen`].
#[derive(Properties, PartialEq)]
pub struct ReviewScreenProps {
    /// The answers.
    pub answers: Rc<Answers>,
    /// The shown questions, in order.
    pub visible: Rc<[usize]>,
    /// The flow's step counter (focus moves here when it changes).
    pub step: u32,
    /// Dispatches flow actions.
    pub on_action: Callback<Action>,
}

/// The review screen.
#[component]
pub fn ReviewScreen(props: &ReviewScreenProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let heading = use_node_ref();
    use_focus_on_step(heading.clone(), props.step);
    let questions = &setup.questionnaire.questions;
    let answered: Vec<_> = props
        .visible
        .iter()
        .filter_map(|&i| {
            props
                .answers
                .get(&questions[i].id)
                .map(|a| (&questions[i], a))
        })
        .collect();
    let items = answered.iter().map(|(question, answer)| {
        let text = i18n.text(&question.text);
        let onclick = {
            let id = question.id.clone();
            props.on_action.reform(move |_: MouseEvent| Action::Edit(id.clone()))
        };
        html! {
            <div key={question.id.clone()} class="rs-review-item" data-question={question.id.clone()}>
                <dt class="rs-review-question">{ text }</dt>
                <dd class="rs-review-answer">{ answer_text(&i18n, question, answer) }</dd>
                <dd class="rs-review-change">
                    <button
                        type="button"
                        class="rs-link"
                        data-action="edit"
                        data-question={question.id.clone()}
                        {onclick}
                    >
                        { i18n.t(msg::REVIEW_CHANGE) }
                        <span class="rs-vh">
                            { " " }{ i18n.t_args(msg::REVIEW_CHANGE_HIDDEN, &[("question", Arg::Str(text))]) }
                        </span>
                    </button>
                </dd>
            </div>
        }
    });
    let on_result = props.on_action.reform(|_: MouseEvent| Action::ShowResult);
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    html! {
        <section class="rs-screen rs-review-screen">
            <div class="rs-topnav">
                <button type="button" class="rs-back" data-action="back" onclick={on_back}>
                    { i18n.t(msg::BACK_BUTTON) }
                </button>
            </div>
            <h2 class="rs-heading" tabindex="-1" ref={heading}>{ i18n.t(msg::REVIEW_HEADING) }</h2>
            <p>{ i18n.t_args(msg::REVIEW_INTRO, &[("count", Arg::Num(answered.len() as u64))]) }</p>
            <dl class="rs-review">{ for items }</dl>
            <div class="rs-nav">
                <button type="button" class="rs-primary" data-action="result" onclick={on_result}>
                    { i18n.t(msg::REVIEW_RESULT_BUTTON) }
                </button>
            </div>
        </section>
    }
}
