//! [`Notes`]: Razorpay's free-form key-value notes, in every shape Razorpay sends them.

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// The `notes` of an order, payment, refund, … : up to 15 key-value pairs set by the merchant.
///
/// Razorpay sends empty notes as `[]` (a PHP empty array), populated ones as an object, and
/// `null` on some objects. All three parse; serialising writes back the shape that was received
/// (an empty `Notes` built in code serialises as `{}`).
///
/// Values are almost always strings; [`Notes::get`] reads those, and [`Notes::get_value`] any
/// other JSON value that was sent.
///
/// ```
/// use razorpay_core::model::Notes;
///
/// let empty: Notes = serde_json::from_str("[]")?;
/// assert!(empty.is_empty());
/// assert_eq!(serde_json::to_string(&empty)?, "[]");
///
/// let notes: Notes = serde_json::from_str(r#"{"policy_name":"Jeevan Bima"}"#)?;
/// assert_eq!(notes.get("policy_name"), Some("Jeevan Bima"));
///
/// let built: Notes = [("cart_id", "c_42")].into_iter().collect();
/// assert_eq!(serde_json::to_string(&built)?, r#"{"cart_id":"c_42"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    entries: Map<String, Value>,
    shape: Shape,
}

/// How the notes were written on the wire, so that re-serialising reproduces it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Shape {
    /// The field was not there at all.
    #[default]
    Missing,
    Object,
    /// A JSON array: `[]`, or a list whose values are kept under the keys "0", "1", …
    Array,
    Null,
}

impl Notes {
    /// Empty notes.
    pub fn new() -> Self {
        Self::default()
    }

    /// The string value of a note, if it is present and a string.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).and_then(Value::as_str)
    }

    /// The raw JSON value of a note.
    pub fn get_value(&self, key: &str) -> Option<&Value> {
        self.entries.get(key)
    }

    /// Sets a note, returning the previous value.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) -> Option<Value> {
        self.entries.insert(key.into(), value.into())
    }

    /// Removes a note, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.entries.remove(key)
    }

    /// The number of notes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no notes (also true for `[]`, `null` or a missing field).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The notes in the order received.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries
            .iter()
            .map(|(key, value)| (key.as_str(), value))
    }

    /// The notes as a JSON object map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.entries
    }

    fn is_list(&self) -> bool {
        self.entries
            .keys()
            .enumerate()
            .all(|(i, key)| key.parse::<usize>() == Ok(i))
    }
}

impl crate::model::wire::Absent for Notes {
    fn is_absent(&self) -> bool {
        self.shape == Shape::Missing && self.entries.is_empty()
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Notes {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            shape: Shape::Object,
        }
    }
}

// Notes cross uniffi as a string map (Kotlin `Map<String, String>`, Swift `[String: String]`,
// Python `dict`): a value Razorpay sent as another JSON type comes out as its JSON text. Notes
// coming in are sorted by key, so the same notes always give the same request body.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Notes, std::collections::HashMap<String, String>, {
    lower: |notes| {
        notes
            .iter()
            .map(|(key, value)| match value {
                Value::String(text) => (key.to_owned(), text.clone()),
                other => (key.to_owned(), other.to_string()),
            })
            .collect()
    },
    try_lift: |map| {
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort();
        Ok(entries.into_iter().collect())
    },
});

impl From<Map<String, Value>> for Notes {
    fn from(entries: Map<String, Value>) -> Self {
        Self {
            entries,
            shape: Shape::Object,
        }
    }
}

impl Serialize for Notes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.shape {
            Shape::Null if self.entries.is_empty() => serializer.serialize_none(),
            Shape::Array if self.is_list() => {
                let mut seq = serializer.serialize_seq(Some(self.entries.len()))?;
                for value in self.entries.values() {
                    seq.serialize_element(value)?;
                }
                seq.end()
            }
            _ => {
                let mut map = serializer.serialize_map(Some(self.entries.len()))?;
                for (key, value) in &self.entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Notes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NotesVisitor)
    }
}

struct NotesVisitor;

impl<'de> Visitor<'de> for NotesVisitor {
    type Value = Notes;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("notes as an object, an array or null")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Notes, E> {
        Ok(Notes {
            entries: Map::new(),
            shape: Shape::Null,
        })
    }

    fn visit_none<E: de::Error>(self) -> Result<Notes, E> {
        self.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Notes, A::Error> {
        let mut entries = Map::new();
        while let Some((key, value)) = access.next_entry::<String, Value>()? {
            entries.insert(key, value);
        }
        Ok(Notes {
            entries,
            shape: Shape::Object,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Notes, A::Error> {
        let mut entries = Map::new();
        while let Some(value) = access.next_element::<Value>()? {
            entries.insert(entries.len().to_string(), value);
        }
        Ok(Notes {
            entries,
            shape: Shape::Array,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(json: &str) -> String {
        let notes: Notes = serde_json::from_str(json).unwrap();
        serde_json::to_string(&notes).unwrap()
    }

    #[test]
    fn every_shape_round_trips() {
        for json in [
            "[]",
            "{}",
            "null",
            r#"{"a":"1","b":"2"}"#,
            r#"["x","y"]"#,
            r#"{"n":5}"#,
        ] {
            assert_eq!(roundtrip(json), json);
        }
    }

    #[test]
    fn array_and_null_read_as_empty() {
        for json in ["[]", "null", "{}"] {
            let notes: Notes = serde_json::from_str(json).unwrap();
            assert!(notes.is_empty(), "{json}");
            assert_eq!(notes.len(), 0);
            assert_eq!(notes.get("a"), None);
        }
    }

    #[test]
    fn editing_an_empty_array_writes_an_object() {
        let mut notes: Notes = serde_json::from_str("[]").unwrap();
        notes.insert("cart", "c_1");
        assert_eq!(serde_json::to_string(&notes).unwrap(), r#"{"cart":"c_1"}"#);
        assert_eq!(notes.remove("cart"), Some(Value::from("c_1")));
    }

    #[test]
    fn rejects_scalars() {
        assert!(serde_json::from_str::<Notes>("\"x\"").is_err());
        assert!(serde_json::from_str::<Notes>("1").is_err());
    }

    #[test]
    fn built_notes_are_an_object() {
        assert_eq!(serde_json::to_string(&Notes::new()).unwrap(), "{}");
        let notes: Notes = [("k", "v")].into_iter().collect();
        assert_eq!(notes.iter().collect::<Vec<_>>(), [("k", &Value::from("v"))]);
    }
}
