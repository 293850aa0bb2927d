//! Webhook configuration: receivers, the retry schedule and delivery faults (with their
//! bounds). Pure data; the dispatcher in `dispatch` acts on it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

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

    pub(super) fn wants(&self, event: &str) -> bool {
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
    /// Total attempts per delivery, first included.
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
    /// Razorpay's schedule: exponential backoff from 5 minutes, capped at 6 hours, over about
    /// 24 hours (10 attempts). Waits run on sandbox time, so
    /// [`Sandbox::advance_clock`](crate::Sandbox::advance_clock) plays a day of retries in a
    /// test in milliseconds.
    pub fn razorpay() -> Self {
        Self {
            timeout: Duration::from_secs(5),
            max_attempts: 10,
            initial_backoff: Duration::from_secs(5 * 60),
            max_backoff: Duration::from_secs(6 * 60 * 60),
        }
    }

    /// Sum of the waits between the first and the last attempt.
    pub fn total_wait(&self) -> Duration {
        (1..self.max_attempts.max(1))
            .map(|retry| self.backoff(retry))
            .sum()
    }

    pub(super) fn backoff(&self, retry: u32) -> Duration {
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

/// Longest `shuffle_window_ms` or `delay_ms` accepted: one minute. Longer holds would keep
/// deliveries (and `wait_for_webhooks`) hanging for no testing benefit.
pub const MAX_FAULT_DELAY_MS: u64 = 60_000;

impl WebhookFaults {
    /// Checks every value is in range: rates in 0.0–1.0, delays at most [`MAX_FAULT_DELAY_MS`].
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=1.0).contains(&self.duplicate_rate) {
            return Err(format!(
                "duplicate_rate must be between 0.0 and 1.0, got {}",
                self.duplicate_rate
            ));
        }
        for (name, value) in [
            ("shuffle_window_ms", self.shuffle_window_ms),
            ("delay_ms", self.delay_ms),
        ] {
            if value > MAX_FAULT_DELAY_MS {
                return Err(format!(
                    "{name} must be at most {MAX_FAULT_DELAY_MS}, got {value}"
                ));
            }
        }
        Ok(())
    }

    /// The same faults with every value forced into range (for setters that cannot fail).
    pub fn clamped(self) -> Self {
        let rate = if self.duplicate_rate.is_nan() {
            0.0
        } else {
            self.duplicate_rate.clamp(0.0, 1.0)
        };
        Self {
            duplicate_rate: rate,
            shuffle_window_ms: self.shuffle_window_ms.min(MAX_FAULT_DELAY_MS),
            delay_ms: self.delay_ms.min(MAX_FAULT_DELAY_MS),
        }
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
    fn razorpays_schedule_spans_about_a_day() {
        let total = WebhookRetry::razorpay().total_wait().as_secs();
        assert!((20 * 3_600..=26 * 3_600).contains(&total), "{total} s");
    }

    #[test]
    fn endpoints_filter_events() {
        let mut endpoint = WebhookEndpoint::new("http://127.0.0.1:1/hook");
        assert!(endpoint.wants("payment.captured"));
        endpoint.events = Some(vec!["order.paid".into()]);
        assert!(!endpoint.wants("payment.captured"));
        assert!(endpoint.wants("order.paid"));
    }

    #[test]
    fn fault_values_are_bounded() {
        let forever = WebhookFaults {
            shuffle_window_ms: u64::MAX,
            ..WebhookFaults::default()
        };
        assert!(
            forever
                .validate()
                .is_err_and(|e| e.contains("shuffle_window_ms"))
        );
        assert_eq!(forever.clamped().shuffle_window_ms, MAX_FAULT_DELAY_MS);
        let nan = WebhookFaults {
            duplicate_rate: f64::NAN,
            ..WebhookFaults::default()
        };
        assert!(nan.validate().is_err());
        assert_eq!(nan.clamped().duplicate_rate, 0.0);
        assert_eq!(WebhookFaults::default().validate(), Ok(()));
    }
}
