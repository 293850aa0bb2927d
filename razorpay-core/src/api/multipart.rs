//! `multipart/form-data` bodies of the three document uploads.

use serde_json::{Map, Value};

use crate::client::ValidationError;

/// Encodes the upload parameters; the file travels as `file`.
pub(crate) fn encode(
    params: Option<&Map<String, Value>>,
) -> Result<(String, Vec<u8>), ValidationError> {
    let _ = params;
    Err(ValidationError::InvalidArgument {
        field: "file",
        reason: "uploads (multipart/form-data) are not supported by this client yet".to_owned(),
    })
}
