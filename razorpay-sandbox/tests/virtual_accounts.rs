//! Virtual accounts (Smart Collect) through the Rust client's table methods: create with
//! bank account and UPI receivers, add a receiver, allowed payers (TPV) add and delete,
//! credit (sandbox control) by bank transfer and UPI, payments, bank transfer, close.

mod money_support;

use money_support::{call, control, events, ok, refused, start, webhooks};
use serde_json::{Value, json};

#[tokio::test]
async fn a_virtual_account_is_credited_by_bank_transfer_and_upi_then_closed() {
    let (sandbox, client) = start().await;
    let account = ok(
        &client,
        "virtualAccounts.create",
        json!({"params": {
            "receivers": {"types": ["bank_account"]},
            "description": "Virtual Account for Raftar Soft",
            "notes": {"project_name": "Banking Software"},
            "allowed_payers": [{"type": "bank_account", "bank_account": {"ifsc": "UTIB0000013", "account_number": "914010012345679"}}]
        }}),
    )
    .await;
    let id = account["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "va"));
    assert_eq!(
        (
            &account["entity"],
            &account["status"],
            &account["amount_paid"]
        ),
        (&json!("virtual_account"), &json!("active"), &json!(0))
    );
    let receiver = &account["receivers"][0];
    assert_eq!(
        (&receiver["entity"], &receiver["ifsc"]),
        (&json!("bank_account"), &json!("RATN0VAAPIS"))
    );
    assert_eq!(receiver["account_number"].as_str().map(str::len), Some(16));

    let with_vpa = ok(
        &client,
        "virtualAccounts.addReceiver",
        json!({"virtual_account_id": id, "params": {"types": ["vpa"], "vpa": {"descriptor": "gaurikumari"}}}),
    )
    .await;
    assert_eq!(
        with_vpa["receivers"][1]["address"],
        "rpy.payto00000gaurikumari@icici"
    );
    assert_eq!(
        refused(
            &client,
            "virtualAccounts.addReceiver",
            json!({"virtual_account_id": id, "params": {"types": ["vpa"]}})
        )
        .await,
        "The virtual account already has a vpa receiver"
    );

    let with_payer = ok(
        &client,
        "virtualAccounts.allowedPayer",
        json!({"virtual_account_id": id, "params": {"type": "bank_account", "bank_account": {"ifsc": "HDFC0000053", "account_number": "50100001234567"}}}),
    )
    .await;
    assert_eq!(
        with_payer["allowed_payers"].as_array().map(Vec::len),
        Some(2)
    );
    let second_payer = with_payer["allowed_payers"][1]["id"]
        .as_str()
        .expect("payer id")
        .to_string();

    // TPV: only allowed payers may transfer.
    let (status, stranger) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 10_000, "payer": {"ifsc": "SBIN0000001", "account_number": "1234"}}),
    )
    .await;
    assert_eq!(status, 400, "{stranger}");
    let (status, transfer) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 10_000, "mode": "IMPS", "payer": {"ifsc": "HDFC0000053", "account_number": "50100001234567"}}),
    )
    .await;
    assert_eq!(status, 200, "{transfer}");
    assert_eq!(
        (
            &transfer["method"],
            &transfer["status"],
            &transfer["order_id"]
        ),
        (&json!("bank_transfer"), &json!("captured"), &json!(null))
    );
    let bank_transfer = ok(
        &client,
        "payments.bankTransfer",
        json!({"payment_id": transfer["id"]}),
    )
    .await;
    assert_eq!(
        (
            &bank_transfer["entity"],
            &bank_transfer["mode"],
            &bank_transfer["virtual_account_id"]
        ),
        (&json!("bank_transfer"), &json!("IMPS"), &json!(id))
    );
    assert_eq!(bank_transfer["payer_bank_account"]["ifsc"], "HDFC0000053");

    // Deleting the payer answers `null`; its transfers are refused from then on.
    let deleted = call(
        &client,
        "virtualAccounts.deleteAllowedPayer",
        json!({"virtual_account_id": id, "allowed_payer_id": second_payer}),
    )
    .await;
    assert!(deleted.as_ref().is_ok_and(Value::is_null), "{deleted:?}");
    let (status, _) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 10_000, "payer": {"ifsc": "HDFC0000053", "account_number": "50100001234567"}}),
    )
    .await;
    assert_eq!(status, 400);

    let (status, upi) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 5_000, "method": "upi", "payer_vpa": "gaurav.kumar@okhdfcbank"}),
    )
    .await;
    assert_eq!((status, &upi["method"]), (200, &json!("upi")));
    let fetched = ok(
        &client,
        "virtualAccounts.fetch",
        json!({"virtual_account_id": id}),
    )
    .await;
    assert_eq!(fetched["amount_paid"], 15_000);
    let payments = ok(
        &client,
        "virtualAccounts.fetchPayments",
        json!({"virtual_account_id": id}),
    )
    .await;
    assert_eq!(payments["count"], 2);
    assert_eq!(payments["items"][0]["id"], upi["id"]);
    let listed = ok(&client, "virtualAccounts.all", json!({"params": {}})).await;
    assert_eq!(
        (&listed["count"], &listed["items"][0]["id"]),
        (&json!(1), &json!(id))
    );

    let closed = ok(
        &client,
        "virtualAccounts.close",
        json!({"virtual_account_id": id}),
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert!(closed["closed_at"].is_i64());
    let (status, _) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 10_000, "method": "upi"}),
    )
    .await;
    assert_eq!(status, 400, "a closed account takes no payments");

    assert_eq!(
        events(&sandbox, "virtual_account.").await,
        [
            "virtual_account.credited",
            "virtual_account.credited",
            "virtual_account.closed"
        ]
    );
    let credited: Vec<_> = webhooks(&sandbox)
        .await
        .into_iter()
        .filter(|(event, _)| event == "virtual_account.credited")
        .collect();
    assert_eq!(
        credited[0].1["contains"],
        json!(["payment", "virtual_account", "bank_transfer"])
    );
    assert_eq!(
        credited[0].1["payload"]["bank_transfer"]["entity"]["payment_id"],
        transfer["id"]
    );
    assert_eq!(
        credited[1].1["contains"],
        json!(["payment", "virtual_account", "upi_transfer"])
    );
    assert_eq!(
        credited[1].1["payload"]["virtual_account"]["entity"]["amount_paid"],
        15_000
    );
}

#[tokio::test]
async fn virtual_account_validation_and_expiry() {
    let (sandbox, client) = start().await;
    assert_eq!(
        refused(
            &client,
            "virtualAccounts.create",
            json!({"params": {"description": "x"}})
        )
        .await,
        "The receivers field is required."
    );
    assert_eq!(
        refused(
            &client,
            "virtualAccounts.create",
            json!({"params": {"receivers": {"types": ["cheque"]}}})
        )
        .await,
        "Invalid receiver type: cheque"
    );
    assert_eq!(
        refused(
            &client,
            "virtualAccounts.create",
            json!({"params": {"receivers": {"types": ["bank_account"]}, "colour": "red"}})
        )
        .await,
        "colour is/are not required and should not be sent"
    );
    let account = ok(
        &client,
        "virtualAccounts.create",
        json!({"params": {"receivers": {"types": ["vpa"]}, "close_by": sandbox.now() + 3_600}}),
    )
    .await;
    let id = account["id"].as_str().expect("id");
    let (status, body) = control(
        &sandbox,
        &format!("/virtual_accounts/{id}/credit"),
        json!({"amount": 1_000}),
    )
    .await;
    assert_eq!(
        (status, &body["error"]["description"]),
        (
            400,
            &json!("The virtual account has no bank_account receiver")
        )
    );
    sandbox.advance_clock(3_601).expect("advance");
    let fetched = ok(
        &client,
        "virtualAccounts.fetch",
        json!({"virtual_account_id": id}),
    )
    .await;
    assert_eq!(fetched["status"], "closed");
    assert_eq!(
        refused(
            &client,
            "virtualAccounts.fetch",
            json!({"virtual_account_id": "va_DlGmm7jInLudH9"})
        )
        .await,
        "The id provided does not exist"
    );
}
