//! Fuzzes `reconcile::apply_json`: the input is a stored state and an input JSON separated by
//! the first newline (an input without one is a webhook event body wrapped as a webhook input,
//! so Razorpay's sample events seed the corpus as they are). Never a panic; errors are typed;
//! applying the same input twice changes nothing the second time.

#![no_main]

use libfuzzer_sys::fuzz_target;
use razorpay_core::reconcile::apply_json;

const STATE: &str = r#"{"razorpayOrderId":"order_DaZlswtdcn9UNV","amount":100,"currency":"INR"}"#;

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    let (state, input) = match text.split_once('\n') {
        Some((state, input)) if !text.starts_with('{') => (state.to_owned(), input.to_owned()),
        _ => (
            STATE.to_owned(),
            format!(r#"{{"type":"webhook","eventId":"evt_fuzz","event":{text}}}"#),
        ),
    };
    match apply_json(&state, &input) {
        Ok(outcome) => {
            let outcome: serde_json::Value = serde_json::from_str(&outcome).expect("JSON out");
            let next = outcome["state"].to_string();
            let again = apply_json(&next, &input).expect("applies again");
            let again: serde_json::Value = serde_json::from_str(&again).expect("JSON out");
            assert_eq!(again["changed"], false);
            assert_eq!(again["effects"], serde_json::json!([]));
        }
        Err(err) => assert!(err.code().starts_with("RECONCILE_")),
    }
});
