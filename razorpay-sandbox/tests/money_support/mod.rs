//! Helpers shared by the money-movement tests (settlements, disputes, QR codes, virtual
//! accounts): the Rust client's table-driven `request`, sandbox controls over HTTP, and the
//! webhooks a sandbox sent.
#![allow(dead_code)]

use std::time::Duration;

use razorpay_core::api::RequestOptions;
use razorpay_core::client::{ClientError, RazorpayClient};
use razorpay_sandbox::Sandbox;
use serde_json::{Value, json};

/// A sandbox delivering webhooks to a receiver that answers 200, and a client bound to it.
pub async fn start() -> (Sandbox, RazorpayClient) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let app = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let sandbox = Sandbox::builder()
        .webhook(url)
        .start()
        .await
        .expect("sandbox");
    let client = sandbox.client().expect("client");
    (sandbox, client)
}

/// One table method through the client, e.g. `call(&c, "settlements.all", json!({}))`.
pub async fn call(client: &RazorpayClient, name: &str, args: Value) -> Result<Value, ClientError> {
    client
        .request(name, &args, &RequestOptions::default())
        .await
}

/// Like [`call`], for calls that must succeed.
pub async fn ok(client: &RazorpayClient, name: &str, args: Value) -> Value {
    match call(client, name, args).await {
        Ok(value) => value,
        Err(error) => panic!("{name}: {error}"),
    }
}

/// The description of Razorpay's error body of a call that must fail with 400.
pub async fn refused(client: &RazorpayClient, name: &str, args: Value) -> String {
    match call(client, name, args).await {
        Err(ClientError::BadRequest { status, error }) => {
            assert_eq!((status, error.code.as_str()), (400, "BAD_REQUEST_ERROR"));
            error.description
        }
        Err(ClientError::NotFound { error, .. }) => {
            error.map(|e| e.description).unwrap_or_default()
        }
        other => panic!("{name} should be refused: {other:?}"),
    }
}

/// A sandbox control: `POST /sandbox{path}` with a JSON body; (status, answer).
pub async fn control(sandbox: &Sandbox, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/sandbox{path}", sandbox.url()))
        .json(&body)
        .send()
        .await
        .expect("control answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("control JSON"))
}

/// A captured card payment of `amount` paise through an order and simulated Checkout.
pub async fn captured_payment(sandbox: &Sandbox, client: &RazorpayClient, amount: i64) -> Value {
    let order = ok(
        client,
        "orders.create",
        json!({"params": {"amount": amount, "currency": "INR", "receipt": "rcpt_money"}}),
    )
    .await;
    let paid = sandbox
        .pay(order["id"].as_str().expect("order id"))
        .expect("paid");
    ok(
        client,
        "payments.fetch",
        json!({"payment_id": paid.payment_id()}),
    )
    .await
}

/// Every webhook sent so far, in order: (event, parsed body).
pub async fn webhooks(sandbox: &Sandbox) -> Vec<(String, Value)> {
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    sandbox
        .webhook_deliveries()
        .into_iter()
        .map(|d| {
            (
                d.event,
                serde_json::from_str(&d.body).expect("webhook JSON"),
            )
        })
        .collect()
}

/// The names of the webhooks sent so far whose event starts with `prefix`.
pub async fn events(sandbox: &Sandbox, prefix: &str) -> Vec<String> {
    webhooks(sandbox)
        .await
        .into_iter()
        .map(|(event, _)| event)
        .filter(|event| event.starts_with(prefix))
        .collect()
}

/// The IST calendar date of a Unix timestamp, as Razorpay's recon report counts days.
pub fn ist_date(unix_secs: i64) -> (i64, i64, i64) {
    let days = (unix_secs + 19_800).div_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}
