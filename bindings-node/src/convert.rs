//! Argument and result conversion between JS values and Rust.
//!
//! Arguments are taken as raw `Unknown` values and checked here, so that a missing argument or
//! one of the wrong type is always a `TypeError` with a `code` (napi's own conversions would throw
//! an untyped error) and never reaches the Rust crates in a half-converted state.
//!
//! Structured values (carts, API request parameters, reconciliation state) cross the boundary as
//! JSON: V8's `JSON.stringify`/`JSON.parse` are far faster than building objects property by
//! property through N-API, reject cycles and BigInts with a catchable error, and serde then gives
//! the exact shape checking the Rust types define (an amount of `1.5` or `1e300` is rejected, not
//! silently truncated or saturated).

use napi::bindgen_prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error;

/// True for `undefined` and `null`: an argument that was not given.
pub(crate) fn is_missing(value: &Unknown) -> Result<bool> {
    Ok(matches!(
        value.get_type()?,
        ValueType::Undefined | ValueType::Null
    ))
}

/// A required string argument.
pub(crate) fn string(env: &Env, value: Unknown, name: &str) -> Result<String> {
    match value.get_type()? {
        // SAFETY: the value was just checked to be a JS string.
        ValueType::String => unsafe { String::from_napi_value(env.raw(), value.raw()) },
        _ => Err(error::arg_type(env, name, "of type string")),
    }
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A required amount in minor units: a safe-integer `number` or a `bigint` within `i64`.
/// `1.5`, `NaN`, `Infinity` and `2 ** 60` are refused rather than rounded or saturated.
pub(crate) fn minor_units(env: &Env, value: Unknown, name: &str) -> Result<i64> {
    match value.get_type()? {
        ValueType::Number => {
            // SAFETY: the value was just checked to be a JS number.
            let number = unsafe { f64::from_napi_value(env.raw(), value.raw()) }?;
            if !number.is_finite() || number.fract() != 0.0 {
                return Err(error::out_of_range(
                    env,
                    name,
                    "must be an integer (minor units)",
                ));
            }
            if number.abs() > MAX_SAFE_INTEGER {
                return Err(error::out_of_range(
                    env,
                    name,
                    "must be a safe integer; pass a bigint for larger amounts",
                ));
            }
            // In range and integral: the cast is exact.
            Ok(number as i64)
        }
        ValueType::BigInt => {
            // SAFETY: the value was just checked to be a JS bigint.
            let big = unsafe { BigInt::from_napi_value(env.raw(), value.raw()) }?;
            bigint_to_i64(&big).ok_or_else(|| {
                error::out_of_range(env, name, "must fit in a signed 64-bit integer")
            })
        }
        _ => Err(error::arg_type(env, name, "of type number or bigint")),
    }
}

/// Exact `bigint` → `i64`, or `None` when it does not fit.
fn bigint_to_i64(big: &BigInt) -> Option<i64> {
    let (low, high) = big.words.split_first()?;
    if high.iter().any(|word| *word != 0) {
        return None;
    }
    let magnitude = i128::from(*low);
    let value = if big.sign_bit { -magnitude } else { magnitude };
    i64::try_from(value).ok()
}

/// A required structured argument, deserialized through JSON into `T`.
pub(crate) fn json<T: DeserializeOwned>(env: &Env, value: Unknown, name: &str) -> Result<T> {
    if is_missing(&value)? {
        return Err(error::arg_type(env, name, "an object"));
    }
    let text = stringify(env, value, name)?;
    serde_json::from_str(&text).map_err(|e| error::arg_value(env, name, without_position(&e)))
}

/// serde_json's message without its " at line 1 column 39" suffix, which points into our own
/// re-serialisation of the argument and means nothing to the caller.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) if error.line() != 0 => message[..at].to_owned(),
        _ => message,
    }
}

/// An optional structured argument (`undefined`/`null` → `None`).
pub(crate) fn json_opt<T: DeserializeOwned>(
    env: &Env,
    value: Unknown,
    name: &str,
) -> Result<Option<T>> {
    if is_missing(&value)? {
        return Ok(None);
    }
    json(env, value, name).map(Some)
}

/// A JSON document argument: a string is taken as JSON text (e.g. a state stored as text), any
/// other value is serialised with `JSON.stringify`.
pub(crate) fn json_text(env: &Env, value: Unknown, name: &str) -> Result<String> {
    match value.get_type()? {
        // SAFETY: the value was just checked to be a JS string.
        ValueType::String => unsafe { String::from_napi_value(env.raw(), value.raw()) },
        ValueType::Undefined | ValueType::Null => Err(error::arg_type(env, name, "an object")),
        _ => stringify(env, value, name),
    }
}

/// `JSON.stringify(value)`, with the JS exception (cycle, BigInt) turned into a coded TypeError.
pub(crate) fn stringify(env: &Env, value: Unknown, name: &str) -> Result<String> {
    let json: Object = env.get_global()?.get_named_property("JSON")?;
    let stringify: Function<Unknown, Unknown> = json.get_named_property("stringify")?;
    let text = match stringify.call(value) {
        Ok(text) => text,
        // napi already cleared the JS exception (a cycle, a BigInt); throw our coded error.
        Err(e) => return Err(error::arg_value(env, name, e.reason)),
    };
    match text.get_type()? {
        // SAFETY: checked to be a JS string.
        ValueType::String => unsafe { String::from_napi_value(env.raw(), text.raw()) },
        _ => Err(error::arg_type(env, name, "a JSON-serialisable object")),
    }
}

/// Converts a Rust value to a JS value through `JSON.parse` (fast for large objects).
pub(crate) fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> Result<Unknown<'env>> {
    let text = serde_json::to_string(value).map_err(|e| {
        error::coded(
            env,
            error::Kind::Error,
            "SERIALIZATION_FAILED",
            e.to_string(),
        )
    })?;
    let json: Object = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<String, Unknown> = json.get_named_property("parse")?;
    parse.call(text)
}
