//! Validate a cart from JSON on stdin and print the report as JSON.
//!
//! ```sh
//! cargo run -p checkout-kit-examples --example validate_cart < examples/data/cart.json
//! ```
//!
//! Input: `{ "cart": {…}, "catalog": {…}, "policy": {…} }` (camelCase, amounts in minor units;
//! `policy` may be omitted). Output: the `CartReport` — `isValid`, `invalidItems` with codes,
//! messages and fixes, `repairedCart` and its `totals`. Exit code 0 when the cart can be paid as
//! sent, 1 when it has blocking problems, 2 when the input is not a valid request.

use std::io::Read;
use std::process::ExitCode;

use checkout_rules::{Cart, Catalog, Policy, validate_cart};
use serde::Deserialize;

/// What the front end posts to "Proceed to checkout", joined with the backend's catalog snapshot.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Request {
    cart: Cart,
    catalog: Catalog,
    #[serde(default)]
    policy: Policy,
}

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("error: cannot read stdin: {err}");
        return ExitCode::from(2);
    }
    let request: Request = match serde_json::from_str(&input) {
        Ok(request) => request,
        Err(err) => {
            eprintln!("error: INVALID_REQUEST: {err}");
            return ExitCode::from(2);
        }
    };

    let report = validate_cart(&request.cart, &request.catalog, &request.policy);
    match serde_json::to_string_pretty(&report) {
        Ok(json) => println!("{json}"),
        Err(err) => {
            eprintln!("error: cannot print the report: {err}");
            return ExitCode::from(2);
        }
    }
    if report.is_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
