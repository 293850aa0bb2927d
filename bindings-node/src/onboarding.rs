//! `generateOnboardingSignature(params, secret)`, the official package's function (exported by
//! `razorpay/dist/utils/razorpay-utils`), and `decryptOnboardingSignature` to check one.
//!
//! The format (AES-128-GCM of `JSON.stringify(params)`, random nonce) is
//! `razorpay_core::signature`'s; this module only runs `JSON.stringify` — V8's own, so the text
//! encrypted is byte for byte the official one — and maps errors to coded JS errors.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::OnboardingError;

use crate::convert;
use crate::error::{self, Kind};

/// The coded JS error for an onboarding failure (`ONBOARDING_INVALID_SECRET`, …).
fn onboarding_error(env: &Env, e: &OnboardingError) -> Error {
    error::coded(env, Kind::Error, e.code(), e.to_string())
}

/// The partner onboarding signature of `params` under `secret`, as the official
/// `generateOnboardingSignature(params, secret)`: hex of a random 12-byte nonce, the AES-128-GCM
/// ciphertext of `JSON.stringify(params)` (default `{}`) keyed by the secret's first 16
/// characters, and the 16-byte tag. Different on every call. Throws
/// `ONBOARDING_INVALID_SECRET` when those 16 characters are not 16 bytes.
#[napi(
    catch_unwind,
    ts_args_type = "params: Record<string, unknown> | undefined, secret: string"
)]
pub fn generate_onboarding_signature(env: Env, params: Unknown, secret: Unknown) -> Result<String> {
    let payload = if params.get_type()? == ValueType::Undefined {
        // The official default parameter: `params = {}`.
        "{}".to_owned()
    } else {
        convert::stringify(&env, params, "params")?
    };
    let secret = convert::string(&env, secret, "secret")?;
    razorpay_core::generate_onboarding_signature(&payload, &secret)
        .map_err(|e| onboarding_error(&env, &e))
}

/// The JSON text an onboarding signature carries, once its tag authenticates it under `secret`
/// (what Razorpay checks). Throws `ONBOARDING_SIGNATURE_MISMATCH` for another secret or an
/// altered signature, `ONBOARDING_SIGNATURE_MALFORMED` for anything that is not one.
#[napi(catch_unwind, ts_args_type = "signature: string, secret: string")]
pub fn decrypt_onboarding_signature(
    env: Env,
    signature: Unknown,
    secret: Unknown,
) -> Result<String> {
    let signature = convert::string(&env, signature, "signature")?;
    let secret = convert::string(&env, secret, "secret")?;
    razorpay_core::signature::decrypt_onboarding_signature(&signature, &secret)
        .map_err(|e| onboarding_error(&env, &e))
}
