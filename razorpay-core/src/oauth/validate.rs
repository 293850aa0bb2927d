//! The official client's input checks (`dist/resources/oAuthTokenValidator.js`), field by
//! field and message by message, so a request it would refuse is refused here with the same
//! verdict, before anything is sent.

use serde_json::{Map, Value};

use super::js;

/// Which call is being validated; each has the official schema's fields, in its order.
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OAuthCall {
    /// `generateAuthUrl`: the authorisation URL a merchant is sent to.
    AuthorizeUrl,
    /// `getAccessToken`: exchanging an authorisation code (`POST /token`).
    AccessToken,
    /// `refreshToken`: a new access token from a refresh token (`POST /token`).
    RefreshToken,
    /// `revokeToken`: revoking an access or refresh token (`POST /revoke`).
    RevokeToken,
}

impl OAuthCall {
    /// The required fields and the message for each when it is missing or blank.
    fn schema(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::AuthorizeUrl => &[
                ("client_id", "client_id is empty"),
                ("response_type", "response_type is empty"),
                ("redirect_uri", "redirect_uri is empty"),
                ("scope", "scope is empty"),
                ("state", "state is empty"),
            ],
            Self::AccessToken => &[
                ("client_id", "client_id is empty"),
                ("client_secret", "client_secret is empty"),
                ("grant_type", "grant_type is empty"),
                ("redirect_uri", "redirect_uri is empty"),
                ("code", "code is empty"),
            ],
            Self::RefreshToken => &[
                ("client_id", "client_id is empty"),
                ("client_secret", "client_secret is empty"),
                ("grant_type", "grant_type is empty"),
                ("refresh_token", "refresh_token is empty"),
            ],
            Self::RevokeToken => &[
                ("client_id", "client_id is empty"),
                ("client_secret", "client_secret is empty"),
                ("token_type_hint", "token_type_hint is empty"),
                ("token", "token is empty"),
            ],
        }
    }

    /// The official method name, for messages.
    pub fn method_name(self) -> &'static str {
        match self {
            Self::AuthorizeUrl => "generateAuthUrl",
            Self::AccessToken => "getAccessToken",
            Self::RefreshToken => "refreshToken",
            Self::RevokeToken => "revokeToken",
        }
    }
}

/// One refused field: its name and the official message (never its value, which may be a
/// secret). Owned strings, so it crosses uniffi as a record (the `uniffi` feature).
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The parameter, e.g. `client_id`.
    pub field: String,
    /// The official message, e.g. `"client_id is not a valid ID"`.
    pub message: String,
}

/// The official checks, in the official order: a missing or blank field; then a
/// `redirect_uri` that is not a URL, a `client_id` that is not 1–14 letters and digits, a
/// `grant_type` other than `authorization_code`/`refresh_token`. Empty when all pass.
pub fn validate(params: &Map<String, Value>, call: OAuthCall) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for &(field, missing) in call.schema() {
        let message = match params.get(field) {
            None => Some(missing),
            Some(Value::String(text)) if js::is_blank(text) => Some(missing),
            Some(value) => check(field, value),
        };
        if let Some(message) = message {
            errors.push(FieldError {
                field: field.into(),
                message: message.into(),
            });
        }
    }
    errors
}

/// The field-specific check of a present, non-blank value.
fn check(field: &str, value: &Value) -> Option<&'static str> {
    match field {
        // `new URL(value)` must not throw.
        "redirect_uri" if url::Url::parse(&js::to_string(value)).is_err() => {
            Some("redirect_uri is not a valid URL")
        }
        // `/^[A-Za-z0-9]{1,14}$/.test(value)`: the regex sees `String(value)`.
        "client_id" if !is_client_id(&js::to_string(value)) => Some("client_id is not a valid ID"),
        // A strict comparison: only these two strings.
        "grant_type" if !matches!(value.as_str(), Some("authorization_code" | "refresh_token")) => {
            Some("grant_type is not a valid")
        }
        _ => None,
    }
}

fn is_client_id(text: &str) -> bool {
    (1..=14).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Pairs as arrays: `[String; 2]` compares with `[&str; 2]`, tuples of them do not.
    fn errors(params: Value, call: OAuthCall) -> Vec<[String; 2]> {
        let Value::Object(map) = params else {
            panic!("an object")
        };
        validate(&map, call)
            .into_iter()
            .map(|e| [e.field, e.message])
            .collect()
    }

    #[test]
    fn missing_and_blank_fields_in_schema_order() {
        assert_eq!(
            errors(json!({}), OAuthCall::RevokeToken),
            [
                ["client_id", "client_id is empty"],
                ["client_secret", "client_secret is empty"],
                ["token_type_hint", "token_type_hint is empty"],
                ["token", "token is empty"],
            ]
        );
        assert_eq!(
            errors(
                json!({"client_id": "8DXCMTshWSWECc", "client_secret": " \t", "grant_type": "refresh_token", "refresh_token": "r"}),
                OAuthCall::RefreshToken
            ),
            [["client_secret", "client_secret is empty"]]
        );
    }

    #[test]
    fn field_checks_match_the_official_validator() {
        let base = json!({
            "client_id": "8DXCMTshWSWECc", "client_secret": "s", "grant_type": "authorization_code",
            "redirect_uri": "https://example.com/razorpay_callback", "code": "def50200"
        });
        assert!(errors(base.clone(), OAuthCall::AccessToken).is_empty());
        let with = |key: &str, value: Value| {
            let mut params = base.clone();
            params[key] = value;
            errors(params, OAuthCall::AccessToken)
        };
        assert_eq!(
            with("redirect_uri", json!("not a url")),
            [["redirect_uri", "redirect_uri is not a valid URL"]]
        );
        assert_eq!(
            with("client_id", json!("8DXCMTshWSWECc1")),
            [["client_id", "client_id is not a valid ID"]]
        );
        assert_eq!(
            with("client_id", json!("acc_1")),
            [["client_id", "client_id is not a valid ID"]]
        );
        // The regex reads String(value): a number of digits passes, as in JavaScript.
        assert!(with("client_id", json!(12345)).is_empty());
        assert_eq!(
            with("grant_type", json!("password")),
            [["grant_type", "grant_type is not a valid"]]
        );
        // An empty array is not a blank string: only strings are trimmed.
        assert!(
            errors(
                json!({"client_id": "a", "response_type": "code", "redirect_uri": "https://e.com",
                   "scope": [], "state": "s"}),
                OAuthCall::AuthorizeUrl
            )
            .is_empty()
        );
    }
}
