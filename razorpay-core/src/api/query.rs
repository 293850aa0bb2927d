//! Query strings written byte for byte as the official package's HTTP client (axios) writes
//! them, and the `from`/`to` date normalization it applies. Pure functions.

use serde_json::{Map, Number, Value};

use crate::client::ValidationError;

/// Percent-encodes like axios' `buildURL`: `encodeURIComponent`, then `:`, `$` and `,` left
/// as they are and a space written `+`.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')'
            | b':'
            | b'$'
            | b',' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            other => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(other >> 4)]));
                out.push(char::from(HEX[usize::from(other & 0xF)]));
            }
        }
    }
    out
}

/// A JSON number written as JavaScript's `String(n)` writes it (integers without `.0`).
pub(crate) fn js_number(number: &Number) -> String {
    if number.is_i64() || number.is_u64() {
        return number.to_string();
    }
    match number.as_f64() {
        Some(float) if float.fract() == 0.0 && float.abs() < 1e21 => format!("{float:.0}"),
        Some(float) => float.to_string(),
        None => number.to_string(),
    }
}

/// A scalar as axios writes it; `None` for `null` (axios leaves those out).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(js_number(number)),
        Value::String(text) => Some(text.clone()),
        // Not reached: containers are expanded by the caller.
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// `key[]` → `key`, as axios' `removeBrackets`.
fn strip_brackets(key: &str) -> &str {
    key.strip_suffix("[]").unwrap_or(key)
}

/// Appends `key=value` pairs for one parameter, expanding arrays (`key[]=a&key[]=b`) and
/// objects (`key[sub]=v`, nested arrays indexed) as axios' form visitor does.
fn push(out: &mut Vec<(String, String)>, key: &str, value: &Value, nested: bool) {
    match value {
        Value::Array(items) if !nested && items.iter().all(|i| !i.is_array() && !i.is_object()) => {
            let key = format!("{}[]", strip_brackets(key));
            for item in items {
                if let Some(text) = scalar(item) {
                    out.push((key.clone(), text));
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                push(out, &format!("{key}[{index}]"), item, true);
            }
        }
        Value::Object(members) => {
            for (name, member) in members {
                push(
                    out,
                    &format!("{key}[{}]", strip_brackets(name)),
                    member,
                    true,
                );
            }
        }
        other => {
            if let Some(text) = scalar(other) {
                out.push((key.to_owned(), text));
            }
        }
    }
}

/// The flattened `key=value` pairs of `params`, not yet encoded.
pub(crate) fn pairs(params: &Map<String, Value>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (key, value) in params {
        push(&mut pairs, key, value, false);
    }
    pairs
}

/// The encoded query string of `params` (no leading `?`), empty when nothing is sent.
pub(crate) fn serialize(params: &Map<String, Value>) -> String {
    pairs(params)
        .iter()
        .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Whether a value is truthy in JavaScript's sense.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0 && !n.is_nan()),
        Value::String(text) => !text.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// JavaScript's `Number(value)` for the forms that matter here; `None` when it is `NaN`.
fn js_to_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::Bool(flag) => Some(if *flag { 1.0 } else { 0.0 }),
        Value::Null => Some(0.0),
        Value::String(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Some(0.0);
            }
            // Rust accepts "inf" and "nan", JavaScript only "Infinity".
            let finite_form = text
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
            if finite_form {
                text.parse::<f64>().ok()
            } else {
                None
            }
        }
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// `Number(value) || default`, as the official list calls compute `count` and `skip`.
pub(crate) fn number_or(value: Option<&Value>, default: u32) -> Value {
    match value.and_then(js_to_number) {
        Some(number) if number != 0.0 => Number::from_f64(number).map_or(Value::Null, |n| {
            if number.fract() == 0.0 && number.abs() < 9.0e15 {
                // Whole numbers are written without a fraction, as JavaScript does.
                Value::from(number as i64)
            } else {
                Value::Number(n)
            }
        }),
        _ => Value::from(default),
    }
}

/// `from`/`to`: a number (or numeric string) is sent as given, a date string as Unix seconds.
/// A value neither parses as is refused, where the official package would send `NaN`.
pub(crate) fn normalize_date(field: &'static str, value: &Value) -> Result<Value, ValidationError> {
    if js_to_number(value).is_some() {
        return Ok(value.clone());
    }
    let seconds = value.as_str().and_then(parse_date);
    match seconds.and_then(Number::from_f64) {
        Some(number) => Ok(match seconds {
            Some(s) if s.fract() == 0.0 => Value::from(s as i64),
            _ => Value::Number(number),
        }),
        None => Err(ValidationError::InvalidArgument {
            field: field.into(),
            reason:
                "must be Unix seconds or an ISO 8601 date (YYYY-MM-DD[THH:MM[:SS[.sss]]][Z|±HH:MM])"
                    .to_owned(),
        }),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Reads `n` ASCII digits.
fn digits(text: &str, n: usize) -> Option<i64> {
    let part = text.get(..n)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

/// Unix seconds of an ISO 8601 date or date-time. Date-only forms are UTC (as in JavaScript);
/// date-times without an offset are read as UTC too (JavaScript reads them in the process's
/// local time zone: give an offset to be exact everywhere).
pub(crate) fn parse_date(text: &str) -> Option<f64> {
    let text = text.trim();
    let year = digits(text, 4)?;
    let (month, day) = match text.as_bytes().get(4..) {
        Some([b'-', ..]) => (digits(&text[5..], 2)?, digits(text.get(8..)?, 2)?),
        _ => return None,
    };
    if text.as_bytes().get(7) != Some(&b'-')
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = &text[10..];
    if rest.is_empty() {
        return Some((days * 86_400) as f64);
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let hour = digits(rest, 2)?;
    if rest.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let minute = digits(rest.get(3..)?, 2)?;
    let mut rest = &rest[5..];
    let mut second = 0.0;
    if let Some(after) = rest.strip_prefix(':') {
        second = digits(after, 2)? as f64;
        rest = &after[2..];
        if let Some(after) = rest.strip_prefix('.') {
            let end = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            if end == 0 {
                return None;
            }
            // JavaScript keeps milliseconds.
            let fraction: f64 = format!("0.{}", &after[..end]).parse().ok()?;
            second += (fraction * 1000.0).trunc() / 1000.0;
            rest = &after[end..];
        }
    }
    if hour > 24 || minute > 59 || second >= 61.0 {
        return None;
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let body = &rest[1..];
            let (h, m) = match body.len() {
                5 if body.as_bytes()[2] == b':' => (digits(body, 2)?, digits(&body[3..], 2)?),
                4 => (digits(body, 2)?, digits(&body[2..], 2)?),
                _ => return None,
            };
            sign * (h * 3600 + m * 60)
        }
    };
    let whole = days * 86_400 + hour * 3600 + minute * 60 - offset;
    Some(whole as f64 + second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn query(value: Value) -> String {
        match value {
            Value::Object(map) => serialize(&map),
            _ => String::new(),
        }
    }

    #[test]
    fn writes_what_axios_writes() {
        // Expected strings recorded from axios 1.x (`axios.getUri`), the official client.
        assert_eq!(
            query(json!({"expand": {"expand[]": "card"}})),
            "expand%5Bexpand%5D=card"
        );
        assert_eq!(
            query(json!({"expand": {"expand[]": ["card", "emi"]}})),
            "expand%5Bexpand%5D%5B0%5D=card&expand%5Bexpand%5D%5B1%5D=emi"
        );
        assert_eq!(
            query(json!({"expand[]": "card", "b": null, "c": ""})),
            "expand%5B%5D=card&c="
        );
        assert_eq!(
            query(json!({"expand[]": ["card", "emi"]})),
            "expand%5B%5D=card&expand%5B%5D=emi"
        );
        assert_eq!(
            query(json!({"notes": {"a": "b c"}, "arr": [1, 2], "t": true, "s": "a:b$c,d/é&=?#"})),
            "notes%5Ba%5D=b+c&arr%5B%5D=1&arr%5B%5D=2&t=true&s=a:b$c,d%2F%C3%A9%26%3D%3F%23"
        );
        assert_eq!(query(json!({"from": 1.5, "n": 10.0})), "from=1.5&n=10");
        assert_eq!(
            query(json!({"nested": {"x": {"y": 1}}})),
            "nested%5Bx%5D%5By%5D=1"
        );
    }

    #[test]
    fn dates_become_unix_seconds() {
        assert_eq!(parse_date("2024-01-01"), Some(1_704_067_200.0));
        assert_eq!(parse_date("2024-01-01T00:00:00Z"), Some(1_704_067_200.0));
        assert_eq!(
            parse_date("2024-01-01T05:30:00+05:30"),
            Some(1_704_067_200.0)
        );
        assert_eq!(
            parse_date("2024-01-01T00:00:00.250Z"),
            Some(1_704_067_200.25)
        );
        assert_eq!(parse_date("1970-01-01 00:01"), Some(60.0));
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-01-01T",
            "2024-01-01T10:00+5",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_pass_and_bad_dates_are_refused() {
        assert_eq!(
            normalize_date("from", &json!(1_700_000_000)),
            Ok(json!(1_700_000_000))
        );
        assert_eq!(
            normalize_date("from", &json!("1700000000")),
            Ok(json!("1700000000"))
        );
        assert_eq!(
            normalize_date("to", &json!("2024-01-01")),
            Ok(json!(1_704_067_200))
        );
        let error = normalize_date("to", &json!("someday")).unwrap_err();
        assert_eq!((error.code(), error.field()), ("ARGUMENT_INVALID", "to"));
    }

    #[test]
    fn count_and_skip_default_like_javascript() {
        assert_eq!(number_or(None, 10), json!(10));
        assert_eq!(number_or(Some(&json!("25")), 10), json!(25));
        assert_eq!(number_or(Some(&json!(0)), 10), json!(10));
        assert_eq!(number_or(Some(&json!("x")), 0), json!(0));
    }

    #[test]
    fn encodes_every_byte_outside_the_kept_set() {
        assert_eq!(encode("a+b&c=d e"), "a%2Bb%26c%3Dd+e");
        assert_eq!(encode("~*'()!"), "~*'()!");
    }
}
