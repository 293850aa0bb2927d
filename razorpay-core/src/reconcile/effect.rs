//! [`Effect`]: what the application should do after an [`apply`](super::apply).
//!
//! Effects are derived from [`Milestone`]s and [`Anomaly`]s, which are monotone predicates of
//! the merged state. Each milestone is recorded in the state when first reached, so its effects
//! are emitted exactly once, whatever the order or repetition of inputs. Effect payloads carry
//! only values fixed for the whole life of the state (ids, the expected amount and currency),
//! never "the amount seen so far", so the same effects come out of every ordering.

use serde::{Deserialize, Serialize};

use super::Anomaly;

/// Something the application should carry out, once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Effect {
    /// The captured amount now covers the order: mark the shop's order paid (fulfil it).
    MarkOrderPaid {
        /// The Razorpay order.
        razorpay_order_id: String,
        /// The order's amount in minor units.
        amount: i64,
        /// The order's currency.
        currency: String,
    },
    /// Manual capture: capture this authorized payment (`POST /v1/payments/:id/capture`).
    ///
    /// Emitted once per payment for which an uncaptured authorization was seen. Inputs may
    /// arrive late, so the payment may already be captured when this is handled; treat
    /// Razorpay's "already been captured" answer as success.
    CapturePayment {
        /// The payment to capture.
        payment_id: String,
        /// The amount to capture: the order's amount (Razorpay captures the full amount).
        amount: i64,
        /// The order's currency.
        currency: String,
    },
    /// The order was abandoned: release the stock reserved for it.
    ///
    /// Only an explicit [`ReconcileInput::Abandoned`](super::ReconcileInput::Abandoned)
    /// releases stock: a failed payment is not terminal. Money arriving after a release is
    /// flagged as [`Anomaly::PaidAfterStockRelease`].
    ReleaseReservedStock {
        /// The Razorpay order.
        razorpay_order_id: String,
    },
    /// Tell the customer something.
    NotifyCustomer {
        /// What to tell.
        notification: Notification,
    },
    /// Put the order in front of a human.
    FlagForReview {
        /// Why.
        anomaly: Anomaly,
    },
}

/// A message for the customer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Notification {
    /// The order is paid.
    PaymentReceived,
    /// A refund reached the customer's bank. Its amount and payment are in
    /// [`PaymentState::refunds`](super::PaymentState::refunds).
    RefundProcessed {
        /// The refund.
        refund_id: String,
    },
}

/// A point in the order's life whose effects must happen once. Recorded in
/// [`PaymentState::milestones`](super::PaymentState::milestones) when first reached.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum Milestone {
    /// The captured amount reached the order's amount.
    Paid,
    /// Manual capture was requested for this payment.
    CaptureRequested {
        /// The payment.
        payment_id: String,
    },
    /// Stock release was requested.
    StockReleased,
    /// The customer was told about this processed refund.
    RefundProcessed {
        /// The refund.
        refund_id: String,
    },
}

impl Milestone {
    /// The effects this milestone stands for, given the order's fixed expectations.
    pub(crate) fn effects(&self, order_id: &str, amount: i64, currency: &str) -> Vec<Effect> {
        match self {
            Self::Paid => vec![
                Effect::MarkOrderPaid {
                    razorpay_order_id: order_id.to_owned(),
                    amount,
                    currency: currency.to_owned(),
                },
                Effect::NotifyCustomer {
                    notification: Notification::PaymentReceived,
                },
            ],
            Self::CaptureRequested { payment_id } => vec![Effect::CapturePayment {
                payment_id: payment_id.clone(),
                amount,
                currency: currency.to_owned(),
            }],
            Self::StockReleased => vec![Effect::ReleaseReservedStock {
                razorpay_order_id: order_id.to_owned(),
            }],
            Self::RefundProcessed { refund_id } => vec![Effect::NotifyCustomer {
                notification: Notification::RefundProcessed {
                    refund_id: refund_id.clone(),
                },
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_serialize_tagged_camel_case() {
        let effects = Milestone::Paid.effects("order_1", 500, "INR");
        let json = serde_json::to_string(&effects).unwrap();
        assert_eq!(
            json,
            r#"[{"type":"MARK_ORDER_PAID","razorpayOrderId":"order_1","amount":500,"currency":"INR"},{"type":"NOTIFY_CUSTOMER","notification":{"kind":"PAYMENT_RECEIVED"}}]"#
        );
        let flag = Effect::FlagForReview {
            anomaly: Anomaly::Overpaid,
        };
        let json = serde_json::to_string(&flag).unwrap();
        assert_eq!(
            json,
            r#"{"type":"FLAG_FOR_REVIEW","anomaly":{"type":"OVERPAID"}}"#
        );
        assert_eq!(serde_json::from_str::<Effect>(&json).unwrap(), flag);
    }

    #[test]
    fn every_milestone_has_effects_with_fixed_payloads() {
        let milestones = [
            Milestone::Paid,
            Milestone::CaptureRequested {
                payment_id: "pay_1".into(),
            },
            Milestone::StockReleased,
            Milestone::RefundProcessed {
                refund_id: "rfnd_1".into(),
            },
        ];
        for milestone in milestones {
            let effects = milestone.effects("order_1", 500, "INR");
            assert!(!effects.is_empty());
            assert_eq!(effects, milestone.effects("order_1", 500, "INR"));
        }
        assert_eq!(
            Milestone::CaptureRequested {
                payment_id: "pay_1".into()
            }
            .effects("order_1", 500, "INR"),
            vec![Effect::CapturePayment {
                payment_id: "pay_1".into(),
                amount: 500,
                currency: "INR".into()
            }]
        );
    }
}
