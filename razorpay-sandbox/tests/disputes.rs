//! Disputes through the Rust client's table methods: raised by the sandbox control, drafted
//! and submitted evidence, accepted, decided, expired after `respond_by`, each with its
//! `payment.dispute.*` webhook.

mod money_support;

use money_support::{captured_payment, control, events, ok, refused, start, webhooks};
use serde_json::json;

#[tokio::test]
async fn a_dispute_is_contested_with_evidence_and_won() {
    let (sandbox, client) = start().await;
    let payment = captured_payment(&sandbox, &client, 50_000).await;
    let payment_id = payment["id"].as_str().expect("id");
    let (status, raised) = control(
        &sandbox,
        &format!("/payments/{payment_id}/dispute"),
        json!({"amount": 39_000, "reason_code": "chargeback_not_received", "phase": "chargeback"}),
    )
    .await;
    assert_eq!(status, 200, "{raised}");
    let id = raised["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "disp"));
    assert_eq!(
        (
            &raised["status"],
            &raised["amount"],
            &raised["payment_id"],
            &raised["amount_deducted"]
        ),
        (
            &json!("open"),
            &json!(39_000),
            &json!(payment_id),
            &json!(0)
        )
    );
    assert!(raised["respond_by"].as_i64() > raised["created_at"].as_i64());

    let fetched = ok(&client, "disputes.fetch", json!({"dispute_id": id})).await;
    assert_eq!(fetched, raised);
    let all = ok(&client, "disputes.all", json!({"params": {"count": 10}})).await;
    assert_eq!(
        (&all["count"], &all["items"][0]["id"]),
        (&json!(1), &json!(id))
    );

    let draft = ok(
        &client,
        "disputes.contest",
        json!({"dispute_id": id, "params": {
            "summary": "goods delivered", "shipping_proof": ["doc_EFtmUsbwpXwBH9"], "action": "draft"
        }}),
    )
    .await;
    assert_eq!(draft["status"], "open");
    assert_eq!(draft["evidence"]["summary"], "goods delivered");
    assert_eq!(draft["evidence"]["submitted_at"], json!(null));

    let submitted = ok(
        &client,
        "disputes.contest",
        json!({"dispute_id": id, "params": {
            "amount": 39_000,
            "billing_proof": ["doc_EFtmUsbwpXwBG9"],
            "others": [{"type": "receipt_signed_by_customer", "document_ids": ["doc_EFtmUsbwpXwBH1"]}],
            "action": "submit"
        }}),
    )
    .await;
    assert_eq!(submitted["status"], "under_review");
    assert_eq!(
        submitted["evidence"]["shipping_proof"],
        json!(["doc_EFtmUsbwpXwBH9"])
    );
    assert!(submitted["evidence"]["submitted_at"].is_i64());
    assert_eq!(
        refused(&client, "disputes.accept", json!({"dispute_id": id})).await,
        "Only an open dispute can be accepted"
    );
    let (status, won) = control(
        &sandbox,
        &format!("/disputes/{id}/resolve"),
        json!({"result": "won"}),
    )
    .await;
    assert_eq!((status, &won["status"]), (200, &json!("won")));
    let (status, _) = control(
        &sandbox,
        &format!("/disputes/{id}/resolve"),
        json!({"result": "lost"}),
    )
    .await;
    assert_eq!(status, 400, "a decided dispute stays decided");

    assert_eq!(
        events(&sandbox, "payment.dispute.").await,
        [
            "payment.dispute.created",
            "payment.dispute.under_review",
            "payment.dispute.won"
        ]
    );
    for (event, body) in webhooks(&sandbox).await {
        if event.starts_with("payment.dispute.") {
            assert_eq!(body["contains"], json!(["payment", "dispute"]));
            assert_eq!(
                body["payload"]["payment"]["entity"]["id"],
                json!(payment_id)
            );
            assert_eq!(body["payload"]["dispute"]["entity"]["id"], json!(id));
        }
    }
    // razorpay-core's verifier accepts them and its typed model reads the dispute.
    let verifier =
        razorpay_core::webhook::WebhookVerifier::new([sandbox.webhook_secret()]).expect("verifier");
    let statuses: Vec<serde_json::Value> = sandbox
        .webhook_deliveries()
        .iter()
        .filter(|d| d.event.starts_with("payment.dispute."))
        .map(|d| {
            let event = verifier
                .construct_event(d.body.as_bytes(), &d.signature)
                .expect("a verified, typed event");
            let dispute = event.dispute().expect("dispute");
            assert_eq!(dispute.payment_id, payment_id);
            serde_json::to_value(&dispute.status).expect("status")
        })
        .collect();
    assert_eq!(
        statuses,
        [json!("open"), json!("under_review"), json!("won")]
    );
}

#[tokio::test]
async fn accepted_and_unanswered_disputes_are_lost() {
    let (sandbox, client) = start().await;
    let payment = captured_payment(&sandbox, &client, 20_000).await;
    let path = format!("/payments/{}/dispute", payment["id"].as_str().expect("id"));
    let (_, first) = control(&sandbox, &path, json!({})).await;
    assert_eq!(first["amount"], 20_000, "the whole payment by default");
    let lost = ok(
        &client,
        "disputes.accept",
        json!({"dispute_id": first["id"]}),
    )
    .await;
    assert_eq!(
        (&lost["status"], &lost["amount_deducted"]),
        (&json!("lost"), &json!(20_000))
    );
    let (_, second) = control(
        &sandbox,
        &path,
        json!({"amount": 1_000, "phase": "pre_arbitration"}),
    )
    .await;
    assert_eq!(second["phase"], "pre_arbitration");
    sandbox.advance_clock(7 * 24 * 60 * 60).expect("advance");
    let expired = ok(
        &client,
        "disputes.fetch",
        json!({"dispute_id": second["id"]}),
    )
    .await;
    assert_eq!(
        (&expired["status"], &expired["amount_deducted"]),
        (&json!("lost"), &json!(1_000))
    );
    let (_, third) = control(
        &sandbox,
        &path,
        json!({"amount": 500, "phase": "retrieval"}),
    )
    .await;
    let (_, closed) = control(
        &sandbox,
        &format!("/disputes/{}/resolve", third["id"].as_str().expect("id")),
        json!({"result": "closed"}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(
        events(&sandbox, "payment.dispute.").await,
        [
            "payment.dispute.created",
            "payment.dispute.lost",
            "payment.dispute.created",
            "payment.dispute.lost",
            "payment.dispute.created",
            "payment.dispute.closed"
        ]
    );
}

#[tokio::test]
async fn dispute_errors() {
    let (sandbox, client) = start().await;
    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 1_000}}),
    )
    .await;
    let authorized = sandbox
        .checkout(
            &razorpay_sandbox::CheckoutRequest::new(order["id"].as_str().expect("id"))
                .outcome(razorpay_sandbox::CheckoutOutcome::Authorized),
        )
        .expect("authorized");
    let (status, body) = control(
        &sandbox,
        &format!("/payments/{}/dispute", authorized.payment_id()),
        json!({}),
    )
    .await;
    assert_eq!(
        (status, &body["error"]["description"]),
        (400, &json!("Only captured payments can be disputed"))
    );
    let payment = captured_payment(&sandbox, &client, 1_000).await;
    let path = format!("/payments/{}/dispute", payment["id"].as_str().expect("id"));
    let (status, body) = control(&sandbox, &path, json!({"amount": 1_001})).await;
    assert_eq!((status, &body["error"]["field"]), (400, &json!("amount")));
    let (status, body) = control(&sandbox, &path, json!({"colour": "red"})).await;
    assert_eq!(
        (status, &body["error"]["reason"]),
        (400, &json!("extra_field_sent"))
    );
    let (_, dispute) = control(&sandbox, &path, json!({})).await;
    assert_eq!(
        refused(
            &client,
            "disputes.contest",
            json!({"dispute_id": dispute["id"], "params": {"action": "send"}})
        )
        .await,
        "The action must be one of draft, submit."
    );
    assert_eq!(
        refused(
            &client,
            "disputes.contest",
            json!({"dispute_id": dispute["id"], "params": {"shipping_proof": "doc_x"}})
        )
        .await,
        "The shipping_proof must be an array of document ids."
    );
    assert_eq!(
        refused(
            &client,
            "disputes.fetch",
            json!({"dispute_id": "disp_EsIAlDcoUr8CaQ"})
        )
        .await,
        "The id provided does not exist"
    );
}
