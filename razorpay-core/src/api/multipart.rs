//! `multipart/form-data` bodies of the three document uploads, written as the official package
//! (axios with `form-data`) writes them: the file part first, then every other parameter as a
//! text field (objects flattened to `key[sub]`).

use serde_json::{Map, Value};

use super::query;
use crate::client::ValidationError;

/// Largest upload accepted (Razorpay documents accept files up to a few MB).
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The content of `params.file.value`.
struct File {
    name: Option<String>,
    bytes: Vec<u8>,
    /// `None` for a plain text field.
    content_type: Option<&'static str>,
}

/// The MIME type `form-data` gives a file of this name (by extension).
fn content_type_of(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

fn invalid(reason: &str) -> ValidationError {
    ValidationError::InvalidArgument {
        field: "file".into(),
        reason: reason.to_owned(),
    }
}

/// Reads `file.value`: a string (sent as a text field), bytes as `{"type": "Buffer", "data":
/// [..]}` (what `JSON.stringify` makes of a Node Buffer), or a named file `{"type": "File",
/// "name": "doc.pdf", "data": [..]}` (what the Node binding makes of a file stream).
fn file(params: &Map<String, Value>) -> Result<File, ValidationError> {
    let value = params
        .get("file")
        .and_then(|file| file.get("value"))
        .ok_or(ValidationError::MissingArgument {
            field: "file".into(),
        })?;
    if let Value::String(text) = value {
        return Ok(File {
            name: None,
            bytes: text.clone().into_bytes(),
            content_type: None,
        });
    }
    let data = value
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("value must be a string, a Buffer or a file stream"))?;
    if data.len() > MAX_UPLOAD_BYTES {
        return Err(invalid("is larger than 10 MiB"));
    }
    let bytes = data
        .iter()
        .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| invalid("data must be bytes"))?;
    let name = value.get("name").and_then(Value::as_str).map(str::to_owned);
    let content_type = Some(
        name.as_deref()
            .map_or("application/octet-stream", content_type_of),
    );
    Ok(File {
        name,
        bytes,
        content_type,
    })
}

/// A fresh boundary in `form-data`'s format (26 dashes and 24 hex digits).
fn boundary() -> String {
    let hex: String = uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .chars()
        .take(24)
        .collect();
    format!("--------------------------{hex}")
}

/// Encodes the upload parameters with a fresh boundary: `(content type, body)`.
pub(crate) fn encode(
    params: Option<&Map<String, Value>>,
) -> Result<(String, Vec<u8>), ValidationError> {
    encode_with(params, &boundary())
}

fn encode_with(
    params: Option<&Map<String, Value>>,
    boundary: &str,
) -> Result<(String, Vec<u8>), ValidationError> {
    let params = params.ok_or(ValidationError::MissingArgument {
        field: "file".into(),
    })?;
    let file = file(params)?;
    let quote = |text: &str| text.replace('"', "%22").replace(['\r', '\n'], " ");
    let mut body = Vec::with_capacity(file.bytes.len() + 512);
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"").as_bytes(),
    );
    if let Some(name) = &file.name {
        body.extend_from_slice(format!("; filename=\"{}\"", quote(name)).as_bytes());
    }
    body.extend_from_slice(b"\r\n");
    if let Some(content_type) = file.content_type {
        body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    }
    body.extend_from_slice(b"\r\n");
    body.extend_from_slice(&file.bytes);
    body.extend_from_slice(b"\r\n");
    let rest: Map<String, Value> = params
        .iter()
        .filter(|(key, _)| key.as_str() != "file")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, value) in query::pairs(&rest) {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quote(&name)
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok((format!("multipart/form-data; boundary={boundary}"), body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(params: Value) -> Result<(String, String), &'static str> {
        encode_with(params.as_object(), "B")
            .map(|(ct, body)| (ct, String::from_utf8_lossy(&body).into_owned()))
            .map_err(|e| e.code())
    }

    #[test]
    fn writes_what_form_data_writes() {
        // Expected bodies recorded from razorpay 2.9.8's documents.create (axios + form-data).
        let (content_type, body) = text(json!({"file": {"value": {"type": "File", "name": "doc.txt", "data": [104, 105]}}, "purpose": "dispute_evidence"})).expect("valid");
        assert_eq!(content_type, "multipart/form-data; boundary=B");
        assert_eq!(
            body,
            "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc.txt\"\r\nContent-Type: text/plain\r\n\r\nhi\r\n--B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\ndispute_evidence\r\n--B--\r\n"
        );
        let (_, body) =
            text(json!({"file": {"value": {"type": "Buffer", "data": [98]}}, "meta": {"a": 1}}))
                .expect("valid");
        assert_eq!(
            body,
            "--B\r\nContent-Disposition: form-data; name=\"file\"\r\nContent-Type: application/octet-stream\r\n\r\nb\r\n--B\r\nContent-Disposition: form-data; name=\"meta[a]\"\r\n\r\n1\r\n--B--\r\n"
        );
        let (_, body) = text(json!({"file": {"value": "plain"}})).expect("valid");
        assert_eq!(
            body,
            "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nplain\r\n--B--\r\n"
        );
    }

    #[test]
    fn a_missing_or_odd_file_is_refused() {
        assert_eq!(text(json!({"purpose": "x"})), Err("ARGUMENT_MISSING"));
        assert_eq!(
            text(json!({"file": {"value": 12}})),
            Err("ARGUMENT_INVALID")
        );
        assert_eq!(
            text(json!({"file": {"value": {"data": [300]}}})),
            Err("ARGUMENT_INVALID")
        );
        assert!(boundary().len() == 50);
    }
}
