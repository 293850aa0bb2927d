//! Typed request parameters for the table's methods: the fields Razorpay documents, typed, and
//! `extra` for anything else, sent unchanged (a parameter Razorpay adds tomorrow works today).
//! Pass one wherever a typed method takes `params` (any `Serialize` value works there; these
//! only add names and types). The limits every body shares — a whole non-negative `amount`,
//! notes within Razorpay's limits, a receipt of at most 40 characters — are checked by the
//! table before sending, as for every call.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::Notes;

/// Parameters of `customers.create` / `customers.edit`.
///
/// ```
/// use razorpay_core::client::CreateCustomer;
///
/// let customer = CreateCustomer::new("Gaurav Kumar").email("gaurav.kumar@example.com").with("fail_existing", "0");
/// assert_eq!(
///     serde_json::to_value(&customer)?,
///     serde_json::json!({"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com", "fail_existing": "0"})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct CreateCustomer {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// GST number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gstin: Option<String>,
    /// Up to 15 notes of at most 256 characters.
    #[serde(skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
    /// Any other parameter, sent unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateCustomer {
    /// A customer called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// Sets the email.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the phone number.
    pub fn contact(mut self, contact: impl Into<String>) -> Self {
        self.contact = Some(contact.into());
        self
    }

    /// Adds one note.
    pub fn note(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.notes.insert(key, value.into());
        self
    }

    /// Adds a parameter this type does not name (sent unchanged).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

/// Parameters of `transfers.create` and of each entry of `payments.transfer`'s `transfers`:
/// Route money to a linked account.
///
/// ```
/// use razorpay_core::client::CreateTransfer;
///
/// let transfer = CreateTransfer::new("acc_CPRsN1LkFccllA", 100, "INR").on_hold(true);
/// assert_eq!(serde_json::to_value(&transfer)?["on_hold"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
#[non_exhaustive]
pub struct CreateTransfer {
    /// The linked account, `acc_…`.
    pub account: String,
    /// Amount, in the currency's smallest unit.
    pub amount: i64,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Up to 15 notes of at most 256 characters.
    #[serde(skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
    /// Hold the linked account's settlement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_hold: Option<bool>,
    /// Any other parameter (`linked_account_notes`, `on_hold_until`, …), sent unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CreateTransfer {
    /// `amount` minor units of `currency` to `account`.
    pub fn new(account: impl Into<String>, amount: i64, currency: impl Into<String>) -> Self {
        Self {
            account: account.into(),
            amount,
            currency: currency.into(),
            notes: Notes::new(),
            on_hold: None,
            extra: Map::new(),
        }
    }

    /// Holds (or releases) the linked account's settlement.
    pub fn on_hold(mut self, on_hold: bool) -> Self {
        self.on_hold = Some(on_hold);
        self
    }

    /// Adds one note.
    pub fn note(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.notes.insert(key, value.into());
        self
    }

    /// Adds a parameter this type does not name (sent unchanged).
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{RequestOptions, build, endpoint};
    use serde_json::json;

    fn body(name: &str, params: &impl Serialize) -> Result<String, crate::client::ValidationError> {
        let args = json!({ "params": serde_json::to_value(params).unwrap() });
        let request = build(endpoint(name).unwrap(), &args, &RequestOptions::default())?;
        Ok(String::from_utf8(request.body.unwrap().1).unwrap())
    }

    #[test]
    fn unknown_parameters_pass_through_and_the_table_validates() {
        let customer = CreateCustomer::new("A").with("fail_existing", "0");
        let sent: Value =
            serde_json::from_str(&body("customers.create", &customer).unwrap()).unwrap();
        assert_eq!(sent, json!({"name": "A", "fail_existing": "0"}));

        let transfer =
            CreateTransfer::new("acc_1", 100, "INR").with("on_hold_until", 1_671_222_870);
        let sent: Value =
            serde_json::from_str(&body("transfers.create", &transfer).unwrap()).unwrap();
        assert_eq!(sent["on_hold_until"], 1_671_222_870);
        assert_eq!(sent["amount"], 100);

        let negative = CreateTransfer::new("acc_1", -1, "INR");
        assert_eq!(
            body("transfers.create", &negative).unwrap_err().code(),
            "ARGUMENT_INVALID"
        );
        let mut noisy = CreateCustomer::new("A");
        for i in 0..16 {
            noisy = noisy.note(format!("k{i}"), "v");
        }
        assert_eq!(
            body("customers.create", &noisy).unwrap_err().code(),
            "NOTES_TOO_MANY"
        );
    }
}
