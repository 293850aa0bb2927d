//! Webhooks: verify `X-Razorpay-Signature` over the raw body with a [`WebhookVerifier`].
//!
//! ```
//! use razorpay_core::sign_webhook;
//! use razorpay_core::webhook::WebhookVerifier;
//!
//! let verifier = WebhookVerifier::new(["whsec"])?;
//! let body: &[u8] = br#"{"entity":"event","event":"order.paid"}"#; // the exact bytes received
//! let signature = sign_webhook(body, "whsec"); // the X-Razorpay-Signature header
//! verifier.verify(body, &signature)?;
//! # Ok::<(), razorpay_core::webhook::WebhookError>(())
//! ```

mod error;
mod verifier;

pub use error::WebhookError;
pub use verifier::WebhookVerifier;
