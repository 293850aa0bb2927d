//! `GET /sandbox/`: the account at a glance, rendered on the server. Orders, payments, refunds
//! (the newest 100 of each, as the API lists them) and every webhook delivery grouped by event
//! and receiver with each attempt's status or error and the exact body, plus forms for the
//! sandbox controls (see `actions`).

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::html::{esc, money, utc};
use crate::api_error::ApiError;
use crate::shared::Shared;
use crate::sync::lock;
use crate::webhooks::WebhookDelivery;

/// A one-line result of the last action, passed back through the redirect.
#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    notice: Option<String>,
    error: Option<String>,
}

const STYLE: &str = include_str!("assets/dashboard.css");

pub async fn page(
    State(shared): State<Arc<Shared>>,
    Query(notice): Query<Notice>,
) -> Result<Html<String>, ApiError> {
    let newest: Map<String, Value> = [("count".to_string(), Value::from("100"))]
        .into_iter()
        .collect();
    let (orders, payments, refunds) = {
        let store = lock(&shared.store);
        (
            items(store.list_orders(&newest)?),
            items(store.list_payments(&newest)?),
            items(store.list_refunds(&newest)?),
        )
    };
    let deliveries = shared.webhooks.deliveries();
    let endpoints: Vec<String> = shared
        .webhooks
        .endpoints()
        .into_iter()
        .map(|e| e.url)
        .collect();
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>razorpay-sandbox dashboard</title><style>{STYLE}</style></head><body>\
         <header><h1>razorpay-sandbox</h1><span>key <code>{}</code> · test mode · \
         <a href=\"/sandbox/\">refresh</a></span></header>",
        esc(&shared.key_id)
    );
    if let Some(text) = notice.notice {
        let _ = write!(
            out,
            "<p class=\"notice\" role=\"status\">{}</p>",
            esc(&text)
        );
    }
    if let Some(text) = notice.error {
        let _ = write!(out, "<p class=\"error\" role=\"alert\">{}</p>", esc(&text));
    }
    orders_table(&mut out, &orders);
    payments_table(&mut out, &payments);
    refunds_table(&mut out, &refunds);
    deliveries_section(&mut out, &deliveries, &endpoints);
    controls(&mut out);
    out.push_str("</body></html>");
    Ok(Html(out))
}

fn items(collection: Value) -> Vec<Value> {
    match collection {
        Value::Object(mut map) => match map.remove("items") {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => esc(s),
        Value::Null => String::new(),
        other => esc(&other.to_string()),
    }
}

fn amount(entity: &Value, field: &str) -> String {
    let code = entity["currency"].as_str().unwrap_or_default();
    esc(&money(code, entity[field].as_i64().unwrap_or_default()))
}

fn time(entity: &Value) -> String {
    entity["created_at"].as_i64().map(utc).unwrap_or_default()
}

fn orders_table(out: &mut String, orders: &[Value]) {
    let _ = write!(
        out,
        "<section id=\"orders\"><h2>Orders ({})</h2><table><thead><tr><th>id</th><th>receipt</th>\
         <th>amount</th><th>paid</th><th>due</th><th>status</th><th>attempts</th><th>created</th>\
         </tr></thead><tbody>",
        orders.len()
    );
    for o in orders {
        let _ = write!(
            out,
            "<tr data-id=\"{id}\"><td><code>{id}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td><span class=\"status {s}\">{s}</span></td><td>{}</td><td>{}</td></tr>",
            text(&o["receipt"]),
            amount(o, "amount"),
            amount(o, "amount_paid"),
            amount(o, "amount_due"),
            text(&o["attempts"]),
            time(o),
            id = text(&o["id"]),
            s = text(&o["status"]),
        );
    }
    out.push_str("</tbody></table></section>");
}

fn payments_table(out: &mut String, payments: &[Value]) {
    let _ = write!(
        out,
        "<section id=\"payments\"><h2>Payments ({})</h2><table><thead><tr><th>id</th><th>order</th>\
         <th>amount</th><th>method</th><th>status</th><th>refunded</th><th>error</th><th>created</th>\
         <th>actions</th></tr></thead><tbody>",
        payments.len()
    );
    for p in payments {
        let id = text(&p["id"]);
        let status = p["status"].as_str().unwrap_or_default();
        let error = match (p["error_code"].as_str(), p["error_description"].as_str()) {
            (Some(code), Some(description)) => format!("{}: {}", esc(code), esc(description)),
            _ => String::new(),
        };
        let mut actions = String::new();
        if status == "authorized" {
            let _ = write!(
                actions,
                "<form method=\"post\" action=\"/sandbox/dashboard/capture\">\
                 <input type=\"hidden\" name=\"payment_id\" value=\"{id}\">\
                 <button>Capture</button></form>"
            );
        }
        let refundable = p["amount"].as_i64().unwrap_or_default()
            - p["amount_refunded"].as_i64().unwrap_or_default();
        if status == "captured" && refundable > 0 {
            let _ = write!(
                actions,
                "<form method=\"post\" action=\"/sandbox/dashboard/refund\">\
                 <input type=\"hidden\" name=\"payment_id\" value=\"{id}\">\
                 <input name=\"amount\" inputmode=\"numeric\" placeholder=\"{refundable} (all)\" \
                 aria-label=\"refund amount in minor units\"><button>Refund</button></form>"
            );
        }
        let _ = write!(
            out,
            "<tr data-id=\"{id}\"><td><code>{id}</code></td><td><code>{}</code></td><td>{}</td>\
             <td>{}</td><td><span class=\"status {s}\">{s}</span></td><td>{}</td><td class=\"err\">{error}</td>\
             <td>{}</td><td>{actions}</td></tr>",
            text(&p["order_id"]),
            amount(p, "amount"),
            text(&p["method"]),
            amount(p, "amount_refunded"),
            time(p),
            s = esc(status),
        );
    }
    out.push_str("</tbody></table></section>");
}

fn refunds_table(out: &mut String, refunds: &[Value]) {
    let _ = write!(
        out,
        "<section id=\"refunds\"><h2>Refunds ({})</h2><table><thead><tr><th>id</th><th>payment</th>\
         <th>amount</th><th>status</th><th>speed</th><th>created</th></tr></thead><tbody>",
        refunds.len()
    );
    for r in refunds {
        let _ = write!(
            out,
            "<tr data-id=\"{id}\"><td><code>{id}</code></td><td><code>{}</code></td><td>{}</td>\
             <td><span class=\"status {s}\">{s}</span></td><td>{}</td><td>{}</td></tr>",
            text(&r["payment_id"]),
            amount(r, "amount"),
            text(&r["speed_processed"]),
            time(r),
            id = text(&r["id"]),
            s = text(&r["status"]),
        );
    }
    out.push_str("</tbody></table></section>");
}

/// Attempts of one event to one receiver, in the order they were made.
struct Group<'a> {
    first: &'a WebhookDelivery,
    attempts: Vec<&'a WebhookDelivery>,
}

/// Groups attempts by (event id, receiver), newest event first.
fn group(deliveries: &[WebhookDelivery]) -> Vec<Group<'_>> {
    let mut groups: Vec<Group<'_>> = Vec::new();
    for d in deliveries {
        match groups
            .iter_mut()
            .find(|g| g.first.event_id == d.event_id && g.first.url == d.url)
        {
            Some(g) => g.attempts.push(d),
            None => groups.push(Group {
                first: d,
                attempts: vec![d],
            }),
        }
    }
    groups.reverse();
    groups
}

fn deliveries_section(out: &mut String, deliveries: &[WebhookDelivery], endpoints: &[String]) {
    let groups = group(deliveries);
    let _ = write!(
        out,
        "<section id=\"webhooks\"><h2>Webhook deliveries ({} events, {} attempts)</h2><p>Receivers: ",
        groups.len(),
        deliveries.len()
    );
    if endpoints.is_empty() {
        out.push_str(
            "none registered (<code>--webhook-url</code> or <code>POST /sandbox/webhooks</code>)",
        );
    }
    for url in endpoints {
        let _ = write!(out, "<code>{}</code> ", esc(url));
    }
    out.push_str(
        "</p><table><thead><tr><th>event</th><th>event id</th><th>receiver</th><th>attempts</th>\
         <th>body</th><th></th></tr></thead><tbody>",
    );
    for g in groups {
        let mut attempts = String::new();
        for a in &g.attempts {
            let (class, outcome) = match (a.status, &a.error) {
                (Some(status), _) if a.succeeded() => ("ok", status.to_string()),
                (Some(status), _) => ("failed", status.to_string()),
                (None, Some(error)) => ("failed", esc(error)),
                (None, None) => ("failed", "no answer".to_string()),
            };
            let duplicate = if a.duplicate { " (duplicate)" } else { "" };
            let _ = write!(
                attempts,
                "<li class=\"{class}\">#{} → {outcome}{duplicate}</li>",
                a.attempt
            );
        }
        let event_id = esc(&g.first.event_id);
        let url = esc(&g.first.url);
        let _ = write!(
            out,
            "<tr data-event=\"{event}\" data-event-id=\"{event_id}\"><td>{event}</td><td><code>{event_id}</code></td><td><code>{url}</code></td>\
             <td><ol class=\"attempts\">{attempts}</ol></td>\
             <td><details><summary>{} bytes</summary><pre>{}</pre></details></td>\
             <td><form method=\"post\" action=\"/sandbox/dashboard/redeliver\">\
             <input type=\"hidden\" name=\"event_id\" value=\"{event_id}\">\
             <input type=\"hidden\" name=\"url\" value=\"{url}\"><button>Redeliver</button></form></td></tr>",
            g.first.body.len(),
            esc(&pretty(&g.first.body)),
            event = esc(&g.first.event),
        );
    }
    out.push_str("</tbody></table></section>");
}

/// The body indented for reading; the exact bytes sent are what was signed, not this.
fn pretty(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| body.to_string())
}

fn controls(out: &mut String) {
    out.push_str(
        "<section id=\"controls\"><h2>Controls</h2>\
         <form method=\"post\" action=\"/sandbox/dashboard/fault\" class=\"inline\">\
         <label>Fail the next <code>/v1</code> call (a capture, a refund, an order) with \
         <select name=\"kind\"><option value=\"server_error\">500 server error</option>\
         <option value=\"rate_limited\">429 rate limited (Retry-After 1)</option>\
         <option value=\"slow\">a slow answer (3 s)</option>\
         <option value=\"drop_connection\">a dropped connection</option></select></label>\
         <button>Queue fault</button></form>\
         <form method=\"post\" action=\"/sandbox/dashboard/webhook-faults\" class=\"inline\">\
         <label>Webhook duplicate rate <input name=\"duplicate_rate\" value=\"0\" size=\"4\"></label>\
         <label>shuffle window ms <input name=\"shuffle_window_ms\" value=\"0\" size=\"6\"></label>\
         <label>delay ms <input name=\"delay_ms\" value=\"0\" size=\"6\"></label>\
         <button>Set webhook faults</button></form>\
         <form method=\"post\" action=\"/sandbox/dashboard/clear-faults\" class=\"inline\">\
         <button>Clear all faults</button></form>\
         <form method=\"post\" action=\"/sandbox/dashboard/clock\" class=\"inline\">\
         <label>Advance the sandbox clock by <select name=\"seconds\">\
         <option value=\"3600\">1 hour</option><option value=\"86400\">1 day</option>\
         <option value=\"432000\">5 days (uncaptured payments refund)</option>\
         <option value=\"2592000\">30 days (a subscription charge)</option></select></label>\
         <button>Advance clock</button></form></section>",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery(event_id: &str, attempt: u32) -> WebhookDelivery {
        WebhookDelivery {
            event_id: event_id.into(),
            event: "payment.captured".into(),
            url: "http://127.0.0.1:1/hook".into(),
            attempt,
            duplicate: false,
            status: Some(if attempt == 1 { 500 } else { 200 }),
            error: None,
            body: "{\"a\":\"<b>\"}".into(),
            signature: "sig".into(),
        }
    }

    #[test]
    fn attempts_group_by_event_newest_event_first() {
        let log = [delivery("e1", 1), delivery("e2", 1), delivery("e1", 2)];
        let groups = group(&log);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].first.event_id, "e2");
        let attempts: Vec<u32> = groups[1].attempts.iter().map(|a| a.attempt).collect();
        assert_eq!(attempts, [1, 2]);
    }

    #[test]
    fn bodies_are_escaped_in_the_page() {
        let mut out = String::new();
        deliveries_section(&mut out, &[delivery("e1", 1)], &[]);
        assert!(out.contains("&lt;b&gt;"), "{out}");
        assert!(!out.contains("<b>"));
        assert!(out.contains("#1 → 500"));
    }
}
