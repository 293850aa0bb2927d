//! The three pieces of JavaScript semantics the official OAuth client's output depends on:
//! `String(value)`, `String.prototype.trim` and `encodeURIComponent`. Reproduced here so that
//! a URL or a validation verdict is the official one byte for byte, not a near match.

use serde_json::Value;

/// `String(value)` for a JSON value: what a template literal or `encodeURIComponent` sees.
pub(crate) fn to_string(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        // `Array.prototype.toString` joins the elements' strings, with `null` as "".
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Null => String::new(),
                other => to_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

/// Whether `c` is removed by JavaScript's `trim()`: ECMAScript WhiteSpace (tab, VT, FF, space,
/// NBSP, BOM and the Zs category) and LineTerminator. Rust's `trim` differs (it keeps U+FEFF
/// and removes U+0085).
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}' | '\u{a}' | '\u{b}' | '\u{c}' | '\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `text.trim() === ""`.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(is_js_whitespace)
}

/// `encodeURIComponent(text)`: UTF-8 bytes percent-encoded (upper-case hex) except
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )`.
pub(crate) fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn string_conversion_follows_javascript() {
        assert_eq!(to_string(&json!("a b")), "a b");
        assert_eq!(to_string(&json!(12)), "12");
        assert_eq!(to_string(&json!(true)), "true");
        assert_eq!(to_string(&json!(null)), "null");
        assert_eq!(to_string(&json!(["a", null, 1])), "a,,1");
        assert_eq!(to_string(&json!({"a": 1})), "[object Object]");
    }

    #[test]
    fn trim_is_javascripts() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\n\u{feff}\u{3000}"));
        assert!(!is_blank("\u{85}"), "NEL is not whitespace to JavaScript");
        assert!(!is_blank(" x "));
    }

    #[test]
    fn encodes_like_encode_uri_component() {
        // Node: encodeURIComponent("read_only read_write&é/?#[]!'()*~") →
        assert_eq!(
            encode_uri_component("read_only read_write&é/?#[]!'()*~"),
            "read_only%20read_write%26%C3%A9%2F%3F%23%5B%5D!'()*~"
        );
    }
}
