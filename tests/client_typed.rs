//! The typed resources of the API table against the sandbox: each answer decodes into its
//! model type (customers, plans, subscriptions, payment links), unknown request parameters are
//! passed through, validation happens before sending, and an answer of another kind is refused.
//! The answers typed last (on-demand settlements, `{"success": true}`)
//! decode from the sandbox too, and the `[]` of a deletion stays a plain JSON value.

use checkout_kit_tests::sandbox as support;

use razorpay_core::api::RequestOptions;
use razorpay_core::client::ClientError;
use razorpay_core::model::{Collection, Customer, PaymentLinkStatus, SubscriptionStatus};
use serde_json::json;

#[tokio::test]
async fn customers_plans_subscriptions_and_links_come_back_typed() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);

    let customer = client
        .customers()
        .create(&json!({
            "name": "Gaurav Kumar", "email": "gaurav.kumar@example.com",
            "contact": "9123456780", "notes": {"shop_user": "u_7"}
        }))
        .await
        .expect("customer created");
    assert!(customer.id.starts_with("cust_"), "{}", customer.id);
    assert_eq!(customer.email.as_deref(), Some("gaurav.kumar@example.com"));
    assert_eq!(customer.notes.get("shop_user"), Some("u_7"));
    let fetched = client.customers().fetch(&customer.id).await.expect("fetch");
    assert_eq!(fetched, customer);
    let page = client
        .customers()
        .all(&json!({"count": 10}))
        .await
        .expect("list");
    assert!(page.items.iter().any(|c| c.id == customer.id));

    let plan = client
        .plans()
        .create(&json!({
            "period": "monthly", "interval": 1,
            "item": {"name": "Gold", "amount": 49_900, "currency": "INR"}
        }))
        .await
        .expect("plan created");
    let item = plan.item.as_ref().expect("the plan's item");
    assert_eq!(
        (item.amount, item.currency.as_deref()),
        (Some(49_900), Some("INR"))
    );
    assert_eq!(
        client.plans().fetch(&plan.id).await.expect("fetch plan"),
        plan
    );

    let subscription = client
        .subscriptions()
        .create(&json!({"plan_id": plan.id, "total_count": 12, "customer_id": customer.id}))
        .await
        .expect("subscription created");
    assert_eq!(subscription.status, SubscriptionStatus::Created);
    assert_eq!(subscription.plan_id.as_deref(), Some(plan.id.as_str()));

    let link = client
        .payment_link()
        .create(&json!({"amount": 1_000, "currency": "INR", "description": "Invoice 7"}))
        .await
        .expect("payment link created");
    assert_eq!(
        (link.amount, link.status.clone()),
        (1_000, PaymentLinkStatus::Created)
    );
    let cancelled = client
        .payment_link()
        .cancel(&link.id)
        .await
        .expect("cancel");
    assert_eq!(cancelled.status, PaymentLinkStatus::Cancelled);

    // The generic form: any method, decoded as the type asked for.
    let page: Collection<Customer> = client
        .call(
            "customers.all",
            &json!({"params": {"count": 1}}),
            &RequestOptions::default(),
        )
        .await
        .expect("call");
    assert_eq!(page.count, page.items.len() as u64);
}

#[tokio::test]
async fn validation_runs_before_sending_and_other_entities_are_refused() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let before = sandbox.requests().len();

    // Notes beyond Razorpay's limit: refused locally, nothing sent.
    let notes: serde_json::Map<String, serde_json::Value> =
        (0..16).map(|i| (format!("k{i}"), json!("v"))).collect();
    let err = client
        .customers()
        .create(&json!({"name": "A", "notes": notes}))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "NOTES_TOO_MANY");
    // An id that is not an id: refused locally.
    let err = client.customers().fetch("../orders").await.unwrap_err();
    assert!(matches!(err, ClientError::InvalidRequest(_)), "{err:?}");
    assert_eq!(sandbox.requests().len(), before);

    // An order fetched as a customer is not a customer.
    let order = client
        .orders()
        .create(&razorpay_core::client::CreateOrder::new(50_000, "INR"))
        .await
        .expect("order");
    let err = client
        .call::<Customer>(
            "orders.fetch",
            &json!({"order_id": order.id}),
            &RequestOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "UNEXPECTED_RESPONSE");
}

#[tokio::test]
async fn settlements_links_and_acknowledgements_come_back_typed() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);

    // A captured ₹1,000 payment gives a balance to settle on demand.
    let order = client
        .orders()
        .create(&razorpay_core::client::CreateOrder::new(100_000, "INR"))
        .await
        .expect("order");
    sandbox.pay(&order.id).expect("paid");
    let instant = client
        .settlements()
        .create_ondemand_settlement(&json!({"amount": 50_000, "description": "vendors"}))
        .await
        .expect("on-demand settlement");
    assert!(instant.id.starts_with("setlod_"), "{}", instant.id);
    assert_eq!(instant.amount_requested, Some(50_000));
    let expanded = client
        .settlements()
        .fetch_ondemand_settlement_by_id(&instant.id, &json!({"expand[]": "ondemand_payouts"}))
        .await
        .expect("fetch");
    let payouts = expanded.ondemand_payouts.expect("payouts expanded");
    assert_eq!(payouts.items[0].amount, Some(50_000));
    let page = client
        .settlements()
        .fetch_all_ondemand_settlement(&())
        .await
        .expect("list");
    assert_eq!(page.items[0].id, instant.id);

    let link = client
        .payment_link()
        .create(&json!({"amount": 1_000, "currency": "INR", "description": "Invoice 8"}))
        .await
        .expect("payment link created");
    let notified = client
        .payment_link()
        .notify_by(&link.id, "sms")
        .await
        .expect("notified");
    assert!(notified.success.is_some_and(|s| s.get()));

    // Deleting an item answers `[]`: nothing to type, kept as JSON.
    let item = client
        .items()
        .create(&json!({"name": "Book", "amount": 20_000, "currency": "INR"}))
        .await
        .expect("item");
    let deleted = client.items().delete(&item.id).await.expect("deleted");
    assert_eq!(deleted, json!([]));
}
