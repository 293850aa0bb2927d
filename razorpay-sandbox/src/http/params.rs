//! Request bodies and query strings as parameter maps. Razorpay takes JSON and
//! `application/x-www-form-urlencoded` bodies (`-d amount=100 -d notes[key]=value`).

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::store::fields::Params;

/// The body as parameters: form-encoded when the content type says so, JSON otherwise; an
/// empty body is an empty object.
pub fn body(headers: &HeaderMap, bytes: &Bytes) -> Result<Params, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok(form(bytes));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
        Err(_) => Err(ApiError::bad_request("The request body is not valid JSON")),
    }
}

/// Query pairs as string parameters (the last value of a repeated key wins), except
/// `key[]=a&key[]=b`, which collects into an array as Razorpay's `expand[]` does.
pub fn query(pairs: Vec<(String, String)>) -> Params {
    let mut params = Map::new();
    for (key, value) in pairs {
        if key.ends_with("[]") {
            let entry = params
                .entry(key)
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = entry {
                items.push(Value::String(value));
            }
        } else {
            params.insert(key, Value::String(value));
        }
    }
    params
}

/// `a=1&notes[k]=v` → `{"a": "1", "notes": {"k": "v"}}` (values stay strings; the field
/// checks accept numeric and boolean strings as Razorpay does).
fn form(bytes: &[u8]) -> Params {
    let mut params = Map::new();
    for pair in bytes.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let mut parts = pair.splitn(2, |&b| b == b'=');
        let key = decode(parts.next().unwrap_or_default());
        let value = Value::String(decode(parts.next().unwrap_or_default()));
        match key
            .split_once('[')
            .and_then(|(outer, rest)| Some((outer, rest.strip_suffix(']')?)))
        {
            Some((outer, inner)) => {
                let entry = params
                    .entry(outer.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(map) = entry {
                    map.insert(inner.to_string(), value);
                }
            }
            None => {
                params.insert(key, value);
            }
        }
    }
    params
}

/// Percent-decoding with `+` as space; invalid escapes are kept literally.
fn decode(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => {
                let hex = std::str::from_utf8(&raw[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_form_bodies_like_razorpay() {
        let params =
            form(b"amount=50000&currency=INR&receipt=rcpt+%231&notes[key%201]=Tea%2C+Earl+Grey");
        assert_eq!(
            Value::Object(params),
            json!({"amount": "50000", "currency": "INR", "receipt": "rcpt #1", "notes": {"key 1": "Tea, Earl Grey"}})
        );
    }

    #[test]
    fn keeps_broken_escapes() {
        assert_eq!(decode(b"100%"), "100%");
        assert_eq!(decode(b"%zz"), "%zz");
        assert_eq!(decode(b"%41"), "A");
    }
}
