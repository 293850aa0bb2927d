//! Retries and timeouts observed at the sandbox: what is repeated, what never is, and that
//! every call ends within its configured bounds.

use checkout_kit_tests::sandbox as support;

use std::time::{Duration, Instant};

use razorpay_core::client::{
    ClientConfig, ClientError, CreateOrder, CreateRefund, ListOrders, RazorpayClient, RetryPolicy,
};
use razorpay_sandbox::{ApiFault, RecordedRequest};
use tokio::net::TcpListener;

fn summary(requests: &[RecordedRequest]) -> Vec<(String, Option<u16>)> {
    requests
        .iter()
        .map(|r| (format!("{} {}", r.method, r.path), r.status))
        .collect()
}

#[tokio::test]
async fn a_post_that_got_a_500_is_sent_once() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    sandbox.push_fault(ApiFault::ServerError);
    let error = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .unwrap_err();
    assert_eq!((error.code(), error.status()), ("SERVER_ERROR", Some(500)));
    assert_eq!(
        error.razorpay_error().map(|e| e.code.as_str()),
        Some("SERVER_ERROR")
    );
    assert_eq!(
        summary(&sandbox.requests()),
        [("POST /v1/orders".to_string(), Some(500))]
    );
}

#[tokio::test]
async fn a_post_whose_connection_dropped_is_sent_once() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    sandbox.push_fault(ApiFault::DropConnection);
    let error = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            ClientError::Connection {
                request_sent: true,
                ..
            }
        ),
        "{error:?}"
    );
    // The transport's error stays reachable through the source chain.
    assert!(std::error::Error::source(&error).is_some(), "{error:?}");
    assert_eq!(
        summary(&sandbox.requests()),
        [("POST /v1/orders".to_string(), None)]
    );
    let orders = client
        .orders()
        .list(&ListOrders::default())
        .await
        .expect("list");
    assert_eq!(
        orders.count, 0,
        "the dropped request did not create an order"
    );
}

#[tokio::test]
async fn a_get_is_retried_after_a_500_and_a_dropped_connection() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox.clear_requests();
    sandbox.push_fault(ApiFault::ServerError);
    sandbox.push_fault(ApiFault::DropConnection);
    let fetched = client
        .orders()
        .fetch(&order.id)
        .await
        .expect("third attempt succeeds");
    assert_eq!(fetched.id, order.id);
    let path = format!("GET /v1/orders/{}", order.id);
    assert_eq!(
        summary(&sandbox.requests()),
        [
            (path.clone(), Some(500)),
            (path.clone(), None),
            (path, Some(200))
        ]
    );
}

#[tokio::test]
async fn retries_stop_at_the_policy_limit() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    for _ in 0..5 {
        sandbox.push_fault(ApiFault::ServerError);
    }
    let error = client
        .orders()
        .list(&ListOrders::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "SERVER_ERROR");
    assert_eq!(
        sandbox.requests().len(),
        3,
        "first attempt + max_retries(2)"
    );
}

#[tokio::test]
async fn rate_limits_wait_for_retry_after_even_for_posts() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    sandbox.push_fault(ApiFault::RateLimited {
        retry_after_secs: 1,
    });
    let started = Instant::now();
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("created after waiting");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    let statuses: Vec<_> = sandbox.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(429), Some(200)]);
    let orders = client
        .orders()
        .list(&ListOrders::default())
        .await
        .expect("list");
    assert_eq!(
        orders
            .items
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>(),
        [order.id],
        "exactly one order"
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_limit_is_returned_to_the_caller() {
    let sandbox = support::sandbox().await;
    let config = support::config(&sandbox)
        .retry_policy(support::fast_retries().max_retry_after(Duration::from_secs(5)));
    let client = RazorpayClient::new(config).expect("client");
    sandbox.push_fault(ApiFault::RateLimited {
        retry_after_secs: 120,
    });
    let error = client
        .orders()
        .list(&ListOrders::default())
        .await
        .unwrap_err();
    assert_eq!((error.code(), error.status()), ("RATE_LIMITED", Some(429)));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(sandbox.requests().len(), 1);
}

#[tokio::test]
async fn keyed_refunds_are_retried_and_refund_once() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
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
    sandbox.clear_requests();

    sandbox.push_fault(ApiFault::ServerError);
    let keyed = CreateRefund::partial(2_500).with_new_idempotency_key();
    let refund = client
        .refunds()
        .create(&payment_id, &keyed)
        .await
        .expect("retried refund");
    assert_eq!(sandbox.requests().len(), 2);

    sandbox.push_fault(ApiFault::ServerError);
    let error = client
        .refunds()
        .create(&payment_id, &CreateRefund::partial(2_500))
        .await
        .unwrap_err();
    assert_eq!(
        error.code(),
        "SERVER_ERROR",
        "an unkeyed refund is never repeated"
    );
    assert_eq!(sandbox.requests().len(), 3);

    let payment = client.payments().fetch(&payment_id).await.expect("payment");
    assert_eq!(payment.amount_refunded, Some(refund.amount));
}

#[tokio::test]
async fn a_slow_answer_times_out_and_is_not_repeated_for_a_post() {
    let sandbox = support::sandbox().await;
    let config = support::config(&sandbox).request_timeout(Duration::from_millis(200));
    let client = RazorpayClient::new(config).expect("client");
    sandbox.push_fault(ApiFault::Slow { delay_ms: 1_000 });
    let started = Instant::now();
    let error = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::Timeout { request_sent: true }),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "took {:?}",
        started.elapsed()
    );
    // Razorpay may still have created the order: exactly the case where a blind retry would
    // create a second one. The sandbox finishes the slow request; there is one order, not two.
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let orders = client
        .orders()
        .list(&ListOrders::default())
        .await
        .expect("list");
    assert_eq!(orders.count, 1);
    let posts = sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn an_address_that_never_answers_ends_within_the_timeout() {
    // Accepts connections and never writes a byte.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let hold = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    let config = ClientConfig::new("rzp_test_x", "secret")
        .base_url(url)
        .request_timeout(Duration::from_millis(300))
        .retry_policy(
            RetryPolicy::default()
                .max_retries(2)
                .initial_backoff(Duration::from_millis(10)),
        );
    let client = RazorpayClient::new(config).expect("client");
    let started = Instant::now();
    let error = client
        .orders()
        .fetch("order_DBJOWzybf0sJbb")
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(error.code(), "TIMEOUT");
    // Three attempts of 300 ms plus two short waits.
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(3),
        "took {elapsed:?}"
    );
    hold.abort();
}

#[tokio::test]
async fn a_refused_connection_is_retried_then_reported() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    drop(listener);
    let config = ClientConfig::new("rzp_test_x", "secret")
        .base_url(url)
        .retry_policy(support::fast_retries());
    let client = RazorpayClient::new(config).expect("client");
    let error = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            ClientError::Connection {
                request_sent: false,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.code(), "CONNECTION_FAILED");
}

#[tokio::test]
async fn a_notes_edit_that_got_a_500_is_not_repeated() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    sandbox.clear_requests();
    sandbox.push_fault(ApiFault::ServerError);
    let notes: razorpay_core::model::Notes = [("k", "v")].into_iter().collect();
    let error = client
        .orders()
        .edit(&order.id, &razorpay_core::client::EditOrder::notes(notes))
        .await
        .unwrap_err();
    assert_eq!(error.code(), "SERVER_ERROR");
    assert_eq!(sandbox.requests().len(), 1);
}
