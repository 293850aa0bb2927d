//! JS errors with a stable `code`.
//!
//! Every failure that reaches JavaScript is a real `Error` (or `TypeError` for a bad argument)
//! object carrying a machine-readable `code`, so `catch (e) { switch (e.code) … }` works the same
//! for every function of the module. The object is built here on the JS thread and handed to
//! napi as an [`napi::Error`] that keeps a reference to it, so napi throws (or rejects with) this
//! exact object instead of synthesising a plain one.

use napi::bindgen_prelude::*;

/// Code for a missing argument or one of the wrong JS type (Node's own convention).
pub(crate) const INVALID_ARG_TYPE: &str = "ERR_INVALID_ARG_TYPE";
/// Code for an argument of the right type whose content is unusable (bad shape, bad number).
pub(crate) const INVALID_ARG_VALUE: &str = "ERR_INVALID_ARG_VALUE";
/// Code for a number outside the range the argument accepts (Node's own convention).
pub(crate) const OUT_OF_RANGE: &str = "ERR_OUT_OF_RANGE";

/// Which JS error constructor to use.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// `Error`
    Error,
    /// `TypeError`
    Type,
    /// `RangeError`
    Range,
}

/// Builds a JS error object of `kind` with `code` and `message` and wraps it for napi.
pub(crate) fn coded(env: &Env, kind: Kind, code: &str, message: impl Into<String>) -> Error {
    build(env, kind, code, message.into(), |_| Ok(()))
}

/// A `TypeError` with `ERR_INVALID_ARG_TYPE`: the argument is missing or has the wrong type.
pub(crate) fn arg_type(env: &Env, name: &str, expected: &str) -> Error {
    coded(
        env,
        Kind::Type,
        INVALID_ARG_TYPE,
        format!("The \"{name}\" argument must be {expected}"),
    )
}

/// A `TypeError` with `ERR_INVALID_ARG_VALUE`: the argument's content cannot be used.
pub(crate) fn arg_value(env: &Env, name: &str, why: impl std::fmt::Display) -> Error {
    coded(
        env,
        Kind::Type,
        INVALID_ARG_VALUE,
        format!("The \"{name}\" argument is invalid: {why}"),
    )
}

/// A `RangeError` with `ERR_OUT_OF_RANGE`: a number the argument cannot hold exactly.
pub(crate) fn out_of_range(env: &Env, name: &str, why: &str) -> Error {
    coded(
        env,
        Kind::Range,
        OUT_OF_RANGE,
        format!("The \"{name}\" argument is out of range: {why}"),
    )
}

/// Builds the error object, lets `decorate` add properties (`statusCode`, `error`, …), and
/// returns it as a napi error that napi throws or rejects with verbatim.
pub(crate) fn build(
    env: &Env,
    kind: Kind,
    code: &str,
    message: String,
    decorate: impl FnOnce(&mut Object) -> Result<()>,
) -> Error {
    let raw = Error::new(code.to_owned(), message.clone());
    let value = match kind {
        Kind::Error => JsError::from(raw).into_unknown(*env),
        Kind::Type => JsTypeError::from(raw).into_unknown(*env),
        Kind::Range => JsRangeError::from(raw).into_unknown(*env),
    };
    // SAFETY-free path: `napi_create_error` always yields an object; should anything fail while
    // decorating we still throw the bare coded error rather than lose it.
    let decorated = value
        .coerce_to_object()
        .and_then(|mut object| decorate(&mut object));
    match decorated {
        Ok(()) => Error::from(value),
        Err(_) => Error::new(Status::GenericFailure, message),
    }
}
