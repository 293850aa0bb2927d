//! # razorpay-sandbox
//!
//! A local, in-memory stand-in for Razorpay's API, Checkout and webhooks, for tests and
//! offline development. It listens on 127.0.0.1 only and behaves like Razorpay for everything
//! `razorpay_core::client` covers:
//!
//! - the same `/v1` paths, HTTP Basic authentication with the configured key, and Razorpay's
//!   error bodies (`{"error": {"code", "description", "source", "step", "reason", "metadata"}}`);
//! - orders `created → attempted → paid`, payments `created → authorized → captured →
//!   refunded` or `failed`, refunds, with `amount_paid`/`amount_due`/`amount_refunded`
//!   bookkeeping and Razorpay-shaped ids (`order_`, `pay_`, `rfnd_` + 14 base62 characters);
//! - a simulated Checkout ([`Sandbox::checkout`] or `POST /sandbox/checkout`) returning what
//!   Checkout hands the browser: `razorpay_payment_id`, `razorpay_order_id`,
//!   `razorpay_signature`;
//! - payment links, plans, subscriptions and their invoices, with simulated payments signed
//!   as Razorpay signs them;
//! - saved-card tokens, subscription add-ons and updates, items and standalone invoices
//!   ([`Sandbox::pay_invoice`]);
//! - sandbox time ([`Sandbox::advance_clock`]): automatic refund of uncaptured payments,
//!   pending refunds, link expiry, subscription charges and webhook retries without waiting;
//! - where the money goes next: settlements (T+2 on sandbox time, recon, on-demand), disputes,
//!   QR codes, virtual accounts and transfers, with sandbox controls standing in for banks and
//!   customers (`payment.dispute.*`, `qr_code.*`, `virtual_account.*`, `transfer.processed`,
//!   `settlement.processed`);
//! - signed webhooks (`payment.*`, `order.paid`, `refund.*`, `payment_link.*`,
//!   `subscription.*`, `invoice.paid`) with retries and switchable duplicate/shuffle/delay
//!   faults;
//! - API faults: 500s, 429s with `Retry-After`, slow answers, dropped connections.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use razorpay_sandbox::{CheckoutRequest, CheckoutResult, Sandbox};
//!
//! let sandbox = Sandbox::builder().webhook("http://127.0.0.1:3000/webhooks/razorpay").start().await?;
//! println!("Razorpay API at {}/v1 with key {}", sandbox.url(), sandbox.key_id());
//! // ... create an order with the client, then pay it:
//! let result = sandbox.checkout(&CheckoutRequest::new("order_DBJOWzybf0sJbb"))?;
//! if let CheckoutResult::Paid { razorpay_signature, .. } = result {
//!     println!("signature {razorpay_signature}");
//! }
//! sandbox.stop().await;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod accept;
mod api_error;
mod clock;
mod currency;
mod faults;
mod http;
mod ids;
mod server;
mod shared;
mod store;
mod sync;
mod webhooks;

pub use api_error::ApiError;
pub use faults::{ApiFault, FaultRates};
pub use ids::is_razorpay_id;
pub use server::{Sandbox, SandboxBuilder, SandboxError};
pub use shared::RecordedRequest;
pub use store::{
    CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest, CheckoutResult, LinkPayment,
    RefundProcessing, RefundStatus,
};
pub use webhooks::{
    MAX_FAULT_DELAY_MS, WebhookDelivery, WebhookEndpoint, WebhookFaults, WebhookRetry,
};

/// Compiles the README's Rust example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use store::InvoicePayment;
