//! The result screen.
//!
//! In order: the danger block (only when a danger trigger fired), the level in
//! plain words (`.rs-level[data-level=<band id>]`, the band's label and advice,
//! and between them why the level is what it is: `.rs-level-why[data-why=…]`,
//! `lifted-by` for a sign serious on its own, `lifted-by-unsure` for a required
//! check left open, `undetermined` for "too much left open to tell"; and, for a
//! questionnaire with routes, the indicator set and rule that gave the level,
//! `.rs-route[data-route=<route id>]`), the open
//! questions whose answer could have marked a danger sign, with what to find out
//! (`.rs-unsure-danger`; worded for the audience), a reminder that this is not a
//! verdict, the concerns grouped by theme with advice (`.rs-concerns`; for the ILO
//! model a theme whose signs add up says so, and a reinforcing one says it
//! cannot stand in for the others: `.rs-reinforcing`), the other questions
//! answered "not sure" with what to find out (`.rs-unsure`), the other questions the person
//! chose not to answer, the helplines, "Share the result" when the embedder opted
//! in ([`super::share_result`]), then print and start again. A question listed in
//! `.rs-unsure-danger` is not repeated further down.
//!
//! Everything shown comes from the engine's [`Evaluation`] (`unsure_danger`,
//! `lifted_by`, `lifted_by_unsure`, `undetermined` included); this file only
//! groups and words it.

use crate::i18n::{msg, MessageId};
use std::rc::Rc;

use riskscreen_core::{Answers, Audience, Evaluation, Id, Questionnaire};
use yew::prelude::*;

use super::answer_options::answer_text;
use super::danger_block::{danger_block, DangerBlockProps};
use super::helpline_list::{helpline_list, HelplineListProps};
use super::listen_button::ListenButton;
use super::share_result::ShareResult;
use crate::config::use_setup;
use crate::hooks::use_focus_on_step;
use crate::i18n::{use_i18n, Arg, LocaleContext};
use crate::state::Action;

/// What "Listen" reads of the result, in order: the danger block, the level and
/// why, the concerns, the helplines.
const READ_ALOUD: &[&str] = &[".rs-danger", ".rs-level", ".rs-concerns", ".rs-helplines"];

/// Props of [`ResultScreen`].
#[derive(Properties, PartialEq)]
pub struct ResultScreenProps {
    /// The scored result.
    pub evaluation: Rc<Evaluation>,
    /// The answers (to quote the ones that raised concern).
    pub answers: Rc<Answers>,
    /// The chosen country's code.
    pub country: Option<AttrValue>,
    /// The flow's step counter (focus moves here when it changes).
    pub step: u32,
    /// Dispatches flow actions.
    pub on_action: Callback<Action>,
}

/// Why the level is what it is, from the evaluation: one `.rs-level-why` per
/// reason, a `p` with the item inline when there is one item, a `div` with a
/// lead and a list otherwise.
fn level_reasons(
    i18n: &LocaleContext,
    questionnaire: &Questionnaire,
    evaluation: &Evaluation,
) -> Html {
    let reason = |kind: &'static str, message: MessageId, items: Vec<&str>| -> Html {
        if items.is_empty() {
            return Html::default();
        }
        let lead = i18n.t_args(message, &[("count", Arg::Num(items.len() as u64))]);
        if let [item] = items[..] {
            html! {
                <p class="rs-level-why" data-why={kind}>
                    { lead }{ " " }<strong>{ item.to_owned() }</strong>
                </p>
            }
        } else {
            html! {
                <div class="rs-level-why" data-why={kind}>
                    <p>{ lead }</p>
                    <ul>{ for items.iter().map(|item| html! { <li>{ (*item).to_owned() }</li> }) }</ul>
                </div>
            }
        }
    };
    let signs: Vec<&str> = evaluation
        .lifted_by
        .iter()
        .filter_map(|id| questionnaire.indicator(id))
        .map(|indicator| i18n.text(&indicator.label))
        .collect();
    let checks: Vec<&str> = evaluation
        .lifted_by_unsure
        .iter()
        .filter_map(|id| questionnaire.question(id))
        .map(|question| i18n.text(&question.text))
        .collect();
    // An unsure floor that named the "cannot tell" band is explained by the check
    // left open, not by the count of open answers.
    let undetermined = evaluation.undetermined && checks.is_empty();
    html! {
        <>
            { reason("lifted-by", msg::LEVEL_LIFTED_BY, signs) }
            { reason("lifted-by-unsure", msg::LEVEL_LIFTED_BY_UNSURE, checks) }
            if undetermined {
                <p class="rs-level-why" data-why="undetermined">{ i18n.t(msg::LEVEL_UNDETERMINED) }</p>
            }
        </>
    }
}

/// The lead of the open danger questions: for a moderator, the guests' safety;
/// for the person (alone or with a caseworker), theirs, "not sure" or left
/// unanswered as it was.
fn unsure_danger_intro(audience: Audience, evaluation: &Evaluation) -> MessageId {
    let declined = evaluation
        .unsure_danger
        .iter()
        .any(|id| evaluation.declined.contains(id));
    match audience {
        Audience::Platform => msg::UNSURE_DANGER_INTRO_PLATFORM,
        _ if declined => msg::UNSURE_DANGER_INTRO_DECLINED,
        _ => msg::UNSURE_DANGER_INTRO,
    }
}

/// The result screen.
#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let heading = use_node_ref();
    // What "Listen" reads: the parts of the result in `READ_ALOUD`.
    let screen = use_node_ref();
    // The helpline list's country picker, which the danger block's prompt focuses.
    let country_picker = use_node_ref();
    use_focus_on_step(heading.clone(), props.step);
    let questionnaire = &setup.questionnaire;
    let evaluation = &props.evaluation;
    let danger = evaluation.danger;
    let band = questionnaire.band(&evaluation.level);
    // The indicator set and rule that gave the result, when the questionnaire has several.
    let route = evaluation
        .route
        .as_deref()
        .and_then(|id| questionnaire.route(id));
    let themes = evaluation.concerns(questionnaire);
    let quoted = |indicator: &str| -> Vec<Html> {
        evaluation
            .evidence
            .iter()
            .filter(|e| e.indicator == indicator)
            .filter_map(|e| {
                let question = questionnaire.question(&e.question)?;
                let answer = props.answers.get(e.question.as_str())?;
                let text = i18n.text(&question.text);
                Some(html! {
                    <span key={e.question.as_str()} class="rs-from">
                        { i18n.t_args(msg::CONCERN_FROM, &[("question", Arg::Str(text))]) }
                        { " — " }
                        <strong>{ answer_text(&i18n, question, answer) }</strong>
                    </span>
                })
            })
            .collect()
    };
    let open_question = |id: &str, with_advice: bool| {
        questionnaire.question(id).map(|q| {
            let find_out = q
                .if_unsure
                .as_ref()
                .map_or_else(|| i18n.t(msg::UNSURE_GENERIC), |t| i18n.text(t).to_owned());
            html! {
                <li key={id} data-question={id.to_owned()}>
                    <span class="rs-open-question">{ i18n.text(&q.text) }</span>
                    if with_advice {
                        <span class="rs-find-out">{ find_out }</span>
                    }
                </li>
            }
        })
    };
    // The open danger questions come first; the lists further down leave them out.
    let first = &evaluation.unsure_danger;
    let later = |ids: &[Id], with_advice: bool| -> Vec<Html> {
        ids.iter()
            .filter(|id| !first.contains(id))
            .filter_map(|id| open_question(id, with_advice))
            .collect()
    };
    let unsure = later(&evaluation.unsure, true);
    let declined = later(&evaluation.declined, false);
    let audience = questionnaire.audience;
    let first_intro = i18n.t_args(
        unsure_danger_intro(audience, evaluation),
        &[("count", Arg::Num(first.len() as u64))],
    );
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let on_restart = props.on_action.reform(|_: MouseEvent| Action::Restart);
    let on_country = props.on_action.reform(Action::SetCountry);
    html! {
        <section class="rs-screen rs-result" ref={screen.clone()}>
            if danger {
                { danger_block(&setup, &i18n, &DangerBlockProps {
                    country: props.country.clone(),
                    heading: heading.clone(),
                    picker: country_picker.clone(),
                }) }
            }
            <h2
                class="rs-heading"
                tabindex="-1"
                ref={if danger { NodeRef::default() } else { heading.clone() }}
            >
                { i18n.t(msg::RESULT_HEADING) }
            </h2>
            <div class="rs-level" data-level={evaluation.level.clone()}>
                if let Some(band) = band {
                    <p class="rs-level-label">{ i18n.text(&band.label) }</p>
                }
                { level_reasons(&i18n, questionnaire, evaluation) }
                if let Some(route) = route {
                    <p class="rs-route" data-route={route.id.clone()}>
                        { i18n.t(msg::LEVEL_ROUTE) }{ " " }{ i18n.text(&route.label) }
                    </p>
                }
                if let Some(band) = band {
                    <p class="rs-level-advice">{ i18n.text(&band.advice) }</p>
                }
            </div>
            if !first.is_empty() {
                <section class="rs-unsure-danger">
                    <h3>{ i18n.t(msg::UNSURE_DANGER_HEADING) }</h3>
                    <p class="rs-unsure-danger-intro">{ first_intro }</p>
                    <ul>{ for first.iter().filter_map(|id| open_question(id, true)) }</ul>
                    if audience != Audience::Platform {
                        <p class="rs-unsure-danger-help">{ i18n.t(msg::UNSURE_DANGER_HELP) }</p>
                    }
                </section>
            }
            <ListenButton root={screen} parts={READ_ALOUD} step={props.step} />
            <p class="rs-disclaimer">{ i18n.t(msg::RESULT_DISCLAIMER) }</p>
            <section class="rs-concerns">
                <h3>{ i18n.t(msg::CONCERNS_HEADING) }</h3>
                if themes.is_empty() {
                    <p>{ i18n.t(msg::CONCERNS_NONE) }</p>
                }
                { for themes.iter().map(|theme| html! {
                    <section
                        key={theme.dimension.id.clone()}
                        class="rs-theme"
                        data-dimension={theme.dimension.id.clone()}
                    >
                        <h4>{ i18n.text(&theme.dimension.label) }</h4>
                        if theme.positive == Some(true) {
                            if theme.reinforcing {
                                <p class="rs-pattern rs-reinforcing">{ i18n.t(msg::THEME_REINFORCING) }</p>
                            } else {
                                <p class="rs-pattern">{ i18n.t(msg::THEME_PATTERN) }</p>
                            }
                        }
                        <ul class="rs-concern-list">
                            { for theme.indicators.iter().map(|indicator| html! {
                                <li key={indicator.id.clone()} class="rs-concern" data-indicator={indicator.id.clone()}>
                                    <span class="rs-concern-label">{ i18n.text(&indicator.label) }</span>
                                    { for quoted(&indicator.id) }
                                    if let Some(advice) = &indicator.advice {
                                        <span class="rs-advice">{ i18n.text(advice) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                        if let Some(advice) = &theme.dimension.advice {
                            <p class="rs-advice">{ i18n.text(advice) }</p>
                        }
                    </section>
                }) }
            </section>
            <section class="rs-unsure">
                <h3>{ i18n.t(msg::UNSURE_HEADING) }</h3>
                if evaluation.unsure.is_empty() {
                    <p>{ i18n.t(msg::UNSURE_NONE) }</p>
                } else if unsure.is_empty() {
                    <p>{ i18n.t(msg::UNSURE_SEE_ABOVE) }</p>
                } else {
                    <p>{ i18n.t(msg::UNSURE_INTRO) }</p>
                    <ul>{ unsure }</ul>
                }
            </section>
            if !declined.is_empty() {
                <section class="rs-declined">
                    <h3>{ i18n.t(msg::DECLINED_HEADING) }</h3>
                    <ul>{ declined }</ul>
                </section>
            }
            { helpline_list(&setup, &i18n, &HelplineListProps {
                country: props.country.clone(),
                on_change: on_country,
                select: country_picker,
            }) }
            if let Some(origin) = setup.share_to.clone() {
                <ShareResult evaluation={props.evaluation.clone()} {origin} />
            }
            <div class="rs-nav rs-result-actions">
                <button type="button" class="rs-secondary" data-action="print" onclick={on_print}>
                    { i18n.t(msg::PRINT_BUTTON) }
                </button>
                <button type="button" class="rs-secondary" data-action="back" onclick={on_back}>
                    { i18n.t(msg::CHANGE_BUTTON) }
                </button>
                <button
                    type="button"
                    class="rs-secondary"
                    data-action="restart"
                    aria-describedby="rs-restart-hint"
                    onclick={on_restart}
                >
                    { i18n.t(msg::RESTART_BUTTON) }
                </button>
                <p class="rs-hint" id="rs-restart-hint">{ i18n.t(msg::RESTART_HINT) }</p>
            </div>
        </section>
    }
}
