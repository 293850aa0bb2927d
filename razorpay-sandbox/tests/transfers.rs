//! Transfers (Route) through the Rust client's table methods: from a captured payment and
//! direct, fetch, list, hold and release, reverse; `transfer.processed`; settlements take
//! transfers out and give reversals back.

mod money_support;

use money_support::{captured_payment, events, ok, refused, start};
use serde_json::json;

const LINKED: &str = "acc_CPRsN1LkFccllA";
const OTHER: &str = "acc_CNo3jSI8OkFJJJ";

#[tokio::test]
async fn a_payment_is_split_held_released_and_reversed() {
    let (sandbox, client) = start().await;
    let payment = captured_payment(&sandbox, &client, 50_000).await;
    let payment_id = payment["id"].as_str().expect("id");
    let created = ok(
        &client,
        "payments.transfer",
        json!({"payment_id": payment_id, "params": {"transfers": [
            {"account": LINKED, "amount": 20_000, "currency": "INR",
             "notes": {"branch": "Acme Corp Bangalore North", "name": "Gaurav Kumar"},
             "linked_account_notes": ["branch"], "on_hold": true,
             "on_hold_until": sandbox.now() + 86_400},
            {"account": OTHER, "amount": 10_000, "currency": "INR"}
        ]}}),
    )
    .await;
    assert_eq!(created["count"], 2, "{created}");
    let first = &created["items"][0];
    let id = first["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "trf"));
    assert_eq!(
        (
            &first["source"],
            &first["recipient"],
            &first["transfer_status"],
            &first["on_hold"]
        ),
        (
            &json!(payment_id),
            &json!(LINKED),
            &json!("processed"),
            &json!(true)
        )
    );
    assert_eq!(first["linked_account_notes"], json!(["branch"]));
    assert_eq!(first["settlement_status"], "on_hold");

    assert_eq!(
        refused(
            &client,
            "payments.transfer",
            json!({"payment_id": payment_id, "params": {"transfers": [
                {"account": OTHER, "amount": 20_001, "currency": "INR"}]}})
        )
        .await,
        "The sum of amount requested for transfer is greater than the captured amount"
    );
    let of_payment = ok(
        &client,
        "payments.fetchTransfer",
        json!({"payment_id": payment_id}),
    )
    .await;
    assert_eq!(of_payment["count"], 2);
    let via_all = ok(
        &client,
        "transfers.all",
        json!({"params": {"payment_id": payment_id}}),
    )
    .await;
    assert_eq!(via_all["count"], 2);
    assert_eq!(
        ok(&client, "transfers.fetch", json!({"transfer_id": id})).await,
        *first
    );

    let released = ok(
        &client,
        "transfers.edit",
        json!({"transfer_id": id, "params": {"on_hold": false}}),
    )
    .await;
    assert_eq!(
        (
            &released["on_hold"],
            &released["on_hold_until"],
            &released["settlement_status"]
        ),
        (&json!(false), &json!(null), &json!("pending"))
    );
    let reversal = ok(
        &client,
        "transfers.reverse",
        json!({"transfer_id": id, "params": {"amount": 5_000}}),
    )
    .await;
    assert!(razorpay_sandbox::is_razorpay_id(
        reversal["id"].as_str().expect("id"),
        "rvrsl"
    ));
    assert_eq!(
        (
            &reversal["entity"],
            &reversal["transfer_id"],
            &reversal["amount"]
        ),
        (&json!("reversal"), &json!(id), &json!(5_000))
    );
    let partly = ok(&client, "transfers.fetch", json!({"transfer_id": id})).await;
    assert_eq!(
        (&partly["transfer_status"], &partly["amount_reversed"]),
        (&json!("partially_reversed"), &json!(5_000))
    );
    // What was reversed can be transferred again.
    ok(
        &client,
        "payments.transfer",
        json!({"payment_id": payment_id, "params": {"transfers": [
            {"account": OTHER, "amount": 25_000, "currency": "INR"}]}}),
    )
    .await;
    let rest = ok(
        &client,
        "transfers.reverse",
        json!({"transfer_id": id, "params": {}}),
    )
    .await;
    assert_eq!(rest["amount"], 15_000, "the rest by default");
    assert_eq!(
        ok(&client, "transfers.fetch", json!({"transfer_id": id})).await["transfer_status"],
        "reversed"
    );

    let direct = ok(
        &client,
        "transfers.create",
        json!({"params": {"account": LINKED, "amount": 1_000, "currency": "INR"}}),
    )
    .await;
    assert_eq!(
        (&direct["source"], &direct["entity"]),
        (&json!(sandbox.account_id()), &json!("transfer"))
    );
    assert_eq!(
        events(&sandbox, "transfer.").await,
        ["transfer.processed"; 4]
    );

    // T+2: the settlement pays out the payment less its fee, the transfers and the reversals.
    sandbox.advance_clock(2 * 24 * 60 * 60).expect("advance");
    let settlements = ok(&client, "settlements.all", json!({})).await;
    let fee = payment["fee"].as_i64().expect("fee");
    let expected = 50_000 - fee - 20_000 - 10_000 + 5_000 - 25_000 + 15_000 - 1_000;
    assert_eq!(settlements["items"][0]["amount"], expected);
}

#[tokio::test]
async fn transfer_validation() {
    let (sandbox, client) = start().await;
    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 5_000}}),
    )
    .await;
    let authorized = sandbox
        .checkout(
            &razorpay_sandbox::CheckoutRequest::new(order["id"].as_str().expect("id"))
                .outcome(razorpay_sandbox::CheckoutOutcome::Authorized),
        )
        .expect("authorized");
    let one = json!({"transfers": [{"account": LINKED, "amount": 1_000, "currency": "INR"}]});
    assert_eq!(
        refused(
            &client,
            "payments.transfer",
            json!({"payment_id": authorized.payment_id(), "params": one})
        )
        .await,
        "Transfers can only be created on a captured payment"
    );
    assert_eq!(
        refused(
            &client,
            "transfers.create",
            json!({"params": {"account": "acme", "amount": 1_000, "currency": "INR"}})
        )
        .await,
        "The account id is invalid."
    );
    assert_eq!(
        refused(
            &client,
            "transfers.create",
            json!({"params": {"account": LINKED, "amount": 1_000, "currency": "INR",
                              "notes": {"a": "b"}, "linked_account_notes": ["c"]}})
        )
        .await,
        "The linked_account_notes key c is not in notes."
    );
    assert_eq!(
        refused(
            &client,
            "transfers.fetch",
            json!({"transfer_id": "trf_DSkl2lXWbiADZG"})
        )
        .await,
        "The id provided does not exist"
    );
    let direct = ok(
        &client,
        "transfers.create",
        json!({"params": {"account": LINKED, "amount": 1_000, "currency": "INR"}}),
    )
    .await;
    assert_eq!(
        refused(
            &client,
            "transfers.reverse",
            json!({"transfer_id": direct["id"], "params": {"amount": 1_001}})
        )
        .await,
        "The reversal amount must be at most the amount not yet reversed."
    );
}

#[tokio::test]
async fn an_order_created_with_transfers_splits_its_payment_once_captured() {
    let (sandbox, client) = start().await;
    let order = ok(
        &client,
        "orders.create",
        json!({"params": {"amount": 2_000, "currency": "INR", "transfers": [
            {"account": LINKED, "amount": 1_000, "currency": "INR",
             "notes": {"branch": "Acme Corp Bangalore North"}, "linked_account_notes": ["branch"],
             "on_hold": true, "on_hold_until": sandbox.now() + 86_400},
            {"account": OTHER, "amount": 500, "currency": "INR"}
        ]}}),
    )
    .await;
    let order_id = order["id"].as_str().expect("id");
    let paid = sandbox.pay(order_id).expect("paid");
    let transfers = ok(
        &client,
        "payments.fetchTransfer",
        json!({"payment_id": paid.payment_id()}),
    )
    .await;
    assert_eq!(transfers["count"], 2, "{transfers}");
    for transfer in transfers["items"].as_array().expect("items") {
        assert_eq!(transfer["source"], json!(order_id));
    }
    assert_eq!(
        events(&sandbox, "transfer.").await,
        ["transfer.processed", "transfer.processed"]
    );
    // What the order already transferred is not available to the payment again.
    assert_eq!(
        refused(
            &client,
            "payments.transfer",
            json!({"payment_id": paid.payment_id(), "params": {"transfers": [
                {"account": OTHER, "amount": 501, "currency": "INR"}]}})
        )
        .await,
        "The sum of amount requested for transfer is greater than the captured amount"
    );
}
