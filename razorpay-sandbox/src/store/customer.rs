//! Customers: create (with `fail_existing`), fetch, edit, list.

use serde_json::{Map, Value, json};

use super::fields::{self, Params};
use super::{Store, listing, notes_json};
use crate::api_error::ApiError;
use crate::ids::new_id;

/// One customer as the sandbox keeps it.
#[derive(Debug, Clone)]
pub struct CustomerRec {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub contact: Option<String>,
    pub gstin: Option<String>,
    pub notes: Map<String, Value>,
    pub created_at: i64,
    /// Index in `Store::customer_ids`, set by `Store::add_customer` (the customer index keys
    /// on it to keep creation order).
    pub position: usize,
}

impl CustomerRec {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id, "entity": "customer", "name": self.name, "email": self.email,
            "contact": self.contact, "gstin": self.gstin, "notes": notes_json(&self.notes),
            "created_at": self.created_at,
        })
    }
}

const FIELDS: &[&str] = &["name", "email", "contact", "gstin", "notes"];

impl Store {
    /// `POST /v1/customers`: `fail_existing` `1` (default) refuses a customer whose email and
    /// contact are already known; `0` answers the existing one.
    pub fn create_customer(&mut self, params: &Params) -> Result<Value, ApiError> {
        let mut allowed = FIELDS.to_vec();
        allowed.push("fail_existing");
        fields::reject_unknown(params, &allowed)?;
        let fail_existing = fields::boolean(params, "fail_existing")?.unwrap_or(true);
        let name = fields::string(params, "name")?;
        if name.as_ref().is_some_and(|n| n.chars().count() > 50) {
            return Err(ApiError::invalid_field(
                "name",
                "The name may not be greater than 50 characters.",
            ));
        }
        let email = fields::string(params, "email")?;
        let contact = fields::string(params, "contact")?;
        if let Some(existing) = self
            .customer_index
            .oldest(&email, &contact)
            .and_then(|position| self.customer_ids.get(position))
            .and_then(|id| self.customers.get(id))
        {
            if fail_existing {
                return Err(ApiError::bad_request(
                    "Customer already exists for the merchant",
                ));
            }
            return Ok(existing.to_json());
        }
        let customer = CustomerRec {
            id: new_id("cust"),
            name,
            email,
            contact,
            gstin: fields::string(params, "gstin")?,
            notes: fields::notes(params)?,
            created_at: self.now(),
            position: 0,
        };
        let body = customer.to_json();
        self.add_customer(customer);
        Ok(body)
    }

    /// Keeps a new customer: in creation order, by id, and by (email, contact).
    pub(super) fn add_customer(&mut self, mut customer: CustomerRec) {
        customer.position = self.customer_ids.len();
        self.customer_index
            .insert(customer.position, &customer.email, &customer.contact);
        self.customer_ids.push(customer.id.clone());
        self.customers.insert(customer.id.clone(), customer);
    }

    /// `GET /v1/customers/:id`
    pub fn fetch_customer(&self, id: &str) -> Result<Value, ApiError> {
        self.customers
            .get(id)
            .map(CustomerRec::to_json)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `PUT /v1/customers/:id`: `name`, `email`, `contact`, `gstin`, `notes`.
    pub fn edit_customer(&mut self, id: &str, params: &Params) -> Result<Value, ApiError> {
        fields::reject_unknown(params, FIELDS)?;
        let notes = params
            .contains_key("notes")
            .then(|| fields::notes(params))
            .transpose()?;
        let (name, email, contact, gstin) = (
            fields::string(params, "name")?,
            fields::string(params, "email")?,
            fields::string(params, "contact")?,
            fields::string(params, "gstin")?,
        );
        let customer = self
            .customers
            .get_mut(id)
            .ok_or_else(ApiError::id_not_found)?;
        let before = (customer.email.clone(), customer.contact.clone());
        customer.name = name.or(customer.name.take());
        customer.email = email.or(customer.email.take());
        customer.contact = contact.or(customer.contact.take());
        self.customer_index.update(
            customer.position,
            &before,
            &(customer.email.clone(), customer.contact.clone()),
        );
        customer.gstin = gstin.or(customer.gstin.take());
        if let Some(notes) = notes {
            customer.notes = notes;
        }
        Ok(customer.to_json())
    }

    /// `GET /v1/customers`
    pub fn list_customers(&self, query: &Params) -> Result<Value, ApiError> {
        let window = listing::Window::parse(query, &[])?;
        let items = self
            .customer_ids
            .iter()
            .rev()
            .filter_map(|id| self.customers.get(id))
            .filter(|c| window.contains(c.created_at))
            .map(CustomerRec::to_json);
        Ok(listing::collection(window.page(items)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(value: Value) -> Params {
        value.as_object().cloned().unwrap_or_default()
    }

    fn create(store: &mut Store, email: &str, fail_existing: bool) -> Result<Value, ApiError> {
        store.create_customer(&params(json!({
            "email": email, "contact": "9000000001",
            "fail_existing": if fail_existing { "1" } else { "0" },
        })))
    }

    /// Edits move a customer in the (email, contact) index: the existing customer answered is
    /// always the oldest one holding the pair now, as the former scan in creation order found.
    #[test]
    fn edits_keep_the_existing_customer_rule() {
        let mut store = Store::new(false);
        let a = create(&mut store, "a@example.com", true).expect("a")["id"].clone();
        let b = create(&mut store, "b@example.com", true).expect("b")["id"].clone();
        let b_id = b.as_str().expect("id").to_string();
        store
            .edit_customer(&b_id, &params(json!({"email": "a@example.com"})))
            .expect("edit b");
        assert_eq!(
            create(&mut store, "a@example.com", false).expect("a")["id"],
            a
        );
        let a_id = a.as_str().expect("id").to_string();
        store
            .edit_customer(&a_id, &params(json!({"email": "c@example.com"})))
            .expect("edit a");
        assert_eq!(
            create(&mut store, "a@example.com", false).expect("b")["id"],
            b
        );
        assert!(create(&mut store, "c@example.com", true).is_err());
        // Nobody holds b@example.com any more: a new customer is created.
        let fresh = create(&mut store, "b@example.com", true).expect("new");
        assert!(fresh["id"] != a && fresh["id"] != b);
        assert_eq!(store.customer_ids.len(), 3);
    }
}
