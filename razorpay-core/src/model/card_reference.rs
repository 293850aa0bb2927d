//! [`CardReference`]: a card's network-level identity (PAR), which stays the same across its
//! tokens.

use super::wire::entity;

entity! {
    /// The answer of `cards.requestCardReference`.
    pub struct CardReference {
        /// Card network, e.g. `Visa`.
        pub network: Option<String>,
        /// Payment Account Reference.
        pub payment_account_reference: Option<String>,
        /// Network reference id, where the network gives one.
        pub network_reference_id: Option<String>,
    }
}
