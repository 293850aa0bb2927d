//! QR codes through the Rust client's table methods: create, fetch, list, pay (sandbox
//! control), payments of a code, close; `single_use` codes close once paid.

mod money_support;

use money_support::{control, events, ok, refused, start, webhooks};
use serde_json::json;

#[tokio::test]
async fn a_multiple_use_code_takes_payments_until_closed() {
    let (sandbox, client) = start().await;
    let customer = ok(
        &client,
        "customers.create",
        json!({"params": {"name": "Gaurav Kumar", "email": "gaurav.kumar@example.com"}}),
    )
    .await;
    let qr = ok(
        &client,
        "qrCode.create",
        json!({"params": {
            "type": "upi_qr", "name": "Store Front Display", "usage": "multiple_use",
            "fixed_amount": false, "description": "For Store 1", "customer_id": customer["id"],
            "notes": {"purpose": "Test UPI QR Code notes"}
        }}),
    )
    .await;
    let id = qr["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "qr"));
    assert_eq!(
        (
            &qr["entity"],
            &qr["status"],
            &qr["payments_count_received"],
            &qr["payment_amount"]
        ),
        (&json!("qr_code"), &json!("active"), &json!(0), &json!(null))
    );
    assert!(
        qr["image_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://rzp.io/i/"))
    );

    let (status, first) = control(
        &sandbox,
        &format!("/qr_codes/{id}/pay"),
        json!({"amount": 200}),
    )
    .await;
    assert_eq!(status, 200, "{first}");
    let (_, second) = control(
        &sandbox,
        &format!("/qr_codes/{id}/pay"),
        json!({"amount": 300}),
    )
    .await;
    assert_eq!(
        (
            &first["status"],
            &first["method"],
            &first["order_id"],
            &first["captured"]
        ),
        (
            &json!("captured"),
            &json!("upi"),
            &json!(null),
            &json!(true)
        )
    );
    let fetched = ok(&client, "qrCode.fetch", json!({"qr_code_id": id})).await;
    assert_eq!(
        (
            &fetched["payments_amount_received"],
            &fetched["payments_count_received"]
        ),
        (&json!(500), &json!(2))
    );
    let payments = ok(
        &client,
        "qrCode.fetchAllPayments",
        json!({"qr_code_id": id, "params": {"count": 10}}),
    )
    .await;
    assert_eq!(payments["count"], 2);
    assert_eq!(payments["items"][0]["id"], second["id"], "newest first");
    let paid = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": first["id"]}),
    )
    .await;
    assert_eq!(paid["amount"], 200);

    let listed = ok(
        &client,
        "qrCode.all",
        json!({"params": {"customer_id": customer["id"]}}),
    )
    .await;
    assert_eq!(
        (&listed["count"], &listed["items"][0]["id"]),
        (&json!(1), &json!(id))
    );
    let by_payment = ok(
        &client,
        "qrCode.all",
        json!({"params": {"payment_id": second["id"]}}),
    )
    .await;
    assert_eq!(by_payment["count"], 1);

    let closed = ok(&client, "qrCode.close", json!({"qr_code_id": id})).await;
    assert_eq!(
        (&closed["status"], &closed["close_reason"]),
        (&json!("closed"), &json!("on_demand"))
    );
    assert!(closed["closed_at"].is_i64());
    let (status, refused_payment) = control(
        &sandbox,
        &format!("/qr_codes/{id}/pay"),
        json!({"amount": 200}),
    )
    .await;
    assert_eq!(status, 400, "{refused_payment}");
    assert_eq!(
        refused(&client, "qrCode.close", json!({"qr_code_id": id})).await,
        "The QR code is already closed"
    );
    assert_eq!(
        events(&sandbox, "qr_code.").await,
        ["qr_code.credited", "qr_code.credited", "qr_code.closed"]
    );
    let credited: Vec<_> = webhooks(&sandbox)
        .await
        .into_iter()
        .filter(|(event, _)| event == "qr_code.credited")
        .collect();
    let body = &credited[0].1;
    assert_eq!(body["contains"], json!(["payment", "qr_code"]));
    assert_eq!(body["payload"]["payment"]["entity"]["id"], first["id"]);
    assert_eq!(
        body["payload"]["qr_code"]["entity"]["payments_count_received"],
        1
    );
}

#[tokio::test]
async fn a_single_use_fixed_amount_code_closes_once_paid() {
    let (sandbox, client) = start().await;
    let qr = ok(
        &client,
        "qrCode.create",
        json!({"params": {"type": "bharat_qr", "usage": "single_use", "fixed_amount": true, "payment_amount": 300}}),
    )
    .await;
    let id = qr["id"].as_str().expect("id");
    let (status, wrong) = control(
        &sandbox,
        &format!("/qr_codes/{id}/pay"),
        json!({"amount": 250}),
    )
    .await;
    assert_eq!((status, &wrong["error"]["field"]), (400, &json!("amount")));
    let (status, paid) = control(
        &sandbox,
        &format!("/qr_codes/{id}/pay"),
        json!({"method": "card"}),
    )
    .await;
    assert_eq!(
        (status, &paid["amount"], &paid["method"]),
        (200, &json!(300), &json!("card"))
    );
    let fetched = ok(&client, "qrCode.fetch", json!({"qr_code_id": id})).await;
    assert_eq!(
        (&fetched["status"], &fetched["close_reason"]),
        (&json!("closed"), &json!("paid"))
    );
    assert_eq!(
        events(&sandbox, "").await,
        [
            "payment.authorized",
            "payment.captured",
            "qr_code.credited",
            "qr_code.closed"
        ]
    );
}

#[tokio::test]
async fn qr_code_validation_and_expiry() {
    let (sandbox, client) = start().await;
    assert_eq!(
        refused(
            &client,
            "qrCode.create",
            json!({"params": {"usage": "single_use"}})
        )
        .await,
        "The type field is required."
    );
    assert_eq!(
        refused(
            &client,
            "qrCode.create",
            json!({"params": {"type": "upi_qr", "usage": "single_use", "fixed_amount": true}})
        )
        .await,
        "The payment amount field is required when fixed amount is true."
    );
    assert_eq!(
        refused(
            &client,
            "qrCode.create",
            json!({"params": {"type": "upi_qr", "usage": "forever"}})
        )
        .await,
        "The selected usage is invalid."
    );
    assert_eq!(
        refused(
            &client,
            "qrCode.create",
            json!({"params": {"type": "upi_qr", "usage": "multiple_use", "close_by": sandbox.now() + 60}})
        )
        .await,
        "close_by should be at least 2 minutes after current time"
    );
    let qr = ok(
        &client,
        "qrCode.create",
        json!({"params": {"type": "upi_qr", "usage": "multiple_use", "close_by": sandbox.now() + 3_600}}),
    )
    .await;
    sandbox.advance_clock(3_601).expect("advance");
    let fetched = ok(&client, "qrCode.fetch", json!({"qr_code_id": qr["id"]})).await;
    assert_eq!(fetched["status"], "closed");
    assert_eq!(
        refused(
            &client,
            "qrCode.fetch",
            json!({"qr_code_id": "qr_HMsVL8HOpbMcjU"})
        )
        .await,
        "The id provided does not exist"
    );
}
