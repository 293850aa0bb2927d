//! The client against a hostile or broken API endpoint (issue 15, attacks 2-4): huge bodies
//! (announced or streamed, success or error), huge error descriptions, redirects, an object of
//! the wrong entity, and live keys over plain HTTP. The endpoint is a raw TCP server so each
//! answer is exactly what an attacker could send.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use razorpay_core::client::{ClientConfig, ClientError, RazorpayClient, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// 64 MiB: far beyond the 1 MiB limit the tests configure, small enough to stream quickly.
const HUGE: usize = 64 * 1024 * 1024;
const LIMIT: usize = 1024 * 1024;

struct Hostile {
    url: String,
    /// Requests for the redirect target: a followed redirect would show up here.
    target_hits: Arc<AtomicUsize>,
    /// Bytes the server managed to write before the client hung up.
    streamed: Arc<AtomicUsize>,
}

async fn hostile() -> Hostile {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let target_hits = Arc::new(AtomicUsize::new(0));
    let streamed = Arc::new(AtomicUsize::new(0));
    let (hits, sent) = (target_hits.clone(), streamed.clone());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(answer(stream, hits.clone(), sent.clone()));
        }
    });
    Hostile {
        url,
        target_hits,
        streamed,
    }
}

/// Reads one request head and answers by path, then closes the connection.
async fn answer(mut stream: TcpStream, hits: Arc<AtomicUsize>, streamed: Arc<AtomicUsize>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head).to_string();
    let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
    let ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n";
    let response: Vec<u8> = match path.as_str() {
        // Announces a huge body: refused before reading it.
        "/v1/payments/pay_announced" => {
            format!("{ok}Content-Length: {HUGE}\r\n\r\n{{").into_bytes()
        }
        // Streams a huge body without announcing its length (success and error statuses).
        "/v1/payments/pay_streamed" | "/v1/payments/pay_streamed_error" => {
            let status = if path.ends_with("error") {
                "HTTP/1.1 500 Internal Server Error\r\n"
            } else {
                "HTTP/1.1 200 OK\r\n"
            };
            let start = format!("{status}Content-Type: application/json\r\nConnection: close\r\n\r\n{{\"error\":{{\"description\":\"");
            if stream.write_all(start.as_bytes()).await.is_err() {
                return;
            }
            let chunk = vec![b'x'; 64 * 1024];
            let mut sent = 0;
            while sent < HUGE {
                if stream.write_all(&chunk).await.is_err() {
                    break;
                }
                sent += chunk.len();
            }
            streamed.store(sent, Ordering::SeqCst);
            return;
        }
        // A 400 whose description is 512 KiB: under the limit, so the body is kept, but the
        // message must stay short.
        "/v1/payments/pay_long_description" => {
            let body = format!(
                r#"{{"error":{{"code":"BAD_REQUEST_ERROR","description":"{}"}}}}"#,
                "d".repeat(512 * 1024)
            );
            format!(
                "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        }
        // Redirects to an order: following it would hand the Basic header onwards.
        "/v1/payments/pay_redirect" => b"HTTP/1.1 302 Found\r\nLocation: /v1/orders/order_target\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".to_vec(),
        "/v1/orders/order_target" | "/v1/payments/pay_is_an_order" => {
            if path.starts_with("/v1/orders") {
                hits.fetch_add(1, Ordering::SeqCst);
            }
            let body = r#"{"id":"order_target","entity":"order","amount":100,"currency":"INR","status":"created","created_at":1}"#;
            format!("{ok}Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
        }
        _ => b"HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response).await;
    let _ = stream.shutdown().await;
}

fn client(url: &str) -> RazorpayClient {
    let config = ClientConfig::new("rzp_test_hostile000001", "secret")
        .base_url(url)
        .max_response_bytes(LIMIT)
        .request_timeout(Duration::from_secs(20))
        .retry_policy(RetryPolicy::none());
    RazorpayClient::new(config).expect("client")
}

#[tokio::test]
async fn announced_huge_body_is_refused_unread() {
    let server = hostile().await;
    let error = client(&server.url)
        .payments()
        .fetch("pay_announced")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "RESPONSE_TOO_LARGE", "{error}");
    assert!(matches!(
        error,
        ClientError::ResponseTooLarge {
            status: 200,
            limit_bytes
        } if limit_bytes == LIMIT as u64
    ));
}

#[tokio::test]
async fn streamed_huge_bodies_stop_at_the_limit_for_success_and_error() {
    let server = hostile().await;
    let client = client(&server.url);
    for (id, status) in [("pay_streamed", 200), ("pay_streamed_error", 500)] {
        let error = client.payments().fetch(id).await.unwrap_err();
        assert_eq!(error.code(), "RESPONSE_TOO_LARGE", "{id}: {error}");
        assert_eq!(error.status(), Some(status));
    }
    // The client hung up long before the server finished its 64 MiB.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let streamed = server.streamed.load(Ordering::SeqCst);
    assert!(streamed < HUGE, "server wrote {streamed} of {HUGE} bytes");
}

#[tokio::test]
async fn a_long_error_description_is_kept_but_clipped_in_the_message() {
    let server = hostile().await;
    let error = client(&server.url)
        .payments()
        .fetch("pay_long_description")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "BAD_REQUEST");
    let message = error.to_string();
    assert!(message.len() < 1_024, "message of {} bytes", message.len());
    let kept = error.razorpay_error().map(|body| body.description.len());
    assert_eq!(kept, Some(512 * 1024));
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = hostile().await;
    let error = client(&server.url)
        .payments()
        .fetch("pay_redirect")
        .await
        .unwrap_err();
    assert_eq!(
        (error.code(), error.status()),
        ("UNEXPECTED_RESPONSE", Some(302))
    );
    assert_eq!(server.target_hits.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn an_object_of_another_entity_is_refused() {
    let server = hostile().await;
    let error = client(&server.url)
        .payments()
        .fetch("pay_is_an_order")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "UNEXPECTED_RESPONSE");
    assert!(error.to_string().contains("\"order\""), "{error}");
}

#[tokio::test]
async fn live_keys_refuse_plain_http() {
    let server = hostile().await;
    let config = ClientConfig::new("rzp_live_hostile000001", "live-secret").base_url(&server.url);
    let error = RazorpayClient::new(config).unwrap_err();
    assert_eq!(error.code(), "INVALID_CONFIG");
    assert!(!error.to_string().contains("live-secret"));
    // Nothing was sent anywhere.
    assert_eq!(server.target_hits.load(Ordering::SeqCst), 0);
}
