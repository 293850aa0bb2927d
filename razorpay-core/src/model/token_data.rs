//! [`TokenTransactionalData`]: the card data a service-provider token unlocks, for processing a
//! payment on another payment aggregator or gateway; the card number never prints.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::wire::entity;

entity! {
    /// The answer of `tokens.processPaymentOnAlternatePAorPG`.
    pub struct TokenTransactionalData {
        /// The card to charge.
        pub card: Option<TokenCard>,
    }
}

entity! {
    /// The card of a [`TokenTransactionalData`].
    pub struct TokenCard {
        /// Card (or network token) number; `Debug` prints it redacted.
        pub number: Option<CardNumber>,
        /// Expiry month (Razorpay's sample writes `"12"`).
        pub expiry_month: Option<Value>,
        /// Expiry year (Razorpay's sample writes `2021`).
        pub expiry_year: Option<Value>,
        /// Network token cryptogram, when sent; `Debug` prints it redacted.
        pub cryptogram_value: Option<CardNumber>,
    }
}

/// A card number or cryptogram: serialised as the string it is, but `Debug` prints
/// `CardNumber(<redacted>)` so that it stays out of logs and panics.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardNumber(String);

impl CardNumber {
    /// The number itself; call it only where the number is sent on.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardNumber(<redacted>)")
    }
}
