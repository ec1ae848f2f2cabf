//! Checks shared by the loading targets (`load_toml`, `load_json`): what a loader
//! says about its result, and what every usable questionnaire must allow.
//! (`helplines` checks `Loaded<Directory>` the same way, in its own file.)

use riskscreen_core::{
    load_json, score, score_planned, validate, Answer, Answers, Diagnostic, Loaded, Plan,
    QuestionKind, Questionnaire,
};

#[path = "../../../crates/core/tests/support/reference.rs"]
mod reference;

/// The widget's JSON reader, compiled in from its source (see `read_differential`);
/// only its questionnaire half is used here.
#[allow(dead_code)]
#[path = "../../../src/config/read/mod.rs"]
mod read;

/// A load gave a usable questionnaire exactly when none of its diagnostics is an
/// error; no model only with an error saying why; a model kept despite errors has
/// exactly the problems `validate` finds in it (its diagnostics describe that
/// model, only located); and every diagnostic renders.
pub fn check_loaded(loaded: &Loaded<Questionnaire>, file: &str) {
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    assert_eq!(loaded.has_errors(), errors > 0);
    match loaded.usable() {
        Some(_) => assert_eq!(errors, 0, "a questionnaire is usable despite errors"),
        None => assert!(errors > 0, "nothing is usable, yet no error says why"),
    }
    match &loaded.model {
        Some(q) => assert_eq!(
            unlocated(&loaded.diagnostics),
            unlocated(&validate(q)),
            "the diagnostics are not those of the model kept"
        ),
        None => assert!(errors > 0, "nothing was read, yet no error says why"),
    }
    for diagnostic in &loaded.diagnostics {
        let _ = diagnostic.render(file);
    }
}

/// Diagnostics without their locations, in a fixed order.
fn unlocated(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            d.location = None;
            d
        })
        .collect();
    diagnostics.sort_by_cached_key(|d| format!("{d:?}"));
    diagnostics
}

/// What a loaded (so valid) questionnaire must allow: validation finds no error
/// again; scoring with no answers, "not sure" everywhere, or the first choice
/// everywhere gives what the naive reference scorer gives; and its compiled JSON
/// (what `riskscreen compile` writes) is read back to the same model by the core's
/// JSON loader and by the widget's reader.
pub fn check_questionnaire(q: &Questionnaire) {
    assert!(
        validate(q).iter().all(|d| !d.is_error()),
        "a loaded questionnaire fails validation"
    );
    let plan = Plan::new(q);
    let unsure: Answers = q
        .questions
        .iter()
        .map(|question| (question.id.clone(), Answer::Unsure))
        .collect();
    let first: Answers = q
        .questions
        .iter()
        .map(|question| {
            let first = question.options.first().map(|o| o.id.clone());
            let answer = match (question.kind, first) {
                (QuestionKind::YesNo, _) | (_, None) => Answer::Yes,
                (QuestionKind::SingleChoice, Some(id)) => Answer::Choice(id),
                (QuestionKind::MultipleChoice, Some(id)) => Answer::Choices([id].into()),
            };
            (question.id.clone(), answer)
        })
        .collect();
    for answers in [Answers::new(), unsure, first] {
        let expected = reference::reference(q, &answers);
        assert_eq!(score(q, &answers), expected);
        assert_eq!(score_planned(&plan, q, &answers), expected);
    }

    let json = serde_json::to_string(q).expect("a questionnaire serializes");
    let reloaded = load_json("compiled.json", &json);
    assert_eq!(
        reloaded.usable(),
        Some(q),
        "the compiled JSON does not load back: {:?}",
        reloaded.diagnostics
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    match read::questionnaire(&value) {
        Ok(by_reader) => assert_eq!(
            &by_reader, q,
            "the widget reads the compiled JSON differently"
        ),
        Err(e) => panic!("the widget's reader refuses the compiled JSON: {e}"),
    }
}
