//! The flow reducer, natively: every action, back and forward, skip logic applied
//! live, changing an answer hiding dependent questions, restart and exit wiping
//! everything. Fixture: `tests/fixtures/demo.toml` (questions in order: offer_kind,
//! passport, [job section: job_pay, pay_cash_contract], leave).

mod common;

use std::rc::Rc;
use std::sync::Arc;

use common::{answer, initial, run, setup, toggle};
use riskscreen::state::{Action, AddedHelplines, FlowError, FlowState, Notice, Screen};
use riskscreen_core::helplines::Directory;
use riskscreen_core::{Answer, Answers};
use yew::Reducible;

fn ids(state: &FlowState) -> Vec<&str> {
    state
        .visible
        .iter()
        .map(|&i| state.questionnaire.questions[i].id.as_str())
        .collect()
}

fn current(state: &FlowState) -> &str {
    match state.screen {
        Screen::Question(i) => &state.questionnaire.questions[i].id,
        other => panic!("not on a question: {other:?}"),
    }
}

fn demo() -> FlowState {
    initial(&setup("demo"))
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| s.to_string()).collect())
}

/// Answers through to the review screen: work offered, paid in cash, no contract.
fn to_review_with_job() -> FlowState {
    run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "job", true),
            Action::Next,
            answer("passport", Answer::Yes),
            Action::Next,
            answer("job_pay", Answer::Choice("cash".into())),
            Action::Next,
            answer("pay_cash_contract", Answer::No),
            Action::Next,
            answer("leave", Answer::No),
            Action::Next,
        ],
    )
}

#[test]
fn starts_on_the_start_screen_with_nothing_answered() {
    let s = demo();
    assert_eq!(s.screen, Screen::Start);
    assert!(s.answers.is_empty());
    assert_eq!(s.step, 0, "no focus move on the first render");
    assert_eq!(s.notice, None);
    assert_eq!(ids(&s), ["offer_kind", "passport", "leave"]);
}

#[test]
fn start_goes_to_the_first_question_and_announces_progress() {
    let s = run(demo(), [Action::Start]);
    assert_eq!(current(&s), "offer_kind");
    assert_eq!(s.step, 1);
    assert_eq!(
        s.notice,
        Some(Notice::Progress {
            position: 1,
            total: 3
        })
    );
    // Start only applies on the start screen.
    assert_eq!(s.clone().apply(Action::Start), s);
}

#[test]
fn next_without_an_answer_stays_and_reports_an_error_each_time() {
    let s = run(demo(), [Action::Start, Action::Next]);
    assert_eq!(current(&s), "offer_kind");
    assert_eq!(s.error, Some(FlowError::NothingChosen));
    assert_eq!(s.notice, Some(Notice::Error(FlowError::NothingChosen)));
    assert_eq!(s.step, 1, "no screen change, so focus stays");
    let again = s.clone().apply(Action::Next);
    assert!(again.notice_seq > s.notice_seq, "announced again");
    // Answering clears the error.
    let answered = again.apply(toggle("offer_kind", "housing", true));
    assert_eq!(answered.error, None);
}

#[test]
fn next_moves_forward_and_back_returns_through_start() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
        ],
    );
    assert_eq!(current(&s), "passport");
    assert_eq!(
        s.notice,
        Some(Notice::Progress {
            position: 2,
            total: 3
        })
    );
    let back = s.apply(Action::Back);
    assert_eq!(current(&back), "offer_kind");
    assert_eq!(
        back.answers.get("offer_kind"),
        Some(&choices(&["housing"])),
        "going back keeps answers"
    );
    let start = back.apply(Action::Back);
    assert_eq!(start.screen, Screen::Start);
    assert_eq!(
        start.clone().apply(Action::Back),
        start,
        "nothing before start"
    );
}

#[test]
fn answers_apply_to_the_current_question_only_and_must_fit_it() {
    let s = run(demo(), [Action::Start]);
    // Another question's id: ignored.
    let other = s.clone().apply(answer("passport", Answer::Yes));
    assert!(other.answers.is_empty());
    // offer_kind does not offer "not sure".
    let unsure = s.clone().apply(answer("offer_kind", Answer::Unsure));
    assert!(unsure.answers.is_empty());
    let unsure = s.clone().apply(toggle("offer_kind", "unsure", true));
    assert!(unsure.answers.is_empty());
    // An unknown option: ignored.
    let unknown = s.clone().apply(toggle("offer_kind", "boat", true));
    assert!(unknown.answers.is_empty());
    // Not on a question screen: ignored.
    assert!(demo()
        .apply(answer("offer_kind", choices(&["job"])))
        .answers
        .is_empty());
}

#[test]
fn checkboxes_respect_exclusive_options_and_unticking() {
    let s = run(demo(), [Action::Start]);
    let s = run(
        s,
        [
            toggle("offer_kind", "job", true),
            toggle("offer_kind", "housing", true),
        ],
    );
    assert_eq!(s.answers["offer_kind"], choices(&["housing", "job"]));
    // "None of these" is exclusive: it clears the others.
    let s = s.apply(toggle("offer_kind", "none", true));
    assert_eq!(s.answers["offer_kind"], choices(&["none"]));
    // Ticking another option clears the exclusive one.
    let s = s.apply(toggle("offer_kind", "job", true));
    assert_eq!(s.answers["offer_kind"], choices(&["job"]));
    // Unticking the last one leaves the question unanswered.
    let s = s.apply(toggle("offer_kind", "job", false));
    assert!(!s.answers.contains_key("offer_kind"));
}

#[test]
fn unsure_and_declined_are_answers_and_clear_choices() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
        ],
    );
    let s = s.apply(answer("passport", Answer::Unsure));
    assert_eq!(s.answers["passport"], Answer::Unsure);
    let s = s.apply(answer("passport", Answer::Declined));
    assert_eq!(s.answers["passport"], Answer::Declined);
    let s = run(s, [Action::Next]);
    assert_eq!(current(&s), "leave");
    // leave does not offer "rather not say".
    let s = s.apply(answer("leave", Answer::Declined));
    assert!(!s.answers.contains_key("leave"));
}

#[test]
fn skip_logic_applies_live() {
    let s = run(demo(), [Action::Start, toggle("offer_kind", "job", true)]);
    assert_eq!(
        ids(&s),
        ["offer_kind", "passport", "job_pay", "leave"],
        "the job section shows as soon as work is ticked"
    );
    assert_eq!(
        s.notice,
        Some(Notice::Progress {
            position: 1,
            total: 3
        })
    );
    let s = run(s, [Action::Next]);
    assert_eq!(
        s.notice,
        Some(Notice::Progress {
            position: 2,
            total: 4
        })
    );
    let s = run(
        s,
        [
            answer("passport", Answer::No),
            Action::Next,
            answer("job_pay", Answer::Choice("cash".into())),
        ],
    );
    assert_eq!(
        ids(&s),
        [
            "offer_kind",
            "passport",
            "job_pay",
            "pay_cash_contract",
            "leave"
        ]
    );
    let s = run(s, [Action::Next]);
    assert_eq!(current(&s), "pay_cash_contract");
}

#[test]
fn changing_an_answer_hides_dependent_questions_and_drops_their_answers() {
    let s = to_review_with_job();
    assert_eq!(s.screen, Screen::Review);
    assert_eq!(s.answers.len(), 5);
    // Change "what is offered" to housing only: the job section and its follow-up hide.
    let s = run(
        s,
        [
            Action::Edit("offer_kind".into()),
            toggle("offer_kind", "housing", true),
            toggle("offer_kind", "job", false),
        ],
    );
    assert_eq!(ids(&s), ["offer_kind", "passport", "leave"]);
    assert!(!s.answers.contains_key("job_pay"));
    assert!(
        !s.answers.contains_key("pay_cash_contract"),
        "hiding is transitive"
    );
    // Next returns to the review, which now lists three answers.
    let s = s.apply(Action::Next);
    assert_eq!(s.screen, Screen::Review);
    assert_eq!(s.answered().count(), 3);
    let s = s.apply(Action::ShowResult);
    let evaluation = s.evaluation.as_deref().unwrap();
    assert_eq!(evaluation.present, ["passport_kept"]);
}

#[test]
fn editing_walks_newly_revealed_questions_then_returns_to_review() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
            answer("passport", Answer::No),
            Action::Next,
            answer("leave", Answer::No),
            Action::Next,
        ],
    );
    assert_eq!(s.screen, Screen::Review);
    let s = run(
        s,
        [
            Action::Edit("offer_kind".into()),
            toggle("offer_kind", "job", true),
        ],
    );
    assert!(s.editing);
    let s = s.apply(Action::Next);
    assert_eq!(current(&s), "job_pay", "the question the change revealed");
    let s = run(
        s,
        [
            answer("job_pay", Answer::Choice("bank".into())),
            Action::Next,
        ],
    );
    assert_eq!(
        s.screen,
        Screen::Review,
        "back to the review once all is answered"
    );
    assert!(!s.editing);
}

#[test]
fn back_while_editing_returns_to_the_review() {
    let s = to_review_with_job();
    let s = run(s, [Action::Edit("leave".into())]);
    assert_eq!(current(&s), "leave");
    let s = s.apply(Action::Back);
    assert_eq!(s.screen, Screen::Review);
    // Edit an unknown or hidden question: nothing happens.
    assert_eq!(s.clone().apply(Action::Edit("nope".into())), s);
}

#[test]
fn review_back_goes_to_the_last_question_and_result_back_to_review() {
    let s = to_review_with_job();
    assert_eq!(s.notice, Some(Notice::Review));
    let last = s.clone().apply(Action::Back);
    assert_eq!(current(&last), "leave");
    let result = s.apply(Action::ShowResult);
    assert_eq!(result.screen, Screen::Result);
    assert_eq!(result.notice, Some(Notice::Result));
    let review = result.apply(Action::Back);
    assert_eq!(review.screen, Screen::Review);
    assert!(review.evaluation.is_none());
}

#[test]
fn the_result_is_the_engines_score() {
    let s = to_review_with_job().apply(Action::ShowResult);
    let evaluation = s.evaluation.as_deref().unwrap();
    assert_eq!(
        *evaluation,
        riskscreen_core::score(&s.questionnaire, &s.answers),
        "the reducer only calls the engine"
    );
    assert_eq!(evaluation.level, "serious_signs");
    assert_eq!(
        evaluation.present,
        ["passport_kept", "no_contract", "cash_only"]
    );
    assert!(!evaluation.danger);
}

#[test]
fn danger_and_unsure_reach_the_result() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
            answer("passport", Answer::Unsure),
            Action::Next,
            answer("leave", Answer::Yes),
            Action::Next,
            Action::ShowResult,
        ],
    );
    let evaluation = s.evaluation.as_deref().unwrap();
    assert!(evaluation.danger);
    assert_eq!(evaluation.unsure, ["passport"]);
}

#[test]
fn review_and_result_need_every_shown_question_answered() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "housing", true),
            Action::Next,
        ],
    );
    // Review from an unanswered question goes to the first unanswered one.
    let s = s.apply(Action::Review);
    assert_eq!(current(&s), "passport");
    // ShowResult only applies on the review screen.
    assert_eq!(s.clone().apply(Action::ShowResult).screen, s.screen);
}

#[test]
fn restart_wipes_every_answer_and_the_country() {
    let s = to_review_with_job();
    let s = run(
        s,
        [
            Action::ShowResult,
            Action::SetCountry(Some("PL".into())),
            Action::SetLanguage("uk".into()),
            Action::Restart,
        ],
    );
    assert_eq!(s.screen, Screen::Start);
    assert!(s.answers.is_empty());
    assert!(s.evaluation.is_none());
    assert_eq!(s.country, None, "back to the configured country");
    assert_eq!(s.error, None);
    assert!(!s.editing);
    assert_eq!(s.notice, Some(Notice::Restarted));
    assert_eq!(s.lang, "uk", "the language is not an answer: kept");
    assert_eq!(ids(&s), ["offer_kind", "passport", "leave"]);
}

#[test]
fn exit_wipes_everything_from_any_screen() {
    for s in [
        demo(),
        run(demo(), [Action::Start, toggle("offer_kind", "job", true)]),
        to_review_with_job(),
        to_review_with_job().apply(Action::ShowResult),
    ] {
        let step = s.step;
        let exited = s.apply(Action::Exit);
        assert_eq!(exited.screen, Screen::Exit);
        assert!(exited.answers.is_empty());
        assert!(exited.evaluation.is_none());
        assert_eq!(exited.notice, None);
        assert!(exited.step > step);
    }
    // Restored from the back/forward cache: start again, nothing kept.
    let back = demo().apply(Action::Exit).apply(Action::Restart);
    assert_eq!(back.screen, Screen::Start);
}

#[test]
fn switching_language_keeps_every_answer() {
    let s = run(
        demo(),
        [
            Action::Start,
            toggle("offer_kind", "job", true),
            Action::Next,
        ],
    );
    let switched = s.clone().apply(Action::SetLanguage("uk".into()));
    assert_eq!(switched.lang, "uk");
    assert_eq!(switched.answers, s.answers);
    assert_eq!(switched.screen, s.screen);
    assert_eq!(switched.step, s.step, "no focus move");
    // A language the questionnaire does not ship: ignored.
    assert_eq!(s.clone().apply(Action::SetLanguage("pl".into())), s);
    // Case-insensitive, stored as shipped.
    assert_eq!(s.apply(Action::SetLanguage("UK".into())).lang, "uk");
}

#[test]
fn a_language_loaded_mid_run_is_merged_and_keeps_every_answer() {
    let whole = demo().questionnaire.clone();
    let english = FlowState::new(Rc::new(whole.only_languages(&["en"])), "en".into(), None);
    let s = run(
        english,
        [
            Action::Start,
            toggle("offer_kind", "job", true),
            Action::Next,
        ],
    );
    assert_eq!(s.questionnaire.languages, ["en"]);
    // Not loaded yet: ignored.
    assert_eq!(s.clone().apply(Action::SetLanguage("uk".into())).lang, "en");
    let switched = s.clone().apply(Action::AddLanguage {
        texts: Some(Rc::new(whole.only_languages(&["uk"]))),
        helplines: None,
        show: "uk".into(),
    });
    assert_eq!(switched.lang, "uk");
    assert_eq!(switched.questionnaire.languages, ["en", "uk"]);
    assert_eq!(switched.questionnaire.title, whole.title);
    assert_eq!(switched.answers, s.answers);
    assert_eq!(switched.screen, s.screen);
    assert_eq!(switched.step, s.step, "no focus move");
    // Back and forth without loading again.
    assert_eq!(
        switched
            .clone()
            .apply(Action::SetLanguage("en".into()))
            .lang,
        "en"
    );
    // Another questionnaire's file changes nothing.
    let mut other = whole.only_languages(&["uk"]);
    other.questions.pop();
    let refused = s.clone().apply(Action::AddLanguage {
        texts: Some(Rc::new(other)),
        helplines: None,
        show: "uk".into(),
    });
    assert_eq!(refused, s);
}

/// The page's directory in its language only, the other language's names
/// merged in with it: every name then in both, numbers untouched; a file of
/// another directory changes nothing; a second language merges into the first.
#[test]
fn a_helpline_file_loaded_mid_run_adds_names_and_never_numbers() {
    let setup = setup("demo");
    let whole = setup.directory.clone();
    let english = Arc::new(whole.only_languages(&["en"]));
    let s = initial(&setup);
    let add = |s: FlowState, file: Directory| {
        s.apply(Action::AddLanguage {
            texts: None,
            helplines: Some(AddedHelplines {
                base: english.clone(),
                file: Rc::new(file),
            }),
            show: "uk".into(),
        })
    };
    let merged = add(s.clone(), whole.only_languages(&["uk"]));
    let directory = merged.directory.as_ref().expect("names merged");
    assert_eq!(directory.languages, ["en", "uk"]);
    assert_eq!(directory.helplines, whole.helplines);
    assert_eq!(directory.countries, whole.countries);
    assert_eq!(merged.lang, "uk");
    assert_eq!(merged.answers, s.answers);

    let mut renumbered = whole.only_languages(&["uk"]);
    renumbered.helplines[0].number.push('9');
    assert_eq!(add(s.clone(), renumbered).directory, None, "refused");

    // Merged into what the flow holds, not into the base again.
    let mut polish = whole.only_languages(&["uk"]);
    for line in &mut polish.helplines {
        line.name = riskscreen_core::Text::single("pl", "nazwa");
    }
    for country in &mut polish.countries {
        country.name = riskscreen_core::Text::single("pl", "kraj");
    }
    polish.languages = vec!["pl".into()];
    polish.default_language = "pl".into();
    let both = add(merged, polish);
    let directory = both.directory.expect("names merged");
    assert_eq!(directory.languages, ["en", "uk", "pl"]);
    assert_eq!(directory.helplines[0].name.0.len(), 3);
}

#[test]
fn country_can_be_chosen_and_cleared() {
    let s = demo().apply(Action::SetCountry(Some("PL".into())));
    assert_eq!(s.country.as_deref(), Some("PL"));
    let s = s.apply(Action::SetCountry(Some(String::new())));
    assert_eq!(s.country, None);
}

#[test]
fn the_yew_reducer_keeps_the_same_rc_when_nothing_changes() {
    let s = Rc::new(demo());
    let same = s.clone().reduce(Action::Next);
    assert!(Rc::ptr_eq(&s, &same));
    let changed = s.clone().reduce(Action::Start);
    assert!(!Rc::ptr_eq(&s, &changed));
    assert_eq!(changed.screen, Screen::Question(0));
}

#[test]
fn the_ilo_model_reports_dimensions() {
    let setup = common::setup("ilo");
    let s = run(
        initial(&setup),
        [
            Action::Start,
            answer("lied_job", Answer::Yes),
            Action::Next,
            answer("lied_conditions", Answer::Yes),
            Action::Next,
            answer("papers", Answer::No),
            Action::Next,
            Action::ShowResult,
        ],
    );
    let evaluation = s.evaluation.as_deref().unwrap();
    assert_eq!(evaluation.level, "area");
    let dimensions = evaluation.dimensions.as_ref().unwrap();
    assert!(dimensions["deceptive_recruitment"].positive);
    assert!(!dimensions["coercion_at_destination"].positive);
}

#[test]
fn an_empty_answer_set_never_counts_as_answered() {
    let s = run(demo(), [Action::Start]);
    let mut answers = Answers::new();
    answers.insert("offer_kind".into(), Answer::Choices(Default::default()));
    // The reducer never stores an empty choice list (unticking the last removes it).
    let s = run(
        s,
        [
            toggle("offer_kind", "job", true),
            toggle("offer_kind", "job", false),
        ],
    );
    assert_ne!(*s.answers, answers);
    assert!(s.answers.is_empty());
}

#[test]
fn review_returns_from_a_changed_answer_unless_the_change_revealed_a_question() {
    let s = to_review_with_job();
    // Change the pay: still all answered, so Review goes straight back.
    let back = run(
        s.clone(),
        [
            Action::Edit("job_pay".into()),
            answer("job_pay", Answer::Choice("bank".into())),
            Action::Review,
        ],
    );
    assert_eq!(back.screen, Screen::Review);
    assert!(
        !back.answers.contains_key("pay_cash_contract"),
        "hidden again"
    );
    // Change it back to cash: the contract question is shown again, unanswered.
    let revealed = run(
        back,
        [
            Action::Edit("job_pay".into()),
            answer("job_pay", Answer::Choice("cash".into())),
            Action::Review,
        ],
    );
    assert_eq!(current(&revealed), "pay_cash_contract");
    // Review does nothing on the start screen.
    let start = demo();
    assert_eq!(start.clone().apply(Action::Review), start);
}
