//! Payment links end to end over HTTP: create, partial then full payment with the signed
//! callback fields, `payment_link.*` webhooks, cancel, expiry on sandbox time, and the shape
//! of the entity compared key by key with Razorpay's SDK fixture.

use std::time::Duration;

use razorpay_core::verify_payment_link_signature;
use razorpay_sandbox::Sandbox;
use serde_json::{Value, json};

async fn call(
    sandbox: &Sandbox,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

async fn post(sandbox: &Sandbox, path: &str, body: Value) -> (u16, Value) {
    call(sandbox, reqwest::Method::POST, path, Some(body)).await
}

async fn get(sandbox: &Sandbox, path: &str) -> (u16, Value) {
    call(sandbox, reqwest::Method::GET, path, None).await
}

async fn ok_receiver() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let app = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// The JSON type of a value, for key-and-type comparisons.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn fixture(path: &str) -> Value {
    let dir = std::env::var_os("CHECKOUT_KIT_FIXTURES").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        std::path::PathBuf::from,
    );
    let text = std::fs::read_to_string(dir.join(path)).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

#[tokio::test]
async fn a_payment_link_is_paid_in_two_parts_with_signed_callbacks_and_webhooks() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let (status, link) = post(
        &sandbox,
        "/v1/payment_links",
        json!({"amount": 10_000, "currency": "INR", "accept_partial": true,
               "first_min_partial_amount": 4_000, "reference_id": "TS1989",
               "description": "Payment for policy no #23456",
               "customer": {"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com", "contact": "+919000090000"},
               "notify": {"sms": true, "email": true}, "notes": {"policy_name": "Jeevan Bima"}}),
    )
    .await;
    assert_eq!(status, 200, "{link}");
    assert_eq!(link["status"], "created");
    let id = link["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "plink"), "{id}");

    // Same keys, same types as the SDK fixture (where both are not null).
    let expected = fixture("razorpay-sdk/razorpay-python/fake_payment_link.json");
    let mut ours: Vec<&String> = link.as_object().expect("object").keys().collect();
    let mut theirs: Vec<&String> = expected.as_object().expect("object").keys().collect();
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
    for (key, value) in expected.as_object().expect("object") {
        if !value.is_null() && !link[key].is_null() && key != "notes" {
            assert_eq!(kind(&link[key]), kind(value), "{key}");
        }
    }

    let (status, duplicate) = post(
        &sandbox,
        "/v1/payment_links",
        json!({"amount": 100, "reference_id": "TS1989"}),
    )
    .await;
    assert_eq!(status, 400, "{duplicate}");

    let (status, too_little) = post(
        &sandbox,
        &format!("/sandbox/payment_links/{id}/pay"),
        json!({"amount": 1_000}),
    )
    .await;
    assert_eq!(status, 400, "{too_little}");
    let (status, first) = post(
        &sandbox,
        &format!("/sandbox/payment_links/{id}/pay"),
        json!({"amount": 4_000, "method": "upi"}),
    )
    .await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["razorpay_payment_link_status"], "partially_paid");
    let paid = sandbox
        .pay_payment_link(&id, razorpay_sandbox::CheckoutMethod::Card, None)
        .expect("rest");
    assert_eq!(
        (paid.status.as_str(), paid.reference_id.as_str()),
        ("paid", "TS1989")
    );
    verify_payment_link_signature(
        &paid.payment_link_id,
        &paid.reference_id,
        &paid.status,
        &paid.payment_id,
        &paid.signature,
        sandbox.key_secret(),
    )
    .expect("callback signature");

    let (_, fetched) = get(&sandbox, &format!("/v1/payment_links/{id}")).await;
    assert_eq!(
        (&fetched["status"], &fetched["amount_paid"]),
        (&json!("paid"), &json!(10_000))
    );
    assert_eq!(fetched["payments"].as_array().map(Vec::len), Some(2));
    let order_id = fetched["order_id"].as_str().expect("order");
    let (_, order) = get(&sandbox, &format!("/v1/orders/{order_id}")).await;
    assert_eq!(order["status"], "paid");
    let (status, _) = post(
        &sandbox,
        &format!("/v1/payment_links/{id}/cancel"),
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "a paid link cannot be cancelled");
    let (_, listed) = get(&sandbox, "/v1/payment_links?reference_id=TS1989").await;
    assert_eq!(listed["payment_links"][0]["id"], json!(id));

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let events: Vec<String> = sandbox
        .webhook_deliveries()
        .into_iter()
        .map(|d| d.event)
        .filter(|e| e.starts_with("payment_link."))
        .collect();
    assert_eq!(events, ["payment_link.partially_paid", "payment_link.paid"]);
    let paid_hook = sandbox
        .webhook_deliveries()
        .into_iter()
        .find(|d| d.event == "payment_link.paid")
        .expect("paid webhook");
    let body: Value = serde_json::from_str(&paid_hook.body).expect("JSON");
    assert_eq!(
        body["contains"],
        json!(["payment_link", "order", "payment"])
    );
}

#[tokio::test]
async fn links_are_cancelled_and_expire_on_sandbox_time() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let (_, cancel_me) = post(&sandbox, "/v1/payment_links", json!({"amount": 500})).await;
    let (status, cancelled) = post(
        &sandbox,
        &format!(
            "/v1/payment_links/{}/cancel",
            cancel_me["id"].as_str().expect("id")
        ),
        json!({}),
    )
    .await;
    assert_eq!((status, &cancelled["status"]), (200, &json!("cancelled")));

    let expire_by = sandbox.now() + 3_600;
    let (status, expiring) = post(
        &sandbox,
        "/v1/payment_links",
        json!({"amount": 500, "expire_by": expire_by}),
    )
    .await;
    assert_eq!(status, 200, "{expiring}");
    let id = expiring["id"].as_str().expect("id");
    let (status, notified) = post(
        &sandbox,
        &format!("/v1/payment_links/{id}/notify_by/sms"),
        json!({}),
    )
    .await;
    assert_eq!((status, notified), (200, json!({"success": true})));
    sandbox.advance_clock(3_601).expect("advance");
    let (_, expired) = get(&sandbox, &format!("/v1/payment_links/{id}")).await;
    assert_eq!(expired["status"], "expired");
    let (status, _) = post(
        &sandbox,
        &format!("/sandbox/payment_links/{id}/pay"),
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "an expired link cannot be paid");

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let events: Vec<String> = sandbox
        .webhook_deliveries()
        .into_iter()
        .map(|d| d.event)
        .collect();
    assert_eq!(events, ["payment_link.cancelled", "payment_link.expired"]);
}
