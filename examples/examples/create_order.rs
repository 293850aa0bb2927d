//! Create and fetch a Razorpay order with the client, configured from the environment.
//!
//! Against the sandbox binary (in another terminal: `cargo run -p razorpay-sandbox -- --port 9090`):
//!
//! ```sh
//! RAZORPAY_KEY_ID=rzp_test_sandbox RAZORPAY_KEY_SECRET=sandbox_key_secret \
//! RAZORPAY_BASE_URL=http://127.0.0.1:9090 \
//!   cargo run -p checkout-kit-examples --example create_order -- 49900 INR
//! ```
//!
//! Without `RAZORPAY_BASE_URL` it talks to `https://api.razorpay.com` with your own keys.

use std::process::ExitCode;

use checkout_rules::currency::format_minor_units;
use razorpay_core::client::{ClientConfig, ClientError, CreateOrder, RazorpayClient};

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let amount = args.next().unwrap_or_else(|| "49900".into());
    let currency = args.next().unwrap_or_else(|| "INR".into());
    let Ok(amount) = amount.parse::<i64>() else {
        eprintln!(
            "error: the amount must be a whole number of minor units (paise), got {amount:?}"
        );
        return ExitCode::from(2);
    };
    match run(amount, &currency).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The code is stable and machine-readable; Razorpay's own error body rides along.
            eprintln!("error: {}: {err}", err.code());
            if let Some(body) = err.razorpay_error() {
                eprintln!("razorpay: {body:?}");
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(amount: i64, currency: &str) -> Result<(), ClientError> {
    let client = RazorpayClient::new(ClientConfig::from_env()?)?;
    println!("mode: {}", client.mode().as_str());

    let order = client
        .orders()
        .create(
            &CreateOrder::new(amount, currency)
                .receipt("example_receipt_1")
                .note("source", "checkout-kit example"),
        )
        .await?;
    println!(
        "created {} for {} ({})",
        order.id,
        format_minor_units(order.amount, &order.currency),
        order.status.as_str()
    );

    let fetched = client.orders().fetch(&order.id).await?;
    println!(
        "fetched {}: receipt {}, {} due",
        fetched.id,
        fetched.receipt.as_deref().unwrap_or("-"),
        format_minor_units(fetched.amount_due.unwrap_or_default(), &fetched.currency)
    );
    Ok(())
}
