//! List filters Razorpay documents, accepted by the sandbox: payment links page with
//! `count`/`skip`/`from`/`to` beside `payment_id` and `reference_id` (the official packages always
//! send `count` and `skip`), and payments and orders take `expand[]` on the list as on a fetch.

mod common;

use common::{keys, ok};
use razorpay_sandbox::{CheckoutMethod, CheckoutResult, Sandbox};
use serde_json::{Value, json};

/// `GET` with a raw query string, so that `expand[]` goes on the wire exactly as documented.
async fn get(sandbox: &Sandbox, path_and_query: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(format!("{}{path_and_query}", sandbox.url()))
        .basic_auth(sandbox.key_id(), Some(sandbox.key_secret()))
        .send()
        .await
        .expect("answer");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

fn ids(links: &razorpay_core::model::PaymentLinkList) -> Vec<&str> {
    links.payment_links.iter().map(|l| l.id.as_str()).collect()
}

#[tokio::test]
async fn payment_links_are_listed_with_the_paging_window_and_filters() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let mut created = Vec::new();
    for n in 1..=3 {
        let link = client
            .payment_link()
            .create(&json!({"amount": 1_000 * n, "currency": "INR", "reference_id": format!("REF-{n}")}))
            .await
            .expect("payment link created");
        created.push(link.id);
        // Distinct creation seconds, for the from/to window.
        sandbox.advance_clock(10).expect("clock");
    }
    let paid = sandbox
        .pay_payment_link(&created[1], CheckoutMethod::Upi, None)
        .expect("paid");
    let newest_first: Vec<&str> = created.iter().rev().map(String::as_str).collect();

    // What the official Node package sends for `paymentLink.all()`: count=10&skip=0.
    let all = client
        .payment_link()
        .all(&json!({"count": 10, "skip": 0}))
        .await
        .expect("all");
    assert_eq!(ids(&all), newest_first);
    let page = client
        .payment_link()
        .all(&json!({"count": 1, "skip": 1}))
        .await
        .expect("page");
    assert_eq!(ids(&page), [newest_first[1]]);
    let by_reference = client
        .payment_link()
        .all(&json!({"reference_id": "REF-3", "count": 10}))
        .await
        .expect("by reference");
    assert_eq!(ids(&by_reference), [created[2].as_str()]);
    let by_payment = client
        .payment_link()
        .all(&json!({"payment_id": paid.payment_id}))
        .await
        .expect("by payment");
    assert_eq!(ids(&by_payment), [created[1].as_str()]);

    // from/to select on created_at, inclusive.
    let first_at = all.payment_links[2]
        .created_at
        .expect("created_at")
        .as_secs();
    let window = client
        .payment_link()
        .all(&json!({"from": first_at, "to": first_at + 10}))
        .await
        .expect("window");
    assert_eq!(ids(&window), [created[1].as_str(), created[0].as_str()]);

    // The answer keeps Razorpay's shape: `{"payment_links": [...]}`, as in the SDK fixture.
    let (status, raw) = get(&sandbox, "/v1/payment_links?count=10&skip=0").await;
    assert_eq!(status, 200, "{raw}");
    let fixture = common::fixture("razorpay-sdk/razorpay-python/payment_link_collection.json");
    assert_eq!(keys(&raw), keys(&fixture));

    // The window is validated as on every list (the Rust client refuses count=101 before
    // sending, so it goes raw), and unknown filters are still refused.
    let (status, refusal) = get(&sandbox, "/v1/payment_links?count=101").await;
    assert_eq!(
        (status, &refusal["error"]["description"]),
        (400, &json!("The count must be between 1 and 100."))
    );
    let (status, refusal) = get(&sandbox, "/v1/payment_links?status=paid").await;
    assert_eq!(status, 400, "{refusal}");
}

#[tokio::test]
async fn payments_and_orders_are_listed_with_expand() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 50_000, "currency": "INR"}}),
    )
    .await;
    let order_id = order["id"].as_str().expect("id").to_string();
    let CheckoutResult::Paid {
        razorpay_payment_id,
        ..
    } = sandbox.pay(&order_id).expect("checkout")
    else {
        panic!("the card payment failed");
    };

    let (status, payments) = get(&sandbox, "/v1/payments?expand[]=card&count=10").await;
    assert_eq!(status, 200, "{payments}");
    let payment = &payments["items"][0];
    assert_eq!(payment["id"], json!(razorpay_payment_id));
    assert_eq!(payment["card"]["id"], payment["card_id"], "{payment}");
    let (_, plain) = get(&sandbox, "/v1/payments").await;
    assert!(plain["items"][0].get("card").is_none(), "{plain}");
    // The official Node package sends `{expand: {"expand[]": "card"}}` as `expand[expand]=card`.
    let (status, official) =
        get(&sandbox, "/v1/payments?count=10&skip=0&expand[expand]=card").await;
    assert_eq!((status, &official), (200, &payments));

    let (status, orders) = get(&sandbox, "/v1/orders?expand[]=payments.card").await;
    assert_eq!(status, 200, "{orders}");
    let listed = &orders["items"][0];
    assert_eq!(listed["id"], json!(order_id));
    assert_eq!(
        listed["payments"]["items"][0]["id"],
        json!(razorpay_payment_id)
    );
    assert_eq!(
        listed["payments"]["items"][0]["card"]["entity"],
        json!("card")
    );
    // The listed order with payments expanded is the fetched one with the same expansion.
    let (_, fetched) = get(
        &sandbox,
        &format!("/v1/orders/{order_id}?expand[]=payments.card"),
    )
    .await;
    assert_eq!(listed, &fetched);

    let (status, refusal) = get(&sandbox, "/v1/payments?expand[]=nonsense").await;
    assert_eq!(
        (status, &refusal["error"]["description"]),
        (400, &json!("nonsense is not a valid value for expand."))
    );
}
