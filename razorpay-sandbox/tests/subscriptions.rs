//! Subscriptions end to end over HTTP: plan, subscription, authentication through the
//! simulated Checkout (signed `payment_id|subscription_id`), charges on sandbox time with
//! invoices and `subscription.*` webhooks, failed charges to `halted`, pause, resume, cancel.

use std::time::Duration;

use razorpay_core::verify_subscription_signature;
use razorpay_sandbox::{CheckoutMethod, Sandbox};
use serde_json::{Value, json};

/// Longer than any calendar month, so each step passes exactly one monthly charge.
const MONTH: i64 = 31 * 24 * 3_600;

async fn post(sandbox: &Sandbox, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&body)
        .send()
        .await
        .expect("answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

async fn get(sandbox: &Sandbox, path: &str) -> Value {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 200);
    response.json().await.expect("JSON")
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

async fn monthly_plan(sandbox: &Sandbox) -> String {
    let (status, plan) = post(
        sandbox,
        "/v1/plans",
        json!({"period": "monthly", "interval": 1,
               "item": {"name": "Test plan - Monthly", "amount": 69_900, "currency": "INR"}}),
    )
    .await;
    assert_eq!(status, 200, "{plan}");
    assert_eq!(plan["entity"], "plan");
    plan["id"].as_str().expect("id").to_string()
}

fn subscription_events(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .webhook_deliveries()
        .into_iter()
        .map(|d| d.event)
        .filter(|e| e.starts_with("subscription.") || e.starts_with("invoice."))
        .collect()
}

#[tokio::test]
async fn a_subscription_is_authenticated_charged_monthly_and_completes() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let plan_id = monthly_plan(&sandbox).await;
    let (status, sub) = post(
        &sandbox,
        "/v1/subscriptions",
        json!({"plan_id": plan_id, "total_count": 3, "customer_notify": 1,
               "notes": {"notes_key_1": "Tea, Earl Grey, Hot"}}),
    )
    .await;
    assert_eq!(status, 200, "{sub}");
    assert_eq!(sub["status"], "created");
    let id = sub["id"].as_str().expect("id").to_string();

    // Same keys as Razorpay's documented subscription entity.
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::env::var_os("CHECKOUT_KIT_FIXTURES")
                .map_or_else(
                    || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
                    std::path::PathBuf::from,
                )
                .join("webhooks/subscription.authenticated.json"),
        )
        .expect("fixture"),
    )
    .expect("JSON");
    let expected = &fixture["payload"]["subscription"]["entity"];
    let mut theirs: Vec<&String> = expected.as_object().expect("object").keys().collect();
    let mut ours: Vec<&String> = sub.as_object().expect("object").keys().collect();
    theirs.sort();
    ours.sort();
    assert_eq!(ours, theirs);

    let auth = sandbox
        .authenticate_subscription(&id, CheckoutMethod::Card)
        .expect("authenticate");
    verify_subscription_signature(&id, &auth.payment_id, &auth.signature, sandbox.key_secret())
        .expect("Checkout's subscription signature");
    let sub = get(&sandbox, &format!("/v1/subscriptions/{id}")).await;
    assert_eq!(
        (&sub["status"], &sub["paid_count"], &sub["remaining_count"]),
        (&json!("active"), &json!(1), &json!(2))
    );

    sandbox.advance_clock(MONTH).expect("advance");
    let sub = get(&sandbox, &format!("/v1/subscriptions/{id}")).await;
    assert_eq!(sub["paid_count"], 2);
    sandbox.advance_clock(MONTH).expect("advance");
    let sub = get(&sandbox, &format!("/v1/subscriptions/{id}")).await;
    assert_eq!(
        (&sub["status"], &sub["paid_count"]),
        (&json!("completed"), &json!(3))
    );
    let invoices = get(&sandbox, &format!("/v1/invoices?subscription_id={id}")).await;
    assert_eq!(invoices["count"], 3);
    assert_eq!(invoices["items"][0]["status"], "paid");
    let payment_id = invoices["items"][0]["payment_id"]
        .as_str()
        .expect("payment");
    let payment = get(&sandbox, &format!("/v1/payments/{payment_id}")).await;
    assert_eq!(
        (
            &payment["status"],
            &payment["amount"],
            &payment["invoice_id"]
        ),
        (
            &json!("captured"),
            &json!(69_900),
            &invoices["items"][0]["id"]
        )
    );
    sandbox.advance_clock(MONTH).expect("advance");
    assert_eq!(
        get(&sandbox, &format!("/v1/invoices?subscription_id={id}")).await["count"],
        3,
        "no charge after completion"
    );

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    assert_eq!(
        subscription_events(&sandbox),
        [
            "subscription.authenticated",
            "subscription.activated",
            "subscription.charged",
            "invoice.paid",
            "subscription.charged",
            "invoice.paid",
            "subscription.charged",
            "subscription.completed",
            "invoice.paid",
        ]
    );
}

#[tokio::test]
async fn failed_charges_halt_a_subscription_and_pause_resume_cancel_follow_razorpay() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let plan_id = monthly_plan(&sandbox).await;
    let (_, sub) = post(
        &sandbox,
        "/v1/subscriptions",
        json!({"plan_id": plan_id, "total_count": 12}),
    )
    .await;
    let id = sub["id"].as_str().expect("id").to_string();
    let (status, auth) = post(
        &sandbox,
        &format!("/sandbox/subscriptions/{id}/authenticate"),
        json!({"method": "upi"}),
    )
    .await;
    assert_eq!(status, 200, "{auth}");
    assert_eq!(auth["razorpay_subscription_id"], json!(id));

    let (status, _) = post(
        &sandbox,
        &format!("/v1/subscriptions/{id}/pause"),
        json!({"pause_at": "now"}),
    )
    .await;
    assert_eq!(status, 200);
    sandbox.advance_clock(MONTH).expect("advance");
    assert_eq!(
        get(&sandbox, &format!("/v1/subscriptions/{id}")).await["paid_count"],
        1,
        "no charge while paused"
    );
    let (status, resumed) = post(
        &sandbox,
        &format!("/v1/subscriptions/{id}/resume"),
        json!({"resume_at": "now"}),
    )
    .await;
    assert_eq!((status, &resumed["status"]), (200, &json!("active")));

    let (status, _) = post(
        &sandbox,
        &format!("/sandbox/subscriptions/{id}/charges"),
        json!({"fail": true}),
    )
    .await;
    assert_eq!(status, 200);
    sandbox.advance_clock(MONTH).expect("advance");
    assert_eq!(
        get(&sandbox, &format!("/v1/subscriptions/{id}")).await["status"],
        "pending"
    );
    for _ in 0..3 {
        sandbox.advance_clock(24 * 3_600).expect("advance");
    }
    let sub = get(&sandbox, &format!("/v1/subscriptions/{id}")).await;
    assert_eq!(
        (&sub["status"], &sub["auth_attempts"]),
        (&json!("halted"), &json!(4))
    );

    let (status, cancelled) = post(
        &sandbox,
        &format!("/v1/subscriptions/{id}/cancel"),
        json!({}),
    )
    .await;
    assert_eq!((status, &cancelled["status"]), (200, &json!("cancelled")));
    let (status, _) = post(
        &sandbox,
        &format!("/v1/subscriptions/{id}/cancel"),
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "already cancelled");

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let events = subscription_events(&sandbox);
    let tail: Vec<&str> = events.iter().map(String::as_str).skip(4).collect();
    assert_eq!(
        tail,
        [
            "subscription.paused",
            "subscription.resumed",
            "subscription.pending",
            "subscription.pending",
            "subscription.pending",
            "subscription.halted",
            "subscription.cancelled",
        ]
    );
}
