//! `construct_event` on hostile input: it never panics, whatever the bytes and the signature,
//! and it never parses a body whose signature is wrong.

mod fixture_support;

use proptest::prelude::*;
use razorpay_core::sign_webhook;
use razorpay_core::webhook::{WebhookEvent, WebhookVerifier};
use serde_json::Value;

const SECRET: &str = "whsec_property";

fn verifier() -> WebhookVerifier {
    WebhookVerifier::new([SECRET]).unwrap()
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// The documentation samples, to mutate into almost-valid events.
fn samples() -> Vec<Value> {
    fixture_support::json_files("webhooks")
        .iter()
        .map(|path| fixture_support::read_json(path))
        .collect()
}

proptest! {
    #[test]
    fn arbitrary_bytes_and_signatures_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..1024),
        signature in ".{0,80}",
    ) {
        // A random signature is rejected before the body is looked at.
        let err = verifier().construct_event(&body, &signature).unwrap_err();
        prop_assert!(err.code().starts_with("SIGNATURE_"), "{}", err.code());
    }

    #[test]
    fn correctly_signed_garbage_is_an_invalid_payload_not_a_panic(
        body in proptest::collection::vec(any::<u8>(), 1..1024),
    ) {
        let signature = sign_webhook(&body, SECRET);
        if let Err(err) = verifier().construct_event(&body, &signature) {
            prop_assert_eq!(err.code(), "WEBHOOK_INVALID_PAYLOAD");
        }
    }

    #[test]
    fn any_value_in_any_field_of_a_real_event_is_handled(
        sample in any::<prop::sample::Index>(),
        path in any::<prop::sample::Index>(),
        value in json_value(),
    ) {
        let samples = samples();
        let mut event = samples[sample.index(samples.len())].clone();
        // Replace one field, at any depth, with an arbitrary value.
        let pointers = field_pointers(&event, String::new());
        let pointer = &pointers[path.index(pointers.len())];
        *event.pointer_mut(pointer).unwrap() = value;
        let body = serde_json::to_vec(&event).unwrap();
        // What a JSON parser reads from the body (floats may differ from `event` in the last
        // digit: serde_json's default float parsing is not exact).
        let sent: Value = serde_json::from_slice(&body).unwrap();
        match verifier().construct_event(&body, &sign_webhook(&body, SECRET)) {
            // Whatever was accepted re-serialises to the tree that was sent.
            Ok(parsed) => prop_assert_eq!(serde_json::to_value(&parsed).unwrap(), sent),
            Err(err) => prop_assert_eq!(err.code(), "WEBHOOK_INVALID_PAYLOAD"),
        }
    }

    #[test]
    fn any_field_removed_from_a_real_event_is_handled(
        sample in any::<prop::sample::Index>(),
        path in any::<prop::sample::Index>(),
    ) {
        let samples = samples();
        let mut event = samples[sample.index(samples.len())].clone();
        let pointers = field_pointers(&event, String::new());
        let pointer = &pointers[path.index(pointers.len())];
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match event.pointer_mut(parent).unwrap() {
            Value::Object(map) => { map.remove(&key.replace("~1", "/").replace("~0", "~")); }
            Value::Array(items) => { items.remove(key.parse::<usize>().unwrap()); }
            _ => unreachable!("a pointer's parent is a container"),
        }
        let body = serde_json::to_vec(&event).unwrap();
        match verifier().construct_event(&body, &sign_webhook(&body, SECRET)) {
            Ok(parsed) => prop_assert_eq!(serde_json::to_value(&parsed).unwrap(), event),
            Err(err) => prop_assert_eq!(err.code(), "WEBHOOK_INVALID_PAYLOAD"),
        }
    }

    #[test]
    fn from_slice_never_panics(body in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = WebhookEvent::from_slice(&body);
    }
}

/// JSON pointers to every object field and array element of `value`.
fn field_pointers(value: &Value, prefix: String) -> Vec<String> {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| {
                (
                    format!("{prefix}/{}", key.replace('~', "~0").replace('/', "~1")),
                    child,
                )
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, child)| (format!("{prefix}/{i}"), child))
            .collect(),
        _ => Vec::new(),
    };
    children
        .into_iter()
        .flat_map(|(pointer, child)| {
            let mut nested = field_pointers(child, pointer.clone());
            nested.insert(0, pointer);
            nested
        })
        .collect()
}
