//! [`Upi`]: the UPI details of a UPI payment.

use super::wire::entity;

entity! {
    /// The `upi` object of a UPI payment.
    #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
    pub struct Upi {
        /// The customer's VPA (UPI id), e.g. `gaurav.kumar@exampleupi`.
        pub vpa: Option<String>,
        /// `bank_account`, `credit_card`, `wallet`, …
        pub payer_account_type: Option<String>,
        /// `collect`, `intent` or `in_app`.
        pub flow: Option<String>,
    }
}
