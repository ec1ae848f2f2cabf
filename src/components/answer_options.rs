//! The answer options of one question: real radio buttons or checkboxes, each with
//! its `<label for>`.
//!
//! Yes/no and single-choice questions are radio groups; multiple choice is a set of
//! checkboxes. "I'm not sure" and "I'd rather not say" come last, set apart; in a
//! multiple-choice question they are checkboxes that clear the others (the reducer
//! applies that, and "exclusive" options, see [`Action::Toggle`]). Each input is
//! `input[name=<question id>][value=<yes|no|unsure|declined|option id>]`.
//! Choosing never moves on by itself: arrow keys in a radio group only change the
//! answer.

use crate::i18n::msg;
use riskscreen_core::{Answer, Question, QuestionKind};
use yew::prelude::*;

use crate::config::Setup;
use crate::i18n::LocaleContext;
use crate::state::Action;

/// What [`answer_options`] shows.
pub struct AnswerOptionsProps {
    /// Index of the question in the questionnaire.
    pub index: usize,
    /// The current answer.
    pub answer: Option<Answer>,
    /// Dispatches flow actions.
    pub on_action: Callback<Action>,
}

/// The answer options.
///
/// A plain function, not a component: it has no state of its own, and its
/// caller passes the setup and locale (see [the module](super) for why).
pub fn answer_options(setup: &Setup, i18n: &LocaleContext, props: &AnswerOptionsProps) -> Html {
    let question = &setup.questionnaire.questions[props.index];
    let multiple = question.kind == QuestionKind::MultipleChoice;
    let (main, extra) = choices(i18n, question);
    let render = |(value, label): (String, String)| {
        let id = format!("rs-{}-{}", question.id, value);
        let checked = props.answer.as_ref().is_some_and(|a| a.includes(&value));
        let qid = question.id.clone();
        let onchange = if multiple {
            let value = value.clone();
            props.on_action.reform(move |e: Event| Action::Toggle {
                question: qid.clone(),
                value: value.clone(),
                on: e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            })
        } else {
            let answer = answer_for(&value);
            props.on_action.reform(move |_: Event| Action::Answer {
                question: qid.clone(),
                answer: answer.clone(),
            })
        };
        html! {
            <div key={value.clone()} class="rs-option">
                <input
                    type={if multiple { "checkbox" } else { "radio" }}
                    id={id.clone()}
                    name={question.id.clone()}
                    value={value}
                    {checked}
                    {onchange}
                />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <>
            <div class="rs-options">{ for main.into_iter().map(render) }</div>
            if !extra.is_empty() {
                <div class="rs-options rs-options-extra">{ for extra.into_iter().map(render) }</div>
            }
        </>
    }
}

/// An answer choice: `(input value, label)`.
type Choice = (String, String);

/// The choices: the question's own, then "not sure" and "rather not say" where
/// offered.
fn choices(i18n: &LocaleContext, question: &Question) -> (Vec<Choice>, Vec<Choice>) {
    let main = match question.kind {
        QuestionKind::YesNo => vec![
            ("yes".to_owned(), i18n.t(msg::ANSWER_YES)),
            ("no".to_owned(), i18n.t(msg::ANSWER_NO)),
        ],
        _ => question
            .options
            .iter()
            .map(|o| (o.id.clone(), i18n.text(&o.label).to_owned()))
            .collect(),
    };
    let mut extra = Vec::new();
    if question.allow_unsure {
        extra.push(("unsure".to_owned(), i18n.t(msg::ANSWER_UNSURE)));
    }
    if question.allow_decline {
        extra.push(("declined".to_owned(), i18n.t(msg::ANSWER_DECLINED)));
    }
    (main, extra)
}

/// The answer a radio button's value stands for.
fn answer_for(value: &str) -> Answer {
    match value {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        "unsure" => Answer::Unsure,
        "declined" => Answer::Declined,
        id => Answer::Choice(id.to_owned()),
    }
}

/// An answer in words, as the person chose it (for the review and the result).
pub fn answer_text(i18n: &LocaleContext, question: &Question, answer: &Answer) -> String {
    let option = |id: &str| {
        question
            .option(id)
            .map_or_else(|| id.to_owned(), |o| i18n.text(&o.label).to_owned())
    };
    match answer {
        Answer::Yes => i18n.t(msg::ANSWER_YES),
        Answer::No => i18n.t(msg::ANSWER_NO),
        Answer::Unsure => i18n.t(msg::ANSWER_UNSURE),
        Answer::Declined => i18n.t(msg::ANSWER_DECLINED),
        Answer::Choice(id) => option(id),
        // In the question's order, not alphabetical.
        Answer::Choices(set) => question
            .options
            .iter()
            .filter(|o| set.contains(&o.id))
            .map(|o| option(&o.id))
            .collect::<Vec<_>>()
            .join(", "),
    }
}
