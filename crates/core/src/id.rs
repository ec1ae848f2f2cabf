//! [`Id`]: a shared, immutable id string, as an [`crate::Evaluation`] names
//! indicators and questions.
//!
//! An evaluation lists an id per present indicator, two per piece of evidence and
//! one per open question, and the widget evaluates after every answer. With a
//! `String` each of those was an allocation and a copy: at a thousand questions
//! that was about half the time of an evaluation. A [`crate::Plan`] makes every id
//! once; an evaluation clones a reference count instead.
//!
//! An `Id` reads like a string: it dereferences to `str`, compares with `str` and
//! `String`, displays as its text, and serializes as a plain JSON string, so the
//! JSON of an evaluation is the same as with `String`s. It is an `Arc`, not an
//! `Rc`, so that an evaluation stays `Send` (the browser tests hold one across
//! threads).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A shared, immutable id string; cloning it shares the text instead of copying it.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    /// The id's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id(Arc::from(text))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        Id(Arc::from(text))
    }
}

impl From<&String> for Id {
    fn from(text: &String) -> Self {
        Id(Arc::from(text.as_str()))
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.as_ref().to_owned()
    }
}

/// Like `String`'s, so that an `Evaluation` debug-prints as before.
impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        **self == *other.0
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Id::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Id;

    #[test]
    fn reads_compares_and_serializes_like_a_string() {
        let id = Id::from("passport_kept");
        let copy = id.clone();
        assert_eq!(id, copy);
        assert_eq!(id, "passport_kept");
        assert_eq!("passport_kept", id);
        let text = String::from("passport_kept");
        assert_eq!(id, text);
        assert_eq!(text, id);
        assert_eq!(*"passport_kept", id);
        assert!(id.starts_with("passport"));
        assert_eq!(format!("{id} {id:?}"), "passport_kept \"passport_kept\"");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"passport_kept\"");
        let back: Id = serde_json::from_str("\"passport_kept\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(String::from(id), "passport_kept");
    }
}
