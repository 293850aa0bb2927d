//! Fuzzes `WebhookVerifier::construct_event` with arbitrary bodies and signatures.
//!
//! Two paths get exercised: an arbitrary signature (almost always rejected before parsing), and
//! the body signed correctly, which drives arbitrary bytes through the JSON parser and the typed
//! model. Neither may panic; an accepted event must re-serialise to the JSON that was sent.

#![no_main]

use libfuzzer_sys::fuzz_target;
use razorpay_core::sign_webhook;
use razorpay_core::webhook::WebhookVerifier;

const SECRET: &str = "whsec_fuzz";

fuzz_target!(|input: &[u8]| {
    // A first line that is not JSON is the signature, the rest the body; an input starting with
    // `{` is all body (so Razorpay's sample events seed the corpus as they are).
    let (signature, body) = match input.iter().position(|&b| b == b'\n') {
        Some(i) if input.first() != Some(&b'{') => (&input[..i], &input[i + 1..]),
        _ => (&[][..], input),
    };
    let signature = String::from_utf8_lossy(signature);
    let verifier = WebhookVerifier::new([SECRET]).expect("a non-empty secret");

    if let Err(err) = verifier.construct_event(body, &signature) {
        assert!(!err.code().is_empty());
    }

    let signed = sign_webhook(body, SECRET);
    match verifier.construct_event(body, &signed) {
        Ok(event) => {
            let sent: serde_json::Value = serde_json::from_slice(body).expect("accepted JSON");
            assert_eq!(serde_json::to_value(&event).expect("serialises"), sent);
        }
        // An empty body is refused as missing input before any parsing.
        Err(err) if body.is_empty() => assert_eq!(err.code(), "SIGNATURE_MISSING_INPUT"),
        Err(err) => assert_eq!(err.code(), "WEBHOOK_INVALID_PAYLOAD"),
    }
});
