//! [`Eligibility`]: which affordability instruments (EMI, pay later, cardless EMI) a customer
//! may use for an amount.

use serde_json::{Map, Value};

use super::wire::entity;

entity! {
    /// The answer of `customers.requestEligibilityCheck` and `fetchEligibility`.
    pub struct Eligibility {
        /// The amount checked, in the currency's smallest unit. Razorpay's sample writes it as a
        /// string (`"500000"`), so it is kept as sent; [`Eligibility::amount_minor`] reads both.
        pub amount: Option<Value>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// The customer checked (`id`, `contact`, …).
        pub customer: Option<Map<String, Value>>,
        /// One verdict per instrument.
        #[serde(default)]
        pub instruments: Vec<EligibilityInstrument>,
    }
    missing_defaults: [instruments]
}

impl Eligibility {
    /// The amount as an integer, whether Razorpay sent a number or a numeric string; `None`
    /// when absent or not a whole number.
    pub fn amount_minor(&self) -> Option<i64> {
        match self.amount.as_ref()? {
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.parse().ok(),
            _ => None,
        }
    }
}

entity! {
    /// One instrument's verdict in an [`Eligibility`].
    pub struct EligibilityInstrument {
        /// `emi`, `paylater`, `cardless_emi`.
        pub method: Option<String>,
        /// Card issuer, for card EMI (`HDFC`).
        pub issuer: Option<String>,
        /// Card type, for card EMI (`debit`, `credit`).
        #[serde(rename = "type")]
        pub card_type: Option<String>,
        /// Provider, for pay later and cardless EMI (`getsimpl`, `zestmoney`).
        pub provider: Option<String>,
        /// The check's id, `elig_…` (for `fetchEligibility`).
        pub eligibility_req_id: Option<String>,
        /// `{"status": "eligible"}`, or `ineligible` with Razorpay's `error`.
        pub eligibility: Option<Map<String, Value>>,
    }
}
