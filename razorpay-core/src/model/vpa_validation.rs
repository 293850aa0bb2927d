//! [`VpaValidation`]: whether a UPI address (VPA) exists, and whose it is.

use super::LenientBool;
use super::wire::entity;

entity! {
    /// The answer of `payments.validateVpa`.
    pub struct VpaValidation {
        /// The address checked.
        pub vpa: Option<String>,
        /// Whether it exists.
        pub success: Option<LenientBool>,
        /// The account holder's name, when it exists.
        pub customer_name: Option<String>,
    }
}
