//! Payment reconciliation over its JSON state, from `razorpay_core::reconcile`.
//!
//! The application stores the state JSON next to its order row; every verified callback,
//! webhook or fetched object goes through an `apply_*` function, which returns the new state,
//! the order status and the effects to carry out (each exactly once, whatever the order or
//! repetition of inputs). The state stays JSON so that it is stored as-is and stays readable
//! by the Rust, Node and uniffi bindings alike.

use std::time::SystemTime;

use razorpay_core::reconcile as core;
pub use razorpay_core::reconcile::{
    Anomaly, CaptureMode, Effect, Notification, PaymentOrderStatus, ReconcileError,
};

use crate::model::{Order, Payment, UnixTime};
use crate::webhook::WebhookEvent;

// There is no input enum here: each kind of input is its own function, so every language reads
// `apply_webhook(state, event_id, event)` rather than a tagged union (Python would spell it
// `ReconcileInput.WEBHOOK(...)`), and a webhook can only come in as the `WebhookEvent`
// `WebhookVerifier.construct_event` returns, a callback only with its signature.

fn apply_input(
    state_json: &str,
    input: &core::ReconcileInput,
) -> Result<ReconcileOutcome, ReconcileError> {
    let state = core::PaymentState::from_json(state_json)?;
    let outcome = core::apply(&state, input)?;
    Ok(ReconcileOutcome {
        status: outcome.state.status(),
        amount_paid: outcome.state.amount_paid(),
        amount_refunded: outcome.state.amount_refunded(),
        state_json: outcome.state.to_json(),
        changed: outcome.changed,
        duplicate: outcome.duplicate,
        effects: outcome.effects,
    })
}

/// Applies the checkout callback after checking its signature with the key secret (Rust's
/// `ReconcileInput::verified_callback`); a bad signature is `ReconcileError.Unverified`, whose
/// code is the signature's.
#[uniffi::export]
pub fn apply_callback(
    state_json: String,
    razorpay_order_id: String,
    razorpay_payment_id: String,
    razorpay_signature: String,
    key_secret: String,
) -> Result<ReconcileOutcome, ReconcileError> {
    let input = core::ReconcileInput::verified_callback(
        &razorpay_order_id,
        &razorpay_payment_id,
        &razorpay_signature,
        &key_secret,
    )?;
    apply_input(&state_json, &input)
}

/// Applies a webhook: `event` is what `WebhookVerifier.construct_event` returned for it and
/// `event_id` its `x-razorpay-event-id` header (redeliveries are recognised by it).
#[uniffi::export]
pub fn apply_webhook(
    state_json: String,
    event_id: String,
    event: WebhookEvent,
) -> Result<ReconcileOutcome, ReconcileError> {
    // The record is plain data, so reconciliation reads the body it carries rather than
    // trusting its fields; a body that no longer parses is core's `RECONCILE_INVALID_JSON`.
    let event: razorpay_core::webhook::WebhookEvent = serde_json::from_str(&event.json)?;
    apply_input(&state_json, &core::ReconcileInput::webhook(event_id, event))
}

/// Applies a payment fetched from the API (`client.payments().fetch(…)`).
#[uniffi::export]
pub fn apply_fetched_payment(
    state_json: String,
    payment: Payment,
) -> Result<ReconcileOutcome, ReconcileError> {
    apply_input(&state_json, &core::ReconcileInput::fetched_payment(payment))
}

/// Applies an order fetched from the API (`client.orders().fetch(…)`).
#[uniffi::export]
pub fn apply_fetched_order(
    state_json: String,
    order: Order,
) -> Result<ReconcileOutcome, ReconcileError> {
    apply_input(&state_json, &core::ReconcileInput::fetched_order(order))
}

/// Records that the shop gave up on the order at `at` (its checkout timer fired).
#[uniffi::export]
pub fn apply_abandoned(
    state_json: String,
    at: SystemTime,
) -> Result<ReconcileOutcome, ReconcileError> {
    let at = UnixTime::from(at).as_secs();
    apply_input(&state_json, &core::ReconcileInput::Abandoned { at })
}

/// The result of applying one input.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReconcileOutcome {
    /// The new state JSON to store (byte-identical for equal states).
    pub state_json: String,
    /// The derived order status (`FAILED` is not terminal: a later payment may succeed).
    pub status: PaymentOrderStatus,
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
    let state = core::PaymentState::new(razorpay_order_id, amount, currency)
        .capture_mode(options.capture_mode.unwrap_or_default())
        .partial_payment(options.partial_payment.unwrap_or(false));
    state.validate()?;
    Ok(state.to_json())
}

/// Reconciliation entirely over razorpay-core's JSON: the input as
/// `{"type": "callback" | "webhook" | "fetchedPayment" | "fetchedOrder" | "abandoned", …}` and
/// the whole outcome as JSON (`{"state", "changed", "duplicate", "effects", "newAnomalies"}`).
#[uniffi::export]
pub fn apply_payment_event_json(
    state_json: String,
    input_json: String,
) -> Result<String, ReconcileError> {
    core::apply_json(&state_json, &input_json)
}

#[cfg(test)]
mod tests;
