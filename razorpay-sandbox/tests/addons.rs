//! Add-ons through the Rust client's table calls: created on a subscription, fetched, listed,
//! deleted while uncharged, and charged once on the subscription's next invoice.

mod common;

use std::time::Duration;

use common::{bodies, ok, ok_receiver, refused};
use razorpay_sandbox::{CheckoutMethod, Sandbox};
use serde_json::json;

const MONTH: i64 = 31 * 24 * 3_600;

#[tokio::test]
async fn an_addon_is_charged_once_on_the_next_invoice() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let client = sandbox.client().expect("client");
    let plan = ok(
        &client,
        "plans.create",
        json!({"params": {"period": "monthly", "interval": 1,
               "item": {"name": "Meals", "amount": 69_900, "currency": "INR"}}}),
    )
    .await;
    let sub = ok(
        &client,
        "subscriptions.create",
        json!({"params": {"plan_id": plan["id"], "total_count": 6}}),
    )
    .await;
    let sub_id = sub["id"].as_str().expect("id").to_string();
    sandbox
        .authenticate_subscription(&sub_id, CheckoutMethod::Card)
        .expect("authenticated");

    let addon = ok(
        &client,
        "subscriptions.createAddon",
        json!({"subscription_id": sub_id, "params": {
            "item": {"name": "Extra appala (papadum)", "amount": 30_000, "currency": "INR",
                     "description": "1 extra oil fried appala with meals"},
            "quantity": 2}}),
    )
    .await;
    let addon_id = addon["id"].as_str().expect("id").to_string();
    assert!(
        razorpay_sandbox::is_razorpay_id(&addon_id, "ao"),
        "{addon_id}"
    );
    assert_eq!(
        (
            &addon["entity"],
            &addon["quantity"],
            &addon["invoice_id"],
            &addon["subscription_id"]
        ),
        (&json!("addon"), &json!(2), &json!(null), &json!(sub_id))
    );
    assert_eq!(
        (&addon["item"]["type"], &addon["item"]["amount"]),
        (&json!("addon"), &json!(30_000))
    );
    assert!(razorpay_sandbox::is_razorpay_id(
        addon["item"]["id"].as_str().expect("item id"),
        "item"
    ));
    // The documented add-on entity's keys.
    assert_eq!(
        common::keys(&addon),
        [
            "created_at",
            "entity",
            "id",
            "invoice_id",
            "item",
            "quantity",
            "subscription_id"
        ]
    );
    assert_eq!(
        ok(&client, "addons.fetch", json!({"addon_id": addon_id})).await,
        addon
    );

    // A second add-on, deleted before the charge, is never billed.
    let dropped = ok(
        &client,
        "subscriptions.createAddon",
        json!({"subscription_id": sub_id, "params": {
            "item": {"name": "Extra sweet", "amount": 9_000, "currency": "INR"}}}),
    )
    .await;
    let listed = ok(&client, "addons.all", json!({})).await;
    assert_eq!(listed["count"], 2);
    assert_eq!(
        ok(&client, "addons.delete", json!({"addon_id": dropped["id"]})).await,
        json!([])
    );
    assert_eq!(
        refused(&client, "addons.fetch", json!({"addon_id": dropped["id"]})).await,
        "The id provided does not exist"
    );

    sandbox.advance_clock(MONTH).expect("advance");
    let charged = ok(&client, "addons.fetch", json!({"addon_id": addon_id})).await;
    let invoice_id = charged["invoice_id"]
        .as_str()
        .expect("invoiced")
        .to_string();
    let invoice = ok(&client, "invoices.fetch", json!({"invoice_id": invoice_id})).await;
    assert_eq!(invoice["amount"], 69_900 + 2 * 30_000, "{invoice}");
    let lines = invoice["line_items"].as_array().expect("lines");
    assert_eq!(
        lines
            .iter()
            .map(|l| (l["type"].clone(), l["gross_amount"].clone()))
            .collect::<Vec<_>>(),
        [
            (json!("plan"), json!(69_900)),
            (json!("addon"), json!(60_000))
        ]
    );
    // Charged once: the next cycle bills the plan alone.
    sandbox.advance_clock(MONTH).expect("advance");
    let invoices = ok(
        &client,
        "invoices.all",
        json!({"params": {"subscription_id": sub_id}}),
    )
    .await;
    let amounts: Vec<_> = invoices["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["amount"].clone())
        .collect();
    assert_eq!(amounts, [json!(69_900), json!(129_900), json!(69_900)]);
    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let charged: Vec<_> = bodies(&sandbox, "subscription.charged")
        .iter()
        .map(|b| b["payload"]["payment"]["entity"]["amount"].clone())
        .collect();
    assert_eq!(charged, [json!(69_900), json!(129_900), json!(69_900)]);

    // A charged add-on cannot be deleted.
    assert_eq!(
        refused(&client, "addons.delete", json!({"addon_id": addon_id})).await,
        "Addon cannot be deleted as it has already been charged"
    );
}

#[tokio::test]
async fn upfront_addons_ride_on_the_first_charge_and_bad_ones_create_nothing() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let plan = ok(
        &client,
        "plans.create",
        json!({"params": {"period": "weekly", "interval": 1,
               "item": {"name": "Box", "amount": 10_000, "currency": "INR"}}}),
    )
    .await;
    let refused_create = refused(
        &client,
        "subscriptions.create",
        json!({"params": {"plan_id": plan["id"], "total_count": 2,
               "addons": [{"item": {"name": "Delivery", "amount": 3_000, "currency": "USD"}}]}}),
    )
    .await;
    assert_eq!(
        refused_create,
        "The addon currency should be the same as the plan currency INR"
    );
    assert_eq!(
        ok(&client, "subscriptions.all", json!({})).await["count"],
        0
    );
    assert_eq!(ok(&client, "addons.all", json!({})).await["count"], 0);

    let sub = ok(
        &client,
        "subscriptions.create",
        json!({"params": {"plan_id": plan["id"], "total_count": 2,
               "addons": [{"item": {"name": "Delivery", "amount": 3_000, "currency": "INR"}}]}}),
    )
    .await;
    let auth = sandbox
        .authenticate_subscription(sub["id"].as_str().expect("id"), CheckoutMethod::Card)
        .expect("authenticated");
    let payment = ok(
        &client,
        "payments.fetch",
        json!({"payment_id": auth.payment_id}),
    )
    .await;
    assert_eq!(payment["amount"], 13_000);
}
