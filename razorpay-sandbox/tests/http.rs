//! The sandbox's HTTP answers byte for byte: Razorpay's error bodies, ids, and the `/sandbox`
//! control endpoints, exercised with a plain HTTP client (no razorpay-core client involved).

use razorpay_sandbox::{Sandbox, is_razorpay_id};
use serde_json::{Value, json};

struct Api {
    http: reqwest::Client,
    sandbox: Sandbox,
}

impl Api {
    async fn start() -> Self {
        Self {
            http: reqwest::Client::new(),
            sandbox: Sandbox::start().await.expect("sandbox"),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.url())
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.send().await.expect("answer");
        let status = response.status().as_u16();
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/json")
        );
        (status, response.json().await.expect("JSON body"))
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let request = self
            .http
            .post(self.url(path))
            .basic_auth(self.sandbox.key_id(), Some(self.sandbox.key_secret()));
        self.send(request.json(&body)).await
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(
            self.http
                .get(self.url(path))
                .basic_auth(self.sandbox.key_id(), Some(self.sandbox.key_secret())),
        )
        .await
    }
}

fn error(description: &str, origin: [&str; 3], field: Option<&str>) -> Value {
    let mut body = json!({
        "code": "BAD_REQUEST_ERROR",
        "description": description,
        "source": origin[0],
        "step": origin[1],
        "reason": origin[2],
        "metadata": {},
    });
    if let Some(field) = field {
        body["field"] = json!(field);
    }
    json!({ "error": body })
}

const NA: [&str; 3] = ["NA", "NA", "NA"];
const INPUT: [&str; 3] = ["business", "payment_initiation", "input_validation_failed"];

#[tokio::test]
async fn authentication_failures_answer_401_with_razorpays_bodies() {
    let api = Api::start().await;
    let orders = api.url("/v1/orders");
    let cases = [
        (
            api.http.get(&orders),
            "Please provide your api key for authentication purposes.",
        ),
        (
            api.http
                .get(&orders)
                .basic_auth("rzp_test_other", Some(api.sandbox.key_secret())),
            "The api key provided is invalid",
        ),
        (
            api.http
                .get(&orders)
                .basic_auth(api.sandbox.key_id(), Some("wrong")),
            "Authentication failed",
        ),
        (
            api.http
                .get(&orders)
                .header("authorization", "basic Zm9vOmJhcg=="),
            "Please provide your api key for authentication purposes.",
        ),
    ];
    for (request, description) in cases {
        assert_eq!(api.send(request).await, (401, error(description, NA, None)));
    }
}

#[tokio::test]
async fn validation_errors_match_razorpays_documented_bodies() {
    let api = Api::start().await;
    assert_eq!(
        api.post("/v1/orders", json!({"amount": 50, "currency": "INR"}))
            .await,
        (
            400,
            error(
                "The amount must be at least INR 1.00",
                INPUT,
                Some("amount")
            )
        )
    );
    assert_eq!(
        api.post("/v1/orders", json!({"amount": 100.5, "currency": "INR"}))
            .await,
        (
            400,
            error("The amount must be an integer.", INPUT, Some("amount"))
        )
    );
    assert_eq!(
        api.post("/v1/orders", json!({"currency": "INR"})).await,
        (
            400,
            error("The amount field is required.", INPUT, Some("amount"))
        )
    );
    assert_eq!(
        api.post(
            "/v1/orders",
            json!({"amount": 100, "currency": "INR", "colour": "red"})
        )
        .await,
        (
            400,
            error(
                "colour is/are not required and should not be sent",
                ["business", "payment_initiation", "extra_field_sent"],
                Some("colour")
            )
        )
    );
    assert_eq!(
        api.post(
            "/v1/orders",
            json!({"amount": 100, "currency": "INR", "receipt": "r".repeat(41)})
        )
        .await,
        (
            400,
            error(
                "The receipt may not be greater than 40 characters.",
                INPUT,
                Some("receipt")
            )
        )
    );
    assert_eq!(
        api.get("/v1/orders/order_DBJOWzybf0sJbb").await,
        (400, error("The id provided does not exist", INPUT, None))
    );
    assert_eq!(
        api.get("/v1/no_such_resource").await,
        (
            404,
            error("The requested URL was not found on the server.", NA, None)
        )
    );
}

#[tokio::test]
async fn entities_have_razorpay_ids_and_empty_notes_are_arrays() {
    let api = Api::start().await;
    let (status, order) = api
        .post("/v1/orders", json!({"amount": 100, "currency": "INR"}))
        .await;
    assert_eq!(status, 200);
    let id = order["id"].as_str().unwrap_or_default();
    assert!(is_razorpay_id(id, "order"), "{id}");
    assert_eq!(order["notes"], json!([]));
    assert_eq!(order["receipt"], Value::Null);
    let (status, checkout) = api
        .send(
            api.http
                .post(api.url("/sandbox/checkout"))
                .json(&json!({"order_id": id})),
        )
        .await;
    assert_eq!(status, 200);
    let payment_id = checkout["razorpay_payment_id"].as_str().unwrap_or_default();
    assert!(is_razorpay_id(payment_id, "pay"));
    let (_, refund) = api
        .post(
            &format!("/v1/payments/{payment_id}/refund"),
            json!({"amount": 100}),
        )
        .await;
    assert!(
        is_razorpay_id(refund["id"].as_str().unwrap_or_default(), "rfnd"),
        "{refund}"
    );
    let (status, again) = api
        .post(&format!("/v1/payments/{payment_id}/refund"), json!({}))
        .await;
    assert_eq!(
        (status, again),
        (
            400,
            error("The payment has been fully refunded already", NA, None)
        )
    );
}

#[tokio::test]
async fn form_encoded_bodies_work_like_razorpays_curl_examples() {
    let api = Api::start().await;
    let request = api
        .http
        .post(api.url("/v1/orders"))
        .basic_auth(api.sandbox.key_id(), Some(api.sandbox.key_secret()))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("amount=100&currency=INR&receipt=rcptid+%231&payment_capture=0&notes[note_key]=Beam+me+up");
    let (status, order) = api.send(request).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(
        (order["amount"].clone(), order["receipt"].clone()),
        (json!(100), json!("rcptid #1"))
    );
    assert_eq!(order["notes"], json!({"note_key": "Beam me up"}));
}

#[tokio::test]
async fn checkout_failures_hand_back_razorpays_error_object() {
    let api = Api::start().await;
    let (_, order) = api
        .post("/v1/orders", json!({"amount": 1000, "currency": "INR"}))
        .await;
    let body = json!({"order_id": order["id"], "outcome": "failure", "error": {"code": "GATEWAY_ERROR", "reason": "insufficient_funds"}});
    let (status, failure) = api
        .send(api.http.post(api.url("/sandbox/checkout")).json(&body))
        .await;
    assert_eq!(status, 400);
    assert_eq!(failure["error"]["code"], "GATEWAY_ERROR");
    assert_eq!(failure["error"]["reason"], "insufficient_funds");
    assert_eq!(failure["error"]["metadata"]["order_id"], order["id"]);
    let payment_id = failure["error"]["metadata"]["payment_id"]
        .as_str()
        .unwrap_or_default();
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(
        (payment["status"].as_str(), payment["error_code"].as_str()),
        (Some("failed"), Some("GATEWAY_ERROR"))
    );
}

#[tokio::test]
async fn faults_can_be_scripted_over_http_and_are_logged() {
    let api = Api::start().await;
    let faults = json!({"next": [{"kind": "server_error"}, {"kind": "rate_limited", "retry_after_secs": 7}]});
    let (status, _) = api
        .send(api.http.post(api.url("/sandbox/faults")).json(&faults))
        .await;
    assert_eq!(status, 200);
    let (status, body) = api.get("/v1/orders").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (500, Some("SERVER_ERROR"))
    );
    let response = api
        .http
        .get(api.url("/v1/orders"))
        .basic_auth(api.sandbox.key_id(), Some(api.sandbox.key_secret()))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("7")
    );
    assert_eq!(api.get("/v1/orders").await.0, 200);
    let (_, log) = api.send(api.http.get(api.url("/sandbox/requests"))).await;
    let seen: Vec<_> = log["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (r["path"].clone(), r["status"].clone(), r["fault"].clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (json!("/v1/orders"), json!(500), json!("server_error")),
            (json!("/v1/orders"), json!(429), json!("rate_limited")),
            (json!("/v1/orders"), json!(200), Value::Null),
        ]
    );
}

#[tokio::test]
async fn the_sandbox_hands_out_a_ready_client() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    assert_eq!(client.config().get_base_url(), sandbox.url());
    let order = client
        .orders()
        .create(&razorpay_core::client::CreateOrder::new(100, "INR"))
        .await
        .expect("order");
    assert!(is_razorpay_id(&order.id, "order"));
}
