//! Items through the Rust client's table calls: create, fetch, list (with `active`), edit,
//! delete, and Razorpay's validation errors.

mod common;

use common::{keys, ok, refused};
use razorpay_sandbox::Sandbox;
use serde_json::json;

#[tokio::test]
async fn an_item_is_created_edited_listed_and_deleted() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    let item = ok(
        &client,
        "items.create",
        json!({"params": {"name": "Book / English August", "amount": 20_000,
               "description": "An indian story, Booker prize winner."}}),
    )
    .await;
    let id = item["id"].as_str().expect("id").to_string();
    assert!(razorpay_sandbox::is_razorpay_id(&id, "item"), "{id}");
    // The client sends currency INR by default, as the official package does.
    assert_eq!(
        (
            &item["currency"],
            &item["unit_amount"],
            &item["type"],
            &item["active"]
        ),
        (
            &json!("INR"),
            &json!(20_000),
            &json!("invoice"),
            &json!(true)
        )
    );
    // The documented item entity's keys.
    assert_eq!(
        keys(&item),
        [
            "active",
            "amount",
            "created_at",
            "currency",
            "description",
            "hsn_code",
            "id",
            "name",
            "sac_code",
            "tax_group_id",
            "tax_id",
            "tax_inclusive",
            "tax_rate",
            "type",
            "unit",
            "unit_amount",
        ]
    );
    assert_eq!(
        ok(&client, "items.fetch", json!({"item_id": id})).await,
        item
    );

    let edited = ok(
        &client,
        "items.edit",
        json!({"item_id": id, "params": {"name": "Book / Ignited Minds - Updated name!",
               "amount": 25_000, "active": false}}),
    )
    .await;
    assert_eq!(
        (
            &edited["name"],
            &edited["amount"],
            &edited["active"],
            &edited["description"]
        ),
        (
            &json!("Book / Ignited Minds - Updated name!"),
            &json!(25_000),
            &json!(false),
            &item["description"]
        )
    );
    let other = ok(
        &client,
        "items.create",
        json!({"params": {"name": "Pen", "amount": 1_000}}),
    )
    .await;
    let all = ok(&client, "items.all", json!({})).await;
    assert_eq!(
        (&all["count"], &all["items"][0]["id"]),
        (&json!(2), &other["id"])
    );
    let active = ok(&client, "items.all", json!({"params": {"count": 5}})).await;
    assert_eq!(active["count"], 2);

    assert_eq!(
        ok(&client, "items.delete", json!({"item_id": id})).await,
        json!([])
    );
    assert_eq!(
        refused(&client, "items.fetch", json!({"item_id": id})).await,
        "The id provided does not exist"
    );
    assert_eq!(ok(&client, "items.all", json!({})).await["count"], 1);
}

#[tokio::test]
async fn items_are_validated_like_razorpay() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let client = sandbox.client().expect("client");
    assert_eq!(
        refused(&client, "items.create", json!({"params": {"amount": 100}})).await,
        "The name field is required."
    );
    assert_eq!(
        refused(
            &client,
            "items.create",
            json!({"params": {"name": "X", "amount": 100, "colour": "red"}})
        )
        .await,
        "colour is/are not required and should not be sent"
    );
    assert_eq!(
        refused(
            &client,
            "items.create",
            json!({"params": {"name": "X", "amount": 100, "currency": "XYZ"}})
        )
        .await,
        "The selected currency is invalid."
    );
}
