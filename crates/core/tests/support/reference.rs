//! The naive reference scorer: the scoring rules written out the slow, obvious way.
//!
//! One copy, shared by the property tests (`tests/properties.rs`) and the fuzz
//! target `fuzz/fuzz_targets/score_reference.rs`, each of which includes this file
//! with `#[path = …] mod reference;`. Keep it naive: it is what the compiled
//! scorer is checked against.

use std::collections::BTreeMap;

use riskscreen_core::{
    Answer, Answers, Condition, DimensionResult, Evaluation, Evidence, Id, IloStage, Indicator,
    Model, Question, Questionnaire, Route, Strength,
};

/// The scoring rules written out the slow, obvious way over the model's strings, as
/// the reference the compiled [`Plan`](riskscreen_core::Plan) and the scorer must
/// agree with exactly.
///
/// Questions are walked in order; a question counts when its section's condition
/// (evaluated at the section's first question) and its own condition hold over the
/// answers to questions shown so far. Every question of a duplicated id takes the
/// answer to that id, and a condition's question id names the first of them.
pub fn reference(q: &Questionnaire, answers: &Answers) -> Evaluation {
    fn holds(condition: &Condition, effective: &BTreeMap<&str, &Answer>) -> bool {
        match condition {
            Condition::All(all) => all.iter().all(|c| holds(c, effective)),
            Condition::Any(any) => any.iter().any(|c| holds(c, effective)),
            Condition::Not(inner) => !holds(inner, effective),
            Condition::Equals(test) => effective
                .get(test.question.as_str())
                .is_some_and(|a| a.equals(&test.value)),
            Condition::Includes(test) => effective
                .get(test.question.as_str())
                .is_some_and(|a| a.includes(&test.value)),
        }
    }
    let indicator_position =
        |id: &str| q.indicators.iter().position(|indicator| indicator.id == id);
    let mut effective: BTreeMap<&str, &Answer> = BTreeMap::new();
    let mut section_shown: BTreeMap<&str, bool> = BTreeMap::new();
    let mut marked = vec![false; q.indicators.len()];
    let (mut evidence, mut unsure, mut declined) = (Vec::new(), Vec::new(), Vec::new());
    let band_index = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| q.bands.iter().position(|b| &b.id == id))
    };
    let can_mark_danger = |question: &Question| {
        question
            .if_yes
            .iter()
            .chain(&question.if_no)
            .chain(question.options.iter().flat_map(|o| &o.indicators))
            .filter_map(|id| indicator_position(id))
            .any(|i| q.indicators[i].danger)
    };
    let (mut unsure_danger, mut unsure_floors, mut answered) = (Vec::new(), Vec::new(), 0usize);
    for (i, question) in q.questions.iter().enumerate() {
        let section_ok = match q.sections.iter().find(|s| s.id == question.section) {
            Some(section) => *section_shown.entry(section.id.as_str()).or_insert_with(|| {
                section
                    .show_if
                    .as_ref()
                    .is_none_or(|c| holds(c, &effective))
            }),
            None => true,
        };
        let shown = section_ok
            && question
                .show_if
                .as_ref()
                .is_none_or(|c| holds(c, &effective));
        let first = q.questions.iter().position(|o| o.id == question.id) == Some(i);
        let Some(answer) = answers.get(&question.id).filter(|_| shown) else {
            continue;
        };
        if first {
            effective.insert(&question.id, answer);
        }
        match answer {
            Answer::Unsure => unsure.push(Id::from(&question.id)),
            Answer::Declined => declined.push(Id::from(&question.id)),
            _ => answered += 1,
        }
        if matches!(answer, Answer::Unsure | Answer::Declined) {
            if can_mark_danger(question) {
                unsure_danger.push(Id::from(&question.id));
            }
            if let Some(floor) = band_index(&question.unsure_at_least) {
                unsure_floors.push((floor, Id::from(&question.id)));
            }
        }
        let mut found: Vec<usize> = answer
            .indicators(question)
            .into_iter()
            .filter_map(indicator_position)
            .collect();
        found.sort_unstable();
        found.dedup();
        for indicator in found {
            marked[indicator] = true;
            evidence.push(Evidence {
                indicator: q.indicators[indicator].id.as_str().into(),
                question: question.id.as_str().into(),
            });
        }
    }
    let present: Vec<&Indicator> = q
        .indicators
        .iter()
        .zip(&marked)
        .filter_map(|(indicator, &m)| m.then_some(indicator))
        .collect();
    let danger_indicators: Vec<Id> = present
        .iter()
        .filter(|i| i.danger)
        .map(|i| Id::from(&i.id))
        .collect();
    let mut result = Evaluation {
        questionnaire: q.id.clone(),
        version: q.version.clone(),
        model: q.scoring.model.as_str().to_owned(),
        level: String::new(),
        level_index: 0,
        danger: !danger_indicators.is_empty(),
        danger_indicators,
        present: present.iter().map(|i| Id::from(&i.id)).collect(),
        evidence,
        unsure,
        declined,
        unsure_danger,
        lifted_by: Vec::new(),
        lifted_by_unsure: Vec::new(),
        undetermined: false,
        score: None,
        dimensions: None,
        pattern_parts: None,
        pattern_met: None,
        route: None,
        reinforcing: Vec::new(),
    };
    let level = match q.scoring.model {
        Model::Weighted => {
            let total = present
                .iter()
                .map(|i| i.weight.unwrap_or(0))
                .fold(0, u32::saturating_add);
            result.score = Some(total);
            q.bands
                .iter()
                .rposition(|b| b.min_score.is_some_and(|min| total >= min))
        }
        Model::Ilo => {
            // The rules to score: every route whose `when` holds over the shown
            // answers (or that has none), else the last; without routes, the pattern.
            let implicit = Route {
                id: String::new(),
                label: Default::default(),
                when: None,
                pattern: q.scoring.pattern.clone(),
                reinforcing: Vec::new(),
                counted: Vec::new(),
                strengths: Default::default(),
                exclude: Vec::new(),
                sources: Vec::new(),
                verified: false,
                note: None,
            };
            let mut routes: Vec<&Route> = q
                .scoring
                .routes
                .iter()
                .filter(|r| r.when.as_ref().is_none_or(|c| holds(c, &effective)))
                .collect();
            if routes.is_empty() {
                routes.extend(q.scoring.routes.last());
            }
            if routes.is_empty() {
                routes.push(&implicit);
            }
            // (level, dimensions, pattern parts, met, route, positive reinforcing)
            type Scored<'r> = (
                usize,
                BTreeMap<String, DimensionResult>,
                Vec<bool>,
                bool,
                &'r Route,
                Vec<Id>,
            );
            let mut best: Option<Scored> = None;
            for route in routes {
                let mut dimensions: BTreeMap<String, DimensionResult> = BTreeMap::new();
                for dimension in &q.dimensions {
                    dimensions.insert(dimension.id.clone(), DimensionResult::default());
                }
                for indicator in &present {
                    if route.exclude.contains(&indicator.id) {
                        continue;
                    }
                    let strength = route
                        .strengths
                        .get(&indicator.id)
                        .copied()
                        .or(indicator.strength);
                    if let Some(counts) = dimensions.get_mut(&indicator.dimension) {
                        match strength {
                            Some(Strength::Strong) => counts.strong += 1,
                            Some(Strength::Medium) => counts.medium += 1,
                            Some(Strength::Weak) => counts.weak += 1,
                            None => {}
                        }
                    }
                }
                for counts in dimensions.values_mut() {
                    counts.positive =
                        DimensionResult::rule(counts.strong, counts.medium, counts.weak);
                }
                let positive = |d: &String| dimensions.get(d).is_some_and(|r| r.positive);
                let parts: Vec<bool> = route
                    .pattern
                    .iter()
                    .map(|any| any.iter().any(positive))
                    .collect();
                let met = !parts.is_empty() && parts.iter().all(|&p| p);
                let reinforcing: Vec<Id> = route
                    .reinforcing
                    .iter()
                    .filter(|d| positive(d))
                    .map(Id::from)
                    .collect();
                let stage = if met {
                    IloStage::PatternMet
                } else if route.pattern.iter().flatten().any(positive)
                    || route.counted.iter().any(positive)
                {
                    IloStage::DimensionPositive
                } else if !present.is_empty() {
                    IloStage::IndicatorPresent
                } else {
                    IloStage::Always
                };
                let level = q
                    .bands
                    .iter()
                    .rposition(|b| b.when.is_some_and(|w| w <= stage))
                    .unwrap_or(0);
                if best.as_ref().is_none_or(|b| level > b.0) {
                    best = Some((level, dimensions, parts, met, route, reinforcing));
                }
            }
            let (level, dimensions, parts, met, route, reinforcing) =
                best.expect("at least one route");
            result.dimensions = Some(dimensions);
            result.pattern_parts = Some(parts);
            result.pattern_met = Some(met);
            result.route = (!q.scoring.routes.is_empty()).then(|| Id::from(&route.id));
            result.reinforcing = reinforcing;
            Some(level)
        }
    };
    let mut level = level.unwrap_or(0);
    // Severity floors, then unsure floors, each only ever raising; then cannot tell
    // instead of the lowest band when at least as much was left open as answered.
    let floor = present.iter().filter_map(|i| band_index(&i.at_least)).max();
    if let Some(floor) = floor.filter(|&f| f > level) {
        result.lifted_by = present
            .iter()
            .filter(|i| band_index(&i.at_least) == Some(floor))
            .map(|i| Id::from(&i.id))
            .collect();
        level = floor;
    }
    let floor = unsure_floors.iter().map(|(f, _)| *f).max();
    if let Some(floor) = floor.filter(|&f| f > level) {
        result.lifted_by.clear();
        result.lifted_by_unsure = unsure_floors
            .iter()
            .filter(|(f, _)| *f == floor)
            .map(|(_, id)| id.clone())
            .collect();
        level = floor;
    }
    let open = result.unsure.len() + result.declined.len();
    if let Some(band) = q.bands.iter().position(|b| b.undetermined) {
        if level == 0 && open > 0 && open >= answered {
            level = band;
        }
    }
    if let Some(band) = q.bands.get(level) {
        result.level = band.id.clone();
        result.level_index = level;
        result.undetermined = band.undetermined;
    }
    result
}
