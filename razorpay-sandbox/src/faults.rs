//! API fault injection: scripted faults for the next requests and random shares of faults,
//! so tests can watch a client's timeouts and retries against a server that misbehaves on cue.

use std::collections::VecDeque;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// One way the API can misbehave on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApiFault {
    /// Answer `500` with Razorpay's `SERVER_ERROR` body, without touching any state.
    ServerError,
    /// Answer `429` with a `Retry-After` header of `retry_after_secs`, without touching any state.
    RateLimited {
        /// Seconds in the `Retry-After` header.
        retry_after_secs: u64,
    },
    /// Wait `delay_ms` before handling the request normally.
    Slow {
        /// Delay in milliseconds.
        delay_ms: u64,
    },
    /// Read the request, then close the connection without answering (state untouched).
    DropConnection,
}

/// Shares (0.0–1.0) of `/v1` requests that get each fault when no scripted fault is queued.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct FaultRates {
    /// Share answered with `500`.
    pub server_error: f64,
    /// Share answered with `429`.
    pub rate_limited: f64,
    /// `Retry-After` seconds sent with those `429`s.
    pub retry_after_secs: u64,
    /// Share answered slowly.
    pub slow: f64,
    /// Delay of slow answers, in milliseconds.
    pub slow_delay_ms: u64,
    /// Share of connections dropped after the request was read.
    pub drop_connection: f64,
}

impl FaultRates {
    fn roll(&self) -> Option<ApiFault> {
        let draw = fastrand::f64();
        let mut threshold = 0.0;
        let candidates = [
            (self.server_error, ApiFault::ServerError),
            (
                self.rate_limited,
                ApiFault::RateLimited {
                    retry_after_secs: self.retry_after_secs,
                },
            ),
            (
                self.slow,
                ApiFault::Slow {
                    delay_ms: self.slow_delay_ms,
                },
            ),
            (self.drop_connection, ApiFault::DropConnection),
        ];
        for (share, fault) in candidates {
            threshold += share.clamp(0.0, 1.0);
            if draw < threshold {
                return Some(fault);
            }
        }
        None
    }
}

/// Longest `Slow` delay accepted: one minute.
pub const MAX_SLOW_DELAY_MS: u64 = 60_000;
/// Largest `Retry-After` accepted: one hour.
pub const MAX_RETRY_AFTER_SECS: u64 = 3_600;
/// Most scripted faults queued at once.
pub const MAX_QUEUED_FAULTS: usize = 1_000;

impl ApiFault {
    /// Checks the fault's delay or `Retry-After` is in range.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Self::Slow { delay_ms } if delay_ms > MAX_SLOW_DELAY_MS => Err(format!(
                "delay_ms must be at most {MAX_SLOW_DELAY_MS}, got {delay_ms}"
            )),
            Self::RateLimited { retry_after_secs } if retry_after_secs > MAX_RETRY_AFTER_SECS => {
                Err(format!(
                    "retry_after_secs must be at most {MAX_RETRY_AFTER_SECS}, got {retry_after_secs}"
                ))
            }
            _ => Ok(()),
        }
    }

    /// The same fault with its values forced into range.
    pub fn clamped(self) -> Self {
        match self {
            Self::Slow { delay_ms } => Self::Slow {
                delay_ms: delay_ms.min(MAX_SLOW_DELAY_MS),
            },
            Self::RateLimited { retry_after_secs } => Self::RateLimited {
                retry_after_secs: retry_after_secs.min(MAX_RETRY_AFTER_SECS),
            },
            other => other,
        }
    }
}

fn share(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    }
}

impl FaultRates {
    /// Checks every share is in 0.0–1.0, their sum at most 1.0, and delays in range.
    pub fn validate(&self) -> Result<(), String> {
        let shares = [
            ("server_error", self.server_error),
            ("rate_limited", self.rate_limited),
            ("slow", self.slow),
            ("drop_connection", self.drop_connection),
        ];
        if let Some((name, value)) = shares.iter().find(|(_, v)| !(0.0..=1.0).contains(v)) {
            return Err(format!("{name} must be between 0.0 and 1.0, got {value}"));
        }
        let sum: f64 = shares.iter().map(|(_, v)| v).sum();
        if sum > 1.0 + 1e-9 {
            return Err(format!("the shares must add up to at most 1.0, got {sum}"));
        }
        if self.slow_delay_ms > MAX_SLOW_DELAY_MS {
            return Err(format!(
                "slow_delay_ms must be at most {MAX_SLOW_DELAY_MS}, got {}",
                self.slow_delay_ms
            ));
        }
        if self.retry_after_secs > MAX_RETRY_AFTER_SECS {
            return Err(format!(
                "retry_after_secs must be at most {MAX_RETRY_AFTER_SECS}, got {}",
                self.retry_after_secs
            ));
        }
        Ok(())
    }

    /// The same shares with every value forced into range.
    pub fn clamped(self) -> Self {
        Self {
            server_error: share(self.server_error),
            rate_limited: share(self.rate_limited),
            retry_after_secs: self.retry_after_secs.min(MAX_RETRY_AFTER_SECS),
            slow: share(self.slow),
            slow_delay_ms: self.slow_delay_ms.min(MAX_SLOW_DELAY_MS),
            drop_connection: share(self.drop_connection),
        }
    }
}

/// The fault plan: a queue of scripted faults consumed first, then random shares.
#[derive(Debug, Default)]
pub struct FaultPlan {
    queue: VecDeque<ApiFault>,
    rates: FaultRates,
}

impl FaultPlan {
    /// Queues `fault` (clamped into range) for the next `/v1` request without one; the
    /// oldest queued fault is dropped beyond [`MAX_QUEUED_FAULTS`].
    pub fn push(&mut self, fault: ApiFault) {
        if self.queue.len() >= MAX_QUEUED_FAULTS {
            self.queue.pop_front();
        }
        self.queue.push_back(fault.clamped());
    }

    /// Replaces the random shares (clamped into range).
    pub fn set_rates(&mut self, rates: FaultRates) {
        self.rates = rates.clamped();
    }

    /// Clears queued faults and shares.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The fault for the request being handled now, if any.
    pub fn next(&mut self) -> Option<ApiFault> {
        self.queue.pop_front().or_else(|| self.rates.roll())
    }
}

impl ApiFault {
    /// The delay of a slow answer.
    pub fn delay(self) -> Option<Duration> {
        match self {
            Self::Slow { delay_ms } => Some(Duration::from_millis(delay_ms)),
            _ => None,
        }
    }

    /// A short label for the request log.
    pub fn label(self) -> &'static str {
        match self {
            Self::ServerError => "server_error",
            Self::RateLimited { .. } => "rate_limited",
            Self::Slow { .. } => "slow",
            Self::DropConnection => "drop_connection",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_faults_come_first_and_once() {
        let mut plan = FaultPlan::default();
        plan.push(ApiFault::ServerError);
        plan.push(ApiFault::DropConnection);
        assert_eq!(plan.next(), Some(ApiFault::ServerError));
        assert_eq!(plan.next(), Some(ApiFault::DropConnection));
        assert_eq!(plan.next(), None);
    }

    #[test]
    fn a_full_share_always_faults_and_zero_never_does() {
        let mut plan = FaultPlan::default();
        plan.set_rates(FaultRates {
            server_error: 1.0,
            ..FaultRates::default()
        });
        assert!((0..100).all(|_| plan.next() == Some(ApiFault::ServerError)));
        plan.clear();
        assert!((0..100).all(|_| plan.next().is_none()));
    }

    #[test]
    fn fault_values_are_bounded() {
        let slow = ApiFault::Slow { delay_ms: u64::MAX };
        assert!(slow.validate().is_err());
        assert_eq!(
            slow.clamped(),
            ApiFault::Slow {
                delay_ms: MAX_SLOW_DELAY_MS
            }
        );
        let rates = FaultRates {
            server_error: 0.7,
            slow: 0.7,
            ..FaultRates::default()
        };
        assert!(rates.validate().is_err_and(|e| e.contains("add up")));
        let nan = FaultRates {
            drop_connection: f64::NAN,
            ..FaultRates::default()
        };
        assert!(nan.validate().is_err());
        assert_eq!(nan.clamped().drop_connection, 0.0);
        let mut plan = FaultPlan::default();
        for _ in 0..MAX_QUEUED_FAULTS + 5 {
            plan.push(ApiFault::ServerError);
        }
        assert_eq!(plan.queue.len(), MAX_QUEUED_FAULTS);
    }

    #[test]
    fn faults_round_trip_as_tagged_json() {
        let fault: ApiFault =
            serde_json::from_str(r#"{"kind":"rate_limited","retry_after_secs":2}"#).unwrap();
        assert_eq!(
            fault,
            ApiFault::RateLimited {
                retry_after_secs: 2
            }
        );
    }
}
