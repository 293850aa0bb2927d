//! `new Razorpay({ key_id, key_secret, headers?, baseUrl?, timeouts?, retries?, userAgent?,
//! maxResponseBytes? })`.

use std::time::Duration;

use napi::bindgen_prelude::*;
use razorpay_core::client::{ClientConfig, RetryPolicy};
use serde::{Deserialize, Deserializer};

use crate::convert;

/// The constructor's options. Key names follow the official SDK (`key_id`, `key_secret`); our own
/// options are camelCase. Unknown options are refused rather than silently ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientOptions {
    key_id: String,
    #[serde(deserialize_with = "secret")]
    key_secret: String,
    #[serde(default, rename = "baseUrl")]
    base_url: Option<String>,
    #[serde(default)]
    timeouts: Option<Timeouts>,
    #[serde(default)]
    retries: Option<Retries>,
    #[serde(default, rename = "userAgent")]
    user_agent: Option<String>,
    #[serde(default, rename = "maxResponseBytes")]
    max_response_bytes: Option<usize>,
    /// The official option: headers sent with every request (`X-Razorpay-Account`).
    #[serde(default)]
    headers: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Reads the key secret without ever echoing it: serde's type errors quote the value.
fn secret<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<String, D::Error> {
    serde_json::Value::deserialize(deserializer).and_then(|value| match value {
        serde_json::Value::String(secret) => Ok(secret),
        _ => Err(serde::de::Error::custom("key_secret must be a string")),
    })
}

/// Timeouts in milliseconds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Timeouts {
    connect: Option<u64>,
    request: Option<u64>,
}

/// `retries: 3`, `retries: false` (none) or a policy object (milliseconds).
#[derive(Deserialize)]
#[serde(untagged)]
enum Retries {
    Enabled(bool),
    Count(u32),
    Policy(RetryOptions),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RetryOptions {
    max_retries: Option<u32>,
    initial_backoff: Option<u64>,
    max_backoff: Option<u64>,
    max_retry_after: Option<u64>,
}

impl Retries {
    fn policy(self) -> RetryPolicy {
        match self {
            Retries::Enabled(true) => RetryPolicy::default(),
            Retries::Enabled(false) => RetryPolicy::none(),
            Retries::Count(count) => RetryPolicy::default().max_retries(count),
            Retries::Policy(options) => {
                let mut policy = RetryPolicy::default();
                if let Some(count) = options.max_retries {
                    policy = policy.max_retries(count);
                }
                if let Some(ms) = options.initial_backoff {
                    policy = policy.initial_backoff(Duration::from_millis(ms));
                }
                if let Some(ms) = options.max_backoff {
                    policy = policy.max_backoff(Duration::from_millis(ms));
                }
                if let Some(ms) = options.max_retry_after {
                    policy = policy.max_retry_after(Duration::from_millis(ms));
                }
                policy
            }
        }
    }
}

/// Converts the JS options into the Rust client configuration.
pub(crate) fn config(env: &Env, options: Unknown) -> Result<ClientConfig> {
    let options: ClientOptions = convert::json(env, options, "options")?;
    let mut config = ClientConfig::new(options.key_id, options.key_secret);
    if let Some(base_url) = options.base_url {
        config = config.base_url(base_url);
    }
    if let Some(timeouts) = options.timeouts {
        if let Some(ms) = timeouts.connect {
            config = config.connect_timeout(Duration::from_millis(ms));
        }
        if let Some(ms) = timeouts.request {
            config = config.request_timeout(Duration::from_millis(ms));
        }
    }
    if let Some(retries) = options.retries {
        config = config.retry_policy(retries.policy());
    }
    if let Some(user_agent) = options.user_agent {
        config = config.user_agent(user_agent);
    }
    if let Some(limit) = options.max_response_bytes {
        config = config.max_response_bytes(limit);
    }
    for (name, value) in options.headers.unwrap_or_default() {
        match value {
            serde_json::Value::String(value) => config = config.header(name, value),
            // The official package leaves an undefined header out.
            serde_json::Value::Null => {}
            _ => {
                return Err(crate::error::arg_value(
                    env,
                    "options.headers",
                    format!("header {name:?} must be a string"),
                ));
            }
        }
    }
    Ok(config)
}
