//! Small acknowledgements: [`Success`] (a notification re-sent) and [`Deleted`] (a saved token
//! removed).

use super::LenientBool;
use super::wire::entity;

entity! {
    /// `{"success": true}`: the answer of `invoices.notifyBy` and `paymentLink.notifyBy`.
    pub struct Success {
        /// Whether the notification went out.
        pub success: Option<LenientBool>,
    }
}

entity! {
    /// `{"deleted": true}`: the answer of `customers.deleteToken`.
    pub struct Deleted {
        /// Whether the token was deleted.
        pub deleted: Option<LenientBool>,
    }
}
