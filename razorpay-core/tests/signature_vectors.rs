//! Every vector of `fixtures/signature_vectors.json` (from the official SDKs' test suites):
//! valid ones verify and are reproduced by the signers, invalid ones are rejected with the
//! right error.

mod fixture_support;

use fixture_support::{fixtures_dir, read_bytes, read_json};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{
    SignatureError, hmac_sha256_hex, sign_payment, sign_payment_link, sign_subscription,
    sign_webhook, verify_payment_link_signature, verify_payment_signature,
    verify_subscription_signature, verify_webhook_signature,
};
use serde_json::Value;

/// shared/README.md: 17 vectors.
const EXPECTED_VECTORS: usize = 17;

#[derive(Clone)]
struct Vector {
    kind: String,
    secret: String,
    message: Vec<u8>,
    signature: String,
    valid: bool,
    label: String,
}

fn vectors() -> Vec<Vector> {
    let root = fixtures_dir();
    let doc = read_json(&root.join("signature_vectors.json"));
    let list = doc["vectors"].as_array().expect("vectors array");
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let text = |key: &str| {
                v[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("vector {i}: {key}"))
                    .to_owned()
            };
            let message = match (&v["message"], &v["message_file"]) {
                (Value::String(message), _) => message.clone().into_bytes(),
                (_, Value::String(file)) => read_bytes(&root.join(file)),
                _ => panic!("vector {i}: no message"),
            };
            Vector {
                kind: text("kind"),
                secret: text("secret"),
                message,
                signature: text("expected_signature_hex"),
                valid: v["valid"].as_bool().expect("valid flag"),
                label: format!("vector {i} ({})", v["kind"]),
            }
        })
        .collect()
}

/// Verifies a vector with the function its kind calls for, splitting the `|`-joined message
/// back into the arguments a caller would pass.
fn verify(vector: &Vector, signature: &str) -> Result<(), SignatureError> {
    let text = std::str::from_utf8(&vector.message).expect("UTF-8 message");
    let parts: Vec<&str> = text.split('|').collect();
    let secret = vector.secret.as_str();
    match (vector.kind.as_str(), parts.as_slice()) {
        ("webhook", _) => verify_webhook_signature(&vector.message, signature, secret),
        ("payment(order)", [order_id, payment_id]) => {
            verify_payment_signature(order_id, payment_id, signature, secret)
        }
        // Razorpay signs `payment_id|subscription_id`; the function takes the subscription first.
        ("subscription", [payment_id, subscription_id]) => {
            verify_subscription_signature(subscription_id, payment_id, signature, secret)
        }
        ("payment_link", [link_id, reference_id, status, payment_id]) => {
            verify_payment_link_signature(
                link_id,
                reference_id,
                status,
                payment_id,
                signature,
                secret,
            )
        }
        // A webhook signature is exactly a raw HMAC-SHA256 over the bytes.
        ("raw_hmac", _) => verify_webhook_signature(&vector.message, signature, secret),
        (kind, parts) => panic!(
            "{}: unexpected kind {kind} with {} parts",
            vector.label,
            parts.len()
        ),
    }
}

/// What the matching signer produces for a vector.
fn sign(vector: &Vector) -> String {
    let text = std::str::from_utf8(&vector.message).expect("UTF-8 message");
    let parts: Vec<&str> = text.split('|').collect();
    let secret = vector.secret.as_str();
    match (vector.kind.as_str(), parts.as_slice()) {
        ("webhook", _) => sign_webhook(&vector.message, secret),
        ("payment(order)", [order_id, payment_id]) => sign_payment(order_id, payment_id, secret),
        ("subscription", [payment_id, subscription_id]) => {
            sign_subscription(subscription_id, payment_id, secret)
        }
        ("payment_link", [link_id, reference_id, status, payment_id]) => {
            sign_payment_link(link_id, reference_id, status, payment_id, secret)
        }
        ("raw_hmac", _) => hmac_sha256_hex(secret, &vector.message),
        (kind, _) => panic!("{}: unexpected kind {kind}", vector.label),
    }
}

fn is_hex_tag(signature: &str) -> bool {
    signature.len() == 64 && signature.bytes().all(|b| b.is_ascii_hexdigit())
}

#[test]
fn every_vector_is_checked() {
    let vectors = vectors();
    assert_eq!(vectors.len(), EXPECTED_VECTORS);
    let valid = vectors.iter().filter(|v| v.valid).count();
    assert_eq!((valid, vectors.len() - valid), (15, 2));
}

#[test]
fn valid_vectors_verify_and_are_reproduced_by_the_signers() {
    for vector in vectors().iter().filter(|v| v.valid) {
        assert_eq!(
            verify(vector, &vector.signature),
            Ok(()),
            "{}",
            vector.label
        );
        assert_eq!(sign(vector), vector.signature, "{}", vector.label);
        // Upper-case hex is the same signature.
        assert_eq!(
            verify(vector, &vector.signature.to_ascii_uppercase()),
            Ok(()),
            "{}",
            vector.label
        );
    }
}

#[test]
fn invalid_vectors_are_rejected_with_the_right_error() {
    for vector in vectors().iter().filter(|v| !v.valid) {
        let expected = if is_hex_tag(&vector.signature) {
            SignatureError::Mismatch
        } else {
            SignatureError::Malformed {
                len: vector.signature.len() as u64,
            }
        };
        assert_eq!(
            verify(vector, &vector.signature),
            Err(expected),
            "{}",
            vector.label
        );
        // The correct signature for the same message does verify: the rejection is about the
        // signature, not the message.
        assert_eq!(verify(vector, &sign(vector)), Ok(()), "{}", vector.label);
    }
}

#[test]
fn altering_a_valid_signature_or_secret_is_a_mismatch() {
    for vector in vectors().iter().filter(|v| v.valid) {
        let mut altered = vector.signature.clone().into_bytes();
        altered[10] = if altered[10] == b'0' { b'1' } else { b'0' };
        let altered = String::from_utf8(altered).unwrap();
        assert_eq!(
            verify(vector, &altered),
            Err(SignatureError::Mismatch),
            "{}",
            vector.label
        );
        let other_secret = Vector {
            secret: format!("{}x", vector.secret),
            ..vector.clone()
        };
        assert_eq!(
            verify(&other_secret, &vector.signature),
            Err(SignatureError::Mismatch),
            "{}",
            vector.label
        );
    }
}

#[test]
fn message_files_are_used_byte_for_byte() {
    let root = fixtures_dir();
    let bytes =
        read_bytes(&root.join("razorpay-sdk/razorpay-python/fake_payment_authorized_webhook.json"));
    assert_eq!(bytes.len(), 971);
    assert_eq!(bytes.last(), Some(&b'\n'));
    let by_signature = |sig: &str| vectors().into_iter().find(|v| v.signature == sig).unwrap();
    // Two secrets over the exact file bytes...
    for sig in [
        "d60e67fd884556c045e9be7dad57903e33efc7172c17c6e3ef77db42d2b366e9",
        "dda9ca344c56ccbd90167b1be0fd99dfa92fe2b827020f27e2a46024e31c7c99",
    ] {
        let vector = by_signature(sig);
        assert_eq!(vector.message, bytes);
        let verifier = WebhookVerifier::new(["unrelated", vector.secret.as_str()]).unwrap();
        let event = verifier.construct_event(&bytes, sig).unwrap();
        assert_eq!(event.payment().unwrap().id, "pay_6koWN7bvxujzxM");
    }
    // ...and the same body without its trailing newline is a different message.
    let stripped = by_signature("0971cde1d9216765d9aa72c766aef4a913fedfd2d36cc05cbca5de1ef90c12e4");
    assert_eq!(stripped.message, bytes[..bytes.len() - 1]);
    assert_eq!(
        verify_webhook_signature(&bytes, &stripped.signature, "key_secret"),
        Err(SignatureError::Mismatch)
    );
}
