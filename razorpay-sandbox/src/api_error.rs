//! Error responses with the exact envelope Razorpay's API sends:
//! `{"error": {"code", "description", "source", "step", "reason", "metadata", "field"?}}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An HTTP status and a Razorpay error body, ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// The whole JSON body, `{"error": {...}}`.
    pub body: Value,
}

const BAD_REQUEST: &str = "BAD_REQUEST_ERROR";

fn envelope(code: &str, description: &str, origin: [&str; 3], field: Option<&str>) -> Value {
    let [source, step, reason] = origin;
    let mut error = json!({
        "code": code,
        "description": description,
        "source": source,
        "step": step,
        "reason": reason,
        "metadata": {},
    });
    if let (Some(field), Some(map)) = (field, error.as_object_mut()) {
        map.insert("field".into(), Value::String(field.into()));
    }
    json!({ "error": error })
}

/// Where request-validation failures come from in Razorpay's bodies.
const INPUT_VALIDATION: [&str; 3] = ["business", "payment_initiation", "input_validation_failed"];
/// Where Razorpay reports a parameter the endpoint does not take.
const EXTRA_FIELD: [&str; 3] = ["business", "payment_initiation", "extra_field_sent"];
/// Razorpay fills these with "NA" when an error is not tied to a payment step.
const NOT_APPLICABLE: [&str; 3] = ["NA", "NA", "NA"];

impl ApiError {
    /// A 400 for a request parameter, naming the `field` as Razorpay does.
    pub fn invalid_field(field: &str, description: impl AsRef<str>) -> Self {
        Self {
            status: 400,
            body: envelope(
                BAD_REQUEST,
                description.as_ref(),
                INPUT_VALIDATION,
                Some(field),
            ),
        }
    }

    /// A 400 for a parameter the endpoint does not take (`reason: extra_field_sent`).
    pub fn extra_field(field: &str) -> Self {
        Self {
            status: 400,
            body: envelope(
                BAD_REQUEST,
                &format!("{field} is/are not required and should not be sent"),
                EXTRA_FIELD,
                Some(field),
            ),
        }
    }

    /// A 413 for a request body over the sandbox's limit.
    pub fn body_too_large(limit: usize) -> Self {
        Self {
            status: 413,
            body: envelope(
                BAD_REQUEST,
                &format!("The request body must not exceed {limit} bytes"),
                NOT_APPLICABLE,
                None,
            ),
        }
    }

    /// A 400 for a request that is well-formed but not allowed in the entity's current state.
    pub fn bad_request(description: impl AsRef<str>) -> Self {
        Self {
            status: 400,
            body: envelope(BAD_REQUEST, description.as_ref(), NOT_APPLICABLE, None),
        }
    }

    /// Razorpay answers an unknown entity id with a 400, not a 404.
    pub fn id_not_found() -> Self {
        Self {
            status: 400,
            body: envelope(
                BAD_REQUEST,
                "The id provided does not exist",
                INPUT_VALIDATION,
                None,
            ),
        }
    }

    /// A path that no route serves.
    pub fn url_not_found() -> Self {
        Self {
            status: 404,
            body: envelope(
                BAD_REQUEST,
                "The requested URL was not found on the server.",
                NOT_APPLICABLE,
                None,
            ),
        }
    }

    /// A 401 with one of Razorpay's authentication descriptions.
    pub fn unauthorized(description: &str) -> Self {
        Self {
            status: 401,
            body: envelope(BAD_REQUEST, description, NOT_APPLICABLE, None),
        }
    }

    /// Razorpay's internal-error answer.
    pub fn server_error() -> Self {
        Self {
            status: 500,
            body: envelope(
                "SERVER_ERROR",
                "The server encountered an error. The incident has been reported to admins.",
                NOT_APPLICABLE,
                None,
            ),
        }
    }

    /// A 429 (the `Retry-After` header is added by the fault layer).
    pub fn rate_limited() -> Self {
        Self {
            status: 429,
            body: envelope(BAD_REQUEST, "Too many requests", NOT_APPLICABLE, None),
        }
    }

    /// The `description` inside the body (for tests and logs).
    pub fn description(&self) -> &str {
        self.body["error"]["description"]
            .as_str()
            .unwrap_or_default()
    }

    /// Razorpay's error `code` inside the body (`BAD_REQUEST_ERROR`, `SERVER_ERROR`).
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "HTTP {} {}: {}",
            self.status,
            self.code(),
            self.description()
        )
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, self.body.to_string()).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_body_matches_razorpay_fixture() {
        // Same keys and values as razorpay-ruby/order_error.json.
        let expected = json!({"error": {
            "code": "BAD_REQUEST_ERROR",
            "description": "The id provided does not exist",
            "source": "business",
            "step": "payment_initiation",
            "reason": "input_validation_failed",
            "metadata": {}
        }});
        assert_eq!(ApiError::id_not_found().body, expected);
    }

    #[test]
    fn field_errors_name_the_field_last() {
        let error = ApiError::invalid_field("amount", "The amount must be an integer.");
        let keys: Vec<_> = error.body["error"]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "code",
                "description",
                "source",
                "step",
                "reason",
                "metadata",
                "field"
            ]
        );
        assert_eq!(error.status, 400);
    }
}
