//! The webhooks the sandbox sends compared field by field with Razorpay's documented samples
//! in `fixtures/webhooks`: the same keys at every level of each entity, and the same JSON
//! type wherever both sides are not null. Also Razorpay's ~24 h retry schedule on sandbox time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use razorpay_sandbox::{
    CheckoutFailure, CheckoutMethod, CheckoutOutcome, CheckoutRequest, RefundProcessing, Sandbox,
    WebhookRetry,
};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    std::env::var_os("CHECKOUT_KIT_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        PathBuf::from,
    )
}

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures().join("webhooks").join(name)).expect(name);
    serde_json::from_str(&text).expect("fixture JSON")
}

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

/// Differences between two entities: missing or extra keys, and type mismatches, recursing
/// into objects (`notes` is free-form and skipped).
fn differences(path: &str, ours: &Value, theirs: &Value, out: &mut Vec<String>) {
    let (Value::Object(ours), Value::Object(theirs)) = (ours, theirs) else {
        return;
    };
    for key in theirs.keys().filter(|k| !ours.contains_key(*k)) {
        out.push(format!("{path}.{key} missing"));
    }
    // Razorpay's older samples predate `base_amount` and `amount_transferred`, which its
    // newer samples (and API) carry; only those two may be extra.
    for key in ours
        .keys()
        .filter(|k| !theirs.contains_key(*k))
        .filter(|k| !matches!(k.as_str(), "base_amount" | "amount_transferred"))
    {
        out.push(format!("{path}.{key} extra"));
    }
    for (key, theirs) in theirs {
        let Some(ours) = ours.get(key) else { continue };
        if key == "notes" || ours.is_null() || theirs.is_null() {
            continue;
        }
        if kind(ours) != kind(theirs) {
            out.push(format!("{path}.{key}: {} vs {}", kind(ours), kind(theirs)));
        }
        differences(&format!("{path}.{key}"), ours, theirs, out);
    }
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

async fn create_order(sandbox: &Sandbox, amount: i64) -> String {
    let response = reqwest::Client::new()
        .post(format!("{}/v1/orders", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"amount": amount, "currency": "INR"}))
        .send()
        .await
        .expect("answer");
    let order: Value = response.json().await.expect("JSON");
    order["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn payment_and_refund_webhooks_have_the_documented_shape_for_every_method() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .refund_processing(RefundProcessing::Pending)
        .start()
        .await
        .expect("sandbox");
    // (method, fixture suffix) as Razorpay names its samples.
    let methods = [
        (CheckoutMethod::Card, ".card"),
        (CheckoutMethod::Upi, ".upi"),
        (CheckoutMethod::Wallet, ".wallets"),
        (CheckoutMethod::Netbanking, ""),
    ];
    let mut expected: BTreeMap<String, Value> = BTreeMap::new();
    let mut refund_payment = String::new();
    for (method, suffix) in methods {
        let order = create_order(&sandbox, 50_000).await;
        let failed = CheckoutRequest::new(&order)
            .method(method)
            .outcome(CheckoutOutcome::Failure(CheckoutFailure::default()));
        sandbox.checkout(&failed).expect("failed attempt");
        let paid = sandbox
            .checkout(&CheckoutRequest::new(&order).method(method))
            .expect("paid");
        for event in ["payment.authorized", "payment.captured", "payment.failed"] {
            expected.insert(
                format!("{event}|{}", method.as_str()),
                fixture(&format!("{event}{suffix}.json")),
            );
        }
        if method == CheckoutMethod::Netbanking {
            refund_payment = paid.payment_id().to_string();
        }
    }
    let client = reqwest::Client::new();
    let refund: Value = client
        .post(format!(
            "{}/v1/payments/{refund_payment}/refund",
            sandbox.url()
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"amount": 10_000}))
        .send()
        .await
        .expect("refund")
        .json()
        .await
        .expect("JSON");
    sandbox
        .fail_refund(refund["id"].as_str().expect("id"))
        .expect("fail");
    let second: Value = client
        .post(format!(
            "{}/v1/payments/{refund_payment}/refund",
            sandbox.url()
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"amount": 10_000}))
        .send()
        .await
        .expect("refund")
        .json()
        .await
        .expect("JSON");
    sandbox
        .process_refund(second["id"].as_str().expect("id"))
        .expect("process");
    for event in ["refund.created", "refund.processed", "refund.failed"] {
        expected.insert(
            format!("{event}|netbanking"),
            fixture(&format!("{event}.json")),
        );
    }
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);

    let mut checked = 0;
    let mut problems = Vec::new();
    for delivery in sandbox.webhook_deliveries() {
        let body: Value = serde_json::from_str(&delivery.body).expect("JSON");
        let method = body["payload"]["payment"]["entity"]["method"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let Some(theirs) = expected.get(&format!("{}|{method}", delivery.event)) else {
            continue;
        };
        checked += 1;
        assert_eq!(body["contains"], theirs["contains"], "{}", delivery.event);
        for entity in theirs["contains"].as_array().expect("contains") {
            let entity = entity.as_str().expect("name");
            differences(
                &format!("{}[{method}].{entity}", delivery.event),
                &body["payload"][entity]["entity"],
                &theirs["payload"][entity]["entity"],
                &mut problems,
            );
        }
    }
    assert!(checked >= 14, "compared {checked} webhooks");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn razorpays_retry_schedule_runs_a_day_of_retries_on_sandbox_time() {
    // A receiver that is down: nothing listens on this port.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", closed.local_addr().expect("addr"));
    drop(closed);
    let sandbox = Sandbox::builder()
        .webhook(&url)
        .webhook_retry(WebhookRetry::razorpay())
        .start()
        .await
        .expect("sandbox");
    let order = create_order(&sandbox, 1_000).await;
    sandbox
        .checkout(&CheckoutRequest::new(&order).outcome(CheckoutOutcome::Authorized))
        .expect("authorized");
    assert!(
        !sandbox.wait_for_webhooks(Duration::from_millis(300)).await,
        "retries wait for sandbox time"
    );
    let attempts = || {
        sandbox
            .webhook_deliveries()
            .iter()
            .filter(|d| d.event == "payment.authorized")
            .count()
    };
    assert_eq!(attempts(), 1);
    // Step through sandbox time an hour at a time, letting each woken retry run.
    let mut hours = 0;
    while attempts() < 10 && hours < 48 {
        sandbox.advance_clock(3_600).expect("advance");
        hours += 1;
        let before = attempts();
        for _ in 0..50 {
            if attempts() > before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    assert_eq!(attempts(), 10, "Razorpay's ten attempts");
    assert!(
        (22..=30).contains(&hours),
        "spread over about a day: {hours} h"
    );
}

/// The first delivered body of `event`.
fn delivered(sandbox: &Sandbox, event: &str) -> Value {
    let delivery = sandbox
        .webhook_deliveries()
        .into_iter()
        .find(|d| d.event == event)
        .unwrap_or_else(|| panic!("{event} delivered"));
    serde_json::from_str(&delivery.body).expect("JSON")
}

/// Compares every entity of a delivered webhook with Razorpay's sample; `sample_only` keys
/// appear in the sample but not in the API's entity (legacy internals such as `type`).
fn compare_with_sample(body: &Value, name: &str, sample_only: &[&str]) -> Vec<String> {
    let mut theirs = fixture(name);
    assert_eq!(body["contains"], theirs["contains"], "{name}");
    let mut problems = Vec::new();
    for entity in theirs["contains"].clone().as_array().expect("contains") {
        let entity = entity.as_str().expect("name");
        let sample = &mut theirs["payload"][entity]["entity"];
        if let Some(map) = sample.as_object_mut() {
            for key in sample_only {
                map.remove(*key);
            }
        }
        differences(
            &format!("{name}.{entity}"),
            &body["payload"][entity]["entity"],
            sample,
            &mut problems,
        );
    }
    problems
}

#[tokio::test]
async fn a_refund_that_falls_back_to_normal_speed_sends_speed_changed_in_razorpays_order() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let order = create_order(&sandbox, 500_000).await;
    let paid = sandbox
        .checkout(&CheckoutRequest::new(&order).method(CheckoutMethod::Netbanking))
        .expect("paid");
    let client = reqwest::Client::new();
    let switched = client
        .post(format!("{}/sandbox/refunds/instant", sandbox.url()))
        .json(&json!({"available": false}))
        .send()
        .await
        .expect("control");
    assert_eq!(switched.status().as_u16(), 200);
    let refund: Value = client
        .post(format!(
            "{}/v1/payments/{}/refund",
            sandbox.url(),
            paid.payment_id()
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"amount": 200, "speed": "optimum"}))
        .send()
        .await
        .expect("refund")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        (&refund["speed_requested"], &refund["speed_processed"]),
        (&json!("optimum"), &json!("normal"))
    );
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let refund_events: Vec<String> = sandbox
        .webhook_deliveries()
        .into_iter()
        .filter(|d| d.event.starts_with("refund."))
        .map(|d| d.event)
        .collect();
    assert_eq!(
        refund_events,
        ["refund.created", "refund.speed_changed", "refund.processed"]
    );
    let body = delivered(&sandbox, "refund.speed_changed");
    // The speed_changed sample predates `batch_id` and `acquirer_data.arn`, which Razorpay's
    // newer refund samples carry: extra only if the newer sample has them.
    let newer = fixture("refund.processed.json");
    let newer_refund = &newer["payload"]["refund"]["entity"];
    assert!(
        newer_refund.get("batch_id").is_some()
            && newer_refund["acquirer_data"].get("arn").is_some()
    );
    let problems: Vec<String> = compare_with_sample(&body, "refund.speed_changed.json", &[])
        .into_iter()
        .filter(|p| {
            !p.ends_with("refund.batch_id extra") && !p.ends_with("acquirer_data.arn extra")
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");

    // Instant again once available: no speed change.
    client
        .post(format!("{}/sandbox/refunds/instant", sandbox.url()))
        .json(&json!({"available": true}))
        .send()
        .await
        .expect("control");
    let instant: Value = client
        .post(format!(
            "{}/v1/payments/{}/refund",
            sandbox.url(),
            paid.payment_id()
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"amount": 200, "speed": "optimum"}))
        .send()
        .await
        .expect("refund")
        .json()
        .await
        .expect("JSON");
    assert_eq!(instant["speed_processed"], "instant");
}

#[tokio::test]
async fn subscription_updated_has_the_documented_shape() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let client = reqwest::Client::new();
    let post = |path: String, body: Value| {
        client
            .post(format!("{}{path}", sandbox.url()))
            .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
            .json(&body)
            .send()
    };
    let plan: Value = post(
        "/v1/plans".into(),
        json!({"period": "weekly", "interval": 1,
               "item": {"name": "Box", "amount": 10_000, "currency": "INR"}}),
    )
    .await
    .expect("plan")
    .json()
    .await
    .expect("JSON");
    let sub: Value = post(
        "/v1/subscriptions".into(),
        json!({"plan_id": plan["id"], "total_count": 4,
               "notes": {"Important": "Notes for Internal Reference"}}),
    )
    .await
    .expect("subscription")
    .json()
    .await
    .expect("JSON");
    let id = sub["id"].as_str().expect("id");
    sandbox
        .authenticate_subscription(id, CheckoutMethod::Card)
        .expect("authenticated");
    let response = client
        .patch(format!("{}/v1/subscriptions/{id}", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(&json!({"quantity": 4}))
        .send()
        .await
        .expect("update");
    assert_eq!(response.status().as_u16(), 200);
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let body = delivered(&sandbox, "subscription.updated");
    assert_eq!(body["payload"]["subscription"]["entity"]["quantity"], 4);
    // Razorpay's sample carries an internal numeric `type` its API entity does not.
    let problems = compare_with_sample(&body, "subscription.updated.json", &["type"]);
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The dispute webhooks compared with Razorpay's samples: the same `contains`, and the
/// dispute entity (evidence included) key by key. The samples' payment entities predate
/// fields Razorpay now sends (`card`, `token_id`, …), so only the dispute is compared.
#[tokio::test]
async fn dispute_webhooks_have_the_documented_shape() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let http = reqwest::Client::new();
    let control = |path: String, body: Value| {
        let request = http
            .post(format!("{}/sandbox{path}", sandbox.url()))
            .json(&body);
        async move {
            let answer: Value = request
                .send()
                .await
                .expect("control")
                .json()
                .await
                .expect("JSON");
            answer
        }
    };
    let order = create_order(&sandbox, 50_000).await;
    let payment = sandbox.pay(&order).expect("paid").payment_id().to_string();
    let raise = || {
        control(
            format!("/payments/{payment}/dispute"),
            json!({"amount": 1_000}),
        )
    };
    let contested = raise().await;
    let contest = http
        .patch(format!(
            "{}/v1/disputes/{}/contest",
            sandbox.url(),
            contested["id"].as_str().expect("id")
        ))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(
            &json!({"summary": "goods delivered", "shipping_proof": ["doc_EFtmUsbwpXwBH9"],
                      "others": [{"type": "receipt_signed_by_customer",
                                  "document_ids": ["doc_EFtmUsbwpXwBH1"]}],
                      "action": "submit"}),
        )
        .send()
        .await
        .expect("contest");
    assert_eq!(contest.status(), 200);
    for (dispute, result) in [
        (contested, "won"),
        (raise().await, "lost"),
        (raise().await, "closed"),
    ] {
        let id = dispute["id"].as_str().expect("id");
        control(format!("/disputes/{id}/resolve"), json!({"result": result})).await;
    }
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);

    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for delivery in sandbox.webhook_deliveries() {
        if !delivery.event.starts_with("payment.dispute.") {
            continue;
        }
        let body: Value = serde_json::from_str(&delivery.body).expect("JSON");
        let theirs = fixture(&format!("{}.json", delivery.event));
        assert_eq!(body["contains"], theirs["contains"], "{}", delivery.event);
        differences(
            &delivery.event,
            &body["payload"]["dispute"]["entity"],
            &theirs["payload"]["dispute"]["entity"],
            &mut problems,
        );
        seen.insert(delivery.event);
    }
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        [
            "payment.dispute.closed",
            "payment.dispute.created",
            "payment.dispute.lost",
            "payment.dispute.under_review",
            "payment.dispute.won"
        ]
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A transfer compared with the SDK fixture of an order's transfers (razorpay-ruby's
/// `fake_order_transfers.json`): the same keys, and the same types where both are set.
#[tokio::test]
async fn transfers_have_the_sdk_fixture_shape() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let order = create_order(&sandbox, 1_000).await;
    let payment = sandbox.pay(&order).expect("paid").payment_id().to_string();
    let created: Value = reqwest::Client::new()
        .post(format!("{}/v1/payments/{payment}/transfers", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .json(
            &json!({"transfers": [{"account": "acc_CNo3jSI8OkFJJJ", "amount": 500,
            "currency": "INR", "notes": {"branch": "Acme Corp Bangalore North"},
            "linked_account_notes": ["branch"], "on_hold": true}]}),
        )
        .send()
        .await
        .expect("transfer")
        .json()
        .await
        .expect("JSON");
    let text = std::fs::read_to_string(
        fixtures().join("razorpay-sdk/razorpay-ruby/fake_order_transfers.json"),
    )
    .expect("fixture");
    let theirs: Value = serde_json::from_str(&text).expect("fixture JSON");
    let mut problems = Vec::new();
    differences(
        "transfer",
        &created["items"][0],
        &theirs["transfers"]["items"][0],
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:#?}");
}
