//! Webhooks from the sandbox: Razorpay's envelope, signatures over the exact bytes, unique
//! event ids, retries, and the duplicate/shuffle faults reconciliation tests rely on.

use checkout_kit_tests::sandbox as support;

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use razorpay_core::client::{CapturePayment, CreateOrder, CreateRefund};
use razorpay_core::webhook::WebhookVerifier;
use razorpay_core::{Secret, verify_webhook_signature};
use razorpay_sandbox::{
    CheckoutFailure, CheckoutOutcome, CheckoutRequest, Sandbox, WebhookEndpoint, WebhookFaults,
};
use serde_json::Value;

const WAIT: Duration = Duration::from_secs(10);

fn keys(value: &Value) -> Vec<String> {
    value
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_paid_order_sends_authorized_captured_and_paid_signed_with_the_real_envelope() {
    let receiver = support::Receiver::start(0).await;
    let sandbox = Sandbox::builder()
        .webhook_retry(support::fast_webhook_retry())
        .webhook(&receiver.url)
        .start()
        .await
        .expect("sandbox");
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(50_000, "INR"))
        .await
        .expect("order");
    let payment_id = sandbox
        .pay(&order.id)
        .expect("pay")
        .payment_id()
        .to_string();
    assert!(sandbox.wait_for_webhooks(WAIT).await);

    let received = receiver.received();
    let names: Vec<_> = received.iter().map(|r| r.event()).collect();
    assert_eq!(
        names,
        ["payment.authorized", "payment.captured", "order.paid"]
    );
    let verifier = WebhookVerifier::new([Secret::new(sandbox.webhook_secret())]).expect("verifier");
    let fixture_dir = checkout_kit_tests::fixtures_dir().join("webhooks");
    for hook in &received {
        verify_webhook_signature(&hook.body, &hook.signature, sandbox.webhook_secret())
            .expect("signed body");
        let event = verifier
            .construct_event(&hook.body, &hook.signature)
            .expect("typed event");
        assert_eq!(
            event.payment().map(|p| p.id.as_str()),
            Some(payment_id.as_str())
        );
        // Same envelope and entity keys as Razorpay's documented sample of this event.
        let body: Value = serde_json::from_slice(&hook.body).expect("json");
        let sample: Value = serde_json::from_slice(
            &std::fs::read(fixture_dir.join(format!("{}.json", hook.event()))).expect("sample"),
        )
        .expect("sample json");
        assert_eq!(keys(&body), keys(&sample), "envelope of {}", hook.event());
        assert_eq!(body["contains"], sample["contains"]);
        assert_eq!(body["account_id"], sandbox.account_id());
        for kind in keys(&sample["payload"]) {
            let ours: HashSet<_> = keys(&body["payload"][&kind]["entity"])
                .into_iter()
                .collect();
            for key in keys(&sample["payload"][&kind]["entity"]) {
                assert!(ours.contains(&key), "{} {kind} lacks {key}", hook.event());
            }
        }
    }
    let captured = receiver.events("payment.captured");
    let event = verifier
        .construct_event(&captured[0].body, &captured[0].signature)
        .expect("event");
    assert_eq!(event.payment().map(|p| p.amount), Some(50_000));
    let paid = receiver.events("order.paid");
    let event = verifier
        .construct_event(&paid[0].body, &paid[0].signature)
        .expect("event");
    assert_eq!(event.order().and_then(|o| o.amount_due), Some(0));

    let ids: HashSet<_> = received.iter().map(|r| r.event_id.clone()).collect();
    assert_eq!(ids.len(), 3, "unique x-razorpay-event-id");
    assert!(ids.iter().all(|id| id.len() == 14));
}

#[tokio::test]
async fn failures_manual_captures_and_refunds_send_their_events() {
    let receiver = support::Receiver::start(0).await;
    let sandbox = support::sandbox().await;
    sandbox.register_webhook_endpoint(WebhookEndpoint {
        url: receiver.url.clone(),
        secret: Some("endpoint-secret".into()),
        events: None,
    });
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(20_000, "INR"))
        .await
        .expect("order");
    let failed =
        CheckoutRequest::new(&order.id).outcome(CheckoutOutcome::Failure(CheckoutFailure {
            code: "GATEWAY_ERROR".into(),
            description: "Payment processing failed due to error at bank or wallet gateway".into(),
            source: "gateway".into(),
            step: "payment_authorization".into(),
            reason: "payment_failed".into(),
        }));
    sandbox.checkout(&failed).expect("failed attempt");
    let authorized = CheckoutRequest::new(&order.id).outcome(CheckoutOutcome::Authorized);
    let payment_id = sandbox
        .checkout(&authorized)
        .expect("authorized")
        .payment_id()
        .to_string();
    client
        .payments()
        .capture(&payment_id, &CapturePayment::new(20_000, "INR"))
        .await
        .expect("capture");
    client
        .refunds()
        .create(&payment_id, &CreateRefund::partial(5_000))
        .await
        .expect("refund");
    assert!(sandbox.wait_for_webhooks(WAIT).await);

    let names: Vec<_> = receiver.received().iter().map(|r| r.event()).collect();
    assert_eq!(
        names,
        [
            "payment.failed",
            "payment.authorized",
            "payment.captured",
            "order.paid",
            "refund.created",
            "refund.processed"
        ]
    );
    let verifier = WebhookVerifier::new([Secret::new("endpoint-secret")]).expect("verifier");
    for hook in receiver.received() {
        verifier
            .verify(&hook.body, &hook.signature)
            .expect("signed with the endpoint's secret");
    }
    let failure = &receiver.events("payment.failed")[0];
    let event = verifier
        .construct_event(&failure.body, &failure.signature)
        .expect("event");
    assert_eq!(
        event
            .payment()
            .and_then(|p| p.error_code.clone())
            .as_deref(),
        Some("GATEWAY_ERROR")
    );
    let refund = &receiver.events("refund.processed")[0];
    let event = verifier
        .construct_event(&refund.body, &refund.signature)
        .expect("event");
    assert_eq!(event.refund().map(|r| r.amount), Some(5_000));
    assert_eq!(event.payment().and_then(|p| p.amount_refunded), Some(5_000));
}

#[tokio::test]
async fn non_2xx_answers_are_retried_with_the_same_event_id() {
    let receiver = support::Receiver::start(2).await;
    let sandbox = Sandbox::builder()
        .webhook_retry(support::fast_webhook_retry())
        .webhook_endpoint(WebhookEndpoint {
            url: receiver.url.clone(),
            secret: None,
            events: Some(vec!["payment.captured".into()]),
        })
        .start()
        .await
        .expect("sandbox");
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox.pay(&order.id).expect("pay");
    assert!(sandbox.wait_for_webhooks(WAIT).await);
    let attempts: Vec<_> = sandbox
        .webhook_deliveries()
        .iter()
        .map(|d| (d.attempt, d.status))
        .collect();
    assert_eq!(attempts, [(1, Some(500)), (2, Some(500)), (3, Some(200))]);
    let received = receiver.received();
    assert_eq!(received.len(), 3);
    assert!(
        received
            .iter()
            .all(|r| r.event_id == received[0].event_id && r.body == received[0].body)
    );
}

#[tokio::test]
async fn an_unreachable_receiver_gets_a_bounded_number_of_attempts() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    drop(listener);
    let sandbox = Sandbox::builder()
        .webhook_retry(support::fast_webhook_retry())
        .webhook(url)
        .start()
        .await
        .expect("sandbox");
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox
        .checkout(&CheckoutRequest::new(&order.id).outcome(CheckoutOutcome::Authorized))
        .expect("pay");
    assert!(sandbox.wait_for_webhooks(WAIT).await);
    let deliveries = sandbox.webhook_deliveries();
    assert_eq!(deliveries.len(), 4, "max_attempts");
    assert!(
        deliveries
            .iter()
            .all(|d| d.status.is_none() && d.error.is_some())
    );
}

#[tokio::test]
async fn duplicate_and_shuffled_delivery_deliver_every_event_possibly_twice() {
    let receiver = support::Receiver::start(0).await;
    let sandbox = support::sandbox().await;
    sandbox.register_webhook(&receiver.url);
    sandbox.set_webhook_faults(WebhookFaults {
        duplicate_rate: 1.0,
        shuffle_window_ms: 50,
        delay_ms: 0,
    });
    let client = support::client(&sandbox);
    for _ in 0..3 {
        let order = client
            .orders()
            .create(&CreateOrder::new(10_000, "INR"))
            .await
            .expect("order");
        let payment_id = sandbox
            .pay(&order.id)
            .expect("pay")
            .payment_id()
            .to_string();
        client
            .refunds()
            .create(&payment_id, &CreateRefund::partial(1_000))
            .await
            .expect("refund");
    }
    assert!(sandbox.wait_for_webhooks(WAIT).await);
    let mut per_event: BTreeMap<String, usize> = BTreeMap::new();
    for hook in receiver.received() {
        verify_webhook_signature(&hook.body, &hook.signature, sandbox.webhook_secret())
            .expect("signed");
        *per_event.entry(hook.event_id).or_default() += 1;
    }
    assert_eq!(per_event.len(), 3 * 5, "five events per order");
    assert!(
        per_event.values().all(|&n| n == 2),
        "each delivered twice: {per_event:?}"
    );
    let duplicates = sandbox
        .webhook_deliveries()
        .iter()
        .filter(|d| d.duplicate)
        .count();
    assert_eq!(duplicates, 15);
}

#[tokio::test]
async fn a_receiver_that_never_answers_times_out_and_is_retried() {
    // Accepts connections, reads nothing, answers nothing.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let hold = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    let retry = razorpay_sandbox::WebhookRetry {
        timeout: Duration::from_millis(150),
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(20),
    };
    let sandbox = Sandbox::builder()
        .webhook_retry(retry)
        .webhook_endpoint(WebhookEndpoint {
            url,
            secret: None,
            events: Some(vec!["payment.authorized".into()]),
        })
        .start()
        .await
        .expect("sandbox");
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox.pay(&order.id).expect("pay");
    assert!(sandbox.wait_for_webhooks(WAIT).await);
    let attempts: Vec<_> = sandbox
        .webhook_deliveries()
        .iter()
        .map(|d| (d.attempt, d.status, d.error.clone()))
        .collect();
    let timeout = Some("timeout".to_string());
    assert_eq!(
        attempts,
        [
            (1, None, timeout.clone()),
            (2, None, timeout.clone()),
            (3, None, timeout)
        ]
    );
    hold.abort();
}

#[tokio::test]
async fn the_delay_fault_holds_every_delivery_back() {
    let receiver = support::Receiver::start(0).await;
    let sandbox = support::sandbox().await;
    sandbox.register_webhook(&receiver.url);
    sandbox.set_webhook_faults(WebhookFaults {
        duplicate_rate: 0.0,
        shuffle_window_ms: 0,
        delay_ms: 150,
    });
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    let started = std::time::Instant::now();
    sandbox.pay(&order.id).expect("pay");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(receiver.received().is_empty(), "nothing before the delay");
    assert!(sandbox.wait_for_webhooks(WAIT).await);
    assert_eq!(receiver.received().len(), 3);
    assert!(
        started.elapsed() >= Duration::from_millis(450),
        "three delayed deliveries in order"
    );
}

#[tokio::test]
async fn deliveries_close_their_connection_so_receivers_can_shut_down() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    // A bare HTTP/1.1 receiver that answers with keep-alive, then watches whether the sandbox
    // leaves the connection open (which stalls e.g. Node's server.close()).
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let receiver = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let mut request = Vec::new();
        let mut buffer = [0_u8; 4096];
        loop {
            let n = socket.read(&mut buffer).await.expect("read");
            request.extend_from_slice(&buffer[..n]);
            let text = String::from_utf8_lossy(&request);
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                    })
                    .unwrap_or(0);
                if request.len() >= end + 4 + length {
                    break;
                }
            }
        }
        socket
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
            .await
            .expect("answer");
        // The sandbox should now close its side: read returns 0 (EOF).
        tokio::time::timeout(Duration::from_secs(2), socket.read(&mut buffer)).await
    });
    let sandbox = support::sandbox().await;
    sandbox.register_webhook_endpoint(WebhookEndpoint {
        url,
        secret: None,
        events: Some(vec!["payment.authorized".into()]),
    });
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox
        .checkout(&CheckoutRequest::new(&order.id).outcome(CheckoutOutcome::Authorized))
        .expect("pay");
    let after_answer = receiver.await.expect("receiver task");
    assert!(
        matches!(after_answer, Ok(Ok(0))),
        "the sandbox kept the connection open: {after_answer:?}"
    );
}
