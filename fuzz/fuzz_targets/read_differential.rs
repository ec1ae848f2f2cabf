//! The widget's hand-written JSON reader (`src/config/read/`) against serde.
//!
//! The input is parsed as JSON by serde_json (in the browser, `JSON.parse` makes
//! the value; here a `serde_json::Value`, as in `tests/read.rs`); a text that is
//! not JSON never reaches the reader. The same value is then read as a
//! `Questionnaire` and as a helpline `Directory`, by serde (`from_value`, the
//! model's derives) and by the reader, which must agree as `tests/read.rs` claims:
//!
//! - serde accepts → the reader accepts and gives an equal (`==`) value;
//! - serde rejects → the reader rejects;
//! - except for the two forms the reader documents it refuses (`riskscreen
//!   compile` writes neither): a struct written as an array of its fields (a
//!   reader error "expected an object" where the value is an array), and a unit
//!   variant written as a map (`{ "ilo": null }` for `"ilo"`: "expected one of
//!   …" where the value is such a map). The value serde made, written back out,
//!   must then read equal;
//! - and the limit it enforces before recursing: conditions nested more than
//!   `MAX_CONDITION_DEPTH` deep are refused (serde takes them up to its own
//!   recursion limit; the validator refuses them too).

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use riskscreen_core::helplines::Directory;
use riskscreen_core::Questionnaire;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

mod mutate;

/// The widget's reader, `src/config/read/`, compiled in from its source: natively
/// it needs only the core and serde_json (its `JsValue` half is for wasm32 only),
/// so the fuzz build leaves out the widget crate and Yew. The same code as
/// `riskscreen::config::read`, which `tests/read.rs` tests.
#[path = "../../src/config/read/mod.rs"]
mod read;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    compare::<Questionnaire>(&value, |v| {
        read::questionnaire(v).map_err(|e| e.to_string())
    });
    compare::<Directory>(&value, |v| read::directory(v).map_err(|e| e.to_string()));
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    mutate::mutate(data, size, max_size, seed)
});

fn compare<T>(value: &Value, read: impl Fn(&Value) -> Result<T, String>)
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    match (serde_json::from_value::<T>(value.clone()), read(value)) {
        (Ok(by_serde), Ok(by_reader)) => {
            assert_eq!(by_reader, by_serde, "the reader reads another value")
        }
        (Err(e), Ok(_)) => panic!("the reader accepts what serde rejects: {e}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if is_too_deep(&e) => {}
        (Ok(by_serde), Err(e)) => {
            assert!(
                is_array_for_struct(value, &e) || is_variant_as_map(value, &e),
                "the reader rejects what serde accepts: {e}"
            );
            let canonical = serde_json::to_value(&by_serde).expect("serializes");
            match read(&canonical) {
                Ok(by_reader) => assert_eq!(by_reader, by_serde, "the reader reads another value"),
                Err(e) => panic!("the reader rejects serde's own output: {e}"),
            }
        }
    }
}

/// Whether the reader refused a condition nested past the limit: its message
/// names the limit, and its path really goes through that many conditions.
fn is_too_deep(error: &str) -> bool {
    let limit = riskscreen_core::limits::MAX_CONDITION_DEPTH;
    let (path, message) = split(error);
    let nesting = path
        .split('.')
        .filter(|part| *part == "not" || part.starts_with("all[") || part.starts_with("any["))
        .count();
    message == format!("conditions nested more than {limit} deep") && nesting >= limit
}

/// Whether the reader's error is "expected an object" where `value` holds an array.
fn is_array_for_struct(value: &Value, error: &str) -> bool {
    let (path, message) = split(error);
    message == "expected an object" && at(value, path).is_some_and(Value::is_array)
}

/// Whether the reader's error is "expected one of a, b, …" where `value` holds a
/// map of one of those names to `null`.
fn is_variant_as_map(value: &Value, error: &str) -> bool {
    let (path, message) = split(error);
    let Some(names) = message.strip_prefix("expected one of ") else {
        return false;
    };
    let Some(map) = at(value, path).and_then(Value::as_object) else {
        return false;
    };
    map.len() == 1
        && map
            .iter()
            .all(|(name, v)| v.is_null() && names.split(", ").any(|n| n == name))
}

/// A reader error's path and message. Only used for messages whose path is made
/// of field names and indexes (`question[2].option`), which contain no `: `.
fn split(error: &str) -> (&str, &str) {
    error.split_once(": ").unwrap_or(("", error))
}

/// The value at a reader error's path.
fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut at = value;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        at = at.get(pieces.next()?)?;
        for index in pieces {
            at = at.get(index.strip_suffix(']')?.parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}
