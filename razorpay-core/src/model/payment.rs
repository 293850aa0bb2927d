//! [`Payment`]: a payment attempt on an order, a payment link, an invoice or a subscription.

use serde_json::{Map, Value};

use super::text::meaningful;
use super::wire::entity;
use super::{Card, LenientBool, Notes, PaymentStatus, Upi};

entity! {
    /// A Razorpay payment, as returned by the payments API and carried by `payment.*`,
    /// `order.paid`, `refund.*`, `payment.dispute.*`, `payment_link.*` and `subscription.*`
    /// webhooks.
    ///
    /// Amounts are integers in the currency's smallest unit (paise for INR).
    ///
    /// ```
    /// use razorpay_core::model::{Payment, PaymentStatus};
    ///
    /// let payment: Payment = serde_json::from_str(r#"{
    ///     "id": "pay_29QQoUBi66xm2f", "entity": "payment", "amount": 500, "currency": "INR",
    ///     "status": "failed", "captured": false, "notes": [],
    ///     "error_code": "BAD_REQUEST_ERROR", "error_description": "Payment was unsuccessful",
    ///     "error_source": "NA", "error_step": "payment_authorization", "error_reason": "NA",
    ///     "created_at": 1400826750
    /// }"#)?;
    /// assert_eq!(payment.status, PaymentStatus::Failed);
    /// let failure = payment.failure().expect("a failed payment");
    /// assert_eq!(failure.code, "BAD_REQUEST_ERROR");
    /// assert_eq!(failure.source, None); // "NA" means nothing
    /// assert_eq!(failure.step, Some("payment_authorization"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Payment {
        /// Payment id, `pay_…`.
        pub id: String,
        /// Always `"payment"`.
        pub entity: Option<String>,
        /// Amount in the currency's smallest unit.
        pub amount: i64,
        /// ISO 4217 currency code, e.g. `INR`.
        pub currency: String,
        /// The payment's status.
        pub status: PaymentStatus,
        /// The order this payment pays, `order_…`.
        pub order_id: Option<String>,
        /// The invoice this payment pays, `inv_…`.
        pub invoice_id: Option<String>,
        /// Whether the payment was made with an international instrument.
        pub international: Option<LenientBool>,
        /// `card`, `netbanking`, `wallet`, `emi`, `upi`, …
        pub method: Option<String>,
        /// Amount refunded so far, in the smallest unit.
        pub amount_refunded: Option<i64>,
        /// Amount transferred to linked accounts (Route), in the smallest unit.
        pub amount_transferred: Option<i64>,
        /// `partial` or `full` once refunds exist.
        pub refund_status: Option<String>,
        /// Whether the payment was captured. Razorpay sometimes sends `"1"`.
        pub captured: Option<LenientBool>,
        /// Description given at checkout.
        pub description: Option<String>,
        /// Card id for card payments, `card_…`.
        pub card_id: Option<String>,
        /// Card details for card payments.
        pub card: Option<Card>,
        /// Bank code for netbanking payments, e.g. `HDFC`.
        pub bank: Option<String>,
        /// Wallet name for wallet payments, e.g. `freecharge`.
        pub wallet: Option<String>,
        /// The customer's VPA for UPI payments.
        pub vpa: Option<String>,
        /// UPI details for UPI payments.
        pub upi: Option<Upi>,
        /// Customer email.
        pub email: Option<String>,
        /// Customer phone number.
        pub contact: Option<String>,
        /// Customer id, `cust_…`.
        pub customer_id: Option<String>,
        /// Saved-card or recurring token id, `token_…`.
        pub token_id: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Razorpay's fee (including tax), in the smallest unit.
        pub fee: Option<i64>,
        /// Tax on the fee, in the smallest unit.
        pub tax: Option<i64>,
        /// Error code of a failed payment. May be `""` or `"NA"`: prefer [`Payment::failure`].
        pub error_code: Option<String>,
        /// Error description of a failed payment.
        pub error_description: Option<String>,
        /// Where the failure happened: `customer`, `bank`, `business`, …
        pub error_source: Option<String>,
        /// The step that failed, e.g. `payment_authorization`.
        pub error_step: Option<String>,
        /// Why it failed, e.g. `payment_cancelled`.
        pub error_reason: Option<String>,
        /// Bank references: `rrn`, `auth_code`, `bank_transaction_id`, `upi_transaction_id`, …
        pub acquirer_data: Option<Map<String, Value>>,
        /// Amount in the merchant's base currency, for international payments.
        pub base_amount: Option<i64>,
        /// The merchant's base currency.
        pub base_currency: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}

/// Why a payment failed, with Razorpay's placeholders (`""`, `"NA"`) read as "no value".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentFailure<'a> {
    /// Razorpay's error code, e.g. `BAD_REQUEST_ERROR`.
    pub code: &'a str,
    /// Human-readable description.
    pub description: Option<&'a str>,
    /// Where the failure happened.
    pub source: Option<&'a str>,
    /// The step that failed.
    pub step: Option<&'a str>,
    /// Why it failed.
    pub reason: Option<&'a str>,
}

impl Payment {
    /// Whether the payment was captured: the `captured` flag, or a `captured`/`refunded` status
    /// when the flag is missing.
    pub fn is_captured(&self) -> bool {
        match &self.captured {
            Some(flag) => flag.get(),
            None => matches!(
                self.status,
                PaymentStatus::Captured | PaymentStatus::Refunded
            ),
        }
    }

    /// The failure details, if the payment carries an error code (ignoring `""` and `"NA"`).
    pub fn failure(&self) -> Option<PaymentFailure<'_>> {
        Some(PaymentFailure {
            code: meaningful(self.error_code.as_ref())?,
            description: meaningful(self.error_description.as_ref()),
            source: meaningful(self.error_source.as_ref()),
            step: meaningful(self.error_step.as_ref()),
            reason: meaningful(self.error_reason.as_ref()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({"id": "pay_1", "amount": 100, "currency": "INR", "status": "captured"})
    }

    #[test]
    fn minimal_payment_round_trips_without_adding_fields() {
        let payment: Payment = serde_json::from_value(minimal()).unwrap();
        assert_eq!(serde_json::to_value(&payment).unwrap(), minimal());
        assert!(payment.is_captured());
        assert!(payment.failure().is_none());
    }

    #[test]
    fn empty_error_code_is_no_failure() {
        let mut value = minimal();
        value["error_code"] = json!("");
        value["error_description"] = json!("");
        let payment: Payment = serde_json::from_value(value.clone()).unwrap();
        assert!(payment.failure().is_none());
        assert_eq!(serde_json::to_value(&payment).unwrap(), value);
    }

    #[test]
    fn explicit_nulls_and_unknown_fields_are_written_back() {
        let mut value = minimal();
        value["order_id"] = Value::Null;
        value["fee"] = Value::Null;
        value["notes"] = json!([]);
        value["brand_new_field"] = json!({"nested": [1, 2]});
        value["another_null"] = Value::Null;
        let payment: Payment = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(payment.order_id, None);
        assert_eq!(
            payment.extra.get("brand_new_field"),
            Some(&json!({"nested": [1, 2]}))
        );
        assert_eq!(payment.extra.explicit_nulls(), ["order_id", "fee"]);
        assert_eq!(serde_json::to_value(&payment).unwrap(), value);
    }

    #[test]
    fn a_field_set_after_parsing_wins_over_the_recorded_null() {
        let mut value = minimal();
        value["order_id"] = Value::Null;
        let mut payment: Payment = serde_json::from_value(value).unwrap();
        payment.order_id = Some("order_1".into());
        let text = serde_json::to_string(&payment).unwrap();
        assert_eq!(text.matches("order_id").count(), 1, "{text}");
        assert_eq!(
            serde_json::to_value(&payment).unwrap()["order_id"],
            "order_1"
        );
    }

    #[test]
    fn captured_as_string_and_status_fallback() {
        let mut value = minimal();
        value["status"] = json!("authorized");
        assert!(
            !serde_json::from_value::<Payment>(value.clone())
                .unwrap()
                .is_captured()
        );
        value["captured"] = json!("1");
        let payment: Payment = serde_json::from_value(value.clone()).unwrap();
        assert!(payment.is_captured());
        assert_eq!(serde_json::to_value(&payment).unwrap(), value);
    }

    #[test]
    fn wrong_types_are_errors_that_name_the_object() {
        let mut value = minimal();
        value["amount"] = json!("100");
        let err = serde_json::from_value::<Payment>(value)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("Payment: invalid type: string"), "{err}");
        let err = serde_json::from_value::<Payment>(json!({"id": "pay_1"})).unwrap_err();
        assert!(err.to_string().contains("missing field `amount`"), "{err}");
    }
}
