//! Helpers shared by the billing tests: calls through the Rust client's generic table call
//! (`RazorpayClient::request`, the official method names), webhook receivers, fixtures.

#![allow(dead_code)] // each test crate uses a different subset

use std::path::PathBuf;

use razorpay_core::api::RequestOptions;
use razorpay_core::{ClientError, RazorpayClient};
use razorpay_sandbox::Sandbox;
use serde_json::Value;

/// Calls `name` (e.g. `customers.fetchTokens`) with `args` through the table-driven client.
pub async fn call(client: &RazorpayClient, name: &str, args: Value) -> Result<Value, ClientError> {
    client
        .request(name, &args, &RequestOptions::default())
        .await
}

/// As [`call`], for calls that must succeed.
pub async fn ok(client: &RazorpayClient, name: &str, args: Value) -> Value {
    match call(client, name, args).await {
        Ok(body) => body,
        Err(error) => panic!("{name}: {error}"),
    }
}

/// Razorpay's error description of a failed call.
pub async fn refused(client: &RazorpayClient, name: &str, args: Value) -> String {
    match call(client, name, args).await {
        Ok(body) => panic!("{name} succeeded: {body}"),
        Err(
            ClientError::BadRequest { error, .. }
            | ClientError::NotFound {
                error: Some(error), ..
            },
        ) => error.description.clone(),
        Err(other) => panic!("{name}: unexpected {other}"),
    }
}

/// A webhook receiver that answers 200 to everything.
pub async fn ok_receiver() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let app = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// Names of the delivered webhook events, first attempts only, in emission order.
pub fn events(sandbox: &Sandbox, prefix: &[&str]) -> Vec<String> {
    sandbox
        .webhook_deliveries()
        .into_iter()
        .filter(|d| d.attempt == 1 && !d.duplicate)
        .filter(|d| prefix.iter().any(|p| d.event.starts_with(p)))
        .map(|d| d.event)
        .collect()
}

/// The webhook bodies delivered for `event`.
pub fn bodies(sandbox: &Sandbox, event: &str) -> Vec<Value> {
    sandbox
        .webhook_deliveries()
        .into_iter()
        .filter(|d| d.event == event)
        .map(|d| serde_json::from_str(&d.body).expect("JSON"))
        .collect()
}

/// The repository's `fixtures` directory.
pub fn fixtures() -> PathBuf {
    std::env::var_os("CHECKOUT_KIT_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        PathBuf::from,
    )
}

/// A fixture file as JSON.
pub fn fixture(relative: &str) -> Value {
    let text = std::fs::read_to_string(fixtures().join(relative)).expect(relative);
    serde_json::from_str(&text).expect("fixture JSON")
}

/// Sorted keys of an object.
pub fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}
