//! A whole Razorpay checkout on your machine, with no keys and no network:
//!
//! ```sh
//! cargo run --example checkout
//! ```
//!
//! cart validated → fixes applied → checkout planned → Razorpay order created → paid through
//! the simulated Checkout → callback signature verified → signed webhooks received (one
//! duplicated, one late) and reconciled to PAID → partial refund reconciled to
//! PARTIALLY_REFUNDED. It exits non-zero if any step does not do what it should.
//!
//! With `RAZORPAY_KEY_ID` and `RAZORPAY_KEY_SECRET` set (test-mode keys), the API steps run
//! against Razorpay instead (or `RAZORPAY_BASE_URL`), and the demo says which steps need a
//! browser or a public webhook URL and cannot be simulated there.

mod receiver;
mod shop;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use checkout_rules::currency::format_minor_units;
use checkout_rules::{plan_checkout, validate_cart};
use razorpay_core::client::{ClientConfig, CreateOrder, CreateRefund, RazorpayClient};
use razorpay_core::reconcile::{Effect, PaymentOrderStatus, PaymentState, ReconcileInput};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{SignatureError, verify_payment_signature};
use razorpay_sandbox::{CheckoutRequest, CheckoutResult, Sandbox, WebhookFaults, WebhookRetry};

use receiver::{Shop, describe, lock};

type Step<T> = Result<T, String>;

/// Fails the demo with `message` unless `ok`.
fn ensure(ok: bool, message: impl Into<String>) -> Step<()> {
    if ok { Ok(()) } else { Err(message.into()) }
}

fn rupees(amount: i64) -> String {
    format_minor_units(amount, "INR")
}

fn heading(title: &str) {
    println!(
        "\n── {title} {}",
        "─".repeat(70usize.saturating_sub(title.len()))
    );
}

#[tokio::main]
async fn main() -> ExitCode {
    let live =
        std::env::var("RAZORPAY_KEY_ID").is_ok() && std::env::var("RAZORPAY_KEY_SECRET").is_ok();
    let result = if live {
        run_live().await
    } else {
        run_local().await
    };
    match result {
        Ok(()) => {
            println!("\n✔ every step did what it should");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("\n✘ FAILED: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Validates the stale cart, applies the suggested fixes and plans the order to persist.
fn validate_and_plan() -> Step<checkout_rules::CheckoutPlan> {
    let (catalog, cart, policy) = (
        shop::catalog().map_err(|e| e.to_string())?,
        shop::cart().map_err(|e| e.to_string())?,
        shop::policy().map_err(|e| e.to_string())?,
    );

    heading("1. Proceed to checkout: the cart is verified");
    for line in &cart.lines {
        println!(
            "  {:<24} × {:<2} at {} (as the user saw it)",
            line.product_id,
            line.quantity,
            rupees(line.unit_price)
        );
    }
    let report = validate_cart(&cart, &catalog, &policy);
    println!("  isValid: {}", report.is_valid);
    for item in &report.invalid_items {
        println!(
            "  ✗ {:<20} {:<24} {}",
            item.code.as_str(),
            item.product_id,
            item.message
        );
    }
    ensure(!report.is_valid, "the stale cart should not be valid")?;
    let codes: Vec<&str> = report
        .invalid_items
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    ensure(
        codes.contains(&"PRICE_INCREASED") && codes.contains(&"INSUFFICIENT_STOCK"),
        format!("expected PRICE_INCREASED and INSUFFICIENT_STOCK, got {codes:?}"),
    )?;

    heading("2. The user accepts the suggested fixes");
    for fix in &report.fixes {
        println!(
            "  fix: {}",
            serde_json::to_string(fix).map_err(|e| e.to_string())?
        );
    }
    println!(
        "  total as sent {} → repaired {}",
        rupees(report.submitted_totals.as_ref().map_or(0, |t| t.total)),
        rupees(report.totals.as_ref().map_or(0, |t| t.total))
    );
    let plan = plan_checkout(&report.repaired_cart, &catalog, &policy).map_err(|report| {
        format!(
            "the repaired cart is still invalid: {:?}",
            report.invalid_items
        )
    })?;

    heading("3. The checkout is planned (prices locked)");
    for line in &plan.lines {
        println!(
            "  {:<24} × {:<2} at {:>10} = {:>11}",
            line.product_id,
            line.quantity,
            rupees(line.unit_price),
            rupees(line.total)
        );
    }
    println!("  total {:>54}", rupees(plan.total));
    let sum: i64 = plan.lines.iter().map(|line| line.total).sum();
    ensure(sum == plan.total, "line totals must add up to the total")?;
    ensure(
        plan.total == 2 * 52000 + 2 * 189900 + 34900,
        "unexpected plan total",
    )?;
    Ok(plan)
}

async fn run_local() -> Step<()> {
    let started = Instant::now();
    let plan = validate_and_plan()?;

    heading("4. Razorpay (the local sandbox) and the shop's webhook endpoint start");
    let webhook_secret = "whsec_checkout_kit_demo";
    let verifier = WebhookVerifier::new([webhook_secret]).map_err(|e| e.to_string())?;
    let shop = Shop::new(verifier, "payment.authorized", started);
    let webhook_url = receiver::start(shop.clone())
        .await
        .map_err(|e| e.to_string())?;
    let sandbox = Sandbox::builder()
        .webhook_secret(webhook_secret)
        .webhook(webhook_url.clone())
        // Razorpay delivers at least once: here every event is delivered twice.
        .webhook_faults(WebhookFaults {
            duplicate_rate: 1.0,
            ..WebhookFaults::default()
        })
        .webhook_retry(WebhookRetry {
            initial_backoff: Duration::from_millis(400),
            ..WebhookRetry::default()
        })
        .start()
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    println!(
        "  Razorpay API  {}/v1  (key {})",
        sandbox.url(),
        sandbox.key_id()
    );
    println!("  webhooks  →   {webhook_url}");

    let client = RazorpayClient::new(
        ClientConfig::new(sandbox.key_id(), sandbox.key_secret()).base_url(sandbox.url()),
    )
    .map_err(|e| e.to_string())?;
    let result = pay_and_reconcile(&client, &sandbox, &shop, &plan).await;
    sandbox.stop().await;
    result
}

async fn pay_and_reconcile(
    client: &RazorpayClient,
    sandbox: &Sandbox,
    shop: &Shop,
    plan: &checkout_rules::CheckoutPlan,
) -> Step<()> {
    heading("5. The backend creates its order and the Razorpay order");
    let request = CreateOrder::new(plan.total, plan.currency.clone())
        .receipt("shop_order_1001")
        .note("cart_id", plan.cart_id.clone().unwrap_or_default());
    let order = client
        .orders()
        .create(&request)
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    println!(
        "  {} for {} ({})",
        order.id,
        rupees(order.amount),
        order.status.as_str()
    );
    *lock(&shop.state) = Some(PaymentState::new(&order.id, order.amount, &order.currency));

    heading("6. The browser pays through Razorpay Checkout");
    let paid = sandbox
        .checkout(&CheckoutRequest::new(&order.id))
        .map_err(|e| format!("{}: {}", e.code(), e.description()))?;
    let CheckoutResult::Paid {
        razorpay_payment_id: payment_id,
        razorpay_order_id: order_id,
        razorpay_signature: signature,
    } = paid
    else {
        return Err("the simulated checkout did not succeed".into());
    };
    println!("  handler gets razorpay_payment_id={payment_id}");
    println!("               razorpay_order_id={order_id}");
    println!(
        "               razorpay_signature={}…",
        &signature[..16.min(signature.len())]
    );

    heading("7. The callback reaches the backend: signature verified, state applied");
    let forged = verify_payment_signature(
        &order.id,
        &payment_id,
        &"0".repeat(64),
        sandbox.key_secret(),
    );
    ensure(
        forged == Err(SignatureError::Mismatch),
        "a forged signature must be rejected",
    )?;
    println!("  a forged signature        → rejected (SIGNATURE_MISMATCH)");
    verify_payment_signature(&order_id, &payment_id, &signature, sandbox.key_secret())
        .map_err(|e| format!("the genuine callback was rejected: {}", e.code()))?;
    ensure(order_id == order.id, "the callback is for another order")?;
    let (_, effects) = shop.apply(&ReconcileInput::callback(&order_id, &payment_id))?;
    println!(
        "  the genuine callback      → verified, applied → {}{}",
        status(shop),
        describe(&effects)
    );

    heading("8. Razorpay's webhooks arrive: twice each, one late");
    ensure(
        sandbox.wait_for_webhooks(Duration::from_secs(15)).await,
        "webhooks were not all delivered in time",
    )?;
    check_payment_webhooks(shop)?;
    ensure(
        status(shop) == "PAID",
        format!("expected PAID, got {}", status(shop)),
    )?;
    println!(
        "  order status: PAID ({} captured)",
        rupees(paid_amount(shop))
    );

    heading("9. A partial refund (one kettle returned)");
    let refund = client
        .payments()
        .refund(
            &payment_id,
            &CreateRefund::partial(189900).with_new_idempotency_key(),
        )
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    println!(
        "  {} for {} ({})",
        refund.id,
        rupees(refund.amount),
        refund.status.as_ref().map_or("?", |s| s.as_str())
    );
    ensure(
        sandbox.wait_for_webhooks(Duration::from_secs(15)).await,
        "refund webhooks were not all delivered in time",
    )?;
    ensure(
        status(shop) == "PARTIALLY_REFUNDED",
        format!("expected PARTIALLY_REFUNDED, got {}", status(shop)),
    )?;

    heading("10. The shop's state agrees with Razorpay's");
    let fetched = client
        .orders()
        .fetch(&order.id)
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    let payment = client
        .payments()
        .fetch(&payment_id)
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    let state = lock(&shop.state).clone().ok_or("no state")?;
    println!(
        "  Razorpay: order {}, amount paid {}, payment refunded {}",
        fetched.status.as_str(),
        rupees(fetched.amount_paid.unwrap_or_default()),
        rupees(payment.amount_refunded.unwrap_or_default())
    );
    println!(
        "  shop:     {}, amount paid {}, refunded {}",
        state.status().as_str(),
        rupees(state.amount_paid()),
        rupees(state.amount_refunded())
    );
    ensure(
        fetched.amount_paid == Some(state.amount_paid()),
        "paid amounts differ",
    )?;
    ensure(
        payment.amount_refunded == Some(state.amount_refunded()),
        "refunded amounts differ",
    )?;
    ensure(
        state.amount_refunded() == 189900,
        "the refund must be counted exactly once",
    )?;

    let effects = lock(&shop.effects).clone();
    let paid_marks = effects
        .iter()
        .filter(|e| matches!(e, Effect::MarkOrderPaid { .. }))
        .count();
    ensure(
        paid_marks == 1,
        format!("MARK_ORDER_PAID emitted {paid_marks} times"),
    )?;
    println!(
        "  effects carried out, each once: {}",
        describe(&effects).trim_start_matches("; effects: ")
    );
    Ok(())
}

/// Checks that the duplicate and the late delivery really happened and changed nothing twice.
fn check_payment_webhooks(shop: &Shop) -> Step<()> {
    let deliveries = lock(&shop.deliveries).clone();
    let position = |event: &str, answer: u16| {
        deliveries
            .iter()
            .position(|d| d.event == event && d.answer == answer && !d.duplicate)
    };
    let duplicates = deliveries.iter().filter(|d| d.duplicate).count();
    ensure(duplicates > 0, "no duplicate delivery was seen")?;
    ensure(
        deliveries
            .iter()
            .filter(|d| d.duplicate)
            .all(|d| d.effects.is_empty()),
        "a duplicate delivery caused an effect",
    )?;
    let late = position("payment.authorized", 200);
    let captured = position("payment.captured", 200);
    ensure(
        matches!((late, captured), (Some(l), Some(c)) if l > c),
        "payment.authorized should have been applied after payment.captured",
    )?;
    println!(
        "  {} deliveries: {duplicates} duplicates ignored, payment.authorized applied after payment.captured",
        deliveries.len()
    );
    Ok(())
}

fn status(shop: &Shop) -> &'static str {
    lock(&shop.state)
        .as_ref()
        .map(|state| state.status())
        .unwrap_or(PaymentOrderStatus::AwaitingPayment)
        .as_str()
}

fn paid_amount(shop: &Shop) -> i64 {
    lock(&shop.state)
        .as_ref()
        .map(|s| s.amount_paid())
        .unwrap_or(0)
}

/// With real test-mode keys: the API steps against Razorpay, and what cannot run there.
async fn run_live() -> Step<()> {
    let plan = validate_and_plan()?;
    let config = ClientConfig::from_env().map_err(|e| format!("{}: {e}", e.code()))?;
    let client = RazorpayClient::new(config).map_err(|e| e.to_string())?;
    heading("4. Razorpay (your keys)");
    println!("  mode: {}", client.mode().as_str());

    heading("5. The backend creates the Razorpay order");
    let order = client
        .orders()
        .create(&CreateOrder::new(plan.total, plan.currency.clone()).receipt("checkout_kit_demo"))
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    println!(
        "  {} for {} ({})",
        order.id,
        rupees(order.amount),
        order.status.as_str()
    );
    let fetched = client
        .orders()
        .fetch(&order.id)
        .await
        .map_err(|e| format!("{}: {e}", e.code()))?;
    ensure(
        fetched.amount == plan.total,
        "the fetched order has another amount",
    )?;
    println!(
        "  fetched back: {} due",
        rupees(fetched.amount_due.unwrap_or_default())
    );

    heading("Not simulated against Razorpay");
    println!(
        "  • paying needs Razorpay Checkout in a browser: open it with order_id {}",
        order.id
    );
    println!("  • webhooks need a public URL registered in the Dashboard");
    println!("  • the refund needs a captured payment, so it is skipped");
    println!("  Run without RAZORPAY_KEY_ID to see the whole flow against the local sandbox.");
    Ok(())
}
