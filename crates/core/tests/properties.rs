//! Property tests: over generated questionnaires, indicator sets, answers and source
//! texts, scoring is monotone and deterministic, and nothing panics on input.
//!
//! Questionnaires are generated as small specs (numbers that pick dimensions,
//! strengths, weights, options, conditions over earlier questions, band thresholds)
//! and built into a [`Questionnaire`] by [`build`]; every generated questionnaire
//! passes validation, which `generated_questionnaires_are_valid` checks.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use riskscreen_core::{
    check_answers, load_helplines_toml, load_json, load_toml, score, score_indicators,
    score_planned, validate, visible_questions, Answer, AnswerOption, AnswerTest, Answers,
    Audience, Band, Condition, Dimension, IloStage, Indicator, Model, Plan, Question, QuestionKind,
    Questionnaire, Scoring, Section, Source, Strength, Text,
};

// ---------------------------------------------------------------- generated questionnaires

/// A condition before it is resolved against the questions before it.
#[derive(Debug, Clone)]
enum CondSpec {
    /// Equals (`false`) or includes (`true`): question selector, value selector.
    Test(bool, usize, usize),
    Not(Box<CondSpec>),
    All(Vec<CondSpec>),
    Any(Vec<CondSpec>),
}

#[derive(Debug, Clone)]
struct QuestionSpec {
    /// 0 yes/no, 1 single choice, 2 multiple choice.
    kind: u8,
    /// Indicator selectors marked by "yes" (yes/no) …
    if_yes: Vec<usize>,
    /// … and by "no".
    if_no: Vec<usize>,
    /// Per option, the indicator selectors it marks.
    options: Vec<Vec<usize>>,
    allow_unsure: bool,
    allow_decline: bool,
    condition: Option<CondSpec>,
}

#[derive(Debug, Clone)]
struct Spec {
    ilo: bool,
    dimensions: usize,
    /// Dimension selector, strength (0 strong, 1 medium, 2 weak), weight, danger.
    indicators: Vec<(usize, u8, u32, bool)>,
    questions: Vec<QuestionSpec>,
    /// Weighted: the steps between band thresholds (the first band is at 0).
    steps: Vec<u32>,
    /// Ilo: which of indicator_present, dimension_positive, pattern_met get a band.
    stages: [bool; 3],
    /// Ilo: the pattern, as dimension selectors.
    pattern: Vec<Vec<usize>>,
    /// Questions from this index on are in a second section, shown only if its condition
    /// (over the questions before) holds.
    second_section: Option<(usize, CondSpec)>,
    /// Per indicator (by position), a band selector for its severity floor.
    floors: Vec<Option<usize>>,
    /// Per question (by position), a band selector for its unsure floor.
    unsure_floors: Vec<Option<usize>>,
    /// Whether a "cannot tell" band follows the first band.
    undetermined: bool,
}

fn cond_spec() -> impl Strategy<Value = CondSpec> {
    let leaf = (any::<bool>(), any::<usize>(), any::<usize>())
        .prop_map(|(includes, q, v)| CondSpec::Test(includes, q, v));
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|c| CondSpec::Not(Box::new(c))),
            prop::collection::vec(inner.clone(), 1..3).prop_map(CondSpec::All),
            prop::collection::vec(inner, 1..3).prop_map(CondSpec::Any),
        ]
    })
}

fn question_spec() -> impl Strategy<Value = QuestionSpec> {
    let marks = || prop::collection::vec(any::<usize>(), 0..3);
    (
        0u8..3,
        marks(),
        marks(),
        prop::collection::vec(marks(), 2..5),
        any::<bool>(),
        any::<bool>(),
        prop::option::weighted(0.6, cond_spec()),
    )
        .prop_map(
            |(kind, if_yes, if_no, options, allow_unsure, allow_decline, condition)| QuestionSpec {
                kind,
                if_yes,
                if_no,
                options,
                allow_unsure,
                allow_decline,
                condition,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        any::<bool>(),
        1usize..5,
        prop::collection::vec(
            (any::<usize>(), 0u8..3, 0u32..10, prop::bool::weighted(0.15)),
            1..16,
        ),
        prop::collection::vec(question_spec(), 1..14),
        prop::collection::vec(1u32..8, 0..5),
        any::<[bool; 3]>(),
        prop::collection::vec(prop::collection::vec(any::<usize>(), 1..3), 1..4),
        prop::option::of((any::<usize>(), cond_spec())),
        prop::collection::vec(prop::option::weighted(0.2, any::<usize>()), 0..16),
        prop::collection::vec(prop::option::weighted(0.2, any::<usize>()), 0..14),
        any::<bool>(),
    )
        .prop_map(
            |(
                ilo,
                dimensions,
                indicators,
                questions,
                steps,
                stages,
                pattern,
                second,
                floors,
                unsure_floors,
                undetermined,
            )| Spec {
                ilo,
                dimensions,
                indicators,
                questions,
                steps,
                stages,
                pattern,
                second_section: second,
                floors,
                unsure_floors,
                undetermined,
            },
        )
}

fn text(s: &str) -> Text {
    Text::single("en", s)
}

/// The values question `q` can take in a condition.
fn values_of(q: &Question) -> Vec<String> {
    let mut values: Vec<String> = match q.kind {
        QuestionKind::YesNo => vec!["yes".into(), "no".into()],
        _ => q.options.iter().map(|o| o.id.clone()).collect(),
    };
    if q.allow_unsure {
        values.push("unsure".into());
    }
    if q.allow_decline {
        values.push("declined".into());
    }
    values
}

/// Resolves a condition over `earlier` (non-empty) questions.
fn condition(spec: &CondSpec, earlier: &[Question]) -> Condition {
    match spec {
        CondSpec::Test(includes, q, v) => {
            let question = &earlier[q % earlier.len()];
            let values = values_of(question);
            let test = AnswerTest {
                question: question.id.clone(),
                value: values[v % values.len()].clone(),
            };
            if *includes {
                Condition::Includes(test)
            } else {
                Condition::Equals(test)
            }
        }
        CondSpec::Not(inner) => Condition::Not(Box::new(condition(inner, earlier))),
        CondSpec::All(list) => Condition::All(list.iter().map(|c| condition(c, earlier)).collect()),
        CondSpec::Any(list) => Condition::Any(list.iter().map(|c| condition(c, earlier)).collect()),
    }
}

fn build(spec: &Spec) -> Questionnaire {
    let dimension_id = |i: usize| format!("d{}", i % spec.dimensions);
    let indicator_id = |i: usize| format!("i{}", i % spec.indicators.len());
    let ids = |selectors: &[usize]| -> Vec<String> {
        let set: BTreeSet<String> = selectors.iter().map(|&i| indicator_id(i)).collect();
        set.into_iter().collect()
    };
    let indicators = spec
        .indicators
        .iter()
        .enumerate()
        .map(|(i, &(dimension, strength, weight, danger))| Indicator {
            id: indicator_id(i),
            dimension: dimension_id(dimension),
            label: text("sign"),
            strength: spec.ilo.then_some(match strength {
                0 => Strength::Strong,
                1 => Strength::Medium,
                _ => Strength::Weak,
            }),
            weight: (!spec.ilo).then_some(weight),
            danger,
            at_least: None,
            sources: vec!["s".into()],
            verified: false,
            note: None,
            advice: None,
        })
        .collect();

    let split = spec
        .second_section
        .as_ref()
        .map(|(at, _)| 1 + at % spec.questions.len());
    let mut questions: Vec<Question> = Vec::new();
    for (i, qs) in spec.questions.iter().enumerate() {
        let kind = match qs.kind {
            0 => QuestionKind::YesNo,
            1 => QuestionKind::SingleChoice,
            _ => QuestionKind::MultipleChoice,
        };
        let yes_no = kind == QuestionKind::YesNo;
        let question = Question {
            id: format!("q{i}"),
            section: if split.is_some_and(|s| i >= s) {
                "b"
            } else {
                "a"
            }
            .into(),
            kind,
            text: text("question"),
            why: None,
            if_unsure: None,
            show_if: match (&qs.condition, i) {
                (Some(c), 1..) => Some(condition(c, &questions)),
                _ => None,
            },
            if_yes: if yes_no { ids(&qs.if_yes) } else { Vec::new() },
            if_no: if yes_no { ids(&qs.if_no) } else { Vec::new() },
            options: if yes_no {
                Vec::new()
            } else {
                qs.options
                    .iter()
                    .enumerate()
                    .map(|(j, marks)| AnswerOption {
                        id: format!("o{j}"),
                        label: text("option"),
                        indicators: ids(marks),
                        exclusive: false,
                    })
                    .collect()
            },
            allow_unsure: qs.allow_unsure,
            allow_decline: qs.allow_decline,
            unsure_at_least: None,
        };
        questions.push(question);
    }
    let mut sections = vec![Section {
        id: "a".into(),
        title: text("first"),
        intro: None,
        show_if: None,
    }];
    if let (Some(split), Some((_, c))) = (split, &spec.second_section) {
        if split < questions.len() {
            let show_if = Some(condition(c, &questions[..split]));
            sections.push(Section {
                id: "b".into(),
                title: text("second"),
                intro: None,
                show_if,
            });
        }
    }

    let band = |i: usize, min_score: Option<u32>, when: Option<IloStage>| Band {
        id: format!("b{i}"),
        label: text("band"),
        advice: text("advice"),
        min_score,
        when,
        undetermined: false,
    };
    let bands = if spec.ilo {
        let stages = [
            IloStage::IndicatorPresent,
            IloStage::DimensionPositive,
            IloStage::PatternMet,
        ];
        std::iter::once(IloStage::Always)
            .chain(
                stages
                    .into_iter()
                    .zip(spec.stages)
                    .filter(|(_, on)| *on)
                    .map(|(s, _)| s),
            )
            .enumerate()
            .map(|(i, stage)| band(i, None, Some(stage)))
            .collect()
    } else {
        let mut threshold = 0;
        std::iter::once(0)
            .chain(spec.steps.iter().copied())
            .enumerate()
            .map(|(i, step)| {
                threshold += step;
                band(i, Some(threshold), None)
            })
            .collect()
    };

    let mut bands: Vec<Band> = bands;
    if spec.undetermined {
        bands.insert(
            1,
            Band {
                id: "cannot_tell".into(),
                label: text("cannot tell"),
                advice: text("find out more"),
                min_score: None,
                when: None,
                undetermined: true,
            },
        );
    }
    let band_id = |selector: &Option<usize>| selector.map(|s| bands[s % bands.len()].id.clone());
    let mut indicators: Vec<Indicator> = indicators;
    for (indicator, floor) in indicators.iter_mut().zip(&spec.floors) {
        indicator.at_least = band_id(floor);
    }
    let mut questions: Vec<Question> = questions;
    for (question, floor) in questions.iter_mut().zip(&spec.unsure_floors) {
        if question.allow_unsure || question.allow_decline {
            question.unsure_at_least = band_id(floor);
        }
    }

    Questionnaire {
        id: "generated".into(),
        version: "1".into(),
        audience: Audience::SelfCheck,
        languages: vec!["en".into()],
        default_language: "en".into(),
        title: text("Generated"),
        description: text("Generated"),
        minutes: None,
        scoring: Scoring {
            model: if spec.ilo {
                Model::Ilo
            } else {
                Model::Weighted
            },
            pattern: if spec.ilo {
                spec.pattern
                    .iter()
                    .map(|part| {
                        let set: BTreeSet<String> = part.iter().map(|&d| dimension_id(d)).collect();
                        set.into_iter().collect()
                    })
                    .collect()
            } else {
                Vec::new()
            },
        },
        sources: vec![Source {
            id: "s".into(),
            title: "Generated".into(),
            url: None,
            note: None,
        }],
        dimensions: (0..spec.dimensions)
            .map(|i| Dimension {
                id: dimension_id(i),
                label: text("dimension"),
                advice: None,
            })
            .collect(),
        indicators,
        sections,
        questions,
        bands,
    }
}

/// A questionnaire and a subset of its indicators (by selector).
fn questionnaire_and_indicators() -> impl Strategy<Value = (Questionnaire, BTreeSet<String>, usize)>
{
    (
        spec(),
        prop::collection::vec(any::<usize>(), 0..12),
        any::<usize>(),
    )
        .prop_map(|(spec, marked, extra)| {
            let q = build(&spec);
            let n = q.indicators.len();
            let marked = marked
                .iter()
                .map(|i| q.indicators[i % n].id.clone())
                .collect();
            (q, marked, extra % n)
        })
}

/// Answers to real and unknown questions, with real, unknown and wrong-kind values.
fn answers() -> impl Strategy<Value = Answers> {
    let id = prop_oneof![
        3 => (0usize..16).prop_map(|i| format!("q{i}")),
        1 => "[a-z0-9_]{0,4}",
    ];
    let option = prop_oneof![
        3 => (0usize..5).prop_map(|i| format!("o{i}")),
        1 => ".{0,4}",
    ];
    let value = prop_oneof![
        Just(Answer::Yes),
        Just(Answer::No),
        Just(Answer::Unsure),
        Just(Answer::Declined),
        option.clone().prop_map(Answer::Choice),
        prop::collection::btree_set(option, 0..4).prop_map(Answer::Choices),
    ];
    prop::collection::btree_map(id, value, 0..16)
}

// ---------------------------------------------------------------- reference scorer

#[path = "support/reference.rs"]
mod reference;
use reference::reference;

/// A flaw the validator would reject, put into a generated questionnaire so that the
/// reference comparison also covers what the scorer sees only unvalidated: the same
/// option id twice in a question, an option named like a reserved answer word (the
/// conditions on it renamed too), two questions with the same id, or a condition on
/// the question itself or on a later one (which must see no answer yet).
fn sabotage(q: &mut Questionnaire, flaw: usize, at: usize) {
    fn rename(condition: &mut Condition, question: &str, from: &str, to: &str) {
        match condition {
            Condition::All(list) | Condition::Any(list) => {
                list.iter_mut().for_each(|c| rename(c, question, from, to))
            }
            Condition::Not(inner) => rename(inner, question, from, to),
            Condition::Equals(test) | Condition::Includes(test) => {
                if test.question == question && test.value == from {
                    test.value = to.to_owned();
                }
            }
        }
    }
    if flaw % 6 == 5 {
        let i = at % q.questions.len();
        let test = |j: usize, value: &str| {
            Condition::Equals(AnswerTest {
                question: q.questions[j % q.questions.len()].id.clone(),
                value: value.into(),
            })
        };
        let later = Condition::Not(Box::new(test(i + 1, "yes")));
        let itself = Condition::Not(Box::new(test(i, "no")));
        q.questions[i].show_if = Some(Condition::All(vec![later, itself]));
        return;
    }
    if flaw % 6 == 4 {
        if q.questions.len() > 1 {
            let i = 1 + at % (q.questions.len() - 1);
            q.questions[i].id = q.questions[i - 1].id.clone();
        }
        return;
    }
    let choice: Vec<usize> = (0..q.questions.len())
        .filter(|&i| !q.questions[i].options.is_empty())
        .collect();
    let Some(&i) = choice.get(at % choice.len().max(1)) else {
        return;
    };
    let last = q.questions[i].options.len() - 1;
    let (option, to) = match flaw % 6 {
        1 => (last, q.questions[i].options[0].id.clone()),
        2 => (0, "yes".to_owned()),
        3 => (last, "unsure".to_owned()),
        _ => return,
    };
    let question = q.questions[i].id.clone();
    let from = std::mem::replace(&mut q.questions[i].options[option].id, to.clone());
    let conditions = q.questions.iter_mut().map(|q| &mut q.show_if);
    let sections = q.sections.iter_mut().map(|s| &mut s.show_if);
    for condition in conditions.chain(sections).flatten() {
        rename(condition, &question, &from, &to);
    }
}

/// Answers that mostly fit `q`, so that conditions and marks on lists of options are
/// really reached: per question (selectors reused in turn) no answer, "not sure",
/// "rather not say", a wrong kind, or an answer of its kind with options picked by
/// bits, now and then with an unknown option id.
fn fitting_answers(q: &Questionnaire, picks: &[(u8, u64)]) -> Answers {
    let mut answers = Answers::new();
    for (question, &(what, bits)) in q.questions.iter().zip(picks.iter().cycle()) {
        let unknown = bits >> 63 == 1;
        let options = &question.options;
        let answer = match (what % 8, question.kind) {
            (0, _) => continue,
            (1, _) => Answer::Unsure,
            (2, _) => Answer::Declined,
            (3, QuestionKind::YesNo) => Answer::Choice("o0".into()),
            (3, _) => Answer::Yes,
            (_, QuestionKind::YesNo) if bits & 1 == 0 => Answer::Yes,
            (_, QuestionKind::YesNo) => Answer::No,
            (_, QuestionKind::SingleChoice) if unknown || options.is_empty() => {
                Answer::Choice("x".into())
            }
            (_, QuestionKind::SingleChoice) => {
                Answer::Choice(options[bits as usize % options.len()].id.clone())
            }
            (_, QuestionKind::MultipleChoice) => {
                let mut ids: BTreeSet<String> = options
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| bits >> (k % 62) & 1 == 1)
                    .map(|(_, o)| o.id.clone())
                    .collect();
                if unknown {
                    ids.insert("x".into());
                }
                Answer::Choices(ids)
            }
        };
        answers.entry(question.id.clone()).or_insert(answer);
    }
    answers
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The generator itself: every questionnaire it makes passes validation, so the
    /// properties below are about questionnaires the scorer is meant to see.
    #[test]
    fn generated_questionnaires_are_valid(spec in spec()) {
        let q = build(&spec);
        let errors: Vec<String> = validate(&q)
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.render("generated"))
            .collect();
        prop_assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    /// Marking one more indicator present never lowers the level, never clears danger,
    /// never lowers the weighted score, and never turns a positive ILO dimension (or the
    /// pattern) negative.
    #[test]
    fn one_more_indicator_never_lowers_the_result(
        (q, marked, extra) in questionnaire_and_indicators()
    ) {
        let before = score_indicators(&q, &marked);
        let mut more = marked.clone();
        more.insert(q.indicators[extra].id.clone());
        let after = score_indicators(&q, &more);
        prop_assert!(after.level_index >= before.level_index,
            "level {} -> {} adding {}", before.level, after.level, q.indicators[extra].id);
        prop_assert!(after.danger || !before.danger);
        prop_assert!(after.score >= before.score);
        if let (Some(b), Some(a)) = (&before.dimensions, &after.dimensions) {
            for (id, dimension) in b {
                prop_assert!(!dimension.positive || a[id].positive, "dimension {} turned negative", id);
            }
        }
        prop_assert!(after.pattern_met >= before.pattern_met);
        // The band really is the one the level names.
        prop_assert_eq!(&q.bands[after.level_index].id, &after.level);
    }

    /// Floors never lower a result: the level is never below what the model alone
    /// gives (the same questionnaire without floors), and an unsure answer never
    /// turns a result into the lowest band ("no signs") when it was not already.
    #[test]
    fn floors_never_lower_and_unsure_never_reads_as_safe(
        spec in spec(),
        picks in prop::collection::vec(any::<(u8, u64)>(), 1..8),
        which in any::<usize>(),
    ) {
        let q = build(&spec);
        let answers = fitting_answers(&q, &picks);
        let with = score(&q, &answers);
        let mut bare = q.clone();
        for indicator in &mut bare.indicators {
            indicator.at_least = None;
        }
        for question in &mut bare.questions {
            question.unsure_at_least = None;
        }
        for band in &mut bare.bands {
            band.undetermined = false;
        }
        bare.bands.retain(|b| b.id != "cannot_tell");
        let without = score(&bare, &answers);
        let rank = |e: &riskscreen_core::Evaluation, q: &Questionnaire| {
            // The ladder position, the cannot-tell band counting as just above the first.
            if q.bands.iter().any(|b| b.undetermined) && e.level_index >= 2 {
                e.level_index - 1
            } else if e.undetermined {
                0
            } else {
                e.level_index
            }
        };
        prop_assert!(rank(&with, &q) >= rank(&without, &bare),
            "{} with floors, {} without", with.level, without.level);
        // One more answer, "not sure", to a shown question left unanswered: unless it
        // changes which other questions are shown (a condition on "unsure"), the
        // result never becomes the lowest band ("no signs") if it was not already.
        let shown = visible_questions(&q, &answers);
        let open: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| q.questions[i].allow_unsure && !answers.contains_key(&q.questions[i].id))
            .collect();
        if let Some(&position) = open.get(which % open.len().max(1)) {
            let mut more = answers.clone();
            more.insert(q.questions[position].id.clone(), Answer::Unsure);
            if visible_questions(&q, &more) == shown {
                let after = score(&q, &more);
                prop_assert!(after.level_index != 0 || with.level_index == 0,
                    "an unsure answer to {} turned {} into {}",
                    q.questions[position].id, with.level, after.level);
            }
        }
    }

    /// The same input gives the same result, and scoring does not depend on the order
    /// in which answers were inserted.
    #[test]
    fn scoring_is_deterministic(spec in spec(), answers in answers()) {
        let q = build(&spec);
        let first = score(&q, &answers);
        let reversed: Answers = answers.clone().into_iter().rev().collect();
        prop_assert_eq!(&first, &score(&q, &answers));
        prop_assert_eq!(&first, &score(&q, &reversed));
        let marked: BTreeSet<String> = first.present.iter().map(|id| id.to_string()).collect();
        prop_assert_eq!(score_indicators(&q, &marked), score_indicators(&q, &marked));
    }

    /// Any answers, to unknown questions or with unknown or wrong-kind values, are
    /// handled without a panic, and only shown questions ever count.
    #[test]
    fn arbitrary_answers_never_panic(spec in spec(), answers in answers()) {
        let q = build(&spec);
        let visible = visible_questions(&q, &answers);
        let _ = check_answers(&q, &answers);
        let result = score(&q, &answers);
        let shown: BTreeSet<&str> = visible.iter().map(|&i| q.questions[i].id.as_str()).collect();
        for evidence in &result.evidence {
            prop_assert!(shown.contains(evidence.question.as_str()));
        }
        for id in result.unsure.iter().chain(&result.declined) {
            prop_assert!(shown.contains(id.as_str()));
        }
    }

    /// The compiled scorer gives exactly what the rules written out naively give, for
    /// any answers (unknown questions and options, wrong kinds), also on questionnaires
    /// with flaws only the validator would catch; and a reused plan gives the same.
    #[test]
    fn scoring_matches_the_reference(
        spec in spec(),
        picks in prop::collection::vec(any::<(u8, u64)>(), 1..8),
        noise in answers(),
        flaw in any::<usize>(),
        at in any::<usize>(),
    ) {
        let mut q = build(&spec);
        sabotage(&mut q, flaw, at);
        let mut answers = fitting_answers(&q, &picks);
        if flaw % 3 == 0 {
            answers.extend(noise);
        }
        let expected = reference(&q, &answers);
        prop_assert_eq!(&score(&q, &answers), &expected);
        let plan = Plan::new(&q);
        prop_assert_eq!(&score_planned(&plan, &q, &answers), &expected);
        prop_assert_eq!(&score_planned(&plan, &q, &Answers::new()), &reference(&q, &Answers::new()));
        let marked: BTreeSet<String> = expected.present.iter().map(|id| id.to_string()).collect();
        let direct = score_indicators(&q, &marked);
        prop_assert_eq!(
            (&direct.present, &direct.dimensions, &direct.score, &direct.pattern_parts),
            (&expected.present, &expected.dimensions, &expected.score, &expected.pattern_parts)
        );
        // The rules about open questions need the answers; without them, the level
        // is that of the indicators alone.
        if !expected.undetermined && expected.lifted_by_unsure.is_empty() {
            prop_assert_eq!(&direct.level, &expected.level);
        } else {
            prop_assert!(direct.level_index <= expected.level_index || expected.undetermined);
        }
    }

    /// Any text at all is an error or a questionnaire, never a panic.
    #[test]
    fn arbitrary_text_never_panics_the_loaders(text in ".{0,400}") {
        let _ = load_toml("x.toml", &text);
        let _ = load_json("x.json", &text);
        let _ = load_helplines_toml(&text);
    }

    /// Text made of TOML's own punctuation reaches deeper into the parser.
    #[test]
    fn toml_like_text_never_panics_the_loaders(
        text in r#"([a-z_]{1,8} ?= ?("[a-z]{0,5}"|[0-9]{1,3}|\[|\{|true)|\[\[?[a-z]{1,8}\]\]?|[\[\]{}=,."'\n#]){0,40}"#
    ) {
        let _ = load_toml("x.toml", &text);
        let _ = load_json("x.json", &text);
    }

    /// A real questionnaire with random edits or cut off anywhere: never a panic.
    #[test]
    fn mutated_questionnaires_never_panic(
        (source, edits, cut) in mutation()
    ) {
        let mut chars: Vec<char> = source.chars().collect();
        for (at, replacement) in edits {
            if chars.is_empty() {
                break;
            }
            let at = at % chars.len();
            match replacement {
                Some(c) => chars[at] = c,
                None => {
                    chars.remove(at);
                }
            }
        }
        if let Some(cut) = cut {
            chars.truncate(cut % (chars.len() + 1));
        }
        let text: String = chars.into_iter().collect();
        let loaded = load_toml("x.toml", &text);
        if let Some(q) = &loaded.questionnaire {
            // Whatever still loads can be scored.
            let _ = score(q, &Answers::new());
        }
        let _ = load_json("x.json", &text);
    }

    /// The compiled JSON form with random edits: never a panic.
    #[test]
    fn mutated_json_never_panics(
        (json, edits, cut) in json_mutation()
    ) {
        let mut bytes: Vec<char> = json.chars().collect();
        for (at, replacement) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at % bytes.len();
            match replacement {
                Some(c) => bytes[at] = c,
                None => {
                    bytes.remove(at);
                }
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        let text: String = bytes.into_iter().collect();
        if let Some(q) = load_json("x.json", &text).questionnaire {
            let _ = score(&q, &Answers::new());
        }
    }
}

// ---------------------------------------------------------------- mutation inputs

/// The scoring fixtures, as source texts to mutate.
fn fixture_sources() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scoring");
    ["weighted.toml", "conditions.toml", "ilo.toml"]
        .iter()
        .map(|name| std::fs::read_to_string(dir.join(name)).expect("fixture"))
        .collect()
}

type Edits = Vec<(usize, Option<char>)>;

fn edits() -> impl Strategy<Value = (Edits, Option<usize>)> {
    let replacement = prop::option::weighted(
        0.8,
        prop_oneof![
            prop::sample::select(vec![
                '"', '\'', '[', ']', '{', '}', '=', ',', '.', '\n', '#', '\\', ' ', 'a', '1', '-',
                'é', '\u{0}', '\u{feff}',
            ]),
            any::<char>(),
        ],
    );
    (
        prop::collection::vec((any::<usize>(), replacement), 0..8),
        prop::option::weighted(0.3, any::<usize>()),
    )
}

fn mutation() -> impl Strategy<Value = (String, Edits, Option<usize>)> {
    let sources = fixture_sources();
    (prop::sample::select(sources), edits()).prop_map(|(s, (e, c))| (s, e, c))
}

fn json_mutation() -> impl Strategy<Value = (String, Edits, Option<usize>)> {
    let compiled: Vec<String> = fixture_sources()
        .iter()
        .map(|source| {
            let q = load_toml("x.toml", source)
                .questionnaire
                .expect("fixture loads");
            serde_json::to_string(&q).expect("serializes")
        })
        .collect();
    (prop::sample::select(compiled), edits()).prop_map(|(s, (e, c))| (s, e, c))
}
