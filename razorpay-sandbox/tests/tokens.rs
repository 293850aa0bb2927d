//! Saved-card tokens through the Rust client's table calls: a Checkout with `save: 1` and a
//! `customer_id` saves the card (the payment's `token_id`), the customer lists and fetches
//! it, deleting it removes it; a second save of the same card reuses the token.

mod common;

use common::{call, keys, ok, refused};
use razorpay_sandbox::{CheckoutMethod, CheckoutRequest, Sandbox};
use serde_json::json;

#[tokio::test]
async fn a_saved_card_becomes_the_customers_token_until_deleted() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let customer = ok(
        &client,
        "customers.create",
        json!({"params": {"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com"}}),
    )
    .await;
    let customer_id = customer["id"].as_str().expect("id").to_string();
    let empty = ok(
        &client,
        "customers.fetchTokens",
        json!({"customer_id": customer_id}),
    )
    .await;
    assert_eq!(
        (&empty["entity"], &empty["count"]),
        (&json!("collection"), &json!(0))
    );

    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 50_000, "currency": "INR"}}),
    )
    .await;
    let paid = sandbox
        .checkout(&CheckoutRequest::new(order["id"].as_str().expect("id")).save_card(&customer_id))
        .expect("paid");
    let payment = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": paid.payment_id()}),
    )
    .await;
    let token_id = payment["token_id"].as_str().expect("token_id").to_string();
    assert!(
        razorpay_sandbox::is_razorpay_id(&token_id, "token"),
        "{token_id}"
    );

    let tokens = ok(
        &client,
        "customers.fetchTokens",
        json!({"customer_id": customer_id}),
    )
    .await;
    assert_eq!(tokens["count"], 1);
    assert_eq!(tokens["items"][0]["id"], json!(token_id));
    let token = ok(
        &client,
        "customers.fetchToken",
        json!({"customer_id": customer_id, "token_id": token_id}),
    )
    .await;
    assert_eq!(token, tokens["items"][0]);
    assert_eq!(
        (&token["entity"], &token["method"]),
        (&json!("token"), &json!("card"))
    );
    assert_eq!(
        token["card"]["last4"],
        payment_card_last4(&sandbox, paid.payment_id()).await
    );
    // The documented token entity's keys.
    assert_eq!(
        keys(&token),
        [
            "auth_type",
            "bank",
            "billing_address",
            "card",
            "created_at",
            "dcc_enabled",
            "entity",
            "expired_at",
            "id",
            "method",
            "mrn",
            "recurring",
            "recurring_details",
            "token",
            "used_at",
            "wallet",
        ]
    );

    // Paying with the same card again and saving it reuses the token.
    let again = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 10_000, "currency": "INR"}}),
    )
    .await;
    let paid_again = sandbox
        .checkout(&CheckoutRequest::new(again["id"].as_str().expect("id")).save_card(&customer_id))
        .expect("paid");
    let second = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": paid_again.payment_id()}),
    )
    .await;
    assert_eq!(second["token_id"], json!(token_id));

    // Without `save`, or for UPI, nothing is saved.
    let upi = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 10_000, "currency": "INR"}}),
    )
    .await;
    let mut request =
        CheckoutRequest::new(upi["id"].as_str().expect("id")).method(CheckoutMethod::Upi);
    request.customer_id = Some(customer_id.clone());
    request.save = true;
    sandbox.checkout(&request).expect("paid");
    let tokens = ok(
        &client,
        "customers.fetchTokens",
        json!({"customer_id": customer_id}),
    )
    .await;
    assert_eq!(tokens["count"], 1);

    let deleted = ok(
        &client,
        "customers.deleteToken",
        json!({"customer_id": customer_id, "token_id": token_id}),
    )
    .await;
    assert_eq!(deleted, json!({"deleted": true}));
    let tokens = ok(
        &client,
        "customers.fetchTokens",
        json!({"customer_id": customer_id}),
    )
    .await;
    assert_eq!(tokens["count"], 0);
    assert_eq!(
        refused(
            &client,
            "customers.fetchToken",
            json!({"customer_id": customer_id, "token_id": token_id}),
        )
        .await,
        "The id provided does not exist"
    );
    // The payment keeps the token it was made with.
    let payment = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": paid.payment_id()}),
    )
    .await;
    assert_eq!(payment["token_id"], json!(token_id));
}

/// The `last4` of the payment's card (`GET /v1/payments/:id?expand[]=card`).
async fn payment_card_last4(sandbox: &Sandbox, payment_id: &str) -> serde_json::Value {
    let payment: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{}/v1/payments/{payment_id}?expand[]=card",
            sandbox.url()
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .send()
        .await
        .expect("answer")
        .json()
        .await
        .expect("JSON");
    payment["card"]["last4"].clone()
}

#[tokio::test]
async fn saving_for_an_unknown_customer_is_refused_and_tokens_are_per_customer() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 5_000, "currency": "INR"}}),
    )
    .await;
    let order_id = order["id"].as_str().expect("id");
    let error = sandbox
        .checkout(&CheckoutRequest::new(order_id).save_card("cust_DBJOWzybf0sJbb"))
        .expect_err("unknown customer");
    assert_eq!(error.description(), "The id provided does not exist");

    let first = ok(
        &client,
        "customers.create",
        json!({"params": {"email": "a@example.com"}}),
    )
    .await;
    let other = ok(
        &client,
        "customers.create",
        json!({"params": {"email": "b@example.com"}}),
    )
    .await;
    let paid = sandbox
        .checkout(&CheckoutRequest::new(order_id).save_card(first["id"].as_str().expect("id")))
        .expect("paid");
    let token_id = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": paid.payment_id()}),
    )
    .await["token_id"]
        .clone();
    // Another customer's token is not found under this one.
    let result = call(
        &client,
        "customers.fetchToken",
        json!({"customer_id": other["id"], "token_id": token_id}),
    )
    .await;
    assert!(result.is_err(), "{result:?}");
    let none = ok(
        &client,
        "customers.fetchTokens",
        json!({"customer_id": other["id"]}),
    )
    .await;
    assert_eq!(none["count"], 0);
}
