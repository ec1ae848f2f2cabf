//! The questionnaire model: what a questionnaire file declares.
//!
//! One serde model serves both forms of a questionnaire: the human-written TOML
//! source (read by [`crate::load`]) and the compiled JSON that the widget reads.
//! Field names are those of the file format, so the JSON Schema generated from
//! these types (`riskscreen schema`) documents the format itself.
//!
//! Arrays of tables use singular names (`[[question]]`, `[[indicator]]`), as TOML
//! files read best that way; the Rust fields are plural.
//!
//! Nothing here checks cross-references; [`crate::validate`] does, and a
//! questionnaire is only handed to the scorer or the widget after it passed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A user-facing string: language code (BCP 47, e.g. `uk`, not `ua`) to text.
///
/// Every shipped language must have an entry; the validator reports each gap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, if this string has it.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The text in `lang`, else in `fallback`, else any text at all, else "".
    ///
    /// A validated questionnaire has every declared language, so the fallbacks only
    /// matter for languages a questionnaire does not ship.
    pub fn get_or<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        self.get(lang)
            .or_else(|| self.get(fallback))
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or("")
    }

    /// A text with one language, for tests and generated questionnaires.
    pub fn single(lang: &str, text: &str) -> Self {
        Text(BTreeMap::from([(lang.to_owned(), text.to_owned())]))
    }
}

/// A whole questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier, e.g. `self-check`. Lowercase letters, digits, `-`, `_`, `.`.
    pub id: String,
    /// Version of this questionnaire's content, e.g. `1.0.0`.
    pub version: String,
    /// Who answers it.
    pub audience: Audience,
    /// Languages this questionnaire ships (BCP 47 codes). Every string must exist in each.
    pub languages: Vec<String>,
    /// The language used when none of the person's preferred languages is shipped.
    pub default_language: String,
    /// Title shown on the start screen.
    pub title: Text,
    /// What this questionnaire is for, shown on the start screen.
    pub description: Text,
    /// About how many minutes a typical run takes (shown on the start screen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// How answers turn into a result.
    pub scoring: Scoring,
    /// Documents that indicators cite.
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
    /// Themes that indicators belong to; for the `ilo` model, the ILO dimensions.
    #[serde(default, rename = "dimension")]
    pub dimensions: Vec<Dimension>,
    /// Signs of risk that answers can mark present.
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<Indicator>,
    /// Groups of questions, in the order they are asked.
    #[serde(default, rename = "section")]
    pub sections: Vec<Section>,
    /// The questions, in the order they are asked.
    #[serde(default, rename = "question")]
    pub questions: Vec<Question>,
    /// Result bands from the lowest level of concern to the highest.
    #[serde(default, rename = "band")]
    pub bands: Vec<Band>,
}

/// Who answers a questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// A person checking an offer they received, on their own.
    SelfCheck,
    /// A caseworker screening someone at intake.
    Intake,
    /// A moderator of a platform checking an offer before it is published.
    Platform,
}

/// The scoring model and its parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Which model turns present indicators into a level.
    pub model: Model,
    /// `ilo` only: the pattern, an AND of ORs over dimension ids. The pattern is met when,
    /// for every inner list, at least one of its dimensions is positive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pattern: Vec<Vec<String>>,
    /// `ilo` only, instead of `pattern`: the indicator sets and rules to choose from
    /// by the answers (adults or children, labour or sexual exploitation). Every route
    /// whose `when` holds is scored and the highest result wins (the first listed on
    /// a tie): a person is never screened against the milder list by a choice of
    /// words. When no `when` holds, the last route applies.
    #[serde(default, rename = "route", skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
}

/// One `ilo` indicator set and decision rule, chosen by the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Identifier reported as the result's `route`.
    pub id: String,
    /// Names the set and the rule in the result, e.g. "ILO/EC indicators for
    /// children; no means needed".
    pub label: Text,
    /// The route is scored when this holds; without it, always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The pattern, an AND of ORs over dimension ids, as `scoring.pattern`.
    pub pattern: Vec<Vec<String>>,
    /// Dimensions outside the pattern that are reported when positive ("they add
    /// weight"), but neither complete the pattern nor count as a positive dimension
    /// for the bands (abuse of vulnerability under the narrow ILO rule: a refugee's
    /// circumstances alone are not a sign of trafficking).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reinforcing: Vec<String>,
    /// Dimensions outside the pattern that count as a positive dimension for the
    /// bands (for children, the means: not needed for the pattern, but a clear sign
    /// when present).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counted: Vec<String>,
    /// Strengths of this set where they differ from the indicator's own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub strengths: BTreeMap<String, Strength>,
    /// Indicators that are not in this set: present, but not counted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Ids of the sources of this set and rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Whether the set and rule were checked against a primary text.
    #[serde(default)]
    pub verified: bool,
    /// What is uncertain about it, for authors (not shown to the person answering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A scoring model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// ILO/EC Delphi indicators: strengths, positive dimensions and a pattern.
    Ilo,
    /// Each present indicator adds its weight; bands have minimum scores.
    Weighted,
}

impl Model {
    /// The name used in files and results.
    pub fn as_str(self) -> &'static str {
        match self {
            Model::Ilo => "ilo",
            Model::Weighted => "weighted",
        }
    }
}

/// A document that indicators cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier that indicators use in `sources`.
    pub id: String,
    /// The document's name.
    pub title: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What is and is not verified about what this questionnaire takes from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A theme of indicators; for the `ilo` model, one of the ILO dimensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Identifier that indicators use in `dimension`.
    pub id: String,
    /// Name shown when the result groups concerns by theme.
    pub label: Text,
    /// Advice shown under this theme when any of its indicators is present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

/// How strongly an indicator points to trafficking (`ilo` model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// A strong indicator.
    Strong,
    /// A medium indicator.
    Medium,
    /// A weak indicator.
    Weak,
}

/// A sign of risk that answers can mark present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable identifier; for ILO indicators `<dimension>.<slug>` as in the reference list.
    pub id: String,
    /// The dimension (theme) this indicator belongs to.
    pub dimension: String,
    /// Plain-language name shown in the result.
    pub label: Text,
    /// `ilo` model: the indicator's strength.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// `weighted` model: what this indicator adds to the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// A danger trigger: if present, the result shows emergency help before anything else.
    #[serde(default, skip_serializing_if = "is_false")]
    pub danger: bool,
    /// A severity floor: this sign on its own puts the result in this band (an id)
    /// or a higher one, whatever else is present. For the signs that sources treat
    /// as enough by themselves (a passport kept, sex asked in return for help).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// Ids of the sources this indicator comes from. At least one.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Whether the indicator (and its strength or weight) was checked against a primary text.
    #[serde(default)]
    pub verified: bool,
    /// What is uncertain about it, for authors (not shown to the person answering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Advice specific to this sign, shown in the result when it is present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Text>,
}

/// A group of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Identifier that questions use in `section`.
    pub id: String,
    /// Heading of the section.
    pub title: Text,
    /// Introduction or interview guidance shown with the section's questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The whole section is asked only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
}

/// The kind of a question, which decides its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no (plus "I'm not sure"); indicators come from `if_yes` and `if_no`.
    YesNo,
    /// Exactly one of `options`.
    SingleChoice,
    /// Any number of `options`.
    MultipleChoice,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier; answers are keyed by it.
    pub id: String,
    /// The section this question belongs to.
    pub section: String,
    /// Yes/no, single choice or multiple choice.
    pub kind: QuestionKind,
    /// The question itself.
    pub text: Text,
    /// A short "why we ask" shown under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text>,
    /// What to find out when the answer is "I'm not sure" (shown in the result).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_unsure: Option<Text>,
    /// The question is asked only when this holds. Conditions may only refer to earlier questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// `yes_no`: indicators marked present by "yes".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub if_yes: Vec<String>,
    /// `yes_no`: indicators marked present by "no".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub if_no: Vec<String>,
    /// `single_choice` and `multiple_choice`: the answer options.
    #[serde(default, rename = "option", skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// Offer "I'm not sure". On by default: guessing is worse than not knowing.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub allow_unsure: bool,
    /// Offer "I'd rather not say" (trauma-informed interviews). Off by default.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_decline: bool,
    /// When this question is shown and answered "not sure" or "rather not say", the
    /// result is at least this band (an id): for checks whose absence must never
    /// read as safe (a platform's required check: at most "ask for more").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsure_at_least: Option<String>,
}

/// One answer option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Identifier, unique within the question. `yes`, `no`, `unsure` and `declined` are reserved.
    pub id: String,
    /// What the person reads.
    pub label: Text,
    /// Indicators this option marks present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
    /// `multiple_choice`: choosing this option clears the others (e.g. "none of these").
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// A condition over earlier answers, deciding whether a question or section is asked.
///
/// In TOML: `show_if = { equals = { question = "offer", value = "job" } }`,
/// `show_if = { all = [ { ... }, { not = { ... } } ] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The question was shown and answered exactly `value` (`yes`, `no`, `unsure` or an option id).
    Equals(AnswerTest),
    /// The question was shown and its answer includes `value` (for multiple choice: among those chosen).
    Includes(AnswerTest),
}

/// The operands of `equals` and `includes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerTest {
    /// Id of an earlier question.
    pub question: String,
    /// `yes`, `no`, `unsure`, `declined` or an option id of that question.
    pub value: String,
}

/// A result band: a level of concern and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Identifier reported as the result's `level`.
    pub id: String,
    /// The level in plain words, e.g. "Some warning signs". Never a verdict about a person.
    pub label: Text,
    /// What to do now.
    pub advice: Text,
    /// `weighted` model: the lowest total score in this band. The first band starts at 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<u32>,
    /// `ilo` model: the least that must hold for this band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<IloStage>,
    /// The "cannot tell" band: not a step of the ladder (no `min_score` or `when`),
    /// listed right after the first band. It replaces the first band when at least
    /// as many shown questions were answered "not sure" or "rather not say" as were
    /// answered otherwise: too little is known to say "no clear signs".
    #[serde(default, skip_serializing_if = "is_false")]
    pub undetermined: bool,
}

/// How far the `ilo` evidence goes; bands list them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IloStage {
    /// Always holds (the first band).
    Always,
    /// At least one indicator is present.
    IndicatorPresent,
    /// At least one dimension named in the pattern is positive. Dimensions outside
    /// the pattern (e.g. an immediate-safety theme) are reported but do not count here.
    DimensionPositive,
    /// The questionnaire's pattern is met.
    PatternMet,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Questionnaire {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The route (`[[scoring.route]]`) with this id.
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.scoring.routes.iter().find(|r| r.id == id)
    }

    /// The `ilo` pattern under `route` (an evaluation's `route`): that route's, or
    /// `scoring.pattern` when there is none.
    pub fn pattern_of(&self, route: Option<&str>) -> &[Vec<String>] {
        match route.and_then(|id| self.route(id)) {
            Some(route) => &route.pattern,
            None => &self.scoring.pattern,
        }
    }

    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }
}

impl Question {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }
}
