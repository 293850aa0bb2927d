//! Fault soak (issue 15, item 3): many concurrent checkouts through the client against a
//! sandbox with every fault on — 500s, 429s, dropped connections and slow answers on the API;
//! duplicated, shuffled and delayed webhooks — and the shop's own recovery rules:
//! - an order creation that may have reached Razorpay is looked up by its receipt before it is
//!   tried again (POSTs are never blindly repeated), so no cart gets two Razorpay orders;
//! - refunds carry an idempotency key and are retried with the same key until they succeed;
//! - every webhook delivery is verified and applied to the order's payment state.
//!
//! It asserts: no duplicate Razorpay order, every paid order reconciled PAID (or
//! PARTIALLY_REFUNDED after its refund) from webhooks alone, every refund counted once, and no
//! client call running past its worst-case bound. It prints
//! `checkouts, faults injected, duplicates, lost: 0`.
//!
//! Size: 24 checkouts by default (a few seconds); `CHECKOUT_KIT_SOAK=<checkouts>` for a larger
//! run, e.g. `CHECKOUT_KIT_SOAK=2000 cargo test -p checkout-kit-tests --test fault_soak -- --nocapture`.

use checkout_kit_tests::sandbox as support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use razorpay_core::client::{
    ClientConfig, ClientError, CreateOrder, CreateRefund, ListOrders, ListRefunds, RazorpayClient,
    RetryPolicy,
};
use razorpay_core::model::Order;
use razorpay_core::reconcile::{PaymentOrderStatus, PaymentState, ReconcileInput, apply};
use razorpay_core::verify_payment_signature;
use razorpay_core::webhook::WebhookVerifier;
use razorpay_sandbox::{CheckoutResult, FaultRates, Sandbox, WebhookFaults};
use tokio::sync::Semaphore;

const AMOUNT: i64 = 50_000;
const REFUND: i64 = 10_000;
/// Checkouts in flight at once.
const CONCURRENCY: usize = 8;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(2);
const RETRIES: u32 = 3;
const MAX_BACKOFF: Duration = Duration::from_millis(100);
const MAX_RETRY_AFTER: Duration = Duration::from_secs(1);

/// The longest one client call may take: every attempt at its full timeout, plus the longest
/// waits between attempts, plus scheduling slack for a loaded 2-core machine.
fn call_bound() -> Duration {
    let attempts = RETRIES + 1;
    (CONNECT_TIMEOUT + REQUEST_TIMEOUT) * attempts
        + MAX_BACKOFF.max(MAX_RETRY_AFTER) * RETRIES
        + Duration::from_secs(2)
}

fn checkouts() -> usize {
    std::env::var("CHECKOUT_KIT_SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

/// The client with every call timed against [`call_bound`].
#[derive(Clone)]
struct Timed {
    client: RazorpayClient,
    slowest: Arc<std::sync::Mutex<Duration>>,
}

impl Timed {
    async fn call<T>(
        &self,
        call: impl std::future::Future<Output = Result<T, ClientError>>,
    ) -> Result<T, ClientError> {
        let start = Instant::now();
        let result = call.await;
        let took = start.elapsed();
        let mut slowest = self.slowest.lock().expect("lock");
        *slowest = (*slowest).max(took);
        result
    }
}

/// Whether a failed call may have reached Razorpay (so its effect may exist).
fn maybe_processed(error: &ClientError) -> bool {
    matches!(
        error,
        ClientError::Server { .. }
            | ClientError::Timeout { .. }
            | ClientError::Connection {
                request_sent: true,
                ..
            }
    )
}

/// Creates the Razorpay order for cart `receipt` exactly once, whatever fails on the way.
async fn create_order_once(client: &Timed, receipt: &str) -> Order {
    loop {
        let created = client
            .call(
                client
                    .client
                    .orders()
                    .create(&CreateOrder::new(AMOUNT, "INR").receipt(receipt)),
            )
            .await;
        match created {
            Ok(order) => return order,
            Err(error) if maybe_processed(&error) => {
                // It may exist: look before creating again.
                if let Some(order) = find_by_receipt(client, receipt).await {
                    return order;
                }
            }
            Err(error) => assert!(
                matches!(error, ClientError::RateLimited { .. })
                    || matches!(
                        error,
                        ClientError::Connection {
                            request_sent: false,
                            ..
                        }
                    ),
                "unexpected failure creating {receipt}: {error}"
            ),
        }
    }
}

async fn find_by_receipt(client: &Timed, receipt: &str) -> Option<Order> {
    loop {
        let filter = ListOrders::default().receipt(receipt);
        match client.call(client.client.orders().list(&filter)).await {
            Ok(page) => return page.items.into_iter().next(),
            Err(_) => continue, // a GET: safe to ask again
        }
    }
}

/// Refunds `payment_id` once: one idempotency key, repeated until Razorpay answers.
async fn refund_once(client: &Timed, payment_id: &str) {
    let refund = CreateRefund::partial(REFUND).with_new_idempotency_key();
    loop {
        match client
            .call(client.client.refunds().create(payment_id, &refund))
            .await
        {
            Ok(created) => {
                assert_eq!(created.amount, REFUND);
                return;
            }
            Err(error) => assert!(
                error.status().is_none_or(|s| s == 429 || s >= 500),
                "unexpected refund failure: {error}"
            ),
        }
    }
}

/// One shopper: order, payment through Checkout, verified callback, maybe a refund.
async fn checkout(
    i: usize,
    client: Timed,
    sandbox: Arc<Sandbox>,
) -> (Order, PaymentState, Option<String>) {
    let receipt = format!("soak_{i:06}");
    let order = create_order_once(&client, &receipt).await;
    let mut state = PaymentState::new(&order.id, order.amount, &order.currency);
    let CheckoutResult::Paid {
        razorpay_order_id,
        razorpay_payment_id,
        razorpay_signature,
    } = sandbox.pay(&order.id).expect("checkout")
    else {
        panic!("the default checkout pays");
    };
    verify_payment_signature(
        &order.id,
        &razorpay_payment_id,
        &razorpay_signature,
        sandbox.key_secret(),
    )
    .expect("callback signature");
    assert_eq!(razorpay_order_id, order.id);
    state = apply(
        &state,
        &ReconcileInput::callback(&order.id, &razorpay_payment_id),
    )
    .expect("callback")
    .state;
    let refunded = i.is_multiple_of(3).then(|| razorpay_payment_id.clone());
    if let Some(payment_id) = &refunded {
        refund_once(&client, payment_id).await;
    }
    (order, state, refunded)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_on_no_duplicate_no_loss() {
    let receiver = support::Receiver::start(0).await;
    let sandbox = Sandbox::builder()
        .webhook(&receiver.url)
        .webhook_retry(support::fast_webhook_retry())
        .webhook_faults(WebhookFaults {
            duplicate_rate: 0.5,
            shuffle_window_ms: 40,
            delay_ms: 5,
        })
        .fault_rates(FaultRates {
            server_error: 0.08,
            rate_limited: 0.08,
            retry_after_secs: 1,
            slow: 0.08,
            slow_delay_ms: 300,
            drop_connection: 0.05,
        })
        .start()
        .await
        .expect("sandbox starts");
    let sandbox = Arc::new(sandbox);
    let config = ClientConfig::new(sandbox.key_id(), sandbox.key_secret())
        .base_url(sandbox.url())
        .connect_timeout(CONNECT_TIMEOUT)
        .request_timeout(REQUEST_TIMEOUT)
        .retry_policy(
            RetryPolicy::default()
                .max_retries(RETRIES)
                .initial_backoff(Duration::from_millis(10))
                .max_backoff(MAX_BACKOFF)
                .max_retry_after(MAX_RETRY_AFTER),
        );
    let client = Timed {
        client: RazorpayClient::new(config).expect("client"),
        slowest: Arc::default(),
    };

    let n = checkouts();
    let started = Instant::now();
    let permits = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let (client, sandbox, permits) = (client.clone(), sandbox.clone(), permits.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.expect("semaphore");
            checkout(i, client, sandbox).await
        });
    }
    let mut shop: BTreeMap<String, (PaymentState, Option<String>)> = BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        let (order, state, refunded) = done.expect("a checkout task");
        shop.insert(order.id.clone(), (state, refunded));
    }
    assert_eq!(shop.len(), n, "every checkout got its own order");

    // Counts of injected API faults, then a quiet API for the final checks.
    let faults_injected = sandbox
        .requests()
        .iter()
        .filter(|r| r.fault.is_some())
        .count();
    sandbox.clear_faults();
    assert!(
        sandbox.wait_for_webhooks(Duration::from_secs(60)).await,
        "webhooks still pending after 60 s"
    );

    // The webhook endpoint: verify every delivery and fold it into its order's state.
    let verifier = WebhookVerifier::new([sandbox.webhook_secret()]).expect("secret");
    let deliveries = receiver.received();
    let mut duplicates_seen = 0;
    for delivery in &deliveries {
        let event = verifier
            .construct_event(&delivery.body, &delivery.signature)
            .expect("signed by the sandbox");
        let order_id = event
            .payment()
            .and_then(|p| p.order_id.clone())
            .or_else(|| event.order().map(|o| o.id.clone()))
            .expect("events name their order");
        let (state, _) = shop.get_mut(&order_id).expect("a shop order");
        let outcome = apply(
            state,
            &ReconcileInput::webhook(delivery.event_id.clone(), event),
        )
        .expect("a valid webhook");
        duplicates_seen += usize::from(outcome.duplicate);
        *state = outcome.state;
    }

    // No duplicate Razorpay order: each receipt exactly once among all orders.
    let mut per_receipt: BTreeMap<String, usize> = BTreeMap::new();
    let mut skip = 0;
    loop {
        let page = client
            .client
            .orders()
            .list(&ListOrders::default().count(100).skip(skip))
            .await
            .expect("list orders");
        for order in &page.items {
            *per_receipt
                .entry(order.receipt.clone().unwrap_or_default())
                .or_default() += 1;
        }
        if page.items.len() < 100 {
            break;
        }
        skip += 100;
    }
    let duplicate_orders: usize = per_receipt.values().map(|c| c - 1).sum();

    // Every paid order reconciled; every refund counted once (in the state and on Razorpay).
    let mut lost = 0;
    for (order_id, (state, refunded)) in &shop {
        let expected = if refunded.is_some() {
            PaymentOrderStatus::PartiallyRefunded
        } else {
            PaymentOrderStatus::Paid
        };
        let refund_ok = match refunded {
            Some(payment_id) => {
                let refunds = client
                    .client
                    .refunds()
                    .list_for_payment(payment_id, &ListRefunds::default())
                    .await
                    .expect("list refunds");
                refunds.items.len() == 1 && state.amount_refunded() == REFUND
            }
            None => state.amount_refunded() == 0,
        };
        if state.status() != expected || state.amount_paid() != AMOUNT || !refund_ok {
            lost += 1;
            eprintln!("{order_id}: {:?} {state:?}", state.status());
        }
    }

    let slowest = *client.slowest.lock().expect("lock");
    println!(
        "checkouts: {n}, faults injected: {faults_injected}, webhook deliveries: {}, \
         duplicates: {duplicate_orders}, lost: {lost} (duplicate deliveries recognised: \
         {duplicates_seen}; slowest call {slowest:?}, bound {:?}; {:?} in all)",
        deliveries.len(),
        call_bound(),
        started.elapsed()
    );
    assert_eq!(duplicate_orders, 0, "a cart got two Razorpay orders");
    assert_eq!(lost, 0, "orders not reconciled");
    assert!(faults_injected > 0, "the soak injected no fault");
    assert!(duplicates_seen > 0, "no duplicate webhook was delivered");
    assert!(
        slowest <= call_bound(),
        "a call took {slowest:?}, past {:?}",
        call_bound()
    );
    Arc::try_unwrap(sandbox)
        .expect("tasks are done")
        .stop()
        .await;
}
