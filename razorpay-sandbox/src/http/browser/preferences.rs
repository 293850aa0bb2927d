//! `GET /sandbox/checkout/preferences`: what the Checkout frame asks before it shows the form
//! (Razorpay's Checkout asks its own `/v1/preferences` the same way). It checks the options
//! the page passed against the account and the order, and answers the order's amount to show,
//! or one of Razorpay's error bodies for the frame to display.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api_error::ApiError;
use crate::currency;
use crate::http::auth::{INVALID_KEY, MISSING_KEY};
use crate::shared::Shared;
use crate::sync::lock;

/// The Checkout options that need the server to judge them.
#[derive(Debug, Default, Deserialize)]
pub struct CheckoutOptions {
    key_id: Option<String>,
    order_id: Option<String>,
    subscription_id: Option<String>,
    amount: Option<String>,
    currency: Option<String>,
}

pub async fn preferences(
    State(shared): State<Arc<Shared>>,
    Query(options): Query<CheckoutOptions>,
) -> Result<Json<Value>, ApiError> {
    match options.key_id.as_deref() {
        None | Some("") => return Err(ApiError::unauthorized(MISSING_KEY)),
        Some(key) if key != shared.key_id => return Err(ApiError::unauthorized(INVALID_KEY)),
        Some(_) => {}
    }
    let order_id = options.order_id.as_deref().unwrap_or_default();
    if let Some(subscription_id) = options
        .subscription_id
        .as_deref()
        .filter(|id| !id.is_empty())
    {
        return subscription_preferences(&shared, subscription_id).map(Json);
    }
    if order_id.is_empty() {
        // Razorpay also takes payments without an order; the sandbox's Checkout pays orders only.
        return Err(ApiError::invalid_field(
            "order_id",
            "The order_id field is required.",
        ));
    }
    let order = lock(&shared.store).fetch_order(order_id)?;
    check_order(&order, &options)?;
    let amount_due = order["amount_due"].as_i64().unwrap_or_default();
    let code = order["currency"].as_str().unwrap_or_default();
    let display = currency::lookup(code)
        .map(|rule| currency::display_amount(code, amount_due, rule))
        .unwrap_or_else(|| format!("{code} {amount_due}"));
    Ok(Json(json!({
        "key_id": shared.key_id,
        "order": {
            "id": order["id"],
            "amount": order["amount"],
            "amount_due": amount_due,
            "currency": code,
            "status": order["status"],
        },
        "display_amount": display,
        "methods": ["card", "upi", "netbanking", "wallet"],
    })))
}

/// Checkout opened with `subscription_id`: the subscription must still await its
/// authentication payment; the amount shown is the plan's amount times the quantity (what the
/// first charge takes when the subscription starts at once).
fn subscription_preferences(shared: &Shared, subscription_id: &str) -> Result<Value, ApiError> {
    let store = lock(&shared.store);
    let subscription = store.fetch_subscription(subscription_id)?;
    if subscription["status"] != "created" {
        return Err(ApiError::bad_request(format!(
            "Subscription is not in created state, it is {}",
            subscription["status"].as_str().unwrap_or_default()
        )));
    }
    let plan = store.fetch_plan(subscription["plan_id"].as_str().unwrap_or_default())?;
    let code = plan["item"]["currency"]
        .as_str()
        .unwrap_or("INR")
        .to_string();
    let amount = plan["item"]["amount"]
        .as_i64()
        .unwrap_or_default()
        .saturating_mul(subscription["quantity"].as_i64().unwrap_or(1));
    let display = currency::lookup(&code)
        .map(|rule| currency::display_amount(&code, amount, rule))
        .unwrap_or_else(|| format!("{code} {amount}"));
    Ok(json!({
        "key_id": shared.key_id,
        "subscription": {
            "id": subscription["id"],
            "plan_id": subscription["plan_id"],
            "status": subscription["status"],
        },
        "display_amount": display,
        "methods": ["card", "upi", "netbanking", "wallet"],
    }))
}

/// The checks Checkout makes of `amount` and `currency` against the order it was opened with.
/// Pure, so each rule has a unit test.
fn check_order(order: &Value, options: &CheckoutOptions) -> Result<(), ApiError> {
    if order["status"] == "paid" {
        return Err(ApiError::bad_request("Order has already been paid"));
    }
    if let Some(currency) = options.currency.as_deref().filter(|c| !c.is_empty())
        && order["currency"].as_str() != Some(currency)
    {
        return Err(ApiError::invalid_field(
            "currency",
            "Currency should be same as order currency",
        ));
    }
    let Some(raw) = options.amount.as_deref().filter(|a| !a.is_empty()) else {
        return Ok(());
    };
    // Checkout takes the amount as a number or a numeric string, in minor units.
    let amount: i64 = raw
        .trim()
        .parse()
        .map_err(|_| ApiError::invalid_field("amount", "The amount must be an integer."))?;
    let partial = order["partial_payment"].as_bool().unwrap_or(false);
    let expected = order["amount"].as_i64().unwrap_or_default();
    let due = order["amount_due"].as_i64().unwrap_or_default();
    if !partial && amount != expected {
        return Err(ApiError::invalid_field(
            "amount",
            "The amount must be equal to the order amount",
        ));
    }
    if partial && (amount <= 0 || amount > due) {
        return Err(ApiError::invalid_field(
            "amount",
            "The amount must not exceed the amount due",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(status: &str, partial: bool) -> Value {
        let mut order = json!({
            "id": "order_a", "amount": 1000, "amount_due": 600, "currency": "INR", "status": status,
        });
        if partial {
            order["partial_payment"] = json!(true);
        }
        order
    }

    fn options(amount: Option<&str>, currency: Option<&str>) -> CheckoutOptions {
        CheckoutOptions {
            amount: amount.map(str::to_string),
            currency: currency.map(str::to_string),
            ..CheckoutOptions::default()
        }
    }

    fn field(result: Result<(), ApiError>) -> String {
        result
            .err()
            .map(|e| e.description().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn amount_must_equal_the_order_amount() {
        let created = order("created", false);
        assert!(check_order(&created, &options(Some("1000"), Some("INR"))).is_ok());
        assert!(check_order(&created, &options(None, None)).is_ok());
        assert_eq!(
            field(check_order(&created, &options(Some("999"), None))),
            "The amount must be equal to the order amount"
        );
        assert_eq!(
            field(check_order(&created, &options(Some("10.5"), None))),
            "The amount must be an integer."
        );
    }

    #[test]
    fn partial_payment_orders_take_up_to_the_amount_due() {
        let partial = order("attempted", true);
        assert!(check_order(&partial, &options(Some("600"), None)).is_ok());
        assert_eq!(
            field(check_order(&partial, &options(Some("601"), None))),
            "The amount must not exceed the amount due"
        );
    }

    #[test]
    fn currency_and_paid_orders_are_refused() {
        assert_eq!(
            field(check_order(
                &order("created", false),
                &options(None, Some("USD"))
            )),
            "Currency should be same as order currency"
        );
        assert_eq!(
            field(check_order(&order("paid", false), &options(None, None))),
            "Order has already been paid"
        );
    }
}
