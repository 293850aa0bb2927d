//! The dashboard's buttons: form posts that run one sandbox control and redirect back to
//! `/sandbox/` with a one-line notice (Post/Redirect/Get, so a reload does not repeat them).
//! Each control is the same operation the API or the JSON controls perform.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Redirect;
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::faults::ApiFault;
use crate::http::params;
use crate::shared::Shared;
use crate::store::Mutation;
use crate::sync::lock;
use crate::webhooks::WebhookFaults;

/// Back to the dashboard with the outcome; `ApiError`s become the error line.
fn back(result: Result<String, ApiError>) -> Redirect {
    let (key, text) = match result {
        Ok(notice) => ("notice", notice),
        Err(error) => (
            "error",
            format!("{}: {}", error.code(), error.description()),
        ),
    };
    Redirect::to(&format!("/sandbox/?{key}={}", encode(&text)))
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The form's fields; empty inputs count as absent.
fn form(headers: &HeaderMap, body: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let mut fields = params::body(headers, body)?;
    fields.retain(|_, v| v.as_str().is_none_or(|s| !s.trim().is_empty()));
    Ok(fields)
}

fn take(fields: &mut Map<String, Value>, name: &str) -> Result<String, ApiError> {
    match fields.remove(name) {
        Some(Value::String(s)) => Ok(s),
        _ => Err(ApiError::invalid_field(
            name,
            format!("The {name} field is required."),
        )),
    }
}

/// Runs a store mutation and emits its webhook events after the lock is released.
fn run(shared: &Shared, mutation: Mutation) -> Result<Value, ApiError> {
    let (body, events) = mutation?;
    shared.webhooks.emit(events);
    Ok(body)
}

/// Refunds a captured payment, all of it or `amount` (minor units).
pub async fn refund(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let mut fields = form(&headers, &body)?;
        let payment_id = take(&mut fields, "payment_id")?;
        let mutation = lock(&shared.store).refund(&payment_id, &fields, None);
        let refund = run(&shared, mutation)?;
        Ok(format!(
            "Refund {} of {} created",
            refund["id"].as_str().unwrap_or_default(),
            refund["amount"]
        ))
    })())
}

/// Captures an authorized payment for its whole amount.
pub async fn capture(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let mut fields = form(&headers, &body)?;
        let payment_id = take(&mut fields, "payment_id")?;
        let mut store = lock(&shared.store);
        let payment = store.fetch_payment(&payment_id)?;
        let params: Map<String, Value> = [
            ("amount".to_string(), payment["amount"].clone()),
            ("currency".to_string(), payment["currency"].clone()),
        ]
        .into_iter()
        .collect();
        let mutation = store.capture(&payment_id, &params);
        drop(store);
        run(&shared, mutation)?;
        Ok(format!("Payment {payment_id} captured"))
    })())
}

/// Sends a logged event to its receiver once more: same event id, body and signature, as a
/// receiver sees when Razorpay retries.
pub async fn redeliver(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let mut fields = form(&headers, &body)?;
        let event_id = take(&mut fields, "event_id")?;
        let url = take(&mut fields, "url")?;
        if shared.webhooks.redeliver(&event_id, &url) {
            Ok(format!("Event {event_id} queued again for {url}"))
        } else {
            Err(ApiError::bad_request(format!(
                "No delivery of event {event_id} to {url} is in the log"
            )))
        }
    })())
}

/// Queues one API fault for the next `/v1` request (e.g. the shop's capture).
pub async fn queue_fault(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let mut fields = form(&headers, &body)?;
        let fault = match take(&mut fields, "kind")?.as_str() {
            "server_error" => ApiFault::ServerError,
            "rate_limited" => ApiFault::RateLimited {
                retry_after_secs: 1,
            },
            "slow" => ApiFault::Slow { delay_ms: 3_000 },
            "drop_connection" => ApiFault::DropConnection,
            _ => {
                return Err(ApiError::invalid_field(
                    "kind",
                    "The kind must be one of server_error, rate_limited, slow, drop_connection.",
                ));
            }
        };
        lock(&shared.faults).push(fault);
        Ok(format!("The next /v1 request gets {}", fault.label()))
    })())
}

/// Sets the webhook delivery faults from the form (the same fields as the JSON control).
pub async fn webhook_faults(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let fields = form(&headers, &body)?;
        let number = |name: &str| -> Result<f64, ApiError> {
            match fields.get(name).and_then(Value::as_str) {
                None => Ok(0.0),
                Some(raw) => raw
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n >= 0.0)
                    .ok_or_else(|| {
                        ApiError::invalid_field(name, format!("The {name} must be a number ≥ 0."))
                    }),
            }
        };
        let duplicate_rate = number("duplicate_rate")?;
        if duplicate_rate > 1.0 {
            return Err(ApiError::invalid_field(
                "duplicate_rate",
                "The duplicate_rate must be between 0 and 1.",
            ));
        }
        // Bounded like the JSON control: at most a minute of shuffling or delay.
        let millis = |name: &str| -> Result<u64, ApiError> {
            let n = number(name)?;
            if n > 60_000.0 {
                return Err(ApiError::invalid_field(
                    name,
                    format!("The {name} must be at most 60000."),
                ));
            }
            // In range 0..=60000 after the checks above, so the cast is exact.
            Ok(n as u64)
        };
        let faults = WebhookFaults {
            duplicate_rate,
            shuffle_window_ms: millis("shuffle_window_ms")?,
            delay_ms: millis("delay_ms")?,
        };
        shared.webhooks.set_faults(faults);
        Ok(format!(
            "Webhook faults: duplicate rate {}, shuffle window {} ms, delay {} ms",
            faults.duplicate_rate, faults.shuffle_window_ms, faults.delay_ms
        ))
    })())
}

/// Moves sandbox time forward by `seconds` (the same control as `POST
/// /sandbox/clock/advance`): whatever became due (automatic refunds of uncaptured payments,
/// pending refunds, link expiry, subscription charges, webhook retries) runs before the page
/// comes back.
pub async fn advance_clock(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> Redirect {
    back((|| {
        let mut fields = form(&headers, &body)?;
        let seconds = take(&mut fields, "seconds")?;
        let seconds: i64 = seconds.trim().parse().map_err(|_| {
            ApiError::invalid_field("seconds", "The seconds must be a whole number.")
        })?;
        let now = shared.advance_clock(seconds)?;
        Ok(format!(
            "Sandbox clock advanced by {seconds} s (now {now}, {} s ahead of real time)",
            shared.clock.offset_secs()
        ))
    })())
}

/// Clears queued and random API faults and the webhook faults.
pub async fn clear_faults(State(shared): State<Arc<Shared>>) -> Redirect {
    lock(&shared.faults).clear();
    shared.webhooks.set_faults(WebhookFaults::default());
    back(Ok("All faults cleared".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_are_percent_encoded() {
        assert_eq!(encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }
}
