//! [`Iin`]: what a card's issuer identification number says about the card, and [`IinList`],
//! the IINs that support a flow.

use serde_json::{Map, Value};

use super::LenientBool;
use super::wire::entity;

entity! {
    /// One IIN (BIN), as `iins.fetch` answers it.
    pub struct Iin {
        /// The IIN (first 6 or 9 digits).
        pub iin: String,
        /// Always `"iin"`.
        pub entity: Option<String>,
        /// `Visa`, `MasterCard`, `RuPay`, …
        pub network: Option<String>,
        /// `credit`, `debit`, `prepaid`, `unknown`.
        #[serde(rename = "type")]
        pub card_type: Option<String>,
        /// `consumer` or `business`.
        pub sub_type: Option<String>,
        /// Issuing bank code, e.g. `HDFC`.
        pub issuer_code: Option<String>,
        /// Issuing bank name.
        pub issuer_name: Option<String>,
        /// Issued outside India.
        pub international: Option<LenientBool>,
        /// Whether the IIN is a token IIN.
        pub is_tokenized: Option<LenientBool>,
        /// The actual card IIN behind a token IIN.
        pub card_iin: Option<String>,
        /// EMI availability (`{"available": true}`).
        pub emi: Option<Map<String, Value>>,
        /// Recurring availability (`{"available": true}`).
        pub recurring: Option<Map<String, Value>>,
        /// Authentication types (`[{"type": "3ds"}, {"type": "otp"}]`).
        pub authentication_types: Option<Vec<Map<String, Value>>>,
    }
}

entity! {
    /// The IINs that support a flow or sub-type, as `iins.all` answers:
    /// `{"count": 24, "iins": ["512967", …]}`.
    pub struct IinList {
        /// How many IINs Razorpay counts.
        pub count: Option<u64>,
        /// The IINs.
        #[serde(default)]
        pub iins: Vec<String>,
    }
    missing_defaults: [iins]
}
