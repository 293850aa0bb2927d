//! [`PaymentMethods`]: the payment methods enabled on the account (`GET /v1/methods`).

use serde_json::{Map, Value};

use super::LenientBool;
use super::wire::entity;

entity! {
    /// The methods a checkout may offer, as `payments.fetchPaymentMethods` answers them.
    ///
    /// Flags are `true`/`false`; the per-network and per-bank tables are kept as received
    /// because Razorpay writes them as an object when populated and as `[]` when empty.
    pub struct PaymentMethods {
        /// Always `"methods"`.
        pub entity: Option<String>,
        /// Cards of any kind.
        pub card: Option<LenientBool>,
        /// Debit cards.
        pub debit_card: Option<LenientBool>,
        /// Credit cards.
        pub credit_card: Option<LenientBool>,
        /// Prepaid cards.
        pub prepaid_card: Option<LenientBool>,
        /// Card networks by code (`"VISA": 1`, …).
        pub card_networks: Option<Map<String, Value>>,
        /// Card sub-types (`consumer`, `business`, `premium`).
        pub card_subtype: Option<Map<String, Value>>,
        /// American Express.
        pub amex: Option<LenientBool>,
        /// Netbanking banks by code (`"HDFC": "HDFC Bank"`), or `[]` when none.
        pub netbanking: Option<Value>,
        /// Wallets by code, or `[]` when none.
        pub wallet: Option<Value>,
        /// Card EMI.
        pub emi: Option<LenientBool>,
        /// UPI.
        pub upi: Option<LenientBool>,
        /// Cardless EMI providers, or `[]`.
        pub cardless_emi: Option<Value>,
        /// Pay-later providers, or `[]`.
        pub paylater: Option<Value>,
        /// Google Pay cards.
        pub google_pay_cards: Option<LenientBool>,
        /// Apps (`cred`, `twid`, …) by code.
        pub app: Option<Map<String, Value>>,
        /// Google Pay.
        pub gpay: Option<LenientBool>,
        /// EMI types (`credit`, `debit`).
        pub emi_types: Option<Map<String, Value>>,
        /// e-NACH / NACH.
        pub nach: Option<LenientBool>,
    }
}
