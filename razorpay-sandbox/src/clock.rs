//! Sandbox time: the real clock plus an offset that `POST /sandbox/clock/advance` moves
//! forward, so capture windows, refund settlement, expiry, subscription charges and webhook
//! retries spread over hours run in a test in milliseconds. The offset is zero by default, so
//! the sandbox follows the real clock until a test advances it.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;

/// Largest single advance: ten years, so sums of advances cannot overflow sandbox time.
pub const MAX_ADVANCE_SECS: i64 = 10 * 366 * 24 * 60 * 60;

/// A shared, cheaply cloned sandbox clock.
#[derive(Debug, Clone)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
    moved: Arc<watch::Sender<i64>>,
}

impl Default for Clock {
    fn default() -> Self {
        Self::real()
    }
}

fn real_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl Clock {
    /// The real clock (no offset).
    pub fn real() -> Self {
        let (moved, _) = watch::channel(0);
        Self {
            offset_ms: Arc::new(AtomicI64::new(0)),
            moved: Arc::new(moved),
        }
    }

    /// Sandbox time in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        real_ms().saturating_add(self.offset_ms.load(Ordering::SeqCst))
    }

    /// Sandbox time in seconds since the Unix epoch, as Razorpay's `created_at` fields.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// How far sandbox time is ahead of the real clock, in seconds.
    pub fn offset_secs(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst).div_euclid(1000)
    }

    /// Moves sandbox time forward by `secs` (1 ..= [`MAX_ADVANCE_SECS`]); `None` when out of
    /// range. Time never goes back: Razorpay's timestamps only grow.
    pub fn advance(&self, secs: i64) -> Option<i64> {
        if !(1..=MAX_ADVANCE_SECS).contains(&secs) {
            return None;
        }
        let by = secs.checked_mul(1000)?;
        let previous = self.offset_ms.fetch_add(by, Ordering::SeqCst);
        let offset = previous.saturating_add(by);
        self.moved.send_replace(offset);
        Some(self.now())
    }

    /// Sleeps `duration` of sandbox time: wakes early when the clock is advanced past it.
    pub async fn sleep(&self, duration: Duration) {
        let wait = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        let due = self.now_ms().saturating_add(wait);
        let mut moved = self.moved.subscribe();
        loop {
            let left = due.saturating_sub(self.now_ms());
            if left <= 0 {
                return;
            }
            let left = Duration::from_millis(u64::try_from(left).unwrap_or(u64::MAX));
            tokio::select! {
                () = tokio::time::sleep(left) => {}
                changed = moved.changed() => {
                    if changed.is_err() {
                        // The clock is gone (sandbox stopped): fall back to real time.
                        tokio::time::sleep(left).await;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_now_and_refuses_nonsense() {
        let clock = Clock::real();
        let before = clock.now();
        assert!(
            clock
                .advance(3_600)
                .is_some_and(|now| now >= before + 3_600)
        );
        assert_eq!(clock.offset_secs(), 3_600);
        assert_eq!(clock.advance(0), None);
        assert_eq!(clock.advance(-5), None);
        assert_eq!(clock.advance(MAX_ADVANCE_SECS + 1), None);
        assert_eq!(clock.offset_secs(), 3_600);
    }

    #[tokio::test]
    async fn a_long_sleep_ends_when_the_clock_is_advanced() {
        let clock = Clock::real();
        let sleeper = tokio::spawn({
            let clock = clock.clone();
            async move { clock.sleep(Duration::from_secs(24 * 3_600)).await }
        });
        tokio::task::yield_now().await;
        clock.advance(24 * 3_600);
        tokio::time::timeout(Duration::from_secs(5), sleeper)
            .await
            .expect("woke up")
            .expect("no panic");
    }
}
