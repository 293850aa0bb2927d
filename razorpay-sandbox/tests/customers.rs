//! Customers over HTTP: create, `fail_existing`, fetch, edit (PUT, as Razorpay), list.

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

#[tokio::test]
async fn customers_are_created_once_edited_and_listed() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let gaurav = json!({"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com",
                        "contact": "9123456780", "notes": {"notes_key_1": "Tea, Earl Grey, Hot"}});
    let (status, created) = call(
        &sandbox,
        reqwest::Method::POST,
        "/v1/customers",
        Some(gaurav.clone()),
    )
    .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "cust"));
    assert_eq!(created["entity"], "customer");

    let (status, again) = call(
        &sandbox,
        reqwest::Method::POST,
        "/v1/customers",
        Some(gaurav.clone()),
    )
    .await;
    assert_eq!(
        (status, &again["error"]["description"]),
        (400, &json!("Customer already exists for the merchant"))
    );
    let mut existing = gaurav.clone();
    existing["fail_existing"] = json!("0");
    let (status, same) = call(
        &sandbox,
        reqwest::Method::POST,
        "/v1/customers",
        Some(existing),
    )
    .await;
    assert_eq!((status, &same["id"]), (200, &json!(id)));

    let (status, edited) = call(
        &sandbox,
        reqwest::Method::PUT,
        &format!("/v1/customers/{id}"),
        Some(json!({"name": "Gaurav K", "email": "gaurav.k@example.com"})),
    )
    .await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(
        (&edited["name"], &edited["email"], &edited["contact"]),
        (
            &json!("Gaurav K"),
            &json!("gaurav.k@example.com"),
            &json!("9123456780")
        )
    );
    let (_, fetched) = call(
        &sandbox,
        reqwest::Method::GET,
        &format!("/v1/customers/{id}"),
        None,
    )
    .await;
    assert_eq!(fetched, edited);
    let (_, listed) = call(&sandbox, reqwest::Method::GET, "/v1/customers", None).await;
    assert_eq!(
        (&listed["count"], &listed["items"][0]["id"]),
        (&json!(1), &json!(id))
    );
    let (status, _) = call(
        &sandbox,
        reqwest::Method::GET,
        "/v1/customers/cust_DBJOWzybf0sJbb",
        None,
    )
    .await;
    assert_eq!(status, 400);
}
