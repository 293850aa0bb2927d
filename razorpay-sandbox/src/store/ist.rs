//! Calendar dates of Unix timestamps, as Razorpay's settlement reports count them: in India
//! Standard Time (UTC+05:30), where Razorpay's settlement days begin and end.

/// IST's offset from UTC in seconds.
pub const IST_OFFSET_SECS: i64 = 5 * 3600 + 30 * 60;

/// The IST `(year, month, day)` of a Unix timestamp in seconds.
pub fn ist_date(unix_secs: i64) -> (i64, u32, u32) {
    civil_from_days(unix_secs.saturating_add(IST_OFFSET_SECS).div_euclid(86_400))
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`), exact for every `i64` day count this sandbox can reach.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // `day` is 1..=31 and `month` 1..=12 by construction.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(ist_date(0), (1970, 1, 1));
        // 2019-09-11 04:42:40 UTC (Razorpay's sample settlement) is 10:12 IST the same day.
        assert_eq!(ist_date(1_568_176_960), (2019, 9, 11));
        // 2024-02-29 20:00 UTC is already 1 March in India.
        assert_eq!(ist_date(1_709_236_800), (2024, 3, 1));
        assert_eq!(ist_date(-1), (1970, 1, 1));
        assert_eq!(ist_date(-IST_OFFSET_SECS - 1), (1969, 12, 31));
    }

    #[test]
    fn every_day_of_four_centuries_follows_the_previous_one() {
        let mut previous = civil_from_days(-1);
        for days in 0..146_097 {
            let date = civil_from_days(days);
            let next_in_month = (previous.0, previous.1, previous.2 + 1);
            let next_month = if previous.1 == 12 {
                (previous.0 + 1, 1, 1)
            } else {
                (previous.0, previous.1 + 1, 1)
            };
            assert!(
                date == next_in_month || date == next_month,
                "{previous:?} -> {date:?}"
            );
            previous = date;
        }
    }
}
