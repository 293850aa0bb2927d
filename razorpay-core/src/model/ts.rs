//! TypeScript shapes (`ts` feature) of the model's hand-written wire types: [`Notes`] and
//! [`LenientBool`] accept several JSON shapes, which their declarations spell out.

use ts_rs::{Config, TS};

use super::{CardNumber, LenientBool, Notes};

/// Declares a hand-written wire type by name, with its TypeScript body.
macro_rules! declared {
    ($ty:ty, $name:literal, $body:literal, optional: $optional:literal) => {
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            const IS_OPTION: bool = $optional;

            fn name(_: &Config) -> String {
                $name.to_owned()
            }

            fn inline(_: &Config) -> String {
                $body.to_owned()
            }

            fn decl(_: &Config) -> String {
                concat!("type ", $name, " = ", $body, ";").to_owned()
            }

            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
        }
    };
}

// Razorpay writes empty notes as `[]` (a PHP empty array) and populated ones as an object.
// Every object's `notes` may be missing (`#[serde(default)]`): an optional field (`notes?:`).
declared!(
    Notes,
    "Notes",
    "{ [key in string]?: string | number | boolean | null } | []",
    optional: true
);
// `true`/`false`, and on some objects `"1"`/`"0"` or `1`/`0`.
declared!(
    LenientBool,
    "LenientBool",
    "boolean | string | number",
    optional: false
);
// A card number or cryptogram: a string on the wire, redacted only in Rust's `Debug`.
declared!(CardNumber, "CardNumber", "string", optional: false);
