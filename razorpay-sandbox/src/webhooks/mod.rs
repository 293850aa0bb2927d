//! Webhook delivery: Razorpay's envelope, `X-Razorpay-Signature` over the exact bytes sent,
//! a unique `X-Razorpay-Event-Id`, retries on sandbox time (quick by default, Razorpay's
//! ~24 h schedule on request), and switchable delivery faults (duplicates, shuffled order,
//! delays) for reconciliation tests.
//!
//! `config` holds the settings, `dispatch` the delivery loop and its log; this module the
//! dispatcher's state and how events become queued deliveries.

mod config;
mod dispatch;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use razorpay_core::Secret;
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc, watch};

use crate::clock::Clock;
use crate::ids::random_base62;
use crate::store::Event;
use crate::sync::lock;

pub use config::{MAX_FAULT_DELAY_MS, WebhookEndpoint, WebhookFaults, WebhookRetry};
use dispatch::Job;
pub use dispatch::WebhookDelivery;

/// The dispatcher shared by the HTTP layer and the `Sandbox` handle.
#[derive(Debug)]
pub struct Webhooks {
    clock: Clock,
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
    /// Bumped when faults are reset, to release held deliveries.
    released: watch::Sender<u64>,
}

impl Webhooks {
    /// Starts the dispatcher task.
    pub fn start(
        clock: Clock,
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
            clock,
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
            released: watch::channel(0).0,
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

    /// Replaces the delivery faults (validate them first: see [`WebhookFaults::validate`]).
    pub fn set_faults(&self, faults: WebhookFaults) {
        *lock(&self.faults) = faults;
    }

    /// Turns every delivery fault off and sends the deliveries they are holding back now, so
    /// the dispatcher becomes idle again once they are answered.
    pub fn reset_faults(&self) {
        *lock(&self.faults) = WebhookFaults::default();
        self.release_held();
    }

    /// Wakes deliveries waiting out a shuffle or delay fault.
    pub fn release_held(&self) {
        self.released
            .send_modify(|generation| *generation = generation.wrapping_add(1));
    }

    /// Every attempt so far, in the order they were made (each with its `attempt` number, so
    /// a dashboard can group them by `event_id`).
    pub fn deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.log).clone()
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
            "created_at": self.clock.now(),
        });
        serde_json::to_vec(&envelope).unwrap_or_default()
    }

    pub(super) fn finish(&self) {
        if self.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.idle.notify_waiters();
        }
    }
}

impl Webhooks {
    /// The merchant account id of webhook envelopes (also the `source` of direct transfers).
    pub fn account_id(&self) -> &str {
        &self.account_id
    }
}
