//! [`FundAccount`]: a customer's bank account or VPA (refunds to it, validation of it).

use serde_json::{Map, Value};

use super::LenientBool;
use super::wire::entity;

entity! {
    /// A fund account, as returned by the fund accounts API and carried (inside the validation)
    /// by `fund_account.validation.*` webhooks.
    pub struct FundAccount {
        /// Fund account id, `fa_…`.
        pub id: String,
        /// Always `"fund_account"`.
        pub entity: Option<String>,
        /// The customer, `cust_…`.
        pub customer_id: Option<String>,
        /// The contact (RazorpayX), `cont_…`.
        pub contact_id: Option<String>,
        /// `bank_account` or `vpa`.
        pub account_type: Option<String>,
        /// The bank account (`ifsc`, `name`, `account_number`, …), as received.
        pub bank_account: Option<Map<String, Value>>,
        /// The VPA (`address`, …), as received.
        pub vpa: Option<Map<String, Value>>,
        /// Whether it can be used.
        pub active: Option<LenientBool>,
        /// Batch id when created in a batch.
        pub batch_id: Option<String>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}

entity! {
    /// A fund account validation (a penny drop), carried by `fund_account.validation.*`
    /// webhooks under the payload key `fund_account.validation`.
    pub struct FundAccountValidation {
        /// Validation id, `fav_…`.
        pub id: String,
        /// Always `"fund_account.validation"`.
        pub entity: Option<String>,
        /// The validated fund account.
        pub fund_account: Option<FundAccount>,
        /// `created`, `completed` or `failed`.
        pub status: Option<String>,
        /// Amount deposited, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// ISO 4217 currency code.
        pub currency: Option<String>,
        /// What the bank said (`account_status`, `registered_name`, …), as received.
        pub results: Option<Map<String, Value>>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
