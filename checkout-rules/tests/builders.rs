//! The `#[non_exhaustive]` shapes built from another crate: every builder sets its field, which
//! the same value read from the JSON the bindings send proves field by field.

use checkout_rules::currency::CurrencyTable;
use checkout_rules::{
    AmountLimits, Cart, CartLine, Catalog, CatalogItem, DuplicateLines, Policy, PriceTolerance,
};

#[test]
fn cart_builders_set_every_field() {
    let built = Cart::new("INR")
        .id("cart_1")
        .line(CartLine::new("l1", "tea", 2, 25000))
        .lines([CartLine::new("l2", "shirt", 1, 999).variant_id("xl")])
        .order_discount(500);
    let json: Cart = serde_json::from_str(
        r#"{"id":"cart_1","currency":"INR","orderDiscount":500,"lines":[
            {"lineId":"l1","productId":"tea","quantity":2,"unitPrice":25000},
            {"lineId":"l2","productId":"shirt","variantId":"xl","quantity":1,"unitPrice":999}]}"#,
    )
    .unwrap();
    assert_eq!(built, json);
}

#[test]
fn catalog_item_builders_set_every_field() {
    let built = CatalogItem::new("tea", 25000, "INR", 7)
        .variant_id("500g")
        .exists(false)
        .active(false)
        .track_stock(false)
        .allow_backorder(true)
        .min_quantity(2)
        .max_quantity(12)
        .quantity_step(2);
    let json: CatalogItem = serde_json::from_str(
        r#"{"productId":"tea","variantId":"500g","exists":false,"active":false,
            "unitPrice":25000,"currency":"INR","stockOnHand":7,"trackStock":false,
            "allowBackorder":true,"minQuantity":2,"maxQuantity":12,"quantityStep":2}"#,
    )
    .unwrap();
    assert_eq!(built, json);
    // `None` clears a quantity rule again.
    assert_eq!(built.max_quantity(None).max_quantity, None);
}

#[test]
fn catalog_from_items_in_three_ways() {
    let items = [
        CatalogItem::new("tea", 25000, "INR", 40),
        CatalogItem::new("mug", 39900, "INR", 0),
    ];
    let json: Catalog = serde_json::from_str(
        r#"{"items":[{"productId":"tea","unitPrice":25000,"currency":"INR","stockOnHand":40},
                     {"productId":"mug","unitPrice":39900,"currency":"INR","stockOnHand":0}]}"#,
    )
    .unwrap();
    assert_eq!(Catalog::new(items.clone()), json);
    assert_eq!(items.iter().cloned().collect::<Catalog>(), json);
    let [tea, mug] = items;
    assert_eq!(Catalog::default().item(tea).item(mug), json);
}

#[test]
fn policy_builders_set_every_field() {
    let built = Policy::default()
        .price_increase_tolerance(PriceTolerance::basis_points(200))
        .price_decrease_tolerance(PriceTolerance::absolute(100))
        .max_lines(5)
        .max_total_quantity(50)
        .amount_limit(
            "INR",
            AmountLimits {
                min: Some(5000),
                max: None,
            },
        )
        .apply_gateway_minimum(false)
        .duplicate_lines(DuplicateLines::Report)
        .currencies(CurrencyTable::razorpay().clone());
    let mut json: Policy = serde_json::from_str(
        r#"{"priceIncreaseTolerance":{"basisPoints":200},
            "priceDecreaseTolerance":{"absolute":100},
            "maxLines":5,"maxTotalQuantity":50,"amountLimits":{"INR":{"min":5000}},
            "applyGatewayMinimum":false,"duplicateLines":"report"}"#,
    )
    .unwrap();
    json.currencies = Some(CurrencyTable::razorpay().clone());
    assert_eq!(built, json);
    // `None` lifts a limit again, and a second limit for a currency replaces the first.
    let lifted = built
        .max_lines(None)
        .amount_limit("INR", AmountLimits::default());
    assert_eq!(lifted.max_lines, None);
    assert_eq!(lifted.limits_for("INR"), AmountLimits::default());
}
