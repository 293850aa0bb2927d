//! Raw N-API entry points for the calls on every webhook's hot path:
//! `verifyWebhookSignature`, `validateWebhookSignature` and `WebhookVerifier#verify`.
//!
//! Why: napi-rs 3's generated glue allocates a borrow-tracking scope on every call and, for a
//! method, registers its receiver in a global locked map. On a 1.4 KB webhook that bookkeeping
//! costs about as much as the HMAC itself, and these calls are the ones benchmarked against the
//! official SDK. The glue protects `&mut self` aliasing, which cannot happen here:
//! `WebhookVerifier` has no `&mut self` method and is immutable after construction.
//!
//! What stays the same: the `#[napi]` exports still define the names and the TypeScript types,
//! and both paths call the same functions (`signature::verify_webhook`,
//! `WebhookVerifier::verify_args`), so behaviour cannot drift. At module load, after napi-rs
//! registered everything, [`install`] points the three names at these entry points.
//!
//! Soundness: `WebhookVerifier#verify` reads the struct napi-rs wrapped in the object, which is
//! napi-rs's private layout. So the napi crates are pinned to exact versions (workspace
//! Cargo.toml), and at load [`layout_matches`] builds a verifier through napi-rs's own public
//! path (`into_instance`) and checks that our unwrap finds the very struct napi-rs hands out.
//! If it does not (a napi-rs upgrade changed the layout), nothing is replaced: the exports keep
//! napi-rs's own glue, slower but sound, and `__checkoutKitFastPath` is `false`, which the Node
//! tests assert against.

use std::ffi::CStr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use napi::bindgen_prelude::*;
use napi::sys;
use napi_derive::napi;

use crate::error::{self, Kind};
use crate::signature;
use crate::webhook::WebhookVerifier;

/// A raw N-API callback.
type RawCallback = unsafe extern "C" fn(sys::napi_env, sys::napi_callback_info) -> sys::napi_value;

/// Points the hot exports at the raw entry points (runs once, when the module loads).
#[napi(module_exports)]
pub fn install(mut exports: Object, env: Env) -> Result<()> {
    let sound = layout_matches(&env)?;
    mark(&env, &exports, sound)?;
    if !sound {
        return Ok(());
    }
    for (name, callback) in [
        (
            c"verifyWebhookSignature",
            raw_verify_webhook_signature as RawCallback,
        ),
        (
            c"validateWebhookSignature",
            raw_verify_webhook_signature as RawCallback,
        ),
    ] {
        exports.set_named_property(utf8_name(name)?, function(&env, name, callback)?)?;
    }
    // The class is a function: read it untyped and view it as the object it is.
    let class: Unknown = exports.get_named_property("WebhookVerifier")?;
    let class = class.coerce_to_object()?;
    let mut prototype: Object = class.get_named_property("prototype")?;
    prototype.set_named_property("verify", function(&env, c"verify", raw_verifier_verify)?)?;
    Ok(())
}

fn utf8_name(name: &CStr) -> Result<&str> {
    name.to_str()
        .map_err(|_| Error::new(Status::InvalidArg, "export names are ASCII"))
}

/// Creates a JS function backed by `callback`.
fn function(env: &Env, name: &CStr, callback: RawCallback) -> Result<Unknown<'static>> {
    let mut value = ptr::null_mut();
    // SAFETY: `name` is NUL-terminated; the callback has the N-API signature.
    let status = unsafe {
        sys::napi_create_function(
            env.raw(),
            name.as_ptr(),
            name.to_bytes().len() as isize,
            Some(callback),
            ptr::null_mut(),
            &mut value,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(Error::new(
            Status::from(status),
            "creating a function failed",
        ));
    }
    // SAFETY: N-API returned a valid function value for this env.
    Ok(unsafe { Unknown::from_raw_unchecked(env.raw(), value) })
}

/// Reads `this` and up to three arguments (missing ones are `undefined`), runs `body` with
/// panics caught, and returns its boolean or throws its error.
///
/// # Safety
/// Must be called by N-API as a function callback with `env` and `info`.
unsafe fn entry(
    env: sys::napi_env,
    info: sys::napi_callback_info,
    body: impl FnOnce(&Env, Unknown, [Unknown; 3]) -> Result<bool>,
) -> sys::napi_value {
    let mut argc = 3usize;
    let mut argv = [ptr::null_mut(); 3];
    let mut this = ptr::null_mut();
    // SAFETY: `argv` has room for `argc` values; N-API fills missing ones with `undefined`.
    let status = unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            &mut this,
            ptr::null_mut(),
        )
    };
    let wrapped = Env::from_raw(env);
    let outcome = if status != sys::Status::napi_ok {
        Err(Error::new(
            Status::from(status),
            "reading the arguments failed",
        ))
    } else {
        // SAFETY: N-API handed out these values for this call's scope.
        let value = |raw| unsafe { Unknown::from_raw_unchecked(env, raw) };
        catch_unwind(AssertUnwindSafe(|| {
            body(&wrapped, value(this), argv.map(value))
        }))
        .unwrap_or_else(|_| {
            Err(error::coded(
                &wrapped,
                Kind::Error,
                "INTERNAL_ERROR",
                "checkout-kit hit an internal error (a bug): please report it",
            ))
        })
    };
    match outcome {
        Ok(verdict) => {
            let mut result = ptr::null_mut();
            // SAFETY: plain value creation in this env.
            unsafe { sys::napi_get_boolean(env, verdict, &mut result) };
            result
        }
        Err(error) => {
            // SAFETY: throwing into the env that called us; a coded error object is thrown as is.
            unsafe { JsError::from(error).throw_into(env) };
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn raw_verify_webhook_signature(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: called by N-API as a function callback.
    unsafe {
        entry(env, info, |env, _this, [body, signature, secret]| {
            signature::verify_webhook(env, &body, &signature, &secret)
        })
    }
}

unsafe extern "C" fn raw_verifier_verify(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: called by N-API as a function callback.
    unsafe {
        entry(env, info, |env, this, [body, signature, _]| {
            let verifier = receiver(env, &this)?;
            verifier.verify_args(env, &body, &signature)
        })
    }
}

/// The `WebhookVerifier` behind `this`, after checking that `this` really is one (its napi-rs
/// type tag), so `verify.call(somethingElse)` is a TypeError rather than a type confusion.
fn receiver<'a>(env: &Env, this: &'a Unknown) -> Result<&'a WebhookVerifier> {
    let not_a_verifier = || {
        error::coded(
            env,
            Kind::Type,
            "ERR_INVALID_THIS",
            "WebhookVerifier#verify called on an object that is not a WebhookVerifier",
        )
    };
    if this.get_type()? != ValueType::Object {
        return Err(not_a_verifier());
    }
    let tag = <WebhookVerifier as TypeTag>::type_tag();
    let mut matches = false;
    // SAFETY: `this` is an object of this env.
    let status =
        unsafe { sys::napi_check_object_type_tag(env.raw(), this.raw(), &tag, &mut matches) };
    if status != sys::Status::napi_ok || !matches {
        return Err(not_a_verifier());
    }
    let wrapped = unwrap(env, this.raw()).ok_or_else(not_a_verifier)?;
    // SAFETY: objects tagged as `WebhookVerifier` wrap a `WebhookVerifier` at the pointer
    // `unwrap` returns — checked against napi-rs's own instance at load (`layout_matches`; the
    // fast path is not installed otherwise). The object is this call's receiver, so it outlives
    // the borrow, and the struct is never mutated after construction.
    Ok(unsafe { &*wrapped })
}

/// The pointer napi wrapped in `object`, read as a `WebhookVerifier`.
fn unwrap(env: &Env, object: sys::napi_value) -> Option<*const WebhookVerifier> {
    let mut wrapped = ptr::null_mut();
    // SAFETY: `object` is a value of this env; N-API fails for an object with nothing wrapped.
    let status = unsafe { sys::napi_unwrap(env.raw(), object, &mut wrapped) };
    (status == sys::Status::napi_ok && !wrapped.is_null())
        .then_some(wrapped.cast::<WebhookVerifier>().cast_const())
}

/// Whether [`unwrap`] finds the struct exactly where napi-rs itself keeps it: a verifier is
/// wrapped through napi-rs's public `into_instance`, whose `ClassInstance` dereferences to the
/// struct by napi-rs's own reckoning; our raw unwrap must give the same address.
fn layout_matches(env: &Env) -> Result<bool> {
    let Some(probe) = WebhookVerifier::probe() else {
        return Ok(false);
    };
    let instance = probe.into_instance(env)?;
    let theirs: *const WebhookVerifier = &*instance;
    Ok(unwrap(env, instance.value).is_some_and(|ours| ptr::eq(ours, theirs)))
}

/// Records on the exports, as a read-only non-enumerable `__checkoutKitFastPath`, whether the
/// raw entry points are installed (the Node tests require it, so a layout change fails CI).
fn mark(env: &Env, exports: &Object, installed: bool) -> Result<()> {
    let mut value = ptr::null_mut();
    // SAFETY: plain value creation in this env.
    unsafe { sys::napi_get_boolean(env.raw(), installed, &mut value) };
    let property = sys::napi_property_descriptor {
        utf8name: c"__checkoutKitFastPath".as_ptr(),
        name: ptr::null_mut(),
        method: None,
        getter: None,
        setter: None,
        value,
        attributes: sys::PropertyAttributes::default,
        data: ptr::null_mut(),
    };
    // SAFETY: one valid descriptor; `exports` is an object of this env.
    let status = unsafe { sys::napi_define_properties(env.raw(), exports.raw(), 1, &property) };
    if status != sys::Status::napi_ok {
        return Err(Error::new(
            Status::from(status),
            "marking the fast path failed",
        ));
    }
    Ok(())
}
