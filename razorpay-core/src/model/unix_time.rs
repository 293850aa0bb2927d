//! [`UnixTime`]: a Razorpay timestamp (`created_at`, list windows), whole seconds since the Unix
//! epoch, that crosses to Kotlin, Swift and Python as the platform's own time type.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A point in time as Razorpay writes it: whole seconds since 1970-01-01T00:00:00Z.
///
/// On the wire it is the bare integer (`"created_at": 1572505143`), so a parsed object writes
/// back the same bytes. Kotlin sees a `java.time.Instant`, Swift a `Date` and Python a
/// timezone-aware `datetime` (the `uniffi` feature).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use razorpay_core::model::UnixTime;
///
/// let at = UnixTime::from(1_572_505_143);
/// assert_eq!(at.as_secs(), 1_572_505_143);
/// assert_eq!(at.to_system_time(), UNIX_EPOCH + Duration::from_secs(1_572_505_143));
/// // Sub-second precision is dropped, rounding towards the past.
/// let now = UNIX_EPOCH + Duration::from_millis(1_572_505_143_900);
/// assert_eq!(UnixTime::from(now), at);
/// assert_eq!(serde_json::to_string(&at)?, "1572505143");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixTime(i64);

impl UnixTime {
    /// 0001-01-01T00:00:00Z, the earliest instant every platform type can hold (Python's
    /// `datetime.min`).
    const PLATFORM_MIN: i64 = -62_135_596_800;
    /// 9999-12-31T23:59:59Z, the latest instant every platform type can hold (Python's
    /// `datetime.max`, to the second).
    const PLATFORM_MAX: i64 = 253_402_300_799;

    /// The time `secs` seconds after the Unix epoch (before it when negative).
    pub const fn from_secs(secs: i64) -> Self {
        Self(secs)
    }

    /// Seconds since the Unix epoch, exactly as Razorpay sent them.
    pub const fn as_secs(self) -> i64 {
        self.0
    }

    /// The same instant as a [`SystemTime`].
    ///
    /// A value outside years 1 to 9999 (no real Razorpay timestamp, but the field is whatever the
    /// body said) is clamped to that range: every platform type can hold it (Python's `datetime`
    /// cannot go further), and the conversion never panics. [`UnixTime::as_secs`] keeps the exact
    /// value.
    pub fn to_system_time(self) -> SystemTime {
        let secs = self.0.clamp(Self::PLATFORM_MIN, Self::PLATFORM_MAX);
        let offset = Duration::from_secs(secs.unsigned_abs());
        // Years 1..=9999 are within every supported platform's `SystemTime`.
        if secs >= 0 {
            UNIX_EPOCH.checked_add(offset)
        } else {
            UNIX_EPOCH.checked_sub(offset)
        }
        .unwrap_or(UNIX_EPOCH)
    }
}

impl From<i64> for UnixTime {
    fn from(secs: i64) -> Self {
        Self(secs)
    }
}

impl From<UnixTime> for i64 {
    fn from(time: UnixTime) -> Self {
        time.0
    }
}

impl From<SystemTime> for UnixTime {
    /// Whole seconds, rounding towards the past (so `t - 0.5 s` is `t - 1`); saturates at the
    /// ends of `i64`.
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Self(i64::try_from(after.as_secs()).unwrap_or(i64::MAX)),
            Err(before) => {
                let before = before.duration();
                let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                let partial = i64::from(before.subsec_nanos() > 0);
                Self(whole.saturating_add(partial).saturating_neg())
            }
        }
    }
}

impl From<UnixTime> for SystemTime {
    fn from(time: UnixTime) -> Self {
        time.to_system_time()
    }
}

impl std::fmt::Display for UnixTime {
    /// The seconds, as on the wire.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

// Kotlin `java.time.Instant`, Swift `Date`, Python `datetime` (UTC): uniffi's `SystemTime`.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(UnixTime, SystemTime, {
    lower: |time| time.to_system_time(),
    try_lift: |time| Ok(UnixTime::from(time)),
});

// TypeScript: a plain number, exactly like the `i64` it replaces, so Node's declarations and
// JSON are unchanged.
#[cfg(feature = "ts")]
impl ts_rs::TS for UnixTime {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(cfg: &ts_rs::Config) -> String {
        <i64 as ts_rs::TS>::name(cfg)
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        <i64 as ts_rs::TS>::inline(cfg)
    }

    fn decl(cfg: &ts_rs::Config) -> String {
        <i64 as ts_rs::TS>::decl(cfg)
    }

    fn decl_concrete(cfg: &ts_rs::Config) -> String {
        <i64 as ts_rs::TS>::decl_concrete(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wire_form_is_the_bare_integer() {
        let at: UnixTime = serde_json::from_str("1572505143").unwrap();
        assert_eq!(at.as_secs(), 1_572_505_143);
        assert_eq!(serde_json::to_string(&at).unwrap(), "1572505143");
        assert!(serde_json::from_str::<UnixTime>("\"1572505143\"").is_err());
    }

    #[test]
    fn before_the_epoch_rounds_towards_the_past() {
        let half_second_before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(UnixTime::from(half_second_before).as_secs(), -1);
        assert_eq!(
            UnixTime::from(UNIX_EPOCH - Duration::from_secs(2)).as_secs(),
            -2
        );
        assert_eq!(
            UnixTime::from(-2).to_system_time(),
            UNIX_EPOCH - Duration::from_secs(2)
        );
    }

    #[test]
    fn out_of_range_values_clamp_to_what_every_platform_holds() {
        let max = UnixTime::from(i64::MAX);
        assert_eq!(max.as_secs(), i64::MAX, "Rust keeps the exact value");
        assert_eq!(
            UnixTime::from(max.to_system_time()).as_secs(),
            UnixTime::PLATFORM_MAX
        );
        assert_eq!(
            UnixTime::from(UnixTime::from(i64::MIN).to_system_time()).as_secs(),
            UnixTime::PLATFORM_MIN
        );
    }

    proptest! {
        #[test]
        fn system_time_round_trips_within_the_platform_range(
            secs in UnixTime::PLATFORM_MIN..=UnixTime::PLATFORM_MAX,
        ) {
            let at = UnixTime::from(secs);
            prop_assert_eq!(UnixTime::from(at.to_system_time()), at);
            prop_assert_eq!(UnixTime::from(SystemTime::from(at)).as_secs(), secs);
        }

        #[test]
        fn json_round_trips_every_value(secs in any::<i64>()) {
            let json = serde_json::to_string(&UnixTime::from(secs)).unwrap();
            prop_assert_eq!(&json, &secs.to_string());
            prop_assert_eq!(serde_json::from_str::<UnixTime>(&json).unwrap().as_secs(), secs);
        }
    }
}
