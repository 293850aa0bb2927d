//! What each OAuth call sends, built without I/O: the authorisation URL, and the path and JSON
//! body of a token or revoke request. [`super::OAuthClient`] only sends them.

use serde_json::{Map, Value};

use super::error::OAuthError;
use super::js;
use super::validate::{OAuthCall, validate};

/// Razorpay's OAuth host, where `/authorize`, `/token` and `/revoke` live.
pub const DEFAULT_AUTH_BASE_URL: &str = "https://auth.razorpay.com";

/// The largest parameters document accepted (64 KiB): OAuth parameters are a handful of short
/// strings, and everything an application passes is bounded.
pub const MAX_PARAMS_BYTES: usize = 64 * 1024;

/// A token-endpoint request: `POST {base}{path}` with `body` as `application/json`.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenRequest {
    /// `/token` or `/revoke`.
    pub path: &'static str,
    /// The JSON body: the caller's parameters as given (they carry `client_secret`).
    pub body: Vec<u8>,
}

impl std::fmt::Debug for TokenRequest {
    // The body holds the client secret and tokens: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRequest")
            .field("path", &self.path)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// Parses a parameters document (JSON text of an object) with its size bounded.
pub fn parse_params(json: &str) -> Result<Map<String, Value>, OAuthError> {
    if json.len() > MAX_PARAMS_BYTES {
        return Err(OAuthError::ParamsTooLarge {
            limit: MAX_PARAMS_BYTES as u64,
        });
    }
    match serde_json::from_str(json) {
        Ok(Value::Object(params)) => Ok(params),
        Ok(_) => Err(OAuthError::NotAnObject),
        Err(_) => Err(OAuthError::NotAnObject),
    }
}

fn checked(params: &Map<String, Value>, call: OAuthCall) -> Result<(), OAuthError> {
    let errors = validate(params, call);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(OAuthError::InvalidParams { call, errors })
    }
}

/// The authorisation URL the official `generateAuthUrl(params)` returns, for `base_url`
/// (default [`DEFAULT_AUTH_BASE_URL`]): `{base}/authorize?` then each parameter in order as
/// `key=encodeURIComponent(value)`, an array as one `key[]=…` per item, and `redirect_uri`
/// as given (the official client does not encode it).
///
/// ```
/// use razorpay_core::oauth::{authorize_url, parse_params};
///
/// let params = parse_params(r#"{"client_id":"8DXCMTshWSWECc","response_type":"code",
///   "redirect_uri":"https://example.com/razorpay_callback","scope":"read_write","state":"NOBYtv8r6c75ex6WZ"}"#).unwrap();
/// assert_eq!(
///     authorize_url("https://auth.razorpay.com", &params).unwrap(),
///     "https://auth.razorpay.com/authorize?client_id=8DXCMTshWSWECc&response_type=code&redirect_uri=https://example.com/razorpay_callback&scope=read_write&state=NOBYtv8r6c75ex6WZ"
/// );
/// ```
pub fn authorize_url(base_url: &str, params: &Map<String, Value>) -> Result<String, OAuthError> {
    checked(params, OAuthCall::AuthorizeUrl)?;
    let mut query = Vec::with_capacity(params.len());
    for (key, value) in params {
        match value {
            Value::Array(items) => {
                query.extend(items.iter().map(|item| {
                    format!("{key}[]={}", js::encode_uri_component(&js::to_string(item)))
                }))
            }
            _ if key == "redirect_uri" => query.push(format!("{key}={}", js::to_string(value))),
            _ => query.push(format!(
                "{key}={}",
                js::encode_uri_component(&js::to_string(value))
            )),
        }
    }
    Ok(format!(
        "{}/authorize?{}",
        base_url.trim_end_matches('/'),
        query.join("&")
    ))
}

/// The request of `getAccessToken`, `refreshToken` or `revokeToken` for the parameters given
/// as JSON text: validated as the official client does, then sent as that same text, so the
/// body is byte for byte the official one (`JSON.stringify(params)`).
pub fn token_request(call: OAuthCall, params_json: &str) -> Result<TokenRequest, OAuthError> {
    let params = parse_params(params_json)?;
    token_request_for(call, &params, params_json.as_bytes().to_vec())
}

/// [`token_request`] for parameters already held as a map (serialised in their order).
pub fn token_request_from_map(
    call: OAuthCall,
    params: &Map<String, Value>,
) -> Result<TokenRequest, OAuthError> {
    let body = serde_json::to_vec(params).map_err(|_| OAuthError::NotAnObject)?;
    if body.len() > MAX_PARAMS_BYTES {
        return Err(OAuthError::ParamsTooLarge {
            limit: MAX_PARAMS_BYTES as u64,
        });
    }
    token_request_for(call, params, body)
}

fn token_request_for(
    call: OAuthCall,
    params: &Map<String, Value>,
    body: Vec<u8>,
) -> Result<TokenRequest, OAuthError> {
    let path = match call {
        OAuthCall::AccessToken | OAuthCall::RefreshToken => "/token",
        OAuthCall::RevokeToken => "/revoke",
        OAuthCall::AuthorizeUrl => return Err(OAuthError::NotATokenCall),
    };
    checked(params, call)?;
    Ok(TokenRequest { path, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(json: &str) -> Map<String, Value> {
        parse_params(json).expect("an object")
    }

    /// Expected strings are what the official `generateAuthUrl` returns for the same input.
    #[test]
    fn authorize_url_is_the_official_one() {
        let p = params(
            r#"{"client_id":"8DXCMTshWSWECc","response_type":"code","redirect_uri":"https://example.com/cb?x=1&y=a b","scope":["read_only","read_write"],"state":"a&b=c é","onboarding_signature":"00ff"}"#,
        );
        assert_eq!(
            authorize_url("https://auth.razorpay.com/", &p).unwrap(),
            "https://auth.razorpay.com/authorize?client_id=8DXCMTshWSWECc&response_type=code&redirect_uri=https://example.com/cb?x=1&y=a b&scope[]=read_only&scope[]=read_write&state=a%26b%3Dc%20%C3%A9&onboarding_signature=00ff"
        );
    }

    #[test]
    fn invalid_parameters_are_refused_before_anything_is_built() {
        let err = authorize_url("https://auth.razorpay.com", &params("{}")).unwrap_err();
        assert_eq!(err.code(), "OAUTH_INVALID_PARAMS");
        assert_eq!(err.field_errors().len(), 5);
        let err = token_request(
            OAuthCall::AccessToken,
            r#"{"client_id":"x","client_secret":"top-secret","grant_type":"nope","redirect_uri":"https://e.com","code":"c"}"#,
        )
        .unwrap_err();
        assert_eq!(err.field_errors()[0].message, "grant_type is not a valid");
        assert!(!err.to_string().contains("top-secret"));
        assert!(!format!("{err:?}").contains("top-secret"));
    }

    #[test]
    fn token_requests_send_the_parameters_as_given() {
        let text = r#"{"client_id":"8DXCMTshWSWECc","client_secret":"s","grant_type":"refresh_token","refresh_token":"r","extra":1}"#;
        let request = token_request(OAuthCall::RefreshToken, text).unwrap();
        assert_eq!(request.path, "/token");
        assert_eq!(request.body, text.as_bytes());
        assert!(!format!("{request:?}").contains("\"s\""));
        let revoke = token_request_from_map(
            OAuthCall::RevokeToken,
            &params(r#"{"client_id":"a","client_secret":"s","token_type_hint":"access_token","token":"t"}"#),
        )
        .unwrap();
        assert_eq!(revoke.path, "/revoke");
        assert_eq!(
            revoke.body,
            br#"{"client_id":"a","client_secret":"s","token_type_hint":"access_token","token":"t"}"#
        );
        assert_eq!(
            token_request(OAuthCall::AuthorizeUrl, "{}")
                .unwrap_err()
                .code(),
            "OAUTH_INVALID_ARGUMENT"
        );
    }

    #[test]
    fn bounded_and_typed_input() {
        assert_eq!(
            parse_params("[1]").unwrap_err().code(),
            "OAUTH_INVALID_ARGUMENT"
        );
        assert_eq!(
            parse_params("{").unwrap_err().code(),
            "OAUTH_INVALID_ARGUMENT"
        );
        let huge = format!(r#"{{"state":"{}"}}"#, "x".repeat(MAX_PARAMS_BYTES));
        assert_eq!(
            parse_params(&huge).unwrap_err().code(),
            "OAUTH_PARAMS_TOO_LARGE"
        );
    }
}
