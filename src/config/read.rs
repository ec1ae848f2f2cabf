//! A hand-written reader from parsed JSON to the engine's model.
//!
//! In the browser the JSON text is parsed by `JSON.parse` and read here from the
//! resulting `JsValue`; natively (tests) it is parsed by serde_json and read here
//! from its `serde_json::Value`, through the same code ([`Json`] is implemented
//! for each on its own target only). It replaces serde-wasm-bindgen: that, serde's
//! `Deserialize` code for every model type and its error machinery (with float
//! formatting, for `Unexpected::Float`) were far larger in the bundle (wasm and
//! glue) than this reader (README, Performance and size). The model types still
//! derive `Deserialize` (the CLI and tests use it), but nothing in the widget calls
//! it, so none of it is linked into the wasm.
//!
//! It accepts what the model's serde derives accept from JSON objects, attribute
//! for attribute: the singular renames (`question`, `option`, …), `rename_all` of
//! the enums (`self-check`, `yes_no`, …), the `transparent` [`Text`], the
//! externally tagged [`Condition`] (`{ "equals": { … } }`), and every `default`
//! (an absent field; also `null` for an `Option`). `tests/read.rs` checks that it
//! reads exactly (`==`) what serde reads from every shipped questionnaire and
//! directory and from models with every field set or left out, and that it
//! rejects broken inputs serde rejects, naming the field.
//!
//! **Unknown fields are rejected**, as `deny_unknown_fields` does: the compiler's
//! validator already reports them with a "did you mean" hint, so in the browser one
//! means a file written for another version of the widget, which is better refused
//! than half read. Differences from serde, none of which `riskscreen compile`
//! writes: a struct must be a JSON object (serde also takes an array of its
//! fields), a unit variant a string (serde also takes a one-key map to `null`,
//! `{ "ilo": null }`), and in the browser a `u32` may be written `3.0` (JavaScript
//! has one number type); and conditions nested more than
//! [`MAX_CONDITION_DEPTH`] deep are refused before the reader recurses into them
//! (serde takes up to its own recursion limit; the validator refuses them too). A
//! differential fuzz target checks the rest against serde
//! on arbitrary input (issue #12; `tests/read.rs` keeps what it found).
//!
//! An error names the path of the bad field in the validator's notation, e.g.
//! `question[3].option[1].label: expected an object of language code → text`.

use std::collections::BTreeMap;

use riskscreen_core::limits::MAX_CONDITION_DEPTH;

use riskscreen_core::helplines::{Country, Directory, Helpline, Kind, Verification};
use riskscreen_core::{
    AnswerOption, AnswerTest, Audience, Band, Condition, Dimension, IloStage, Indicator, Model,
    Question, QuestionKind, Questionnaire, Route, Scoring, Section, Source, Strength, Text,
};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast as _;

/// A parsed JSON value, as far as the reader needs one.
pub trait Json: Sized {
    /// The keys of an object (not an array), in order; `None` for anything else.
    fn keys(&self) -> Option<Vec<String>>;
    /// The value of `key` in an object; `None` when absent.
    fn get(&self, key: &str) -> Option<Self>;
    /// The items of an array; `None` for anything else.
    fn items(&self) -> Option<Vec<Self>>;
    /// The string, if this is one.
    fn string(&self) -> Option<String>;
    /// The boolean, if this is one.
    fn boolean(&self) -> Option<bool>;
    /// The number, if this is a whole number in `u32`'s range.
    fn u32(&self) -> Option<u32>;
    /// Whether this is `null` (an absent `Option`).
    fn is_null(&self) -> bool;
    /// `null`: what a missing required field is read as, after its error.
    fn null() -> Self;
}

#[cfg(target_arch = "wasm32")]
impl Json for wasm_bindgen::JsValue {
    fn keys(&self) -> Option<Vec<String>> {
        if !self.is_object() || js_sys::Array::is_array(self) {
            return None;
        }
        let keys = js_sys::Object::keys(self.unchecked_ref::<js_sys::Object>());
        Some(keys.iter().filter_map(|k| k.as_string()).collect())
    }

    fn get(&self, key: &str) -> Option<Self> {
        // JSON.parse makes plain objects: an own property or undefined (none of the
        // model's field names is one that Object.prototype has).
        js_sys::Reflect::get(self, &Self::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }

    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(self)
            .then(|| self.unchecked_ref::<js_sys::Array>().iter().collect())
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn u32(&self) -> Option<u32> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    }

    fn is_null(&self) -> bool {
        wasm_bindgen::JsValue::is_null(self)
    }

    fn null() -> Self {
        wasm_bindgen::JsValue::NULL
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Json for serde_json::Value {
    fn keys(&self) -> Option<Vec<String>> {
        self.as_object().map(|o| o.keys().cloned().collect())
    }

    fn get(&self, key: &str) -> Option<Self> {
        self.as_object().and_then(|o| o.get(key)).cloned()
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn u32(&self) -> Option<u32> {
        self.as_u64().and_then(|n| u32::try_from(n).ok())
    }

    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }

    fn null() -> Self {
        serde_json::Value::Null
    }
}

/// What is wrong, and where: path segments outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: Vec<Segment<String>>,
    message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment<K> {
    Key(K),
    Index(usize),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, segment) in self.path.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        if !self.path.is_empty() {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

type Result<T> = std::result::Result<T, Error>;

fn questionnaire_in<V: Json>(r: &mut Reader, v: &V) -> Questionnaire {
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

fn directory_in<V: Json>(r: &mut Reader, v: &V) -> Directory {
    let mut o = Object::new(
        r,
        v,
        &[
            "languages",
            "default_language",
            "country",
            "source",
            "helpline",
        ],
    );
    Directory {
        languages: o.required("languages", strings),
        default_language: o.required("default_language", string),
        countries: o.required("country", |r, v| list(r, v, country)),
        sources: o.or_default("source", |r, v| list(r, v, source)),
        helplines: o.or_default("helpline", |r, v| list(r, v, helpline)),
    }
}

fn scoring<V: Json>(r: &mut Reader, v: &V) -> Scoring {
    let mut o = Object::new(r, v, &["model", "pattern", "route"]);
    Scoring {
        model: o.required("model", |r, v| {
            choice(r, v, &[("ilo", Model::Ilo), ("weighted", Model::Weighted)])
        }),
        pattern: o.or_default("pattern", |r, v| list(r, v, strings)),
        routes: o.or_default("route", |r, v| list(r, v, route)),
    }
}

fn route<V: Json>(r: &mut Reader, v: &V) -> Route {
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
fn strength_map<V: Json>(r: &mut Reader, v: &V) -> BTreeMap<String, Strength> {
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

fn strength<V: Json>(r: &mut Reader, v: &V) -> Strength {
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

fn source<V: Json>(r: &mut Reader, v: &V) -> Source {
    let mut o = Object::new(r, v, &["id", "title", "url", "note"]);
    Source {
        id: o.required("id", string),
        title: o.required("title", string),
        url: o.optional("url", string),
        note: o.optional("note", string),
    }
}

fn dimension<V: Json>(r: &mut Reader, v: &V) -> Dimension {
    let mut o = Object::new(r, v, &["id", "label", "advice"]);
    Dimension {
        id: o.required("id", string),
        label: o.required("label", text),
        advice: o.optional("advice", text),
    }
}

fn indicator<V: Json>(r: &mut Reader, v: &V) -> Indicator {
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

fn section<V: Json>(r: &mut Reader, v: &V) -> Section {
    let mut o = Object::new(r, v, &["id", "title", "intro", "show_if"]);
    Section {
        id: o.required("id", string),
        title: o.required("title", text),
        intro: o.optional("intro", text),
        show_if: o.optional("show_if", condition),
    }
}

fn question<V: Json>(r: &mut Reader, v: &V) -> Question {
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

fn answer_option<V: Json>(r: &mut Reader, v: &V) -> AnswerOption {
    let mut o = Object::new(r, v, &["id", "label", "indicators", "exclusive"]);
    AnswerOption {
        id: o.required("id", string),
        label: o.required("label", text),
        indicators: o.or_default("indicators", strings),
        exclusive: o.or_default("exclusive", boolean),
    }
}

/// Externally tagged, as serde writes an enum: `{ "equals": { … } }`.
fn condition<V: Json>(r: &mut Reader, v: &V) -> Condition {
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

fn answer_test<V: Json>(r: &mut Reader, v: &V) -> AnswerTest {
    let mut o = Object::new(r, v, &["question", "value"]);
    AnswerTest {
        question: o.required("question", string),
        value: o.required("value", string),
    }
}

fn band<V: Json>(r: &mut Reader, v: &V) -> Band {
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

fn country<V: Json>(r: &mut Reader, v: &V) -> Country {
    let mut o = Object::new(r, v, &["code", "name", "emergency", "eu"]);
    Country {
        code: o.required("code", string),
        name: o.required("name", text),
        emergency: o.or_else("emergency", string, || "112".to_owned()),
        eu: o.or_default("eu", boolean),
    }
}

fn helpline<V: Json>(r: &mut Reader, v: &V) -> Helpline {
    let mut o = Object::new(
        r,
        v,
        &[
            "id",
            "country",
            "name",
            "number",
            "tel",
            "kind",
            "hours",
            "languages",
            "free",
            "sources",
            "verification",
        ],
    );
    Helpline {
        id: o.required("id", string),
        country: o.required("country", string),
        name: o.required("name", text),
        number: o.required("number", string),
        tel: o.required("tel", string),
        kind: o.required("kind", |r, v| {
            choice(
                r,
                v,
                &[
                    ("emergency", Kind::Emergency),
                    ("anti_trafficking", Kind::AntiTrafficking),
                    ("victims_of_crime", Kind::VictimsOfCrime),
                    ("violence", Kind::Violence),
                    ("children", Kind::Children),
                    ("support", Kind::Support),
                ],
            )
        }),
        hours: o.optional("hours", text),
        languages: o.or_default("languages", strings),
        free: o.or_default("free", boolean),
        sources: o.or_default("sources", strings),
        verification: o.required("verification", verification),
    }
}

fn verification<V: Json>(r: &mut Reader, v: &V) -> Verification {
    let mut o = Object::new(r, v, &["verified", "checked", "note"]);
    Verification {
        verified: o.required("verified", boolean),
        checked: o.or_default("checked", string),
        note: o.optional("note", string),
    }
}

/// Where the reader is, and the first problem it met.
///
/// Reading goes on after a problem (every reader returns a placeholder then), so
/// that a struct is built in straight-line code without an early return, which
/// would drop every field read so far: with `?` after each field, that drop code
/// made the reader twice as large in the wasm (README, Performance and size).
#[derive(Default)]
struct Reader {
    path: Vec<Segment<&'static str>>,
    error: Option<Error>,
    /// How many conditions the reader is inside: it refuses to go deeper than
    /// [`MAX_CONDITION_DEPTH`] rather than recurse (a deeply nested file would
    /// overflow the wasm stack, a trap that no panic hook sees).
    depth: usize,
}

impl Reader {
    /// Records `message` at the current path, unless a problem came first.
    fn fail(&mut self, message: &str) {
        self.fail_under("", message);
    }

    /// Records `message` under `key` of the current path (`""`: at the path),
    /// unless a problem came first.
    fn fail_under(&mut self, key: &str, message: &str) {
        if self.error.is_none() {
            let mut path: Vec<Segment<String>> = self
                .path
                .iter()
                .map(|s| match s {
                    Segment::Key(k) => Segment::Key((*k).to_owned()),
                    Segment::Index(i) => Segment::Index(*i),
                })
                .collect();
            if !key.is_empty() {
                path.push(Segment::Key(key.to_owned()));
            }
            self.error = Some(Error {
                path,
                message: message.to_owned(),
            });
        }
    }

    fn finish<T>(self, value: T) -> Result<T> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

/// Reads a compiled questionnaire.
pub fn questionnaire<V: Json>(v: &V) -> Result<Questionnaire> {
    let mut r = Reader::default();
    let questionnaire = questionnaire_in(&mut r, v);
    r.finish(questionnaire)
}

/// Reads a compiled helpline directory.
pub fn directory<V: Json>(v: &V) -> Result<Directory> {
    let mut r = Reader::default();
    let directory = directory_in(&mut r, v);
    r.finish(directory)
}

/// An object whose keys were checked against a struct's fields.
struct Object<'r, 'a, V> {
    r: &'r mut Reader,
    value: &'a V,
}

impl<'r, 'a, V: Json> Object<'r, 'a, V> {
    fn new(r: &'r mut Reader, value: &'a V, fields: &[&str]) -> Self {
        match value.keys() {
            None => r.fail("expected an object"),
            Some(keys) => {
                if let Some(unknown) = keys.iter().find(|k| !fields.contains(&k.as_str())) {
                    r.fail_under(
                        unknown,
                        &format!("unknown field, expected one of {}", fields.join(", ")),
                    );
                }
            }
        }
        Object { r, value }
    }

    /// Reads `value` (the field `key`) with `read`.
    fn read<T>(&mut self, key: &'static str, value: &V, read: fn(&mut Reader, &V) -> T) -> T {
        self.r.path.push(Segment::Key(key));
        let read = read(self.r, value);
        self.r.path.pop();
        read
    }

    /// A field that must be there.
    fn required<T>(&mut self, key: &'static str, read: fn(&mut Reader, &V) -> T) -> T {
        let value = self.value.get(key);
        if value.is_none() {
            self.r.fail_under(key, "missing field");
        }
        // A missing field is read as `null`: a placeholder, its error ignored.
        self.read(key, &value.unwrap_or_else(V::null), read)
    }

    /// An `Option` field: absent or `null` is `None`.
    fn optional<T>(&mut self, key: &'static str, read: fn(&mut Reader, &V) -> T) -> Option<T> {
        match self.value.get(key) {
            Some(v) if !v.is_null() => Some(self.read(key, &v, read)),
            _ => None,
        }
    }

    /// A `#[serde(default)]` field: absent is the default (`null` is not).
    fn or_default<T: Default>(&mut self, key: &'static str, read: fn(&mut Reader, &V) -> T) -> T {
        self.or_else(key, read, T::default)
    }

    /// A `#[serde(default = "…")]` field: absent is `default()` (`null` is not, as
    /// for serde: only an `Option` reads `null` as absent).
    fn or_else<T>(
        &mut self,
        key: &'static str,
        read: fn(&mut Reader, &V) -> T,
        default: fn() -> T,
    ) -> T {
        match self.value.get(key) {
            Some(v) => self.read(key, &v, read),
            None => default(),
        }
    }
}

fn string<V: Json>(r: &mut Reader, v: &V) -> String {
    v.string().unwrap_or_else(|| {
        r.fail("expected a string");
        String::new()
    })
}

fn boolean<V: Json>(r: &mut Reader, v: &V) -> bool {
    v.boolean().unwrap_or_else(|| {
        r.fail("expected true or false");
        false
    })
}

fn number<V: Json>(r: &mut Reader, v: &V) -> u32 {
    v.u32().unwrap_or_else(|| {
        r.fail("expected a whole number from 0 to 4294967295");
        0
    })
}

fn list<V: Json, T>(r: &mut Reader, v: &V, read: fn(&mut Reader, &V) -> T) -> Vec<T> {
    let Some(items) = v.items() else {
        r.fail("expected an array");
        return Vec::new();
    };
    let mut list = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        r.path.push(Segment::Index(i));
        list.push(read(r, item));
        r.path.pop();
    }
    list
}

fn strings<V: Json>(r: &mut Reader, v: &V) -> Vec<String> {
    list(r, v, string)
}

/// [`Text`] is `transparent`: an object of language code → text.
fn text<V: Json>(r: &mut Reader, v: &V) -> Text {
    let mut text = Text::default();
    let Some(keys) = v.keys() else {
        r.fail("expected an object of language code → text");
        return text;
    };
    // Inserted one by one: collecting into a BTreeMap would bring in a sort.
    for lang in keys {
        match v.get(&lang).and_then(|t| t.string()) {
            Some(t) => {
                text.0.insert(lang, t);
            }
            None => r.fail_under(&lang, "expected a string"),
        }
    }
    text
}

/// A unit variant of an enum, by its name in the file.
fn choice<V: Json, T: Copy>(r: &mut Reader, v: &V, variants: &[(&str, T)]) -> T {
    let name = v.string();
    match variants.iter().find(|(n, _)| Some(*n) == name.as_deref()) {
        Some(&(_, variant)) => variant,
        None => {
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            r.fail(&format!("expected one of {}", names.join(", ")));
            variants[0].1
        }
    }
}
