//! `razorpay-sandbox`: run the Razorpay stand-in as a process.
//!
//! The first line on stdout is `razorpay-sandbox listening on http://127.0.0.1:<port>`, so test
//! harnesses can start it with `--port 0` and read the URL. SIGINT/SIGTERM stop it cleanly.

use std::process::ExitCode;
use std::time::Duration;

use razorpay_sandbox::{RefundProcessing, Sandbox, SandboxBuilder, WebhookEndpoint, WebhookRetry};

const USAGE: &str = "\
razorpay-sandbox: a local stand-in for Razorpay's API, Checkout and webhooks (127.0.0.1 only)

USAGE:
    razorpay-sandbox [OPTIONS]

OPTIONS:
    --port <PORT>                 Port on 127.0.0.1 (default 9090; 0 picks a free one)
    --key-id <ID>                 API key id (default rzp_test_sandbox)
    --key-secret <SECRET>         API key secret (default sandbox_key_secret)
    --webhook-url <URL>           Deliver webhooks to URL (repeatable)
    --webhook-secret <SECRET>     Secret that signs webhooks (default sandbox_webhook_secret)
    --webhook-timeout-ms <MS>     Time a receiver has to answer (default 5000)
    --webhook-max-attempts <N>    Attempts per delivery, first included (default 5)
    --webhook-backoff-ms <MS>     First retry delay, doubling afterwards (default 1000)
    --webhook-retry-razorpay      Razorpay's ~24 h retry schedule on sandbox time (10 attempts)
    --manual-capture              Leave payments authorized unless the order asks for capture
    --pending-refunds             Normal refunds stay pending (5 days of sandbox time)
    --unique-receipts             Refuse a repeated order receipt
    --max-amount <PAISE>          Largest order amount (default 50000000)
    -h, --help                    Show this help

The API is under /v1; the simulated checkout, webhook and fault controls under /sandbox
(see razorpay-sandbox/README.md).";

#[derive(Debug)]
struct Args {
    builder: SandboxBuilder,
    key_id: String,
}

fn value(args: &mut impl Iterator<Item = String>, flag: &str) -> Result<String, String> {
    args.next().ok_or_else(|| format!("{flag} needs a value"))
}

fn number<T: std::str::FromStr>(
    args: &mut impl Iterator<Item = String>,
    flag: &str,
) -> Result<T, String> {
    let raw = value(args, flag)?;
    raw.parse()
        .map_err(|_| format!("{flag}: {raw:?} is not a valid number"))
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut port = 9090_u16;
    let mut key_id = "rzp_test_sandbox".to_string();
    let mut key_secret = "sandbox_key_secret".to_string();
    let mut webhook_secret = "sandbox_webhook_secret".to_string();
    let mut webhooks = Vec::new();
    let mut retry = WebhookRetry::default();
    let mut auto_capture = true;
    let mut pending_refunds = false;
    let mut unique_receipts = false;
    let mut max_amount: Option<i64> = None;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" => port = number(&mut args, &flag)?,
            "--key-id" => key_id = value(&mut args, &flag)?,
            "--key-secret" => key_secret = value(&mut args, &flag)?,
            "--webhook-url" => webhooks.push(value(&mut args, &flag)?),
            "--webhook-secret" => webhook_secret = value(&mut args, &flag)?,
            "--webhook-timeout-ms" => {
                retry.timeout = Duration::from_millis(number(&mut args, &flag)?)
            }
            "--webhook-max-attempts" => retry.max_attempts = number(&mut args, &flag)?,
            "--webhook-backoff-ms" => {
                retry.initial_backoff = Duration::from_millis(number(&mut args, &flag)?)
            }
            "--webhook-retry-razorpay" => retry = WebhookRetry::razorpay(),
            "--manual-capture" => auto_capture = false,
            "--pending-refunds" => pending_refunds = true,
            "--unique-receipts" => unique_receipts = true,
            "--max-amount" => max_amount = Some(number(&mut args, &flag)?),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    let mut builder = Sandbox::builder()
        .port(port)
        .key_id(key_id.clone())
        .key_secret(key_secret)
        .webhook_secret(webhook_secret)
        .webhook_retry(retry)
        .auto_capture(auto_capture)
        .unique_receipts(unique_receipts);
    if pending_refunds {
        builder = builder.refund_processing(RefundProcessing::Pending);
    }
    if let Some(max) = max_amount {
        builder = builder.max_amount(max);
    }
    for url in webhooks {
        builder = builder.webhook_endpoint(WebhookEndpoint::new(url));
    }
    Ok(Some(Args { builder, key_id }))
}

async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("razorpay-sandbox: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match args.builder.start().await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("razorpay-sandbox: {error} [{}]", error.code());
            return ExitCode::FAILURE;
        }
    };
    // Harnesses read this line; keep its shape stable. Secrets are never printed.
    println!("razorpay-sandbox listening on {}", sandbox.url());
    eprintln!(
        "key id {} (API under {}/v1, controls under {}/sandbox)",
        args.key_id,
        sandbox.url(),
        sandbox.url()
    );
    stopped().await;
    sandbox.stop().await;
    eprintln!("razorpay-sandbox stopped");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Args>, String> {
        parse(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags() {
        let parsed = args(&[
            "--port",
            "0",
            "--key-id",
            "rzp_test_x",
            "--webhook-url",
            "http://127.0.0.1:1/h",
        ]);
        assert_eq!(
            parsed.ok().flatten().map(|a| a.key_id),
            Some("rzp_test_x".to_string())
        );
        assert!(matches!(args(&["--help"]), Ok(None)));
        assert!(args(&["--port"]).is_err());
        assert!(args(&["--port", "http"]).is_err());
        assert!(args(&["--bogus"]).is_err());
        assert!(args(&["--max-amount", "lots"]).is_err());
        assert!(
            args(&[
                "--pending-refunds",
                "--unique-receipts",
                "--webhook-retry-razorpay",
                "--max-amount",
                "100000"
            ])
            .is_ok_and(|a| a.is_some())
        );
    }
}
