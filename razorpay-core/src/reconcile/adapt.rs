//! Adapters from Razorpay's typed objects ([`crate::model`]) to normalized facts.

use super::fact::{Fact, OrderFact, PaymentFact, RefundFact};
use super::{OrderProgress, PaymentProgress, ReconcileError, RefundProgress};
use crate::model::{Dispute, Order, OrderStatus, Payment, PaymentStatus, Refund, RefundStatus};
use crate::webhook::{EventName, WebhookEvent};

/// What a verified webhook event says. Events that carry nothing about an order's payments
/// (downtimes, payment links, subscriptions, invoices, names this version does not know) are
/// recorded as ignored; an event whose name promises an entity it lacks is an error.
pub(crate) fn webhook(event_id: &str, event: &WebhookEvent) -> Result<Vec<Fact>, ReconcileError> {
    use EventName::*;
    let missing = |entity: &str| ReconcileError::MissingEntity {
        event: event.event.as_str().to_owned(),
        entity: entity.to_owned(),
    };
    // The payment every payment, refund and dispute event carries, as a fact of its own.
    let with_payment = |mut facts: Vec<Fact>| {
        facts.extend(event.payment().map(|p| Fact::Payment(payment(p))));
        facts
    };
    let facts = match &event.event {
        PaymentAuthorized | PaymentCaptured | PaymentFailed | PaymentPending => {
            let paid = event.payment().ok_or_else(|| missing("payment"))?;
            vec![Fact::Payment(payment(paid))]
        }
        OrderPaid => {
            let paid = event.order().ok_or_else(|| missing("order"))?;
            with_payment(vec![Fact::Order(order(paid))])
        }
        RefundCreated | RefundProcessed | RefundFailed | RefundSpeedChanged => {
            let returned = event.refund().ok_or_else(|| missing("refund"))?;
            let mut fact = refund(returned, event.payment());
            if returned.status.is_none() {
                // No status on the entity: the event name says how far the refund got.
                fact.progress = match event.event {
                    RefundProcessed => RefundProgress::Processed,
                    RefundFailed => RefundProgress::Failed,
                    _ => RefundProgress::Pending,
                };
            }
            with_payment(vec![Fact::Refund(fact)])
        }
        PaymentDisputeCreated
        | PaymentDisputeWon
        | PaymentDisputeLost
        | PaymentDisputeClosed
        | PaymentDisputeUnderReview
        | PaymentDisputeActionRequired => {
            let disputed = event.dispute().ok_or_else(|| missing("dispute"))?;
            with_payment(vec![dispute(disputed, event.payment())])
        }
        _ => vec![Fact::Ignored {
            event_id: event_id.to_owned(),
            event: event.event.as_str().to_owned(),
        }],
    };
    Ok(facts)
}

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
        let text = std::fs::read_to_string(fixture_dir().join(path)).expect("fixture present");
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

    fn sample(name: &str) -> WebhookEvent {
        let body = serde_json::to_vec(&fixture(&format!("webhooks/{name}"))).unwrap();
        WebhookEvent::from_slice(&body).expect("documented sample parses")
    }

    #[test]
    fn every_documented_webhook_sample_adapts() {
        let dir = fixture_dir().join("webhooks");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if !name.ends_with(".json") {
                continue;
            }
            seen += 1;
            let event = sample(&name);
            let facts = webhook("evt_1", &event).expect(&name);
            let kinds: Vec<&str> = facts
                .iter()
                .map(|f| match f {
                    Fact::Payment(_) => "payment",
                    Fact::Refund(_) => "refund",
                    Fact::Order(_) => "order",
                    Fact::Dispute { .. } => "dispute",
                    Fact::Abandoned { .. } => "abandoned",
                    Fact::Ignored { .. } => "ignored",
                })
                .collect();
            let expected: &[&str] = match name.split('.').take(2).collect::<Vec<_>>()[..] {
                ["payment", "authorized" | "captured" | "failed"] => &["payment"],
                ["order", "paid"] => &["order", "payment"],
                ["refund", _] => &["refund", "payment"],
                ["payment", "dispute"] => &["dispute", "payment"],
                _ => &["ignored"],
            };
            assert_eq!(kinds, expected, "{name}");
        }
        assert_eq!(seen, 61);
    }

    /// The repository's `fixtures/`, or `CHECKOUT_KIT_FIXTURES`.
    fn fixture_dir() -> PathBuf {
        match std::env::var_os("CHECKOUT_KIT_FIXTURES") {
            Some(dir) => PathBuf::from(dir),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        }
    }

    #[test]
    fn an_event_without_its_entity_is_a_typed_error() {
        let mut event = sample("payment.captured.json");
        event.payload.payment = None;
        let err = webhook("evt_1", &event).unwrap_err();
        assert_eq!(err.code(), "RECONCILE_MISSING_ENTITY");
        assert_eq!(
            err.to_string(),
            "webhook event `payment.captured` has no `payment` entity in its payload"
        );
    }

    #[test]
    fn refund_without_status_takes_it_from_the_event_name() {
        let mut event = sample("refund.processed.json");
        if let Some(wrapper) = event.payload.refund.as_mut() {
            wrapper.entity.status = None;
        }
        let facts = webhook("evt_1", &event).unwrap();
        assert!(matches!(&facts[0], Fact::Refund(r) if r.progress == RefundProgress::Processed));
    }

    #[test]
    fn unknown_events_are_ignored_with_their_name() {
        let mut event = sample("payment.captured.json");
        event.event = EventName::Unknown("payment.teleported".into());
        assert_eq!(
            webhook("evt_7", &event).unwrap(),
            vec![Fact::Ignored {
                event_id: "evt_7".into(),
                event: "payment.teleported".into()
            }]
        );
    }

    #[test]
    fn documented_order_paid_sample_pays_its_order() {
        use crate::reconcile::{PaymentOrderStatus, PaymentState, ReconcileInput, apply};
        let state = PaymentState::new("order_DESlLckIVRkHWj", 100, "INR");
        let input = ReconcileInput::webhook("evt_1", sample("order.paid.json"));
        let outcome = apply(&state, &input).unwrap();
        assert_eq!(outcome.state.status, PaymentOrderStatus::Paid);
        assert!(outcome.new_anomalies.is_empty());
        assert_eq!(
            outcome.state.payments["pay_DESlfW9H8K9uqM"].amount_captured,
            100
        );

        // The same sample routed to another order's state is an anomaly, not a payment.
        let other = PaymentState::new("order_Other0000000x", 100, "INR");
        let outcome = apply(&other, &input).unwrap();
        assert_eq!(outcome.state.status, PaymentOrderStatus::AwaitingPayment);
        assert_eq!(
            outcome.new_anomalies.len(),
            2,
            "{:?}",
            outcome.new_anomalies
        );
    }

    #[test]
    fn inputs_round_trip_through_json() {
        use crate::reconcile::ReconcileInput;
        let input = ReconcileInput::webhook("evt_1", sample("refund.processed.json"));
        let json = serde_json::to_string(&input).unwrap();
        assert!(json.starts_with(r#"{"type":"webhook","eventId":"evt_1","event":{"#));
        assert_eq!(ReconcileInput::from_json(&json).unwrap(), input);
        let fetched = r#"{"type":"fetchedOrder","order":{"id":"order_1","amount":100,"currency":"INR","status":"paid","amount_paid":100}}"#;
        assert!(matches!(
            ReconcileInput::from_json(fetched).unwrap(),
            ReconcileInput::FetchedOrder { .. }
        ));
        let err = ReconcileInput::from_json(r#"{"type":"teleport"}"#).unwrap_err();
        assert_eq!(err.code(), "RECONCILE_INVALID_JSON");
    }
}
