//! The flow: a pure reducer over typed actions.
//!
//! [`FlowState`] is everything the person has done: the screen, the answers, the
//! language and country chosen. [`Action`]s change it through [`FlowState::apply`]
//! (wrapped as yew's [`Reducible`]), which does no IO, so every rule below is tested
//! natively in `tests/reducer.rs`. Skip logic and scoring are the engine's
//! ([`Plan`], [`score_planned`]); nothing here duplicates them.
//!
//! Rules:
//! - Answers are kept only for questions that are shown: when a changed answer hides
//!   later questions, their answers are dropped (they would not count anyway).
//! - Next on an unanswered question stays put and raises [`FlowError::NothingChosen`]
//!   (announced and shown next to the question, never a disabled button).
//! - Changing an answer from the review screen returns to the review screen after
//!   Next, walking first through any question the change has newly revealed.
//! - Restart and Exit wipe every answer; Exit also leaves the screen blank.
//! - `step` counts screen changes: the app moves focus to the new heading when it
//!   changes. `notice` is what the live region announces; `notice_seq` changes when
//!   the same notice must be announced again.

use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

use riskscreen_core::helplines::Directory;
use riskscreen_core::{score_planned, Answer, Answers, Evaluation, Plan, Questionnaire};
use yew::prelude::*;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What this is, privacy, time, language.
    Start,
    /// One question: the index into `questionnaire.questions`.
    Question(usize),
    /// Every answer, each with a way to change it.
    Review,
    /// The explained result.
    Result,
    /// Left quickly: everything wiped, the page is being replaced.
    Exit,
}

impl Screen {
    /// The `data-screen` value of the widget root.
    pub fn name(self) -> &'static str {
        match self {
            Screen::Start => "start",
            Screen::Question(_) => "question",
            Screen::Review => "review",
            Screen::Result => "result",
            Screen::Exit => "exit",
        }
    }
}

/// A problem with what the person did, shown next to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowError {
    /// Next was pressed with no answer chosen.
    NothingChosen,
}

/// What the live region says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// "Question {position} of about {total}".
    Progress {
        /// 1-based position among the questions shown.
        position: usize,
        /// How many questions are shown, as far as the answers so far tell.
        total: usize,
    },
    /// The current error.
    Error(FlowError),
    /// The review screen opened.
    Review,
    /// The result is ready.
    Result,
    /// All answers were wiped by Start again.
    Restarted,
}

/// Everything that can happen in the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the start screen for the first question.
    Start,
    /// Set the answer to the current question (radio buttons).
    Answer {
        /// The question's id (ignored unless it is the current question).
        question: String,
        /// The answer.
        answer: Answer,
    },
    /// Tick or untick one checkbox of the current multiple-choice question:
    /// an option id, `unsure` or `declined`. Exclusive options, `unsure` and
    /// `declined` clear the others; any other option clears them.
    Toggle {
        /// The question's id.
        question: String,
        /// The option id, `unsure` or `declined`.
        value: String,
        /// Ticked (true) or unticked.
        on: bool,
    },
    /// Go on from the current question.
    Next,
    /// Go back one screen.
    Back,
    /// Change the answer to this question (from the review screen).
    Edit(String),
    /// Open the review screen (when every shown question is answered).
    Review,
    /// Score and show the result (when every shown question is answered).
    ShowResult,
    /// Wipe every answer and go to the start screen.
    Restart,
    /// Leave quickly: wipe everything and blank the screen.
    Exit,
    /// Show texts in another language the questionnaire ships.
    SetLanguage(String),
    /// Add the texts of `texts` (the same questionnaire in other languages, a
    /// file loaded mid-run) to the questionnaire, then show them in `show`.
    /// Answers, screen and everything else stay; a file that is not the same
    /// questionnaire changes nothing.
    AddLanguage {
        /// The questionnaire's file in the other language(s), when the
        /// questionnaire did not carry them.
        texts: Option<Rc<Questionnaire>>,
        /// The helpline directory's file in the other language(s), when the
        /// directory did not carry them: its names are merged into the directory
        /// shown ([`FlowState::directory`]), or into `base` while none was
        /// merged yet. A file that is not the same directory changes nothing
        /// (names then fall back to the directory's default language).
        helplines: Option<AddedHelplines>,
        /// The language to show then (when the questionnaire has it).
        show: String,
    },
    /// Show another country's helplines (`None`: no country, EU-wide lines only).
    SetCountry(Option<String>),
}

/// A helpline file in another language loaded mid-run
/// ([`Action::AddLanguage`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AddedHelplines {
    /// The directory the widget started with, to merge into while the flow
    /// holds none of its own ([`FlowState::directory`]).
    pub base: Arc<Directory>,
    /// The loaded file: the same directory, names in other languages.
    pub file: Rc<Directory>,
}

/// The state of the flow.
#[derive(Clone)]
pub struct FlowState {
    /// The questionnaire (shared; replaced only by one with more languages,
    /// [`Action::AddLanguage`]).
    pub questionnaire: Rc<Questionnaire>,
    /// The helpline directory with the names of languages loaded mid-run
    /// ([`Action::AddLanguage`]); `None` until one is, then the setup's is shown.
    pub directory: Option<Arc<Directory>>,
    /// The questionnaire's skip logic, compiled once: every answer re-evaluates it.
    pub plan: Rc<Plan>,
    /// The screen showing.
    pub screen: Screen,
    /// The answers to shown questions.
    pub answers: Rc<Answers>,
    /// Indexes of the questions shown for these answers, in order.
    pub visible: Rc<[usize]>,
    /// The scored result, on the result screen.
    pub evaluation: Option<Rc<Evaluation>>,
    /// The active language.
    pub lang: AttrValue,
    /// The country whose helplines are shown.
    pub country: Option<AttrValue>,
    /// The current error, if any.
    pub error: Option<FlowError>,
    /// What the live region announces.
    pub notice: Option<Notice>,
    /// Changes when the same notice must be announced again.
    pub notice_seq: u32,
    /// Counts screen changes (focus moves to the new heading when it changes).
    pub step: u32,
    /// The current question is being changed from the review screen.
    pub editing: bool,
    default_country: Option<AttrValue>,
}

/// Everything but the questionnaire, which is named by its id.
impl std::fmt::Debug for FlowState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlowState")
            .field("questionnaire", &self.questionnaire.id)
            .field("screen", &self.screen)
            .field("answers", &self.answers)
            .field("visible", &self.visible)
            .field("evaluation", &self.evaluation.as_ref().map(|e| &e.level))
            .field("lang", &self.lang)
            .field("country", &self.country)
            .field("error", &self.error)
            .field("notice", &self.notice)
            .field("notice_seq", &self.notice_seq)
            .field("step", &self.step)
            .field("editing", &self.editing)
            .finish()
    }
}

impl PartialEq for FlowState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && same_directory(&self.directory, &other.directory)
            && self.screen == other.screen
            && self.answers == other.answers
            && self.evaluation == other.evaluation
            && self.lang == other.lang
            && self.country == other.country
            && self.error == other.error
            && self.notice == other.notice
            && self.notice_seq == other.notice_seq
            && self.step == other.step
            && self.editing == other.editing
    }
}

/// Whether both are no directory, or the same one.
fn same_directory(a: &Option<Arc<Directory>>, b: &Option<Arc<Directory>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        _ => false,
    }
}

impl FlowState {
    /// The start screen, no answers. `lang` must be one the questionnaire ships
    /// (see [`crate::config::Setup`]); `country` is the configured country.
    pub fn new(
        questionnaire: Rc<Questionnaire>,
        lang: AttrValue,
        country: Option<AttrValue>,
    ) -> Self {
        let plan = Rc::new(Plan::new(&questionnaire));
        let visible = plan.visible(&Answers::new()).into();
        FlowState {
            questionnaire,
            directory: None,
            plan,
            screen: Screen::Start,
            answers: Rc::default(),
            visible,
            evaluation: None,
            lang,
            country: country.clone(),
            error: None,
            notice: None,
            notice_seq: 0,
            step: 0,
            editing: false,
            default_country: country,
        }
    }

    /// The state after `action`. Actions that do not apply where the flow is (Next
    /// on the start screen, an answer to another question) leave it unchanged.
    #[must_use]
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Start => {
                if self.screen == Screen::Start {
                    self.go_forward_from(None);
                }
            }
            Action::Answer { question, answer } => {
                if let Some(index) = self.current_if(&question) {
                    let q = &self.questionnaire.questions[index];
                    if answer.check(q).is_ok() {
                        self.set_answer(question, Some(answer));
                    }
                }
            }
            Action::Toggle {
                question,
                value,
                on,
            } => {
                if let Some(index) = self.current_if(&question) {
                    let next = toggled(
                        &self.questionnaire.questions[index],
                        self.answers.get(&question),
                        &value,
                        on,
                    );
                    self.set_answer(question, next);
                }
            }
            Action::Next => {
                if let Screen::Question(index) = self.screen {
                    let id = &self.questionnaire.questions[index].id;
                    if self.answers.contains_key(id) {
                        if self.editing {
                            self.go_to_first_unanswered_or_review();
                        } else {
                            self.go_forward_from(Some(index));
                        }
                    } else {
                        self.error = Some(FlowError::NothingChosen);
                        self.announce(Notice::Error(FlowError::NothingChosen));
                    }
                }
            }
            Action::Back => match self.screen {
                Screen::Question(index) => {
                    let previous = self
                        .position(index)
                        .checked_sub(1)
                        .and_then(|p| self.visible.get(p).copied());
                    if self.editing && self.all_answered() {
                        self.show_review();
                    } else if let Some(previous) = previous {
                        self.show_question(previous);
                    } else {
                        self.show(Screen::Start, None);
                    }
                }
                Screen::Review => match self.visible.last() {
                    Some(&last) => self.show_question(last),
                    None => self.show(Screen::Start, None),
                },
                Screen::Result => self.show_review(),
                Screen::Start | Screen::Exit => {}
            },
            Action::Edit(question) => {
                if matches!(self.screen, Screen::Review | Screen::Result) {
                    if let Some(index) = self.visible_index(&question) {
                        self.editing = true;
                        self.show_question(index);
                    }
                }
            }
            Action::Review => {
                if matches!(self.screen, Screen::Question(_) | Screen::Result) {
                    self.go_to_first_unanswered_or_review();
                }
            }
            Action::ShowResult => {
                if self.screen == Screen::Review {
                    if self.all_answered() {
                        let evaluation =
                            score_planned(&self.plan, &self.questionnaire, &self.answers);
                        self.evaluation = Some(Rc::new(evaluation));
                        self.show(Screen::Result, Some(Notice::Result));
                    } else {
                        self.go_to_first_unanswered_or_review();
                    }
                }
            }
            Action::Restart => {
                if self.screen != Screen::Start || !self.answers.is_empty() {
                    self.wipe();
                    self.show(Screen::Start, Some(Notice::Restarted));
                }
            }
            Action::Exit => {
                self.wipe();
                self.notice = None;
                self.screen = Screen::Exit;
                self.step += 1;
            }
            Action::AddLanguage {
                texts,
                helplines,
                show,
            } => {
                if let Some(AddedHelplines { base, file }) = helplines {
                    let into = self.directory.as_ref().unwrap_or(&base);
                    let mut merged = (**into).clone();
                    // Same countries, lines and numbers: only names are added.
                    if merged.merge_languages(&file).is_ok() {
                        self.directory = Some(Arc::new(merged));
                    }
                }
                let Some(texts) = texts else {
                    return self.apply(Action::SetLanguage(show));
                };
                let mut merged = (*self.questionnaire).clone();
                if merged.merge_languages(&texts).is_ok() {
                    // Same questions, options and conditions: the plan, the
                    // answers and the screen stay valid.
                    self.questionnaire = Rc::new(merged);
                    return self.apply(Action::SetLanguage(show));
                }
            }
            Action::SetLanguage(lang) => {
                if let Some(shipped) = self
                    .questionnaire
                    .languages
                    .iter()
                    .find(|l| l.eq_ignore_ascii_case(&lang))
                {
                    self.lang = AttrValue::from(shipped.clone());
                }
            }
            Action::SetCountry(country) => {
                self.country = country.filter(|c| !c.is_empty()).map(AttrValue::from);
            }
        }
        self
    }

    /// 0-based position of question `index` among the shown questions.
    pub fn position(&self, index: usize) -> usize {
        self.visible.iter().position(|&i| i == index).unwrap_or(0)
    }

    /// The shown questions that have an answer, in order, with their answers.
    pub fn answered(&self) -> impl Iterator<Item = (usize, &Answer)> + '_ {
        self.visible.iter().filter_map(|&i| {
            self.answers
                .get(&self.questionnaire.questions[i].id)
                .map(|a| (i, a))
        })
    }

    /// Whether every shown question has an answer.
    pub fn all_answered(&self) -> bool {
        self.first_unanswered().is_none()
    }

    fn first_unanswered(&self) -> Option<usize> {
        self.visible.iter().copied().find(|&i| {
            !self
                .answers
                .contains_key(&self.questionnaire.questions[i].id)
        })
    }

    fn visible_index(&self, id: &str) -> Option<usize> {
        self.visible
            .iter()
            .copied()
            .find(|&i| self.questionnaire.questions[i].id == id)
    }

    /// The current question's index, if it has this id.
    fn current_if(&self, id: &str) -> Option<usize> {
        match self.screen {
            Screen::Question(index) if self.questionnaire.questions[index].id == id => Some(index),
            _ => None,
        }
    }

    fn set_answer(&mut self, question: String, answer: Option<Answer>) {
        let answers = Rc::make_mut(&mut self.answers);
        match answer {
            Some(answer) => {
                answers.insert(question, answer);
                self.error = None;
            }
            None => keep_only(answers, |id| *id != question),
        }
        let visible = self.plan.visible(answers);
        let questions = &self.questionnaire.questions;
        keep_only(answers, |id| {
            visible.iter().any(|&i| questions[i].id == *id)
        });
        self.visible = visible.into();
    }

    /// The next shown question after `after` (or the first), else the review screen.
    fn go_forward_from(&mut self, after: Option<usize>) {
        let next = match after {
            None => self.visible.first().copied(),
            Some(index) => self.visible.get(self.position(index) + 1).copied(),
        };
        match next {
            Some(index) => self.show_question(index),
            None => self.show_review(),
        }
    }

    fn go_to_first_unanswered_or_review(&mut self) {
        match self.first_unanswered() {
            Some(index) => self.show_question(index),
            None => self.show_review(),
        }
    }

    fn show_question(&mut self, index: usize) {
        let notice = Notice::Progress {
            position: self.position(index) + 1,
            total: self.visible.len(),
        };
        self.show(Screen::Question(index), Some(notice));
    }

    fn show_review(&mut self) {
        self.editing = false;
        self.show(Screen::Review, Some(Notice::Review));
    }

    fn show(&mut self, screen: Screen, notice: Option<Notice>) {
        if screen != Screen::Result {
            self.evaluation = None;
        }
        if !matches!(screen, Screen::Question(_)) {
            self.editing = false;
        }
        self.screen = screen;
        self.error = None;
        self.step += 1;
        self.notice = None;
        if let Some(notice) = notice {
            self.announce(notice);
        }
    }

    fn announce(&mut self, notice: Notice) {
        self.notice = Some(notice);
        self.notice_seq = self.notice_seq.wrapping_add(1);
    }

    fn wipe(&mut self) {
        self.answers = Rc::default();
        self.visible = self.plan.visible(&self.answers).into();
        self.evaluation = None;
        self.error = None;
        self.editing = false;
        self.country = self.default_country.clone();
    }
}

/// The answer after ticking or unticking `value` on a multiple-choice question.
fn toggled(
    question: &riskscreen_core::Question,
    current: Option<&Answer>,
    value: &str,
    on: bool,
) -> Option<Answer> {
    match (value, on) {
        ("unsure", true) if question.allow_unsure => Some(Answer::Unsure),
        ("declined", true) if question.allow_decline => Some(Answer::Declined),
        ("unsure" | "declined", true) => current.cloned(),
        ("unsure" | "declined", false) => match current {
            Some(a) if a.equals(value) => None,
            other => other.cloned(),
        },
        (id, _) => {
            let Some(option) = question.option(id) else {
                return current.cloned();
            };
            let mut chosen = match current {
                Some(Answer::Choices(set)) if !option.exclusive => set.clone(),
                _ => Default::default(),
            };
            if on {
                keep_only_set(&mut chosen, |other| {
                    question.option(other).is_some_and(|o| !o.exclusive)
                });
                chosen.insert(id.to_owned());
            } else {
                keep_only_set(&mut chosen, |other| other != id);
            }
            (!chosen.is_empty()).then_some(Answer::Choices(chosen))
        }
    }
}

/// Keeps the answers whose question id `keep` accepts, moving them into a new map.
/// Not `BTreeMap::remove` or `retain`: each links the B-tree's rebalancing code
/// (merge, steal from a sibling, fix the root) into the wasm once per key and value
/// type, some kilobytes for maps of a few dozen answers, while moving them only
/// needs `insert` and the iteration that dropping a map links anyway (README,
/// Performance and size).
fn keep_only(answers: &mut Answers, mut keep: impl FnMut(&String) -> bool) {
    for (id, answer) in std::mem::take(answers) {
        if keep(&id) {
            answers.insert(id, answer);
        }
    }
}

/// [`keep_only`] for the options chosen of one question, and for the same reason.
fn keep_only_set(chosen: &mut BTreeSet<String>, mut keep: impl FnMut(&str) -> bool) {
    for id in std::mem::take(chosen) {
        if keep(&id) {
            chosen.insert(id);
        }
    }
}

/// The reducer as yew runs it: `use_reducer(|| FlowState::new(..))`.
impl Reducible for FlowState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = Rc::unwrap_or_clone(self.clone()).apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
