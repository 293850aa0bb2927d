//! Fuzzes the cart JSON entry points of checkout-rules: a `{cart, catalog, policy}` request
//! (the shape of examples/data/cart.json) is parsed, validated, planned and fixed. Never a
//! panic; a plan only for a cart the report calls valid.

#![no_main]

use checkout_rules::{Cart, Catalog, Policy, apply_fixes, plan_checkout, validate_cart};
use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request {
    cart: Cart,
    catalog: Catalog,
    #[serde(default)]
    policy: Policy,
}

fuzz_target!(|body: &[u8]| {
    let Ok(request) = serde_json::from_slice::<Request>(body) else {
        return;
    };
    let report = validate_cart(&request.cart, &request.catalog, &request.policy);
    let fixed = apply_fixes(&request.cart, &report.fixes);
    let _ = validate_cart(&fixed, &request.catalog, &request.policy);
    if plan_checkout(&request.cart, &request.catalog, &request.policy).is_ok() {
        assert!(report.is_valid);
    }
});
