//! The walk: its order and keys, both walks the same, every text of the model.

use std::collections::BTreeSet;

use super::*;
use crate::model::*;

fn text(s: &str) -> Text {
    Text::single("en", s)
}

/// A questionnaire with every kind of text, optional ones included.
fn full() -> Questionnaire {
    let question = |id: &str, options: &[&str]| Question {
        id: id.into(),
        section: "s".into(),
        kind: if options.is_empty() {
            QuestionKind::YesNo
        } else {
            QuestionKind::SingleChoice
        },
        text: text(&format!("{id} text")),
        why: Some(text(&format!("{id} why"))),
        if_unsure: Some(text(&format!("{id} if unsure"))),
        show_if: None,
        if_yes: Vec::new(),
        if_no: Vec::new(),
        options: options
            .iter()
            .map(|o| AnswerOption {
                id: (*o).into(),
                label: text(&format!("{id} {o}")),
                indicators: Vec::new(),
                exclusive: false,
            })
            .collect(),
        allow_unsure: true,
        allow_decline: false,
        unsure_at_least: None,
    };
    let band = |id: &str| Band {
        id: id.into(),
        label: text(&format!("{id} label")),
        advice: text(&format!("{id} advice")),
        min_score: Some(0),
        when: None,
        undetermined: false,
    };
    Questionnaire {
        id: "q".into(),
        version: "1".into(),
        audience: Audience::SelfCheck,
        languages: vec!["en".into()],
        default_language: "en".into(),
        title: text("Title"),
        description: text("About"),
        minutes: None,
        scoring: Scoring {
            model: Model::Ilo,
            pattern: Vec::new(),
            routes: vec![Route {
                id: "adults".into(),
                label: text("adults label"),
                when: None,
                pattern: Vec::new(),
                reinforcing: Vec::new(),
                counted: Vec::new(),
                strengths: Default::default(),
                exclude: Vec::new(),
                sources: Vec::new(),
                verified: false,
                note: None,
            }],
        },
        sources: Vec::new(),
        dimensions: vec![Dimension {
            id: "d".into(),
            label: text("d label"),
            advice: Some(text("d advice")),
        }],
        indicators: vec![Indicator {
            id: "i.x".into(),
            dimension: "d".into(),
            label: text("i.x label"),
            strength: None,
            weight: None,
            danger: false,
            at_least: None,
            sources: Vec::new(),
            verified: false,
            note: None,
            advice: Some(text("i.x advice")),
        }],
        sections: vec![Section {
            id: "s".into(),
            title: text("s title"),
            intro: Some(text("s intro")),
            show_if: None,
        }],
        questions: vec![question("q1", &[]), question("q2", &["a", "b"])],
        bands: vec![band("low"), band("high")],
    }
}

fn keys(entries: &[TextEntry<'_>]) -> Vec<String> {
    entries.iter().map(|e| e.key.clone()).collect()
}

#[test]
fn the_texts_come_in_the_models_order_under_keys_built_from_ids() {
    let q = full();
    assert_eq!(
        keys(&q.texts()),
        [
            "title",
            "description",
            "dimension.d.label",
            "dimension.d.advice",
            "indicator.i.x.label",
            "indicator.i.x.advice",
            "section.s.title",
            "section.s.intro",
            "question.q1.text",
            "question.q1.why",
            "question.q1.if_unsure",
            "question.q2.text",
            "question.q2.why",
            "question.q2.if_unsure",
            "question.q2.option.a.label",
            "question.q2.option.b.label",
            "route.adults.label",
            "band.low.label",
            "band.low.advice",
            "band.high.label",
            "band.high.advice",
        ]
    );
}

#[test]
fn an_option_names_its_question_in_path_key_and_subject() {
    let q = full();
    let texts = q.texts();
    let option = texts
        .iter()
        .find(|e| e.key == "question.q2.option.b.label")
        .unwrap();
    assert_eq!(option.path.to_string(), "question[1].option[1].label");
    assert_eq!(option.subject, "option `b` of question `q2`");
    assert_eq!(option.field, "label");
    assert_eq!(option.text, &text("q2 b"));
    assert!(matches!(option.owner, Owner::AnswerOption(x, o) if x.id == "q2" && o.id == "b"));

    let route = texts
        .iter()
        .find(|e| e.key == "route.adults.label")
        .unwrap();
    assert_eq!(route.path.to_string(), "scoring.route[0].label");
    assert_eq!(route.subject, "route `adults`");
    let title = &texts[0];
    assert_eq!(
        (title.path.to_string(), title.subject.as_str()),
        ("title".to_owned(), "the questionnaire")
    );
    let high = texts.iter().find(|e| e.key == "band.high.advice").unwrap();
    assert!(matches!(high.owner, Owner::Band(1, b) if b.id == "high"));
}

#[test]
fn absent_optional_texts_are_left_out() {
    let mut q = full();
    q.dimensions[0].advice = None;
    q.questions[0].why = None;
    q.questions[0].if_unsure = None;
    let keys = keys(&q.texts());
    assert!(!keys.contains(&"dimension.d.advice".to_owned()));
    assert!(!keys
        .iter()
        .any(|k| k.starts_with("question.q1.") && k != "question.q1.text"));
    assert_eq!(keys.len(), full().texts().len() - 3);
}

#[cfg(feature = "toml")]
#[test]
fn keys_and_paths_are_unique_in_the_shipped_questionnaires() {
    for (name, source) in [
        (
            "self-check",
            include_str!("../../../../questionnaires/self-check.toml"),
        ),
        (
            "platform-offer",
            include_str!("../../../../questionnaires/platform-offer.toml"),
        ),
        (
            "ngo-intake",
            include_str!("../../../../questionnaires/ngo-intake.toml"),
        ),
    ] {
        let (q, _) = crate::load_toml(name, source).into_result(name).unwrap();
        let texts = q.texts();
        assert!(texts.len() > 50, "{name}: {} texts", texts.len());
        let keys: BTreeSet<&str> = texts.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys.len(), texts.len(), "{name}: a key is used twice");
        let paths: BTreeSet<String> = texts.iter().map(|e| e.path.to_string()).collect();
        assert_eq!(paths.len(), texts.len(), "{name}: a path is used twice");
        for e in &texts {
            assert!(e.path.to_string().ends_with(e.field), "{name}: {}", e.path);
            assert!(e.key.ends_with(e.field), "{name}: {}", e.key);
        }
    }
}

#[test]
fn the_mutable_walk_visits_the_same_texts_in_the_same_order() {
    let mut q = full();
    let before: Vec<Text> = q.texts().iter().map(|e| e.text.clone()).collect();
    let mut visited = Vec::new();
    q.for_each_text(&mut |t| visited.push(t.clone()));
    assert_eq!(visited, before);

    // Numbered by the mutable walk, read back by the immutable one: the same slots.
    let mut n = 0;
    q.for_each_text(&mut |t| {
        *t = text(&n.to_string());
        n += 1;
    });
    let numbers: Vec<String> = q
        .texts()
        .iter()
        .map(|e| e.text.get("en").unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..before.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn the_walk_reaches_every_text_of_the_model() {
    // Every text of `full` is replaced through the walk: none of the originals may be
    // left anywhere in the questionnaire (a `Text` added to the model but not to the
    // walk would be).
    let mut q = full();
    q.for_each_text(&mut |t| *t = text("walked"));
    let json = serde_json::to_string(&q).unwrap();
    for e in full().texts() {
        let original = e.text.get("en").unwrap();
        assert!(
            !json.contains(&format!("\"{original}\"")),
            "{original} not walked: {json}"
        );
    }
    let all_texts = json.matches("{\"en\":").count();
    assert_eq!(all_texts, full().texts().len(), "{json}");
}
