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
use crate::clock::Clock;
use crate::faults::{ApiFault, FaultPlan, FaultRates};
use crate::http::router;
use crate::ids::{new_id, random_base62};
use crate::shared::{RecordedRequest, Shared};
use crate::store::{
    AccountSettings, CheckoutMethod, CheckoutRequest, CheckoutResult, LinkPayment,
    RefundProcessing, Store, SubscriptionAuth,
};
use crate::sync::lock;
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
    settings: AccountSettings,
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
            settings: AccountSettings::default(),
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

    /// Largest order amount in minor units (default ₹5,00,000: 50,000,000 paise); above it
    /// Razorpay answers "Amount exceeds maximum amount allowed.".
    pub fn max_amount(mut self, max_amount: i64) -> Self {
        self.settings.max_amount = max_amount;
        self
    }

    /// Refuses a repeated order `receipt`, as accounts with unique receipts do (default off).
    pub fn unique_receipts(mut self, unique: bool) -> Self {
        self.settings.unique_receipts = unique;
        self
    }

    /// How normal-speed refunds are processed (default: at once, as in test mode).
    pub fn refund_processing(mut self, refunds: RefundProcessing) -> Self {
        self.settings.refunds = refunds;
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
        self.webhook_faults
            .validate()
            .and_then(|()| self.fault_rates.validate())
            .map_err(SandboxError::InvalidConfig)?;
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
        if self.settings.max_amount < 1 {
            return Err(SandboxError::InvalidConfig(
                "the maximum amount must be positive".into(),
            ));
        }
        let account_id = new_id("acc");
        let clock = Clock::real();
        let webhooks = Webhooks::start(
            clock.clone(),
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
            store: Mutex::new(Store::with_settings(
                self.auto_capture,
                self.settings,
                clock.clone(),
            )),
            faults: Mutex::new(faults),
            requests: Mutex::new(Vec::new()),
            webhooks,
            key_id,
            key_secret: Secret::new(key_secret),
            clock,
        });
        tokio::spawn(tick_every_second(Arc::clone(&shared), shutdown_rx.clone()));
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

/// Runs due work (automatic refunds, refund processing, expiry, charges) once a second of
/// real time, so a sandbox on the real clock behaves like Razorpay without any test help.
async fn tick_every_second(shared: Arc<Shared>, mut shutdown: watch::Receiver<bool>) {
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = interval.tick() => shared.tick(),
            _ = shutdown.changed() => break,
        }
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

    /// Turns every fault off: queued and random API faults and webhook delivery faults;
    /// deliveries held back by a shuffle or delay are sent at once, so the webhook
    /// dispatcher becomes idle again.
    pub fn clear_faults(&self) {
        self.shared.reset_faults();
    }

    /// Every `/v1` request seen so far.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        lock(&self.shared.requests).clear();
    }

    /// Switches webhook delivery faults; values out of range are clamped (rates to
    /// 0.0–1.0, delays to [`crate::MAX_FAULT_DELAY_MS`]). Over HTTP they are refused.
    pub fn set_webhook_faults(&self, faults: WebhookFaults) {
        self.shared.webhooks.set_faults(faults.clamped());
    }

    /// Every webhook delivery attempt so far.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.shared.webhooks.deliveries()
    }

    /// Waits until all queued webhook deliveries (and their retries) are done; `false` on timeout.
    pub async fn wait_for_webhooks(&self, timeout: Duration) -> bool {
        self.shared.webhooks.wait_idle(timeout).await
    }

    /// Moves sandbox time forward by `seconds` and runs what became due (automatic refunds
    /// of uncaptured authorizations, pending refunds, expiry, subscription charges, webhook
    /// retries waiting on the clock); same as `POST /sandbox/clock/advance`.
    pub fn advance_clock(&self, seconds: i64) -> Result<i64, ApiError> {
        self.shared.advance_clock(seconds)
    }

    /// Sandbox time, in seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        self.shared.clock.now()
    }

    /// Processes a pending refund (`refund.processed`).
    pub fn process_refund(&self, refund_id: &str) -> Result<serde_json::Value, ApiError> {
        let mutation = lock(&self.shared.store).settle_refund(refund_id, true);
        self.shared.emit(mutation)
    }

    /// Fails a pending refund (`refund.failed`; the amount is refundable again).
    pub fn fail_refund(&self, refund_id: &str) -> Result<serde_json::Value, ApiError> {
        let mutation = lock(&self.shared.store).settle_refund(refund_id, false);
        self.shared.emit(mutation)
    }

    /// Late authorization of a failed payment (`payment.authorized`, then captured when its
    /// order captures automatically and is unpaid).
    pub fn authorize_late(&self, payment_id: &str) -> Result<serde_json::Value, ApiError> {
        let mutation = lock(&self.shared.store).authorize_late(payment_id);
        self.shared.emit(mutation)
    }

    /// A customer pays a payment link (the whole amount due unless `amount` is given, for
    /// links that accept partial payments): the signed callback fields.
    pub fn pay_payment_link(
        &self,
        payment_link_id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
    ) -> Result<LinkPayment, ApiError> {
        self.shared
            .pay_payment_link(payment_link_id, method, amount)
    }

    /// The customer completes a subscription's Checkout (authentication payment; the first
    /// charge at once when it starts now): the signed `payment_id|subscription_id` fields.
    pub fn authenticate_subscription(
        &self,
        subscription_id: &str,
        method: CheckoutMethod,
    ) -> Result<SubscriptionAuth, ApiError> {
        self.shared
            .authenticate_subscription(subscription_id, method)
    }

    /// Makes a subscription's next charges fail (`true`) or succeed again (`false`).
    pub fn fail_subscription_charges(
        &self,
        subscription_id: &str,
        fail: bool,
    ) -> Result<serde_json::Value, ApiError> {
        lock(&self.shared.store).set_subscription_charges_fail(subscription_id, fail)
    }

    /// Changes how normal-speed refunds are processed from now on.
    pub fn set_refund_processing(&self, refunds: RefundProcessing) {
        lock(&self.shared.store).set_refund_processing(refunds);
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

/// Billing controls: invoice payments and instant-refund availability.
impl Sandbox {
    /// The customer pays a standalone invoice (all that is due unless `amount` is given, for
    /// invoices that take partial payments): the signed callback fields; same as `POST
    /// /sandbox/invoices/:id/pay`.
    pub fn pay_invoice(
        &self,
        invoice_id: &str,
        method: CheckoutMethod,
        amount: Option<i64>,
    ) -> Result<crate::store::InvoicePayment, ApiError> {
        self.shared.pay_invoice(invoice_id, method, amount)
    }

    /// Makes instant refunds unavailable (`false`): `speed: optimum` refunds then fall back
    /// to normal speed with `refund.speed_changed`, as when Razorpay's instant attempt fails.
    pub fn set_instant_refunds(&self, available: bool) {
        lock(&self.shared.store).set_instant_refunds(available);
    }
}
