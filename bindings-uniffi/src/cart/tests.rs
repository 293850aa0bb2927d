//! The binding's conversions keep every field: the records agree with checkout-rules' own
//! JSON on the crate's worked example.

use super::*;

fn line(id: &str, product: &str, quantity: i64, unit_price: i64) -> CartLine {
    CartLine::new(id, product, quantity, unit_price)
}

fn item(product: &str, unit_price: i64, stock: i64) -> CatalogItem {
    CatalogItem::new(product, unit_price, "INR", stock)
}

fn example() -> (Cart, Catalog) {
    let cart = Cart::new("INR")
        .line(line("l1", "tea", 2, 25000))
        .line(line("l2", "mug", 5, 39900));
    let catalog = Catalog::new([item("tea", 27500, 40), item("mug", 39900, 3)]);
    (cart, catalog)
}

#[test]
fn worked_example_matches_the_rules_crate() {
    let (cart, catalog) = example();
    let report = validate_cart(cart.clone(), catalog.clone(), None).unwrap();
    assert!(!report.is_valid);
    let codes: Vec<_> = report
        .invalid_items
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["PRICE_INCREASED", "INSUFFICIENT_STOCK"]);
    assert_eq!(report.invalid_items[1].available_quantity, Some(3));
    assert_eq!(
        report.fixes,
        vec![
            Fix::AcceptNewPrice {
                line_id: "l1".into(),
                line_index: 0,
                unit_price: 27500
            },
            Fix::SetQuantity {
                line_id: "l2".into(),
                line_index: 1,
                quantity: 3
            },
        ]
    );
    assert_eq!(report.totals.as_ref().unwrap().total, 174_700);
    assert_eq!(report.submitted_totals.as_ref().unwrap().total, 249_500);

    // The JSON door gives the same report.
    let cart_json = r#"{"currency":"INR","lines":[{"lineId":"l1","productId":"tea","quantity":2,"unitPrice":25000},{"lineId":"l2","productId":"mug","quantity":5,"unitPrice":39900}]}"#;
    let catalog_json = r#"{"items":[{"productId":"tea","unitPrice":27500,"currency":"INR","stockOnHand":40},{"productId":"mug","unitPrice":39900,"currency":"INR","stockOnHand":3}]}"#;
    let json = validate_cart_json(cart_json.into(), catalog_json.into(), None).unwrap();
    let rules_report: rules::CartReport = serde_json::from_str(&json).unwrap();
    assert_eq!(rules_report, report);

    // Not ready: the error carries the report; the repaired cart plans.
    let e = plan_checkout(cart.clone(), catalog.clone(), None).unwrap_err();
    assert_eq!(e.code(), "CART_NOT_READY");
    assert_eq!(
        e,
        CartError::NotReady {
            report: report.clone()
        }
    );
    let repaired = apply_fixes(cart, report.fixes.clone());
    assert_eq!(repaired, report.repaired_cart);
    let plan = plan_checkout(repaired, catalog, None).unwrap();
    assert_eq!(plan.total, 174_700);
    assert_eq!(plan.stock_decrements.len(), 2);
}

#[test]
fn policy_defaults_and_overrides() {
    let cart = Cart::new("INR").id("c1").line(line("l1", "tea", 1, 25000));
    let catalog = Catalog::new([item("tea", 25400, 5)]);
    let strict = validate_cart(cart.clone(), catalog.clone(), Some(Policy::default())).unwrap();
    assert_eq!(strict.invalid_items[0].severity, Severity::Blocking);
    let tolerant = Policy {
        price_increase_tolerance: Some(PriceTolerance {
            absolute: Some(500),
            basis_points: Some(200),
        }),
        ..Policy::default()
    };
    let report = validate_cart(cart.clone(), catalog.clone(), Some(tolerant)).unwrap();
    assert!(report.is_valid);
    assert_eq!(report.cart_id.as_deref(), Some("c1"));
    assert_eq!(report.invalid_items[0].severity, Severity::Warning);

    let reports = validate_carts(vec![cart.clone(), cart], catalog, None).unwrap();
    assert_eq!(reports.len(), 2);
    assert!(reports.iter().all(|r| !r.is_valid));
}

#[test]
fn bad_policy_and_bad_json_are_typed_errors() {
    let (cart, catalog) = example();
    let policy = Policy {
        currencies: Some(vec![crate::currency::CurrencyInfo {
            code: "inr".into(),
            exponent: 2,
            symbol: "₹".into(),
            name: "Rupee".into(),
            min_amount: 100,
            amount_step: 1,
            grouping: crate::currency::Grouping::Indian,
        }]),
        ..Policy::default()
    };
    let e = validate_cart(cart, catalog, Some(policy)).unwrap_err();
    assert_eq!(e.code(), "CURRENCY_CODE_INVALID");
    assert!(matches!(
        &e,
        CartError::InvalidPolicy(checkout_currency::CurrencyError::InvalidCode { currency })
            if currency == "inr"
    ));
    let e = validate_cart_json("{".into(), "{}".into(), None).unwrap_err();
    assert!(matches!(&e, CartError::InvalidJson { argument, .. } if argument == "cart"));
    assert_eq!(e.code(), "CART_JSON_INVALID");
    let e = validate_carts_json("{}".into(), r#"{"items":[]}"#.into(), None).unwrap_err();
    assert!(matches!(&e, CartError::InvalidJson { argument, .. } if argument == "carts"));
}
