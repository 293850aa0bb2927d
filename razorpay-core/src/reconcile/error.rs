//! [`ReconcileError`]: why an input or a stored state could not be applied.

use crate::signature::SignatureError;

/// Why [`apply`](super::apply) refused an input. The state is never half-updated: on error the
/// caller keeps its previous state.
///
/// Anomalies in the *payments* (a payment for another order, a wrong amount…) are not errors;
/// they are recorded in the state and flagged for review. Errors are for inputs that cannot be
/// interpreted at all.
///
/// Crosses to Kotlin, Swift and Python as it is (the `uniffi` feature), with `code()` on the
/// base type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
#[non_exhaustive]
pub enum ReconcileError {
    /// The stored state is unusable (empty order id, non-positive amount, malformed currency).
    #[error("invalid payment state: {reason}")]
    InvalidState {
        /// What is wrong with it.
        reason: String,
    },
    /// The input is malformed: an empty id or an amount out of range.
    #[error("invalid reconcile input: `{field}` {reason}")]
    InvalidInput {
        /// The offending field, e.g. `"eventId"` or `"payment.amount"`.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A webhook event lacks the entity its name promises (e.g. `payment.captured` without
    /// `payload.payment`).
    #[error("webhook event `{event}` has no `{entity}` entity in its payload")]
    MissingEntity {
        /// The event name.
        event: String,
        /// The missing payload entity.
        entity: String,
    },
    /// A total does not fit in `i64` minor units.
    #[error("amount overflow while totalling `{what}`")]
    AmountOverflow {
        /// Which total overflowed.
        what: String,
    },
    /// JSON given to a `from_json` helper is not a valid state or input.
    // `reason`, not `message`: the generated Kotlin exception already owns `message`.
    #[error("invalid JSON: {reason}")]
    InvalidJson {
        /// The parser's message (it never contains secrets: states and inputs hold none).
        reason: String,
    },
    /// A checkout callback's signature was rejected
    /// ([`ReconcileInput::verified_callback`](super::ReconcileInput::verified_callback)), so it
    /// was not applied. Its code is the signature's own, as for a webhook.
    #[error("callback not applied: {0}")]
    Unverified(#[from] SignatureError),
}

impl ReconcileError {
    /// A stable, machine-readable code: `RECONCILE_INVALID_STATE`, `RECONCILE_INVALID_INPUT`,
    /// `RECONCILE_MISSING_ENTITY`, `RECONCILE_AMOUNT_OVERFLOW`, `RECONCILE_INVALID_JSON`, or
    /// for an unverified callback the signature's own code (`SIGNATURE_MISMATCH`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidState { .. } => "RECONCILE_INVALID_STATE",
            Self::InvalidInput { .. } => "RECONCILE_INVALID_INPUT",
            Self::MissingEntity { .. } => "RECONCILE_MISSING_ENTITY",
            Self::AmountOverflow { .. } => "RECONCILE_AMOUNT_OVERFLOW",
            Self::InvalidJson { .. } => "RECONCILE_INVALID_JSON",
            Self::Unverified(err) => err.code(),
        }
    }

    pub(crate) fn input(field: &str, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

crate::uniffi_code::export_error_code!(ReconcileError);

impl From<serde_json::Error> for ReconcileError {
    fn from(err: serde_json::Error) -> Self {
        Self::InvalidJson {
            reason: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_messages_clear() {
        let err = ReconcileError::input("eventId", "is empty");
        assert_eq!(err.code(), "RECONCILE_INVALID_INPUT");
        assert_eq!(
            err.to_string(),
            "invalid reconcile input: `eventId` is empty"
        );
        let err = ReconcileError::AmountOverflow {
            what: "amountPaid".into(),
        };
        assert_eq!(err.code(), "RECONCILE_AMOUNT_OVERFLOW");
        let err = ReconcileError::InvalidState { reason: "x".into() };
        assert_eq!(err.code(), "RECONCILE_INVALID_STATE");
        let err = ReconcileError::MissingEntity {
            event: "payment.captured".into(),
            entity: "payment".into(),
        };
        assert_eq!(err.code(), "RECONCILE_MISSING_ENTITY");
        let err: ReconcileError = serde_json::from_str::<u8>("x").unwrap_err().into();
        assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
        let err = ReconcileError::from(SignatureError::Mismatch);
        assert_eq!(err.code(), "SIGNATURE_MISMATCH");
        assert_eq!(
            err.to_string(),
            "callback not applied: signature does not match"
        );
    }
}
