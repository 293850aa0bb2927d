//! [`OndemandSettlement`]: an instant (on-demand) settlement the merchant asked for, and its
//! [`OndemandPayout`]s.

use super::wire::entity;
use super::{Collection, LenientBool, Notes};

entity! {
    /// An on-demand settlement, as `settlements.createOndemandSettlement`,
    /// `fetchOndemandSettlementById` and (in a collection) `fetchAllOndemandSettlement` answer.
    pub struct OndemandSettlement {
        /// Id, `setlod_…`.
        pub id: String,
        /// Always `"settlement.ondemand"`.
        pub entity: Option<String>,
        /// Amount asked for, in the currency's smallest unit.
        pub amount_requested: Option<i64>,
        /// Amount settled so far.
        pub amount_settled: Option<i64>,
        /// Amount still to settle.
        pub amount_pending: Option<i64>,
        /// Amount reversed.
        pub amount_reversed: Option<i64>,
        /// Fees charged.
        pub fees: Option<i64>,
        /// Tax on the fees.
        pub tax: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// Whether the whole balance was asked for.
        pub settle_full_balance: Option<LenientBool>,
        /// `created`, `initiated`, `partially_processed`, `processed`, `reversed`.
        pub status: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Its payouts (on create, or with `expand[]=ondemand_payouts`).
        pub ondemand_payouts: Option<Collection<OndemandPayout>>,
    }
}

entity! {
    /// One payout of an [`OndemandSettlement`].
    pub struct OndemandPayout {
        /// Id, `setlodp_…`.
        pub id: String,
        /// Always `"settlement.ondemand_payout"`.
        pub entity: Option<String>,
        /// When it was initiated, Unix seconds.
        pub initiated_at: Option<i64>,
        /// When it was processed, Unix seconds.
        pub processed_at: Option<i64>,
        /// When it was reversed, Unix seconds.
        pub reversed_at: Option<i64>,
        /// Amount, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// Amount settled.
        pub amount_settled: Option<i64>,
        /// Fees.
        pub fees: Option<i64>,
        /// Tax on the fees.
        pub tax: Option<i64>,
        /// Bank reference.
        pub utr: Option<String>,
        /// `created`, `initiated`, `processed`, `reversed`.
        pub status: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
