//! Payment reconciliation over its JSON state, from `razorpay_core::reconcile`.
//!
//! The application stores the state JSON next to its order row; every verified callback,
//! webhook or fetched object goes through [`apply_payment_event`], which returns the new state,
//! the order status and the effects to carry out (each exactly once, whatever the order or
//! repetition of inputs). The state stays JSON so that it is stored as-is and stays readable
//! by the Rust, Node and uniffi bindings alike.

use razorpay_core::reconcile as core;
use razorpay_core::webhook::WebhookEvent;

/// Why an input or a stored state could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ReconcileError {
    /// The stored state is not usable (`RECONCILE_INVALID_STATE`).
    #[error("{code}: {reason}")]
    InvalidState {
        /// Stable machine-readable code.
        code: String,
        /// What is wrong.
        reason: String,
    },
    /// The input is not usable (`RECONCILE_INVALID_INPUT`, `RECONCILE_MISSING_ENTITY`).
    #[error("{code}: {reason}")]
    InvalidInput {
        /// Stable machine-readable code.
        code: String,
        /// The field at fault, when there is one.
        field: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// Totals do not fit in 64 bits (`RECONCILE_AMOUNT_OVERFLOW`).
    #[error("{code}: {reason}")]
    AmountOverflow {
        /// Stable machine-readable code.
        code: String,
        /// Which total.
        reason: String,
    },
    /// The state or input JSON does not parse (`RECONCILE_INVALID_JSON`).
    #[error("{code}: {reason}")]
    InvalidJson {
        /// Stable machine-readable code.
        code: String,
        /// The parser's explanation.
        reason: String,
    },
}

impl ReconcileError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidState { code, .. }
            | Self::InvalidInput { code, .. }
            | Self::AmountOverflow { code, .. }
            | Self::InvalidJson { code, .. } => code,
        }
    }
}

impl From<core::ReconcileError> for ReconcileError {
    fn from(e: core::ReconcileError) -> Self {
        let code = e.code().to_owned();
        let reason = e.to_string();
        match e {
            core::ReconcileError::InvalidState { reason } => Self::InvalidState { code, reason },
            core::ReconcileError::InvalidInput { field, .. } => Self::InvalidInput {
                code,
                field: Some(field.to_owned()),
                reason,
            },
            core::ReconcileError::MissingEntity { .. } => Self::InvalidInput {
                code,
                field: None,
                reason,
            },
            core::ReconcileError::AmountOverflow { .. } => Self::AmountOverflow { code, reason },
            core::ReconcileError::InvalidJson { message } => Self::InvalidJson {
                code,
                reason: message,
            },
            _ => Self::InvalidState { code, reason },
        }
    }
}

/// What happened, as far as the order's payments are concerned. Only feed inputs you have
/// verified: a callback whose signature checked, a webhook whose signature checked.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ReconcileInput {
    /// The checkout callback, after `verify_payment_signature` accepted it.
    Callback {
        /// `razorpay_order_id`.
        razorpay_order_id: String,
        /// `razorpay_payment_id`.
        razorpay_payment_id: String,
    },
    /// A verified webhook: its `x-razorpay-event-id` header and the raw body.
    Webhook {
        /// The `x-razorpay-event-id` header (deduplicates redeliveries).
        event_id: String,
        /// The raw body whose signature was verified.
        body: Vec<u8>,
    },
    /// A payment fetched from the API (`Payment.json`).
    FetchedPayment {
        /// The payment's JSON.
        payment_json: String,
    },
    /// An order fetched from the API (`Order.json`).
    FetchedOrder {
        /// The order's JSON.
        order_json: String,
    },
    /// The application gave up on the order (its checkout timer fired), Unix seconds.
    Abandoned {
        /// When, in Unix seconds.
        at: i64,
    },
}

impl TryFrom<ReconcileInput> for core::ReconcileInput {
    type Error = ReconcileError;

    fn try_from(input: ReconcileInput) -> Result<Self, ReconcileError> {
        let json = |e: serde_json::Error| ReconcileError::from(core::ReconcileError::from(e));
        Ok(match input {
            ReconcileInput::Callback {
                razorpay_order_id,
                razorpay_payment_id,
            } => core::ReconcileInput::callback(razorpay_order_id, razorpay_payment_id),
            ReconcileInput::Webhook { event_id, body } => {
                let event =
                    WebhookEvent::from_slice(&body).map_err(|e| ReconcileError::InvalidInput {
                        code: "RECONCILE_INVALID_INPUT".to_owned(),
                        field: Some("body".to_owned()),
                        reason: e.to_string(),
                    })?;
                core::ReconcileInput::webhook(event_id, event)
            }
            ReconcileInput::FetchedPayment { payment_json } => {
                core::ReconcileInput::fetched_payment(
                    serde_json::from_str(&payment_json).map_err(json)?,
                )
            }
            ReconcileInput::FetchedOrder { order_json } => core::ReconcileInput::fetched_order(
                serde_json::from_str(&order_json).map_err(json)?,
            ),
            ReconcileInput::Abandoned { at } => core::ReconcileInput::Abandoned { at },
        })
    }
}

/// Something the application should do, emitted once per real transition.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Effect {
    /// Mark the shop's order paid.
    MarkOrderPaid {
        /// The Razorpay order.
        razorpay_order_id: String,
        /// The order's amount in minor units.
        amount: i64,
        /// Its currency.
        currency: String,
    },
    /// Capture an authorized payment (manual capture mode).
    CapturePayment {
        /// The payment to capture.
        payment_id: String,
        /// Amount to capture.
        amount: i64,
        /// Currency.
        currency: String,
    },
    /// Release the stock reserved for the order.
    ReleaseReservedStock {
        /// The Razorpay order.
        razorpay_order_id: String,
    },
    /// Tell the customer (`PAYMENT_RECEIVED`, `REFUND_PROCESSED`).
    NotifyCustomer {
        /// The notification kind.
        kind: String,
        /// The refund, for `REFUND_PROCESSED`.
        refund_id: Option<String>,
    },
    /// A person should look at this (`anomaly` is its type, e.g. `PAYMENT_AMOUNT_MISMATCH`).
    FlagForReview {
        /// The anomaly's type.
        anomaly: String,
        /// The anomaly with its details, as JSON.
        anomaly_json: String,
    },
    /// An effect newer than this binding, as JSON.
    Other {
        /// The effect as JSON.
        json: String,
    },
}

fn type_of(json: &serde_json::Value, tag: &str) -> String {
    json.get(tag)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

impl From<core::Effect> for Effect {
    fn from(e: core::Effect) -> Self {
        match e {
            core::Effect::MarkOrderPaid {
                razorpay_order_id,
                amount,
                currency,
            } => Self::MarkOrderPaid {
                razorpay_order_id,
                amount,
                currency,
            },
            core::Effect::CapturePayment {
                payment_id,
                amount,
                currency,
            } => Self::CapturePayment {
                payment_id,
                amount,
                currency,
            },
            core::Effect::ReleaseReservedStock { razorpay_order_id } => {
                Self::ReleaseReservedStock { razorpay_order_id }
            }
            core::Effect::NotifyCustomer { notification } => {
                let value = serde_json::to_value(&notification).unwrap_or_default();
                Self::NotifyCustomer {
                    kind: type_of(&value, "kind"),
                    refund_id: value
                        .get("refundId")
                        .and_then(serde_json::Value::as_str)
                        .map(str::to_owned),
                }
            }
            core::Effect::FlagForReview { anomaly } => {
                let value = serde_json::to_value(&anomaly).unwrap_or_default();
                Self::FlagForReview {
                    anomaly: type_of(&value, "type"),
                    anomaly_json: value.to_string(),
                }
            }
            other => Self::Other {
                json: serde_json::to_string(&other).unwrap_or_default(),
            },
        }
    }
}

/// The result of [`apply_payment_event`].
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconcileOutcome {
    /// The new state JSON to store (byte-identical for equal states).
    pub state_json: String,
    /// The derived order status: `AWAITING_PAYMENT`, `AUTHORIZED`, `PAID`,
    /// `PARTIALLY_REFUNDED`, `REFUNDED` or `FAILED` (not terminal).
    pub status: String,
    /// Total captured, in minor units.
    pub amount_paid: i64,
    /// Total refunded (processed), in minor units.
    pub amount_refunded: i64,
    /// Whether the state changed.
    pub changed: bool,
    /// Whether the input was a redelivery of an event already applied.
    pub duplicate: bool,
    /// What to do now; never repeated for the same transition.
    pub effects: Vec<Effect>,
}

/// Who captures authorized payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CaptureMode {
    /// Razorpay captures them (the account's default).
    Automatic,
    /// The shop captures: each authorization yields one `CapturePayment` effect.
    Manual,
}

/// Options of [`create_payment_state`]; every field defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct PaymentStateOptions {
    /// Default: automatic.
    #[uniffi(default)]
    pub capture_mode: Option<CaptureMode>,
    /// The order was created with `partial_payment: true`; default: no.
    #[uniffi(default)]
    pub partial_payment: Option<bool>,
}

/// A fresh state JSON for a Razorpay order the shop just created (`AWAITING_PAYMENT`), of
/// `amount` minor units in `currency` (`createPaymentState` in Node).
#[uniffi::export(default(options = None))]
pub fn create_payment_state(
    razorpay_order_id: String,
    amount: i64,
    currency: String,
    options: Option<PaymentStateOptions>,
) -> Result<String, ReconcileError> {
    let options = options.unwrap_or_default();
    let mode = match options.capture_mode {
        Some(CaptureMode::Manual) => core::CaptureMode::Manual,
        Some(CaptureMode::Automatic) | None => core::CaptureMode::Automatic,
    };
    let state = core::PaymentState::new(razorpay_order_id, amount, currency)
        .with_capture_mode(mode)
        .with_partial_payment(options.partial_payment.unwrap_or(false));
    state.validate()?;
    Ok(state.to_json())
}

/// Applies one verified input to the stored state (`apply` in Rust, `applyPaymentEvent` in
/// Node).
#[uniffi::export]
pub fn apply_payment_event(
    state_json: String,
    input: ReconcileInput,
) -> Result<ReconcileOutcome, ReconcileError> {
    let state = core::PaymentState::from_json(&state_json)?;
    let input = core::ReconcileInput::try_from(input)?;
    let outcome = core::apply(&state, &input)?;
    Ok(ReconcileOutcome {
        status: outcome.state.status.as_str().to_owned(),
        amount_paid: outcome.state.amount_paid,
        amount_refunded: outcome.state.amount_refunded,
        state_json: outcome.state.to_json(),
        changed: outcome.changed,
        duplicate: outcome.duplicate,
        effects: outcome.effects.into_iter().map(Effect::from).collect(),
    })
}

/// [`apply_payment_event`] entirely over razorpay-core's JSON: the input as
/// `{"type": "callback" | "webhook" | "fetchedPayment" | "fetchedOrder" | "abandoned", …}` and
/// the whole outcome as JSON (`{"state", "changed", "duplicate", "effects", "newAnomalies"}`).
#[uniffi::export]
pub fn apply_payment_event_json(
    state_json: String,
    input_json: String,
) -> Result<String, ReconcileError> {
    Ok(core::apply_json(&state_json, &input_json)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = "order_DESlLckIVRkHWj";

    fn captured_webhook(payment_id: &str, amount: i64) -> Vec<u8> {
        format!(
            r#"{{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],"payload":{{"payment":{{"entity":{{"id":"{payment_id}","entity":"payment","amount":{amount},"currency":"INR","status":"captured","order_id":"{ORDER}","captured":true}}}}}},"created_at":1700000000}}"#
        )
        .into_bytes()
    }

    #[test]
    fn callback_then_webhook_then_duplicate() {
        let state = create_payment_state(ORDER.into(), 50_000, "INR".into(), None).unwrap();
        let out = apply_payment_event(
            state,
            ReconcileInput::Callback {
                razorpay_order_id: ORDER.into(),
                razorpay_payment_id: "pay_1".into(),
            },
        )
        .unwrap();
        assert_eq!(out.status, "AUTHORIZED");
        let webhook = ReconcileInput::Webhook {
            event_id: "evt_1".into(),
            body: captured_webhook("pay_1", 50_000),
        };
        let paid = apply_payment_event(out.state_json, webhook.clone()).unwrap();
        assert_eq!((paid.status.as_str(), paid.amount_paid), ("PAID", 50_000));
        assert_eq!(
            paid.effects,
            vec![
                Effect::MarkOrderPaid {
                    razorpay_order_id: ORDER.into(),
                    amount: 50_000,
                    currency: "INR".into()
                },
                Effect::NotifyCustomer {
                    kind: "PAYMENT_RECEIVED".into(),
                    refund_id: None
                },
            ]
        );
        let again = apply_payment_event(paid.state_json.clone(), webhook).unwrap();
        assert!(again.duplicate && !again.changed && again.effects.is_empty());
        assert_eq!(again.state_json, paid.state_json);
    }

    #[test]
    fn anomalies_are_flagged_and_errors_typed() {
        let state = create_payment_state(ORDER.into(), 50_000, "INR".into(), None).unwrap();
        let out = apply_payment_event(
            state.clone(),
            ReconcileInput::Webhook {
                event_id: "evt_2".into(),
                body: captured_webhook("pay_2", 40_000),
            },
        )
        .unwrap();
        assert!(out.effects.iter().any(|e| matches!(e,
            Effect::FlagForReview { anomaly, .. } if anomaly == "PAYMENT_AMOUNT_MISMATCH")));
        assert_ne!(out.status, "PAID");

        let e = apply_payment_event("{".into(), ReconcileInput::Abandoned { at: 1 }).unwrap_err();
        assert_eq!(e.code(), "RECONCILE_INVALID_JSON");
        let e = create_payment_state("".into(), 50_000, "INR".into(), None).unwrap_err();
        assert_eq!(e.code(), "RECONCILE_INVALID_STATE");
        let e = apply_payment_event(
            state,
            ReconcileInput::Webhook {
                event_id: "evt_3".into(),
                body: b"nope".to_vec(),
            },
        )
        .unwrap_err();
        assert_eq!(e.code(), "RECONCILE_INVALID_INPUT");
    }
}
