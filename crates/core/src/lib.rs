//! riskscreen-core: the questionnaire model, loading, validation and scoring.
//!
//! This crate is pure: it depends on serde and friends only, never on yew,
//! web-sys, wasm-bindgen or gloo, does no IO, and never panics on user input.
//! The widget, the CLI and the tests all go through it, so a questionnaire is
//! read, checked and scored the same way everywhere.
//!
//! Every loader ([`load_toml`], [`load_json`], [`load_helplines_toml`],
//! [`load_helplines_json`]) returns a [`Loaded`]: the model as written whenever
//! its syntax and shape are right, with every diagnostic (as fluent-syntax returns
//! the resource with its errors); [`Loaded::usable`] and [`Loaded::into_result`]
//! give it only when no diagnostic is an error.
//!
//! ```
//! use riskscreen_core::{load_toml, score, Answer, Answers};
//!
//! let source = r#"
//! id = "demo"
//! version = "1"
//! audience = "self-check"
//! languages = ["en"]
//! default_language = "en"
//! title = { en = "Demo" }
//! description = { en = "A demo" }
//! scoring = { model = "weighted" }
//!
//! [[source]]
//! id = "s"
//! title = "A source"
//!
//! [[dimension]]
//! id = "documents"
//! label = { en = "Documents" }
//!
//! [[indicator]]
//! id = "passport_kept"
//! dimension = "documents"
//! label = { en = "Someone wants to keep your passport" }
//! weight = 3
//! sources = ["s"]
//!
//! [[section]]
//! id = "main"
//! title = { en = "The offer" }
//!
//! [[question]]
//! id = "passport"
//! section = "main"
//! kind = "yes_no"
//! text = { en = "Does someone want to keep your passport?" }
//! if_yes = ["passport_kept"]
//!
//! [[band]]
//! id = "low"
//! label = { en = "No clear warning signs" }
//! advice = { en = "Stay careful." }
//! min_score = 0
//!
//! [[band]]
//! id = "high"
//! label = { en = "Serious warning signs" }
//! advice = { en = "Call a helpline." }
//! min_score = 3
//! "#;
//! let (questionnaire, _warnings) = load_toml("demo.toml", source).into_result("demo.toml").unwrap();
//! let answers = Answers::from([("passport".to_owned(), Answer::Yes)]);
//! let result = score(&questionnaire, &answers);
//! assert_eq!(result.level, "high");
//! assert_eq!(result.present, ["passport_kept"]);
//! ```

pub mod answers;
pub mod calibration;
pub mod diagnostic;
pub mod flow;
pub mod helplines;
pub mod html;
pub mod id;
pub mod lang;
pub mod languages;
pub mod limits;
pub mod load;
pub mod model;
pub mod score;
mod sort;
pub mod suggest;
mod tables;
pub mod texts;
pub mod validate;

pub use answers::{check_answers, Answer, Answers};
pub use diagnostic::{Diagnostic, FieldPath, Lines, Location, Severity};
pub use flow::{visible_questions, Plan};
pub use id::Id;
pub use load::{load_helplines_json, load_json, LoadError, Loaded};
#[cfg(feature = "toml")]
pub use load::{load_helplines_toml, load_toml};
pub use model::*;
pub use score::{
    score, score_indicators, score_planned, Concern, DimensionResult, Evaluation, Evidence,
};
pub use validate::validate;
