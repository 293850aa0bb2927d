//! Starting and stopping the sandbox: the builder, the `Sandbox` handle and the accept loop.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use razorpay_core::Secret;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::accept;
use crate::api_error::ApiError;
use crate::faults::{ApiFault, FaultPlan, FaultRates};
use crate::http::router;
use crate::ids::{new_id, random_base62};
use crate::shared::{RecordedRequest, Shared, lock};
use crate::store::{CheckoutRequest, CheckoutResult, Store};
use crate::webhooks::{WebhookDelivery, WebhookEndpoint, WebhookFaults, WebhookRetry, Webhooks};

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// The loopback port could not be bound.
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// Requested port (0 = any).
        port: u16,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A configured value is unusable.
    #[error("invalid sandbox configuration: {0}")]
    InvalidConfig(String),
}

impl SandboxError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Bind { .. } => "SANDBOX_BIND_FAILED",
            Self::InvalidConfig(_) => "SANDBOX_INVALID_CONFIG",
        }
    }
}

/// A default secret from the OS's random source (ids use a fast PRNG; secrets do not).
fn random_secret() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Configures a sandbox before it starts. Every setting has a test-friendly default.
///
/// The secrets are [`Secret`]s, so `Debug` prints `Secret(<redacted>)` in their place.
#[derive(Debug, Clone)]
#[must_use]
pub struct SandboxBuilder {
    port: u16,
    key_id: Option<String>,
    key_secret: Option<Secret>,
    webhook_secret: Option<Secret>,
    auto_capture: bool,
    webhooks: Vec<WebhookEndpoint>,
    webhook_retry: WebhookRetry,
    webhook_faults: WebhookFaults,
    fault_rates: FaultRates,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            port: 0,
            key_id: None,
            key_secret: None,
            webhook_secret: None,
            auto_capture: true,
            webhooks: Vec::new(),
            webhook_retry: WebhookRetry::default(),
            webhook_faults: WebhookFaults::default(),
            fault_rates: FaultRates::default(),
        }
    }
}

impl SandboxBuilder {
    /// Port on 127.0.0.1 (default 0: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// API key id (default: a random `rzp_test_…`).
    pub fn key_id(mut self, key_id: impl Into<String>) -> Self {
        self.key_id = Some(key_id.into());
        self
    }

    /// API key secret (default: random).
    pub fn key_secret(mut self, key_secret: impl Into<String>) -> Self {
        self.key_secret = Some(Secret::new(key_secret));
        self
    }

    /// Secret webhooks are signed with (default: random).
    pub fn webhook_secret(mut self, secret: impl Into<String>) -> Self {
        self.webhook_secret = Some(Secret::new(secret));
        self
    }

    /// Account-wide automatic capture (default `true`, like most Razorpay accounts).
    pub fn auto_capture(mut self, auto_capture: bool) -> Self {
        self.auto_capture = auto_capture;
        self
    }

    /// Registers a webhook URL receiving every event, signed with the webhook secret.
    pub fn webhook(mut self, url: impl Into<String>) -> Self {
        self.webhooks.push(WebhookEndpoint::new(url));
        self
    }

    /// Registers a webhook endpoint with its own secret or event filter.
    pub fn webhook_endpoint(mut self, endpoint: WebhookEndpoint) -> Self {
        self.webhooks.push(endpoint);
        self
    }

    /// Webhook timeout and retry schedule (keep it small in tests).
    pub fn webhook_retry(mut self, retry: WebhookRetry) -> Self {
        self.webhook_retry = retry;
        self
    }

    /// Initial webhook delivery faults.
    pub fn webhook_faults(mut self, faults: WebhookFaults) -> Self {
        self.webhook_faults = faults;
        self
    }

    /// Initial random API fault shares.
    pub fn fault_rates(mut self, rates: FaultRates) -> Self {
        self.fault_rates = rates;
        self
    }

    /// Binds 127.0.0.1 and starts serving in the current tokio runtime.
    pub async fn start(self) -> Result<Sandbox, SandboxError> {
        let key_id = self
            .key_id
            .unwrap_or_else(|| format!("rzp_test_{}", random_base62(14)));
        if key_id.is_empty() || key_id.contains(':') {
            return Err(SandboxError::InvalidConfig(
                "the key id must be non-empty and contain no ':'".into(),
            ));
        }
        let reveal = |secret: Option<Secret>| secret.map(|s| s.expose_secret().to_owned());
        let key_secret = reveal(self.key_secret).unwrap_or_else(random_secret);
        if key_secret.is_empty() {
            return Err(SandboxError::InvalidConfig(
                "the key secret must be non-empty".into(),
            ));
        }
        let webhook_secret = reveal(self.webhook_secret).unwrap_or_else(random_secret);
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, self.port))
            .await
            .map_err(|source| SandboxError::Bind {
                port: self.port,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            port: self.port,
            source,
        })?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let account_id = new_id("acc");
        let webhooks = Webhooks::start(
            account_id.clone(),
            webhook_secret,
            self.webhooks,
            self.webhook_retry,
            self.webhook_faults,
            shutdown_rx.clone(),
        );
        let mut faults = FaultPlan::default();
        faults.set_rates(self.fault_rates);
        let shared = Arc::new(Shared {
            store: Mutex::new(Store::new(self.auto_capture)),
            faults: Mutex::new(faults),
            requests: Mutex::new(Vec::new()),
            webhooks,
            key_id,
            key_secret: Secret::new(key_secret),
        });
        let server = tokio::spawn(accept::serve(
            listener,
            router(Arc::clone(&shared)),
            shutdown_rx,
        ));
        Ok(Sandbox {
            url: format!("http://{addr}"),
            addr,
            account_id,
            shared,
            shutdown,
            server: Some(server),
        })
    }
}

/// A running sandbox. Dropping it stops the server; [`Sandbox::stop`] also waits for it.
pub struct Sandbox {
    url: String,
    addr: SocketAddr,
    account_id: String,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    server: Option<JoinHandle<()>>,
}

impl fmt::Debug for Sandbox {
    // The key and webhook secrets are left out on purpose.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("url", &self.url)
            .field("key_id", &self.shared.key_id)
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts a sandbox with defaults (any free port, random keys).
    pub async fn start() -> Result<Self, SandboxError> {
        Self::builder().start().await
    }

    /// A builder for custom keys, port, webhooks and faults.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// Base URL, e.g. `http://127.0.0.1:40123` (the API lives under `/v1`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// API key id accepted by the sandbox.
    pub fn key_id(&self) -> &str {
        &self.shared.key_id
    }

    /// API key secret accepted by the sandbox (also signs checkout results).
    pub fn key_secret(&self) -> &str {
        self.shared.key_secret.expose_secret()
    }

    /// Secret that signs webhooks (unless an endpoint has its own).
    pub fn webhook_secret(&self) -> &str {
        self.shared.webhooks.secret()
    }

    /// A client configuration for this sandbox (its URL and keys, default timeouts/retries).
    pub fn client_config(&self) -> razorpay_core::client::ClientConfig {
        razorpay_core::client::ClientConfig::new(self.key_id(), self.key_secret())
            .base_url(self.url())
    }

    /// A `RazorpayClient` bound to this sandbox.
    pub fn client(
        &self,
    ) -> Result<razorpay_core::client::RazorpayClient, razorpay_core::client::ClientError> {
        razorpay_core::client::RazorpayClient::new(self.client_config())
    }

    /// The `account_id` in webhook envelopes.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// Registers a webhook URL receiving every event.
    pub fn register_webhook(&self, url: impl Into<String>) {
        self.shared.webhooks.register(WebhookEndpoint::new(url));
    }

    /// Registers a webhook endpoint with its own secret or event filter.
    pub fn register_webhook_endpoint(&self, endpoint: WebhookEndpoint) {
        self.shared.webhooks.register(endpoint);
    }

    /// Simulated checkout from Rust: same effect as `POST /sandbox/checkout`.
    pub fn checkout(&self, request: &CheckoutRequest) -> Result<CheckoutResult, ApiError> {
        self.shared.checkout(request)
    }

    /// Shorthand: a successful card payment of the whole order.
    pub fn pay(&self, order_id: &str) -> Result<CheckoutResult, ApiError> {
        self.checkout(&CheckoutRequest::new(order_id))
    }

    /// Injects `fault` into the next `/v1` request.
    pub fn push_fault(&self, fault: ApiFault) {
        lock(&self.shared.faults).push(fault);
    }

    /// Sets random fault shares for `/v1` requests.
    pub fn set_fault_rates(&self, rates: FaultRates) {
        lock(&self.shared.faults).set_rates(rates);
    }

    /// Removes queued faults and shares.
    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// Every `/v1` request seen so far.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        lock(&self.shared.requests).clear();
    }

    /// Switches webhook delivery faults.
    pub fn set_webhook_faults(&self, faults: WebhookFaults) {
        self.shared.webhooks.set_faults(faults);
    }

    /// Every webhook delivery attempt so far.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.shared.webhooks.deliveries()
    }

    /// Waits until all queued webhook deliveries (and their retries) are done; `false` on timeout.
    pub async fn wait_for_webhooks(&self, timeout: Duration) -> bool {
        self.shared.webhooks.wait_idle(timeout).await
    }

    /// Stops accepting connections, lets open ones finish briefly, and waits for the server.
    pub async fn stop(mut self) {
        let _ = self.shutdown.send(true);
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}
