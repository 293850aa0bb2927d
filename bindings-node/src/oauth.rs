//! `OAuthClient`: the native half of the official `OAuthTokenClient` (index.js wraps it in a
//! class of that name with the official methods and callbacks). The URL, the validations and
//! the requests are `razorpay_core::oauth`'s; this module converts.
//!
//! The parameters cross as `JSON.stringify(params)` (V8's own), and the token requests send that
//! text unchanged, so their bodies are byte for byte the official client's.

use std::time::Duration;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::oauth::{self, OAuthCall, OAuthConfig, OAuthError};
use serde::Deserialize;

use crate::client::call;
use crate::client::error::client_error;
use crate::convert;
use crate::error::{self, Kind};

/// `new OAuthTokenClient(options?)`: our additions to the official no-argument constructor.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct OAuthOptions {
    base_url: Option<String>,
    timeouts: Option<Timeouts>,
    user_agent: Option<String>,
    max_response_bytes: Option<usize>,
}

/// Timeouts in milliseconds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Timeouts {
    connect: Option<u64>,
    request: Option<u64>,
}

/// Properties of the error object that a field message must not replace.
const RESERVED: [&str; 6] = ["code", "message", "name", "stack", "cause", "errors"];

/// The coded JS error of an OAuth failure. A validation failure (`OAUTH_INVALID_PARAMS`) also
/// carries `errors`, `{ field: message }` exactly as the official client returns it, and each
/// field's message as a property of its own (`error.client_id`), where official code reads it —
/// except a field named like a property of the error itself (`code`), which only `errors` has.
fn oauth_error(env: &Env, err: &OAuthError) -> Error {
    if let OAuthError::Client(client) = err {
        return client_error(env, client);
    }
    let fields = err.field_errors();
    error::build(env, Kind::Error, err.code(), err.to_string(), |object| {
        let mut errors = Object::new(env)?;
        for field in fields {
            errors.set_named_property(&field.field, field.message.as_str())?;
            if !RESERVED.contains(&field.field.as_str()) {
                object.set_named_property(&field.field, field.message.as_str())?;
            }
        }
        object.set_named_property("errors", errors)?;
        Ok(())
    })
}

/// Razorpay's OAuth token client (native half; use `OAuthTokenClient`).
#[napi]
pub struct OAuthClient {
    inner: oauth::OAuthClient,
}

#[napi]
impl OAuthClient {
    /// `{ baseUrl?, timeouts?: { connect?, request? }, userAgent?, maxResponseBytes? }`; the
    /// default base URL is `https://auth.razorpay.com`. Throws `INVALID_CONFIG` for an unusable
    /// configuration (plain http is allowed only to localhost: client secrets travel here).
    #[napi(
        constructor,
        catch_unwind,
        ts_args_type = "options?: OAuthTokenClientOptions | null"
    )]
    pub fn new(env: Env, options: Unknown) -> Result<Self> {
        let options: OAuthOptions =
            convert::json_opt(&env, options, "options")?.unwrap_or_default();
        let mut config = OAuthConfig::default();
        if let Some(url) = options.base_url {
            config = config.base_url(url);
        }
        if let Some(timeouts) = options.timeouts {
            if let Some(ms) = timeouts.connect {
                config = config.connect_timeout(Duration::from_millis(ms));
            }
            if let Some(ms) = timeouts.request {
                config = config.request_timeout(Duration::from_millis(ms));
            }
        }
        if let Some(user_agent) = options.user_agent {
            config = config.user_agent(user_agent);
        }
        if let Some(limit) = options.max_response_bytes {
            config = config.max_response_bytes(limit);
        }
        napi::bindgen_prelude::within_runtime_if_available(|| oauth::OAuthClient::new(config))
            .map(|inner| Self { inner })
            .map_err(|e| client_error(&env, &e))
    }

    /// The authorisation URL (`generateAuthUrl`); throws `OAUTH_INVALID_PARAMS` with the
    /// official messages when a field is missing or invalid.
    #[napi(catch_unwind, ts_args_type = "params: OAuthAuthorizeParams")]
    pub fn generate_auth_url(&self, env: Env, params: Unknown) -> Result<String> {
        let params = params_text(&env, params)?;
        oauth::parse_params(&params)
            .and_then(|params| self.inner.authorize_url(&params))
            .map_err(|e| oauth_error(&env, &e))
    }

    /// `getAccessToken`, `refreshToken` or `revokeToken` (by that name) with `params`: a
    /// Promise of Razorpay's answer. Refused parameters reject with `OAUTH_INVALID_PARAMS`
    /// before anything is sent.
    #[napi(
        catch_unwind,
        ts_args_type = "method: 'getAccessToken' | 'refreshToken' | 'revokeToken', params: OAuthTokenParams",
        ts_return_type = "Promise<any>"
    )]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        method: Unknown,
        params: Unknown,
    ) -> Result<call::Pending<'env>> {
        let request = convert::string(env, method, "method").and_then(|method| {
            let call = match method.as_str() {
                "getAccessToken" => OAuthCall::AccessToken,
                "refreshToken" => OAuthCall::RefreshToken,
                "revokeToken" => OAuthCall::RevokeToken,
                _ => {
                    return Err(error::arg_value(
                        env,
                        "method",
                        "must be getAccessToken, refreshToken or revokeToken",
                    ));
                }
            };
            let params = params_text(env, params)?;
            oauth::token_request(call, &params).map_err(|e| oauth_error(env, &e))
        });
        let client = self.inner.clone();
        call::run(env, request, move |request| async move {
            client.send(request).await
        })
    }
}

/// `JSON.stringify(params)`: the official methods take an object (`{}` when omitted).
fn params_text(env: &Env, params: Unknown) -> Result<String> {
    match params.get_type()? {
        ValueType::Undefined => Ok("{}".to_owned()),
        ValueType::Object => convert::stringify(env, params, "params"),
        _ => Err(error::arg_type(env, "params", "an object")),
    }
}
