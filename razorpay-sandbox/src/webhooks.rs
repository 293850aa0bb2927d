//! Webhook delivery: Razorpay's envelope, `X-Razorpay-Signature` over the exact bytes sent,
//! a unique `X-Razorpay-Event-Id`, bounded retries with backoff, and switchable delivery faults
//! (duplicates, shuffled order, delays) for reconciliation tests.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use razorpay_core::Secret;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc, watch};

use crate::ids::random_base62;
use crate::store::{Event, now};

/// A registered webhook URL.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    /// Where events are POSTed.
    pub url: String,
    /// Secret used to sign deliveries to this URL; the sandbox's webhook secret when `None`.
    #[serde(default, skip_serializing)]
    pub secret: Option<String>,
    /// Event names to send (all when `None`).
    #[serde(default)]
    pub events: Option<Vec<String>>,
}

impl std::fmt::Debug for WebhookEndpoint {
    // The signing secret is left out on purpose.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookEndpoint")
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("events", &self.events)
            .finish()
    }
}

impl WebhookEndpoint {
    /// Every event, signed with the sandbox's webhook secret.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            secret: None,
            events: None,
        }
    }

    fn wants(&self, event: &str) -> bool {
        self.events
            .as_ref()
            .is_none_or(|events| events.iter().any(|e| e == event))
    }
}

/// Retry behaviour of deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookRetry {
    /// How long a receiver has to answer one attempt (Razorpay: 5 s).
    pub timeout: Duration,
    /// Total attempts per delivery, first included (bounded, unlike Razorpay's 24 h).
    pub max_attempts: u32,
    /// Wait before the first retry; doubles on each further retry.
    pub initial_backoff: Duration,
    /// Upper bound of one wait.
    pub max_backoff: Duration,
}

impl Default for WebhookRetry {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(5),
            max_attempts: 5,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
        }
    }
}

impl WebhookRetry {
    fn backoff(&self, retry: u32) -> Duration {
        let factor = 2_u32.saturating_pow(retry.saturating_sub(1));
        self.initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// Delivery faults, off by default.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WebhookFaults {
    /// Share (0.0–1.0) of events delivered twice, with the same body and event id.
    pub duplicate_rate: f64,
    /// When non-zero, each event waits a random time up to this many ms, so events arrive
    /// out of order.
    pub shuffle_window_ms: u64,
    /// A fixed delay before every delivery, in ms.
    pub delay_ms: u64,
}

/// One delivery attempt, as logged by the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WebhookDelivery {
    /// `X-Razorpay-Event-Id`.
    pub event_id: String,
    /// Event name.
    pub event: String,
    /// Receiver.
    pub url: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// Whether this is a deliberate duplicate.
    pub duplicate: bool,
    /// HTTP status answered, if any.
    pub status: Option<u16>,
    /// Transport error, if the receiver did not answer.
    pub error: Option<String>,
    /// The exact body sent.
    pub body: String,
    /// `X-Razorpay-Signature` sent.
    pub signature: String,
}

impl WebhookDelivery {
    /// Whether the receiver answered 2xx.
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

#[derive(Debug, Clone)]
struct Job {
    event_id: String,
    event: String,
    body: Arc<Vec<u8>>,
    url: String,
    signature: String,
    duplicate: bool,
}

/// The dispatcher shared by the HTTP layer and the `Sandbox` handle.
#[derive(Debug)]
pub struct Webhooks {
    account_id: String,
    secret: Secret,
    endpoints: Mutex<Vec<WebhookEndpoint>>,
    faults: Mutex<WebhookFaults>,
    retry: WebhookRetry,
    log: Mutex<Vec<WebhookDelivery>>,
    pending: AtomicUsize,
    idle: Notify,
    http: reqwest::Client,
    queue: mpsc::UnboundedSender<Job>,
    shutdown: watch::Receiver<bool>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding these locks cannot leave them half-updated, so keep going.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Webhooks {
    /// Starts the dispatcher task.
    pub fn start(
        account_id: String,
        secret: String,
        endpoints: Vec<WebhookEndpoint>,
        retry: WebhookRetry,
        faults: WebhookFaults,
        shutdown: watch::Receiver<bool>,
    ) -> Arc<Self> {
        let (queue, jobs) = mpsc::unbounded_channel();
        // One connection per delivery, closed afterwards: idle keep-alive connections from the
        // sandbox would otherwise hold up a receiver (a test app) that is shutting down.
        let http = reqwest::Client::builder()
            .timeout(retry.timeout)
            .pool_max_idle_per_host(0)
            .user_agent("Razorpay-Webhook/v1")
            .build()
            .unwrap_or_default();
        let webhooks = Arc::new(Self {
            account_id,
            secret: Secret::new(secret),
            endpoints: Mutex::new(endpoints),
            faults: Mutex::new(faults),
            retry,
            log: Mutex::new(Vec::new()),
            pending: AtomicUsize::new(0),
            idle: Notify::new(),
            http,
            queue,
            shutdown,
        });
        tokio::spawn(Arc::clone(&webhooks).dispatch(jobs));
        webhooks
    }

    /// The secret deliveries are signed with by default.
    pub fn secret(&self) -> &str {
        self.secret.expose_secret()
    }

    /// Adds a receiver.
    pub fn register(&self, endpoint: WebhookEndpoint) {
        lock(&self.endpoints).push(endpoint);
    }

    /// Registered receivers.
    pub fn endpoints(&self) -> Vec<WebhookEndpoint> {
        lock(&self.endpoints).clone()
    }

    /// Replaces the delivery faults.
    pub fn set_faults(&self, faults: WebhookFaults) {
        *lock(&self.faults) = faults;
    }

    /// Every attempt so far, in the order they were made.
    pub fn deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.log).clone()
    }

    /// Sends a logged event to `url` once more, as one more attempt with the same event id,
    /// body and signature (the dashboard's "redeliver"); `false` when the log has no such
    /// delivery.
    pub fn redeliver(self: &Arc<Self>, event_id: &str, url: &str) -> bool {
        let job = {
            let log = lock(&self.log);
            let Some(last) = log
                .iter()
                .filter(|d| d.event_id == event_id && d.url == url)
                .max_by_key(|d| d.attempt)
            else {
                return false;
            };
            (
                Job {
                    event_id: last.event_id.clone(),
                    event: last.event.clone(),
                    body: Arc::new(last.body.clone().into_bytes()),
                    url: last.url.clone(),
                    signature: last.signature.clone(),
                    duplicate: false,
                },
                last.attempt.saturating_add(1),
            )
        };
        self.pending.fetch_add(1, Ordering::SeqCst);
        let this = Arc::clone(self);
        tokio::spawn(async move {
            let (job, attempt) = job;
            this.attempt(&job, attempt).await;
            this.finish();
        });
        true
    }

    /// Waits until no delivery is queued or being retried; `false` on timeout.
    pub async fn wait_idle(&self, timeout: Duration) -> bool {
        tokio::time::timeout(timeout, async {
            loop {
                let notified = self.idle.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if self.pending.load(Ordering::SeqCst) == 0 {
                    return;
                }
                notified.await;
            }
        })
        .await
        .is_ok()
    }

    /// Wraps each event in Razorpay's envelope and queues it for every interested receiver.
    pub fn emit(&self, events: Vec<Event>) {
        let endpoints = self.endpoints();
        let faults = *lock(&self.faults);
        for event in events {
            if !endpoints.iter().any(|e| e.wants(event.name)) {
                continue;
            }
            let body = Arc::new(self.envelope(&event));
            let event_id = random_base62(14);
            for endpoint in endpoints.iter().filter(|e| e.wants(event.name)) {
                let secret = endpoint
                    .secret
                    .as_deref()
                    .unwrap_or(self.secret.expose_secret());
                let job = Job {
                    event_id: event_id.clone(),
                    event: event.name.to_string(),
                    signature: razorpay_core::sign_webhook(&body, secret),
                    body: Arc::clone(&body),
                    url: endpoint.url.clone(),
                    duplicate: false,
                };
                let copies = if fastrand::f64() < faults.duplicate_rate {
                    2
                } else {
                    1
                };
                for copy in 0..copies {
                    self.pending.fetch_add(1, Ordering::SeqCst);
                    let job = Job {
                        duplicate: copy > 0,
                        ..job.clone()
                    };
                    if self.queue.send(job).is_err() {
                        self.finish();
                    }
                }
            }
        }
    }

    /// The exact bytes Razorpay would send: compact JSON, envelope keys in Razorpay's order.
    fn envelope(&self, event: &Event) -> Vec<u8> {
        let contains: Vec<&String> = event.payload.keys().collect();
        let envelope = json!({
            "entity": "event",
            "account_id": self.account_id,
            "event": event.name,
            "contains": contains,
            "payload": Value::Object(event.payload.clone()),
            "created_at": now(),
        });
        serde_json::to_vec(&envelope).unwrap_or_default()
    }

    fn finish(&self) {
        if self.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.idle.notify_waiters();
        }
    }

    /// Delivers queued jobs in order; with the shuffle fault each job waits a random time
    /// in its own task instead, so receivers see them out of order.
    async fn dispatch(self: Arc<Self>, mut jobs: mpsc::UnboundedReceiver<Job>) {
        let mut shutdown = self.shutdown.clone();
        loop {
            let job = tokio::select! {
                job = jobs.recv() => job,
                _ = shutdown.changed() => None,
            };
            let Some(job) = job else { break };
            let faults = *lock(&self.faults);
            if faults.shuffle_window_ms > 0 {
                let wait = Duration::from_millis(fastrand::u64(0..=faults.shuffle_window_ms));
                let this = Arc::clone(&self);
                tokio::spawn(async move {
                    tokio::time::sleep(wait).await;
                    this.deliver(job).await;
                });
            } else {
                if faults.delay_ms > 0 {
                    tokio::time::sleep(Duration::from_millis(faults.delay_ms)).await;
                }
                self.deliver_first_then_retry_apart(job).await;
            }
        }
    }

    /// In-order mode: the first attempt is made inline (keeping order), retries run in their
    /// own task so one failing receiver does not hold up the others.
    async fn deliver_first_then_retry_apart(self: &Arc<Self>, job: Job) {
        if self.attempt(&job, 1).await {
            self.finish();
            return;
        }
        let this = Arc::clone(self);
        tokio::spawn(async move { this.retry_from(job, 2).await });
    }

    async fn deliver(self: Arc<Self>, job: Job) {
        self.retry_from(job, 1).await;
    }

    async fn retry_from(&self, job: Job, first_attempt: u32) {
        let mut shutdown = self.shutdown.clone();
        for attempt in first_attempt..=self.retry.max_attempts.max(1) {
            if attempt > 1 {
                let backoff = self.retry.backoff(attempt - 1);
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = shutdown.changed() => break,
                }
            }
            if self.attempt(&job, attempt).await {
                break;
            }
        }
        self.finish();
    }

    /// One POST; `true` when the receiver answered 2xx.
    async fn attempt(&self, job: &Job, attempt: u32) -> bool {
        let result = self
            .http
            .post(&job.url)
            .header("content-type", "application/json")
            .header("x-razorpay-signature", &job.signature)
            .header("x-razorpay-event-id", &job.event_id)
            .body(job.body.as_ref().clone())
            .send()
            .await;
        let (status, error) = match result {
            Ok(response) => (Some(response.status().as_u16()), None),
            Err(error) => (
                None,
                Some(if error.is_timeout() {
                    "timeout".to_string()
                } else {
                    error.to_string()
                }),
            ),
        };
        let delivery = WebhookDelivery {
            event_id: job.event_id.clone(),
            event: job.event.clone(),
            url: job.url.clone(),
            attempt,
            duplicate: job.duplicate,
            status,
            error,
            body: String::from_utf8_lossy(&job.body).into_owned(),
            signature: job.signature.clone(),
        };
        let succeeded = delivery.succeeded();
        crate::shared::push_bounded(&mut lock(&self.log), delivery);
        succeeded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let retry = WebhookRetry {
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(300),
            ..WebhookRetry::default()
        };
        assert_eq!(retry.backoff(1), Duration::from_millis(100));
        assert_eq!(retry.backoff(2), Duration::from_millis(200));
        assert_eq!(retry.backoff(3), Duration::from_millis(300));
        assert_eq!(retry.backoff(40), Duration::from_millis(300));
    }

    #[test]
    fn endpoints_filter_events() {
        let mut endpoint = WebhookEndpoint::new("http://127.0.0.1:1/hook");
        assert!(endpoint.wants("payment.captured"));
        endpoint.events = Some(vec!["order.paid".into()]);
        assert!(!endpoint.wants("payment.captured"));
        assert!(endpoint.wants("order.paid"));
    }
}
