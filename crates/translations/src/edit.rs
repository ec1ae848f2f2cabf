//! Writing a translation into the TOML source, keeping its comments and layout.
//!
//! `toml_edit` keeps every byte it is not asked to change. A new language goes
//! right after the last key of the string's table, as a basic string (`"…"`, with
//! escapes) like the rest of the file, and takes over the spacing of the entry
//! before it: `{ en = "A", uk = "Б" }` gets `, pl = "C" }`, `{en="A"}` gets
//! `, pl="C"}`, and in a standard table (`[question.text]`) the new line is
//! indented like the previous one. Changing an existing translation keeps the
//! value's surrounding spaces and trailing comment.

use std::str::FromStr;

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::strings::Place;

/// What writing one translation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The language was added to the string's table.
    Added,
    /// The existing text was replaced.
    Changed,
    /// The text was already this.
    Unchanged,
}

/// Why a translation could not be written into the TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The language's key holds something other than a string.
    NotAString(String),
    /// The key's place holds no table of languages.
    NotATable,
    /// No element of the array has the id.
    NoElement {
        /// The id's key (`id`, `country`).
        key: String,
        /// The id looked for.
        id: String,
    },
    /// The text could not be made a TOML string (toml_edit's message).
    NotToml(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NotAString(lang) => write!(f, "`{lang}` is not a string here"),
            EditError::NotATable => f.write_str("the string is not a table of languages here"),
            EditError::NoElement { key, id } => write!(f, "no element with {key} = \"{id}\""),
            EditError::NotToml(e) => write!(f, "cannot write the text as TOML: {e}"),
        }
    }
}

impl std::error::Error for EditError {}

/// Sets the `lang` text of the string at `place` to `text`.
pub fn set_text(
    doc: &mut DocumentMut,
    place: &Place,
    lang: &str,
    text: &str,
) -> Result<Change, EditError> {
    let mut table = text_table(doc, place)?;
    let new_value = basic_string(text)?;
    if let Some(item) = table.get_mut(lang) {
        let Some(old) = item.as_value_mut() else {
            return Err(EditError::NotAString(lang.to_owned()));
        };
        if old.as_str() == Some(text) {
            return Ok(Change::Unchanged);
        }
        let decor = old.decor().clone();
        *old = new_value;
        *old.decor_mut() = decor;
        return Ok(Change::Changed);
    }
    insert_last(table, lang, new_value);
    Ok(Change::Added)
}

/// `text` as a TOML basic string, whatever it contains.
fn basic_string(text: &str) -> Result<Value, EditError> {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    Value::from_str(&quoted).map_err(|e| EditError::NotToml(e.to_string()))
}

/// Appends `lang = value` after the table's last entry, spaced like that entry.
fn insert_last(table: TextTable<'_>, lang: &str, mut value: Value) {
    let inline = matches!(table, TextTable::Inline(_));
    let table: &mut dyn TableLike = match table {
        TextTable::Inline(t) => t,
        TextTable::Standard(t) => t,
    };
    let last_key = table.iter().last().map(|(k, _)| k.to_owned());
    // (prefix, suffix) of the new key; `None` leaves toml_edit's default.
    let mut key_decor: (Option<String>, Option<String>) = (None, None);
    if let Some(last) = last_key {
        let (key_prefix, key_suffix) = table
            .key(&last)
            .map(|k| {
                let d = k.leaf_decor();
                (raw(d.prefix()), raw(d.suffix()))
            })
            .unwrap_or_default();
        let (value_prefix, value_suffix) = table
            .get(&last)
            .and_then(Item::as_value)
            .map(|v| (raw(v.decor().prefix()), raw(v.decor().suffix())))
            .unwrap_or_default();
        if let Some(p) = value_prefix {
            value.decor_mut().set_prefix(p);
        }
        if inline {
            // `{en="A"}`: the first key has no space before it; the next one needs one
            // after the comma.
            key_decor = (
                Some(
                    key_prefix
                        .filter(|p| !p.is_empty())
                        .unwrap_or_else(|| " ".to_owned()),
                ),
                key_suffix,
            );
            // The space before `}` moves to the new last value.
            if let Some(s) = value_suffix {
                value.decor_mut().set_suffix(s);
                if let Some(v) = table.get_mut(&last).and_then(Item::as_value_mut) {
                    v.decor_mut().set_suffix("");
                }
            }
        } else {
            // A standard table: the same indentation and spacing around `=`, and no
            // trailing comment.
            key_decor = (
                key_prefix.filter(|p| p.chars().all(|c| c == ' ' || c == '\t')),
                key_suffix,
            );
        }
    }
    table.insert(lang, Item::Value(value));
    // Set afterwards: `TableLike::entry_format` drops a key's decor.
    if let Some(mut key) = table.key_mut(lang) {
        let decor = key.leaf_decor_mut();
        if let Some(p) = key_decor.0 {
            decor.set_prefix(p);
        }
        if let Some(s) = key_decor.1 {
            decor.set_suffix(s);
        }
    }
}

fn raw(r: Option<&toml_edit::RawString>) -> Option<String> {
    r.and_then(|r| r.as_str()).map(str::to_owned)
}

/// A string's table of languages, as written.
enum TextTable<'d> {
    /// `text = { en = "…" }`.
    Inline(&'d mut InlineTable),
    /// `[question.text]` or dotted keys `text.en = "…"`.
    Standard(&'d mut Table),
}

impl TextTable<'_> {
    fn get_mut(&mut self, key: &str) -> Option<&mut Item> {
        match self {
            TextTable::Inline(t) => TableLike::get_mut(*t, key),
            TextTable::Standard(t) => t.get_mut(key),
        }
    }
}

/// The table of languages of the string at `place`.
fn text_table<'d>(doc: &'d mut DocumentMut, place: &Place) -> Result<TextTable<'d>, EditError> {
    let root = doc.as_table_mut();
    let item = match place {
        Place::Root(field) => root.get_mut(field),
        Place::Element {
            array,
            id_key,
            id,
            field,
        } => element(root.get_mut(array), id_key, id)?.get_mut(field),
        Place::OptionLabel { question, option } => {
            let q = element(root.get_mut("question"), "id", question)?;
            element(q.get_mut("option"), "id", option)?.get_mut("label")
        }
    };
    match item {
        Some(Item::Table(t)) => Ok(TextTable::Standard(t)),
        Some(Item::Value(Value::InlineTable(t))) => Ok(TextTable::Inline(t)),
        _ => Err(EditError::NotATable),
    }
}

/// The element of an array of tables (or array of inline tables) with `key = id`.
fn element<'d>(
    array: Option<&'d mut Item>,
    key: &str,
    id: &str,
) -> Result<&'d mut dyn TableLike, EditError> {
    let found: Option<&'d mut dyn TableLike> = match array {
        Some(Item::ArrayOfTables(tables)) => tables
            .iter_mut()
            .find(|t| t.get(key).and_then(Item::as_str) == Some(id))
            .map(|t| t as &mut dyn TableLike),
        Some(Item::Value(Value::Array(values))) => values
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .find(|t| t.get(key).and_then(Value::as_str) == Some(id))
            .map(|t| t as &mut dyn TableLike),
        _ => None,
    };
    found.ok_or_else(|| EditError::NoElement {
        key: key.to_owned(),
        id: id.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(array: &'static str, id: &str, field: &'static str) -> Place {
        Place::Element {
            array,
            id_key: "id",
            id: id.to_owned(),
            field,
        }
    }

    /// Applies `(place, lang, text)` edits to `source` and returns the new text.
    fn edited(source: &str, edits: &[(Place, &str, &str)]) -> String {
        let mut doc: DocumentMut = source.parse().unwrap();
        for (place, lang, text) in edits {
            set_text(&mut doc, place, lang, text).unwrap();
        }
        doc.to_string()
    }

    #[test]
    fn untouched_files_are_written_back_byte_for_byte() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires");
        for name in ["self-check.toml", "ngo-intake.toml", "helplines.toml"] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let doc: DocumentMut = text.parse().unwrap();
            assert!(
                doc.to_string() == text,
                "{name} changed by a parse and write"
            );
        }
    }

    #[test]
    fn a_new_language_follows_the_last_one_in_the_same_style() {
        let source = "# top\n\
            title = { en = \"A\", uk = \"Б\" }   # why\n\
            description = {en=\"D\"}\n\
            \n\
            [[question]]\n\
            id = \"q1\"\n\
            text = { en = \"Q\" } # keep\n\
            \n\
            [question.why]\n\
            \x20 en = \"because\"\n\
            \n\
            [[question.option]]\n\
            id = \"o1\"\n\
            label = { en = \"O\" }\n\
            \n\
            [[band]]\n\
            id = \"b\"\n\
            label = { en = \"L\" }\n";
        let got = edited(
            source,
            &[
                (Place::Root("title"), "pl", "Tytuł \"x\" \\ y\nz"),
                (Place::Root("description"), "pl", "Opis"),
                (element("question", "q1", "text"), "pl", "Pytanie"),
                (element("question", "q1", "why"), "pl", "bo"),
                (
                    Place::OptionLabel {
                        question: "q1".into(),
                        option: "o1".into(),
                    },
                    "pl",
                    "Opcja",
                ),
                (element("band", "b", "label"), "uk", "Рівень"),
            ],
        );
        let expected = "# top\n\
            title = { en = \"A\", uk = \"Б\", pl = \"Tytuł \\\"x\\\" \\\\ y\\nz\" }   # why\n\
            description = {en=\"D\", pl=\"Opis\"}\n\
            \n\
            [[question]]\n\
            id = \"q1\"\n\
            text = { en = \"Q\", pl = \"Pytanie\" } # keep\n\
            \n\
            [question.why]\n\
            \x20 en = \"because\"\n\
            \x20 pl = \"bo\"\n\
            \n\
            [[question.option]]\n\
            id = \"o1\"\n\
            label = { en = \"O\", pl = \"Opcja\" }\n\
            \n\
            [[band]]\n\
            id = \"b\"\n\
            label = { en = \"L\", uk = \"Рівень\" }\n";
        assert_eq!(got, expected);
        // What was written reads back as the same text.
        let doc: DocumentMut = got.parse().unwrap();
        assert_eq!(doc["title"]["pl"].as_str(), Some("Tytuł \"x\" \\ y\nz"));
    }

    #[test]
    fn a_changed_translation_keeps_its_place_and_spacing() {
        let source = "title = { en = \"A\", uk = \"old\" , de = \"D\" }\n";
        let mut doc: DocumentMut = source.parse().unwrap();
        assert_eq!(
            set_text(&mut doc, &Place::Root("title"), "uk", "new"),
            Ok(Change::Changed)
        );
        assert_eq!(
            set_text(&mut doc, &Place::Root("title"), "de", "D"),
            Ok(Change::Unchanged)
        );
        assert_eq!(
            doc.to_string(),
            "title = { en = \"A\", uk = \"new\" , de = \"D\" }\n"
        );
    }

    #[test]
    fn countries_by_code_and_arrays_of_inline_tables() {
        let source = "country = [{ code = \"UA\", name = { en = \"Ukraine\" } }]\n";
        let place = Place::Element {
            array: "country",
            id_key: "code",
            id: "UA".into(),
            field: "name",
        };
        assert_eq!(
            edited(source, &[(place, "uk", "Україна")]),
            "country = [{ code = \"UA\", name = { en = \"Ukraine\", uk = \"Україна\" } }]\n"
        );
    }

    #[test]
    fn a_place_the_file_does_not_have_is_an_error() {
        let mut doc: DocumentMut = "title = \"plain\"\n[[question]]\nid = \"q\"\n"
            .parse()
            .unwrap();
        assert!(set_text(&mut doc, &Place::Root("title"), "uk", "x").is_err());
        assert!(set_text(&mut doc, &element("question", "nope", "text"), "uk", "x").is_err());
        assert!(set_text(&mut doc, &element("band", "b", "label"), "uk", "x").is_err());
    }
}
