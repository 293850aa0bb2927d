//! [`WebhookEvent`]: the envelope Razorpay POSTs to a webhook URL, and its payload.

use serde::{Deserialize, Serialize};

use crate::model::wire::entity;
use crate::model::{
    Account, Dispute, Downtime, Extra, FundAccountValidation, Invoice, Order, Payment, PaymentLink,
    QrCode, Refund, Settlement, Subscription, Token, Transfer, UnixTime, VirtualAccount,
};

use super::{EventName, WebhookError};

/// The `{"entity": {...}}` wrapper around each object in a webhook payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntityWrapper<T> {
    /// The object.
    pub entity: T,
    /// Fields beside `entity`, kept as received.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

entity! {
    /// The objects a webhook carries, each under its entity name. Which ones are present depends
    /// on the event (`contains` lists them, though not always all of them).
    pub struct WebhookPayload {
        /// The payment (`payment.*`, `order.paid`, `refund.*`, `payment.dispute.*`, …).
        pub payment: Option<EntityWrapper<Payment>>,
        /// The order (`order.paid`, `payment_link.*`).
        pub order: Option<EntityWrapper<Order>>,
        /// The refund (`refund.*`).
        pub refund: Option<EntityWrapper<Refund>>,
        /// The dispute (`payment.dispute.*`).
        pub dispute: Option<EntityWrapper<Dispute>>,
        /// The downtime (`payment.downtime.*`, under the key `payment.downtime`).
        #[serde(rename = "payment.downtime")]
        pub downtime: Option<EntityWrapper<Downtime>>,
        /// The payment link (`payment_link.*`).
        pub payment_link: Option<EntityWrapper<PaymentLink>>,
        /// The subscription (`subscription.*`).
        pub subscription: Option<EntityWrapper<Subscription>>,
        /// The invoice (`invoice.*`).
        pub invoice: Option<EntityWrapper<Invoice>>,
        /// The settlement (`settlement.processed`).
        pub settlement: Option<EntityWrapper<Settlement>>,
        /// The virtual account (`virtual_account.*`).
        pub virtual_account: Option<EntityWrapper<VirtualAccount>>,
        /// The QR code (`qr_code.*`).
        pub qr_code: Option<EntityWrapper<QrCode>>,
        /// The transfer (`transfer.*`).
        pub transfer: Option<EntityWrapper<Transfer>>,
        /// The token (`token.*`).
        pub token: Option<EntityWrapper<Token>>,
        /// The validation (`fund_account.validation.*`, under the key `fund_account.validation`).
        #[serde(rename = "fund_account.validation")]
        pub fund_account_validation: Option<EntityWrapper<FundAccountValidation>>,
        /// The account (`account.*`).
        pub account: Option<EntityWrapper<Account>>,
    }
}

entity! {
    /// A webhook event as Razorpay POSTs it.
    ///
    /// Get one from [`WebhookVerifier::construct_event`](super::WebhookVerifier::construct_event),
    /// which checks the signature first; [`WebhookEvent::from_slice`] parses a body whose
    /// signature was already checked.
    ///
    /// ```
    /// use razorpay_core::webhook::{EventName, WebhookEvent};
    ///
    /// let event = WebhookEvent::from_slice(br#"{
    ///     "entity": "event", "account_id": "acc_BFQ7uQEaa7j2z7", "event": "payment.captured",
    ///     "contains": ["payment"], "created_at": 1567674799,
    ///     "payload": {"payment": {"entity": {
    ///         "id": "pay_DESlfW9H8K9uqM", "entity": "payment", "amount": 100, "currency": "INR",
    ///         "status": "captured", "order_id": "order_DESlLckIVRkHWj", "captured": true,
    ///         "notes": [], "error_code": null, "created_at": 1567674599
    ///     }}}
    /// }"#)?;
    /// assert_eq!(event.event, EventName::PaymentCaptured);
    /// let payment = event.payment().expect("payment.captured carries the payment");
    /// assert_eq!((payment.amount, payment.currency.as_str()), (100, "INR"));
    /// assert_eq!(payment.order_id.as_deref(), Some("order_DESlLckIVRkHWj"));
    /// # Ok::<(), razorpay_core::webhook::WebhookError>(())
    /// ```
    pub struct WebhookEvent {
        /// Always `"event"`.
        pub entity: Option<String>,
        /// The merchant account, `acc_…`.
        pub account_id: Option<String>,
        /// What happened.
        pub event: EventName,
        /// The entity names present in `payload` (empty if Razorpay left the field out).
        #[serde(default)]
        pub contains: Vec<String>,
        /// The objects the event is about.
        pub payload: WebhookPayload,
        /// When the event was created, Unix seconds. See [`WebhookEvent::timestamp`].
        pub created_at: Option<crate::model::UnixTime>,
    }
    missing_defaults: [contains]
}

impl WebhookEvent {
    /// Parses a webhook body **without verifying its signature**. Only use it on a body whose
    /// `X-Razorpay-Signature` was already checked; otherwise use
    /// [`WebhookVerifier::construct_event`](super::WebhookVerifier::construct_event).
    ///
    /// # Errors
    /// [`WebhookError::InvalidPayload`] if the body is not a Razorpay event.
    pub fn from_slice(body: &[u8]) -> Result<Self, WebhookError> {
        serde_json::from_slice(body).map_err(|err| WebhookError::InvalidPayload {
            reason: err.to_string(),
        })
    }

    /// The event's creation time: `created_at`, or the `created_at` that some Razorpay
    /// payloads carry inside `payload` instead.
    pub fn timestamp(&self) -> Option<UnixTime> {
        self.created_at.or_else(|| {
            let secs = self.payload.extra.get("created_at")?.as_i64()?;
            Some(UnixTime::from(secs))
        })
    }

    /// The payment, if the payload carries one.
    pub fn payment(&self) -> Option<&Payment> {
        self.payload.payment.as_ref().map(|wrapper| &wrapper.entity)
    }

    /// The order, if the payload carries one.
    pub fn order(&self) -> Option<&Order> {
        self.payload.order.as_ref().map(|wrapper| &wrapper.entity)
    }

    /// The refund, if the payload carries one.
    pub fn refund(&self) -> Option<&Refund> {
        self.payload.refund.as_ref().map(|wrapper| &wrapper.entity)
    }

    /// The dispute, if the payload carries one.
    pub fn dispute(&self) -> Option<&Dispute> {
        self.payload.dispute.as_ref().map(|wrapper| &wrapper.entity)
    }

    /// The downtime, if the payload carries one.
    pub fn downtime(&self) -> Option<&Downtime> {
        self.payload
            .downtime
            .as_ref()
            .map(|wrapper| &wrapper.entity)
    }

    /// The payment link, if the payload carries one.
    pub fn payment_link(&self) -> Option<&PaymentLink> {
        self.payload
            .payment_link
            .as_ref()
            .map(|wrapper| &wrapper.entity)
    }

    /// The subscription, if the payload carries one.
    pub fn subscription(&self) -> Option<&Subscription> {
        self.payload
            .subscription
            .as_ref()
            .map(|wrapper| &wrapper.entity)
    }

    /// The invoice, if the payload carries one.
    pub fn invoice(&self) -> Option<&Invoice> {
        self.payload.invoice.as_ref().map(|wrapper| &wrapper.entity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_events_and_payload_keys_are_kept() {
        let body = json!({
            "entity": "event", "account_id": "acc_1", "event": "payout.processed",
            "contains": ["payout"], "payload": {"payout": {"entity": {"id": "pout_1"}}},
            "created_at": 1
        });
        let event = WebhookEvent::from_slice(body.to_string().as_bytes()).unwrap();
        assert_eq!(event.event, EventName::Unknown("payout.processed".into()));
        assert!(event.payment().is_none());
        assert_eq!(event.payload.extra["payout"]["entity"]["id"], "pout_1");
        assert_eq!(serde_json::to_value(&event).unwrap(), body);
    }

    #[test]
    fn a_missing_contains_stays_missing_unless_filled_in() {
        let body = br#"{"entity":"event","event":"payment.failed","payload":{}}"#;
        let mut event = WebhookEvent::from_slice(body).unwrap();
        assert!(event.contains.is_empty());
        let expected: serde_json::Value = serde_json::from_slice(body).unwrap();
        assert_eq!(serde_json::to_value(&event).unwrap(), expected);
        event.contains.push("payment".into());
        assert_eq!(
            serde_json::to_value(&event).unwrap()["contains"],
            json!(["payment"])
        );
        // Sent as an empty list, it is written back as one.
        let body = br#"{"entity":"event","event":"payment.failed","contains":[],"payload":{}}"#;
        let event = WebhookEvent::from_slice(body).unwrap();
        assert_eq!(serde_json::to_value(&event).unwrap()["contains"], json!([]));
    }

    #[test]
    fn invoice_events_carry_the_invoice_its_order_and_payment() {
        let body = json!({
            "entity": "event", "account_id": "acc_1", "event": "invoice.paid",
            "contains": ["payment", "order", "invoice"],
            "payload": {
                "payment": {"entity": {"id": "pay_1", "entity": "payment", "amount": 479030,
                    "currency": "INR", "status": "captured", "order_id": "order_1",
                    "invoice_id": "inv_1", "captured": true, "notes": []}},
                "order": {"entity": {"id": "order_1", "entity": "order", "amount": 479030,
                    "amount_paid": 479030, "amount_due": 0, "currency": "INR", "status": "paid",
                    "offers": {"entity": "collection", "count": 0, "items": []}, "notes": []}},
                "invoice": {"entity": {"id": "inv_1", "entity": "invoice", "receipt": "15",
                    "order_id": "order_1", "payment_id": "pay_1", "status": "paid",
                    "amount": 479030, "amount_paid": 479030, "amount_due": 0,
                    "currency": "INR", "notes": [], "paid_at": 1567687000}}
            },
            "created_at": 1567687000
        });
        let event = WebhookEvent::from_slice(body.to_string().as_bytes()).unwrap();
        assert_eq!(event.event, EventName::InvoicePaid);
        let invoice = event.invoice().unwrap();
        assert_eq!(
            invoice.payment_id.as_deref(),
            Some(event.payment().unwrap().id.as_str())
        );
        assert_eq!(
            invoice.order_id.as_deref(),
            Some(event.order().unwrap().id.as_str())
        );
        assert_eq!(serde_json::to_value(&event).unwrap(), body);
    }

    #[test]
    fn timestamp_falls_back_to_the_misplaced_one() {
        let body = br#"{"entity":"event","event":"refund.speed_changed","contains":[],"payload":{"created_at":1586439890}}"#;
        let event = WebhookEvent::from_slice(body).unwrap();
        assert_eq!(event.created_at, None);
        assert_eq!(event.timestamp(), Some(UnixTime::from(1586439890)));
    }

    #[test]
    fn invalid_bodies_are_typed_errors() {
        for body in [
            &b""[..],
            b"not json",
            b"[]",
            br#"{"event":"payment.captured"}"#,
            b"{\"event\":1,\"payload\":{}}",
        ] {
            let err = WebhookEvent::from_slice(body).unwrap_err();
            assert_eq!(
                err.code(),
                "WEBHOOK_INVALID_PAYLOAD",
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
