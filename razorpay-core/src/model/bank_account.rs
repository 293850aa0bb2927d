//! [`BankAccount`]: a bank account object (a customer's, a payer's, a virtual account's
//! receiver).

use super::Notes;
use super::wire::entity;

entity! {
    /// A bank account, as `customers.addBankAccount` and `deleteBankAccount` answer it and as
    /// bank transfers carry their payer's.
    pub struct BankAccount {
        /// Bank account id, `ba_…`.
        pub id: String,
        /// `"bank_account"` when present (a deleted account's answer leaves it out).
        pub entity: Option<String>,
        /// Branch IFSC.
        pub ifsc: Option<String>,
        /// Bank name.
        pub bank_name: Option<String>,
        /// Account holder's name.
        pub name: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Account number (masked in most answers).
        pub account_number: Option<String>,
        /// `deleted` once removed from a customer.
        pub status: Option<String>,
    }
}
