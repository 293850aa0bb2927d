//! Every documented webhook sample (`fixtures/webhooks/`) carries the objects its event's
//! `payload_keys` promise, each parsed into its typed field (none left in `extra`).

mod fixture_support;

use razorpay_core::webhook::{EventName, WebhookEvent};

#[test]
fn every_sample_carries_the_documented_payload_keys() {
    let mut checked = 0;
    for path in fixture_support::json_files("webhooks") {
        let body = fixture_support::read_bytes(&path);
        let event = WebhookEvent::from_slice(&body).expect("a webhook event");
        let name = path.display();
        assert!(
            !matches!(event.event, EventName::Unknown(_)),
            "{name}: typed event"
        );
        let payload = serde_json::to_value(&event.payload).expect("serialise");
        for key in event.event.payload_keys() {
            assert!(payload.get(*key).is_some(), "{name}: {key} missing");
            assert!(
                event.payload.extra.get(*key).is_none(),
                "{name}: {key} untyped"
            );
        }
        checked += 1;
    }
    assert!(checked >= 60, "{checked} samples");
}
