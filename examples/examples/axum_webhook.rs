//! Verify Razorpay webhooks in an axum handler, on the raw body.
//!
//! ```sh
//! # Self-check: starts the handler on a free port, sends it a genuine, a tampered and a
//! # repeated delivery, and exits non-zero unless each gets the right answer.
//! cargo run -p checkout-kit-examples --example axum_webhook
//! # Serve on a fixed port for your own deliveries (e.g. from the razorpay-sandbox binary):
//! RAZORPAY_WEBHOOK_SECRET=whsec cargo run -p checkout-kit-examples --example axum_webhook -- --serve 127.0.0.1:3000
//! ```
//!
//! The handler takes the body as `Bytes`: the signature is over the exact bytes Razorpay sent,
//! so a body parsed to JSON and serialised again (the classic Express/Nest bug) can't be
//! checked. `construct_event` verifies first and only then parses.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use razorpay_core::sign_webhook;
use razorpay_core::webhook::WebhookVerifier;

struct AppState {
    verifier: WebhookVerifier,
    /// `x-razorpay-event-id`s already handled: Razorpay delivers at least once.
    seen_events: Mutex<HashSet<String>>,
}

async fn razorpay_webhook(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let signature = headers
        .get("x-razorpay-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let event = match app.verifier.construct_event(&body, signature) {
        Ok(event) => event,
        // 400 tells Razorpay not to count this as delivered; the code says why.
        Err(err) => return (StatusCode::BAD_REQUEST, err.code().to_string()),
    };
    let event_id = headers
        .get("x-razorpay-event-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_string();
    let first_time = match app.seen_events.lock() {
        Ok(mut seen) => seen.insert(event_id),
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "STATE_POISONED".into()),
    };
    if !first_time {
        // Acknowledge duplicates with 2xx so Razorpay stops retrying them.
        return (StatusCode::OK, "duplicate".into());
    }
    // Here the shop would apply the event to its order (see razorpay_core::reconcile).
    (StatusCode::OK, event.event.as_str().to_string())
}

fn app(secret: &str) -> Result<Router, String> {
    let verifier = WebhookVerifier::new([secret]).map_err(|err| err.to_string())?;
    let state = Arc::new(AppState {
        verifier,
        seen_events: Mutex::new(HashSet::new()),
    });
    Ok(Router::new()
        .route("/webhooks/razorpay", post(razorpay_webhook))
        .with_state(state))
}

#[tokio::main]
async fn main() -> ExitCode {
    let secret = std::env::var("RAZORPAY_WEBHOOK_SECRET").unwrap_or_else(|_| "whsec_demo".into());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let router = match app(&secret) {
        Ok(router) => router,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    if args.first().map(String::as_str) == Some("--serve") {
        let addr = args.get(1).map(String::as_str).unwrap_or("127.0.0.1:3000");
        return serve(router, addr).await;
    }
    match self_check(router, &secret).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("FAILED: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(router: Router, addr: &str) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("error: cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("POST http://{addr}/webhooks/razorpay");
    match axum::serve(listener, router).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Sends three deliveries to the handler and checks each answer.
async fn self_check(router: Router, secret: &str) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|err| err.to_string())?;
    let addr: SocketAddr = listener.local_addr().map_err(|err| err.to_string())?;
    tokio::spawn(async move { axum::serve(listener, router).await });
    let url = format!("http://{addr}/webhooks/razorpay");
    let http = reqwest::Client::new();

    let body = r#"{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.captured","contains":["payment"],"payload":{"payment":{"entity":{"id":"pay_DESlfW9H8K9uqM","entity":"payment","amount":100,"currency":"INR","status":"captured","order_id":"order_DESlLckIVRkHWj","notes":[]}}},"created_at":1567674606}"#;
    let signature = sign_webhook(body.as_bytes(), secret);
    let tampered = body.replace("\"amount\":100", "\"amount\":1");

    let cases = [
        (
            "genuine delivery",
            body.to_string(),
            "evt_1",
            200,
            "payment.captured",
        ),
        (
            "tampered body",
            tampered,
            "evt_2",
            400,
            "SIGNATURE_MISMATCH",
        ),
        (
            "repeated delivery",
            body.to_string(),
            "evt_1",
            200,
            "duplicate",
        ),
    ];
    for (name, body, event_id, want_status, want_body) in cases {
        let response = http
            .post(&url)
            .header("content-type", "application/json")
            .header("x-razorpay-signature", &signature)
            .header("x-razorpay-event-id", event_id)
            .body(body)
            .send()
            .await
            .map_err(|err| err.to_string())?;
        let status = response.status().as_u16();
        let text = response.text().await.map_err(|err| err.to_string())?;
        println!("{name:<18} → {status} {text}");
        if status != want_status || text != want_body {
            return Err(format!("{name}: expected {want_status} {want_body}"));
        }
    }
    Ok(())
}
