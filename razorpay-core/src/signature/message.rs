//! The shared check behind every `verify_*` function: required inputs, signature shape, then a
//! constant-time comparison.

use super::SignatureError;
use super::key::{HmacKey, decode_signature};

/// One `|`-separated field of a signed message.
pub(crate) struct Field<'a> {
    /// The argument's name, reported when a required field is empty.
    pub(crate) name: &'static str,
    pub(crate) value: &'a [u8],
    /// Razorpay leaves some fields empty on purpose (a payment link created without a
    /// `reference_id`, an invoice without a `receipt`) and signs the empty string.
    pub(crate) may_be_empty: bool,
}

impl<'a> Field<'a> {
    pub(crate) fn required(name: &'static str, value: &'a str) -> Self {
        Self {
            name,
            value: value.as_bytes(),
            may_be_empty: false,
        }
    }

    pub(crate) fn optional(name: &'static str, value: &'a str) -> Self {
        Self {
            name,
            value: value.as_bytes(),
            may_be_empty: true,
        }
    }
}

/// The longest message any verifier signs has four fields; a fixed array keeps the check
/// allocation-free.
const MAX_FIELDS: usize = 4;

/// Verifies `signature` over `fields` joined by `|`, keyed with `secret`.
pub(crate) fn verify_fields(
    fields: &[Field<'_>],
    signature: &str,
    secret_name: &'static str,
    secret: &str,
) -> Result<(), SignatureError> {
    check_inputs(fields, secret_name, secret)?;
    let expected = decode_signature(signature)?;
    let parts = parts_of(fields);
    if HmacKey::new(secret.as_bytes()).matches(&parts[..fields.len()], &expected) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Signs `fields` joined by `|` with `secret`, as lowercase hex.
pub(crate) fn sign_fields(fields: &[Field<'_>], secret: &str) -> String {
    let parts = parts_of(fields);
    HmacKey::new(secret.as_bytes()).tag_hex(&parts[..fields.len()])
}

/// Rejects empty required fields and an empty secret, naming the first one found.
fn check_inputs(
    fields: &[Field<'_>],
    secret_name: &'static str,
    secret: &str,
) -> Result<(), SignatureError> {
    if let Some(empty) = fields
        .iter()
        .find(|f| f.value.is_empty() && !f.may_be_empty)
    {
        return Err(SignatureError::MissingInput {
            field: empty.name.to_owned(),
        });
    }
    if secret.is_empty() {
        return Err(SignatureError::MissingInput {
            field: secret_name.to_owned(),
        });
    }
    Ok(())
}

fn parts_of<'a>(fields: &[Field<'a>]) -> [&'a [u8]; MAX_FIELDS] {
    debug_assert!(fields.len() <= MAX_FIELDS);
    let mut parts: [&[u8]; MAX_FIELDS] = [&[]; MAX_FIELDS];
    for (slot, field) in parts.iter_mut().zip(fields) {
        *slot = field.value;
    }
    parts
}
