//! Client configuration: keys, base URL, timeouts, retries, user agent.

use std::fmt;
use std::time::Duration;

use super::error::ClientError;
use super::retry::RetryPolicy;
use crate::Secret;

/// Razorpay's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.razorpay.com";
/// Time allowed to open a TCP/TLS connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one attempt, from sending the request to reading the whole answer.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest response body read, success or error (8 MiB): Razorpay's largest documented answer
/// (a 100-item page of payments) is well under 1 MiB, so this only stops a broken or hostile
/// endpoint from filling memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;
/// `checkout-kit/<version>`.
pub const DEFAULT_USER_AGENT: &str = concat!("checkout-kit/", env!("CARGO_PKG_VERSION"));

/// Whether a key works on test or live data, read from its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `rzp_test_…`: test mode, no real money.
    Test,
    /// `rzp_live_…`: live mode.
    Live,
    /// Any other prefix (partner or custom keys).
    Unknown,
}

impl Mode {
    /// The mode of a key id.
    pub fn of_key(key_id: &str) -> Self {
        if key_id.starts_with(crate::limits::TEST_KEY_PREFIX) {
            Self::Test
        } else if key_id.starts_with(crate::limits::LIVE_KEY_PREFIX) {
            Self::Live
        } else {
            Self::Unknown
        }
    }

    /// `test`, `live` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Test => "test",
            Self::Live => "live",
            Self::Unknown => "unknown",
        }
    }
}

/// Everything a [`RazorpayClient`](super::RazorpayClient) needs. The key secret is a
/// [`Secret`]: it never appears in `Debug` output or errors.
///
/// ```
/// use std::time::Duration;
/// use razorpay_core::client::{ClientConfig, Mode, RetryPolicy};
///
/// let config = ClientConfig::new("rzp_test_1DP5mmOlF5G5ag", "thisissecret")
///     .request_timeout(Duration::from_secs(10))
///     .retry_policy(RetryPolicy::default().max_retries(3));
/// assert_eq!(config.mode(), Mode::Test);
/// assert!(!format!("{config:?}").contains("thisissecret"));
/// ```
#[derive(Clone)]
#[must_use]
#[non_exhaustive]
pub struct ClientConfig {
    key_id: String,
    key_secret: Secret,
    base_url: String,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry_policy: RetryPolicy,
    user_agent: String,
    max_response_bytes: usize,
    headers: Vec<(String, String)>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("key_id", &self.key_id)
            .field("key_secret", &self.key_secret)
            .field("base_url", &self.base_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry_policy", &self.retry_policy)
            .field("user_agent", &self.user_agent)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("headers", &self.headers)
            .finish()
    }
}

impl ClientConfig {
    /// Keys with every other setting at its default.
    pub fn new(key_id: impl Into<String>, key_secret: impl Into<String>) -> Self {
        Self {
            key_id: key_id.into(),
            key_secret: Secret::new(key_secret),
            base_url: DEFAULT_BASE_URL.to_string(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            retry_policy: RetryPolicy::default(),
            user_agent: DEFAULT_USER_AGENT.to_string(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            headers: Vec::new(),
        }
    }

    /// Reads `RAZORPAY_KEY_ID`, `RAZORPAY_KEY_SECRET` and the optional `RAZORPAY_BASE_URL`.
    pub fn from_env() -> Result<Self, ClientError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`from_env`](Self::from_env) with any variable source (handy in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ClientError> {
        let read = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let missing = |name: &str| ClientError::InvalidConfig {
            reason: format!("{name} is not set"),
        };
        let key_id = read("RAZORPAY_KEY_ID").ok_or_else(|| missing("RAZORPAY_KEY_ID"))?;
        let key_secret =
            read("RAZORPAY_KEY_SECRET").ok_or_else(|| missing("RAZORPAY_KEY_SECRET"))?;
        let config = Self::new(key_id.trim(), key_secret.trim());
        Ok(match read("RAZORPAY_BASE_URL") {
            Some(url) => config.base_url(url.trim()),
            None => config,
        })
    }

    /// API base URL without `/v1` (default `https://api.razorpay.com`).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Timeout of each attempt, whole answer included (default 30 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Retry policy (default: 2 retries with backoff and jitter).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = policy;
        self
    }

    /// `User-Agent` header (default `checkout-kit/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Largest response body the client reads, success or error (default 8 MiB); a longer
    /// answer fails with [`ClientError::ResponseTooLarge`] without being read further.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// The response body limit in bytes.
    pub fn get_max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    /// A header sent with every request, as the official package's `headers` option
    /// (`X-Razorpay-Account` for partner calls on behalf of a sub-merchant). `Authorization`
    /// and `X-Refund-Idempotency` are the client's own and are refused; a `Content-Type` is
    /// ignored (each request carries its body's own).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The extra headers.
    pub fn get_headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The key id.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The key secret.
    pub fn key_secret(&self) -> &Secret {
        &self.key_secret
    }

    /// Test or live, from the key id's prefix.
    pub fn mode(&self) -> Mode {
        Mode::of_key(&self.key_id)
    }

    /// The configured base URL.
    pub fn get_base_url(&self) -> &str {
        &self.base_url
    }

    /// The connect timeout.
    pub fn get_connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The per-attempt timeout.
    pub fn get_request_timeout(&self) -> Duration {
        self.request_timeout
    }

    /// The retry policy.
    pub fn get_retry_policy(&self) -> &RetryPolicy {
        &self.retry_policy
    }

    /// The user agent.
    pub fn get_user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Checks the configuration before a client is built from it.
    pub(crate) fn validate(&self) -> Result<(), ClientError> {
        let invalid = |reason: &str| {
            Err(ClientError::InvalidConfig {
                reason: reason.to_string(),
            })
        };
        if self.key_id.trim().is_empty() {
            return invalid("the key id is empty");
        }
        if self.key_id.contains(':') || self.key_id.chars().any(char::is_whitespace) {
            return invalid("the key id contains ':' or whitespace");
        }
        if self.key_secret.is_empty() {
            return invalid("the key secret is empty");
        }
        if self.connect_timeout.is_zero() || self.request_timeout.is_zero() {
            return invalid("timeouts must be greater than zero");
        }
        if self.max_response_bytes == 0 {
            return invalid("max_response_bytes must be greater than zero");
        }
        for (name, value) in &self.headers {
            let reserved = ["authorization", "x-refund-idempotency"];
            if reserved.contains(&name.to_ascii_lowercase().as_str()) {
                return invalid("headers may not set Authorization or X-Refund-Idempotency");
            }
            if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err()
                || reqwest::header::HeaderValue::from_str(value).is_err()
            {
                return invalid("a header name or value is not valid HTTP");
            }
        }
        let url = match reqwest::Url::parse(&self.base_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => url,
            _ => return invalid("the base URL must be an absolute http(s) URL"),
        };
        // A live key's Basic header carries the live secret: never send it in clear text, not
        // even to a local proxy (a TLS-terminating proxy can be given an https URL).
        if self.mode() == Mode::Live && url.scheme() != "https" {
            return invalid("a live key (rzp_live_) needs an https:// base URL");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn mode_comes_from_the_key_prefix() {
        assert_eq!(Mode::of_key("rzp_test_abc"), Mode::Test);
        assert_eq!(Mode::of_key("rzp_live_abc"), Mode::Live);
        assert_eq!(Mode::of_key("abc"), Mode::Unknown);
    }

    #[test]
    fn reads_the_environment() {
        let config = ClientConfig::from_lookup(env(&[
            ("RAZORPAY_KEY_ID", "rzp_live_x"),
            ("RAZORPAY_KEY_SECRET", "s"),
            ("RAZORPAY_BASE_URL", "http://127.0.0.1:9090"),
        ]))
        .expect("complete environment");
        assert_eq!(config.mode(), Mode::Live);
        assert_eq!(config.get_base_url(), "http://127.0.0.1:9090");
        let missing =
            ClientConfig::from_lookup(env(&[("RAZORPAY_KEY_ID", "rzp_test_x")])).unwrap_err();
        assert_eq!(missing.code(), "INVALID_CONFIG");
        assert!(missing.to_string().contains("RAZORPAY_KEY_SECRET"));
    }

    #[test]
    fn defaults_are_finite_and_documented() {
        let config = ClientConfig::new("rzp_test_x", "s");
        assert_eq!(config.get_base_url(), DEFAULT_BASE_URL);
        assert_eq!(config.get_connect_timeout(), DEFAULT_CONNECT_TIMEOUT);
        assert_eq!(config.get_request_timeout(), DEFAULT_REQUEST_TIMEOUT);
        assert!(config.get_user_agent().starts_with("checkout-kit/"));
        assert!(config.validate().is_ok());
    }

    #[test]
    fn rejects_unusable_settings() {
        for config in [
            ClientConfig::new("", "s"),
            ClientConfig::new("rzp_test_x", ""),
            ClientConfig::new("rzp:test", "s"),
            ClientConfig::new("rzp_test_x", "s").base_url("ftp://x"),
            ClientConfig::new("rzp_test_x", "s").base_url("not a url"),
            ClientConfig::new("rzp_test_x", "s").request_timeout(Duration::ZERO),
            ClientConfig::new("rzp_test_x", "s").max_response_bytes(0),
            ClientConfig::new("rzp_live_x", "s").base_url("http://api.razorpay.com"),
            ClientConfig::new("rzp_live_x", "s").base_url("http://127.0.0.1:9090"),
            ClientConfig::new("rzp_test_x", "s").header("Authorization", "Basic x"),
            ClientConfig::new("rzp_test_x", "s").header("X-Razorpay-Account", "acc\n1"),
        ] {
            assert_eq!(
                config.validate().map_err(|e| e.code()),
                Err("INVALID_CONFIG"),
                "{config:?}"
            );
        }
    }

    #[test]
    fn live_keys_need_https_and_test_keys_may_use_http() {
        let live = ClientConfig::new("rzp_live_x", "s");
        assert!(live.validate().is_ok());
        assert!(
            live.clone()
                .base_url("https://127.0.0.1:9443")
                .validate()
                .is_ok()
        );
        let error = live
            .base_url("http://api.razorpay.com")
            .validate()
            .unwrap_err();
        assert!(error.to_string().contains("https"), "{error}");
        let test = ClientConfig::new("rzp_test_x", "s").base_url("http://127.0.0.1:9090");
        assert!(test.validate().is_ok());
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let config = ClientConfig::new("rzp_test_x", "hunter2-secret");
        assert!(!format!("{config:?}").contains("hunter2"));
    }
}
