//! Payments that arrive without an order or Checkout: a scanned QR code, a bank transfer or
//! UPI payment to a virtual account. Razorpay captures them at once, so each one produces
//! `payment.authorized` and `payment.captured`; the caller adds its own `*.credited` event.

use serde_json::{Map, Value};

use super::payment::{PaymentRec, PaymentStatus};
use super::{Event, Store};
use crate::ids::{new_id, random_digits};

impl Store {
    /// Records a captured payment of `amount` by `method` (`upi`, `card`, `bank_transfer`)
    /// with no order; returns its id and events.
    pub(super) fn credit_payment(
        &mut self,
        method: &'static str,
        amount: i64,
        currency: &str,
        notes: Map<String, Value>,
    ) -> (String, Vec<Event>) {
        let now = self.now();
        let payment = PaymentRec {
            id: new_id("pay"),
            order_id: String::new(),
            amount,
            currency: currency.to_string(),
            status: PaymentStatus::Authorized,
            method,
            amount_refunded: 0,
            email: "gaurav.kumar@example.com".into(),
            contact: "+919000090000".into(),
            notes,
            error: None,
            authorized_at: Some(now),
            captured_at: None,
            created_at: now,
            card_id: (method == "card").then(|| new_id("card")),
            invoice_id: None,
            token_id: None,
            bank_transaction_id: random_digits(12),
            auth_code: random_digits(6),
        };
        let id = payment.id.clone();
        let mut events = vec![Event::new(
            "payment.authorized",
            vec![("payment", payment.to_webhook_json())],
        )];
        self.payment_ids.push(id.clone());
        self.payments.insert(id.clone(), payment);
        events.extend(self.capture_authorized(&id));
        (id, events)
    }
}
