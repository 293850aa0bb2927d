//! Request bodies and query strings as parameter maps.

use axum::body::Bytes;
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::store::fields::Params;

/// A JSON object body; an empty body is an empty object.
pub fn body(bytes: &Bytes) -> Result<Params, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
        Err(_) => Err(ApiError::bad_request("The request body is not valid JSON")),
    }
}

/// Query pairs as string parameters (the last value of a repeated key wins).
pub fn query(pairs: Vec<(String, String)>) -> Params {
    pairs
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect()
}
