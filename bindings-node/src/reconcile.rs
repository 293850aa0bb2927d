//! Payment reconciliation (`razorpay_core::reconcile`): one order state from callbacks, webhooks
//! and fetched objects, in any order and with duplicates. The state is the camelCase JSON the
//! application stores next to its order row; `applyPaymentEvent` folds one verified input into
//! it and returns the new state with the effects to carry out.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use razorpay_core::reconcile::{CaptureMode, PaymentState, ReconcileError, ReconcileInput, apply};
use serde::Deserialize;

use crate::convert;
use crate::error::{self, Kind};

/// A thrown `Error` with the reconcile error's stable code.
fn reconcile_error(env: &Env, err: &ReconcileError) -> Error {
    error::coded(env, Kind::Error, err.code(), err.to_string())
}

/// Applies one verified input to an order's payment state: `{ state, changed, duplicate,
/// effects, newAnomalies }`. Store `state` in place of the old one, then carry out `effects`
/// (each is emitted once over the life of the state, whatever the order or repetition of
/// inputs). `state` may be the stored object or its JSON text. Inputs:
/// `{ type: 'callback', razorpayOrderId, razorpayPaymentId }` (after verifying its signature),
/// `{ type: 'webhook', eventId, event }` (`event` from `WebhookVerifier.constructEvent`,
/// `eventId` the `x-razorpay-event-id` header), `{ type: 'fetchedPayment', payment }`,
/// `{ type: 'fetchedOrder', order }`, `{ type: 'abandoned', at }`.
/// Throws `RECONCILE_INVALID_STATE`, `RECONCILE_INVALID_INPUT`, `RECONCILE_MISSING_ENTITY`,
/// `RECONCILE_AMOUNT_OVERFLOW` or `RECONCILE_INVALID_JSON`; the old state stays valid.
#[napi(
    catch_unwind,
    ts_args_type = "state: PaymentState | string, input: ReconcileInput",
    ts_return_type = "PaymentOutcome"
)]
pub fn apply_payment_event<'env>(
    env: &'env Env,
    state: Unknown,
    input: Unknown,
) -> Result<Unknown<'env>> {
    let state = PaymentState::from_json(&convert::json_text(env, state, "state")?)
        .map_err(|e| reconcile_error(env, &e))?;
    let input = ReconcileInput::from_json(&convert::json_text(env, input, "input")?)
        .map_err(|e| reconcile_error(env, &e))?;
    let outcome = apply(&state, &input).map_err(|e| reconcile_error(env, &e))?;
    convert::to_js(env, &outcome)
}

/// Options of `createPaymentState`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct StateOptions {
    #[serde(default)]
    capture_mode: Option<CaptureMode>,
    #[serde(default)]
    partial_payment: Option<bool>,
}

/// A fresh payment state for a Razorpay order the shop just created (status
/// `AWAITING_PAYMENT`). `options.captureMode: 'manual'` when the shop captures payments itself
/// (each authorization then yields a `CAPTURE_PAYMENT` effect); `options.partialPayment` for
/// orders created with `partial_payment: true`.
#[napi(
    catch_unwind,
    ts_args_type = "razorpayOrderId: string, amount: number | bigint, currency: string, options?: { captureMode?: 'automatic' | 'manual'; partialPayment?: boolean } | null",
    ts_return_type = "PaymentState"
)]
pub fn create_payment_state<'env>(
    env: &'env Env,
    razorpay_order_id: Unknown,
    amount: Unknown,
    currency: Unknown,
    options: Unknown,
) -> Result<Unknown<'env>> {
    let order_id = convert::string(env, razorpay_order_id, "razorpayOrderId")?;
    let amount = convert::minor_units(env, amount, "amount")?;
    let currency = convert::string(env, currency, "currency")?;
    let options: StateOptions = convert::json_opt(env, options, "options")?.unwrap_or_default();
    let mut state = PaymentState::new(order_id, amount, currency);
    if let Some(mode) = options.capture_mode {
        state = state.capture_mode(mode);
    }
    if let Some(partial) = options.partial_payment {
        state = state.partial_payment(partial);
    }
    state.validate().map_err(|e| reconcile_error(env, &e))?;
    convert::to_js(env, &state)
}
