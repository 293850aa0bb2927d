//! [`PaymentStep`]: the answer of a server-to-server payment call — the payment it made, and
//! either the signature that proves it done or what to do next.

use serde_json::{Map, Value};

use super::wire::entity;

entity! {
    /// One step of an S2S payment, as `payments.createPaymentJson`, `createRecurringPayment`,
    /// `createUpi`, `otpGenerate`, `otpSubmit` and `otpResend` answer.
    ///
    /// Done: `razorpay_payment_id`, `razorpay_order_id` and `razorpay_signature` (verify it like
    /// Checkout's callback). Not yet: `next`, the actions left (`[{"action": "redirect", "url":
    /// …}]`, or `["otp_submit", "otp_resend"]` after a resend), or a UPI intent `link`. The older
    /// JSON v1 answer (`"type": "respawn"`, `request`, `missing`) parses too.
    pub struct PaymentStep {
        /// The payment, `pay_…`.
        pub razorpay_payment_id: Option<String>,
        /// The order, `order_…` (when the payment is done).
        pub razorpay_order_id: Option<String>,
        /// Signature of `order_id|payment_id` (when the payment is done).
        pub razorpay_signature: Option<String>,
        /// What to do next: action objects, or action names after an OTP resend.
        pub next: Option<Vec<Value>>,
        /// UPI intent link (`upi://pay?…`).
        pub link: Option<String>,
        /// Card facts for the OTP page (`issuer`, `network`, `last4`, `iin`).
        pub metadata: Option<Map<String, Value>>,
        /// JSON v1: `first`, `otp`, `respawn`, …
        #[serde(rename = "type")]
        pub step_type: Option<String>,
        /// JSON v1: the request to send next (`url`, `method`, `content`).
        pub request: Option<Map<String, Value>>,
        /// JSON v1: the payment method.
        pub method: Option<String>,
        /// JSON v1: the fields still missing.
        pub missing: Option<Vec<String>>,
    }
}
