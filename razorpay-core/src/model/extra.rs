//! [`Extra`]: the fields of a Razorpay object that this version does not model.

use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Fields of a Razorpay object that this library does not model, kept exactly as received.
///
/// Razorpay adds fields to its objects at any time. They land here instead of failing the parse
/// or being dropped, and serialising the object writes them back. `Extra` dereferences to a JSON
/// map, so `payment.extra.get("fee_bearer")` reads one.
///
/// It also remembers which *modelled* fields were sent as an explicit `null`: the typed field
/// reads as `None` either way, but serialising writes `null` back where Razorpay had sent it,
/// so a parsed object re-serialises to the same JSON tree.
///
/// ```
/// use razorpay_core::model::Refund;
///
/// let refund: Refund = serde_json::from_str(
///     r#"{"id":"rfnd_1","amount":100,"currency":"INR","payment_id":"pay_1","receipt":null,"new_field":7}"#,
/// )?;
/// assert_eq!(refund.receipt, None);
/// assert_eq!(refund.extra.get("new_field"), Some(&serde_json::json!(7)));
/// assert_eq!(refund.extra.explicit_nulls(), ["receipt"]);
/// let again = serde_json::to_value(&refund)?;
/// assert_eq!(again["receipt"], serde_json::Value::Null);
/// assert_eq!(again["new_field"], 7);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra {
    fields: Map<String, Value>,
    explicit_nulls: Vec<String>,
    /// Modelled fields that default to an empty list when missing and were missing.
    missing_defaults: Vec<&'static str>,
}

impl Extra {
    /// An empty set of extra fields.
    pub fn new() -> Self {
        Self::default()
    }

    /// Modelled fields that were received as an explicit `null` (and are written back as
    /// `null` while their typed field stays `None`).
    pub fn explicit_nulls(&self) -> &[String] {
        &self.explicit_nulls
    }

    /// The unmodelled fields as a JSON map.
    pub fn into_map(self) -> Map<String, Value> {
        self.fields
    }

    pub(crate) fn set_explicit_nulls(&mut self, nulls: Vec<String>) {
        self.explicit_nulls = nulls;
    }

    pub(crate) fn missing_defaults(&self) -> &[&'static str] {
        &self.missing_defaults
    }

    pub(crate) fn set_missing_defaults(&mut self, missing: Vec<&'static str>) {
        self.missing_defaults = missing;
    }

    /// Whether serialising needs more than the derived fields: explicit nulls to write back or
    /// missing defaults to leave out.
    pub(crate) fn differs_from_derived(&self) -> bool {
        !self.explicit_nulls.is_empty() || !self.missing_defaults.is_empty()
    }
}

// Unmodelled fields cross uniffi as the JSON text of an object (`{}` when there are none), so
// whatever Razorpay adds reaches Kotlin, Swift and Python; which modelled fields were an explicit
// `null` stays on the Rust side.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(Extra, String, {
    lower: |extra| Value::Object(extra.fields).to_string(),
    try_lift: |text| Ok(Extra {
        fields: serde_json::from_str(&text)?,
        ..Extra::default()
    }),
});

/// A free-form JSON object Razorpay sends (`acquirer_data`, …): in Kotlin, Swift and Python its
/// JSON text (the `uniffi` feature).
#[cfg(feature = "uniffi")]
pub type JsonObject = Map<String, Value>;

#[cfg(feature = "uniffi")]
uniffi::custom_type!(JsonObject, String, {
    remote,
    lower: |object| Value::Object(object).to_string(),
    try_lift: |text| Ok(serde_json::from_str(&text)?),
});

impl Deref for Extra {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Self::Target {
        &self.fields
    }
}

impl DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.fields
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(fields: Map<String, Value>) -> Self {
        Self {
            fields,
            explicit_nulls: Vec::new(),
            missing_defaults: Vec::new(),
        }
    }
}

// Extra is always `#[serde(flatten)]`ed into its object: it (de)serialises as the map of the
// unmodelled fields. The explicit nulls are written by the object's own `Serialize`, which
// knows whether the typed field is still `None`.
impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.fields.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Map::deserialize(deserializer).map(Self::from)
    }
}
