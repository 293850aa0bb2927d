//! Helpers shared by the client/sandbox end-to-end suites: a sandbox with fast webhook
//! retries, a client bound to it, and a local webhook receiver.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use razorpay_core::client::{ClientConfig, RazorpayClient, RetryPolicy};
use razorpay_sandbox::{Sandbox, WebhookRetry};
use tokio::net::TcpListener;

/// Webhook retries fast enough for tests.
pub fn fast_webhook_retry() -> WebhookRetry {
    WebhookRetry {
        timeout: Duration::from_millis(500),
        max_attempts: 4,
        initial_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(100),
    }
}

/// A sandbox with fast webhook retries.
pub async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .webhook_retry(fast_webhook_retry())
        .start()
        .await
        .expect("sandbox starts")
}

/// Retries with tiny waits, so retry tests stay fast.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(2)
        .initial_backoff(Duration::from_millis(20))
}

/// Client configuration pointing at the sandbox.
pub fn config(sandbox: &Sandbox) -> ClientConfig {
    ClientConfig::new(sandbox.key_id(), sandbox.key_secret())
        .base_url(sandbox.url())
        .request_timeout(Duration::from_secs(5))
        .retry_policy(fast_retries())
}

/// A client for the sandbox.
pub fn client(sandbox: &Sandbox) -> RazorpayClient {
    RazorpayClient::new(config(sandbox)).expect("valid config")
}

/// One received webhook: headers and the exact body bytes.
#[derive(Debug, Clone)]
pub struct Received {
    pub signature: String,
    pub event_id: String,
    pub body: Vec<u8>,
}

impl Received {
    pub fn event(&self) -> String {
        let value: serde_json::Value = serde_json::from_slice(&self.body).expect("JSON body");
        value["event"].as_str().unwrap_or_default().to_string()
    }
}

/// A webhook receiver on 127.0.0.1; `fail_first` requests are answered 500.
#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

#[derive(Clone)]
struct ReceiverState {
    received: Arc<Mutex<Vec<Received>>>,
    fail_first: Arc<Mutex<usize>>,
}

async fn receive(
    State(state): State<ReceiverState>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    state.received.lock().expect("lock").push(Received {
        signature: header("x-razorpay-signature"),
        event_id: header("x-razorpay-event-id"),
        body: body.to_vec(),
    });
    let mut fail = state.fail_first.lock().expect("lock");
    if *fail > 0 {
        *fail -= 1;
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    }
}

impl Receiver {
    pub async fn start(fail_first: usize) -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let state = ReceiverState {
            received: Arc::clone(&received),
            fail_first: Arc::new(Mutex::new(fail_first)),
        };
        let app = Router::new()
            .route("/webhooks/razorpay", post(receive))
            .with_state(state);
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind receiver");
        let url = format!(
            "http://{}/webhooks/razorpay",
            listener.local_addr().expect("addr")
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, received }
    }

    /// Everything received so far (failed answers included).
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    /// Received events with this name.
    pub fn events(&self, name: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|r| r.event() == name)
            .collect()
    }
}
