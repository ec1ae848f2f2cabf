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
//!
//! | module | its one job |
//! |--------|-------------|
//! | `json` | [`Json`]: the parsed value, for `serde_json::Value` (native; `JsValue`'s, wasm32, is at the wasm boundary, `src/js/value.rs`) |
//! | this one | the entry points ([`questionnaire`], [`directory`]), [`Error`] and the `Reader` that records the first one |
//! | `fields` | an object's fields (required, optional, defaults, unknown ones refused) and the plain values: strings, booleans, numbers, lists, [`Text`], enum names |
//! | `model` | the questionnaire's types, field by field |
//! | `helplines` | the helpline directory's types, field by field |
//!
//! The submodules sit beside this `mod.rs` on purpose: the fuzz targets compile
//! the reader in from its source (`#[path = "…/src/config/read/mod.rs"]`), and a
//! file included that way finds its submodules next to it, as a `mod.rs` does.
//!
//! [`Text`]: riskscreen_core::Text
//! [`Condition`]: riskscreen_core::Condition
//! [`MAX_CONDITION_DEPTH`]: riskscreen_core::limits::MAX_CONDITION_DEPTH

mod fields;
mod helplines;
mod json;
mod model;

use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;

use helplines::directory_in;
pub use json::Json;
use model::questionnaire_in;

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
