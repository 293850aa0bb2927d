//! The delivery loop: in-order first attempts, retries on sandbox time, the shuffle and
//! delay faults, and the log of every attempt.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::mpsc;

use super::Webhooks;
use crate::sync::{lock, push_bounded};

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

/// One queued delivery of one event to one receiver.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub(super) event_id: String,
    pub(super) event: &'static str,
    pub(super) body: Arc<Vec<u8>>,
    pub(super) url: String,
    pub(super) signature: String,
    pub(super) duplicate: bool,
}

impl Webhooks {
    /// Waits `wait` of a delivery fault, or less when the faults are reset
    /// ([`Webhooks::release_held`]), so a reset never leaves deliveries hanging.
    async fn hold(&self, wait: Duration) {
        let mut released = self.released.subscribe();
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = released.changed() => {}
        }
    }

    /// Delivers queued jobs in order; with the shuffle fault each job waits a random time
    /// in its own task instead, so receivers see them out of order.
    pub(super) async fn dispatch(self: Arc<Self>, mut jobs: mpsc::UnboundedReceiver<Job>) {
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
                    this.hold(wait).await;
                    this.deliver(job).await;
                });
            } else {
                if faults.delay_ms > 0 {
                    self.hold(Duration::from_millis(faults.delay_ms)).await;
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
                    () = self.clock.sleep(backoff) => {}
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
            event: job.event.to_string(),
            url: job.url.clone(),
            attempt,
            duplicate: job.duplicate,
            status,
            error,
            body: String::from_utf8_lossy(&job.body).into_owned(),
            signature: job.signature.clone(),
        };
        let succeeded = delivery.succeeded();
        push_bounded(&mut lock(&self.log), delivery);
        succeeded
    }
}
