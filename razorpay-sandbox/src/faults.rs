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

/// The fault plan: a queue of scripted faults consumed first, then random shares.
#[derive(Debug, Default)]
pub struct FaultPlan {
    queue: VecDeque<ApiFault>,
    rates: FaultRates,
}

impl FaultPlan {
    /// Queues `fault` for the next `/v1` request without one.
    pub fn push(&mut self, fault: ApiFault) {
        self.queue.push_back(fault);
    }

    /// Replaces the random shares.
    pub fn set_rates(&mut self, rates: FaultRates) {
        self.rates = rates;
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
