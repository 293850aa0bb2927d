//! Subscription updates through the Rust client's table calls: a change applied now
//! (`subscription.updated`), one scheduled for the cycle's end (previewed, then applied at
//! the next charge), a scheduled change cancelled, and the states that refuse updates.

mod common;

use std::time::Duration;

use common::{bodies, events, ok, ok_receiver, refused};
use razorpay_sandbox::{CheckoutMethod, Sandbox};
use serde_json::{Value, json};

const MONTH: i64 = 31 * 24 * 3_600;

async fn plan(client: &razorpay_core::RazorpayClient, amount: i64) -> String {
    let plan = ok(
        client,
        "plans.create",
        json!({"params": {"period": "monthly", "interval": 1,
               "item": {"name": format!("Plan {amount}"), "amount": amount, "currency": "INR"}}}),
    )
    .await;
    plan["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn updates_apply_now_or_at_the_cycle_end_and_can_be_cancelled() {
    let hook = ok_receiver().await;
    let sandbox = Sandbox::builder()
        .webhook(&hook)
        .start()
        .await
        .expect("sandbox");
    let client = sandbox.client().expect("client");
    let (basic, premium) = (plan(&client, 50_000).await, plan(&client, 90_000).await);
    let sub = ok(
        &client,
        "subscriptions.create",
        json!({"params": {"plan_id": basic, "total_count": 6}}),
    )
    .await;
    let id = sub["id"].as_str().expect("id").to_string();
    assert_eq!(
        refused(
            &client,
            "subscriptions.update",
            json!({"subscription_id": id, "params": {"quantity": 2}})
        )
        .await,
        "Subscription cannot be updated when it is in created state"
    );
    sandbox
        .authenticate_subscription(&id, CheckoutMethod::Card)
        .expect("authenticated");

    // Now: quantity 2 and two more cycles at once.
    let now = ok(
        &client,
        "subscriptions.update",
        json!({"subscription_id": id, "params": {"quantity": 2, "remaining_count": 7,
               "schedule_change_at": "now"}}),
    )
    .await;
    assert_eq!(
        (
            &now["quantity"],
            &now["remaining_count"],
            &now["total_count"]
        ),
        (&json!(2), &json!(7), &json!(8))
    );
    assert_eq!(now["has_scheduled_changes"], false);

    // At the cycle's end: the premium plan, previewed, not yet applied.
    let scheduled = ok(
        &client,
        "subscriptions.update",
        json!({"subscription_id": id, "params": {"plan_id": premium, "schedule_change_at": "cycle_end"}}),
    )
    .await;
    assert_eq!(
        (&scheduled["plan_id"], &scheduled["has_scheduled_changes"]),
        (&json!(basic), &json!(true))
    );
    assert_eq!(scheduled["change_scheduled_at"], scheduled["current_end"]);
    let preview = ok(
        &client,
        "subscriptions.pendingUpdate",
        json!({"subscription_id": id}),
    )
    .await;
    assert_eq!(
        (&preview["plan_id"], &preview["quantity"]),
        (&json!(premium), &json!(2))
    );
    assert_eq!(
        ok(
            &client,
            "subscriptions.fetch",
            json!({"subscription_id": id})
        )
        .await["plan_id"],
        json!(basic)
    );

    // Cancelled, then scheduled again and applied by the next charge.
    let cancelled = ok(
        &client,
        "subscriptions.cancelScheduledChanges",
        json!({"subscription_id": id}),
    )
    .await;
    assert_eq!(cancelled["has_scheduled_changes"], false);
    assert_eq!(
        refused(
            &client,
            "subscriptions.pendingUpdate",
            json!({"subscription_id": id})
        )
        .await,
        "Subscription does not have any scheduled changes"
    );
    ok(
        &client,
        "subscriptions.update",
        json!({"subscription_id": id, "params": {"plan_id": premium, "schedule_change_at": "cycle_end"}}),
    )
    .await;
    sandbox.advance_clock(MONTH).expect("advance");
    let after = ok(
        &client,
        "subscriptions.fetch",
        json!({"subscription_id": id}),
    )
    .await;
    assert_eq!(
        (
            &after["plan_id"],
            &after["has_scheduled_changes"],
            &after["paid_count"]
        ),
        (&json!(premium), &json!(false), &json!(2))
    );
    let invoices = ok(
        &client,
        "invoices.all",
        json!({"params": {"subscription_id": id}}),
    )
    .await;
    assert_eq!(
        invoices["items"][0]["amount"],
        2 * 90_000,
        "the new plan, quantity 2"
    );

    assert!(sandbox.wait_for_webhooks(Duration::from_secs(10)).await);
    let updated = bodies(&sandbox, "subscription.updated");
    let plans: Vec<Value> = updated
        .iter()
        .map(|b| b["payload"]["subscription"]["entity"]["plan_id"].clone())
        .collect();
    assert_eq!(
        plans,
        [json!(basic), json!(premium)],
        "one webhook per applied change"
    );
    let order = events(&sandbox, &["subscription."]);
    let charged_last = order
        .iter()
        .rposition(|e| e == "subscription.charged")
        .expect("charged");
    let updated_last = order
        .iter()
        .rposition(|e| e == "subscription.updated")
        .expect("updated");
    assert!(
        updated_last < charged_last,
        "the change applies before the charge: {order:?}"
    );

    // Bad values are refused with Razorpay's field errors.
    assert_eq!(
        refused(
            &client,
            "subscriptions.update",
            json!({"subscription_id": id, "params": {"schedule_change_at": "later"}})
        )
        .await,
        "The selected schedule change at is invalid."
    );
    assert_eq!(
        refused(
            &client,
            "subscriptions.update",
            json!({"subscription_id": id, "params": {"colour": "red"}})
        )
        .await,
        "colour is/are not required and should not be sent"
    );
}
