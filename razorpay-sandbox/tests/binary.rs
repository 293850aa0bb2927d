//! The "done when" flow against the `razorpay-sandbox` binary: create an order, pay it
//! through the simulated checkout over HTTP, verify the returned signature, receive a correctly
//! signed `payment.captured` webhook on our own URL, refund, and stop the process cleanly.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use razorpay_core::client::{ClientConfig, CreateOrder, CreateRefund, RazorpayClient};
use razorpay_core::model::PaymentStatus;
use razorpay_core::webhook::WebhookEvent;
use razorpay_core::{verify_payment_signature, verify_webhook_signature};
use serde_json::{Value, json};

const KEY_ID: &str = "rzp_test_doneWhenFlow01";
const KEY_SECRET: &str = "done-when-key-secret";
const WEBHOOK_SECRET: &str = "done-when-webhook-secret";

type Inbox = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

async fn receiver() -> (String, Inbox) {
    async fn receive(State(inbox): State<Inbox>, headers: HeaderMap, body: Bytes) -> &'static str {
        let signature = headers
            .get("x-razorpay-signature")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        inbox
            .lock()
            .expect("lock")
            .push((signature.to_string(), body.to_vec()));
        "ok"
    }
    let inbox: Inbox = Arc::default();
    let app = Router::new()
        .route("/razorpay", post(receive))
        .with_state(Arc::clone(&inbox));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/razorpay", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, inbox)
}

/// Starts the binary on a free port and reads the URL from its first stdout line.
fn start_binary(webhook_url: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_razorpay-sandbox"))
        .args([
            "--port",
            "0",
            "--key-id",
            KEY_ID,
            "--key-secret",
            KEY_SECRET,
        ])
        .args([
            "--webhook-url",
            webhook_url,
            "--webhook-secret",
            WEBHOOK_SECRET,
            "--webhook-backoff-ms",
            "50",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let url = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        line.starts_with("razorpay-sandbox listening on http://127.0.0.1:"),
        "{line}"
    );
    assert!(!line.contains(KEY_SECRET));
    (child, url)
}

fn stop(mut child: Child) -> String {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "clean exit: {status}");
            break;
        }
        assert!(Instant::now() < deadline, "the sandbox did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    stderr
}

#[tokio::test]
async fn create_pay_verify_receive_webhook_refund_against_the_binary() {
    let (webhook_url, inbox) = receiver().await;
    let (child, url) = start_binary(&webhook_url);
    let client =
        RazorpayClient::new(ClientConfig::new(KEY_ID, KEY_SECRET).base_url(&url)).expect("client");

    let order = client
        .orders()
        .create(&CreateOrder::new(49_900, "INR").receipt("order_rcpt_1"))
        .await
        .expect("order");

    let checkout: Value = reqwest::Client::new()
        .post(format!("{url}/sandbox/checkout"))
        .json(&json!({ "order_id": order.id, "method": "card" }))
        .send()
        .await
        .expect("checkout call")
        .json()
        .await
        .expect("checkout JSON");
    let field = |name: &str| checkout[name].as_str().unwrap_or_default().to_string();
    let (payment_id, order_id, signature) = (
        field("razorpay_payment_id"),
        field("razorpay_order_id"),
        field("razorpay_signature"),
    );
    assert_eq!(order_id, order.id);
    verify_payment_signature(&order_id, &payment_id, &signature, KEY_SECRET)
        .expect("Checkout's signature verifies");

    let deadline = Instant::now() + Duration::from_secs(5);
    let (hook_signature, hook_body) = loop {
        let captured = inbox
            .lock()
            .expect("lock")
            .iter()
            .find(|(_, body)| {
                WebhookEvent::from_slice(body).is_ok_and(|e| e.event.as_str() == "payment.captured")
            })
            .cloned();
        if let Some(found) = captured {
            break found;
        }
        assert!(Instant::now() < deadline, "no payment.captured webhook");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    verify_webhook_signature(&hook_body, &hook_signature, WEBHOOK_SECRET)
        .expect("webhook signature verifies");
    let event = WebhookEvent::from_slice(&hook_body).expect("event");
    assert_eq!(
        event.payment().map(|p| p.id.as_str()),
        Some(payment_id.as_str())
    );

    let refund = client
        .refunds()
        .create(
            &payment_id,
            &CreateRefund::full().with_new_idempotency_key(),
        )
        .await
        .expect("refund");
    assert_eq!(refund.amount, 49_900);
    let payment = client.payments().fetch(&payment_id).await.expect("payment");
    assert_eq!(payment.status, PaymentStatus::Refunded);

    let stderr = stop(child);
    assert!(stderr.contains("razorpay-sandbox stopped"), "{stderr}");
    assert!(
        !stderr.contains(KEY_SECRET) && !stderr.contains(WEBHOOK_SECRET),
        "secrets never printed"
    );
}

#[test]
fn help_and_bad_flags() {
    let help = Command::new(env!("CARGO_BIN_EXE_razorpay-sandbox"))
        .arg("--help")
        .output()
        .expect("runs");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--webhook-url"));
    let bad = Command::new(env!("CARGO_BIN_EXE_razorpay-sandbox"))
        .arg("--nope")
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}
