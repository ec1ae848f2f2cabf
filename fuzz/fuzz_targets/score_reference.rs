//! The scorer against the naive reference scorer, on questionnaires and answers
//! made from the fuzz input.
//!
//! The input drives the same generator as the property test
//! `scoring_matches_the_reference` (`crates/core/tests/properties.rs`): a small
//! spec (dimensions, indicators with strengths, weights, danger and severity
//! floors, questions of every kind with conditions over earlier questions, a
//! conditional second section, bands with unsure floors and a "cannot tell" band)
//! built into a valid questionnaire, then perhaps one flaw only the validator would
//! catch (`sabotage`), and answers that mostly fit, plus noise. `build`,
//! `sabotage` and `fitting_answers` below are copies of the property test's; the
//! generators are rewritten over `arbitrary::Unstructured` instead of proptest
//! strategies. The reference scorer itself is the one copy in
//! `crates/core/tests/support/reference.rs`.
//!
//! Checked, as the property test does: `score`, and `score_planned` with a reused
//! `Plan` (also for no answers), equal the reference exactly; `score_indicators` on
//! the present indicators agrees on everything that does not need the answers.

#![no_main]

use std::collections::BTreeSet;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use riskscreen_core::{
    score, score_indicators, score_planned, Answer, AnswerOption, AnswerTest, Answers, Audience,
    Band, Condition, Dimension, IloStage, Indicator, Model, Plan, Question, QuestionKind,
    Questionnaire, Scoring, Section, Source, Strength, Text,
};

#[path = "../../crates/core/tests/support/reference.rs"]
mod reference;
use reference::reference;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(case) = case(&mut u) {
        check(case);
    }
});

/// One generated case: the inputs of the property test `scoring_matches_the_reference`.
#[derive(Debug)]
struct Case {
    spec: Spec,
    picks: Vec<(u8, u64)>,
    noise: Answers,
    flaw: usize,
    at: usize,
}

fn check(
    Case {
        spec,
        picks,
        noise,
        flaw,
        at,
    }: Case,
) {
    let mut q = build(&spec);
    sabotage(&mut q, flaw, at);
    let mut answers = fitting_answers(&q, &picks);
    if flaw % 3 == 0 {
        answers.extend(noise);
    }
    let expected = reference(&q, &answers);
    assert_eq!(score(&q, &answers), expected);
    let plan = Plan::new(&q);
    assert_eq!(score_planned(&plan, &q, &answers), expected);
    assert_eq!(
        score_planned(&plan, &q, &Answers::new()),
        reference(&q, &Answers::new())
    );
    let marked: BTreeSet<String> = expected.present.iter().map(|id| id.to_string()).collect();
    let direct = score_indicators(&q, &marked);
    assert_eq!(
        (
            &direct.present,
            &direct.dimensions,
            &direct.score,
            &direct.pattern_parts
        ),
        (
            &expected.present,
            &expected.dimensions,
            &expected.score,
            &expected.pattern_parts
        )
    );
    // The rules about open questions need the answers; without them, the level is
    // that of the indicators alone.
    if !expected.undetermined && expected.lifted_by_unsure.is_empty() {
        assert_eq!(direct.level, expected.level);
    } else {
        assert!(direct.level_index <= expected.level_index || expected.undetermined);
    }
}

// ---------------------------------------------------------------- generators

/// `prop::collection::vec(element, min..max)` (`max` exclusive).
fn vec<T>(
    u: &mut Unstructured,
    min: usize,
    max: usize,
    mut element: impl FnMut(&mut Unstructured) -> Result<T>,
) -> Result<Vec<T>> {
    let len = u.int_in_range(min..=max - 1)?;
    (0..len).map(|_| element(u)).collect()
}

/// `prop::option::weighted(p, value)` with `p` = `numerator / denominator`.
fn weighted<T>(
    u: &mut Unstructured,
    numerator: u32,
    denominator: u32,
    value: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    if u.ratio(numerator, denominator)? {
        value(u).map(Some)
    } else {
        Ok(None)
    }
}

/// `cond_spec()`: leaves, and up to three levels of not / all / any.
fn cond_spec(u: &mut Unstructured, depth: u32) -> Result<CondSpec> {
    let choice = if depth == 0 {
        0
    } else {
        u.int_in_range(0..=3)?
    };
    Ok(match choice {
        0 => CondSpec::Test(u.arbitrary()?, u.arbitrary()?, u.arbitrary()?),
        1 => CondSpec::Not(Box::new(cond_spec(u, depth - 1)?)),
        2 => CondSpec::All(vec(u, 1, 3, |u| cond_spec(u, depth - 1))?),
        _ => CondSpec::Any(vec(u, 1, 3, |u| cond_spec(u, depth - 1))?),
    })
}

fn marks(u: &mut Unstructured) -> Result<Vec<usize>> {
    vec(u, 0, 3, |u| u.arbitrary())
}

fn question_spec(u: &mut Unstructured) -> Result<QuestionSpec> {
    Ok(QuestionSpec {
        kind: u.int_in_range(0..=2)?,
        if_yes: marks(u)?,
        if_no: marks(u)?,
        options: vec(u, 2, 5, marks)?,
        allow_unsure: u.arbitrary()?,
        allow_decline: u.arbitrary()?,
        condition: weighted(u, 3, 5, |u| cond_spec(u, 3))?,
    })
}

fn spec(u: &mut Unstructured) -> Result<Spec> {
    Ok(Spec {
        ilo: u.arbitrary()?,
        dimensions: u.int_in_range(1..=4)?,
        indicators: vec(u, 1, 16, |u| {
            Ok((
                u.arbitrary()?,
                u.int_in_range(0..=2)?,
                u.int_in_range(0..=9)?,
                u.ratio(3, 20)?,
            ))
        })?,
        questions: vec(u, 1, 14, question_spec)?,
        steps: vec(u, 0, 5, |u| u.int_in_range(1..=7))?,
        stages: u.arbitrary()?,
        pattern: vec(u, 1, 4, |u| vec(u, 1, 3, |u| u.arbitrary()))?,
        second_section: weighted(u, 1, 2, |u| Ok((u.arbitrary()?, cond_spec(u, 3)?)))?,
        floors: vec(u, 0, 16, |u| weighted(u, 1, 5, |u| u.arbitrary()))?,
        unsure_floors: vec(u, 0, 14, |u| weighted(u, 1, 5, |u| u.arbitrary()))?,
        undetermined: u.arbitrary()?,
    })
}

/// `answers()`: answers to real and unknown questions, with real, unknown and
/// wrong-kind values.
fn noise(u: &mut Unstructured) -> Result<Answers> {
    fn short(u: &mut Unstructured) -> Result<String> {
        let len = u.int_in_range(0..=4)?;
        (0..len).map(|_| u.arbitrary::<char>()).collect()
    }
    fn option(u: &mut Unstructured) -> Result<String> {
        if u.ratio(3, 4)? {
            Ok(format!("o{}", u.int_in_range(0..=4)?))
        } else {
            short(u)
        }
    }
    let mut answers = Answers::new();
    for _ in 0..u.int_in_range(0..=15)? {
        let id = if u.ratio(3, 4)? {
            format!("q{}", u.int_in_range(0..=15)?)
        } else {
            short(u)?
        };
        let value = match u.int_in_range(0..=5)? {
            0 => Answer::Yes,
            1 => Answer::No,
            2 => Answer::Unsure,
            3 => Answer::Declined,
            4 => Answer::Choice(option(u)?),
            _ => Answer::Choices(vec(u, 0, 4, option)?.into_iter().collect()),
        };
        answers.insert(id, value);
    }
    Ok(answers)
}

fn case(u: &mut Unstructured) -> Result<Case> {
    Ok(Case {
        spec: spec(u)?,
        picks: vec(u, 1, 8, |u| u.arbitrary())?,
        noise: noise(u)?,
        flaw: u.arbitrary()?,
        at: u.arbitrary()?,
    })
}

// ---------------------------------------------------------------- copied from properties.rs

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
