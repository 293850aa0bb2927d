//! razorpay-core's reconciliation types, exported as they are.
//!
//! As for the cart types (`cart/types.rs`), `#[uniffi::remote]` puts uniffi's traits on the
//! core types themselves: no mirror, no conversion, and the compiler checks every declaration
//! against the real type. Effect, Notification and Anomaly are `#[non_exhaustive]` in core, so
//! the compiler cannot see a variant core adds later: declare it here in the same change (until
//! then, lowering it is a uniffi internal error, caught at the boundary, never a crash).

use razorpay_core::reconcile::{Anomaly, CaptureMode, Effect, Notification, PaymentOrderStatus};

/// The order's payment status derived from everything seen so far.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum PaymentOrderStatus {
    AwaitingPayment,
    Authorized,
    Paid,
    PartiallyRefunded,
    Refunded,
    Failed,
}

/// Who captures authorized payments: Razorpay (automatic) or the shop (manual).
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum CaptureMode {
    Automatic,
    Manual,
}

/// Something the application should do, emitted once per real transition.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum Effect {
    MarkOrderPaid {
        razorpay_order_id: String,
        amount: i64,
        currency: String,
    },
    CapturePayment {
        payment_id: String,
        amount: i64,
        currency: String,
    },
    ReleaseReservedStock {
        razorpay_order_id: String,
    },
    NotifyCustomer {
        notification: Notification,
    },
    FlagForReview {
        anomaly: Anomaly,
    },
}

/// What to tell the customer.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum Notification {
    PaymentReceived,
    RefundProcessed { refund_id: String },
}

/// Something that must not pass as a silent success; a person should look at it.
#[uniffi::remote(Enum)]
#[non_exhaustive]
pub enum Anomaly {
    PaymentForOtherOrder {
        payment_id: String,
        order_id: Option<String>,
    },
    PaymentAmountMismatch {
        payment_id: String,
        amount: i64,
    },
    PaymentCurrencyMismatch {
        payment_id: String,
        currency: String,
    },
    CaptureExceedsAuthorized {
        payment_id: String,
    },
    Overpaid,
    PaidAfterStockRelease,
    RefundForOtherOrder {
        refund_id: String,
        order_id: Option<String>,
    },
    RefundCurrencyMismatch {
        refund_id: String,
        currency: String,
    },
    RefundExceedsPayment {
        refund_id: String,
    },
    RefundFailed {
        refund_id: String,
    },
    OrderMismatch {
        order_id: String,
    },
    OrderAmountMismatch {
        amount: i64,
    },
    OrderCurrencyMismatch {
        currency: String,
    },
    PaymentDisputed {
        dispute_id: String,
        payment_id: String,
    },
}
