//! Every webhook sample from Razorpay's documentation (`fixtures/webhooks/`) parses into the typed
//! model, carries the objects its event implies, and re-serialises to the same JSON tree.

mod fixture_support;

use fixture_support::{assert_round_trip, json_files, read_bytes, read_json};
use razorpay_core::model::{DowntimeStatus, PaymentStatus, UnixTime};
use razorpay_core::sign_webhook;
use razorpay_core::webhook::{EventName, WebhookEvent, WebhookVerifier};

/// SOURCES.md lists 61 samples; a smaller count means the fixtures were not found in full.
const EXPECTED_SAMPLES: usize = 61;

#[test]
fn every_sample_parses_and_round_trips_exactly() {
    let files = json_files("webhooks");
    assert_eq!(files.len(), EXPECTED_SAMPLES);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let json = read_json(path);
        let event: WebhookEvent = assert_round_trip(&json, &name);

        // The file is named after its event; the typed name must agree and be a known one.
        let event_name = event.event.as_str();
        assert!(
            name.starts_with(&format!("{event_name}.")),
            "{name}: event {event_name}"
        );
        assert!(
            !matches!(event.event, EventName::Unknown(_)),
            "{name}: unknown event {event_name}"
        );
        assert!(event.timestamp().is_some(), "{name}: no timestamp");

        assert_payload_matches_event(&event, &name);
    }
}

/// The objects each family of events must carry, typed.
fn assert_payload_matches_event(event: &WebhookEvent, name: &str) {
    let event_name = event.event.as_str();
    let family = event_name
        .rsplit_once('.')
        .map_or(event_name, |(family, _)| family);
    match family {
        "payment" | "order" => {
            let payment = event
                .payment()
                .unwrap_or_else(|| panic!("{name}: no payment"));
            assert!(
                payment.id.starts_with("pay_") && payment.amount > 0,
                "{name}"
            );
            if family == "order" {
                let order = event.order().unwrap_or_else(|| panic!("{name}: no order"));
                assert_eq!(order.amount_paid, Some(order.amount), "{name}");
                assert_eq!(
                    payment.order_id.as_deref(),
                    Some(order.id.as_str()),
                    "{name}"
                );
            }
            if event.event == EventName::PaymentFailed {
                assert_eq!(payment.status, PaymentStatus::Failed, "{name}");
            }
        }
        "refund" => {
            let refund = event
                .refund()
                .unwrap_or_else(|| panic!("{name}: no refund"));
            assert!(
                refund.id.starts_with("rfnd_") && refund.amount > 0,
                "{name}"
            );
        }
        "payment.dispute" => {
            let dispute = event
                .dispute()
                .unwrap_or_else(|| panic!("{name}: no dispute"));
            let payment = event
                .payment()
                .unwrap_or_else(|| panic!("{name}: no payment"));
            assert_eq!(dispute.payment_id, payment.id, "{name}");
        }
        "payment.downtime" => {
            let downtime = event
                .downtime()
                .unwrap_or_else(|| panic!("{name}: no downtime"));
            assert_eq!(
                downtime.status.as_str(),
                event_name.rsplit('.').next().unwrap(),
                "{name}"
            );
            assert!(
                !matches!(downtime.status, DowntimeStatus::Unknown(_)),
                "{name}"
            );
            assert!(downtime.id.starts_with("down_"), "{name}");
        }
        "payment_link" => {
            let link = event
                .payment_link()
                .unwrap_or_else(|| panic!("{name}: no payment link"));
            assert_eq!(
                link.status.as_str(),
                event_name.rsplit('.').next().unwrap(),
                "{name}"
            );
        }
        "subscription" => {
            let subscription = event
                .subscription()
                .unwrap_or_else(|| panic!("{name}: no subscription"));
            assert!(subscription.id.starts_with("sub_"), "{name}");
        }
        other => panic!("{name}: no expectation for event family {other}"),
    }
}

#[test]
fn documented_quirks_are_tolerated() {
    let dir = fixture_support::fixtures_dir().join("webhooks");
    let parse = |file: &str| WebhookEvent::from_slice(&read_bytes(&dir.join(file))).unwrap();

    // `created_at` misplaced inside `payload`.
    let event = parse("refund.speed_changed.json");
    assert_eq!(
        (event.created_at, event.timestamp()),
        (None, Some(UnixTime::from(1586439890)))
    );

    // `contains` does not list every payload key; `captured` is the string "1".
    let event = parse("subscription.activated.immediate_start_date_upfront_amount_both.json");
    assert_eq!(event.contains, ["subscription"]);
    let payment = event.payment().expect("payment beside the subscription");
    assert!(payment.is_captured());

    // `error_code: ""` on a failed card payment reads as "no failure details".
    let event = parse("payment.failed.card.json");
    assert_eq!(event.payment().unwrap().error_code.as_deref(), Some(""));
    assert!(event.payment().unwrap().failure().is_none());

    // `notes: null` on a payment link; `notes: []` on its payment.
    let event = parse("payment_link.paid.json");
    assert!(event.payment_link().unwrap().notes.is_empty());
    assert!(event.payment().unwrap().notes.is_empty());
}

#[test]
fn every_sample_goes_through_construct_event_when_signed() {
    // The samples' real signatures are unknown; signing them here checks that verification
    // covers the exact file bytes and that parsing happens after it.
    let verifier = WebhookVerifier::new(["rotated_out", "whsec_test"]).unwrap();
    for path in json_files("webhooks") {
        let body = read_bytes(&path);
        let event = verifier
            .construct_event(&body, &sign_webhook(&body, "whsec_test"))
            .unwrap();
        assert_eq!(event, WebhookEvent::from_slice(&body).unwrap());
        let mut tampered = body.clone();
        tampered.push(b'\n');
        let err = verifier
            .construct_event(&tampered, &sign_webhook(&body, "whsec_test"))
            .unwrap_err();
        assert_eq!(err.code(), "SIGNATURE_MISMATCH");
    }
}
