//! Checks run on request parameters before anything is sent, with Razorpay's documented
//! limits. Pure functions: no I/O.

use checkout_currency::CurrencyError;

use crate::model::Notes;

pub use crate::limits::{LIST_MAX_COUNT, NOTE_VALUE_MAX_CHARS, NOTES_MAX_KEYS, RECEIPT_MAX_CHARS};

/// A request parameter the client refuses to send. Each variant names the field.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature), inside
/// [`ClientError::InvalidRequest`](super::ClientError::InvalidRequest): that is why its fields
/// are owned `String`s and `u64`s rather than `&'static str` and `usize`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Error))]
#[cfg_attr(feature = "uniffi", uniffi::export(Display))]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// An amount is zero or negative.
    #[error("{field} must be greater than zero (got {amount})")]
    AmountNotPositive {
        /// The parameter.
        field: String,
        /// The rejected amount in minor units.
        amount: i64,
    },
    /// An amount is below the currency's minimum.
    #[error("{field} must be at least {min_amount} minor units of {currency} (got {amount})")]
    AmountBelowMinimum {
        /// The parameter.
        field: String,
        /// The rejected amount.
        amount: i64,
        /// The currency's minimum.
        min_amount: i64,
        /// The currency.
        currency: String,
    },
    /// An amount is not a multiple of the currency's step (three-decimal currencies).
    #[error("{field} must be a multiple of {amount_step} minor units of {currency} (got {amount})")]
    AmountNotInStep {
        /// The parameter.
        field: String,
        /// The rejected amount.
        amount: i64,
        /// The required step.
        amount_step: i64,
        /// The currency.
        currency: String,
    },
    /// A larger amount than allowed (for example `first_payment_min_amount` above `amount`).
    #[error("{field} must not exceed {max} (got {amount})")]
    AmountTooLarge {
        /// The parameter.
        field: String,
        /// The rejected amount.
        amount: i64,
        /// The limit.
        max: i64,
    },
    /// The currency is not one Razorpay supports.
    #[error("currency {currency:?} is not supported by Razorpay")]
    UnsupportedCurrency {
        /// The rejected code.
        currency: String,
    },
    /// `receipt` is longer than 40 characters.
    #[error("receipt must be at most {RECEIPT_MAX_CHARS} characters (got {length})")]
    ReceiptTooLong {
        /// Its length in characters.
        length: u64,
    },
    /// `notes` has more than 15 keys.
    #[error("notes may hold at most {NOTES_MAX_KEYS} keys (got {count})")]
    TooManyNotes {
        /// The number of keys.
        count: u64,
    },
    /// A note value is longer than 256 characters, or not a string, number or boolean.
    #[error(
        "note {key:?} must be a string, number or boolean of at most {NOTE_VALUE_MAX_CHARS} characters"
    )]
    InvalidNote {
        /// The key of the offending note.
        key: String,
    },
    /// An id is empty or has characters that cannot appear in a Razorpay id.
    #[error("{field} {id:?} is not a Razorpay id")]
    InvalidId {
        /// The parameter.
        field: String,
        /// The rejected id.
        id: String,
    },
    /// A refund idempotency key Razorpay would reject.
    #[error("the idempotency key must be 10 to 255 characters of letters, digits, '-' and '_'")]
    InvalidIdempotencyKey,
    /// A required argument of an API method is missing (or empty).
    #[error("{field} is required")]
    MissingArgument {
        /// The argument.
        field: String,
    },
    /// An argument of an API method has a shape the method cannot use.
    #[error("{field} {reason}")]
    InvalidArgument {
        /// The argument.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// No API method has this name.
    #[error("{name:?} is not a Razorpay API method (names look like \"orders.create\")")]
    UnknownMethod {
        /// The name asked for.
        name: String,
    },
    /// A list `count` outside 1..=100.
    #[error("count must be between 1 and {LIST_MAX_COUNT} (got {count})")]
    CountOutOfRange {
        /// The rejected count.
        count: u32,
    },
}

impl ValidationError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::AmountNotPositive { .. } => "AMOUNT_NOT_POSITIVE",
            Self::AmountBelowMinimum { .. } => "AMOUNT_BELOW_MINIMUM",
            Self::AmountNotInStep { .. } => "AMOUNT_NOT_IN_STEP",
            Self::AmountTooLarge { .. } => "AMOUNT_TOO_LARGE",
            Self::UnsupportedCurrency { .. } => "CURRENCY_UNSUPPORTED",
            Self::ReceiptTooLong { .. } => "RECEIPT_TOO_LONG",
            Self::TooManyNotes { .. } => "NOTES_TOO_MANY",
            Self::InvalidNote { .. } => "NOTE_INVALID",
            Self::InvalidId { .. } => "ID_INVALID",
            Self::InvalidIdempotencyKey => "IDEMPOTENCY_KEY_INVALID",
            Self::CountOutOfRange { .. } => "COUNT_OUT_OF_RANGE",
            Self::MissingArgument { .. } => "ARGUMENT_MISSING",
            Self::InvalidArgument { .. } => "ARGUMENT_INVALID",
            Self::UnknownMethod { .. } => "METHOD_UNKNOWN",
        }
    }

    /// The request parameter at fault.
    pub fn field(&self) -> &str {
        match self {
            Self::AmountNotPositive { field, .. }
            | Self::AmountBelowMinimum { field, .. }
            | Self::AmountNotInStep { field, .. }
            | Self::AmountTooLarge { field, .. }
            | Self::InvalidId { field, .. }
            | Self::MissingArgument { field }
            | Self::InvalidArgument { field, .. } => field,
            Self::UnknownMethod { .. } => "name",
            Self::UnsupportedCurrency { .. } => "currency",
            Self::ReceiptTooLong { .. } => "receipt",
            Self::TooManyNotes { .. } | Self::InvalidNote { .. } => "notes",
            Self::InvalidIdempotencyKey => "idempotency_key",
            Self::CountOutOfRange { .. } => "count",
        }
    }
}

/// `amount > 0`.
pub fn positive(field: &'static str, amount: i64) -> Result<(), ValidationError> {
    if amount > 0 {
        Ok(())
    } else {
        Err(ValidationError::AmountNotPositive {
            field: field.into(),
            amount,
        })
    }
}

/// A positive amount in a supported currency, at least its minimum and in its step.
pub fn payable(field: &'static str, amount: i64, currency: &str) -> Result<(), ValidationError> {
    positive(field, amount)?;
    let info =
        crate::limits::currency(currency).ok_or_else(|| ValidationError::UnsupportedCurrency {
            currency: currency.to_string(),
        })?;
    info.check_amount(amount).map_err(|error| match error {
        CurrencyError::NotInStep { amount_step, .. } => ValidationError::AmountNotInStep {
            field: field.into(),
            amount,
            amount_step,
            currency: currency.to_string(),
        },
        _ => ValidationError::AmountBelowMinimum {
            field: field.into(),
            amount,
            min_amount: info.min_amount,
            currency: currency.to_string(),
        },
    })
}

/// `receipt` of at most 40 characters.
pub fn receipt(receipt: Option<&str>) -> Result<(), ValidationError> {
    match receipt.map(|r| r.chars().count()) {
        Some(length) if length > RECEIPT_MAX_CHARS => Err(ValidationError::ReceiptTooLong {
            length: u64::try_from(length).unwrap_or(u64::MAX),
        }),
        _ => Ok(()),
    }
}

/// At most 15 notes, each a scalar of at most 256 characters.
pub fn notes(notes: &Notes) -> Result<(), ValidationError> {
    if notes.len() > NOTES_MAX_KEYS {
        return Err(ValidationError::TooManyNotes {
            count: u64::try_from(notes.len()).unwrap_or(u64::MAX),
        });
    }
    for (key, value) in notes.iter() {
        let length = match value {
            serde_json::Value::String(s) => s.chars().count(),
            serde_json::Value::Number(n) => n.to_string().len(),
            serde_json::Value::Bool(_) => 5,
            _ => usize::MAX,
        };
        if length > NOTE_VALUE_MAX_CHARS {
            return Err(ValidationError::InvalidNote {
                key: key.to_string(),
            });
        }
    }
    Ok(())
}

/// An id that is safe to put in a URL path: non-empty, at most 64 characters of
/// `[A-Za-z0-9_]`. Anything else could not be a Razorpay id and might change the path.
pub fn id(field: &'static str, id: &str) -> Result<(), ValidationError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidId {
            field: field.into(),
            id: id.to_string(),
        })
    }
}

/// Razorpay's rule for `X-Refund-Idempotency`: at least 10 characters of letters, digits,
/// hyphens and underscores (we also cap it at 255).
pub fn idempotency_key(key: &str) -> Result<(), ValidationError> {
    let ok = (10..=255).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::InvalidIdempotencyKey)
    }
}

/// A list page size in 1..=100.
pub fn count(count: Option<u32>) -> Result<(), ValidationError> {
    match count {
        Some(count) if !(1..=LIST_MAX_COUNT).contains(&count) => {
            Err(ValidationError::CountOutOfRange { count })
        }
        _ => Ok(()),
    }
}

/// A type the API returns as one JSON object with a fixed `entity` member: the client checks
/// the member before decoding, so an object of another kind (an order where a payment was
/// asked for) is an error instead of a half-filled value.
pub trait ApiEntity {
    /// The `entity` value Razorpay sends for this type; `None` for untyped answers
    /// ([`serde_json::Value`]), whose caller checks with [`entity`] when it knows what to expect.
    const ENTITY: Option<&'static str>;
}

// Every typed answer of the API table names its entity once, in `api::ApiOutput`.
impl<T: crate::api::ApiOutput> ApiEntity for T {
    const ENTITY: Option<&'static str> = T::ENTITY;
}

/// Checks the top-level `entity` of a JSON body against `expected`. `Err` carries the entity
/// found (or why none could be read). A body without `entity` passes: the typed decode that
/// follows decides whether it is usable.
pub fn entity(expected: &str, body: &[u8]) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Tag<'a> {
        #[serde(borrow, default)]
        entity: Option<std::borrow::Cow<'a, str>>,
    }
    match serde_json::from_slice::<Tag<'_>>(body) {
        Ok(Tag { entity: None }) => Ok(()),
        Ok(Tag {
            entity: Some(found),
        }) if found == expected => Ok(()),
        Ok(Tag {
            entity: Some(found),
        }) => Err(format!(
            "expected a {expected} object, got entity {:?}",
            super::error::clip_text(&found)
        )),
        Err(error) => Err(format!("the body is not a JSON object: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Collection, Order};

    #[test]
    fn amounts_follow_the_currency_table() {
        assert_eq!(payable("amount", 100, "INR"), Ok(()));
        assert_eq!(
            payable("amount", 0, "INR").map_err(|e| e.code()),
            Err("AMOUNT_NOT_POSITIVE")
        );
        assert_eq!(
            payable("amount", 99, "INR").map_err(|e| e.code()),
            Err("AMOUNT_BELOW_MINIMUM")
        );
        assert_eq!(
            payable("amount", 100, "XXX").map_err(|e| e.code()),
            Err("CURRENCY_UNSUPPORTED")
        );
        assert_eq!(
            payable("amount", 1_005, "KWD").map_err(|e| e.code()),
            Err("AMOUNT_NOT_IN_STEP")
        );
    }

    #[test]
    fn receipt_and_notes_limits() {
        assert_eq!(receipt(Some(&"r".repeat(40))), Ok(()));
        assert_eq!(
            receipt(Some(&"r".repeat(41))),
            Err(ValidationError::ReceiptTooLong { length: 41 })
        );
        let fifteen: Notes = (0..15).map(|i| (format!("k{i}"), "v")).collect();
        assert_eq!(notes(&fifteen), Ok(()));
        let sixteen: Notes = (0..16).map(|i| (format!("k{i}"), "v")).collect();
        assert_eq!(
            notes(&sixteen).map_err(|e| e.field().to_string()),
            Err("notes".into())
        );
        let long: Notes = [("k", "x".repeat(257))].into_iter().collect();
        assert_eq!(notes(&long).map_err(|e| e.code()), Err("NOTE_INVALID"));
    }

    #[test]
    fn ids_cannot_escape_the_path() {
        assert_eq!(id("order_id", "order_DBJOWzybf0sJbb"), Ok(()));
        for bad in ["", "../payments", "order_1?x=1", "order 1", "a/b"] {
            assert_eq!(
                id("order_id", bad).map_err(|e| e.code()),
                Err("ID_INVALID"),
                "{bad}"
            );
        }
    }

    #[test]
    fn entity_must_match_when_present() {
        assert_eq!(
            entity("payment", br#"{"id":"pay_1","entity":"payment"}"#),
            Ok(())
        );
        assert_eq!(entity("payment", br#"{"id":"pay_1"}"#), Ok(()));
        let wrong = entity("payment", br#"{"id":"order_1","entity":"order"}"#);
        assert!(wrong.is_err_and(|e| e.contains("\"order\"")));
        assert!(entity("payment", b"[1,2]").is_err());
        assert!(entity("payment", br#"{"entity":7}"#).is_err());
        assert_eq!(<Collection<Order> as ApiEntity>::ENTITY, Some("collection"));
        assert_eq!(<serde_json::Value as ApiEntity>::ENTITY, None);
    }

    #[test]
    fn idempotency_keys_follow_razorpay() {
        assert_eq!(
            idempotency_key("550e8400-e29b-41d4-a716-446655440000"),
            Ok(())
        );
        assert!(idempotency_key("short").is_err());
        assert!(idempotency_key("has spaces in it").is_err());
    }
}
