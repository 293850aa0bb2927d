//! `plan_checkout` and `validate_carts`.

mod common;

use checkout_rules::{
    Policy, ProblemCode as C, StockDecrement, plan_checkout, validate_cart, validate_carts,
};
use common::*;

#[test]
fn plan_locks_prices_and_totals() {
    let c = cart([line("l1", "tea", 2, 25000), line("l2", "mug", 1, 39900)]);
    let cat = catalog([product("tea", 25000, 10), product("mug", 39900, 10)]);
    let plan = plan_checkout(&c, &cat, &Policy::default()).unwrap();
    assert_eq!(plan.currency, "INR");
    let lines: Vec<(&str, i64, i64, i64)> = plan
        .lines
        .iter()
        .map(|l| (l.line_id.as_str(), l.quantity, l.unit_price, l.total))
        .collect();
    assert_eq!(
        lines,
        vec![("l1", 2, 25000, 50000), ("l2", 1, 39900, 39900)]
    );
    assert_eq!(
        (
            plan.subtotal,
            plan.discount,
            plan.total,
            plan.total_quantity
        ),
        (89900, 0, 89900, 3)
    );
    assert!(plan.warnings.is_empty());
}

#[test]
fn plan_charges_the_lower_price_and_keeps_the_warning() {
    let c = cart([line("l1", "tea", 1, 25000)]);
    let plan = plan_checkout(
        &c,
        &catalog([product("tea", 20000, 10)]),
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(plan.lines[0].unit_price, 20000);
    assert_eq!(plan.total, 20000);
    assert_eq!(plan.warnings[0].code, C::PriceDecreased);
}

#[test]
fn plan_merges_duplicate_lines() {
    let c = cart([line("l1", "tea", 1, 100), line("l2", "tea", 2, 100)]);
    let plan = plan_checkout(&c, &catalog([product("tea", 100, 10)]), &Policy::default()).unwrap();
    assert_eq!(plan.lines.len(), 1);
    assert_eq!(
        (plan.lines[0].line_id.as_str(), plan.lines[0].quantity),
        ("l1", 3)
    );
    assert_eq!(
        plan.stock_decrements,
        vec![StockDecrement {
            product_id: "tea".into(),
            variant_id: None,
            quantity: 3
        }]
    );
}

#[test]
fn invalid_cart_returns_the_report() {
    let c = cart([line("l1", "gone", 1, 100)]);
    let cat = catalog([]);
    let report = plan_checkout(&c, &cat, &Policy::default()).unwrap_err();
    assert_eq!(report, validate_cart(&c, &cat, &Policy::default()));
    assert!(!report.is_valid);
}

#[test]
fn discount_is_allocated_by_largest_remainder() {
    // ₹100 off three equal lines: 3334 + 3333 + 3333, the extra paisa to the first line.
    let c = cart([
        line("a", "x", 1, 10000),
        line("b", "y", 1, 10000),
        line("c", "z", 1, 10000),
    ])
    .order_discount(10000);
    let cat = catalog([
        product("x", 10000, 5),
        product("y", 10000, 5),
        product("z", 10000, 5),
    ]);
    let plan = plan_checkout(&c, &cat, &Policy::default()).unwrap();
    let discounts: Vec<i64> = plan.lines.iter().map(|l| l.discount).collect();
    assert_eq!(discounts, vec![3334, 3333, 3333]);
    assert_eq!(plan.total, 20000);
    assert_eq!(plan.lines.iter().map(|l| l.total).sum::<i64>(), plan.total);
    assert_eq!(
        plan.lines.iter().map(|l| l.discount).sum::<i64>(),
        plan.discount
    );
}

#[test]
fn discount_follows_line_weights() {
    let c = cart([line("a", "x", 1, 100), line("b", "y", 3, 100)]).order_discount(101);
    let cat = catalog([product("x", 100, 5), product("y", 100, 5)]);
    let plan = plan_checkout(&c, &cat, &Policy::default()).unwrap();
    // 101 × 100/400 = 25.25, 101 × 300/400 = 75.75: the remainder goes to the larger fraction.
    assert_eq!(
        plan.lines.iter().map(|l| l.discount).collect::<Vec<_>>(),
        vec![25, 76]
    );
    assert_eq!(plan.total, 299);
}

#[test]
fn stock_decrements_cover_tracked_items_in_key_order() {
    let mut untracked = product("gift-card", 500, 0);
    untracked.track_stock = false;
    let mut backorder = product("b", 100, 0);
    backorder.allow_backorder = true;
    let c = cart([
        line("l1", "z", 1, 100),
        line("l2", "gift-card", 1, 500),
        line("l3", "b", 4, 100),
        line("l4", "shirt", 2, 100).variant_id("m"),
    ]);
    let cat = catalog([
        product("z", 100, 5),
        untracked,
        backorder,
        product("shirt", 100, 5).variant_id("m"),
    ]);
    let plan = plan_checkout(&c, &cat, &Policy::default()).unwrap();
    let keys: Vec<(&str, Option<&str>, i64)> = plan
        .stock_decrements
        .iter()
        .map(|d| (d.product_id.as_str(), d.variant_id.as_deref(), d.quantity))
        .collect();
    assert_eq!(
        keys,
        vec![("b", None, 4), ("shirt", Some("m"), 2), ("z", None, 1)]
    );
}

#[test]
fn plan_json_is_camel_case() {
    let c = cart([line("l1", "tea", 1, 25000)]);
    let plan = plan_checkout(
        &c,
        &catalog([product("tea", 25000, 10)]),
        &Policy::default(),
    )
    .unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["stockDecrements"][0]["productId"], "tea");
    assert_eq!(json["lines"][0]["unitPrice"], 25000);
    assert_eq!(json["totalQuantity"], 1);
}

#[test]
fn validate_carts_matches_validate_cart_in_order() {
    let cat = catalog([product("tea", 100, 3), product("mug", 250, 0)]);
    let carts: Vec<_> = (0..5000)
        .map(|i| {
            let mut c = cart([
                line("l1", "tea", i % 5, 100),
                line("l2", if i % 7 == 0 { "mug" } else { "tea" }, 1, 100),
            ]);
            c.id = Some(format!("cart-{i}"));
            c
        })
        .collect();
    let reports = validate_carts(&carts, &cat, &Policy::default());
    assert_eq!(reports.len(), carts.len());
    for (c, r) in carts.iter().zip(&reports) {
        assert_eq!(r, &validate_cart(c, &cat, &Policy::default()));
        assert_eq!(r.cart_id, c.id);
    }
    assert!(reports.iter().any(|r| r.is_valid) && reports.iter().any(|r| !r.is_valid));
}

#[test]
fn a_refused_plan_is_an_error_that_names_its_codes() {
    let c = cart([line("l1", "tea", 2, 25000)]);
    let cat = catalog([product("tea", 27500, 10)]);
    let planned = || -> Result<_, Box<dyn std::error::Error>> {
        Ok(plan_checkout(&c, &cat, &Policy::default())?)
    };
    let error = planned().unwrap_err();
    assert_eq!(
        error.to_string(),
        "cart is not ready for checkout: PRICE_INCREASED"
    );
    let report = error
        .downcast_ref::<checkout_rules::CartReport>()
        .expect("the whole report");
    assert_eq!(report.codes().collect::<Vec<_>>(), [C::PriceIncreased]);
}
