//! The one place that talks HTTP: Basic auth, JSON, timeouts, retries, error classification,
//! and the limits on what comes back (no redirects, a capped body, the expected entity).

use std::time::Duration;

use reqwest::Method;
use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::config::ClientConfig;
use super::error::{ClientError, ErrorSource};
use super::retry::{Failure, RetryPolicy, parse_retry_after};
use super::validate::{self, ApiEntity};

/// One logical API call (it may take several attempts).
#[derive(Debug)]
pub(crate) struct Call {
    pub method: Method,
    /// `v1`, or `v2` for the partner APIs.
    pub version: &'static str,
    /// Path after `/v1/`, ids already validated.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Vec<u8>>,
    /// Content type of `body` (default `application/json`).
    pub content_type: Option<String>,
    pub idempotency_key: Option<String>,
    /// Repeating the call cannot duplicate its effect (GET, keyed refund).
    pub replay_safe: bool,
    /// The `entity` a successful answer must carry when the decoded type names none (the API
    /// table's untyped calls): an answer of another kind is an error, not a silent success.
    pub entity: Option<&'static str>,
}

impl Call {
    pub fn get(path: String) -> Self {
        Self {
            method: Method::GET,
            version: "v1",
            path,
            query: Vec::new(),
            body: None,
            content_type: None,
            idempotency_key: None,
            replay_safe: true,
            entity: None,
        }
    }

    pub fn query(mut self, query: Vec<(&'static str, String)>) -> Self {
        self.query = query;
        self
    }

    /// A call with a JSON body; `replay_safe` only when repeating it is harmless.
    pub fn with_body(
        method: Method,
        path: String,
        body: &impl Serialize,
        replay_safe: bool,
    ) -> Result<Self, ClientError> {
        let body = serde_json::to_vec(body).map_err(|e| ClientError::InvalidConfig {
            reason: format!("request body could not be encoded: {e}"),
        })?;
        Ok(Self {
            method,
            version: "v1",
            path,
            query: Vec::new(),
            body: Some(body),
            content_type: None,
            idempotency_key: None,
            replay_safe,
            entity: None,
        })
    }

    /// Sends `X-Refund-Idempotency`, which also makes the call safe to repeat.
    pub fn idempotency_key(mut self, key: Option<String>) -> Self {
        if key.is_some() {
            self.replay_safe = true;
        }
        self.idempotency_key = key;
        self
    }
}

/// A pooled HTTP client bound to one key.
#[derive(Debug)]
pub(crate) struct Transport {
    http: reqwest::Client,
    /// The base URL without a trailing `/`; the version and path follow.
    api_root: String,
    config: ClientConfig,
}

impl Transport {
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        config.validate()?;
        let http = reqwest::Client::builder()
            .connect_timeout(config.get_connect_timeout())
            .timeout(config.get_request_timeout())
            .user_agent(config.get_user_agent())
            .pool_idle_timeout(Duration::from_secs(60))
            // Razorpay's API never redirects. Following one would send the Basic header to
            // wherever the redirect points (reqwest keeps it on a same-host https->http hop)
            // and accept whatever object lives there.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ClientError::InvalidConfig {
                reason: format!("HTTP client could not be built: {e}"),
            })?;
        let api_root = config.get_base_url().trim_end_matches('/').to_owned();
        Ok(Self {
            http,
            api_root,
            config,
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    fn retry_policy(&self) -> &RetryPolicy {
        self.config.get_retry_policy()
    }

    /// Runs the call with retries and decodes the answer as `T`, after checking that the
    /// answer is a `T::ENTITY` object (when `T` names one).
    pub async fn execute<T: DeserializeOwned + ApiEntity>(
        &self,
        call: Call,
    ) -> Result<T, ClientError> {
        let mut retry = 0;
        loop {
            let error = match self.attempt(&call).await {
                Ok((status, body)) => {
                    if let Some(expected) = T::ENTITY.or(call.entity) {
                        validate::entity(expected, &body)
                            .map_err(|reason| ClientError::unexpected(status, reason, &body))?;
                    }
                    return serde_json::from_slice(&body)
                        .map_err(|e| ClientError::undecodable(status, e, &body));
                }
                Err(error) => error,
            };
            retry += 1;
            let failure = Failure::of(&error);
            match self
                .retry_policy()
                .next_delay(failure, retry, call.replay_safe, fastrand::f64())
            {
                Some(delay) => tokio::time::sleep(delay).await,
                None => return Err(error),
            }
        }
    }

    /// One attempt: `Ok` with a 2xx body, or the classified error.
    async fn attempt(&self, call: &Call) -> Result<(u16, Vec<u8>), ClientError> {
        let url = format!("{}/{}/{}", self.api_root, call.version, call.path);
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .basic_auth(
                self.config.key_id(),
                Some(self.config.key_secret().expose_secret()),
            )
            .header(ACCEPT, "application/json");
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        for (name, value) in self.config.get_headers() {
            if !name.eq_ignore_ascii_case("content-type") {
                request = request.header(name.as_str(), value.as_str());
            }
        }
        if let Some(body) = &call.body {
            let content_type = call.content_type.as_deref().unwrap_or("application/json");
            request = request
                .header(CONTENT_TYPE, content_type)
                .body(body.clone());
        }
        if let Some(key) = &call.idempotency_key {
            request = request.header("X-Refund-Idempotency", key);
        }
        let response = request.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = read_capped(response, self.config.get_max_response_bytes()).await?;
        if (200..300).contains(&status) {
            Ok((status, body))
        } else {
            Err(ClientError::from_status(status, retry_after, &body))
        }
    }
}

/// Reads the body, stopping with [`ClientError::ResponseTooLarge`] as soon as it is known to
/// exceed `limit`: from `Content-Length` before reading anything, otherwise chunk by chunk, so
/// at most `limit` plus one chunk is ever held.
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ClientError> {
    let status = response.status().as_u16();
    let too_large = || ClientError::ResponseTooLarge {
        status,
        limit_bytes: u64::try_from(limit).unwrap_or(u64::MAX),
    };
    let announced = response.content_length();
    if announced.is_some_and(|length| length > limit as u64) {
        return Err(too_large());
    }
    // Trust the announced length only as a capacity hint, never beyond the limit.
    let hint = announced.map_or(0, |length| length as usize).min(limit);
    let mut body = Vec::with_capacity(hint);
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if chunk.len() > limit - body.len() {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Sorts reqwest's errors by whether the request can have reached Razorpay.
pub(crate) fn transport_error(error: reqwest::Error) -> ClientError {
    // `is_connect` covers DNS, refused connections, TLS handshakes and connect timeouts:
    // nothing was sent, so any method may be retried.
    let request_sent = !error.is_connect();
    if error.is_timeout() {
        return ClientError::Timeout { request_sent };
    }
    // reqwest's Display never includes the Authorization header; drop the URL anyway so
    // messages stay short and stable.
    let error = error.without_url();
    ClientError::Connection {
        request_sent,
        reason: error.to_string(),
        source: Some(ErrorSource::new(error)),
    }
}
