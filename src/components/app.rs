//! The app: the flow reducer, the contexts and the screen showing.
//!
//! Markup contract (browser tests rely on it): the root is
//! `div.rs-widget[lang][dir][data-screen="start|question|review|result|exit"]`;
//! the quick exit (`a.rs-exit[role=button]`), the language picker and the live region
//! (`.rs-live`, present from the first render) are on every screen.

use crate::i18n::msg;
use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use super::language_picker::{language_picker, LanguagePickerProps};
use super::live_region::live_region;
use super::question_screen::QuestionScreen;
use super::quick_exit::QuickExit;
use super::result_screen::ResultScreen;
use super::review_screen::ReviewScreen;
use super::start_screen::StartScreen;
use crate::config::{Setup, SetupContext, WidgetContext};
use crate::i18n::LocaleContext;
use crate::language_files;
use crate::state::{Action, FlowState, Screen};

/// The app's inputs: the validated setup and the state to start from (the start
/// screen in production; any state in render tests).
#[derive(Properties, Clone)]
pub struct AppProps {
    /// Questionnaire, helplines, options, UI strings.
    pub setup: Rc<Setup>,
    /// The initial flow state.
    pub initial: Rc<FlowState>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup) && Rc::ptr_eq(&self.initial, &other.initial)
    }
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || (*initial).clone());
    // The setup with the flow's questionnaire and directory: the same ones,
    // unless a language loaded mid-run was merged into them (Action::AddLanguage).
    // Made once per merge, not on every render: a new setup is a new context,
    // which would re-render every screen reading it after each answer.
    let setup = {
        let base = props.setup.clone();
        let questionnaire = state.questionnaire.clone();
        let directory = state.directory.clone();
        let identity = (
            Rc::as_ptr(&base) as usize,
            Rc::as_ptr(&questionnaire) as usize,
            directory.as_ref().map(|d| Arc::as_ptr(d) as usize),
        );
        (*use_memo(identity, move |_| {
            base.with_loaded(&questionnaire, directory.as_ref())
        }))
        .clone()
    };
    let picker = use_node_ref();
    if setup.test_panic && state.screen != Screen::Start {
        panic!("riskscreen: testPanic test hook: panicking after Start, as asked");
    }
    let locale = LocaleContext::new(
        setup.locales.clone(),
        state.lang.clone(),
        setup.questionnaire.default_language.clone().into(),
    );
    let on_action: Callback<Action> = state.dispatcher().to_callback();
    let on_exit = on_action.reform(|()| Action::Exit);
    let on_restore = on_action.reform(|()| Action::Restart);
    let on_language = {
        let setup = setup.clone();
        let questionnaire = state.questionnaire.clone();
        let current = state.lang.clone();
        let on_action = on_action.clone();
        let picker = picker.clone();
        Callback::from(move |lang: String| {
            if questionnaire
                .languages
                .iter()
                .any(|l| l.eq_ignore_ascii_case(&lang))
                && !crate::i18n::strings_missing(&lang)
            {
                on_action.emit(Action::SetLanguage(lang));
                return;
            }
            // Not loaded yet: the page loads that language's file and/or its UI
            // strings; until they are there (or when that fails) the flow stays
            // in its language.
            let picker = picker.clone();
            let current = current.clone();
            let failed = Callback::from(move |()| {
                if let Some(select) = picker.cast::<web_sys::HtmlSelectElement>() {
                    select.set_value(&current);
                }
            });
            language_files::load(&setup, &questionnaire, lang, on_action.clone(), failed);
        })
    };

    let step = state.step;
    let screen = match state.screen {
        Screen::Start => html! {
            <StartScreen key="start" {step} questions={state.visible.len()} on_action={on_action.clone()} />
        },
        Screen::Question(index) => {
            let question = &setup.questionnaire.questions[index];
            html! {
                <QuestionScreen
                    key={super::concat("question-", &question.id)}
                    {index}
                    answer={state.answers.get(&question.id).cloned()}
                    position={state.position(index) + 1}
                    total={state.visible.len()}
                    first_in_section={first_in_section(&state, index)}
                    error={state.error}
                    editing={state.editing}
                    {step}
                    on_action={on_action.clone()}
                />
            }
        }
        Screen::Review => html! {
            <ReviewScreen
                key="review"
                answers={state.answers.clone()}
                visible={state.visible.clone()}
                {step}
                on_action={on_action.clone()}
            />
        },
        Screen::Result => match &state.evaluation {
            Some(evaluation) => html! {
                <ResultScreen
                    key="result"
                    evaluation={evaluation.clone()}
                    answers={state.answers.clone()}
                    country={state.country.clone()}
                    {step}
                    on_action={on_action.clone()}
                />
            },
            None => html! {},
        },
        Screen::Exit => html! {
            <div key="exit" class="rs-cover">
                <p>{ locale.t(msg::EXIT_COVER) }</p>
            </div>
        },
    };

    let context = WidgetContext {
        setup: SetupContext(setup.clone()),
        locale: locale.clone(),
    };
    html! {
        <ContextProvider<WidgetContext> {context}>
            <div
                class="rs-widget"
                lang={locale.lang().clone()}
                dir={locale.dir()}
                data-screen={state.screen.name()}
            >
                <div class="rs-bar">
                    <QuickExit {on_exit} {on_restore} />
                    // A way to a helpline on every screen, not only on the result:
                    // someone in danger may never get that far.
                    <a class="rs-help" href="tel:112">{ locale.t(msg::HELP_EMERGENCY) }</a>
                    if state.screen != Screen::Exit {
                        { language_picker(&setup, &locale, &LanguagePickerProps {
                            current: state.lang.clone(),
                            on_change: on_language,
                            select: picker,
                        }) }
                    }
                </div>
                { live_region(&locale, state.notice, state.notice_seq) }
                { screen }
            </div>
        </ContextProvider<WidgetContext>>
    }
}

/// Whether question `index` is the first shown question of its section (its
/// section's intro is shown with it).
fn first_in_section(state: &FlowState, index: usize) -> bool {
    let section = &state.questionnaire.questions[index].section;
    state
        .visible
        .iter()
        .find(|&&i| state.questionnaire.questions[i].section == *section)
        == Some(&index)
}
