//! Standalone invoices through the Rust client's table calls: a draft edited, issued,
//! notified, paid in two parts through the sandbox control (signed callback, `payment.*`,
//! `order.paid`, `invoice.partially_paid`, `invoice.paid`); a cancelled invoice; a deleted
//! draft; an invoice that expires on sandbox time (`invoice.expired`).

mod common;

use std::time::Duration;

use common::{bodies, events, ok, ok_receiver, refused};
use razorpay_core::verify_invoice_signature;
use razorpay_sandbox::Sandbox;
use serde_json::{Value, json};

async fn pay(sandbox: &Sandbox, id: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{}/sandbox/invoices/{id}/pay", sandbox.url()))
        .json(&body)
        .send()
        .await
        .expect("answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

fn customer() -> Value {
    json!({"name": "Gaurav Kumar", "contact": 9_999_999_999_i64, "email": "gaurav.kumar@example.com",
           "billing_address": {"line1": "Ground & 1st Floor, SJR Cyber Laskar", "line2": "Hosur Road",
                               "zipcode": 560_068, "city": "Bengaluru", "state": "Karnataka", "country": "in"}})
}

#[tokio::test]
async fn a_draft_is_edited_issued_and_paid_in_two_parts() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let client = sandbox.client().expect("client");
    let item = ok(
        &client,
        "items.create",
        json!({"params": {"name": "Book", "amount": 40_000}}),
    )
    .await;
    let draft = ok(
        &client,
        "invoices.create",
        json!({"params": {"type": "invoice", "draft": "1", "description": "Invoice for January",
               "partial_payment": true, "customer": customer(), "receipt": "#0961",
               "line_items": [{"item_id": item["id"]},
                              {"name": "Master Cloud Computing in 30 Days", "amount": 10_000,
                               "currency": "INR", "quantity": 2}]}}),
    )
    .await;
    let id = draft["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "inv"), "{id}");
    assert_eq!(
        (
            &draft["status"],
            &draft["amount"],
            &draft["order_id"],
            &draft["line_items"][1]["gross_amount"]
        ),
        (
            &json!("draft"),
            &json!(60_000),
            &json!(null),
            &json!(20_000)
        )
    );
    assert_eq!(
        draft["customer_details"]["billing_address"]["zipcode"],
        "560068"
    );
    assert_eq!(draft["customer_details"]["customer_contact"], "9999999999");
    // The invoice's customer is a customer of the account.
    ok(
        &client,
        "customers.fetch",
        json!({"customer_id": draft["customer_id"]}),
    )
    .await;
    assert_eq!(
        refused(
            &client,
            "invoices.notifyBy",
            json!({"invoice_id": id, "medium": "sms"})
        )
        .await,
        "Notification cannot be sent for an invoice in draft status"
    );

    let line = draft["line_items"][1]["id"].clone();
    let edited = ok(
        &client,
        "invoices.edit",
        json!({"invoice_id": id, "params": {"line_items": [{"id": line, "quantity": 1}],
               "notes": {"updated-key": "An updated note."}}}),
    )
    .await;
    assert_eq!(
        (&edited["amount"], &edited["notes"]["updated-key"]),
        (&json!(50_000), &json!("An updated note."))
    );

    let issued = ok(&client, "invoices.issue", json!({"invoice_id": id})).await;
    assert_eq!(issued["status"], "issued");
    let order_id = issued["order_id"].as_str().expect("order").to_string();
    assert!(
        issued["short_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://rzp.io/i/"))
    );
    assert_eq!(
        (&issued["sms_status"], &issued["email_status"]),
        (&json!("pending"), &json!("pending"))
    );
    assert_eq!(
        refused(
            &client,
            "invoices.edit",
            json!({"invoice_id": id, "params": {"description": "x"}})
        )
        .await,
        "Invoice cannot be updated as it is in issued status"
    );
    assert_eq!(
        ok(
            &client,
            "invoices.notifyBy",
            json!({"invoice_id": id, "medium": "email"})
        )
        .await,
        json!({"success": true})
    );
    assert_eq!(
        ok(&client, "invoices.fetch", json!({"invoice_id": id})).await["email_status"],
        "sent"
    );

    let (status, part) = pay(&sandbox, &id, json!({"amount": 20_000, "method": "upi"})).await;
    assert_eq!(status, 200, "{part}");
    assert_eq!(part["razorpay_invoice_status"], "partially_paid");
    let (status, rest) = pay(&sandbox, &id, json!({})).await;
    assert_eq!(status, 200, "{rest}");
    assert_eq!(
        (
            &rest["razorpay_invoice_status"],
            &rest["razorpay_invoice_receipt"]
        ),
        (&json!("paid"), &json!("#0961"))
    );
    verify_invoice_signature(
        &id,
        "#0961",
        "paid",
        rest["razorpay_payment_id"].as_str().expect("payment"),
        rest["razorpay_signature"].as_str().expect("signature"),
        sandbox.key_secret(),
    )
    .expect("Razorpay's invoice callback signature");

    let paid = ok(&client, "invoices.fetch", json!({"invoice_id": id})).await;
    assert_eq!(
        (
            &paid["status"],
            &paid["amount_paid"],
            &paid["amount_due"],
            &paid["payment_id"]
        ),
        (
            &json!("paid"),
            &json!(50_000),
            &json!(0),
            &rest["razorpay_payment_id"]
        )
    );
    let payment = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": rest["razorpay_payment_id"]}),
    )
    .await;
    assert_eq!(payment["invoice_id"], json!(id));
    assert_eq!(
        ok(&client, "orders.fetch", json!({"order_id": order_id})).await["status"],
        "paid"
    );
    let (status, again) = pay(&sandbox, &id, json!({})).await;
    assert_eq!(
        (status, &again["error"]["description"]),
        (400, &json!("Invoice is not payable in paid status"))
    );

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    assert_eq!(
        events(&sandbox, &["payment.", "order.", "invoice."]),
        [
            "payment.authorized",
            "payment.captured",
            "invoice.partially_paid",
            "payment.authorized",
            "payment.captured",
            "order.paid",
            "invoice.paid",
        ]
    );
    let webhook = &bodies(&sandbox, "invoice.paid")[0];
    assert_eq!(webhook["contains"], json!(["payment", "order", "invoice"]));
    assert_eq!(webhook["payload"]["invoice"]["entity"]["status"], "paid");
    assert_eq!(
        webhook["payload"]["payment"]["entity"]["invoice_id"],
        json!(id)
    );
    let captured = bodies(&sandbox, "payment.captured");
    assert!(
        captured
            .iter()
            .all(|b| b["payload"]["payment"]["entity"]["invoice_id"] == json!(id))
    );

    let listed = ok(
        &client,
        "invoices.all",
        json!({"params": {"customer_id": paid["customer_id"]}}),
    )
    .await;
    assert_eq!(
        (&listed["count"], &listed["items"][0]["id"]),
        (&json!(1), &json!(id))
    );
}

#[tokio::test]
async fn invoices_are_cancelled_deleted_and_expire_on_sandbox_time() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let client = sandbox.client().expect("client");
    let customer_id = ok(
        &client,
        "customers.create",
        json!({"params": {"email": "c@example.com"}}),
    )
    .await["id"]
        .clone();
    let lines = json!([{"name": "Tea", "amount": 5_000, "currency": "INR"}]);

    let issued = ok(
        &client,
        "invoices.create",
        json!({"params": {"type": "invoice", "customer_id": customer_id, "line_items": lines}}),
    )
    .await;
    assert_eq!(issued["status"], "issued");
    let cancelled = ok(
        &client,
        "invoices.cancel",
        json!({"invoice_id": issued["id"]}),
    )
    .await;
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled["cancelled_at"].is_i64());
    let (status, _) = pay(&sandbox, issued["id"].as_str().expect("id"), json!({})).await;
    assert_eq!(status, 400, "a cancelled invoice is not payable");

    let draft = ok(
        &client,
        "invoices.create",
        json!({"params": {"type": "invoice", "draft": 1, "line_items": lines}}),
    )
    .await;
    assert_eq!(
        refused(
            &client,
            "invoices.issue",
            json!({"invoice_id": draft["id"]})
        )
        .await,
        "Customer details are required to issue an invoice."
    );
    assert_eq!(
        ok(
            &client,
            "invoices.delete",
            json!({"invoice_id": draft["id"]})
        )
        .await,
        json!([])
    );
    assert_eq!(
        refused(
            &client,
            "invoices.fetch",
            json!({"invoice_id": draft["id"]})
        )
        .await,
        "The id provided does not exist"
    );
    assert_eq!(
        refused(
            &client,
            "invoices.delete",
            json!({"invoice_id": issued["id"]})
        )
        .await,
        "Only an invoice in draft state can be deleted"
    );

    let expire_by = sandbox.now() + 3_600;
    let expiring = ok(
        &client,
        "invoices.create",
        json!({"params": {"type": "invoice", "customer_id": customer_id, "line_items": lines, "expire_by": expire_by}}),
    )
    .await;
    sandbox.advance_clock(3_601).expect("advance");
    let expired = ok(
        &client,
        "invoices.fetch",
        json!({"invoice_id": expiring["id"]}),
    )
    .await;
    assert_eq!(expired["status"], "expired");
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let webhooks = bodies(&sandbox, "invoice.expired");
    assert_eq!(webhooks.len(), 1);
    assert_eq!(webhooks[0]["contains"], json!(["invoice"]));
    assert_eq!(
        webhooks[0]["payload"]["invoice"]["entity"]["id"],
        expiring["id"]
    );

    assert_eq!(
        refused(
            &client,
            "invoices.create",
            json!({"params": {"type": "invoice", "line_items": []}})
        )
        .await,
        "The line items field is required."
    );
    assert_eq!(
        refused(
            &client,
            "invoices.create",
            json!({"params": {"line_items": lines}})
        )
        .await,
        "The type field is required."
    );
}
