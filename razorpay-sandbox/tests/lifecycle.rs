//! Lifecycles that need sandbox time or sandbox controls, end to end over HTTP: refunds that
//! stay pending, then are processed or fail; automatic refund of uncaptured authorizations;
//! late authorization of a failed payment; documented parameters Razorpay accepts; bounds.

use std::time::Duration;

use razorpay_sandbox::{CheckoutOutcome, CheckoutRequest, RefundProcessing, Sandbox};
use serde_json::{Value, json};

struct Api {
    http: reqwest::Client,
    sandbox: Sandbox,
}

impl Api {
    async fn start(sandbox: Sandbox) -> Self {
        Self {
            http: reqwest::Client::new(),
            sandbox,
        }
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.sandbox.url()))
            .basic_auth(self.sandbox.key_id(), Some(self.sandbox.key_secret()));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("answer");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }

    async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }

    /// A captured payment of a fresh order of `amount` paise.
    async fn captured_payment(&self, amount: i64) -> String {
        let (status, order) = self
            .post("/v1/orders", json!({"amount": amount, "currency": "INR"}))
            .await;
        assert_eq!(status, 200, "{order}");
        let order_id = order["id"].as_str().expect("order id");
        self.sandbox
            .pay(order_id)
            .expect("pay")
            .payment_id()
            .to_string()
    }
}

fn events(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .webhook_deliveries()
        .into_iter()
        .filter(|d| !d.duplicate && d.attempt == 1)
        .map(|d| d.event)
        .collect()
}

/// A receiver that answers 200 to everything, counting nothing (deliveries are in the log).
async fn ok_receiver() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let app = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

#[tokio::test]
async fn a_normal_refund_stays_pending_until_processed_and_a_failed_one_is_refundable_again() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .refund_processing(RefundProcessing::Pending)
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let api = Api::start(sandbox).await;
    let payment_id = api.captured_payment(50_000).await;

    let (status, refund) = api
        .post(
            &format!("/v1/payments/{payment_id}/refund"),
            json!({"amount": 20_000}),
        )
        .await;
    assert_eq!(status, 200, "{refund}");
    assert_eq!(
        (&refund["status"], &refund["speed_processed"]),
        (&json!("pending"), &json!("normal"))
    );
    let refund_id = refund["id"].as_str().expect("id").to_string();
    // Still pending after a day of sandbox time; the payment counts the refund already.
    api.sandbox.advance_clock(24 * 3_600).expect("advance");
    let (_, fetched) = api.get(&format!("/v1/refunds/{refund_id}")).await;
    assert_eq!(fetched["status"], "pending");
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(payment["amount_refunded"], 20_000);

    // Processed by the clock after Razorpay's normal-refund time.
    api.sandbox.advance_clock(5 * 24 * 3_600).expect("advance");
    let (_, fetched) = api.get(&format!("/v1/refunds/{refund_id}")).await;
    assert_eq!(fetched["status"], "processed");

    // A second pending refund fails through the sandbox control: the money is refundable again.
    let (_, second) = api
        .post(
            &format!("/v1/payments/{payment_id}/refund"),
            json!({"amount": 30_000}),
        )
        .await;
    let second_id = second["id"].as_str().expect("id");
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(
        (&payment["status"], &payment["amount_refunded"]),
        (&json!("refunded"), &json!(50_000))
    );
    let (status, failed) = api
        .post(&format!("/sandbox/refunds/{second_id}/fail"), json!({}))
        .await;
    assert_eq!((status, &failed["status"]), (200, &json!("failed")));
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(
        (&payment["status"], &payment["amount_refunded"]),
        (&json!("captured"), &json!(20_000))
    );
    let (status, again) = api
        .post(&format!("/sandbox/refunds/{second_id}/process"), json!({}))
        .await;
    assert_eq!(
        (status, &again["error"]["description"]),
        (400, &json!("The refund is already failed"))
    );

    // Optimum speed is instant even while normal refunds are pending.
    let (_, instant) = api
        .post(
            &format!("/v1/payments/{payment_id}/refund"),
            json!({"amount": 10_000, "speed": "optimum"}),
        )
        .await;
    assert_eq!(
        (&instant["status"], &instant["speed_processed"]),
        (&json!("processed"), &json!("instant"))
    );

    assert!(api.sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let refund_events: Vec<String> = events(&api.sandbox)
        .into_iter()
        .filter(|e| e.starts_with("refund."))
        .collect();
    assert_eq!(
        refund_events,
        [
            "refund.created",
            "refund.processed",
            "refund.created",
            "refund.failed",
            "refund.created",
            "refund.processed"
        ]
    );
}

#[tokio::test]
async fn an_uncaptured_authorization_is_refunded_automatically_after_the_capture_window() {
    let api = Api::start(
        Sandbox::builder()
            .auto_capture(false)
            .start()
            .await
            .expect("sandbox"),
    )
    .await;
    // A 12-minute manual capture window, as `payment.capture_options` allows.
    let (status, order) = api
        .post(
            "/v1/orders",
            json!({"amount": 10_000, "currency": "INR",
                   "payment": {"capture": "manual", "capture_options": {"manual_expiry_period": 12}}}),
        )
        .await;
    assert_eq!(status, 200, "{order}");
    let order_id = order["id"].as_str().expect("id");
    let payment_id = api
        .sandbox
        .pay(order_id)
        .expect("pay")
        .payment_id()
        .to_string();
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(payment["status"], "authorized");

    api.sandbox.advance_clock(11 * 60).expect("advance");
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(payment["status"], "authorized", "inside the window");

    let (status, clock) = api
        .post("/sandbox/clock/advance", json!({"seconds": 120}))
        .await;
    assert_eq!((status, &clock["offset_secs"]), (200, &json!(13 * 60)));
    let (_, payment) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert_eq!(
        (
            &payment["status"],
            &payment["amount_refunded"],
            &payment["captured"]
        ),
        (&json!("refunded"), &json!(10_000), &json!(false))
    );
    let (_, refunds) = api.get(&format!("/v1/payments/{payment_id}/refunds")).await;
    assert_eq!(refunds["count"], 1);
    assert_eq!(refunds["items"][0]["status"], "processed");
    let (status, _) = api
        .post(
            &format!("/v1/payments/{payment_id}/capture"),
            json!({"amount": 10_000, "currency": "INR"}),
        )
        .await;
    assert_eq!(status, 400, "a refunded authorization cannot be captured");
}

#[tokio::test]
async fn clock_advances_are_bounded() {
    let api = Api::start(Sandbox::start().await.expect("sandbox")).await;
    for seconds in [0, -1, 11 * 366 * 24 * 3_600] {
        let (status, body) = api
            .post("/sandbox/clock/advance", json!({"seconds": seconds}))
            .await;
        assert_eq!((status, &body["error"]["field"]), (400, &json!("seconds")));
    }
    let (_, clock) = api.get("/sandbox/clock").await;
    assert_eq!(clock["offset_secs"], 0);
}

#[tokio::test]
async fn a_failed_payment_can_be_authorized_late_and_then_pays_its_order() {
    let hook = ok_receiver().await;
    let api = Api::start(
        Sandbox::builder()
            .webhook(&hook)
            .start()
            .await
            .expect("sandbox"),
    )
    .await;
    let (_, order) = api
        .post("/v1/orders", json!({"amount": 5_000, "currency": "INR"}))
        .await;
    let order_id = order["id"].as_str().expect("id");
    let failed = api
        .sandbox
        .checkout(
            &CheckoutRequest::new(order_id).outcome(CheckoutOutcome::Failure(Default::default())),
        )
        .expect("checkout");
    let payment_id = failed.payment_id().to_string();
    let (status, payment) = api
        .post(
            &format!("/sandbox/payments/{payment_id}/authorize"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200, "{payment}");
    assert_eq!(
        (&payment["status"], &payment["error_code"]),
        (&json!("captured"), &Value::Null)
    );
    let (_, order) = api.get(&format!("/v1/orders/{order_id}")).await;
    assert_eq!(order["status"], "paid");
    let (status, _) = api
        .post(
            &format!("/sandbox/payments/{payment_id}/authorize"),
            json!({}),
        )
        .await;
    assert_eq!(status, 400, "only failed payments");
    assert!(api.sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    assert_eq!(
        events(&api.sandbox),
        [
            "payment.failed",
            "payment.authorized",
            "payment.captured",
            "order.paid"
        ]
    );
}

#[tokio::test]
async fn documented_order_parameters_expand_and_notes_edits_are_accepted() {
    let api = Api::start(Sandbox::start().await.expect("sandbox")).await;
    let (status, order) = api
        .post(
            "/v1/orders",
            json!({"amount": 1_000, "currency": "INR", "method": "upi",
                   "customer_id": "cust_DBJOWzybf0sJbb", "payment": {"capture": "automatic"},
                   "transfers": [{"account": "acc_DBJOWzybf0sJbb", "amount": 500, "currency": "INR"}]}),
        )
        .await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["method"], "upi");
    assert_eq!(order["customer_id"], "cust_DBJOWzybf0sJbb");
    let order_id = order["id"].as_str().expect("id");
    let payment_id = api
        .sandbox
        .pay(order_id)
        .expect("pay")
        .payment_id()
        .to_string();

    let (_, plain) = api.get(&format!("/v1/payments/{payment_id}")).await;
    assert!(plain.get("card").is_none(), "no card without expand[]");
    assert!(plain["card_id"].is_string());
    let (_, expanded) = api
        .get(&format!("/v1/payments/{payment_id}?expand[]=card"))
        .await;
    assert_eq!(expanded["card"]["id"], plain["card_id"]);
    let (_, with_payments) = api
        .get(&format!("/v1/orders/{order_id}?expand[]=payments"))
        .await;
    assert_eq!(
        with_payments["payments"]["items"][0]["id"],
        json!(payment_id)
    );
    let (status, bad) = api
        .get(&format!("/v1/payments/{payment_id}?expand[]=colour"))
        .await;
    assert_eq!((status, &bad["error"]["field"]), (400, &json!("expand")));

    let (status, edited) = api
        .patch(
            &format!("/v1/payments/{payment_id}"),
            json!({"notes": {"shipment": "AWB123"}}),
        )
        .await;
    assert_eq!(
        (status, &edited["notes"]["shipment"]),
        (200, &json!("AWB123"))
    );
    let (_, refund) = api
        .post(&format!("/v1/payments/{payment_id}/refund"), json!({}))
        .await;
    let (status, edited) = api
        .patch(
            &format!("/v1/refunds/{}", refund["id"].as_str().expect("id")),
            json!({"notes": {"reason": "damaged"}}),
        )
        .await;
    assert_eq!(
        (status, &edited["notes"]["reason"]),
        (200, &json!("damaged"))
    );
}

#[tokio::test]
async fn maximum_amounts_unique_receipts_and_body_size_are_enforced_like_razorpay() {
    let api = Api::start(
        Sandbox::builder()
            .unique_receipts(true)
            .start()
            .await
            .expect("sandbox"),
    )
    .await;
    let (status, body) = api
        .post(
            "/v1/orders",
            json!({"amount": 50_000_001, "currency": "INR"}),
        )
        .await;
    assert_eq!(
        (status, &body["error"]["description"]),
        (400, &json!("Amount exceeds maximum amount allowed."))
    );
    let (status, _) = api
        .post(
            "/v1/orders",
            json!({"amount": 50_000_000, "currency": "INR", "receipt": "r-1"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = api
        .post(
            "/v1/orders",
            json!({"amount": 100, "currency": "INR", "receipt": "r-1"}),
        )
        .await;
    assert_eq!((status, &body["error"]["field"]), (400, &json!("receipt")));
    let huge = "x".repeat(2 << 20);
    let (status, body) = api
        .post(
            "/v1/orders",
            json!({"amount": 100, "currency": "INR", "receipt": huge}),
        )
        .await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (413, &json!("BAD_REQUEST_ERROR"))
    );
}

#[tokio::test]
async fn fault_settings_are_bounded_and_a_reset_makes_webhooks_idle_again() {
    let hook = ok_receiver().await;
    let api = Api::start(
        Sandbox::builder()
            .webhook(&hook)
            .start()
            .await
            .expect("sandbox"),
    )
    .await;
    let (status, body) = api
        .post(
            "/sandbox/webhooks/faults",
            json!({"shuffle_window_ms": u64::MAX}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("shuffle_window_ms"))
    );
    let (status, _) = api
        .post("/sandbox/faults", json!({"rates": {"server_error": 2.0}}))
        .await;
    assert_eq!(status, 400);
    let (status, _) = api
        .post(
            "/sandbox/faults",
            json!({"next": [{"kind": "slow", "delay_ms": u64::MAX}]}),
        )
        .await;
    assert_eq!(status, 400);

    // The longest allowed hold, then a reset: deliveries go out at once and `idle` is true.
    let (status, _) = api
        .post(
            "/sandbox/webhooks/faults",
            json!({"shuffle_window_ms": 60_000, "delay_ms": 60_000}),
        )
        .await;
    assert_eq!(status, 200);
    let _ = api.captured_payment(1_000).await;
    let (_, idle) = api.get("/sandbox/webhooks/idle?timeout_ms=50").await;
    assert_eq!(idle["idle"], false, "held back by the fault");
    let (status, _) = api
        .send(reqwest::Method::DELETE, "/sandbox/faults", None)
        .await;
    assert_eq!(status, 200);
    let (_, idle) = api.get("/sandbox/webhooks/idle?timeout_ms=10000").await;
    assert_eq!(idle["idle"], true);
    assert_eq!(events(&api.sandbox).len(), 3);
}
