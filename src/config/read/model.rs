//! The questionnaire's types, field by field, with the names and defaults of
//! the model's serde attributes: scoring and routes, sources, dimensions,
//! indicators, sections, questions and their options, conditions (refused past
//! [`MAX_CONDITION_DEPTH`] before recursing), bands.

use std::collections::BTreeMap;

use riskscreen_core::limits::MAX_CONDITION_DEPTH;

use riskscreen_core::{
    AnswerOption, AnswerTest, Audience, Band, Condition, Dimension, IloStage, Indicator, Model,
    Question, QuestionKind, Questionnaire, Route, Scoring, Section, Source, Strength,
};

use super::fields::{boolean, choice, list, number, string, strings, text, Object};
use super::{Json, Reader, Segment};

pub(super) fn questionnaire_in<V: Json>(r: &mut Reader, v: &V) -> Questionnaire {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "version",
            "audience",
            "languages",
            "default_language",
            "title",
            "description",
            "minutes",
            "scoring",
            "source",
            "dimension",
            "indicator",
            "section",
            "question",
            "band",
        ],
    );
    Questionnaire {
        id: o.required("id", string),
        version: o.required("version", string),
        audience: o.required("audience", |r, v| {
            choice(
                r,
                v,
                &[
                    ("self-check", Audience::SelfCheck),
                    ("intake", Audience::Intake),
                    ("platform", Audience::Platform),
                ],
            )
        }),
        languages: o.required("languages", strings),
        default_language: o.required("default_language", string),
        title: o.required("title", text),
        description: o.required("description", text),
        minutes: o.optional("minutes", number),
        scoring: o.required("scoring", scoring),
        sources: o.or_default("source", |r, v| list(r, v, source)),
        dimensions: o.or_default("dimension", |r, v| list(r, v, dimension)),
        indicators: o.or_default("indicator", |r, v| list(r, v, indicator)),
        sections: o.or_default("section", |r, v| list(r, v, section)),
        questions: o.or_default("question", |r, v| list(r, v, question)),
        bands: o.or_default("band", |r, v| list(r, v, band)),
    }
}

pub(super) fn scoring<V: Json>(r: &mut Reader, v: &V) -> Scoring {
    let mut o = Object::new(r, v, &["model", "pattern", "route"]);
    Scoring {
        model: o.required("model", |r, v| {
            choice(r, v, &[("ilo", Model::Ilo), ("weighted", Model::Weighted)])
        }),
        pattern: o.or_default("pattern", |r, v| list(r, v, strings)),
        routes: o.or_default("route", |r, v| list(r, v, route)),
    }
}

pub(super) fn route<V: Json>(r: &mut Reader, v: &V) -> Route {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "label",
            "when",
            "pattern",
            "reinforcing",
            "counted",
            "strengths",
            "exclude",
            "sources",
            "verified",
            "note",
        ],
    );
    Route {
        id: o.required("id", string),
        label: o.required("label", text),
        when: o.optional("when", condition),
        pattern: o.required("pattern", |r, v| list(r, v, strings)),
        reinforcing: o.or_default("reinforcing", strings),
        counted: o.or_default("counted", strings),
        strengths: o.or_default("strengths", strength_map),
        exclude: o.or_default("exclude", strings),
        sources: o.or_default("sources", strings),
        verified: o.or_default("verified", boolean),
        note: o.optional("note", string),
    }
}

/// A map of indicator id → strength (a route's `strengths`).
pub(super) fn strength_map<V: Json>(r: &mut Reader, v: &V) -> BTreeMap<String, Strength> {
    let mut map = BTreeMap::new();
    let Some(keys) = v.keys() else {
        r.fail("expected an object of indicator id → strength");
        return map;
    };
    // Inserted one by one, as in `text`.
    for id in keys {
        match v.get(&id).and_then(|s| s.string()).as_deref() {
            Some("strong") => map.insert(id, Strength::Strong),
            Some("medium") => map.insert(id, Strength::Medium),
            Some("weak") => map.insert(id, Strength::Weak),
            _ => {
                r.fail_under(&id, "expected one of strong, medium, weak");
                None
            }
        };
    }
    map
}

pub(super) fn strength<V: Json>(r: &mut Reader, v: &V) -> Strength {
    choice(
        r,
        v,
        &[
            ("strong", Strength::Strong),
            ("medium", Strength::Medium),
            ("weak", Strength::Weak),
        ],
    )
}

pub(super) fn source<V: Json>(r: &mut Reader, v: &V) -> Source {
    let mut o = Object::new(r, v, &["id", "title", "url", "note"]);
    Source {
        id: o.required("id", string),
        title: o.required("title", string),
        url: o.optional("url", string),
        note: o.optional("note", string),
    }
}

pub(super) fn dimension<V: Json>(r: &mut Reader, v: &V) -> Dimension {
    let mut o = Object::new(r, v, &["id", "label", "advice"]);
    Dimension {
        id: o.required("id", string),
        label: o.required("label", text),
        advice: o.optional("advice", text),
    }
}

pub(super) fn indicator<V: Json>(r: &mut Reader, v: &V) -> Indicator {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "dimension",
            "label",
            "strength",
            "weight",
            "danger",
            "at_least",
            "sources",
            "verified",
            "note",
            "advice",
        ],
    );
    Indicator {
        id: o.required("id", string),
        dimension: o.required("dimension", string),
        label: o.required("label", text),
        strength: o.optional("strength", strength),
        weight: o.optional("weight", number),
        danger: o.or_default("danger", boolean),
        at_least: o.optional("at_least", string),
        sources: o.or_default("sources", strings),
        verified: o.or_default("verified", boolean),
        note: o.optional("note", string),
        advice: o.optional("advice", text),
    }
}

pub(super) fn section<V: Json>(r: &mut Reader, v: &V) -> Section {
    let mut o = Object::new(r, v, &["id", "title", "intro", "show_if"]);
    Section {
        id: o.required("id", string),
        title: o.required("title", text),
        intro: o.optional("intro", text),
        show_if: o.optional("show_if", condition),
    }
}

pub(super) fn question<V: Json>(r: &mut Reader, v: &V) -> Question {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "section",
            "kind",
            "text",
            "why",
            "if_unsure",
            "show_if",
            "if_yes",
            "if_no",
            "option",
            "allow_unsure",
            "allow_decline",
            "unsure_at_least",
        ],
    );
    Question {
        id: o.required("id", string),
        section: o.required("section", string),
        kind: o.required("kind", |r, v| {
            choice(
                r,
                v,
                &[
                    ("yes_no", QuestionKind::YesNo),
                    ("single_choice", QuestionKind::SingleChoice),
                    ("multiple_choice", QuestionKind::MultipleChoice),
                ],
            )
        }),
        text: o.required("text", text),
        why: o.optional("why", text),
        if_unsure: o.optional("if_unsure", text),
        show_if: o.optional("show_if", condition),
        if_yes: o.or_default("if_yes", strings),
        if_no: o.or_default("if_no", strings),
        options: o.or_default("option", |r, v| list(r, v, answer_option)),
        allow_unsure: o.or_else("allow_unsure", boolean, || true),
        allow_decline: o.or_default("allow_decline", boolean),
        unsure_at_least: o.optional("unsure_at_least", string),
    }
}

pub(super) fn answer_option<V: Json>(r: &mut Reader, v: &V) -> AnswerOption {
    let mut o = Object::new(r, v, &["id", "label", "indicators", "exclusive"]);
    AnswerOption {
        id: o.required("id", string),
        label: o.required("label", text),
        indicators: o.or_default("indicators", strings),
        exclusive: o.or_default("exclusive", boolean),
    }
}

/// Externally tagged, as serde writes an enum: `{ "equals": { … } }`.
pub(super) fn condition<V: Json>(r: &mut Reader, v: &V) -> Condition {
    const ONE_KEY: &str = "expected an object with one key: all, any, not, equals or includes";
    let keys = v.keys().unwrap_or_default();
    let ([tag], Some(inner)) = (keys.as_slice(), keys.first().and_then(|k| v.get(k))) else {
        r.fail(ONE_KEY);
        return Condition::All(Vec::new());
    };
    let Some(&tag) = ["all", "any", "not", "equals", "includes"]
        .iter()
        .find(|t| **t == tag.as_str())
    else {
        r.fail_under(
            tag,
            "unknown condition, expected all, any, not, equals or includes",
        );
        return Condition::All(Vec::new());
    };
    if r.depth >= MAX_CONDITION_DEPTH {
        r.fail(&format!(
            "conditions nested more than {MAX_CONDITION_DEPTH} deep"
        ));
        return Condition::All(Vec::new());
    }
    r.depth += 1;
    r.path.push(Segment::Key(tag));
    let condition = match tag {
        "all" => Condition::All(list(r, &inner, condition)),
        "any" => Condition::Any(list(r, &inner, condition)),
        "not" => Condition::Not(Box::new(condition(r, &inner))),
        "equals" => Condition::Equals(answer_test(r, &inner)),
        _ => Condition::Includes(answer_test(r, &inner)),
    };
    r.path.pop();
    r.depth -= 1;
    condition
}

pub(super) fn answer_test<V: Json>(r: &mut Reader, v: &V) -> AnswerTest {
    let mut o = Object::new(r, v, &["question", "value"]);
    AnswerTest {
        question: o.required("question", string),
        value: o.required("value", string),
    }
}

pub(super) fn band<V: Json>(r: &mut Reader, v: &V) -> Band {
    let mut o = Object::new(
        r,
        v,
        &["id", "label", "advice", "min_score", "when", "undetermined"],
    );
    Band {
        id: o.required("id", string),
        label: o.required("label", text),
        advice: o.required("advice", text),
        min_score: o.optional("min_score", number),
        when: o.optional("when", |r, v| {
            choice(
                r,
                v,
                &[
                    ("always", IloStage::Always),
                    ("indicator_present", IloStage::IndicatorPresent),
                    ("dimension_positive", IloStage::DimensionPositive),
                    ("pattern_met", IloStage::PatternMet),
                ],
            )
        }),
        undetermined: o.or_default("undetermined", boolean),
    }
}
