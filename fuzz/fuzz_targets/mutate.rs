//! A structure-aware mutator for the JSON and TOML targets.
//!
//! libFuzzer's byte mutations rarely keep a JSON or TOML document well-formed,
//! and a differential target learns nothing from text that does not parse. Half
//! of the mutations here parse the input (JSON, or each NUL-separated JSON part;
//! else TOML), change one to three nodes of the tree and write it out again: a
//! value replaced by another type, `null`, an edge number or one of the model's
//! own field and variant names (from `dict/json.dict`); a key removed or added;
//! an element removed or duplicated; a node wrapped in an array or a one-key map;
//! an object turned into the array of its values; a node copied over another.
//! The other half, and whatever does not parse, get libFuzzer's own mutations.

use serde_json::{json, Map, Value};

/// The custom mutator: see the module documentation.
pub fn mutate(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    let mut rng = Rng(u64::from(seed).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    if rng.below(2) == 0 {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    match structured(&data[..size], &mut rng) {
        Some(out) if out.len() <= max_size && out.len() <= data.len() => {
            data[..out.len()].copy_from_slice(&out);
            out.len()
        }
        _ => libfuzzer_sys::fuzzer_mutate(data, size, max_size),
    }
}

/// The input with one part's tree changed, or `None` if nothing parses.
fn structured(input: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut parts: Vec<&[u8]> = match input.iter().position(|&b| b == 0) {
        Some(at) => vec![&input[..at], &input[at + 1..]],
        None => vec![input],
    };
    let which = rng.below(parts.len());
    let out = if let Ok(mut value) = serde_json::from_slice::<Value>(parts[which]) {
        edit(&mut value, rng);
        serde_json::to_vec(&value).ok()?
    } else {
        let text = std::str::from_utf8(parts[which]).ok()?;
        let table: toml::Table = text.parse().ok()?;
        let mut value = serde_json::to_value(&table).ok()?;
        edit(&mut value, rng);
        // `null` has no TOML form: such an edit fails here and libFuzzer mutates.
        let table: toml::Table = serde_json::from_value(value).ok()?;
        toml::to_string(&table).ok()?.into_bytes()
    };
    parts[which] = &out;
    Some(parts.join(&0u8))
}

/// One random edit of `root` (half the time), or two or three.
fn edit(root: &mut Value, rng: &mut Rng) {
    let edits = [1, 1, 2, 3][rng.below(4)];
    for _ in 0..edits {
        let mut pointers = Vec::new();
        collect(root, String::new(), &mut pointers);
        let target = pointers[rng.below(pointers.len())].clone();
        let donor = pointers[rng.below(pointers.len())].clone();
        let donor = root.pointer(&donor).cloned().unwrap_or(Value::Null);
        let Some(node) = root.pointer_mut(&target) else {
            continue;
        };
        match rng.below(11) {
            0 => *node = scalar(rng),
            1 => *node = Value::String(word(rng).to_owned()),
            2 => {
                *node = if rng.below(2) == 0 {
                    json!([])
                } else {
                    json!({})
                }
            }
            3 => {
                if let Value::Object(map) = node {
                    if let Some(key) = map.keys().nth(rng.below(map.len().max(1))).cloned() {
                        map.remove(&key);
                    }
                }
            }
            4 => {
                if let Value::Object(map) = node {
                    let value = if rng.below(2) == 0 {
                        scalar(rng)
                    } else {
                        donor
                    };
                    map.insert(word(rng).to_owned(), value);
                }
            }
            5 => {
                if let Value::Array(items) = node {
                    if !items.is_empty() {
                        let i = rng.below(items.len());
                        if rng.below(2) == 0 {
                            items.remove(i);
                        } else {
                            let copy = items[i].clone();
                            items.insert(i, copy);
                        }
                    }
                }
            }
            6 => {
                let inner = node.take();
                *node = if rng.below(2) == 0 {
                    json!([inner])
                } else {
                    let mut map = Map::new();
                    map.insert(word(rng).to_owned(), inner);
                    Value::Object(map)
                };
            }
            7 => {
                if let Value::Object(map) = node {
                    *node = Value::Array(std::mem::take(map).into_iter().map(|(_, v)| v).collect());
                }
            }
            8 => *node = donor,
            9 => {
                if let Value::String(s) = node {
                    let mut map = Map::new();
                    map.insert(std::mem::take(s), Value::Null);
                    *node = Value::Object(map);
                }
            }
            _ => {
                if let Value::String(s) = node {
                    match rng.below(4) {
                        0 => s.clear(),
                        1 => s.push(['x', '_', ' ', '\u{0}', 'é', '+', '1'][rng.below(7)]),
                        2 => *s = s.to_uppercase(),
                        _ => {
                            s.pop();
                        }
                    }
                }
            }
        }
    }
}

/// The JSON pointers of every node under `value`.
fn collect(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                collect(v, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn scalar(rng: &mut Rng) -> Value {
    [
        Value::Null,
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(2.5),
        json!(4_294_967_295_u64),
        json!(4_294_967_296_u64),
        json!(""),
        json!("x"),
    ][rng.below(11)]
    .clone()
}

/// One of the model's field and variant names, from `dict/json.dict`.
fn word(rng: &mut Rng) -> &'static str {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("../dict/json.dict")
            .lines()
            .filter_map(|line| line.strip_prefix("\"\\\"")?.strip_suffix("\\\"\""))
            .filter(|w| !w.is_empty())
            .collect()
    });
    words[rng.below(words.len())]
}

/// xorshift64*: enough randomness for picking edits, seeded by libFuzzer.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}
