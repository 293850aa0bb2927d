//! How Razorpay objects are read and written so that re-serialising one gives back the JSON tree
//! that was received.
//!
//! Each object is declared once with [`entity!`]: it generates the public struct and a private
//! `Wire` twin (`#[serde(remote)]`) that carries the serde attributes. The hand-written
//! `Serialize`/`Deserialize` around the twin add the one thing derive cannot do: remember which
//! modelled fields were an explicit `null` rather than absent, and write them back.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::Extra;

/// Whether a field is left out when serialising: `None` options and notes that were never sent.
/// Everything else is always written.
pub(crate) trait Absent {
    fn is_absent(&self) -> bool;
}

impl<T> Absent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

macro_rules! never_absent {
    ($($ty:ty),* $(,)?) => {
        $(impl Absent for $ty {
            fn is_absent(&self) -> bool {
                false
            }
        })*
    };
}
never_absent!(String, i64, u64, bool);

impl<T> Absent for Vec<T> {
    fn is_absent(&self) -> bool {
        false
    }
}

/// Reads an object through its `Wire` twin and records the modelled fields sent as `null`, and
/// which of the fields that default to an empty list (`defaults`) were missing.
pub(crate) fn deserialize_entity<'de, D, T>(
    deserializer: D,
    type_name: &'static str,
    defaults: &[&'static str],
    wire: impl FnOnce(Value) -> Result<T, serde_json::Error>,
    extra: impl FnOnce(&mut T) -> &mut Extra,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let map = Map::<String, Value>::deserialize(deserializer)?;
    let nulls: Vec<String> = map
        .iter()
        .filter(|(_, value)| value.is_null())
        .map(|(key, _)| key.clone())
        .collect();
    let missing: Vec<&'static str> = defaults
        .iter()
        .copied()
        .filter(|key| !map.contains_key(*key))
        .collect();
    let mut entity = wire(Value::Object(map))
        .map_err(|err| D::Error::custom(format_args!("{type_name}: {err}")))?;
    let extra = extra(&mut entity);
    // Unmodelled nulls are already kept in the map itself.
    let nulls = nulls
        .into_iter()
        .filter(|key| !extra.contains_key(key))
        .collect();
    extra.set_explicit_nulls(nulls);
    extra.set_missing_defaults(missing);
    Ok(entity)
}

/// Writes an object whose `Extra` recorded explicit nulls or missing defaults: the typed fields,
/// then `null` for each recorded field that is still unset (a field set since then keeps its
/// value), without the defaulted lists that were missing and are still empty.
pub(crate) fn serialize_as_received<S: Serializer>(
    wire: Result<Value, serde_json::Error>,
    extra: &Extra,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut value = wire.map_err(S::Error::custom)?;
    if let Value::Object(map) = &mut value {
        for key in extra.explicit_nulls() {
            map.entry(key.clone()).or_insert(Value::Null);
        }
        for key in extra.missing_defaults() {
            if map
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                map.remove(*key);
            }
        }
    }
    value.serialize(serializer)
}

/// Declares a Razorpay object: a public struct with the given documented fields plus
/// `pub extra: Extra`, and serde impls that keep unknown fields and explicit nulls.
///
/// Per-field `#[serde(...)]` attributes (after the doc comment) apply to the wire format only.
/// Every field is skipped when [`Absent`], i.e. `None` options are left out rather than written
/// as `null` (unless they were received as `null`).
///
/// A list field marked `#[serde(default)]` is named again after the struct, in
/// `missing_defaults: [field]`, so that a missing list is left out again rather than written as
/// `[]`.
macro_rules! entity {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[serde($($serde:tt)*)])*
                pub $field:ident : $ty:ty
            ),* $(,)?
        }
        $(missing_defaults: [$($default:ident),* $(,)?])?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[doc = $doc])* pub $field: $ty, )*
            /// Fields this version does not model, kept as received (and which modelled fields
            /// were an explicit `null`).
            pub extra: $crate::model::Extra,
        }

        const _: () = {
            use $name as Remote;

            // The wire twin also carries the TypeScript shape (`ts` feature): ts-rs reads its
            // serde attributes (renames, optional fields); unknown fields are not typed.
            #[derive(serde::Serialize, serde::Deserialize)]
            #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
            #[serde(remote = "Remote")]
            struct Wire {
                $(
                    $(#[doc = $doc])*
                    $(#[serde($($serde)*)])*
                    #[serde(skip_serializing_if = "crate::model::wire::Absent::is_absent")]
                    $field: $ty,
                )*
                #[serde(flatten)]
                #[cfg_attr(feature = "ts", ts(skip))]
                extra: $crate::model::Extra,
            }

            #[cfg(feature = "ts")]
            impl ts_rs::TS for $name {
                type WithoutGenerics = Self;
                type OptionInnerType = Self;

                fn name(_: &ts_rs::Config) -> String {
                    stringify!($name).to_owned()
                }

                fn inline(cfg: &ts_rs::Config) -> String {
                    <Wire as ts_rs::TS>::inline(cfg)
                }

                fn decl(cfg: &ts_rs::Config) -> String {
                    <Wire as ts_rs::TS>::decl(cfg).replacen("Wire", stringify!($name), 1)
                }

                fn decl_concrete(cfg: &ts_rs::Config) -> String {
                    Self::decl(cfg)
                }

                fn visit_dependencies(visitor: &mut impl ts_rs::TypeVisitor)
                where
                    Self: 'static,
                {
                    <Wire as ts_rs::TS>::visit_dependencies(visitor)
                }
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    $crate::model::wire::deserialize_entity(
                        deserializer,
                        stringify!($name),
                        &[$($(stringify!($default)),*)?],
                        Wire::deserialize,
                        |entity| &mut entity.extra,
                    )
                }
            }

            impl serde::Serialize for $name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    if !self.extra.differs_from_derived() {
                        Wire::serialize(self, serializer)
                    } else {
                        $crate::model::wire::serialize_as_received(
                            Wire::serialize(self, serde_json::value::Serializer),
                            &self.extra,
                            serializer,
                        )
                    }
                }
            }

            impl $crate::model::wire::Absent for $name {
                fn is_absent(&self) -> bool {
                    false
                }
            }
        };
    };
}
pub(crate) use entity;

/// Declares a string enum with an `Unknown(String)` fallback: Razorpay adds statuses and event
/// names over time, and an unknown one must neither fail the parse nor be lost.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[doc = $doc:literal])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        // Kotlin, Swift and Python get an enum too, with the fallback as `Unknown(value)`. It
        // prints as Razorpay writes it (`str(status) == "captured"`; uniffi would otherwise print
        // Python's `PaymentStatus.CAPTURED()`), and compares and hashes as Rust does.
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[cfg_attr(feature = "uniffi", uniffi::export(Display, Eq, Hash))]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[doc = $doc])* $variant, )*
            /// A value this version does not know, kept as received.
            Unknown(#[cfg_attr(feature = "uniffi", uniffi(name = "value"))] String),
        }

        impl $name {
            /// The value exactly as Razorpay writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Ok(Self::from(value.as_ref()))
            }
        }

        impl $crate::model::wire::Absent for $name {
            fn is_absent(&self) -> bool {
                false
            }
        }

        // TypeScript: the known values, and any other string (`Unknown`).
        #[cfg(feature = "ts")]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;

            fn name(_: &ts_rs::Config) -> String {
                stringify!($name).to_owned()
            }

            fn inline(_: &ts_rs::Config) -> String {
                let known: &[&str] = &[$(concat!("\"", $wire, "\"")),*];
                format!("{} | (string & {{}})", known.join(" | "))
            }

            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type {} = {};", stringify!($name), Self::inline(cfg))
            }

            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                Self::decl(cfg)
            }
        }
    };
}
pub(crate) use string_enum;
