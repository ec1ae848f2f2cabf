//! What scoring needs of a questionnaire that does not depend on the answers,
//! worked out once: indicator ids and dimension slots, the severity and unsure
//! floors as band indexes, and for `ilo` each route's strengths and pattern
//! slots. A [`crate::flow::Plan`] owns one; [`crate::score`] reads it. Its own
//! module so that the plan (`flow`) and the scorer (`score`) both depend on it
//! and not on each other.

use std::collections::HashMap;

use crate::id::Id;
use crate::model::{Questionnaire, Strength};

/// What scoring needs of a questionnaire that does not depend on the answers, worked
/// out once (a [`Plan`] holds it) so that an evaluation looks nothing up by name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tables {
    /// The indicators' ids, made once: an evaluation shares them instead of copying.
    pub(crate) indicator_ids: Vec<Id>,
    /// For each indicator, the slot of its dimension (`None`: no such dimension).
    pub(crate) indicator_slot: Vec<Option<usize>>,
    /// For each slot (one per distinct dimension id), the first dimension with that id.
    pub(crate) slot_dimension: Vec<usize>,
    /// The `ilo` rules: one per route, or one for `scoring.pattern`.
    pub(crate) routes: Vec<RouteTable>,
    /// For each indicator, the band index of its severity floor.
    pub(crate) indicator_floor: Vec<Option<usize>>,
    /// For each question, the band index of its unsure floor.
    pub(crate) question_unsure_floor: Vec<Option<usize>>,
    /// The "cannot tell" band, if the questionnaire has one.
    pub(crate) undetermined_band: Option<usize>,
}

/// One `ilo` indicator set and rule, with ids replaced by slots and positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RouteTable {
    /// The route's id (`None`: `scoring.pattern`, no routes).
    pub(crate) id: Option<Id>,
    /// The pattern with dimension ids replaced by slots.
    pub(crate) pattern: Vec<Vec<Option<usize>>>,
    /// The reinforcing dimensions' slots.
    pub(crate) reinforcing: Vec<Option<usize>>,
    /// The slots of the dimensions outside the pattern that count for the bands.
    pub(crate) counted: Vec<Option<usize>>,
    /// For each indicator, its strength in this set (`None`: not counted).
    pub(crate) strength: Vec<Option<Strength>>,
}

impl Tables {
    pub(crate) fn new(questionnaire: &Questionnaire) -> Self {
        let mut slot_of: HashMap<&str, usize> = HashMap::new();
        let mut slot_dimension = Vec::new();
        for (i, dimension) in questionnaire.dimensions.iter().enumerate() {
            slot_of.entry(&dimension.id).or_insert_with(|| {
                slot_dimension.push(i);
                slot_dimension.len() - 1
            });
        }
        let slot = |id: &String| slot_of.get(id.as_str()).copied();
        let band = |id: &Option<String>| {
            id.as_ref()
                .and_then(|id| questionnaire.bands.iter().position(|b| &b.id == id))
        };
        Tables {
            indicator_floor: questionnaire
                .indicators
                .iter()
                .map(|i| band(&i.at_least))
                .collect(),
            question_unsure_floor: questionnaire
                .questions
                .iter()
                .map(|q| band(&q.unsure_at_least))
                .collect(),
            undetermined_band: questionnaire.bands.iter().position(|b| b.undetermined),
            indicator_ids: questionnaire
                .indicators
                .iter()
                .map(|i| Id::from(&i.id))
                .collect(),
            indicator_slot: questionnaire
                .indicators
                .iter()
                .map(|i| slot(&i.dimension))
                .collect(),
            routes: route_tables(questionnaire, &slot),
            slot_dimension,
        }
    }
}

/// The rules of `questionnaire`: its routes, or `scoring.pattern` as the one rule.
fn route_tables(
    questionnaire: &Questionnaire,
    slot: &impl Fn(&String) -> Option<usize>,
) -> Vec<RouteTable> {
    let pattern = |pattern: &[Vec<String>]| -> Vec<Vec<Option<usize>>> {
        pattern
            .iter()
            .map(|any| any.iter().map(slot).collect())
            .collect()
    };
    let own: Vec<Option<Strength>> = questionnaire
        .indicators
        .iter()
        .map(|i| i.strength)
        .collect();
    if questionnaire.scoring.routes.is_empty() {
        return vec![RouteTable {
            id: None,
            pattern: pattern(&questionnaire.scoring.pattern),
            reinforcing: Vec::new(),
            counted: Vec::new(),
            strength: own,
        }];
    }
    questionnaire
        .scoring
        .routes
        .iter()
        .map(|route| RouteTable {
            id: Some(Id::from(&route.id)),
            pattern: pattern(&route.pattern),
            reinforcing: route.reinforcing.iter().map(slot).collect(),
            counted: route.counted.iter().map(slot).collect(),
            strength: questionnaire
                .indicators
                .iter()
                .zip(&own)
                .map(|(i, &own)| {
                    if route.exclude.contains(&i.id) {
                        None
                    } else {
                        route.strengths.get(&i.id).copied().or(own)
                    }
                })
                .collect(),
        })
        .collect()
}
