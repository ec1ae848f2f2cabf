//! Scoring: from answers (or a set of present indicators) to an explained result.
//!
//! The result is always *signs of risk*: a band id chosen by the questionnaire's
//! model, the indicators behind it and the answers that marked them, the danger
//! state, and the questions left open ("not sure", "rather not say"). It never
//! states that someone is or is not a victim; wording lives in the questionnaire.
//!
//! Both models are monotone: marking one more indicator present never moves the
//! result to a lower band (weights are non-negative, the ILO dimension rule only
//! uses minimum counts, and the validator keeps bands in ascending order). The
//! property tests in `tests/properties.rs` hold the code to that.
//!
//! Three rules sit on top of the model, each stated in the questionnaire and
//! reported in the [`Evaluation`], so a result can always say why:
//! - **Severity floors** (`at_least` on an indicator): a sign that sources treat as
//!   enough on its own puts the result in at least that band ([`Evaluation::lifted_by`]).
//!   A floor only ever raises, so the result stays monotone.
//! - **Unsure floors** (`unsure_at_least` on a question): "not sure" or "rather not
//!   say" to that question puts the result in at least that band
//!   ([`Evaluation::lifted_by_unsure`]): a required check left open is never "safe".
//! - **Cannot tell** (a band with `undetermined = true`): when at least as many
//!   shown questions were left open as were answered and the result would be the
//!   lowest band, it is this band instead ([`Evaluation::undetermined`]): too
//!   little is known to say "no clear signs".

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::answers::Answers;
use crate::flow::Plan;
use crate::id::Id;
use crate::model::{IloStage, Model, Questionnaire, Strength};
use crate::tables::{RouteTable, Tables};

/// An explained result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The questionnaire's version.
    pub version: String,
    /// `ilo` or `weighted`.
    pub model: String,
    /// The id of the band the result falls in.
    pub level: String,
    /// Index of that band (0 = least concern); orders results.
    pub level_index: usize,
    /// Whether a danger trigger is present: show emergency help first.
    pub danger: bool,
    /// The danger indicators that are present.
    pub danger_indicators: Vec<Id>,
    /// Present indicators, in the questionnaire's order.
    pub present: Vec<Id>,
    /// Which answer marked which indicator (empty when indicators were given directly).
    pub evidence: Vec<Evidence>,
    /// Shown questions answered "not sure".
    pub unsure: Vec<Id>,
    /// Shown questions answered "rather not say".
    pub declined: Vec<Id>,
    /// Of the questions left open ("not sure", "rather not say"), those whose answer
    /// could have marked a danger sign: shown first, with what to find out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsure_danger: Vec<Id>,
    /// Present indicators whose severity floor (`at_least`) set the level above what
    /// the model gave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifted_by: Vec<Id>,
    /// Questions left open whose unsure floor (`unsure_at_least`) set the level
    /// above what the model and the severity floors gave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifted_by_unsure: Vec<Id>,
    /// Whether the level is the "cannot tell" band: too many questions left open.
    #[serde(default, skip_serializing_if = "is_false")]
    pub undetermined: bool,
    /// `weighted`: the total score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// `ilo`: each dimension's counts and whether it is positive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<BTreeMap<String, DimensionResult>>,
    /// `ilo`: for each part of the pattern (an OR of dimensions), whether it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_parts: Option<Vec<bool>>,
    /// `ilo`: whether the whole pattern is met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_met: Option<bool>,
    /// `ilo` with routes: the id of the route (indicator set and rule) that gave the
    /// result; `dimensions` and the pattern are counted under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Id>,
    /// `ilo` with routes: that route's reinforcing dimensions that are positive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reinforcing: Vec<Id>,
}

/// The present signs of one theme (dimension), as a result shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Concern<'q> {
    /// The theme.
    pub dimension: &'q crate::model::Dimension,
    /// Its present indicators, in the questionnaire's order.
    pub indicators: Vec<&'q crate::model::Indicator>,
    /// `ilo`: whether the dimension is positive under the rule that applied.
    pub positive: Option<bool>,
    /// `ilo` with routes: a positive dimension that adds weight only.
    pub reinforcing: bool,
}

impl Evaluation {
    /// The present signs grouped by theme, themes and signs in the
    /// questionnaire's order, themes without a present sign left out: the one
    /// grouping the widget's result and `riskscreen score` both show.
    pub fn concerns<'q>(&self, questionnaire: &'q Questionnaire) -> Vec<Concern<'q>> {
        let present: std::collections::HashSet<&str> =
            self.present.iter().map(|id| id.as_str()).collect();
        questionnaire
            .dimensions
            .iter()
            .filter_map(|dimension| {
                let indicators: Vec<&crate::model::Indicator> = questionnaire
                    .indicators
                    .iter()
                    .filter(|i| i.dimension == dimension.id && present.contains(i.id.as_str()))
                    .collect();
                (!indicators.is_empty()).then(|| Concern {
                    dimension,
                    indicators,
                    positive: self
                        .dimensions
                        .as_ref()
                        .and_then(|d| d.get(&dimension.id))
                        .map(|r| r.positive),
                    reinforcing: self.reinforcing.iter().any(|d| *d == dimension.id),
                })
            })
            .collect()
    }
}

/// One answer that marked one indicator present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The indicator marked present.
    pub indicator: Id,
    /// The question whose answer marked it.
    pub question: Id,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The `ilo` counts of one dimension.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionResult {
    /// Whether the dimension is positive under the ILO rule.
    pub positive: bool,
    /// Distinct present strong indicators.
    pub strong: u32,
    /// Distinct present medium indicators.
    pub medium: u32,
    /// Distinct present weak indicators.
    pub weak: u32,
}

impl DimensionResult {
    /// The ILO rule (WCMS_105023 as written up in the reference, §2.1): positive when
    /// S ≥ 2, or S ≥ 1 and M + W ≥ 1, or M ≥ 3, or M ≥ 2 and W ≥ 1. Counts are minimums,
    /// so more evidence never turns a positive dimension negative; weak indicators never
    /// stand in for medium ones.
    pub fn rule(strong: u32, medium: u32, weak: u32) -> bool {
        strong >= 2
            || (strong >= 1 && medium + weak >= 1)
            || medium >= 3
            || (medium >= 2 && weak >= 1)
    }
}

/// Scores answers: only answers to shown questions count.
///
/// The questionnaire must have passed validation; answers to unknown questions or
/// with unknown options are ignored (check them first with [`crate::check_answers`]).
/// Builds a [`Plan`]; use [`score_planned`] to reuse one.
pub fn score(questionnaire: &Questionnaire, answers: &Answers) -> Evaluation {
    score_planned(&Plan::new(questionnaire), questionnaire, answers)
}

/// [`score`] with a plan built once for `questionnaire` (what the widget does after
/// every answer).
pub fn score_planned(plan: &Plan, questionnaire: &Questionnaire, answers: &Answers) -> Evaluation {
    let (_, effective) = plan.effective(plan.by_position(answers));
    let mut marked = vec![false; questionnaire.indicators.len()];
    // (indicator, question) positions first, so the evidence is allocated once.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut unsure = Vec::new();
    let mut declined = Vec::new();
    let mut unsure_danger = Vec::new();
    // Open questions with an unsure floor: (band index, position).
    let mut unsure_floors: Vec<(usize, usize)> = Vec::new();
    let mut answered = 0usize;
    let mut found = Vec::new();
    for (position, given) in effective.iter().enumerate() {
        let Some(given) = given else { continue };
        // The resolved form, not the answer: that was read once already.
        let open = given.is_unsure() || given.is_declined();
        if given.is_unsure() {
            unsure.push(plan.question_ids[position].clone());
        } else if given.is_declined() {
            declined.push(plan.question_ids[position].clone());
        } else {
            answered += 1;
        }
        if open {
            if plan
                .can_mark(position)
                .any(|i| questionnaire.indicators.get(i).is_some_and(|i| i.danger))
            {
                unsure_danger.push(plan.question_ids[position].clone());
            }
            if let Some(Some(floor)) = plan.tables.question_unsure_floor.get(position) {
                unsure_floors.push((*floor, position));
            }
        }
        for &indicator in plan.marked_by(position, given, &mut found) {
            marked[indicator] = true;
            pairs.push((indicator, position));
        }
    }
    let routes = plan.routes_holding(&effective);
    let mut result = score_marked(questionnaire, &plan.tables, &marked, &routes);
    result.evidence = pairs
        .iter()
        .map(|&(indicator, position)| Evidence {
            indicator: plan.tables.indicator_ids[indicator].clone(),
            question: plan.question_ids[position].clone(),
        })
        .collect();
    let open = unsure.len() + declined.len();
    result.unsure = unsure;
    result.declined = declined;
    result.unsure_danger = unsure_danger;
    // Unsure floors: never lower, like every floor.
    if let Some(&(floor, _)) = unsure_floors.iter().max_by_key(|(floor, _)| *floor) {
        if floor > result.level_index {
            result.lifted_by_unsure = unsure_floors
                .iter()
                .filter(|(f, _)| *f == floor)
                .map(|&(_, position)| plan.question_ids[position].clone())
                .collect();
            result.lifted_by.clear();
            set_level(&mut result, questionnaire, floor);
        }
    }
    // Cannot tell: only ever instead of the lowest band.
    if let Some(band) = plan.tables.undetermined_band {
        if result.level_index == 0 && open > 0 && open >= answered {
            set_level(&mut result, questionnaire, band);
        }
    }
    result
}

fn set_level(result: &mut Evaluation, questionnaire: &Questionnaire, index: usize) {
    if let Some(band) = questionnaire.bands.get(index) {
        result.level = band.id.clone();
        result.level_index = index;
        result.undetermined = band.undetermined;
    }
}

/// Scores a set of indicators marked present directly (the author's what-if tool).
/// Unknown ids are ignored.
pub fn score_indicators(questionnaire: &Questionnaire, marked: &BTreeSet<String>) -> Evaluation {
    let marked: Vec<bool> = questionnaire
        .indicators
        .iter()
        .map(|i| marked.contains(&i.id))
        .collect();
    // No answers: the routes that hold with none (a route without `when`, or one
    // whose condition is a `not`), else the last.
    let plan = Plan::new(questionnaire);
    let routes = plan.routes_holding(&[]);
    score_marked(questionnaire, &plan.tables, &marked, &routes)
}

/// Scores indicators marked by position (aligned with `questionnaire.indicators`),
/// under each route (`Tables::routes`) marked in `routes`: the highest level wins,
/// the first on a tie.
fn score_marked(
    questionnaire: &Questionnaire,
    tables: &Tables,
    marked: &[bool],
    routes: &[bool],
) -> Evaluation {
    let present: Vec<usize> = marked
        .iter()
        .enumerate()
        .filter_map(|(i, &m)| m.then_some(i))
        .collect();
    let indicators = &questionnaire.indicators;
    let danger_indicators: Vec<Id> = present
        .iter()
        .filter(|&&i| indicators[i].danger)
        .map(|&i| tables.indicator_ids[i].clone())
        .collect();

    let mut result = Evaluation {
        questionnaire: questionnaire.id.clone(),
        version: questionnaire.version.clone(),
        model: questionnaire.scoring.model.as_str().to_owned(),
        level: String::new(),
        level_index: 0,
        danger: !danger_indicators.is_empty(),
        danger_indicators,
        present: present
            .iter()
            .map(|&i| tables.indicator_ids[i].clone())
            .collect(),
        evidence: Vec::new(),
        unsure: Vec::new(),
        declined: Vec::new(),
        unsure_danger: Vec::new(),
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

    let band_index = match questionnaire.scoring.model {
        Model::Weighted => {
            let total: u32 = present
                .iter()
                .map(|&i| indicators[i].weight.unwrap_or(0))
                .fold(0, u32::saturating_add);
            result.score = Some(total);
            last_band(questionnaire, |band| {
                band.min_score.is_some_and(|min| total >= min)
            })
        }
        Model::Ilo => {
            let mut best: Option<(usize, IloResult)> = None;
            for (route, table) in tables.routes.iter().enumerate() {
                if !routes.get(route).copied().unwrap_or(false) {
                    continue;
                }
                let scored = score_route(questionnaire, tables, table, &present);
                let index = last_band(questionnaire, |band| {
                    band.when.is_some_and(|w| w <= scored.stage)
                });
                if best.as_ref().is_none_or(|(b, _)| index > *b) {
                    best = Some((index, scored));
                }
            }
            match best {
                Some((index, scored)) => {
                    result.dimensions = Some(scored.dimensions);
                    result.pattern_parts = Some(scored.parts);
                    result.pattern_met = Some(scored.stage == IloStage::PatternMet);
                    result.route = scored.route;
                    result.reinforcing = scored.reinforcing;
                    index
                }
                None => 0,
            }
        }
    };
    set_level(&mut result, questionnaire, band_index);
    // Severity floors: a sign that is enough on its own lifts the level to its
    // floor; never lower.
    let floor = present
        .iter()
        .filter_map(|&i| tables.indicator_floor[i])
        .max();
    if let Some(floor) = floor.filter(|&f| f > band_index) {
        result.lifted_by = present
            .iter()
            .filter(|&&i| tables.indicator_floor[i] == Some(floor))
            .map(|&i| tables.indicator_ids[i].clone())
            .collect();
        set_level(&mut result, questionnaire, floor);
    }
    result
}

/// What one route gives.
struct IloResult {
    stage: IloStage,
    dimensions: BTreeMap<String, DimensionResult>,
    parts: Vec<bool>,
    route: Option<Id>,
    reinforcing: Vec<Id>,
}

/// The ILO two-step rule over the present indicators, under one route's strengths
/// and pattern.
fn score_route(
    questionnaire: &Questionnaire,
    tables: &Tables,
    route: &RouteTable,
    present: &[usize],
) -> IloResult {
    // Counted by slot; the map (sorted by id) is built once at the end.
    let mut counts = vec![DimensionResult::default(); tables.slot_dimension.len()];
    for &i in present {
        let Some(slot) = tables.indicator_slot[i] else {
            continue;
        };
        let counts = &mut counts[slot];
        match route.strength[i] {
            Some(Strength::Strong) => counts.strong += 1,
            Some(Strength::Medium) => counts.medium += 1,
            Some(Strength::Weak) => counts.weak += 1,
            None => {}
        }
    }
    for counts in &mut counts {
        counts.positive = DimensionResult::rule(counts.strong, counts.medium, counts.weak);
    }
    let positive = |slot: &Option<usize>| slot.is_some_and(|s| counts[s].positive);
    let parts: Vec<bool> = route
        .pattern
        .iter()
        .map(|any| any.iter().any(positive))
        .collect();
    let pattern_met = !parts.is_empty() && parts.iter().all(|&p| p);
    let reinforcing: Vec<Id> = route
        .reinforcing
        .iter()
        .filter(|slot| positive(slot))
        .filter_map(|slot| {
            slot.map(|s| Id::from(&questionnaire.dimensions[tables.slot_dimension[s]].id))
        })
        .collect();
    let stage = if pattern_met {
        IloStage::PatternMet
    } else if route.pattern.iter().flatten().any(positive) || route.counted.iter().any(positive) {
        IloStage::DimensionPositive
    } else if !present.is_empty() {
        IloStage::IndicatorPresent
    } else {
        IloStage::Always
    };
    // Inserted one by one, not collected: `BTreeMap::from_iter` sorts first, which
    // links a stable sort (driftsort) for this one element type into the widget's
    // wasm; a duplicate id keeps the last counts either way (README, Performance
    // and size).
    let mut dimensions = BTreeMap::new();
    for (&d, counts) in tables.slot_dimension.iter().zip(counts) {
        dimensions.insert(questionnaire.dimensions[d].id.clone(), counts);
    }
    IloResult {
        stage,
        dimensions,
        parts,
        route: route.id.clone(),
        reinforcing,
    }
}

/// The index of the last band that applies (0 when none does; the validator makes
/// sure the first band always applies).
fn last_band(
    questionnaire: &Questionnaire,
    applies: impl Fn(&crate::model::Band) -> bool,
) -> usize {
    questionnaire.bands.iter().rposition(applies).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::DimensionResult;

    /// The reference's table of test cases (content.md §2.1), one dimension each.
    #[test]
    fn dimension_rule_matches_the_reference_table() {
        let cases = [
            ((1, 0, 0), false),
            ((2, 0, 0), true),
            ((1, 0, 1), true),
            ((1, 1, 0), true),
            ((0, 2, 0), false),
            ((0, 3, 0), true),
            ((0, 2, 1), true),
            ((0, 1, 3), false),
            ((0, 0, 5), false),
        ];
        for ((s, m, w), positive) in cases {
            assert_eq!(
                DimensionResult::rule(s, m, w),
                positive,
                "S={s} M={m} W={w}"
            );
        }
    }
}
