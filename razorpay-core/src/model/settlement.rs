//! [`Settlement`]: money Razorpay paid out to the merchant's bank account.

use super::wire::entity;

entity! {
    /// A settlement, as returned by the settlements API and carried by `settlement.processed`.
    pub struct Settlement {
        /// Settlement id, `setl_…`.
        pub id: String,
        /// Always `"settlement"`.
        pub entity: Option<String>,
        /// Amount settled, in the currency's smallest unit.
        pub amount: i64,
        /// `created`, `processed` or `failed`.
        pub status: Option<String>,
        /// Fees deducted, in the currency's smallest unit.
        pub fees: Option<i64>,
        /// Tax on the fees, in the currency's smallest unit.
        pub tax: Option<i64>,
        /// The bank's transfer reference.
        pub utr: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
