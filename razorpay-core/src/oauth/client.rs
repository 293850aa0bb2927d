//! [`OAuthClient`]: the I/O half of the OAuth token client. Requests come from the pure
//! builders in [`super::request`]; this sends them and classifies the answers as the API
//! client does (Razorpay's error body kept, bounded bodies, no redirects, finite timeouts).

use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use serde_json::{Map, Value};

use super::error::OAuthError;
use super::request::{self, DEFAULT_AUTH_BASE_URL, TokenRequest};
use super::validate::OAuthCall;
use crate::client::transport::{read_capped, transport_error};
use crate::client::{
    ClientError, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_TIMEOUT,
    DEFAULT_USER_AGENT,
};

/// Where and how the OAuth client connects. Defaults: Razorpay's auth host, the API client's
/// timeouts, user agent and response cap.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OAuthConfig {
    base_url: String,
    connect_timeout: Duration,
    request_timeout: Duration,
    user_agent: String,
    max_response_bytes: usize,
}

impl Default for OAuthConfig {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_AUTH_BASE_URL.to_owned(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl OAuthConfig {
    /// The auth origin (e.g. a razorpay-sandbox URL followed by `/auth`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Connect timeout (must be non-zero).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Whole-request timeout (must be non-zero).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The largest response body read (must be non-zero).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// The configured base URL.
    pub fn get_base_url(&self) -> &str {
        &self.base_url
    }

    /// Client secrets travel in these bodies: plain `http` only to this machine (a sandbox).
    fn validate(&self) -> Result<(), ClientError> {
        let invalid = |reason: &str| ClientError::InvalidConfig {
            reason: reason.to_owned(),
        };
        let url = url::Url::parse(&self.base_url)
            .map_err(|_| invalid("the OAuth base URL is not a URL"))?;
        let loopback = matches!(url.host(), Some(url::Host::Domain("localhost")))
            || matches!(url.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback())
            || matches!(url.host(), Some(url::Host::Ipv6(ip)) if ip.is_loopback());
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => {
                return Err(invalid(
                    "the OAuth base URL must be https (http only to localhost)",
                ));
            }
        }
        if self.connect_timeout.is_zero() || self.request_timeout.is_zero() {
            return Err(invalid("timeouts must be greater than zero"));
        }
        if self.max_response_bytes == 0 {
            return Err(invalid("max_response_bytes must be greater than zero"));
        }
        Ok(())
    }
}

/// The OAuth token client of the official package (`OAuthTokenClient`): the authorisation URL,
/// the access-token exchange, refresh and revocation. Cloning is cheap and shares the
/// connection pool.
///
/// Token calls are never retried: an authorisation code is single-use and a refresh token may
/// rotate, so a repeated request could fail or lose the new token.
#[derive(Debug, Clone)]
pub struct OAuthClient {
    http: reqwest::Client,
    root: String,
    config: OAuthConfig,
}

impl OAuthClient {
    /// Builds a client; [`ClientError::InvalidConfig`] for an unusable configuration.
    pub fn new(config: OAuthConfig) -> Result<Self, ClientError> {
        config.validate()?;
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(config.user_agent.as_str())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ClientError::InvalidConfig {
                reason: format!("HTTP client could not be built: {e}"),
            })?;
        let root = config.base_url.trim_end_matches('/').to_owned();
        Ok(Self { http, root, config })
    }

    /// The configuration the client was built with.
    pub fn config(&self) -> &OAuthConfig {
        &self.config
    }

    /// `generateAuthUrl(params)`: see [`request::authorize_url`].
    pub fn authorize_url(&self, params: &Map<String, Value>) -> Result<String, OAuthError> {
        request::authorize_url(&self.root, params)
    }

    /// `getAccessToken` / `refreshToken` / `revokeToken` with parameters as a map.
    pub async fn call(
        &self,
        call: OAuthCall,
        params: &Map<String, Value>,
    ) -> Result<Value, OAuthError> {
        let request = request::token_request_from_map(call, params)?;
        Ok(self.send(request).await?)
    }

    /// The same with the parameters as JSON text, sent exactly as given (for the bindings).
    pub async fn call_json(&self, call: OAuthCall, params_json: &str) -> Result<Value, OAuthError> {
        let request = request::token_request(call, params_json)?;
        Ok(self.send(request).await?)
    }

    /// Sends a request built by [`request::token_request`] and returns Razorpay's JSON answer.
    pub async fn send(&self, request: TokenRequest) -> Result<Value, ClientError> {
        let response = self
            .http
            .post(format!("{}{}", self.root, request.path))
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/json")
            .body(request.body)
            .send()
            .await
            .map_err(transport_error)?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::client::retry::parse_retry_after);
        let body = read_capped(response, self.config.max_response_bytes).await?;
        if !(200..300).contains(&status) {
            return Err(ClientError::from_status(status, retry_after, &body));
        }
        serde_json::from_slice(&body).map_err(|e| {
            ClientError::unexpected(status, format!("the answer is not JSON: {e}"), &body)
        })
    }
}
