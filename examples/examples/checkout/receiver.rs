//! The shop's webhook endpoint: verify the raw body, apply the event to the order's payment
//! state, acknowledge duplicates. Exactly what a NestJS or axum handler does, with a log of what
//! happened so the demo can show (and check) it.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use razorpay_core::reconcile::{Effect, PaymentState, ReconcileInput, apply};
use razorpay_core::webhook::WebhookVerifier;

/// One delivery as the shop saw it.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub event: String,
    pub answer: u16,
    pub duplicate: bool,
    pub effects: Vec<Effect>,
}

/// The order row the shop stores: its payment state (JSON in a real database) and the
/// effects it carried out.
pub struct Shop {
    verifier: WebhookVerifier,
    started: Instant,
    /// Answer deliveries of this event with 503 until the order is paid, as a shop in the
    /// middle of a deploy would: Razorpay retries them later, after the events that followed.
    unavailable_for: String,
    pub state: Mutex<Option<PaymentState>>,
    pub deliveries: Mutex<Vec<Delivery>>,
    pub effects: Mutex<Vec<Effect>>,
}

pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shop {
    pub fn new(verifier: WebhookVerifier, unavailable_for: &str, started: Instant) -> Arc<Self> {
        Arc::new(Self {
            verifier,
            started,
            unavailable_for: unavailable_for.to_string(),
            state: Mutex::new(None),
            deliveries: Mutex::new(Vec::new()),
            effects: Mutex::new(Vec::new()),
        })
    }

    /// Applies a verified input to the stored state and carries out (records) its effects.
    pub fn apply(&self, input: &ReconcileInput) -> Result<(bool, Vec<Effect>), String> {
        let mut stored = lock(&self.state);
        let state = stored.as_ref().ok_or("no order is awaiting payment")?;
        let outcome = apply(state, input).map_err(|err| format!("{}: {err}", err.code()))?;
        lock(&self.effects).extend(outcome.effects.iter().cloned());
        *stored = Some(outcome.state);
        Ok((outcome.duplicate, outcome.effects))
    }

    pub fn elapsed_ms(&self) -> u128 {
        self.started.elapsed().as_millis()
    }
}

async fn webhook(State(shop): State<Arc<Shop>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let event_id = header("x-razorpay-event-id");
    let event = match shop
        .verifier
        .construct_event(&body, &header("x-razorpay-signature"))
    {
        Ok(event) => event,
        Err(err) => {
            println!(
                "  {:>5} ms  webhook rejected: {}",
                shop.elapsed_ms(),
                err.code()
            );
            return StatusCode::BAD_REQUEST;
        }
    };
    let name = event.event.as_str().to_string();
    let record = |answer: u16, duplicate: bool, effects: Vec<Effect>| {
        lock(&shop.deliveries).push(Delivery {
            event: name.clone(),
            answer,
            duplicate,
            effects,
        });
    };

    let paid = lock(&shop.state)
        .as_ref()
        .is_some_and(|state| state.amount_paid() >= state.amount);
    if name == shop.unavailable_for && !paid {
        println!(
            "  {:>5} ms  webhook {name:<18} {}  → 503 (shop deploying; Razorpay will retry)",
            shop.elapsed_ms(),
            short(&event_id)
        );
        record(503, false, Vec::new());
        return StatusCode::SERVICE_UNAVAILABLE;
    }

    match shop.apply(&ReconcileInput::webhook(event_id.clone(), event)) {
        Ok((duplicate, effects)) => {
            let status = lock(&shop.state)
                .as_ref()
                .map(|state| state.status().as_str())
                .unwrap_or("?");
            let what = if duplicate {
                "duplicate, acknowledged and ignored".to_string()
            } else {
                format!("applied → {status}{}", describe(&effects))
            };
            println!(
                "  {:>5} ms  webhook {name:<18} {}  → 200 {what}",
                shop.elapsed_ms(),
                short(&event_id)
            );
            record(200, duplicate, effects);
            StatusCode::OK
        }
        Err(err) => {
            println!(
                "  {:>5} ms  webhook {name:<18} → 422 {err}",
                shop.elapsed_ms()
            );
            record(422, false, Vec::new());
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}

fn short(event_id: &str) -> String {
    format!("[{}]", event_id.chars().take(6).collect::<String>())
}

/// "; effects: MARK_ORDER_PAID, NOTIFY_CUSTOMER" or nothing.
pub fn describe(effects: &[Effect]) -> String {
    if effects.is_empty() {
        return String::new();
    }
    let names: Vec<String> = effects
        .iter()
        .map(|effect| match serde_json::to_value(effect) {
            Ok(value) => value["type"].as_str().unwrap_or("?").to_string(),
            Err(_) => "?".to_string(),
        })
        .collect();
    format!("; effects: {}", names.join(", "))
}

/// Starts the endpoint on a free loopback port; returns its URL.
pub async fn start(shop: Arc<Shop>) -> Result<String, std::io::Error> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr: SocketAddr = listener.local_addr()?;
    let router = Router::new()
        .route("/webhooks/razorpay", post(webhook))
        .with_state(shop);
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(format!("http://{addr}/webhooks/razorpay"))
}
