//! The UI strings of one language as a file, `ui/<lang>.json`, loaded when the
//! person's language is not built into the wasm.
//!
//! **Why.** Every UI language built in cost its strings in every first visit,
//! the eight besides English together a sizeable part of the wasm (issue #11,
//! "one language on the wire"; README, Performance and size). Now the wasm
//! carries English only (`cargo xtask build` builds it with
//! `--no-default-features`), which stays the fallback for a missing string; the
//! page's script fetches the person's language from the widget's own origin (the
//! `loadStrings` option, `www/options.js`, with the same stall timeout as every
//! download; the self-check page preloads its own language's file), and [`read`]
//! turns it into a [`Bundle`].
//!
//! **One source.** `riskscreen-prerender` writes the files with [`to_json`] from
//! the same compiled messages as the built-in bundles (`strings.rs`, compiled
//! from `src/i18n/<lang>.ftl`), so a file cannot say something the `.ftl` does
//! not; `tests` below read every file back and compare every message.
//!
//! **Kept once per page.** A language read is registered ([`register`]) for the
//! page's lifetime, whatever the number of mounts: its strings are leaked to be
//! `'static` like the built-in ones, and that stays bounded by the number of UI
//! languages ([`super::LANGUAGES`]) because a language is read only when it is
//! not there yet, and only after the whole file was read without error.
//!
//! **Format.** `{"lang": "uk", "messages": [[id, pattern], …]}`, where a pattern
//! is an array of parts: a string (text), `{"var": name}`, or `{"select": name,
//! "variants": [{"key": "one" or a number, "default": true, "value": pattern}]}`
//! (`default` only on the `*` variant). Pairs rather than an object: the order
//! is the file's, and no id can meet a property of `Object.prototype`.

use std::cell::RefCell;

use super::fluent::{Bundle, Key, Part, Variant};
use crate::config::read::Json;
use crate::js::loader::Loader;

/// How deep select expressions may nest in a file (the `.ftl` files nest one
/// deep); a deeper file is refused before the reader recurses further.
pub const MAX_SELECT_DEPTH: usize = 4;

thread_local! {
    /// The languages read from files on this page, each once.
    static LOADED: RefCell<Vec<Bundle>> = const { RefCell::new(Vec::new()) };
}

/// The bundles read from files so far.
pub fn loaded() -> Vec<Bundle> {
    // `try_borrow`: the panic panel asks too, and must not panic again.
    LOADED.with(|loaded| loaded.try_borrow().map(|l| l.clone()).unwrap_or_default())
}

/// The bundle of `lang` (a primary subtag) read from a file, if any: looked up
/// in place, as every UI string on every render asks.
pub fn find(lang: &str) -> Option<Bundle> {
    LOADED.with(|loaded| {
        loaded
            .try_borrow()
            .ok()?
            .iter()
            .copied()
            .find(|b| b.lang() == lang)
    })
}

/// Keeps `bundle` for the rest of the page's life (a language already there
/// stays as it was).
pub fn register(bundle: Bundle) {
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        if !loaded.iter().any(|b| b.lang() == bundle.lang()) {
            loaded.push(bundle);
        }
    });
}

/// `bundle` as the file `ui/<lang>.json` (the widget's messages; the
/// prerendered page's `page-*` ones are not in it).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(bundle: &Bundle) -> String {
    use serde_json::{json, Value};
    fn pattern(parts: &[Part]) -> Value {
        Value::Array(
            parts
                .iter()
                .map(|part| match *part {
                    Part::Text(text) => json!(text),
                    Part::Var(name) => json!({ "var": name }),
                    Part::Select(name, variants) => {
                        let variants: Vec<Value> = variants
                            .iter()
                            .map(|v| {
                                let key = match v.key {
                                    Key::Num(n) => json!(n),
                                    Key::Name(name) => json!(name),
                                };
                                let mut variant = json!({ "key": key, "value": pattern(v.value) });
                                if v.default {
                                    variant["default"] = json!(true);
                                }
                                variant
                            })
                            .collect();
                        json!({ "select": name, "variants": variants })
                    }
                })
                .collect(),
        )
    }
    let messages: Vec<Value> = bundle
        .messages()
        .iter()
        .map(|(id, parts)| json!([id, pattern(parts)]))
        .collect();
    let mut text = serde_json::to_string(&json!({ "lang": bundle.lang(), "messages": messages }))
        .expect("a JSON value serializes");
    text.push('\n');
    text
}

/// A part as read, owned until the whole file has been read.
enum Read {
    Text(String),
    Var(String),
    Select(String, Vec<(ReadKey, bool, Vec<Read>)>),
}

enum ReadKey {
    Num(u64),
    Name(String),
}

/// Reads the file of `lang` (parsed JSON) into a bundle. Refuses a file of
/// another language, and names the message and field of any problem.
pub fn read<J: Json>(value: &J, lang: &str) -> Result<Bundle, String> {
    let file_lang = value
        .get("lang")
        .and_then(|v| v.string())
        .ok_or("the UI strings file has no `lang`")?;
    if !file_lang.eq_ignore_ascii_case(lang) {
        return Err(format!(
            "the UI strings file is for `{file_lang}`, not `{lang}`"
        ));
    }
    let items = value
        .get("messages")
        .and_then(|v| v.items())
        .ok_or("the UI strings file's `messages` is not an array")?;
    let mut messages = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let pair = item
            .items()
            .filter(|pair| pair.len() == 2)
            .ok_or_else(|| format!("messages[{i}]: expected [id, pattern]"))?;
        let id = pair[0]
            .string()
            .ok_or_else(|| format!("messages[{i}]: the id is not a string"))?;
        let parts = read_pattern(&pair[1], 0).map_err(|e| format!("messages[{i}] `{id}`: {e}"))?;
        messages.push((id, parts));
    }
    // Everything read: only now made 'static (see the module doc).
    let messages: Vec<(&'static str, &'static [Part])> = messages
        .into_iter()
        .map(|(id, parts)| (leak(id), leak_pattern(parts)))
        .collect();
    Ok(Bundle::new(
        leak(lang.to_ascii_lowercase()),
        messages.leak(),
    ))
}

fn read_pattern<J: Json>(value: &J, depth: usize) -> Result<Vec<Read>, String> {
    let parts = value.items().ok_or("a pattern must be an array")?;
    let mut out = Vec::with_capacity(parts.len());
    for part in &parts {
        if let Some(text) = part.string() {
            out.push(Read::Text(text));
        } else if let Some(name) = part.get("var").and_then(|v| v.string()) {
            out.push(Read::Var(name));
        } else if let Some(name) = part.get("select").and_then(|v| v.string()) {
            if depth >= MAX_SELECT_DEPTH {
                return Err(format!("selects nested deeper than {MAX_SELECT_DEPTH}"));
            }
            let variants = part
                .get("variants")
                .and_then(|v| v.items())
                .ok_or("a select without `variants`")?;
            let mut read = Vec::with_capacity(variants.len());
            for variant in &variants {
                let key = variant.get("key").ok_or("a variant without `key`")?;
                let key = match (key.string(), key.u32()) {
                    (Some(name), _) => ReadKey::Name(name),
                    (None, Some(n)) => ReadKey::Num(u64::from(n)),
                    _ => return Err("a variant's key must be a name or a number".into()),
                };
                let default = variant.get("default").and_then(|v| v.boolean()) == Some(true);
                let value = variant.get("value").ok_or("a variant without `value`")?;
                read.push((key, default, read_pattern(&value, depth + 1)?));
            }
            if read.iter().filter(|(_, default, _)| *default).count() != 1 {
                return Err("a select needs exactly one default variant".into());
            }
            out.push(Read::Select(name, read));
        } else {
            return Err("a part must be a string, {\"var\"} or {\"select\"}".into());
        }
    }
    Ok(out)
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_pattern(parts: Vec<Read>) -> &'static [Part] {
    let parts: Vec<Part> = parts
        .into_iter()
        .map(|part| match part {
            Read::Text(text) => Part::Text(leak(text)),
            Read::Var(name) => Part::Var(leak(name)),
            Read::Select(name, variants) => {
                let variants: Vec<Variant> = variants
                    .into_iter()
                    .map(|(key, default, value)| Variant {
                        key: match key {
                            ReadKey::Num(n) => Key::Num(n),
                            ReadKey::Name(name) => Key::Name(leak(name)),
                        },
                        default,
                        value: leak_pattern(value),
                    })
                    .collect();
                Part::Select(leak(name), variants.leak())
            }
        })
        .collect();
    parts.leak()
}

/// Makes sure the UI strings of `lang` are there: built in, read before, or
/// now loaded through `loader` (the `loadStrings` option). A language without a
/// UI file is shown with English strings, as before. Fails when the file cannot
/// be loaded or read.
#[cfg(target_arch = "wasm32")]
pub async fn ensure(loader: Option<&Loader>, lang: &str) -> Result<(), String> {
    let lang = super::primary(lang);
    if !super::strings_missing(&lang) {
        return Ok(());
    }
    let loader = loader.ok_or_else(|| {
        format!("no loadStrings option, so the `{lang}` UI strings cannot be loaded")
    })?;
    let value = loader.json(&lang).await?;
    // Another mount may have read it while this one waited.
    if !super::has_strings(&lang) {
        register(read(&value, &lang).map_err(|e| format!("ui/{lang}.json: {e}"))?);
    }
    Ok(())
}

/// Natively (tests, the prerenderer) every UI language is built in.
#[cfg(not(target_arch = "wasm32"))]
pub async fn ensure(_loader: Option<&Loader>, lang: &str) -> Result<(), String> {
    if super::strings_missing(lang) {
        return Err(format!("the `{lang}` UI strings are not built in"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{sample_args, Locales, SAMPLE_COUNTS};

    fn parse(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    /// Every built-in language, written and read back, formats every message
    /// as the built-in bundle does, for every plural branch.
    #[test]
    fn every_language_round_trips() {
        for bundle in Locales::new().bundles() {
            let read = read(&parse(&to_json(&bundle)), bundle.lang()).unwrap();
            assert_eq!(read.lang(), bundle.lang());
            assert_eq!(read.messages().len(), bundle.messages().len());
            for ((id, _), (read_id, _)) in bundle.messages().iter().zip(read.messages()) {
                assert_eq!(id, read_id);
                for n in SAMPLE_COUNTS {
                    let args = sample_args(n);
                    assert_eq!(
                        read.format(id, &args),
                        bundle.format(id, &args),
                        "{} `{id}` with {n}",
                        bundle.lang()
                    );
                }
            }
        }
    }

    #[test]
    fn broken_files_are_refused_with_the_place() {
        let cases = [
            (r#"{"messages": []}"#, "no `lang`"),
            (r#"{"lang": "pl", "messages": []}"#, "is for `pl`, not `uk`"),
            (r#"{"lang": "uk", "messages": {}}"#, "is not an array"),
            (
                r#"{"lang": "uk", "messages": [["a"]]}"#,
                "messages[0]: expected [id, pattern]",
            ),
            (
                r#"{"lang": "uk", "messages": [[1, []]]}"#,
                "the id is not a string",
            ),
            (
                r#"{"lang": "uk", "messages": [["a", [1]]]}"#,
                "messages[0] `a`: a part must be",
            ),
            (
                r#"{"lang": "uk", "messages": [["a", [{"select": "n", "variants": [{"key": "one", "value": []}]}]]]}"#,
                "exactly one default",
            ),
            (
                r#"{"lang": "uk", "messages": [["a", [{"select": "n", "variants": [{"key": true, "default": true, "value": []}]}]]]}"#,
                "a name or a number",
            ),
        ];
        for (text, expected) in cases {
            let error = read(&parse(text), "uk").map(|_| ()).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
        // Nesting past the limit is refused, not recursed into.
        let mut pattern = String::from("[\"x\"]");
        for _ in 0..=MAX_SELECT_DEPTH {
            pattern = format!(
                r#"[{{"select": "n", "variants": [{{"key": "other", "default": true, "value": {pattern}}}]}}]"#
            );
        }
        let text = format!(r#"{{"lang": "uk", "messages": [["a", {pattern}]]}}"#);
        let error = read(&parse(&text), "uk").map(|_| ()).unwrap_err();
        assert!(error.contains("nested deeper"), "{error}");
    }

    #[test]
    fn a_registered_language_is_used_and_kept_once() {
        let file = r#"{"lang": "zz", "messages": [["exit-button", ["Geh"]]]}"#;
        assert!(!crate::i18n::has_strings("zz"));
        register(read(&parse(file), "zz").unwrap());
        register(read(&parse(file.replace("Geh", "Other").as_str()), "zz").unwrap());
        assert!(crate::i18n::has_strings("zz-ZZ"));
        let locales = Locales::new();
        assert_eq!(locales.format("zz", "exit-button", &[]), "Geh");
        // A message the file lacks falls back to English.
        assert_eq!(
            locales.format("zz", "exit-hint", &[]),
            "or press Shift 3 times"
        );
        assert_eq!(loaded().iter().filter(|b| b.lang() == "zz").count(), 1);
    }
}
