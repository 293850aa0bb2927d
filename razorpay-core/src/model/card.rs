//! [`Card`]: the card a payment was made with (masked; never a full card number).

use super::LenientBool;
use super::wire::entity;

entity! {
    /// The card of a card payment, as embedded in a payment or fetched from `/payments/:id/card`.
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Card {
        /// Card id, `card_…`.
        pub id: String,
        /// Always `"card"`.
        pub entity: Option<String>,
        /// Name on the card.
        pub name: Option<String>,
        /// Last four digits.
        pub last4: Option<String>,
        /// Card network: `Visa`, `MasterCard`, `RuPay`, `American Express`, …
        pub network: Option<String>,
        /// `credit`, `debit`, `prepaid` or `unknown`.
        #[serde(rename = "type")]
        pub card_type: Option<String>,
        /// Issuing bank code, e.g. `HDFC`.
        pub issuer: Option<String>,
        /// Whether the card was issued outside India.
        pub international: Option<LenientBool>,
        /// Whether the card supports EMI.
        pub emi: Option<LenientBool>,
        /// `consumer` or `business`.
        pub sub_type: Option<String>,
    }
}
