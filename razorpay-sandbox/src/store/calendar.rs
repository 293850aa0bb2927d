//! Calendar arithmetic on Unix times (UTC, proleptic Gregorian): Razorpay bills monthly and
//! yearly plans on calendar months, so a cycle starting on 31 January ends on 28 or 29
//! February, then continues from the original day of the month where it exists.
//!
//! The day conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.

const DAY: i64 = 86_400;

/// `(year, month 1–12, day 1–31, seconds into the day)` of a Unix time.
pub fn civil_from_unix(at: i64) -> (i64, i64, i64, i64) {
    let days = at.div_euclid(DAY);
    let secs = at.rem_euclid(DAY);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs)
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `at` moved by `months` calendar months, the day clamped to the target month's length
/// and the time of day kept. Saturates instead of overflowing for absurd inputs.
pub fn add_months(at: i64, months: i64) -> i64 {
    // Beyond ±100,000 years the civil arithmetic could overflow; no billing goes there.
    let months = months.clamp(-1_200_000, 1_200_000);
    let (year, month, day, secs) = civil_from_unix(at);
    let index = year * 12 + (month - 1) + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let day = day.min(days_in_month(year, month));
    days_from_civil(year, month, day)
        .saturating_mul(DAY)
        .saturating_add(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        // 2020-02-29T12:00:00Z
        assert_eq!(civil_from_unix(1_582_977_600), (2020, 2, 29, 43_200));
        assert_eq!(civil_from_unix(0), (1970, 1, 1, 0));
        assert_eq!(civil_from_unix(-1), (1969, 12, 31, 86_399));
        for at in [0, 951_782_400, 1_582_977_600, 4_102_444_800] {
            let (y, m, d, s) = civil_from_unix(at);
            assert_eq!(days_from_civil(y, m, d) * DAY + s, at);
        }
    }

    #[test]
    fn months_are_calendar_months_clamped_to_the_month_end() {
        // 2021-01-31 → 2021-02-28 → (from the original day) 2021-03-31.
        let jan31 = days_from_civil(2021, 1, 31) * DAY + 3_600;
        assert_eq!(civil_from_unix(add_months(jan31, 1)), (2021, 2, 28, 3_600));
        assert_eq!(civil_from_unix(add_months(jan31, 2)), (2021, 3, 31, 3_600));
        assert_eq!(civil_from_unix(add_months(jan31, 13)), (2022, 2, 28, 3_600));
        // Leap day plus a year is 28 February.
        let leap = days_from_civil(2024, 2, 29) * DAY;
        assert_eq!(civil_from_unix(add_months(leap, 12)), (2025, 2, 28, 0));
        assert_eq!(civil_from_unix(add_months(leap, 48)), (2028, 2, 29, 0));
        // December rolls into the next year.
        let dec = days_from_civil(2026, 12, 3) * DAY;
        assert_eq!(civil_from_unix(add_months(dec, 1)), (2027, 1, 3, 0));
    }
}
