//! The official SDKs' response fixtures (`fixtures/razorpay-sdk/`): every order, payment, refund,
//! card, subscription, payment link, downtime, collection and webhook event parses into the typed
//! model and re-serialises to the same JSON tree. Every file is classified below, so a fixture
//! added later cannot be skipped silently.

mod fixture_support;

use std::path::Path;

use fixture_support::{assert_round_trip, fixtures_dir, read_json};
use razorpay_core::model::{
    Card, Collection, Downtime, Fulfillment, Order, OrderStatus, Payment, PaymentLink,
    PaymentLinkList, PaymentStatus, PaymentStep, Refund, RtoReview, Subscription, Success,
    Transfer, Webhook, WebhookEvents,
};
use razorpay_core::webhook::{EventName, WebhookEvent};
use serde_json::Value;

/// What a fixture file holds.
enum Kind {
    Payment,
    Order,
    Refund,
    Card,
    Subscription,
    PaymentLink,
    Downtime,
    Event,
    /// A webhook *configuration* of the webhooks API.
    Webhook,
    Payments,
    Orders,
    Refunds,
    /// A collection of webhook configurations.
    Webhooks,
    /// `{"payment_links": [...]}`, the payment links list.
    PaymentLinkList,
    /// `{"payment_downtime": {collection}}`, the downtimes list.
    DowntimeList,
    /// `orders.viewRtoReview`.
    RtoReview,
    /// `orders.editFulfillment`.
    Fulfillment,
    /// `payments.createPaymentJson` (JSON v1 answer).
    PaymentStep,
    /// `{"success": true}` (`notifyBy`).
    Success,
    /// Not a response object of this model; the reason says whose it is.
    Other(&'static str),
}

const ERROR_BODY: Kind = Kind::Other("API error body: parsed by the client's error type");
const REQUEST: Kind = Kind::Other("a request body, not a response");
const OUT_OF_SCOPE: Kind = Kind::Other("an API this library does not cover");

fn classify(file: &str) -> Kind {
    match file {
        "fake_payment.json"
        | "fake_captured_payment.json"
        | "fake_refunded_payment.json"
        | "fake_update_payment.json"
        | "edit_payment.json" => Kind::Payment,
        "fake_order.json" | "edit_order.json" | "fake_order_transfers.json" => Kind::Order,
        "fake_refund.json" => Kind::Refund,
        "fetch_card_details.json" | "fake_card_detail_payment.json" => Kind::Card,
        "fake_subscription.json" => Kind::Subscription,
        "fake_payment_link.json"
        | "fake_paymentlink.json"
        | "paymentlink_collection.json"
        | "cancel_payment_link.json"
        | "edit_payment_link.json" => Kind::PaymentLink,
        "fake_downtime.json" => Kind::Downtime,
        "fake_payment_authorized_webhook.json" => Kind::Event,
        "payment_collection.json"
        | "payment_collection_with_one_payment.json"
        | "order_payments.json" => Kind::Payments,
        "order_collection.json" | "order_collection_with_one_order.json" => Kind::Orders,
        "refund_collection.json" | "refund_collection_for_payment.json" => Kind::Refunds,
        "payment_link_collection.json" => Kind::PaymentLinkList,
        "downtimes_collection.json" => Kind::DowntimeList,
        name if name.contains("error") => ERROR_BODY,
        name if name.starts_with("init_") => REQUEST,
        "fake_webhook.json" => Kind::Webhook,
        "webhook_collection.json" => Kind::Webhooks,
        "fulfillment.json" | "fake_fulfillment.json" => Kind::Fulfillment,
        "rto.json" | "fake_rto_review.json" => Kind::RtoReview,
        "fake_payment_json.json" => Kind::PaymentStep,
        "success.json" => Kind::Success,
        "fake_app_details.json" => OUT_OF_SCOPE,
        other => panic!("unclassified fixture {other}: add it to classify()"),
    }
}

/// Parses and round-trips one modelled file; returns why a file is not modelled otherwise.
fn check(path: &Path) -> Option<&'static str> {
    let name = path
        .strip_prefix(fixtures_dir())
        .unwrap()
        .display()
        .to_string();
    let file = path.file_name().unwrap().to_str().unwrap();
    let json = read_json(path);
    match classify(file) {
        Kind::Payment => check_payment(&assert_round_trip(&json, &name), &name),
        Kind::Order => check_order(&assert_round_trip(&json, &name), &name),
        Kind::Refund => check_refund(&assert_round_trip(&json, &name), &name),
        Kind::Card => {
            let card: Card = assert_round_trip(&json, &name);
            assert!(
                card.id.starts_with("card_") && card.last4.is_some(),
                "{name}"
            );
        }
        Kind::Subscription => {
            let subscription: Subscription = assert_round_trip(&json, &name);
            assert!(subscription.id.starts_with("sub_"), "{name}");
        }
        Kind::PaymentLink => {
            let link: PaymentLink = assert_round_trip(&json, &name);
            assert!(link.id.starts_with("plink_") && link.amount > 0, "{name}");
        }
        Kind::Downtime => {
            let downtime: Downtime = assert_round_trip(&json, &name);
            assert!(downtime.id.starts_with("down_"), "{name}");
        }
        Kind::Event => {
            let event: WebhookEvent = assert_round_trip(&json, &name);
            assert_eq!(event.event, EventName::PaymentAuthorized, "{name}");
            check_payment(event.payment().expect("payment in the event"), &name);
        }
        Kind::Webhook => check_webhook(&assert_round_trip(&json, &name), &name),
        Kind::Webhooks => {
            let page: Collection<Webhook> = assert_round_trip(&json, &name);
            check_page(&page, &name);
            page.items
                .iter()
                .for_each(|webhook| check_webhook(webhook, &name));
        }
        Kind::Payments => {
            let page: Collection<Payment> = assert_round_trip(&json, &name);
            check_page(&page, &name);
            page.items
                .iter()
                .for_each(|payment| check_payment(payment, &name));
        }
        Kind::Orders => {
            let page: Collection<Order> = assert_round_trip(&json, &name);
            check_page(&page, &name);
            page.items
                .iter()
                .for_each(|order| check_order(order, &name));
        }
        Kind::Refunds => {
            let page: Collection<Refund> = assert_round_trip(&json, &name);
            check_page(&page, &name);
            page.items
                .iter()
                .for_each(|refund| check_refund(refund, &name));
        }
        Kind::PaymentLinkList => {
            assert_eq!(
                json.as_object().unwrap().len(),
                1,
                "{name}: only payment_links"
            );
            let list: PaymentLinkList = assert_round_trip(&json, &name);
            assert_eq!(list.payment_links.len(), 2, "{name}");
            assert!(list.extra.is_empty(), "{name}");
        }
        Kind::DowntimeList => {
            assert_eq!(
                json.as_object().unwrap().len(),
                1,
                "{name}: only payment_downtime"
            );
            let page: Collection<Downtime> = assert_round_trip(&json["payment_downtime"], &name);
            check_page(&page, &name);
        }
        Kind::RtoReview => {
            let review: RtoReview = assert_round_trip(&json, &name);
            assert_eq!(review.risk_tier.as_deref(), Some("high"), "{name}");
            assert_eq!(review.rto_reasons.map(|r| r.len()), Some(2), "{name}");
        }
        Kind::Fulfillment => {
            let fulfillment: Fulfillment = assert_round_trip(&json, &name);
            let shipping = fulfillment.shipping.expect("shipping");
            assert_eq!(shipping.status.as_deref(), Some("rto"), "{name}");
        }
        Kind::PaymentStep => {
            let step: PaymentStep = assert_round_trip(&json, &name);
            assert_eq!(step.step_type.as_deref(), Some("respawn"), "{name}");
            assert_eq!(step.missing, Some(vec!["vpa".to_owned()]), "{name}");
        }
        Kind::Success => {
            let success: Success = assert_round_trip(&json, &name);
            assert!(success.success.is_some_and(|s| s.get()), "{name}");
        }
        Kind::Other(reason) => return Some(reason),
    }
    None
}

fn check_page<T>(page: &Collection<T>, name: &str) {
    assert_eq!(page.entity, "collection", "{name}");
    assert_eq!(page.count, page.items.len() as u64, "{name}");
}

fn check_payment(payment: &Payment, name: &str) {
    assert!(payment.amount > 0 && payment.currency == "INR", "{name}");
    assert!(
        !matches!(payment.status, PaymentStatus::Unknown(_)),
        "{name}"
    );
    if payment.status == PaymentStatus::Refunded {
        assert_eq!(payment.amount_refunded, Some(payment.amount), "{name}");
    }
}

fn check_webhook(webhook: &Webhook, name: &str) {
    assert_eq!(webhook.entity.as_deref(), Some("webhook"), "{name}");
    assert!(
        webhook
            .url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://")),
        "{name}"
    );
    let events = webhook.events.as_ref().expect("events");
    // Both shapes answer the same question: the v1 list and the v2 map.
    assert!(events.contains("refund.created"), "{name}");
    assert!(!events.contains("payout.processed"), "{name}");
    assert!(matches!(
        events,
        WebhookEvents::List(_) | WebhookEvents::Map(_)
    ));
}

fn check_order(order: &Order, name: &str) {
    assert!(order.amount > 0 && order.currency == "INR", "{name}");
    assert!(!matches!(order.status, OrderStatus::Unknown(_)), "{name}");
}

fn check_refund(refund: &Refund, name: &str) {
    assert!(
        refund.amount > 0 && refund.currency == "INR" && !refund.payment_id.is_empty(),
        "{name}"
    );
}

#[test]
fn every_sdk_fixture_is_classified_and_every_modelled_one_round_trips() {
    let mut modelled = 0;
    let mut not_modelled = std::collections::BTreeMap::<&str, usize>::new();
    for sdk in ["razorpay-python", "razorpay-go", "razorpay-ruby"] {
        for path in fixture_support::json_files(&format!("razorpay-sdk/{sdk}")) {
            match check(&path) {
                None => modelled += 1,
                Some(reason) => *not_modelled.entry(reason).or_default() += 1,
            }
        }
    }
    // SOURCES.md lists 29 + 21 + 24 = 74 files: 59 objects of this model, and the rest.
    assert_eq!(modelled, 59);
    let count = |kind: Kind| match kind {
        Kind::Other(reason) => not_modelled.get(reason).copied().unwrap_or(0),
        _ => unreachable!(),
    };
    assert_eq!(
        (count(ERROR_BODY), count(REQUEST), count(OUT_OF_SCOPE)),
        (10, 4, 1)
    );
}

#[test]
fn sdk_quirks_are_tolerated() {
    let root = fixtures_dir().join("razorpay-sdk");
    // An order's expanded `transfers` collection is kept verbatim, and parses as transfers.
    let order: Order = serde_json::from_value(read_json(
        &root.join("razorpay-ruby/fake_order_transfers.json"),
    ))
    .unwrap();
    assert_eq!(order.status, OrderStatus::Paid);
    assert_eq!(order.extra["transfers"]["count"], 2);
    let transfers: Collection<Transfer> =
        fixture_support::assert_round_trip(&order.extra["transfers"], "fake_order_transfers");
    assert_eq!(
        transfers.items.iter().map(|t| t.amount).sum::<i64>(),
        order.amount
    );
    assert_eq!(
        transfers.items[0].transfer_status.as_deref(),
        Some("processed")
    );
    assert!(
        transfers.items[0]
            .on_hold
            .as_ref()
            .is_some_and(|hold| hold.get())
    );
    assert_eq!(transfers.items[1].on_hold_until, None);
    assert_eq!(transfers.items[1].extra.explicit_nulls().len(), 4);
    // `udf: {}` on legacy payments is kept as an unknown field.
    let payment: Payment =
        serde_json::from_value(read_json(&root.join("razorpay-go/fake_payment.json"))).unwrap();
    assert_eq!(
        payment.extra.get("udf"),
        Some(&Value::Object(Default::default()))
    );
    // A payment link with `notes: null` and `reminders: []`.
    let link: PaymentLink = serde_json::from_value(read_json(
        &root.join("razorpay-python/cancel_payment_link.json"),
    ))
    .unwrap();
    assert!(link.notes.is_empty());
    assert_eq!(link.reference_id.as_deref(), Some(""));
}
