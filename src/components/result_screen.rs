//! The result screen.
//!
//! In order: the danger block (only when a danger trigger fired), the level in
//! plain words (`.rs-level[data-level=<band id>]`, the band's label and advice),
//! a reminder that this is not a verdict, the concerns grouped by theme with advice
//! (`.rs-concerns`; for the ILO model a theme whose signs add up says so), the
//! questions answered "not sure" with what to find out (`.rs-unsure`), those the
//! person chose not to answer, the helplines, "Share the result" when the embedder
//! opted in ([`super::share_result`]), then print and start again.
//!
//! Everything shown comes from the engine's [`Evaluation`]; this file only groups
//! and words it.

use std::rc::Rc;

use riskscreen_core::{Answers, Dimension, Evaluation, Indicator, Questionnaire};
use yew::prelude::*;

use super::answer_options::answer_text;
use super::danger_block::DangerBlock;
use super::helpline_list::HelplineList;
use super::share_result::ShareResult;
use crate::config::use_setup;
use crate::hooks::use_focus_on_step;
use crate::i18n::{use_i18n, Arg};
use crate::state::Action;

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

/// One theme of concerns.
struct Theme<'q> {
    dimension: &'q Dimension,
    indicators: Vec<&'q Indicator>,
    positive: Option<bool>,
}

/// The present indicators grouped by dimension, both in questionnaire order.
fn themes<'q>(questionnaire: &'q Questionnaire, evaluation: &Evaluation) -> Vec<Theme<'q>> {
    questionnaire
        .dimensions
        .iter()
        .filter_map(|dimension| {
            let indicators: Vec<&Indicator> = evaluation
                .present
                .iter()
                .filter_map(|id| questionnaire.indicator(id))
                .filter(|i| i.dimension == dimension.id)
                .collect();
            (!indicators.is_empty()).then(|| Theme {
                dimension,
                indicators,
                positive: evaluation
                    .dimensions
                    .as_ref()
                    .and_then(|d| d.get(&dimension.id))
                    .map(|r| r.positive),
            })
        })
        .collect()
}

/// The result screen.
#[component]
pub fn ResultScreen(props: &ResultScreenProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let heading = use_node_ref();
    use_focus_on_step(heading.clone(), props.step);
    let questionnaire = &setup.questionnaire;
    let evaluation = &props.evaluation;
    let danger = evaluation.danger;
    let band = questionnaire.band(&evaluation.level);
    let themes = themes(questionnaire, evaluation);
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
                        { i18n.t_args("concern-from", &[("question", Arg::Str(text))]) }
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
                .map_or_else(|| i18n.t("unsure-generic"), |t| i18n.text(t).to_owned());
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
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    let on_restart = props.on_action.reform(|_: MouseEvent| Action::Restart);
    let on_country = props.on_action.reform(Action::SetCountry);
    html! {
        <section class="rs-screen rs-result">
            if danger {
                <DangerBlock country={props.country.clone()} heading={heading.clone()} />
            }
            <h2
                class="rs-heading"
                tabindex="-1"
                ref={if danger { NodeRef::default() } else { heading.clone() }}
            >
                { i18n.t("result-heading") }
            </h2>
            <div class="rs-level" data-level={evaluation.level.clone()}>
                if let Some(band) = band {
                    <p class="rs-level-label">{ i18n.text(&band.label) }</p>
                    <p class="rs-level-advice">{ i18n.text(&band.advice) }</p>
                }
            </div>
            <p class="rs-disclaimer">{ i18n.t("result-disclaimer") }</p>
            <section class="rs-concerns">
                <h3>{ i18n.t("concerns-heading") }</h3>
                if themes.is_empty() {
                    <p>{ i18n.t("concerns-none") }</p>
                }
                { for themes.iter().map(|theme| html! {
                    <section
                        key={theme.dimension.id.clone()}
                        class="rs-theme"
                        data-dimension={theme.dimension.id.clone()}
                    >
                        <h4>{ i18n.text(&theme.dimension.label) }</h4>
                        if theme.positive == Some(true) {
                            <p class="rs-pattern">{ i18n.t("theme-pattern") }</p>
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
                <h3>{ i18n.t("unsure-heading") }</h3>
                if evaluation.unsure.is_empty() {
                    <p>{ i18n.t("unsure-none") }</p>
                } else {
                    <p>{ i18n.t("unsure-intro") }</p>
                    <ul>{ for evaluation.unsure.iter().filter_map(|id| open_question(id, true)) }</ul>
                }
            </section>
            if !evaluation.declined.is_empty() {
                <section class="rs-declined">
                    <h3>{ i18n.t("declined-heading") }</h3>
                    <ul>{ for evaluation.declined.iter().filter_map(|id| open_question(id, false)) }</ul>
                </section>
            }
            <HelplineList country={props.country.clone()} on_change={on_country} />
            if let Some(origin) = setup.share_to.clone() {
                <ShareResult evaluation={props.evaluation.clone()} {origin} />
            }
            <div class="rs-nav rs-result-actions">
                <button type="button" class="rs-secondary" data-action="print" onclick={on_print}>
                    { i18n.t("print-button") }
                </button>
                <button type="button" class="rs-secondary" data-action="back" onclick={on_back}>
                    { i18n.t("change-button") }
                </button>
                <button
                    type="button"
                    class="rs-secondary"
                    data-action="restart"
                    aria-describedby="rs-restart-hint"
                    onclick={on_restart}
                >
                    { i18n.t("restart-button") }
                </button>
                <p class="rs-hint" id="rs-restart-hint">{ i18n.t("restart-hint") }</p>
            </div>
        </section>
    }
}
