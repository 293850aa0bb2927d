//! Cart validation and the checkout plan (`checkout_rules`): `validateCart`, `planCheckout`,
//! `validateCarts`, `applyFixes`. Carts, catalogs, policies and reports are camelCase JSON, the
//! same documents the Rust crate and the mobile bindings read and write.

use checkout_rules::{
    Cart, CartProblem, CartReport, Catalog, CheckoutPlan, Fix, InvalidItem, Policy,
};
use napi::bindgen_prelude::*;
use napi_derive::napi;
use serde::Serialize;

use crate::convert;

/// The cart, catalog and (optional, default `{}`) policy arguments.
fn inputs(
    env: &Env,
    cart: Unknown,
    catalog: Unknown,
    policy: Unknown,
) -> Result<(Cart, Catalog, Policy)> {
    let cart = convert::json(env, cart, "cart")?;
    let catalog = convert::json(env, catalog, "catalog")?;
    let policy = convert::json_opt(env, policy, "policy")?.unwrap_or_default();
    Ok((cart, catalog, policy))
}

/// Validates a cart against the catalog: `{ isValid, invalidItems, cartProblems, totals, fixes,
/// repairedCart, … }`. Call it when the shopper clicks "Proceed to checkout" and again when the
/// order is created.
#[napi(
    catch_unwind,
    ts_args_type = "cart: Cart, catalog: Catalog, policy?: Policy | null",
    ts_return_type = "CartReport"
)]
pub fn validate_cart<'env>(
    env: &'env Env,
    cart: Unknown,
    catalog: Unknown,
    policy: Unknown,
) -> Result<Unknown<'env>> {
    let (cart, catalog, policy) = inputs(env, cart, catalog, policy)?;
    convert::to_js(
        env,
        &checkout_rules::validate_cart(&cart, &catalog, &policy),
    )
}

/// The result of `planCheckout`: the plan when the cart is valid, the report otherwise; both
/// shapes carry `isValid` and `invalidItems` (warnings only, on success).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanResult<'a> {
    is_valid: bool,
    invalid_items: &'a [InvalidItem],
    cart_problems: &'a [CartProblem],
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a CheckoutPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a CartReport>,
}

/// Validates the cart and, when it is valid, plans the order (locked prices, exact totals with
/// the discount allocated per line, stock to decrement): `{ isValid: true, plan, invalidItems }`
/// (warnings) or `{ isValid: false, report, invalidItems, cartProblems }`.
#[napi(
    catch_unwind,
    ts_args_type = "cart: Cart, catalog: Catalog, policy?: Policy | null",
    ts_return_type = "CheckoutPlanResult"
)]
pub fn plan_checkout<'env>(
    env: &'env Env,
    cart: Unknown,
    catalog: Unknown,
    policy: Unknown,
) -> Result<Unknown<'env>> {
    let (cart, catalog, policy) = inputs(env, cart, catalog, policy)?;
    let result = checkout_rules::plan_checkout(&cart, &catalog, &policy);
    let shaped = match &result {
        Ok(plan) => PlanResult {
            is_valid: true,
            invalid_items: &plan.warnings,
            cart_problems: &[],
            plan: Some(plan),
            report: None,
        },
        Err(report) => PlanResult {
            is_valid: false,
            invalid_items: &report.invalid_items,
            cart_problems: &report.cart_problems,
            plan: None,
            report: Some(report),
        },
    };
    convert::to_js(env, &shaped)
}

/// Validates many carts against one catalog snapshot (e.g. after a price or stock change) on
/// libuv's thread pool, so a sweep of thousands of carts does not block the event loop;
/// resolves to the reports in the order of `carts`. Arguments that do not parse throw at once,
/// as every other call does.
#[napi(
    catch_unwind,
    ts_args_type = "carts: Cart[], catalog: Catalog, policy?: Policy | null",
    ts_return_type = "Promise<CartReport[]>"
)]
pub fn validate_carts(
    env: &Env,
    carts: Unknown,
    catalog: Unknown,
    policy: Unknown,
) -> Result<AsyncTask<ValidateCarts>> {
    let carts: Vec<Cart> = convert::json(env, carts, "carts")?;
    let catalog = convert::json(env, catalog, "catalog")?;
    let policy = convert::json_opt(env, policy, "policy")?.unwrap_or_default();
    Ok(AsyncTask::new(ValidateCarts {
        carts,
        catalog,
        policy,
    }))
}

/// The work of [`validate_carts`]: pure, so it runs on any thread.
pub struct ValidateCarts {
    carts: Vec<Cart>,
    catalog: Catalog,
    policy: Policy,
}

impl Task for ValidateCarts {
    type Output = serde_json::Value;
    type JsValue = Reports;

    fn compute(&mut self) -> Result<Self::Output> {
        let reports = checkout_rules::validate_carts(&self.carts, &self.catalog, &self.policy);
        serde_json::to_value(&reports)
            .map_err(|e| Error::new(Status::GenericFailure, format!("SERIALIZATION_FAILED: {e}")))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(Reports(output))
    }
}

/// The reports as JSON, converted to JavaScript values when the Promise resolves (napi's
/// serde_json conversion: plain objects and arrays, numbers for amounts).
pub struct Reports(serde_json::Value);

impl TypeName for Reports {
    fn type_name() -> &'static str {
        "CartReport[]"
    }

    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ToNapiValue for Reports {
    unsafe fn to_napi_value(env: napi::sys::napi_env, val: Self) -> Result<napi::sys::napi_value> {
        // SAFETY: called by napi on the JS thread with the environment it is resolving in, the
        // contract of `ToNapiValue`, which is forwarded unchanged.
        unsafe { serde_json::Value::to_napi_value(env, val.0) }
    }
}

/// Applies the automatic fixes of a report (`report.fixes`) to a cart and returns the new cart;
/// fixes that need the shopper's decision are ignored.
#[napi(
    catch_unwind,
    ts_args_type = "cart: Cart, fixes: Fix[]",
    ts_return_type = "Cart"
)]
pub fn apply_fixes<'env>(env: &'env Env, cart: Unknown, fixes: Unknown) -> Result<Unknown<'env>> {
    let cart: Cart = convert::json(env, cart, "cart")?;
    let fixes: Vec<Fix> = convert::json(env, fixes, "fixes")?;
    convert::to_js(env, &checkout_rules::apply_fixes(&cart, &fixes))
}
