//! [`LenientBool`]: a boolean that Razorpay sometimes sends as `"1"` or `1`.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A boolean field as Razorpay really sends it: usually `true`/`false`, but some objects carry
/// `"1"`/`"0"`, `"true"`/`"false"` or `1`/`0` (e.g. `"captured": "1"` in the documented
/// `subscription.activated` webhook). [`get`](Self::get) reads the value; serialising writes
/// back the representation that was received.
///
/// Two `LenientBool`s are equal when their values are, whatever their representation.
///
/// ```
/// use razorpay_core::model::LenientBool;
///
/// let captured: LenientBool = serde_json::from_str(r#""1""#)?;
/// assert!(captured.get());
/// assert_eq!(captured, LenientBool::from(true));
/// assert_eq!(serde_json::to_string(&captured)?, r#""1""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct LenientBool {
    value: bool,
    repr: Repr,
}

#[derive(Debug, Clone)]
enum Repr {
    Bool,
    Text(String),
    Number(u64),
}

impl LenientBool {
    /// The boolean value.
    pub fn get(&self) -> bool {
        self.value
    }
}

// A lenient boolean crosses uniffi as a plain boolean (how Razorpay spelled it stays in Rust).
#[cfg(feature = "uniffi")]
uniffi::custom_type!(LenientBool, bool, {
    lower: |flag| flag.get(),
    try_lift: |flag| Ok(LenientBool::from(flag)),
});

impl From<bool> for LenientBool {
    fn from(value: bool) -> Self {
        Self {
            value,
            repr: Repr::Bool,
        }
    }
}

impl From<LenientBool> for bool {
    fn from(value: LenientBool) -> Self {
        value.value
    }
}

impl PartialEq for LenientBool {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for LenientBool {}

impl crate::model::wire::Absent for LenientBool {
    fn is_absent(&self) -> bool {
        false
    }
}

impl Serialize for LenientBool {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.repr {
            Repr::Bool => serializer.serialize_bool(self.value),
            Repr::Text(text) => serializer.serialize_str(text),
            Repr::Number(number) => serializer.serialize_u64(*number),
        }
    }
}

impl<'de> Deserialize<'de> for LenientBool {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientBoolVisitor)
    }
}

struct LenientBoolVisitor;

impl Visitor<'_> for LenientBoolVisitor {
    type Value = LenientBool;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(r#"a boolean, "1"/"0", "true"/"false" or 1/0"#)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<LenientBool, E> {
        Ok(LenientBool::from(value))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<LenientBool, E> {
        match number {
            0 | 1 => Ok(LenientBool {
                value: number == 1,
                repr: Repr::Number(number),
            }),
            _ => Err(E::invalid_value(de::Unexpected::Unsigned(number), &self)),
        }
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<LenientBool, E> {
        match u64::try_from(number) {
            Ok(number) => self.visit_u64(number),
            Err(_) => Err(E::invalid_value(de::Unexpected::Signed(number), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<LenientBool, E> {
        let value = match text {
            "1" | "true" | "TRUE" | "True" => true,
            "0" | "false" | "FALSE" | "False" => false,
            _ => return Err(E::invalid_value(de::Unexpected::Str(text), &self)),
        };
        Ok(LenientBool {
            value,
            repr: Repr::Text(text.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_representation_and_writes_it_back() {
        for (json, value) in [
            ("true", true),
            ("false", false),
            (r#""1""#, true),
            (r#""0""#, false),
            ("1", true),
            ("0", false),
            (r#""true""#, true),
        ] {
            let parsed: LenientBool = serde_json::from_str(json).unwrap();
            assert_eq!(parsed.get(), value, "{json}");
            assert_eq!(serde_json::to_string(&parsed).unwrap(), json);
        }
    }

    #[test]
    fn rejects_other_values() {
        for json in ["2", "-1", r#""yes""#, "null", "[]", "1.0"] {
            assert!(serde_json::from_str::<LenientBool>(json).is_err(), "{json}");
        }
    }
}
