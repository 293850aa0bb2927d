//! Webhooks: verify `X-Razorpay-Signature` over the raw body, then parse a typed
//! [`WebhookEvent`].
//!
//! Build one [`WebhookVerifier`] at start-up with your webhook secret(s) and call
//! [`construct_event`](WebhookVerifier::construct_event) with the exact bytes received and the
//! header. It checks the signature before it reads a single byte of JSON, so a forged body is
//! never parsed.
//!
//! ```
//! use razorpay_core::sign_webhook;
//! use razorpay_core::webhook::{EventName, WebhookVerifier};
//!
//! let verifier = WebhookVerifier::new(["whsec"])?;
//! // The exact bytes received, and the X-Razorpay-Signature header.
//! let body: &[u8] = br#"{"entity":"event","event":"order.paid","contains":["order"],
//!   "payload":{"order":{"entity":{"id":"order_1","amount":5000,"currency":"INR","status":"paid"}}}}"#;
//! let signature = sign_webhook(body, "whsec");
//!
//! let event = verifier.construct_event(body, &signature)?;
//! match event.event {
//!     EventName::OrderPaid => assert_eq!(event.order().map(|o| o.amount), Some(5000)),
//!     _ => { /* acknowledge events you do not handle with a 2xx */ }
//! }
//! # Ok::<(), razorpay_core::webhook::WebhookError>(())
//! ```

mod error;
mod event;
mod event_name;
mod event_objects;
mod payload_keys;
mod verifier;

pub use error::WebhookError;
pub use event::{EntityWrapper, WebhookEvent, WebhookPayload};
pub use event_name::EventName;
pub use verifier::WebhookVerifier;
