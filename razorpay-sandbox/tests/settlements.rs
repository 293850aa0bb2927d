//! Settlements through the Rust client's table methods: captured payments less fee and tax,
//! refunds and lost disputes taken back, settled T+2 on sandbox time, once, with
//! `settlement.processed`, and the combined recon report of that day.

mod money_support;

use money_support::{call, captured_payment, control, events, ist_date, ok, refused, start};
use serde_json::{Value, json};

const T_PLUS_2: i64 = 2 * 24 * 60 * 60;

#[tokio::test]
async fn captured_payments_settle_t_plus_2_less_fees_refunds_and_lost_disputes() {
    let (sandbox, client) = start().await;
    let first = captured_payment(&sandbox, &client, 50_000).await;
    let second = captured_payment(&sandbox, &client, 20_000).await;
    let (fee1, tax1) = (
        first["fee"].as_i64().expect("fee"),
        first["tax"].as_i64().expect("tax"),
    );
    let (fee2, tax2) = (
        second["fee"].as_i64().expect("fee"),
        second["tax"].as_i64().expect("tax"),
    );
    assert!(fee1 > 0 && tax1 > 0 && tax1 < fee1, "{first}");
    let refund = ok(
        &client,
        "payments.refund",
        json!({"payment_id": first["id"], "params": {"amount": 10_000}}),
    )
    .await;
    assert_eq!(refund["status"], "processed");
    let (status, dispute) = control(
        &sandbox,
        &format!("/payments/{}/dispute", second["id"].as_str().expect("id")),
        json!({"amount": 5_000}),
    )
    .await;
    assert_eq!(status, 200, "{dispute}");
    ok(
        &client,
        "disputes.accept",
        json!({"dispute_id": dispute["id"]}),
    )
    .await;

    let none = ok(&client, "settlements.all", json!({})).await;
    assert_eq!(none["count"], 0, "nothing settles before T+2");
    sandbox.advance_clock(T_PLUS_2 - 60).expect("advance");
    assert_eq!(ok(&client, "settlements.all", json!({})).await["count"], 0);
    sandbox.advance_clock(120).expect("advance");

    let all = ok(&client, "settlements.all", json!({"params": {"count": 5}})).await;
    assert_eq!(all["count"], 1, "{all}");
    let settlement = &all["items"][0];
    let id = settlement["id"].as_str().expect("id");
    assert!(razorpay_sandbox::is_razorpay_id(id, "setl"), "{id}");
    let expected = 50_000 - fee1 + 20_000 - fee2 - 10_000 - 5_000;
    assert_eq!(
        (
            &settlement["entity"],
            &settlement["status"],
            &settlement["amount"],
            &settlement["fees"],
            &settlement["tax"]
        ),
        (
            &json!("settlement"),
            &json!("processed"),
            &json!(expected),
            &json!(fee1 + fee2),
            &json!(tax1 + tax2)
        )
    );
    assert!(settlement["utr"].as_str().is_some_and(|u| !u.is_empty()));
    let fetched = ok(&client, "settlements.fetch", json!({"settlement_id": id})).await;
    assert_eq!(&fetched, settlement);

    let (year, month, day) = ist_date(settlement["created_at"].as_i64().expect("created_at"));
    let recon = ok(
        &client,
        "settlements.reports",
        json!({"params": {"year": year, "month": month, "day": day}}),
    )
    .await;
    assert_eq!(recon["count"], 4, "{recon}");
    let items = recon["items"].as_array().expect("items");
    let kinds: Vec<&str> = items.iter().filter_map(|i| i["type"].as_str()).collect();
    assert_eq!(kinds, ["payment", "payment", "refund", "adjustment"]);
    let net: i64 = items
        .iter()
        .map(|i| i["credit"].as_i64().unwrap_or(0) - i["debit"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(net, expected, "the report adds up to the settlement");
    for item in items {
        assert_eq!(
            (
                &item["settlement_id"],
                &item["settlement_utr"],
                &item["settled"]
            ),
            (&json!(id), &settlement["utr"], &json!(true))
        );
    }
    assert_eq!(items[0]["entity_id"], first["id"]);
    assert_eq!(items[0]["fee"], json!(fee1));
    assert_eq!(items[0]["order_receipt"], "rcpt_money");
    assert_eq!(items[2]["payment_id"], first["id"]);
    assert_eq!(items[3]["dispute_id"], dispute["id"]);

    let month_report = ok(
        &client,
        "settlements.reports",
        json!({"params": {"year": year, "month": month}}),
    )
    .await;
    assert_eq!(month_report["count"], 4);
    let other_year = ok(
        &client,
        "settlements.reports",
        json!({"params": {"year": year - 1, "month": month}}),
    )
    .await;
    assert_eq!(other_year["count"], 0);

    // Nothing is settled twice, and a later capture settles on its own.
    sandbox.advance_clock(T_PLUS_2).expect("advance");
    assert_eq!(ok(&client, "settlements.all", json!({})).await["count"], 1);
    captured_payment(&sandbox, &client, 30_000).await;
    sandbox.advance_clock(T_PLUS_2).expect("advance");
    let both = ok(&client, "settlements.all", json!({})).await;
    assert_eq!(both["count"], 2);
    assert_ne!(both["items"][0]["id"], json!(id), "newest first");
    assert_eq!(
        events(&sandbox, "settlement.").await,
        ["settlement.processed", "settlement.processed"]
    );
}

#[tokio::test]
async fn settlement_errors_are_razorpays() {
    let (_sandbox, client) = start().await;
    assert_eq!(
        refused(
            &client,
            "settlements.fetch",
            json!({"settlement_id": "setl_DGlQ1Rj8os78Ec"})
        )
        .await,
        "The id provided does not exist"
    );
    assert_eq!(
        refused(
            &client,
            "settlements.reports",
            json!({"params": {"year": 2026}})
        )
        .await,
        "The month field is required."
    );
    assert_eq!(
        refused(
            &client,
            "settlements.reports",
            json!({"params": {"year": 2026, "month": 13}})
        )
        .await,
        "The month must be between 1 and 12."
    );
    let empty: Value = ok(
        &client,
        "settlements.all",
        json!({"params": {"count": 100}}),
    )
    .await;
    assert_eq!(empty["items"], json!([]));
    assert!(
        call(
            &client,
            "settlements.all",
            json!({"params": {"count": 101}})
        )
        .await
        .is_err()
    );
}

#[tokio::test]
async fn ondemand_settlements_draw_on_the_balance_and_the_next_settlement_nets_them() {
    let (sandbox, client) = start().await;
    let payment = captured_payment(&sandbox, &client, 100_000).await;
    let fee = payment["fee"].as_i64().expect("fee");
    assert_eq!(
        refused(
            &client,
            "settlements.createOndemandSettlement",
            json!({"params": {"amount": 200_000}})
        )
        .await,
        "The amount requested is greater than the balance available for settlement"
    );
    let instant = ok(
        &client,
        "settlements.createOndemandSettlement",
        json!({"params": {"amount": 50_000, "settle_full_balance": false,
                          "description": "Need this to make vendor payments.",
                          "notes": {"notes_key_1": "Tea, Earl Grey, Hot"}}}),
    )
    .await;
    let id = instant["id"].as_str().expect("id");
    assert!(razorpay_sandbox::is_razorpay_id(id, "setlod"), "{id}");
    // 0.25 % of ₹500 is 125 paise, and 18 % GST on that is 22.
    assert_eq!(
        (
            &instant["entity"],
            &instant["status"],
            &instant["fees"],
            &instant["tax"],
            &instant["amount_settled"]
        ),
        (
            &json!("settlement.ondemand"),
            &json!("processed"),
            &json!(147),
            &json!(22),
            &json!(50_000 - 147)
        )
    );
    assert!(instant.get("ondemand_payouts").is_none());
    let expanded = ok(
        &client,
        "settlements.fetchOndemandSettlementById",
        json!({"settlement_id": id, "params": {"expand[]": "ondemand_payouts"}}),
    )
    .await;
    let payout = &expanded["ondemand_payouts"]["items"][0];
    assert!(razorpay_sandbox::is_razorpay_id(
        payout["id"].as_str().expect("payout id"),
        "setlodp"
    ));
    assert_eq!(payout["amount"], 50_000);
    let all = ok(&client, "settlements.fetchAllOndemandSettlement", json!({})).await;
    assert_eq!(
        (&all["count"], &all["items"][0]["id"]),
        (&json!(1), &json!(id))
    );
    let all_expanded = ok(
        &client,
        "settlements.fetchAllOndemandSettlement",
        json!({"params": {"expand[]": "ondemand_payouts", "count": 5}}),
    )
    .await;
    assert_eq!(all_expanded["items"][0]["ondemand_payouts"]["count"], 1);

    sandbox.advance_clock(T_PLUS_2).expect("advance");
    let scheduled = ok(&client, "settlements.all", json!({})).await;
    assert_eq!(
        scheduled["items"][0]["amount"],
        json!(100_000 - fee - 50_000)
    );
    let (year, month, day) = ist_date(scheduled["items"][0]["created_at"].as_i64().expect("at"));
    let recon = ok(
        &client,
        "settlements.reports",
        json!({"params": {"year": year, "month": month, "day": day}}),
    )
    .await;
    let kinds: Vec<&str> = recon["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["type"].as_str())
        .collect();
    assert_eq!(kinds, ["payment", "settlement.ondemand"]);

    let second = captured_payment(&sandbox, &client, 20_000).await;
    let full = ok(
        &client,
        "settlements.createOndemandSettlement",
        json!({"params": {"settle_full_balance": true}}),
    )
    .await;
    assert_eq!(
        full["amount_requested"],
        json!(20_000 - second["fee"].as_i64().expect("fee"))
    );
    assert_eq!(
        refused(
            &client,
            "settlements.createOndemandSettlement",
            json!({"params": {"amount": 100}})
        )
        .await,
        "The amount requested is greater than the balance available for settlement"
    );
}
