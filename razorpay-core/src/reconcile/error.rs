//! [`ReconcileError`]: why an input or a stored state could not be applied.

/// Why [`apply`](super::apply) refused an input. The state is never half-updated: on error the
/// caller keeps its previous state.
///
/// Anomalies in the *payments* (a payment for another order, a wrong amount…) are not errors;
/// they are recorded in the state and flagged for review. Errors are for inputs that cannot be
/// interpreted at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
        field: &'static str,
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
        entity: &'static str,
    },
    /// A total does not fit in `i64` minor units.
    #[error("amount overflow while totalling `{what}`")]
    AmountOverflow {
        /// Which total overflowed.
        what: &'static str,
    },
    /// JSON given to a `from_json` helper is not a valid state or input.
    #[error("invalid JSON: {message}")]
    InvalidJson {
        /// The parser's message (it never contains secrets: states and inputs hold none).
        message: String,
    },
}

impl ReconcileError {
    /// A stable, machine-readable code: `RECONCILE_INVALID_STATE`, `RECONCILE_INVALID_INPUT`,
    /// `RECONCILE_MISSING_ENTITY`, `RECONCILE_AMOUNT_OVERFLOW` or `RECONCILE_INVALID_JSON`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidState { .. } => "RECONCILE_INVALID_STATE",
            Self::InvalidInput { .. } => "RECONCILE_INVALID_INPUT",
            Self::MissingEntity { .. } => "RECONCILE_MISSING_ENTITY",
            Self::AmountOverflow { .. } => "RECONCILE_AMOUNT_OVERFLOW",
            Self::InvalidJson { .. } => "RECONCILE_INVALID_JSON",
        }
    }

    pub(crate) fn input(field: &'static str, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field,
            reason: reason.into(),
        }
    }
}

impl From<serde_json::Error> for ReconcileError {
    fn from(err: serde_json::Error) -> Self {
        Self::InvalidJson {
            message: err.to_string(),
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
        let err = ReconcileError::AmountOverflow { what: "amountPaid" };
        assert_eq!(err.code(), "RECONCILE_AMOUNT_OVERFLOW");
        let err = ReconcileError::InvalidState { reason: "x".into() };
        assert_eq!(err.code(), "RECONCILE_INVALID_STATE");
        let err = ReconcileError::MissingEntity {
            event: "payment.captured".into(),
            entity: "payment",
        };
        assert_eq!(err.code(), "RECONCILE_MISSING_ENTITY");
        let err: ReconcileError = serde_json::from_str::<u8>("x").unwrap_err().into();
        assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
    }
}
