//! Benchmark of a full evaluation (skip logic + scoring) as the widget runs it after
//! every answer: `cargo bench -p riskscreen-core --bench score`.
//!
//! Questionnaires of 10 to 10 000 questions, for both models, are generated with
//! ten questions per section, a condition on every section after the first (on a
//! question of the section before) and on most questions (on one of the three
//! before: a chain, so hiding propagates), half the questions marking an indicator,
//! and every question answered so that all of them are shown.

use std::collections::BTreeSet;

use divan::Bencher;
use riskscreen_core::{
    score, score_planned, Answer, AnswerOption, AnswerTest, Answers, Audience, Band, Condition,
    Dimension, IloStage, Indicator, Model, Plan, Question, QuestionKind, Questionnaire, Scoring,
    Section, Source, Strength, Text,
};

fn main() {
    divan::main();
}

/// Up to the largest questionnaire the engine accepts (`limits::MAX_QUESTIONS`):
/// a larger one fails `validate`, which the generator asserts.
const SIZES: [usize; 4] = [10, 100, 1_000, riskscreen_core::limits::MAX_QUESTIONS];
const DIMENSIONS: usize = 6;

fn text(s: &str) -> Text {
    Text::single("en", s)
}

/// A questionnaire of `n` questions for `model`, and answers to every question.
fn generate(n: usize, model: Model) -> (Questionnaire, Answers) {
    let ilo = model == Model::Ilo;
    let indicators: Vec<Indicator> = (0..n.div_ceil(2))
        .map(|i| Indicator {
            id: format!("d{}.i{i}", i % DIMENSIONS),
            dimension: format!("d{}", i % DIMENSIONS),
            label: text("sign"),
            strength: ilo.then_some(match i % 3 {
                0 => Strength::Strong,
                1 => Strength::Medium,
                _ => Strength::Weak,
            }),
            weight: (!ilo).then_some((i % 4) as u32),
            danger: i % 97 == 0,
            at_least: None,
            sources: vec!["s".into()],
            verified: false,
            note: None,
            advice: None,
        })
        .collect();
    let equals = |question: usize, value: &str| {
        Condition::Equals(AnswerTest {
            question: format!("q{question}"),
            value: value.into(),
        })
    };
    let includes = |question: usize, value: &str| {
        Condition::Includes(AnswerTest {
            question: format!("q{question}"),
            value: value.into(),
        })
    };
    // A test on question `j` that the answers below satisfy: yes/no questions are
    // answered "yes", choice questions with options `a` and `b`.
    let satisfied = |j: usize| {
        if j % 3 == 2 {
            includes(j, "a")
        } else {
            equals(j, "yes")
        }
    };
    let mut questions = Vec::with_capacity(n);
    let mut answers = Answers::new();
    for i in 0..n {
        // Every third question is multiple choice, the others yes/no.
        let choice = i % 3 == 2;
        // The condition refers to one of the three questions before.
        let refer = |back: usize| satisfied(i - back);
        let show_if = match i % 10 {
            0 => None, // the first question of a section: the section's condition decides
            1 | 2 => Some(refer(1)),
            3..=6 => Some(Condition::Any(vec![refer(1), refer(3)])),
            _ => Some(Condition::All(vec![
                refer(2),
                Condition::Not(Box::new(equals(i - 1, "declined"))),
            ])),
        };
        let marks = |k: usize| -> Vec<String> {
            if k % 2 == 0 {
                vec![indicators[k / 2].id.clone()]
            } else {
                Vec::new()
            }
        };
        questions.push(Question {
            id: format!("q{i}"),
            section: format!("s{}", i / 10),
            kind: if choice {
                QuestionKind::MultipleChoice
            } else {
                QuestionKind::YesNo
            },
            text: text("question"),
            why: None,
            if_unsure: None,
            show_if,
            if_yes: if choice { Vec::new() } else { marks(i) },
            if_no: Vec::new(),
            options: if choice {
                ["a", "b", "c"]
                    .iter()
                    .map(|o| AnswerOption {
                        id: (*o).into(),
                        label: text("option"),
                        indicators: if *o == "a" { marks(i) } else { Vec::new() },
                        exclusive: false,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            allow_unsure: true,
            allow_decline: true,
            unsure_at_least: None,
        });
        answers.insert(
            format!("q{i}"),
            if choice {
                Answer::Choices(BTreeSet::from(["a".to_owned(), "b".to_owned()]))
            } else {
                Answer::Yes
            },
        );
    }
    let sections = (0..n.div_ceil(10))
        .map(|s| Section {
            id: format!("s{s}"),
            title: text("section"),
            intro: None,
            // On the second question of the section before.
            show_if: (s > 0).then(|| satisfied(s * 10 - 9)),
        })
        .collect();
    let band = |i: usize, min_score: Option<u32>, when: Option<IloStage>| Band {
        id: format!("b{i}"),
        label: text("band"),
        advice: text("advice"),
        min_score,
        when,
        undetermined: false,
    };
    let bands = if ilo {
        [
            IloStage::Always,
            IloStage::IndicatorPresent,
            IloStage::DimensionPositive,
            IloStage::PatternMet,
        ]
        .into_iter()
        .enumerate()
        .map(|(i, stage)| band(i, None, Some(stage)))
        .collect()
    } else {
        [0, 3, 10, 100]
            .into_iter()
            .enumerate()
            .map(|(i, min)| band(i, Some(min), None))
            .collect()
    };
    let questionnaire = Questionnaire {
        id: format!("bench-{n}"),
        version: "1".into(),
        audience: Audience::Intake,
        languages: vec!["en".into()],
        default_language: "en".into(),
        title: text("Benchmark"),
        description: text("Benchmark"),
        minutes: None,
        scoring: Scoring {
            model,
            pattern: if ilo {
                vec![
                    vec!["d0".into(), "d1".into(), "d2".into()],
                    vec!["d3".into()],
                    vec!["d4".into(), "d5".into()],
                ]
            } else {
                Vec::new()
            },
            routes: Vec::new(),
        },
        sources: vec![Source {
            id: "s".into(),
            title: "Generated".into(),
            url: None,
            note: None,
        }],
        dimensions: (0..DIMENSIONS)
            .map(|d| Dimension {
                id: format!("d{d}"),
                label: text("dimension"),
                advice: None,
            })
            .collect(),
        indicators,
        sections,
        questions,
        bands,
    };
    // Guard the benchmark's meaning: valid, and every question is shown.
    let errors: Vec<_> = riskscreen_core::validate(&questionnaire)
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        riskscreen_core::visible_questions(&questionnaire, &answers).len(),
        n
    );
    (questionnaire, answers)
}

/// A full evaluation with the questionnaire's plan built once, as the widget does
/// after every answer.
#[divan::bench(args = SIZES)]
fn weighted(bencher: Bencher, n: usize) {
    let (q, answers) = generate(n, Model::Weighted);
    let plan = Plan::new(&q);
    bencher.bench_local(|| score_planned(&plan, divan::black_box(&q), divan::black_box(&answers)));
}

/// The same for the `ilo` model.
#[divan::bench(args = SIZES)]
fn ilo(bencher: Bencher, n: usize) {
    let (q, answers) = generate(n, Model::Ilo);
    let plan = Plan::new(&q);
    bencher.bench_local(|| score_planned(&plan, divan::black_box(&q), divan::black_box(&answers)));
}

/// A one-off evaluation (`score`): compiling the plan included, as the CLI does.
#[divan::bench(args = SIZES)]
fn weighted_one_off(bencher: Bencher, n: usize) {
    let (q, answers) = generate(n, Model::Weighted);
    bencher.bench_local(|| score(divan::black_box(&q), divan::black_box(&answers)));
}
