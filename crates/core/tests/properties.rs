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
    check_answers, load_helplines_json, load_helplines_toml, load_json, load_toml, score,
    score_indicators, score_planned, validate, visible_questions, Answer, Answers, Plan,
    Questionnaire,
};

// ---------------------------------------------------------------- generated questionnaires
//
// The spec types and `build`, `sabotage`, `fitting_answers` are in
// `support/generated.rs` (shared with the fuzz target `score_reference`); here are
// the proptest strategies that draw a spec.

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
        prop::collection::vec(route_spec(), 0..3),
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
                routes,
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
                routes,
            },
        )
}

fn route_spec() -> impl Strategy<Value = RouteSpec> {
    (
        prop::option::weighted(0.7, cond_spec()),
        prop::collection::vec(prop::collection::vec(any::<usize>(), 1..3), 1..4),
        prop::collection::vec(any::<usize>(), 0..3),
        prop::collection::vec(any::<usize>(), 0..3),
        prop::collection::vec((any::<usize>(), 0u8..3), 0..6),
        prop::collection::vec(any::<usize>(), 0..4),
    )
        .prop_map(
            |(when, pattern, reinforcing, counted, strengths, exclude)| RouteSpec {
                when,
                pattern,
                reinforcing,
                counted,
                strengths,
                exclude,
            },
        )
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

#[path = "support/generated.rs"]
mod generated;
use generated::{build, fitting_answers, sabotage, CondSpec, QuestionSpec, RouteSpec, Spec};

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
    /// never lowers the weighted score, never turns the pattern unmet, and, under the
    /// same route, never turns a positive ILO dimension negative.
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
        // Dimensions are counted under the route that gave the level: with routes, one
        // more sign may let another route win (a higher level), whose counts differ.
        if before.route == after.route {
            if let (Some(b), Some(a)) = (&before.dimensions, &after.dimensions) {
                for (id, dimension) in b {
                    prop_assert!(!dimension.positive || a[id].positive, "dimension {} turned negative", id);
                }
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
        prop_assert_eq!(&direct.present, &expected.present);
        // Without answers, the routes that hold are those that hold for no answers;
        // where the same route wins, the counts and the level are the same.
        if direct.route == expected.route {
            prop_assert_eq!(
                (&direct.dimensions, &direct.score, &direct.pattern_parts),
                (&expected.dimensions, &expected.score, &expected.pattern_parts)
            );
            // The rules about open questions need the answers; without them, the
            // level is that of the indicators alone.
            if !expected.undetermined && expected.lifted_by_unsure.is_empty() {
                prop_assert_eq!(&direct.level, &expected.level);
            } else {
                prop_assert!(direct.level_index <= expected.level_index || expected.undetermined);
            }
        }
    }

    /// Any text at all is an error or a questionnaire, never a panic.
    #[test]
    fn arbitrary_text_never_panics_the_loaders(text in ".{0,400}") {
        let _ = load_toml("x.toml", &text);
        let _ = load_json("x.json", &text);
        let _ = load_helplines_toml("x.toml", &text);
        let _ = load_helplines_json("x.json", &text);
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
        if let Some(q) = loaded.usable() {
            // Whatever still loads without errors can be scored.
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
        if let Some(q) = load_json("x.json", &text).into_usable() {
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
                .into_usable()
                .expect("fixture loads");
            serde_json::to_string(&q).expect("serializes")
        })
        .collect();
    (prop::sample::select(compiled), edits()).prop_map(|(s, (e, c))| (s, e, c))
}
