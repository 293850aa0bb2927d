//! Constant-time verification of every signature Razorpay produces.
//!
//! | What is signed | Message | Key | Verify with |
//! |---|---|---|---|
//! | Checkout callback for an order | `order_id\|payment_id` | API key secret | [`verify_payment_signature`] |
//! | Subscription authorisation | `payment_id\|subscription_id` | API key secret | [`verify_subscription_signature`] |
//! | Payment link callback | `payment_link_id\|reference_id\|status\|payment_id` | API key secret | [`verify_payment_link_signature`] |
//! | Invoice callback | `invoice_id\|receipt\|status\|payment_id` | API key secret | [`verify_invoice_signature`] |
//! | Webhook (`X-Razorpay-Signature`) | the raw request body | webhook secret | [`verify_webhook_signature`], [`WebhookVerifier`](crate::webhook::WebhookVerifier) |
//!
//! Every signature is the hex HMAC-SHA256 of the message. Verification accepts lower- or
//! upper-case hex, rejects anything that is not exactly 64 hex characters as
//! [`SignatureError::Malformed`] before any hashing, and compares the tags in constant time.
//! Errors never contain the expected signature or a secret.
//!
//! The partner onboarding signature is not an HMAC but an AES-128-GCM encryption of the
//! onboarding parameters: see [`generate_onboarding_signature`].
//!
//! The `sign_*` functions produce what Razorpay would send; use them in tests and local
//! stand-ins.

mod callback;
mod error;
pub(crate) mod key;
mod message;
mod onboarding;
mod webhook;

pub use callback::{
    sign_invoice, sign_payment, sign_payment_link, sign_subscription, verify_invoice_signature,
    verify_payment_link_signature, verify_payment_signature, verify_subscription_signature,
};
pub use error::SignatureError;
pub use onboarding::{
    ONBOARDING_NONCE_LEN, OnboardingError, decrypt_onboarding_signature,
    generate_onboarding_signature, seal_onboarding_payload,
};
pub(crate) use webhook::verify_with_keys;
pub use webhook::{hmac_sha256_hex, sign_webhook, verify_webhook_signature};
