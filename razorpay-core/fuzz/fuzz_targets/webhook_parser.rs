//! Fuzzes the typed webhook parser (`WebhookEvent::from_slice`) directly, without the
//! signature step: whatever the bytes, a typed error or an event that re-serialises to the JSON
//! that was sent, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use razorpay_core::webhook::WebhookEvent;

fuzz_target!(|body: &[u8]| {
    match WebhookEvent::from_slice(body) {
        Ok(event) => {
            let sent: serde_json::Value = serde_json::from_slice(body).expect("accepted JSON");
            assert_eq!(serde_json::to_value(&event).expect("serialises"), sent);
        }
        Err(err) => assert!(!err.code().is_empty()),
    }
});
