//! [`BankTransfer`]: how a payment made by bank transfer (NEFT, RTGS, IMPS) into a virtual
//! account arrived.

use super::wire::entity;
use super::{BankAccount, VirtualAccount};

entity! {
    /// A bank transfer, as `payments.bankTransfer` answers it.
    pub struct BankTransfer {
        /// Bank transfer id, `bt_…`.
        pub id: String,
        /// Always `"bank_transfer"`.
        pub entity: Option<String>,
        /// The payment it made, `pay_…`.
        pub payment_id: Option<String>,
        /// `NEFT`, `RTGS`, `IMPS`, `UPI`.
        pub mode: Option<String>,
        /// The bank's reference (UTR).
        pub bank_reference: Option<String>,
        /// Amount, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// The remitter's account; `null` when the remitting bank did not say.
        pub payer_bank_account: Option<BankAccount>,
        /// The virtual account credited, `va_…`.
        pub virtual_account_id: Option<String>,
        /// That virtual account.
        pub virtual_account: Option<VirtualAccount>,
    }
}
