//! [`Customer`]: a customer the merchant saved (cards, tokens, mandates and invoices hang off it).

use super::Notes;
use super::wire::entity;

entity! {
    /// A customer, as returned by the customers API.
    ///
    /// ```
    /// use razorpay_core::model::Customer;
    ///
    /// let customer: Customer = serde_json::from_str(r#"{
    ///     "id": "cust_1Aa00000000004", "entity": "customer", "name": "Gaurav Kumar",
    ///     "email": "gaurav.kumar@example.com", "contact": "9123456780", "gstin": null,
    ///     "notes": {"notes_key_1": "Tea, Earl Grey, Hot"}, "created_at": 1582033731
    /// }"#)?;
    /// assert_eq!(customer.gstin, None);
    /// assert_eq!(serde_json::to_value(&customer)?["gstin"], serde_json::Value::Null);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct Customer {
        /// Customer id, `cust_…`.
        pub id: String,
        /// Always `"customer"`.
        pub entity: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// Phone number.
        pub contact: Option<String>,
        /// GST number.
        pub gstin: Option<String>,
        /// Merchant notes.
        #[serde(default)]
        pub notes: Notes,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
    }
}
