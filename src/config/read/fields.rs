//! Reading one value: an object's fields against a struct's (an unknown one
//! refused; required, `Option` and `default` fields as serde reads them), and
//! the plain values: strings, booleans, whole numbers, lists, [`Text`] and the
//! names of unit variants.

use riskscreen_core::Text;

use super::{Json, Reader, Segment};

/// `lead` then `names`, comma-separated: by hand, as `[&str]::join` would be
/// a second copy of `join` in the wasm beside the `[String]` one (README,
/// Performance and size).
fn one_of(lead: &str, names: &[&str]) -> String {
    let mut message = lead.to_owned();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(name);
    }
    message
}

/// An object whose keys were checked against a struct's fields.
pub(super) struct Object<'r, 'a, V> {
    r: &'r mut Reader,
    value: &'a V,
}

impl<'r, 'a, V: Json> Object<'r, 'a, V> {
    pub(super) fn new(r: &'r mut Reader, value: &'a V, fields: &[&str]) -> Self {
        match value.keys() {
            None => r.fail("expected an object"),
            Some(keys) => {
                if let Some(unknown) = keys.iter().find(|k| !fields.contains(&k.as_str())) {
                    r.fail_under(unknown, &one_of("unknown field, expected one of ", fields));
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
    pub(super) fn required<T>(&mut self, key: &'static str, read: fn(&mut Reader, &V) -> T) -> T {
        let value = self.value.get(key);
        if value.is_none() {
            self.r.fail_under(key, "missing field");
        }
        // A missing field is read as `null`: a placeholder, its error ignored.
        self.read(key, &value.unwrap_or_else(V::null), read)
    }

    /// An `Option` field: absent or `null` is `None`.
    pub(super) fn optional<T>(
        &mut self,
        key: &'static str,
        read: fn(&mut Reader, &V) -> T,
    ) -> Option<T> {
        match self.value.get(key) {
            Some(v) if !v.is_null() => Some(self.read(key, &v, read)),
            _ => None,
        }
    }

    /// A `#[serde(default)]` field: absent is the default (`null` is not).
    pub(super) fn or_default<T: Default>(
        &mut self,
        key: &'static str,
        read: fn(&mut Reader, &V) -> T,
    ) -> T {
        self.or_else(key, read, T::default)
    }

    /// A `#[serde(default = "…")]` field: absent is `default()` (`null` is not, as
    /// for serde: only an `Option` reads `null` as absent).
    pub(super) fn or_else<T>(
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

pub(super) fn string<V: Json>(r: &mut Reader, v: &V) -> String {
    v.string().unwrap_or_else(|| {
        r.fail("expected a string");
        String::new()
    })
}

pub(super) fn boolean<V: Json>(r: &mut Reader, v: &V) -> bool {
    v.boolean().unwrap_or_else(|| {
        r.fail("expected true or false");
        false
    })
}

pub(super) fn number<V: Json>(r: &mut Reader, v: &V) -> u32 {
    v.u32().unwrap_or_else(|| {
        r.fail("expected a whole number from 0 to 4294967295");
        0
    })
}

pub(super) fn list<V: Json, T>(r: &mut Reader, v: &V, read: fn(&mut Reader, &V) -> T) -> Vec<T> {
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

pub(super) fn strings<V: Json>(r: &mut Reader, v: &V) -> Vec<String> {
    list(r, v, string)
}

/// [`Text`] is `transparent`: an object of language code → text.
pub(super) fn text<V: Json>(r: &mut Reader, v: &V) -> Text {
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
pub(super) fn choice<V: Json, T: Copy>(r: &mut Reader, v: &V, variants: &[(&str, T)]) -> T {
    let name = v.string();
    match variants.iter().find(|(n, _)| Some(*n) == name.as_deref()) {
        Some(&(_, variant)) => variant,
        None => {
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            r.fail(&one_of("expected one of ", &names));
            variants[0].1
        }
    }
}
