//! Shared builders for the integration tests.
#![allow(dead_code)] // Each test binary uses a different subset.

use checkout_rules::{
    Cart, CartLine, CartReport, Catalog, CatalogItem, Fix, Policy, ProblemCode, Severity,
    validate_cart,
};

/// An INR product with `stock` units on hand.
pub fn product(id: &str, price: i64, stock: i64) -> CatalogItem {
    CatalogItem::new(id, price, "INR", stock)
}

pub fn catalog(items: impl IntoIterator<Item = CatalogItem>) -> Catalog {
    Catalog::new(items)
}

pub fn line(id: &str, product: &str, quantity: i64, price: i64) -> CartLine {
    CartLine::new(id, product, quantity, price)
}

pub fn cart(lines: impl IntoIterator<Item = CartLine>) -> Cart {
    let mut cart = Cart::new("INR");
    cart.lines = lines.into_iter().collect();
    cart
}

/// Validate with the default policy.
pub fn check(cart: &Cart, catalog: &Catalog) -> CartReport {
    validate_cart(cart, catalog, &Policy::default())
}

/// `(line id, code, severity)` of every line problem, in report order.
pub fn line_codes(report: &CartReport) -> Vec<(String, ProblemCode, Severity)> {
    report
        .invalid_items
        .iter()
        .map(|i| (i.line_id.clone(), i.code, i.severity))
        .collect()
}

pub fn cart_codes(report: &CartReport) -> Vec<ProblemCode> {
    report.cart_problems.iter().map(|p| p.code).collect()
}

pub fn only_item(report: &CartReport) -> &checkout_rules::InvalidItem {
    assert_eq!(report.invalid_items.len(), 1, "{:#?}", report.invalid_items);
    &report.invalid_items[0]
}

pub fn remove(line_id: &str, line_index: u64) -> Fix {
    Fix::RemoveLine {
        line_id: line_id.into(),
        line_index,
    }
}

pub fn set_quantity(line_id: &str, line_index: u64, quantity: i64) -> Fix {
    Fix::SetQuantity {
        line_id: line_id.into(),
        line_index,
        quantity,
    }
}
