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
//! `sabotage` and `fitting_answers` are the property test's own, one copy in
//! `crates/core/tests/support/generated.rs`; only the drawing of the spec is
//! written here over `arbitrary::Unstructured` instead of proptest strategies.
//! The reference scorer is the one copy in `crates/core/tests/support/reference.rs`.
//!
//! Checked, as the property test does: `score`, and `score_planned` with a reused
//! `Plan` (also for no answers), equal the reference exactly; `score_indicators` on
//! the present indicators agrees on everything that does not need the answers.

#![no_main]

use std::collections::BTreeSet;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use riskscreen_core::{score, score_indicators, score_planned, Answer, Answers, Plan};

#[path = "../../crates/core/tests/support/reference.rs"]
mod reference;
use reference::reference;

#[path = "../../crates/core/tests/support/generated.rs"]
mod generated;
use generated::{build, fitting_answers, sabotage, CondSpec, QuestionSpec, RouteSpec, Spec};

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
    assert_eq!(direct.present, expected.present);
    // Without answers, the routes that hold are those that hold for no answers;
    // where the same route wins, the counts and the level are the same.
    if direct.route != expected.route {
        return;
    }
    assert_eq!(
        (&direct.dimensions, &direct.score, &direct.pattern_parts),
        (
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
        routes: vec(u, 0, 3, route_spec)?,
    })
}

fn route_spec(u: &mut Unstructured) -> Result<RouteSpec> {
    Ok(RouteSpec {
        when: weighted(u, 7, 10, |u| cond_spec(u, 3))?,
        pattern: vec(u, 1, 4, |u| vec(u, 1, 3, |u| u.arbitrary()))?,
        reinforcing: vec(u, 0, 3, |u| u.arbitrary())?,
        counted: vec(u, 0, 3, |u| u.arbitrary())?,
        strengths: vec(u, 0, 6, |u| Ok((u.arbitrary()?, u.int_in_range(0..=2)?)))?,
        exclude: vec(u, 0, 4, |u| u.arbitrary())?,
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
