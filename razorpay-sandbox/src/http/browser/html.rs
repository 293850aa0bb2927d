//! Small HTML helpers for the dashboard: escaping every value that came from a request, money
//! in major units and Unix times in UTC. Pure functions.

use crate::currency;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `INR 998.00` from minor units, the way Razorpay writes amounts; unknown currencies as-is.
pub fn money(code: &str, amount: i64) -> String {
    currency::lookup(code).map_or_else(
        || format!("{code} {amount}"),
        |rule| currency::display_amount(code, amount, rule),
    )
}

/// A Unix time as `2026-12-03 05:16:30Z` (proleptic Gregorian, UTC).
pub fn utc(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil algorithm: exact for every i64 day count we can meet.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}Z",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn formats_money_with_the_currency_exponent() {
        assert_eq!(money("INR", 99_800), "INR 998.00");
        assert_eq!(money("JPY", 500), "JPY 500");
        assert_eq!(money("XXX", 7), "XXX 7");
    }

    #[test]
    fn formats_unix_times_in_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00Z");
        assert_eq!(utc(1_796_274_990), "2026-12-03 05:16:30Z");
        assert_eq!(utc(-1), "1969-12-31 23:59:59Z");
    }
}
