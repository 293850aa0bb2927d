//! Cart validation, the checkout plan and many-cart validation, from `checkout_rules`.
//!
//! Two doors onto the same rules: records (`validate_cart(cart, catalog, policy)`), which read
//! naturally in Kotlin and Swift, and JSON strings (`validate_cart_json`) with checkout-rules'
//! camelCase wire format, for servers that already hold the JSON (the same shape Node returns).

// `CartError::NotReady` carries the whole report: it *is* the answer on the unhappy path, and
// uniffi serialises it across the boundary anyway, so boxing would only add an indirection.
#![allow(clippy::result_large_err, clippy::large_enum_variant)]

mod policy;

use checkout_rules as rules;

pub use policy::Policy;
pub use rules::{
    AmountLimits, Cart, CartLine, CartProblem, CartReport, Catalog, CatalogItem, CheckoutPlan,
    DuplicateLines, Fix, InvalidItem, PlannedLine, PriceTolerance, Severity, StockDecrement,
    Totals,
};

/// Why a cart could not be validated or planned. Problems *in* the cart are not errors: they
/// are the report. `code()` is on the base type in every language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum CartError {
    /// `plan_checkout` found blocking problems (`CART_NOT_READY`); `report` says which and how
    /// to fix them.
    #[error("CART_NOT_READY: the cart has blocking problems")]
    NotReady {
        /// The validation report.
        report: CartReport,
    },
    /// The policy's custom currency table cannot be used (a malformed or repeated entry). It
    /// holds checkout-currency's own error, and `code()` is its code (`CURRENCY_CODE_INVALID`,
    /// `CURRENCY_DUPLICATE`, …).
    #[error("invalid policy: {0}")]
    InvalidPolicy(#[from] checkout_currency::CurrencyError),
    /// A JSON argument does not parse as the expected type (`CART_JSON_INVALID`).
    #[error("CART_JSON_INVALID: `{argument}` is not valid JSON for this type: {reason}")]
    InvalidJson {
        /// Which argument (`cart`, `catalog`, `policy`, `carts`).
        argument: String,
        /// The parser's explanation, with line and column.
        reason: String,
    },
}

#[uniffi::export]
impl CartError {
    /// The stable machine-readable code.
    pub fn code(&self) -> String {
        match self {
            Self::NotReady { .. } => "CART_NOT_READY",
            Self::InvalidPolicy(e) => e.code(),
            Self::InvalidJson { .. } => "CART_JSON_INVALID",
        }
        .to_owned()
    }
}

fn not_ready(report: CartReport) -> CartError {
    CartError::NotReady { report }
}

fn policy_or_default(policy: Option<Policy>) -> Result<rules::Policy, CartError> {
    policy.unwrap_or_default().try_into()
}

/// Validates a cart against a catalog snapshot and the shop's policy (`null`/`None` for the
/// default policy). Problems come back in the report, never as an error.
#[uniffi::export(default(policy = None))]
pub fn validate_cart(
    cart: Cart,
    catalog: Catalog,
    policy: Option<Policy>,
) -> Result<CartReport, CartError> {
    let policy = policy_or_default(policy)?;
    Ok(rules::validate_cart(&cart, &catalog, &policy))
}

/// Validates the cart and, when nothing blocks, returns what to charge; otherwise fails with
/// `CartError.NotReady` carrying the report.
#[uniffi::export(default(policy = None))]
pub fn plan_checkout(
    cart: Cart,
    catalog: Catalog,
    policy: Option<Policy>,
) -> Result<CheckoutPlan, CartError> {
    let policy = policy_or_default(policy)?;
    rules::plan_checkout(&cart, &catalog, &policy).map_err(not_ready)
}

/// Validates many carts against one catalog snapshot; reports come back in the carts' order.
#[uniffi::export(default(policy = None))]
pub fn validate_carts(
    carts: Vec<Cart>,
    catalog: Catalog,
    policy: Option<Policy>,
) -> Result<Vec<CartReport>, CartError> {
    let policy = policy_or_default(policy)?;
    Ok(rules::validate_carts(&carts, &catalog, &policy))
}

/// Applies fixes (for example the ones the shopper accepted) to a cart. Fixes that do not
/// match a line of this cart are ignored.
#[uniffi::export]
pub fn apply_fixes(cart: Cart, fixes: Vec<Fix>) -> Cart {
    rules::apply_fixes(&cart, &fixes)
}

fn parse<T: serde::de::DeserializeOwned>(argument: &str, json: &str) -> Result<T, CartError> {
    serde_json::from_str(json).map_err(|e| CartError::InvalidJson {
        argument: argument.to_owned(),
        reason: e.to_string(),
    })
}

/// The three arguments of a JSON door: the cart (or carts, named `argument`), the catalog and
/// the optional policy.
fn parse_all<T: serde::de::DeserializeOwned>(
    argument: &str,
    json: &str,
    catalog_json: &str,
    policy_json: Option<String>,
) -> Result<(T, rules::Catalog, rules::Policy), CartError> {
    let policy = policy_json.map_or_else(|| Ok(rules::Policy::default()), |p| parse("policy", &p));
    Ok((
        parse(argument, json)?,
        parse("catalog", catalog_json)?,
        policy?,
    ))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The checkout-rules types serialise infallibly (no maps with non-string keys, no floats).
    serde_json::to_string(value).unwrap_or_default()
}

/// [`validate_cart`] over checkout-rules' camelCase JSON: cart, catalog and policy JSON in,
/// report JSON out (`{"isValid": …, "invalidItems": […], …}`).
#[uniffi::export(default(policy_json = None))]
pub fn validate_cart_json(
    cart_json: String,
    catalog_json: String,
    policy_json: Option<String>,
) -> Result<String, CartError> {
    let (cart, catalog, policy) = parse_all("cart", &cart_json, &catalog_json, policy_json)?;
    Ok(to_json(&rules::validate_cart(&cart, &catalog, &policy)))
}

/// [`plan_checkout`] over JSON: the plan JSON, or `CartError.NotReady` with the report.
#[uniffi::export(default(policy_json = None))]
pub fn plan_checkout_json(
    cart_json: String,
    catalog_json: String,
    policy_json: Option<String>,
) -> Result<String, CartError> {
    let (cart, catalog, policy) = parse_all("cart", &cart_json, &catalog_json, policy_json)?;
    rules::plan_checkout(&cart, &catalog, &policy)
        .map(|plan| to_json(&plan))
        .map_err(not_ready)
}

/// [`validate_carts`] over JSON: a JSON array of carts in, a JSON array of reports out.
#[uniffi::export(default(policy_json = None))]
pub fn validate_carts_json(
    carts_json: String,
    catalog_json: String,
    policy_json: Option<String>,
) -> Result<String, CartError> {
    let (carts, catalog, policy): (Vec<Cart>, _, _) =
        parse_all("carts", &carts_json, &catalog_json, policy_json)?;
    Ok(to_json(&rules::validate_carts(&carts, &catalog, &policy)))
}

#[cfg(test)]
mod tests;
