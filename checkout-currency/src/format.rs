//! Display formatting of minor-unit amounts.
//!
//! Rules (deliberately simple and locale-independent, so Rust, Node and mobile print the same
//! string for the same amount):
//! * the decimal separator is `.` and the group separator is `,`;
//! * INR uses Indian grouping (`₹12,34,567.00`), every other built-in currency groups by
//!   thousands (`$1,234,567.00`);
//! * exactly `exponent` decimals are printed (`¥1,235`, `₹1,234.50`, `KD 1.235`);
//! * the symbol comes first; a space separates it from the digits when it ends in a letter,
//!   `.` or `/` (`KD 1.235`, `CHF 10.00`, `Bs. 5.00`) and not otherwise (`₹5.00`, `HK$5.00`);
//! * a negative amount gets a leading `-` before the symbol (`-₹5.00`); every `i64`, including
//!   `i64::MIN`, formats without panicking;
//! * an unknown currency code is printed with two decimals and the code as its symbol
//!   (`XYZ 1,234.50`).

use crate::{CurrencyTable, Grouping};

/// Format `amount_minor` (minor units) of `currency` using the built-in Razorpay table.
///
/// ```
/// use checkout_currency::format_minor_units;
/// assert_eq!(format_minor_units(123450, "INR"), "₹1,234.50");
/// assert_eq!(format_minor_units(123456700, "INR"), "₹12,34,567.00");
/// assert_eq!(format_minor_units(-5, "USD"), "-$0.05");
/// ```
pub fn format_minor_units(amount_minor: i64, currency: &str) -> String {
    format_minor_units_in(CurrencyTable::razorpay(), amount_minor, currency)
}

/// Format `amount_minor` of `currency` using a caller-supplied table; unknown codes fall back to
/// two decimals with the code as the symbol.
pub fn format_minor_units_in(table: &CurrencyTable, amount_minor: i64, currency: &str) -> String {
    match table.get(currency) {
        Some(info) => info.format(amount_minor),
        None => format_with(amount_minor, currency, 2, Grouping::Thousands),
    }
}

/// The formatter behind every public entry point.
pub(crate) fn format_with(amount: i64, symbol: &str, exponent: u8, grouping: Grouping) -> String {
    // unsigned_abs makes i64::MIN representable (9_223_372_036_854_775_808).
    let magnitude = amount.unsigned_abs();
    let (whole, fraction) = match 10u64.checked_pow(u32::from(exponent)) {
        Some(scale) => (magnitude / scale, magnitude % scale),
        // 10^exponent exceeds u64::MAX: every amount is a fraction of one major unit.
        None => (0, magnitude),
    };

    let mut out = String::with_capacity(symbol.len() + 32);
    if amount < 0 {
        out.push('-');
    }
    out.push_str(symbol);
    if symbol.chars().next_back().is_some_and(spaced_after) {
        out.push(' ');
    }
    push_grouped(&mut out, whole, grouping);
    if exponent > 0 {
        out.push('.');
        let digits = fraction.to_string();
        for _ in digits.len()..usize::from(exponent) {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

/// Whether a symbol ending in `c` needs a space before the digits: letters (`KD`, `лв`) and
/// abbreviation marks (`Bs.`, `S/`) do, sign-like symbols (`$`, `₹`, `€`) do not.
fn spaced_after(c: char) -> bool {
    match c {
        '.' | '/' => true,
        c if c.is_ascii() => c.is_ascii_alphabetic(),
        // The Currency Symbols block (₹ € ₩ ₫ ₱ ₺ …) holds no letters; skipping the Unicode
        // table lookup for it keeps formatting cheap on the common path.
        '\u{20A0}'..='\u{20CF}' => false,
        c => c.is_alphabetic(),
    }
}

fn push_grouped(out: &mut String, whole: u64, grouping: Grouping) {
    let digits = whole.to_string();
    let len = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        let remaining = len - i;
        if i > 0 && needs_separator(remaining, grouping) {
            out.push(',');
        }
        out.push(ch);
    }
}

/// Whether a separator goes before a digit that has `remaining` digits from it to the end.
fn needs_separator(remaining: usize, grouping: Grouping) -> bool {
    match grouping {
        Grouping::Thousands => remaining.is_multiple_of(3),
        // 12,34,56,789: a separator before the last three digits, then every two.
        Grouping::Indian => remaining == 3 || (remaining > 3 && (remaining - 3).is_multiple_of(2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_examples() {
        assert_eq!(format_minor_units(123450, "INR"), "₹1,234.50");
        assert_eq!(format_minor_units(1235, "JPY"), "¥1,235");
        assert_eq!(format_minor_units(1235, "KWD"), "KD 1.235");
    }

    #[test]
    fn indian_grouping_for_inr() {
        assert_eq!(format_minor_units(0, "INR"), "₹0.00");
        assert_eq!(format_minor_units(99, "INR"), "₹0.99");
        assert_eq!(format_minor_units(10_000_000, "INR"), "₹1,00,000.00");
        assert_eq!(format_minor_units(123_456_700, "INR"), "₹12,34,567.00");
        assert_eq!(
            format_minor_units(12_345_678_900, "INR"),
            "₹12,34,56,789.00"
        );
    }

    #[test]
    fn thousands_grouping_elsewhere() {
        assert_eq!(format_minor_units(123_456_700, "USD"), "$1,234,567.00");
        assert_eq!(format_minor_units(100, "USD"), "$1.00");
        assert_eq!(format_minor_units(999_999, "JPY"), "¥999,999");
        assert_eq!(format_minor_units(1_000_000, "JPY"), "¥1,000,000");
    }

    #[test]
    fn symbol_spacing() {
        assert_eq!(format_minor_units(1000, "CHF"), "CHF 10.00");
        assert_eq!(format_minor_units(500, "BOB"), "Bs. 5.00");
        assert_eq!(format_minor_units(500, "PEN"), "S/ 5.00");
        assert_eq!(format_minor_units(500, "HKD"), "HK$5.00");
        assert_eq!(format_minor_units(500, "EUR"), "€5.00");
    }

    #[test]
    fn three_decimals_pad_fraction() {
        assert_eq!(format_minor_units(5, "BHD"), "BD 0.005");
        assert_eq!(format_minor_units(1_000_050, "OMR"), "RO 1,000.050");
    }

    #[test]
    fn negative_and_extreme_amounts() {
        assert_eq!(format_minor_units(-123450, "INR"), "-₹1,234.50");
        assert_eq!(format_minor_units(-1, "JPY"), "-¥1");
        assert_eq!(
            format_minor_units(i64::MIN, "USD"),
            "-$92,233,720,368,547,758.08"
        );
        assert_eq!(
            format_minor_units(i64::MAX, "INR"),
            "₹92,23,37,20,36,85,47,758.07"
        );
        assert_eq!(
            format_minor_units(i64::MIN, "JPY"),
            "-¥9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn unknown_currency_falls_back_to_code() {
        assert_eq!(format_minor_units(123450, "XYZ"), "XYZ 1,234.50");
        assert_eq!(format_minor_units(5, ""), "0.05");
    }

    #[test]
    fn huge_exponent_does_not_panic() {
        assert_eq!(
            format_with(5, "X", 20, Grouping::Thousands),
            "X 0.00000000000000000005"
        );
        let s = format_with(i64::MIN, "", 255, Grouping::Indian);
        assert!(s.starts_with("-0.000"));
        assert_eq!(s.len(), "-0.".len() + 255);
    }
}
