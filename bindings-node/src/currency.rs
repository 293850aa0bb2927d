//! Currency table and display formatting of minor-unit amounts (`checkout_rules::currency`).

use checkout_rules::currency::{CurrencyTable, format_minor_units as core_format};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert;

/// Formats an amount in minor units for display: `formatMinorUnits(123450, 'INR') === '₹1,234.50'`,
/// `¥1,235`, `KD 1.235`. Locale-independent, identical to the Rust and mobile output. An unknown
/// currency code prints two decimals with the code as its symbol.
#[napi(
    catch_unwind,
    ts_args_type = "amountMinor: number | bigint, currency: string"
)]
pub fn format_minor_units(env: Env, amount_minor: Unknown, currency: Unknown) -> Result<String> {
    let amount = convert::minor_units(&env, amount_minor, "amountMinor")?;
    let currency = convert::string(&env, currency, "currency")?;
    Ok(core_format(amount, &currency))
}

/// The Razorpay currency table entry for `code` (`exponent`, `minAmount`, `symbol`, …), or
/// `null` for a currency Razorpay does not support.
#[napi(
    catch_unwind,
    ts_args_type = "code: string",
    ts_return_type = "CurrencyInfo | null"
)]
pub fn get_currency<'env>(env: &'env Env, code: Unknown) -> Result<Unknown<'env>> {
    let code = convert::string(env, code, "code")?;
    match CurrencyTable::razorpay().get(&code) {
        Some(info) => convert::to_js(env, info),
        None => Null.into_unknown(env),
    }
}

/// Every currency Razorpay accepts, with its exponent and limits.
#[napi(catch_unwind, ts_return_type = "CurrencyInfo[]")]
pub fn list_currencies(env: &Env) -> Result<Unknown<'_>> {
    let all: Vec<_> = CurrencyTable::razorpay().iter().collect();
    convert::to_js(env, &all)
}
