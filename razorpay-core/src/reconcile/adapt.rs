//! Adapters from Razorpay's typed objects ([`crate::model`]) to normalized facts.

use super::fact::{Fact, OrderFact, PaymentFact, RefundFact};
use super::{OrderProgress, PaymentProgress, RefundProgress};
use crate::model::{Dispute, Order, OrderStatus, Payment, PaymentStatus, Refund, RefundStatus};

/// What a payment object says. An unknown status proves nothing beyond the payment's existence.
pub(crate) fn payment(payment: &Payment) -> PaymentFact {
    let progress = match payment.status {
        PaymentStatus::Created | PaymentStatus::Unknown(_) => PaymentProgress::Created,
        PaymentStatus::Failed => PaymentProgress::Failed,
        PaymentStatus::Authorized => PaymentProgress::Authorized,
        PaymentStatus::Captured => PaymentProgress::Captured,
        PaymentStatus::Refunded => PaymentProgress::Refunded,
    };
    PaymentFact {
        payment_id: payment.id.clone(),
        order_id: payment.order_id.clone(),
        progress,
        amount: Some(payment.amount),
        currency: Some(payment.currency.clone()),
        captured: payment.is_captured(),
        amount_refunded: payment.amount_refunded,
        error_code: payment.failure().map(|f| f.code.to_owned()),
        via_callback: false,
    }
}

/// What a refund object says; `of_payment` is the refunded payment when the same input carries
/// it (refund webhooks do), which tells the refund's order and the payment's amount.
pub(crate) fn refund(refund: &Refund, of_payment: Option<&Payment>) -> RefundFact {
    // A refund object without a status is one Razorpay just created.
    let progress = match &refund.status {
        Some(RefundStatus::Processed) => RefundProgress::Processed,
        Some(RefundStatus::Failed) => RefundProgress::Failed,
        Some(RefundStatus::Pending | RefundStatus::Unknown(_)) | None => RefundProgress::Pending,
    };
    let of_payment = of_payment.filter(|p| p.id == refund.payment_id);
    RefundFact {
        refund_id: refund.id.clone(),
        payment_id: refund.payment_id.clone(),
        order_id: of_payment.map(|p| p.order_id.clone()),
        amount: refund.amount,
        currency: Some(refund.currency.clone()),
        progress,
        payment_amount: of_payment.map(|p| p.amount),
    }
}

/// What an order object says.
pub(crate) fn order(order: &Order) -> OrderFact {
    let progress = match order.status {
        OrderStatus::Created | OrderStatus::Unknown(_) => OrderProgress::Created,
        OrderStatus::Attempted => OrderProgress::Attempted,
        OrderStatus::Paid => OrderProgress::Paid,
    };
    OrderFact {
        order_id: order.id.clone(),
        amount: Some(order.amount),
        currency: Some(order.currency.clone()),
        amount_paid: order.amount_paid,
        progress,
    }
}

/// What a dispute says; `of_payment` as for [`refund`].
pub(crate) fn dispute(dispute: &Dispute, of_payment: Option<&Payment>) -> Fact {
    let of_payment = of_payment.filter(|p| p.id == dispute.payment_id);
    Fact::Dispute {
        dispute_id: dispute.id.clone(),
        payment_id: dispute.payment_id.clone(),
        order_id: of_payment.map(|p| p.order_id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use serde_json::Value;

    use super::*;

    /// The shared public fixtures, read in place (never copied).
    fn fixture(path: &str) -> Value {
        let dir = match std::env::var_os("CHECKOUT_KIT_FIXTURES") {
            Some(dir) => PathBuf::from(dir),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures"),
        };
        let text = std::fs::read_to_string(dir.join(path)).expect("fixture present");
        serde_json::from_str(&text).expect("fixture is JSON")
    }

    fn entity<T: serde::de::DeserializeOwned>(sample: &str, name: &str) -> T {
        let event = fixture(&format!("webhooks/{sample}"));
        serde_json::from_value(event["payload"][name]["entity"].clone()).expect("typed entity")
    }

    #[test]
    fn documented_captured_payment() {
        let fact = payment(&entity("payment.captured.json", "payment"));
        assert_eq!(fact.payment_id, "pay_DESlfW9H8K9uqM");
        assert_eq!(fact.order_id.as_deref(), Some("order_DESlLckIVRkHWj"));
        assert_eq!(fact.progress, PaymentProgress::Captured);
        assert!(fact.captured);
        assert_eq!(
            (fact.amount, fact.currency.as_deref()),
            (Some(100), Some("INR"))
        );
        assert_eq!(fact.error_code, None);
    }

    #[test]
    fn documented_failed_payment() {
        let fact = payment(&entity("payment.failed.json", "payment"));
        assert_eq!(fact.progress, PaymentProgress::Failed);
        assert!(!fact.captured);
        assert_eq!(fact.error_code.as_deref(), Some("BAD_REQUEST_ERROR"));
    }

    #[test]
    fn documented_authorized_payment() {
        let fact = payment(&entity("payment.authorized.json", "payment"));
        assert_eq!(fact.progress, PaymentProgress::Authorized);
        assert!(!fact.captured);
    }

    #[test]
    fn documented_paid_order() {
        let fact = order(&entity("order.paid.json", "order"));
        assert_eq!(fact.order_id, "order_DESlLckIVRkHWj");
        assert_eq!(fact.progress, OrderProgress::Paid);
        assert_eq!(fact.amount_paid, Some(100));
    }

    #[test]
    fn documented_refunds_carry_their_payment_order() {
        let paid: Payment = entity("refund.processed.json", "payment");
        let fact = refund(&entity("refund.processed.json", "refund"), Some(&paid));
        assert_eq!(fact.refund_id, "rfnd_FS8TWyPrCsa0OB");
        assert_eq!(fact.progress, RefundProgress::Processed);
        assert_eq!(fact.order_id, Some(Some("order_FPoIeimWki9j8A".to_owned())));
        assert_eq!(fact.payment_amount, Some(500_000));
        assert_eq!(fact.amount, 50_000);

        let failed = refund(&entity("refund.failed.json", "refund"), None);
        assert_eq!(failed.progress, RefundProgress::Failed);
        assert_eq!(failed.order_id, None);
        // The documented refund.created sample already shows `processed`: the entity's status
        // is what counts, not the event name.
        let created = refund(&entity("refund.created.json", "refund"), None);
        assert_eq!(created.progress, RefundProgress::Processed);
        let mut fresh: Refund = entity("refund.created.json", "refund");
        fresh.status = None;
        assert_eq!(refund(&fresh, None).progress, RefundProgress::Pending);
    }

    #[test]
    fn documented_dispute() {
        let disputed: Payment = entity("payment.dispute.created.json", "payment");
        let fact = dispute(
            &entity("payment.dispute.created.json", "dispute"),
            Some(&disputed),
        );
        assert_eq!(
            fact,
            Fact::Dispute {
                dispute_id: "disp_EsIAlDcoUr8CaQ".into(),
                payment_id: "pay_EFtmUsbwpXwBHI".into(),
                order_id: Some(Some("order_EFtkA6f5jdkfud".into())),
            }
        );
    }

    #[test]
    fn sdk_refunded_payment_without_captured_flag_counts_as_captured() {
        let refunded: Payment = serde_json::from_value(fixture(
            "razorpay-sdk/razorpay-ruby/fake_refunded_payment.json",
        ))
        .unwrap();
        let fact = payment(&refunded);
        assert_eq!(fact.progress, PaymentProgress::Refunded);
        assert!(fact.captured);
        assert_eq!(fact.amount_refunded, Some(500));
        // SDK fixtures carry no order id: such a payment never counts for an order.
        assert_eq!(fact.order_id, None);
    }

    #[test]
    fn unknown_statuses_prove_nothing_more_than_existence() {
        let mut odd: Payment = entity("payment.captured.json", "payment");
        odd.status = PaymentStatus::Unknown("on_hold".into());
        odd.captured = None;
        let fact = payment(&odd);
        assert_eq!(fact.progress, PaymentProgress::Created);
        assert!(!fact.captured);
    }
}
