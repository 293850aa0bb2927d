//! End to end: the sandbox delivers every webhook twice and out of order; the shop's webhook
//! endpoint verifies each one and folds it into the order's payment state with `apply`. The
//! state built from webhooks alone must match what the API reports for the order, its payments
//! and their refunds, and every effect must come out exactly once.
//!
//! Orders: paid at the first attempt with no callback; failed then paid with a second attempt,
//! then refunded partially and then fully; and a manual-capture order whose `CAPTURE_PAYMENT`
//! effect the test carries out, closing the loop.

use checkout_kit_tests::sandbox as support;

use std::collections::BTreeMap;
use std::time::Duration;

use razorpay_core::client::{
    CapturePayment, CreateOrder, CreateRefund, ListRefunds, RazorpayClient,
};
use razorpay_core::model::{Order, OrderStatus, Payment, PaymentStatus, RefundStatus};
use razorpay_core::reconcile::{
    CaptureMode, Effect, Notification, OrderProgress, PaymentOrderStatus, PaymentProgress,
    PaymentState, ReconcileInput, RefundProgress, apply,
};
use razorpay_core::verify_payment_signature;
use razorpay_core::webhook::{WebhookEvent, WebhookVerifier};
use razorpay_sandbox::{
    CheckoutFailure, CheckoutOutcome, CheckoutRequest, CheckoutResult, Sandbox, WebhookFaults,
};
use support::Received;

const AMOUNT: i64 = 50_000;

/// The order a verified event is about, as the shop's handler routes it.
fn order_of(event: &WebhookEvent) -> Option<String> {
    event
        .payment()
        .and_then(|p| p.order_id.clone())
        .or_else(|| event.order().map(|o| o.id.clone()))
}

/// The shop: one payment state per order, fed by verified webhooks; effects collected.
struct Shop {
    verifier: WebhookVerifier,
    states: BTreeMap<String, PaymentState>,
    effects: BTreeMap<String, Vec<Effect>>,
    applied: usize,
}

impl Shop {
    fn new(webhook_secret: &str) -> Self {
        Self {
            verifier: WebhookVerifier::new([webhook_secret]).expect("secret"),
            states: BTreeMap::new(),
            effects: BTreeMap::new(),
            applied: 0,
        }
    }

    fn open(&mut self, order: &Order, mode: CaptureMode) {
        let state = PaymentState::new(&order.id, order.amount, &order.currency).capture_mode(mode);
        self.states.insert(order.id.clone(), state);
    }

    /// What the webhook handler does for one delivery; returns whether the state changed.
    fn handle(&mut self, delivery: &Received) -> bool {
        let event = self
            .verifier
            .construct_event(&delivery.body, &delivery.signature)
            .expect("a correctly signed webhook");
        let order_id = order_of(&event).expect("every sandbox event names its order");
        let state = self
            .states
            .get_mut(&order_id)
            .expect("an order the shop created");
        let input = ReconcileInput::webhook(delivery.event_id.clone(), event);
        let outcome = apply(state, &input).expect("a valid webhook");
        self.applied += 1;
        *state = outcome.state;
        self.effects
            .entry(order_id)
            .or_default()
            .extend(outcome.effects);
        outcome.changed
    }

    fn state(&self, order_id: &str) -> &PaymentState {
        &self.states[order_id]
    }

    fn effects(&self, order_id: &str) -> Vec<Effect> {
        let mut effects = self.effects.get(order_id).cloned().unwrap_or_default();
        effects.sort();
        effects
    }
}

fn progress(status: &PaymentStatus) -> PaymentProgress {
    match status {
        PaymentStatus::Failed => PaymentProgress::Failed,
        PaymentStatus::Authorized => PaymentProgress::Authorized,
        PaymentStatus::Captured => PaymentProgress::Captured,
        PaymentStatus::Refunded => PaymentProgress::Refunded,
        _ => PaymentProgress::Created,
    }
}

/// The state built from webhooks agrees with the API on the order, its payments, their refunds.
async fn assert_matches_api(client: &RazorpayClient, state: &PaymentState) {
    let order = client
        .orders()
        .fetch(&state.razorpay_order_id)
        .await
        .expect("order");
    let recorded = state
        .razorpay_order
        .as_ref()
        .expect("order.paid was delivered");
    assert_eq!(order.status, OrderStatus::Paid);
    assert_eq!(recorded.status, OrderProgress::Paid);
    assert_eq!(Some(recorded.amount_paid), order.amount_paid);
    assert_eq!(Some(state.amount_paid()), order.amount_paid);

    let payments: Vec<Payment> = client
        .orders()
        .payments(&order.id)
        .await
        .expect("order payments")
        .items;
    let api_ids: Vec<&str> = payments.iter().map(|p| p.id.as_str()).collect();
    let state_ids: Vec<&str> = state.payments.keys().map(String::as_str).collect();
    let mut api_sorted = api_ids.clone();
    api_sorted.sort_unstable();
    assert_eq!(state_ids, api_sorted, "the same payments");

    let mut refunded_total = 0;
    for payment in &payments {
        let record = &state.payments[&payment.id];
        assert_eq!(record.status, progress(&payment.status), "{}", payment.id);
        assert_eq!(record.captured, payment.is_captured(), "{}", payment.id);
        assert_eq!(record.amount, Some(payment.amount));
        assert_eq!(record.currency.as_deref(), Some(payment.currency.as_str()));
        assert_eq!(record.amount_refunded, payment.amount_refunded.unwrap_or(0));
        assert_eq!(
            record.error_code.as_deref(),
            payment.failure().map(|f| f.code),
            "{}",
            payment.id
        );
        refunded_total += payment.amount_refunded.unwrap_or(0);

        let refunds = client
            .payments()
            .refunds(&payment.id, &ListRefunds::default())
            .await
            .expect("refunds")
            .items;
        for refund in &refunds {
            let seen = &state.refunds[&refund.id];
            assert_eq!(seen.payment_id, payment.id);
            assert_eq!(seen.amount, refund.amount);
            let expected = match refund.status {
                Some(RefundStatus::Processed) => RefundProgress::Processed,
                Some(RefundStatus::Failed) => RefundProgress::Failed,
                _ => RefundProgress::Pending,
            };
            assert_eq!(seen.status, expected, "{}", refund.id);
        }
        let of_payment = state
            .refunds
            .values()
            .filter(|r| r.payment_id == payment.id)
            .count();
        assert_eq!(
            of_payment,
            refunds.len(),
            "the same refunds of {}",
            payment.id
        );
    }
    assert_eq!(state.amount_refunded(), refunded_total);

    // Fetching the objects adds nothing the webhooks did not already say.
    let mut fetched = state.clone();
    let mut inputs = vec![ReconcileInput::fetched_order(order)];
    inputs.extend(payments.into_iter().map(ReconcileInput::fetched_payment));
    for input in &inputs {
        let outcome = apply(&fetched, input).expect("fetched object");
        assert!(
            !outcome.changed,
            "{input:?} changed {:?}",
            state.razorpay_order_id
        );
        fetched = outcome.state;
    }
}

fn paid_signature(result: &CheckoutResult, key_secret: &str) -> String {
    match result {
        CheckoutResult::Paid {
            razorpay_payment_id,
            razorpay_order_id,
            razorpay_signature,
        } => {
            verify_payment_signature(
                razorpay_order_id,
                razorpay_payment_id,
                razorpay_signature,
                key_secret,
            )
            .expect("Checkout's signature verifies");
            razorpay_payment_id.clone()
        }
        CheckoutResult::Failed { error, .. } => panic!("checkout failed: {error:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_alone_reconcile_to_what_the_api_reports() {
    let endpoint = support::Receiver::start(0).await;
    let sandbox = Sandbox::builder()
        .webhook(endpoint.url.clone())
        .webhook_retry(support::fast_webhook_retry())
        .webhook_faults(WebhookFaults {
            duplicate_rate: 1.0,
            shuffle_window_ms: 150,
            delay_ms: 0,
        })
        .start()
        .await
        .expect("sandbox starts");
    let client = support::client(&sandbox);
    let mut shop = Shop::new(sandbox.webhook_secret());
    let create = || CreateOrder::new(AMOUNT, "INR");

    // 1. Paid at the first attempt; the browser never calls back.
    let direct = client
        .orders()
        .create(&create().receipt("e2e-direct"))
        .await
        .expect("order");
    shop.open(&direct, CaptureMode::Automatic);
    let paid = sandbox
        .checkout(&CheckoutRequest::new(&direct.id))
        .expect("checkout");
    paid_signature(&paid, sandbox.key_secret());

    // 2. Fails, then succeeds with a second attempt; refunded partially, then fully.
    let retried = client
        .orders()
        .create(&create().receipt("e2e-retry"))
        .await
        .expect("order");
    shop.open(&retried, CaptureMode::Automatic);
    let failure = CheckoutOutcome::Failure(CheckoutFailure::default());
    let failed = sandbox
        .checkout(&CheckoutRequest::new(&retried.id).outcome(failure))
        .expect("failed attempt");
    assert!(matches!(failed, CheckoutResult::Failed { .. }));
    let second = sandbox
        .checkout(&CheckoutRequest::new(&retried.id))
        .expect("retry");
    let second_id = paid_signature(&second, sandbox.key_secret());
    let partial = client
        .refunds()
        .create(&second_id, &CreateRefund::partial(20_000))
        .await
        .expect("partial refund");
    let rest = client
        .refunds()
        .create(&second_id, &CreateRefund::full())
        .await
        .expect("refund of the rest");

    // 3. Manual capture: authorized only; the shop captures when the effect says so.
    let manual = client
        .orders()
        .create(&create().receipt("e2e-manual"))
        .await
        .expect("order");
    shop.open(&manual, CaptureMode::Manual);
    let authorized = sandbox
        .checkout(&CheckoutRequest::new(&manual.id).outcome(CheckoutOutcome::Authorized))
        .expect("authorized");
    let authorized_id = paid_signature(&authorized, sandbox.key_secret());

    assert!(
        sandbox.wait_for_webhooks(Duration::from_secs(20)).await,
        "deliveries settle"
    );
    let first_batch = endpoint.received();
    for delivery in &first_batch {
        shop.handle(delivery);
    }
    assert_eq!(
        shop.state(&manual.id).status(),
        PaymentOrderStatus::Authorized
    );
    let capture = Effect::CapturePayment {
        payment_id: authorized_id.clone(),
        amount: AMOUNT,
        currency: "INR".into(),
    };
    assert_eq!(shop.effects(&manual.id), vec![capture]);
    client
        .payments()
        .capture(&authorized_id, &CapturePayment::new(AMOUNT, "INR"))
        .await
        .expect("capture");
    assert!(
        sandbox.wait_for_webhooks(Duration::from_secs(20)).await,
        "deliveries settle"
    );
    let all = endpoint.received();
    for delivery in &all[first_batch.len()..] {
        shop.handle(delivery);
    }

    // The sandbox really did duplicate (and may have reordered) the deliveries.
    let mut per_event: BTreeMap<&str, usize> = BTreeMap::new();
    for delivery in &all {
        *per_event.entry(&delivery.event_id).or_default() += 1;
    }
    // 3 events for the direct order, 8 for the retried one, 3 for the manual one.
    assert_eq!(per_event.len(), 14, "{per_event:?}");
    assert!(
        per_event.values().all(|n| *n >= 2),
        "every event delivered at least twice"
    );
    assert_eq!(shop.applied, all.len());

    let mark_paid = |order: &Order| Effect::MarkOrderPaid {
        razorpay_order_id: order.id.clone(),
        amount: AMOUNT,
        currency: "INR".into(),
    };
    let received = Effect::NotifyCustomer {
        notification: Notification::PaymentReceived,
    };

    let state = shop.state(&direct.id);
    assert_eq!(state.status(), PaymentOrderStatus::Paid);
    assert!(state.anomalies.is_empty(), "{:?}", state.anomalies);
    let mut expected = vec![mark_paid(&direct), received.clone()];
    expected.sort();
    assert_eq!(shop.effects(&direct.id), expected);
    assert_matches_api(&client, state).await;

    let state = shop.state(&retried.id);
    assert_eq!(state.status(), PaymentOrderStatus::Refunded);
    assert_eq!(
        (state.amount_paid(), state.amount_refunded()),
        (AMOUNT, AMOUNT)
    );
    assert_eq!(state.payments.len(), 2, "the failed attempt and the retry");
    assert!(state.anomalies.is_empty(), "{:?}", state.anomalies);
    let refund_done = |id: &str| Effect::NotifyCustomer {
        notification: Notification::RefundProcessed {
            refund_id: id.to_owned(),
        },
    };
    let mut expected = vec![
        mark_paid(&retried),
        received.clone(),
        refund_done(&partial.id),
        refund_done(&rest.id),
    ];
    expected.sort();
    assert_eq!(shop.effects(&retried.id), expected);
    assert_matches_api(&client, state).await;

    let state = shop.state(&manual.id);
    assert_eq!(state.status(), PaymentOrderStatus::Paid);
    assert!(state.payments[&authorized_id].authorization_seen);
    let mut expected = vec![
        Effect::CapturePayment {
            payment_id: authorized_id.clone(),
            amount: AMOUNT,
            currency: "INR".into(),
        },
        mark_paid(&manual),
        received,
    ];
    expected.sort();
    assert_eq!(shop.effects(&manual.id), expected);
    assert_matches_api(&client, state).await;

    // Convergence on the real deliveries: replaying them backwards gives the same states, byte
    // for byte, and the same effects.
    let mut replay = Shop::new(sandbox.webhook_secret());
    replay.open(&direct, CaptureMode::Automatic);
    replay.open(&retried, CaptureMode::Automatic);
    replay.open(&manual, CaptureMode::Manual);
    for delivery in all.iter().rev() {
        replay.handle(delivery);
    }
    for order in [&direct, &retried, &manual] {
        assert_eq!(
            replay.state(&order.id).to_json(),
            shop.state(&order.id).to_json(),
            "{}",
            order.id
        );
        assert_eq!(replay.effects(&order.id), shop.effects(&order.id));
    }

    sandbox.stop().await;
}

/// The README's callback handler: verify the callback, apply it, and, since a callback proves
/// an authorization but not a capture, fetch the payment once and apply that. No webhook is
/// needed for the order to become PAID, and a late fetch of the order adds no effect.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callback_then_fetched_payment_marks_paid_without_webhooks() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(AMOUNT, "INR").receipt("e2e-callback"))
        .await
        .expect("order");
    let state = PaymentState::new(&order.id, order.amount, &order.currency);

    let CheckoutResult::Paid {
        razorpay_payment_id,
        razorpay_order_id,
        razorpay_signature,
    } = sandbox.pay(&order.id).expect("checkout")
    else {
        panic!("checkout failed");
    };
    let forged = ReconcileInput::verified_callback(
        &razorpay_order_id,
        &razorpay_payment_id,
        &razorpay_signature,
        "not-the-key-secret",
    );
    assert_eq!(forged.unwrap_err().code(), "SIGNATURE_MISMATCH");
    let callback = ReconcileInput::verified_callback(
        &razorpay_order_id,
        &razorpay_payment_id,
        &razorpay_signature,
        sandbox.key_secret(),
    )
    .expect("a genuine callback");

    let after_callback = apply(&state, &callback).expect("callback");
    assert_eq!(
        after_callback.state.status(),
        PaymentOrderStatus::Authorized
    );
    assert!(after_callback.effects.is_empty());

    let payment = client
        .payments()
        .fetch(&razorpay_payment_id)
        .await
        .expect("payment");
    let after_fetch = apply(
        &after_callback.state,
        &ReconcileInput::fetched_payment(payment),
    )
    .expect("fetched payment");
    assert_eq!(after_fetch.state.status(), PaymentOrderStatus::Paid);
    assert_eq!(
        after_fetch.effects,
        vec![
            Effect::MarkOrderPaid {
                razorpay_order_id: order.id.clone(),
                amount: AMOUNT,
                currency: "INR".into(),
            },
            Effect::NotifyCustomer {
                notification: Notification::PaymentReceived,
            },
        ]
    );
    let record = &after_fetch.state.payments[&razorpay_payment_id];
    assert!(record.verified_by_callback && record.captured);

    let fetched_order = client.orders().fetch(&order.id).await.expect("order");
    let late = apply(
        &after_fetch.state,
        &ReconcileInput::fetched_order(fetched_order),
    )
    .expect("fetched order");
    assert!(late.effects.is_empty());
    assert_eq!(late.state.status(), PaymentOrderStatus::Paid);
    assert!(
        late.state.anomalies.is_empty(),
        "{:?}",
        late.state.anomalies
    );

    sandbox.stop().await;
}
