//! Every error class of the client: from the sandbox (authentication, not found, bad request)
//! and from a replay server answering with the official SDKs' error fixtures verbatim.

use checkout_kit_tests::sandbox as support;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use razorpay_core::client::{ClientConfig, ClientError, CreateOrder, RazorpayClient, RetryPolicy};
use serde_json::Value;
use tokio::net::TcpListener;

fn fixture(path: &str) -> Vec<u8> {
    let root = checkout_kit_tests::fixtures_dir().join("razorpay-sdk");
    std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

#[tokio::test]
async fn wrong_secret_and_unknown_key_are_authentication_errors() {
    let sandbox = support::sandbox().await;
    for (key_id, secret, description) in [
        (sandbox.key_id(), "not-the-secret", "Authentication failed"),
        (
            "rzp_test_unknownKey00001",
            sandbox.key_secret(),
            "The api key provided is invalid",
        ),
    ] {
        let config = ClientConfig::new(key_id, secret).base_url(sandbox.url());
        let client = RazorpayClient::new(config).expect("client");
        let error = client
            .orders()
            .create(&CreateOrder::new(10_000, "INR"))
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::Authentication { status: 401, .. }),
            "{error:?}"
        );
        assert_eq!(error.code(), "AUTHENTICATION_FAILED");
        let body = error.razorpay_error().expect("Razorpay's body");
        assert_eq!(
            (body.code.as_str(), body.description.as_str()),
            ("BAD_REQUEST_ERROR", description)
        );
        assert_eq!(body.source.as_deref(), Some("NA"));
        assert!(
            !error.to_string().contains(sandbox.key_secret()),
            "no secret in messages"
        );
    }
}

#[tokio::test]
async fn unknown_ids_are_not_found_with_razorpays_body() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let error = client
        .orders()
        .fetch("order_DBJOWzybf0sJbb")
        .await
        .unwrap_err();
    assert_eq!((error.code(), error.status()), ("NOT_FOUND", Some(400)));
    // The same body as razorpay-ruby/order_error.json.
    let expected: Value =
        serde_json::from_slice(&fixture("razorpay-ruby/order_error.json")).expect("json");
    let body = serde_json::to_value(error.razorpay_error().expect("body")).expect("serialise");
    assert_eq!(body, expected["error"]);
    for missing in [
        client.payments().fetch("pay_DBJOWzybf0sJbb").await,
        client.payments().fetch("pay_x").await,
    ] {
        assert_eq!(missing.unwrap_err().code(), "NOT_FOUND");
    }
}

#[tokio::test]
async fn razorpays_own_validation_is_a_bad_request_naming_the_field() {
    let sandbox = support::sandbox().await;
    let client = support::client(&sandbox);
    let order = client
        .orders()
        .create(&CreateOrder::new(10_000, "INR"))
        .await
        .expect("order");
    let payment_id = sandbox
        .checkout(
            &razorpay_sandbox::CheckoutRequest::new(&order.id)
                .outcome(razorpay_sandbox::CheckoutOutcome::Authorized),
        )
        .expect("authorized")
        .payment_id()
        .to_string();
    let capture = razorpay_core::client::CapturePayment::new(10_000, "USD");
    let error = client
        .payments()
        .capture(&payment_id, &capture)
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::BadRequest { status: 400, .. }),
        "{error:?}"
    );
    assert_eq!(error.field(), Some("currency"));
}

/// Serves each route with a fixed status, content type and body.
async fn replay(routes: Vec<(&'static str, u16, &'static str, Vec<u8>)>) -> String {
    let mut app = Router::new();
    for (path, status, content_type, body) in routes {
        let status = StatusCode::from_u16(status).expect("status");
        app = app.route(
            path,
            get(move || async move {
                (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
            }),
        );
    }
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

#[tokio::test]
async fn sdk_error_fixtures_become_typed_errors_with_the_whole_body() {
    const JSON: &str = "application/json";
    let fixtures = [
        ("razorpay-python/bad_request_error.json", 400, "BAD_REQUEST"),
        ("razorpay-ruby/bad_request_error.json", 400, "BAD_REQUEST"),
        ("razorpay-ruby/dispute_error.json", 400, "NOT_FOUND"),
        ("razorpay-ruby/document_error.json", 400, "BAD_REQUEST"),
        ("razorpay-ruby/error_customer.json", 400, "NOT_FOUND"),
        ("razorpay-ruby/error_eligibility.json", 400, "BAD_REQUEST"),
        (
            "razorpay-ruby/error_eligibility_check.json",
            400,
            "BAD_REQUEST",
        ),
        ("razorpay-ruby/order_error.json", 400, "NOT_FOUND"),
        ("razorpay-ruby/payment_error.json", 400, "NOT_FOUND"),
        ("razorpay-ruby/transfer_error.json", 400, "NOT_FOUND"),
        (
            "razorpay-python/bad_request_error.json",
            401,
            "AUTHENTICATION_FAILED",
        ),
        (
            "razorpay-python/bad_request_error.json",
            429,
            "RATE_LIMITED",
        ),
        (
            "razorpay-python/bad_request_error.json",
            503,
            "SERVER_ERROR",
        ),
    ];
    let ids = [
        "pay_A0", "pay_A1", "pay_A2", "pay_A3", "pay_A4", "pay_A5", "pay_A6", "pay_A7", "pay_A8",
        "pay_A9", "pay_B0", "pay_B1", "pay_B2",
    ];
    let routes = fixtures
        .iter()
        .zip(ids)
        .map(|((file, status, _), id)| {
            (
                Box::leak(format!("/v1/payments/{id}").into_boxed_str()) as &'static str,
                *status,
                JSON,
                fixture(file),
            )
        })
        .collect();
    let url = replay(routes).await;
    let client = RazorpayClient::new(
        ClientConfig::new("rzp_test_x", "s")
            .base_url(url)
            .retry_policy(RetryPolicy::none()),
    )
    .expect("client");
    for ((file, status, code), id) in fixtures.iter().zip(ids) {
        let error = client.payments().fetch(id).await.unwrap_err();
        assert_eq!(
            (error.code(), error.status()),
            (*code, Some(*status)),
            "{file}"
        );
        let expected: Value = serde_json::from_slice(&fixture(file)).expect("json");
        let kept =
            serde_json::to_value(error.razorpay_error().expect("body kept")).expect("serialise");
        assert_eq!(kept, expected["error"], "{file}: every member kept");
    }
}

#[tokio::test]
async fn answers_that_are_not_the_expected_json_are_unexpected_responses() {
    let url = replay(vec![
        (
            "/v1/payments/pay_html",
            200,
            "text/html",
            b"<html>maintenance</html>".to_vec(),
        ),
        (
            "/v1/payments/pay_shape",
            200,
            "application/json",
            br#"{"items": []}"#.to_vec(),
        ),
        (
            "/v1/payments/pay_teapot",
            418,
            "text/plain",
            b"teapot".to_vec(),
        ),
        (
            "/v1/payments/pay_gateway",
            502,
            "text/html",
            b"<html>bad gateway</html>".to_vec(),
        ),
        (
            "/v1/payments/pay_ok",
            200,
            "application/json",
            fixture("razorpay-python/fake_payment.json"),
        ),
    ])
    .await;
    let client = RazorpayClient::new(
        ClientConfig::new("rzp_test_x", "s")
            .base_url(url)
            .retry_policy(RetryPolicy::none()),
    )
    .expect("client");
    for id in ["pay_html", "pay_shape", "pay_teapot"] {
        let error = client.payments().fetch(id).await.unwrap_err();
        assert!(
            matches!(error, ClientError::UnexpectedResponse { .. }),
            "{id}: {error:?}"
        );
        assert_eq!(error.code(), "UNEXPECTED_RESPONSE");
    }
    let gateway = client.payments().fetch("pay_gateway").await.unwrap_err();
    assert_eq!(
        (gateway.code(), gateway.status(), gateway.razorpay_error()),
        ("SERVER_ERROR", Some(502), None)
    );
    let payment = client
        .payments()
        .fetch("pay_ok")
        .await
        .expect("fixture payment parses");
    assert_eq!(
        (payment.id.as_str(), payment.amount),
        ("fake_payment_id", 500)
    );
}

#[tokio::test]
async fn invalid_configurations_are_rejected_up_front() {
    for config in [
        ClientConfig::new("", "s"),
        ClientConfig::new("rzp_test_x", ""),
        ClientConfig::new("rzp_test_x", "s").base_url("api.razorpay.com"),
    ] {
        assert_eq!(
            RazorpayClient::new(config).unwrap_err().code(),
            "INVALID_CONFIG"
        );
    }
}
