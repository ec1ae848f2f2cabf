//! The questionnaire generator shared by the property tests
//! (`tests/properties.rs`, driven by proptest strategies) and the fuzz target
//! `fuzz/fuzz_targets/score_reference.rs` (driven by `arbitrary`): a small
//! [`Spec`] built into a valid questionnaire ([`build`]), one flaw only the
//! validator would catch ([`sabotage`]), and answers that mostly fit
//! ([`fitting_answers`]). Each includes this file with `#[path = …] mod generated;`;
//! only the way the spec is drawn differs.

#![allow(dead_code)]

use std::collections::BTreeSet;

use riskscreen_core::{
    Answer, AnswerOption, AnswerTest, Answers, Audience, Band, Condition, Dimension, IloStage,
    Indicator, Model, Question, QuestionKind, Questionnaire, Route, Scoring, Section, Source,
    Strength, Text,
};

/// A condition before it is resolved against the questions before it.
#[derive(Debug, Clone)]
pub enum CondSpec {
    /// Equals (`false`) or includes (`true`): question selector, value selector.
    Test(bool, usize, usize),
    Not(Box<CondSpec>),
    All(Vec<CondSpec>),
    Any(Vec<CondSpec>),
}

#[derive(Debug, Clone)]
pub struct QuestionSpec {
    /// 0 yes/no, 1 single choice, 2 multiple choice.
    pub kind: u8,
    /// Indicator selectors marked by "yes" (yes/no) …
    pub if_yes: Vec<usize>,
    /// … and by "no".
    pub if_no: Vec<usize>,
    /// Per option, the indicator selectors it marks.
    pub options: Vec<Vec<usize>>,
    pub allow_unsure: bool,
    pub allow_decline: bool,
    pub condition: Option<CondSpec>,
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub ilo: bool,
    pub dimensions: usize,
    /// Dimension selector, strength (0 strong, 1 medium, 2 weak), weight, danger.
    pub indicators: Vec<(usize, u8, u32, bool)>,
    pub questions: Vec<QuestionSpec>,
    /// Weighted: the steps between band thresholds (the first band is at 0).
    pub steps: Vec<u32>,
    /// Ilo: which of indicator_present, dimension_positive, pattern_met get a band.
    pub stages: [bool; 3],
    /// Ilo: the pattern, as dimension selectors.
    pub pattern: Vec<Vec<usize>>,
    /// Questions from this index on are in a second section, shown only if its condition
    /// (over the questions before) holds.
    pub second_section: Option<(usize, CondSpec)>,
    /// Per indicator (by position), a band selector for its severity floor.
    pub floors: Vec<Option<usize>>,
    /// Per question (by position), a band selector for its unsure floor.
    pub unsure_floors: Vec<Option<usize>>,
    /// Whether a "cannot tell" band follows the first band.
    pub undetermined: bool,
    /// Ilo: routes instead of the pattern, when there are any.
    pub routes: Vec<RouteSpec>,
}

/// An `ilo` route before its selectors are resolved.
#[derive(Debug, Clone)]
pub struct RouteSpec {
    /// Over all the questions.
    pub when: Option<CondSpec>,
    /// Dimension selectors.
    pub pattern: Vec<Vec<usize>>,
    /// Dimension selectors; those in the pattern are dropped.
    pub reinforcing: Vec<usize>,
    /// Dimension selectors; those in the pattern or reinforcing are dropped.
    pub counted: Vec<usize>,
    /// Indicator selector, strength (0 strong, 1 medium, 2 weak).
    pub strengths: Vec<(usize, u8)>,
    /// Indicator selectors.
    pub exclude: Vec<usize>,
}

fn strength(s: u8) -> Strength {
    match s {
        0 => Strength::Strong,
        1 => Strength::Medium,
        _ => Strength::Weak,
    }
}

pub fn text(s: &str) -> Text {
    Text::single("en", s)
}

/// The values question `q` can take in a condition.
pub fn values_of(q: &Question) -> Vec<String> {
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
pub fn condition(spec: &CondSpec, earlier: &[Question]) -> Condition {
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

pub fn build(spec: &Spec) -> Questionnaire {
    let dimension_id = |i: usize| format!("d{}", i % spec.dimensions);
    let indicator_id = |i: usize| format!("i{}", i % spec.indicators.len());
    let pattern = |parts: &[Vec<usize>]| -> Vec<Vec<String>> {
        parts
            .iter()
            .map(|part| {
                let set: BTreeSet<String> = part.iter().map(|&d| dimension_id(d)).collect();
                set.into_iter().collect()
            })
            .collect()
    };
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
            pattern: if spec.ilo && spec.routes.is_empty() {
                pattern(&spec.pattern)
            } else {
                Vec::new()
            },
            routes: if spec.ilo {
                spec.routes
                    .iter()
                    .enumerate()
                    .map(|(i, route)| {
                        let pattern = pattern(&route.pattern);
                        let reinforcing: BTreeSet<String> = route
                            .reinforcing
                            .iter()
                            .map(|&d| dimension_id(d))
                            .filter(|d| !pattern.iter().flatten().any(|p| p == d))
                            .collect();
                        let counted: BTreeSet<String> = route
                            .counted
                            .iter()
                            .map(|&d| dimension_id(d))
                            .filter(|d| {
                                !pattern.iter().flatten().any(|p| p == d)
                                    && !reinforcing.contains(d)
                            })
                            .collect();
                        Route {
                            id: format!("r{i}"),
                            label: text("route"),
                            when: route.when.as_ref().map(|c| condition(c, &questions)),
                            pattern,
                            reinforcing: reinforcing.into_iter().collect(),
                            counted: counted.into_iter().collect(),
                            strengths: route
                                .strengths
                                .iter()
                                .map(|&(i, s)| (indicator_id(i), strength(s)))
                                .collect(),
                            exclude: route.exclude.iter().map(|&i| indicator_id(i)).collect(),
                            sources: vec!["s".into()],
                            verified: false,
                            note: None,
                        }
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
pub fn sabotage(q: &mut Questionnaire, flaw: usize, at: usize) {
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
    let routes = q.scoring.routes.iter_mut().map(|r| &mut r.when);
    for condition in conditions.chain(sections).chain(routes).flatten() {
        rename(condition, &question, &from, &to);
    }
}

/// Answers that mostly fit `q`, so that conditions and marks on lists of options are
/// really reached: per question (selectors reused in turn) no answer, "not sure",
/// "rather not say", a wrong kind, or an answer of its kind with options picked by
/// bits, now and then with an unknown option id.
pub fn fitting_answers(q: &Questionnaire, picks: &[(u8, u64)]) -> Answers {
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
