//! When to try a request again, and how long to wait. Pure: the transport asks, this answers.
//!
//! The rule that matters most: a request that may have reached Razorpay is only repeated when
//! repeating it cannot create a second order, capture or refund — that is, for GET and for
//! refunds carrying an idempotency key. A 429 and a connection that
//! failed before anything was sent are safe to retry for every method, since Razorpay did
//! nothing with the request.

use std::time::Duration;

use super::error::ClientError;

/// Backoff and limits for retries. The default retries twice, waiting about 0.2 s then 0.4 s
/// (exponential backoff with jitter), and honours `Retry-After` up to 60 s.
///
/// ```
/// use std::time::Duration;
/// use razorpay_core::client::RetryPolicy;
///
/// let policy = RetryPolicy::default().max_retries(4).initial_backoff(Duration::from_millis(50));
/// assert_eq!(policy.get_max_retries(), 4);
/// let never = RetryPolicy::none();
/// assert_eq!(never.get_max_retries(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

/// What the transport saw, reduced to what decides a retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// HTTP 429; Razorpay did not act on the request.
    RateLimited(Option<Duration>),
    /// Nothing reached Razorpay (connect error or connect timeout).
    NotSent,
    /// HTTP 5xx, a timeout after sending, or a connection lost after sending.
    MaybeProcessed,
    /// A final answer (4xx, bad JSON) or a local error: retrying cannot help.
    Final,
}

impl Failure {
    pub(crate) fn of(error: &ClientError) -> Self {
        match error {
            ClientError::RateLimited { retry_after, .. } => Self::RateLimited(*retry_after),
            ClientError::Timeout {
                request_sent: false,
            }
            | ClientError::Connection {
                request_sent: false,
                ..
            } => Self::NotSent,
            // 409: Razorpay is still processing an idempotent refund with the same key and asks
            // for a retry; for other requests it is final because replay_safe is false.
            ClientError::BadRequest { status: 409, .. }
            | ClientError::Server { .. }
            | ClientError::Timeout { .. }
            | ClientError::Connection { .. } => Self::MaybeProcessed,
            _ => Self::Final,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Retries after the first attempt (default 2).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Wait before the first retry; it doubles each time (default 200 ms).
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Longest computed wait (default 5 s).
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Longest `Retry-After` honoured; a longer one ends the call with `RateLimited` so the
    /// caller decides (default 60 s).
    pub fn max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// Retries after the first attempt.
    pub fn get_max_retries(&self) -> u32 {
        self.max_retries
    }

    /// Wait before the first retry.
    pub fn get_initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// Longest computed wait.
    pub fn get_max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// Longest `Retry-After` honoured.
    pub fn get_max_retry_after(&self) -> Duration {
        self.max_retry_after
    }

    /// Exponential backoff with "equal jitter": half the step is fixed, half random, so
    /// clients that failed together do not retry together. `jitter` is in `[0, 1)`.
    pub(crate) fn backoff(&self, retry: u32, jitter: f64) -> Duration {
        let step = self
            .initial_backoff
            .saturating_mul(2_u32.saturating_pow(retry.saturating_sub(1)))
            .min(self.max_backoff);
        let half = step / 2;
        half + half.mul_f64(jitter.clamp(0.0, 1.0))
    }

    /// The wait before retry number `retry` (1-based), or `None` to give up.
    /// `replay_safe`: repeating the request cannot duplicate its effect.
    pub(crate) fn next_delay(
        &self,
        failure: Failure,
        retry: u32,
        replay_safe: bool,
        jitter: f64,
    ) -> Option<Duration> {
        if retry > self.max_retries {
            return None;
        }
        match failure {
            Failure::RateLimited(Some(wait)) if wait > self.max_retry_after => None,
            Failure::RateLimited(Some(wait)) => Some(wait.max(self.backoff(retry, jitter))),
            Failure::RateLimited(None) | Failure::NotSent => Some(self.backoff(retry, jitter)),
            Failure::MaybeProcessed if replay_safe => Some(self.backoff(retry, jitter)),
            Failure::MaybeProcessed | Failure::Final => None,
        }
    }
}

/// `Retry-After` in seconds (Razorpay and proxies send delta-seconds; dates are ignored).
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    #[test]
    fn backoff_grows_exponentially_within_jitter_bounds() {
        let policy = RetryPolicy::default()
            .initial_backoff(MS(100))
            .max_backoff(MS(1_000));
        assert_eq!(policy.backoff(1, 0.0), MS(50));
        assert_eq!(policy.backoff(1, 0.999_999).as_millis(), 99);
        assert_eq!(policy.backoff(2, 0.0), MS(100));
        assert_eq!(policy.backoff(3, 0.0), MS(200));
        assert_eq!(policy.backoff(30, 0.0), MS(500));
    }

    #[test]
    fn posts_that_may_have_been_processed_are_never_repeated() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.next_delay(Failure::MaybeProcessed, 1, false, 0.5),
            None
        );
        assert!(
            policy
                .next_delay(Failure::MaybeProcessed, 1, true, 0.5)
                .is_some()
        );
    }

    #[test]
    fn rate_limits_and_unsent_requests_retry_for_every_method() {
        let policy = RetryPolicy::default();
        assert!(policy.next_delay(Failure::NotSent, 1, false, 0.5).is_some());
        assert_eq!(
            policy.next_delay(
                Failure::RateLimited(Some(Duration::from_secs(2))),
                1,
                false,
                0.5
            ),
            Some(Duration::from_secs(2))
        );
        let too_long = Failure::RateLimited(Some(Duration::from_secs(3_600)));
        assert_eq!(policy.next_delay(too_long, 1, true, 0.5), None);
    }

    #[test]
    fn retries_are_bounded() {
        let policy = RetryPolicy::default().max_retries(2);
        assert!(policy.next_delay(Failure::NotSent, 2, true, 0.0).is_some());
        assert_eq!(policy.next_delay(Failure::NotSent, 3, true, 0.0), None);
        assert_eq!(
            RetryPolicy::none().next_delay(Failure::NotSent, 1, true, 0.0),
            None
        );
        assert_eq!(policy.next_delay(Failure::Final, 1, true, 0.0), None);
    }

    #[test]
    fn classifies_client_errors() {
        let body = br#"{"error":{"code":"BAD_REQUEST_ERROR","description":"in progress"}}"#;
        assert_eq!(
            Failure::of(&ClientError::from_status(409, None, body)),
            Failure::MaybeProcessed
        );
        assert_eq!(
            Failure::of(&ClientError::from_status(400, None, body)),
            Failure::Final
        );
        assert_eq!(
            Failure::of(&ClientError::from_status(503, None, b"")),
            Failure::MaybeProcessed
        );
        let limited = ClientError::from_status(429, Some(Duration::from_secs(1)), b"");
        assert_eq!(
            Failure::of(&limited),
            Failure::RateLimited(Some(Duration::from_secs(1)))
        );
        assert_eq!(
            Failure::of(&ClientError::Timeout {
                request_sent: false
            }),
            Failure::NotSent
        );
        assert_eq!(
            Failure::of(&ClientError::Timeout { request_sent: true }),
            Failure::MaybeProcessed
        );
    }

    #[test]
    fn reads_retry_after_seconds() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn failure() -> impl Strategy<Value = Failure> {
            prop_oneof![
                proptest::option::of(0_u64..200)
                    .prop_map(|s| Failure::RateLimited(s.map(Duration::from_secs))),
                Just(Failure::NotSent),
                Just(Failure::MaybeProcessed),
                Just(Failure::Final),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn never_repeats_what_may_have_been_processed_unless_replay_safe(
                failure in failure(),
                retry in 1_u32..20,
                max_retries in 0_u32..10,
                jitter in 0.0_f64..1.0,
                replay_safe in any::<bool>(),
                initial_ms in 1_u64..2_000,
                max_ms in 1_u64..10_000,
            ) {
                let policy = RetryPolicy::default()
                    .max_retries(max_retries)
                    .initial_backoff(Duration::from_millis(initial_ms))
                    .max_backoff(Duration::from_millis(max_ms));
                let delay = policy.next_delay(failure, retry, replay_safe, jitter);
                if retry > max_retries || failure == Failure::Final {
                    prop_assert_eq!(delay, None);
                }
                if failure == Failure::MaybeProcessed && !replay_safe {
                    prop_assert_eq!(delay, None);
                }
                if let Some(delay) = delay {
                    let ceiling = match failure {
                        Failure::RateLimited(Some(wait)) => wait.max(Duration::from_millis(max_ms)),
                        _ => Duration::from_millis(max_ms),
                    };
                    prop_assert!(delay <= ceiling, "{delay:?} > {ceiling:?}");
                    if let Failure::RateLimited(Some(wait)) = failure {
                        prop_assert!(delay >= wait, "Retry-After honoured");
                    }
                }
            }
        }
    }
}
