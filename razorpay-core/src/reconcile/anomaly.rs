//! [`Anomaly`]: something that must not pass as a silent success.
//!
//! Every anomaly is either a property of a single input compared with the state's fixed
//! expectations (order id, amount, currency), or a *monotone* predicate of the merged state
//! (once true it stays true whatever arrives later). Both kinds therefore end up in the same set
//! whatever the order of inputs, and each one is flagged for review exactly once.

use serde::{Deserialize, Serialize};

/// A reason to flag the order for a human to look at. Stored in
/// [`PaymentState::anomalies`](super::PaymentState::anomalies) and emitted once as
/// [`Effect::FlagForReview`](super::Effect::FlagForReview).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Anomaly {
    /// A payment (or a checkout callback) that belongs to another order, or to none. It is not
    /// counted for this order.
    PaymentForOtherOrder {
        /// The payment.
        payment_id: String,
        /// The order it claims, if any.
        order_id: Option<String>,
    },
    /// A payment whose amount differs from the order's amount. Counted if captured, but never a
    /// silent success.
    PaymentAmountMismatch {
        /// The payment.
        payment_id: String,
        /// Its amount in minor units.
        amount: i64,
    },
    /// A payment in another currency than the order's. Never counted as paid.
    PaymentCurrencyMismatch {
        /// The payment.
        payment_id: String,
        /// Its currency.
        currency: String,
    },
    /// A payment was captured for more than was authorized.
    CaptureExceedsAuthorized {
        /// The payment.
        payment_id: String,
    },
    /// More was captured for the order than its amount (e.g. two successful payments).
    Overpaid,
    /// Money arrived after the shop was told to release the reserved stock.
    PaidAfterStockRelease,
    /// A refund of a payment that belongs to another order, or to none. Not counted.
    RefundForOtherOrder {
        /// The refund.
        refund_id: String,
        /// The order its payment belongs to, if any.
        order_id: Option<String>,
    },
    /// A refund in another currency than the order's. Not counted.
    RefundCurrencyMismatch {
        /// The refund.
        refund_id: String,
        /// Its currency.
        currency: String,
    },
    /// A refund larger than the payment it refunds (as reported in the same event).
    RefundExceedsPayment {
        /// The refund.
        refund_id: String,
    },
    /// A refund failed: the customer has not got the money back.
    RefundFailed {
        /// The refund.
        refund_id: String,
    },
    /// A fetched or webhook-delivered order object that is not this state's order.
    OrderMismatch {
        /// The id of the order that was received.
        order_id: String,
    },
    /// Razorpay's order has another amount than the one this state expects.
    OrderAmountMismatch {
        /// Razorpay's order amount.
        amount: i64,
    },
    /// Razorpay's order has another currency than the one this state expects.
    OrderCurrencyMismatch {
        /// Razorpay's order currency.
        currency: String,
    },
    /// A payment of this order is disputed (chargeback).
    PaymentDisputed {
        /// The dispute.
        dispute_id: String,
        /// The disputed payment.
        payment_id: String,
    },
}

impl Anomaly {
    /// A stable, machine-readable code, identical to the `type` tag in JSON, e.g.
    /// `"PAYMENT_AMOUNT_MISMATCH"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::PaymentForOtherOrder { .. } => "PAYMENT_FOR_OTHER_ORDER",
            Self::PaymentAmountMismatch { .. } => "PAYMENT_AMOUNT_MISMATCH",
            Self::PaymentCurrencyMismatch { .. } => "PAYMENT_CURRENCY_MISMATCH",
            Self::CaptureExceedsAuthorized { .. } => "CAPTURE_EXCEEDS_AUTHORIZED",
            Self::Overpaid => "OVERPAID",
            Self::PaidAfterStockRelease => "PAID_AFTER_STOCK_RELEASE",
            Self::RefundForOtherOrder { .. } => "REFUND_FOR_OTHER_ORDER",
            Self::RefundCurrencyMismatch { .. } => "REFUND_CURRENCY_MISMATCH",
            Self::RefundExceedsPayment { .. } => "REFUND_EXCEEDS_PAYMENT",
            Self::RefundFailed { .. } => "REFUND_FAILED",
            Self::OrderMismatch { .. } => "ORDER_MISMATCH",
            Self::OrderAmountMismatch { .. } => "ORDER_AMOUNT_MISMATCH",
            Self::OrderCurrencyMismatch { .. } => "ORDER_CURRENCY_MISMATCH",
            Self::PaymentDisputed { .. } => "PAYMENT_DISPUTED",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_tag_is_the_code() {
        let all = [
            Anomaly::PaymentForOtherOrder {
                payment_id: "pay_1".into(),
                order_id: None,
            },
            Anomaly::PaymentAmountMismatch {
                payment_id: "pay_1".into(),
                amount: 1,
            },
            Anomaly::PaymentCurrencyMismatch {
                payment_id: "pay_1".into(),
                currency: "USD".into(),
            },
            Anomaly::CaptureExceedsAuthorized {
                payment_id: "pay_1".into(),
            },
            Anomaly::Overpaid,
            Anomaly::PaidAfterStockRelease,
            Anomaly::RefundForOtherOrder {
                refund_id: "rfnd_1".into(),
                order_id: Some("order_2".into()),
            },
            Anomaly::RefundCurrencyMismatch {
                refund_id: "rfnd_1".into(),
                currency: "USD".into(),
            },
            Anomaly::RefundExceedsPayment {
                refund_id: "rfnd_1".into(),
            },
            Anomaly::RefundFailed {
                refund_id: "rfnd_1".into(),
            },
            Anomaly::OrderMismatch {
                order_id: "order_2".into(),
            },
            Anomaly::OrderAmountMismatch { amount: 5 },
            Anomaly::OrderCurrencyMismatch {
                currency: "USD".into(),
            },
            Anomaly::PaymentDisputed {
                dispute_id: "disp_1".into(),
                payment_id: "pay_1".into(),
            },
        ];
        for anomaly in all {
            let json = serde_json::to_value(&anomaly).unwrap();
            assert_eq!(json["type"], anomaly.code());
            let back: Anomaly = serde_json::from_value(json).unwrap();
            assert_eq!(back, anomaly);
        }
    }

    #[test]
    fn fields_are_camel_case() {
        let json = serde_json::to_string(&Anomaly::PaymentAmountMismatch {
            payment_id: "pay_1".into(),
            amount: 99,
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"type":"PAYMENT_AMOUNT_MISMATCH","paymentId":"pay_1","amount":99}"#
        );
    }
}
