//! Saved-card tokens: a Checkout with `save: 1` and a `customer_id` saves the card on the
//! customer; `GET /v1/customers/:id/tokens[/:token_id]`, `DELETE …/tokens/:token_id`.

use serde_json::{Value, json};

use super::{Store, listing};
use crate::api_error::ApiError;
use crate::ids::{new_id, random_base62};

/// Seconds a saved card stays valid in the sandbox (the test card's expiry: about 5 years).
const CARD_VALIDITY_SECS: i64 = 5 * 365 * 24 * 60 * 60;

/// One saved card.
#[derive(Debug, Clone)]
pub struct TokenRec {
    pub id: String,
    pub customer_id: String,
    /// The opaque `token` string Checkout shows for the saved card.
    pub token: String,
    pub used_at: i64,
    pub created_at: i64,
    pub expired_at: i64,
}

impl TokenRec {
    /// Shaped like Razorpay's "Fetch Tokens by Customer ID" sample, for the sandbox's test
    /// card (the same card the payment's `card` object describes).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "entity": "token", "token": self.token,
            "bank": null, "wallet": null, "method": "card",
            "card": {
                "entity": "card", "name": "Gaurav Kumar", "last4": "1111", "network": "Visa",
                "type": "debit", "issuer": null, "international": false, "emi": false,
                "sub_type": "consumer", "expiry_month": 12,
                "expiry_year": civil_year(self.expired_at),
                "flows": { "otp": true, "recurring": false },
            },
            "recurring": false,
            "recurring_details": { "status": "not_applicable", "failure_reason": null },
            "auth_type": null, "mrn": null, "used_at": self.used_at,
            "created_at": self.created_at, "expired_at": self.expired_at,
            "dcc_enabled": false, "billing_address": null,
        })
    }
}

/// The calendar year of a Unix time (proleptic Gregorian, UTC).
fn civil_year(at: i64) -> i64 {
    super::calendar::civil_from_unix(at).0
}

impl Store {
    /// Saves the checkout's card on `customer_id` (or reuses the token already saved for the
    /// sandbox's one test card) and answers the token id for the payment's `token_id`.
    pub(super) fn save_card_token(&mut self, customer_id: &str) -> String {
        let now = self.now();
        if let Some(token) = self
            .billing
            .tokens
            .values_mut()
            .find(|t| t.customer_id == customer_id)
        {
            token.used_at = now;
            return token.id.clone();
        }
        let token = TokenRec {
            id: new_id("token"),
            customer_id: customer_id.to_string(),
            token: random_base62(14),
            used_at: now,
            created_at: now,
            expired_at: now.saturating_add(CARD_VALIDITY_SECS),
        };
        let id = token.id.clone();
        self.billing.token_ids.push(id.clone());
        self.billing.tokens.insert(id.clone(), token);
        id
    }

    /// Whether `customer_id` is a known customer (Checkout refuses to save for others).
    pub(super) fn has_customer(&self, customer_id: &str) -> bool {
        self.customers.contains_key(customer_id)
    }

    /// `GET /v1/customers/:id/tokens`
    pub fn customer_tokens(&self, customer_id: &str) -> Result<Value, ApiError> {
        self.fetch_customer(customer_id)?;
        let items = self
            .billing
            .token_ids
            .iter()
            .rev()
            .filter_map(|id| self.billing.tokens.get(id))
            .filter(|t| t.customer_id == customer_id)
            .map(TokenRec::to_json)
            .collect();
        Ok(listing::collection(items))
    }

    fn customer_token(&self, customer_id: &str, token_id: &str) -> Result<&TokenRec, ApiError> {
        self.fetch_customer(customer_id)?;
        self.billing
            .tokens
            .get(token_id)
            .filter(|t| t.customer_id == customer_id)
            .ok_or_else(ApiError::id_not_found)
    }

    /// `GET /v1/customers/:id/tokens/:token_id`
    pub fn customer_token_json(
        &self,
        customer_id: &str,
        token_id: &str,
    ) -> Result<Value, ApiError> {
        self.customer_token(customer_id, token_id)
            .map(TokenRec::to_json)
    }

    /// `DELETE /v1/customers/:id/tokens/:token_id`: `{"deleted": true}`. Payments keep the
    /// `token_id` they were made with, as at Razorpay.
    pub fn delete_customer_token(
        &mut self,
        customer_id: &str,
        token_id: &str,
    ) -> Result<Value, ApiError> {
        self.customer_token(customer_id, token_id)?;
        self.billing.tokens.remove(token_id);
        self.billing.token_ids.retain(|id| id != token_id);
        Ok(json!({ "deleted": true }))
    }
}
