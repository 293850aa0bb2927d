//! The official SDKs' response fixtures deserialize into the types the client returns, and
//! their error fixtures into `RazorpayErrorBody` with every member kept.

#![cfg(feature = "client")]

mod fixture_support;

use razorpay_core::client::RazorpayErrorBody;
use razorpay_core::model::{
    Collection, Order, OrderStatus, Payment, PaymentStatus, Refund, RefundStatus,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

fn read(path: &str) -> Vec<u8> {
    let root = fixture_support::fixtures_dir().join("razorpay-sdk");
    std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// Parses `path` as `T` and checks that re-serialising gives back the same JSON tree.
fn parse<T: DeserializeOwned + serde::Serialize>(path: &str) -> T {
    let bytes = read(path);
    let parsed: T = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let original: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(
        serde_json::to_value(&parsed).expect("serialise"),
        original,
        "{path} round trip"
    );
    parsed
}

#[test]
fn order_fixtures_are_orders() {
    let order: Order = parse("razorpay-python/fake_order.json");
    assert_eq!(
        (order.id.as_str(), order.amount, order.status),
        ("fake_order_id", 500, OrderStatus::Attempted)
    );
    assert!(order.notes.is_empty());
    let edited: Order = parse("razorpay-python/edit_order.json");
    assert_eq!(edited.notes.get("notes_key_1"), Some("Tea, Earl Grey, Hot"));
    assert_eq!(
        (edited.amount_paid, edited.amount_due),
        (Some(0), Some(2200))
    );
    for path in [
        "razorpay-go/fake_order.json",
        "razorpay-ruby/fake_order.json",
        "razorpay-ruby/fake_order_transfers.json",
    ] {
        let order: Order = parse(path);
        assert!(order.amount > 0, "{path}");
    }
}

#[test]
fn payment_fixtures_are_payments() {
    let payment: Payment = parse("razorpay-python/fake_payment.json");
    assert_eq!(
        (payment.status, payment.amount_refunded),
        (PaymentStatus::Created, Some(0))
    );
    let refunded: Payment = parse("razorpay-ruby/fake_refunded_payment.json");
    assert_eq!(
        (refunded.status, refunded.amount_refunded),
        (PaymentStatus::Refunded, Some(500))
    );
    for path in [
        "razorpay-python/fake_captured_payment.json",
        "razorpay-python/edit_payment.json",
        "razorpay-go/fake_payment.json",
        "razorpay-go/fake_captured_payment.json",
        "razorpay-ruby/fake_payment.json",
        "razorpay-ruby/fake_captured_payment.json",
        "razorpay-ruby/fake_update_payment.json",
    ] {
        let payment: Payment = parse(path);
        assert!(payment.amount > 0, "{path}");
    }
}

#[test]
fn refund_fixtures_are_refunds() {
    let refund: Refund = parse("razorpay-python/fake_refund.json");
    assert_eq!(
        (refund.amount, refund.status),
        (300_100, Some(RefundStatus::Processed))
    );
    assert_eq!(refund.speed_requested.as_deref(), Some("optimum"));
    for path in [
        "razorpay-go/fake_refund.json",
        "razorpay-ruby/fake_refund.json",
    ] {
        let refund: Refund = parse(path);
        assert_eq!(refund.amount, 2000, "{path}");
    }
}

#[test]
fn collection_fixtures_are_collections() {
    for path in [
        "razorpay-python/order_collection.json",
        "razorpay-python/order_collection_with_one_order.json",
        "razorpay-go/order_collection.json",
        "razorpay-ruby/order_collection.json",
    ] {
        let orders: Collection<Order> = parse(path);
        assert_eq!(orders.count as usize, orders.items.len(), "{path}");
    }
    for path in [
        "razorpay-python/payment_collection.json",
        "razorpay-python/payment_collection_with_one_payment.json",
        "razorpay-ruby/order_payments.json",
        "razorpay-ruby/payment_collection_with_one_payment.json",
    ] {
        let payments: Collection<Payment> = parse(path);
        assert_eq!(payments.count as usize, payments.items.len(), "{path}");
    }
    for path in [
        "razorpay-python/refund_collection.json",
        "razorpay-go/refund_collection.json",
        "razorpay-ruby/refund_collection.json",
        "razorpay-ruby/refund_collection_for_payment.json",
    ] {
        let refunds: Collection<Refund> = parse(path);
        assert_eq!(refunds.count as usize, refunds.items.len(), "{path}");
    }
}

#[test]
fn error_fixtures_keep_every_member() {
    for path in [
        "razorpay-python/bad_request_error.json",
        "razorpay-ruby/bad_request_error.json",
        "razorpay-ruby/dispute_error.json",
        "razorpay-ruby/document_error.json",
        "razorpay-ruby/error_customer.json",
        "razorpay-ruby/error_eligibility.json",
        "razorpay-ruby/error_eligibility_check.json",
        "razorpay-ruby/order_error.json",
        "razorpay-ruby/payment_error.json",
        "razorpay-ruby/transfer_error.json",
    ] {
        let bytes = read(path);
        let body = RazorpayErrorBody::from_response(&bytes)
            .unwrap_or_else(|| panic!("{path}: not an error envelope"));
        assert_eq!(body.code, "BAD_REQUEST_ERROR", "{path}");
        let original: Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(
            serde_json::to_value(&body).expect("serialise"),
            original["error"],
            "{path}"
        );
    }
    let python = RazorpayErrorBody::from_response(&read("razorpay-python/bad_request_error.json"))
        .expect("body");
    assert_eq!(
        (python.description.as_str(), python.field.as_deref()),
        ("The amount is invalid", Some("amount"))
    );
    let ruby =
        RazorpayErrorBody::from_response(&read("razorpay-ruby/dispute_error.json")).expect("body");
    assert_eq!(
        (
            ruby.source.as_deref(),
            ruby.step.as_deref(),
            ruby.reason.as_deref()
        ),
        (
            Some("business"),
            Some("payment_initiation"),
            Some("input_validation_failed")
        )
    );
    assert!(RazorpayErrorBody::from_response(&read("razorpay-python/fake_order.json")).is_none());
}
