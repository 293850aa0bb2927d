//! From a table entry and the call's arguments to the HTTP request, pure: no I/O.

use serde_json::{Map, Value};

use super::endpoint::{ApiVersion, ArgKind, Body, Endpoint, HttpMethod, QuerySpec, Retry, Window};
use super::multipart;
use super::query;
use crate::client::ValidationError;
use crate::client::validate;
use crate::model::Notes;

/// Per-call options of [`RazorpayClient::request`](crate::client::RazorpayClient::request).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
#[non_exhaustive]
pub struct RequestOptions {
    /// Sent as `X-Refund-Idempotency`; makes `payments.refund` safe to retry.
    pub idempotency_key: Option<String>,
}

impl RequestOptions {
    /// Sets the idempotency key.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }
}

/// A request ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The table entry's name.
    pub name: &'static str,
    /// HTTP method.
    pub method: HttpMethod,
    /// `v1` or `v2`.
    pub version: ApiVersion,
    /// Path after `/v1/` or `/v2/`, with its query string when there is one.
    pub path: String,
    /// The body and its content type.
    pub body: Option<(String, Vec<u8>)>,
    /// `X-Refund-Idempotency`, when given.
    pub idempotency_key: Option<String>,
    /// Whether repeating the request cannot repeat its effect.
    pub replay_safe: bool,
    /// The `entity` a successful answer carries, when known.
    pub entity: Option<&'static str>,
}

/// The arguments of one call, by name.
struct Args<'a> {
    named: &'a Map<String, Value>,
    params: Option<&'a Map<String, Value>>,
}

impl<'a> Args<'a> {
    /// A named argument, or a parameter of that name (`refunds.all({ payment_id })`).
    fn lookup(&self, name: &str) -> Option<&'a Value> {
        self.named
            .get(name)
            .filter(|v| !v.is_null())
            .or_else(|| self.params.and_then(|p| p.get(name)))
            .filter(|v| !v.is_null())
    }
}

/// Builds the request for `endpoint` from named arguments (`{"payment_id": "pay_1", "params":
/// {...}}`, the official positional arguments under the table's names).
pub fn build(
    endpoint: &Endpoint,
    args: &Value,
    options: &RequestOptions,
) -> Result<Request, ValidationError> {
    let empty = Map::new();
    let named = match args {
        Value::Object(map) => map,
        Value::Null => &empty,
        _ => {
            return Err(ValidationError::InvalidArgument {
                field: "args".into(),
                reason: "must be an object of named arguments".to_owned(),
            });
        }
    };
    let mut params = None;
    for arg in endpoint.args {
        let value = named.get(arg.name).filter(|v| !v.is_null());
        match (arg.kind, value) {
            (ArgKind::Params, Some(Value::Object(map))) => params = Some(map),
            (ArgKind::Params, Some(_)) => {
                return Err(ValidationError::InvalidArgument {
                    field: arg.name.into(),
                    reason: "must be an object".to_owned(),
                });
            }
            (_, None) if arg.required => {
                return Err(ValidationError::MissingArgument {
                    field: arg.name.into(),
                });
            }
            (ArgKind::Value, Some(value)) if !query::truthy(value) && arg.required => {
                return Err(ValidationError::MissingArgument {
                    field: arg.name.into(),
                });
            }
            _ => {}
        }
    }
    let args = Args { named, params };

    let (method, version, template) = endpoint
        .routes
        .iter()
        .find(|route| {
            route
                .when
                .iter()
                .all(|name| args.lookup(name).is_some_and(query::truthy))
        })
        .map_or(
            (endpoint.method, endpoint.version, endpoint.path),
            |route| (route.method, route.version, route.path),
        );
    let mut path = fill(template, &args)?;
    if let Some(spec) = endpoint.query {
        let pairs = query_params(&spec, params)?;
        let query = query::serialize(&pairs);
        if !query.is_empty() {
            path.push(if path.contains('?') { '&' } else { '?' });
            path.push_str(&query);
        }
    }
    let body = body(endpoint, &args)?;
    if let Some(key) = &options.idempotency_key {
        validate::idempotency_key(key)?;
    }
    let replay_safe = match endpoint.retry {
        Retry::Safe => true,
        Retry::Unsafe => false,
        Retry::SafeWithKey => options.idempotency_key.is_some(),
    };
    Ok(Request {
        name: endpoint.name,
        method,
        version,
        path,
        body,
        idempotency_key: options.idempotency_key.clone(),
        replay_safe,
        entity: endpoint.entity,
    })
}

/// Replaces each `{name}` of the template by its validated id.
fn fill(template: &'static str, args: &Args<'_>) -> Result<String, ValidationError> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name: &'static str = &after[..close];
        let id = match args.lookup(name) {
            Some(Value::String(text)) if !text.is_empty() => text.clone(),
            Some(Value::Number(number)) => number.to_string(),
            Some(Value::String(_)) | None => {
                return Err(ValidationError::MissingArgument { field: name.into() });
            }
            Some(_) => {
                return Err(ValidationError::InvalidArgument {
                    field: name.into(),
                    reason: "must be a string".to_owned(),
                });
            }
        };
        validate::id(name, &id)?;
        out.push_str(&id);
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

const WINDOW: [&str; 4] = ["from", "to", "count", "skip"];

/// The query parameters, in the order the official package writes them.
fn query_params(
    spec: &QuerySpec,
    params: Option<&Map<String, Value>>,
) -> Result<Map<String, Value>, ValidationError> {
    let empty = Map::new();
    let params = params.unwrap_or(&empty);
    let normalized = !matches!(spec.window, Window::Raw);
    let window = |key: &'static str| -> Result<Option<Value>, ValidationError> {
        let given = params.get(key).filter(|v| !v.is_null());
        Ok(match key {
            "count" | "skip" if normalized => {
                let value = query::number_or(given, if key == "count" { 10 } else { 0 });
                if key == "count" {
                    let count = value.as_u64().and_then(|c| u32::try_from(c).ok());
                    validate::count(Some(count.unwrap_or(u32::MAX)))?;
                }
                Some(value)
            }
            "from" | "to" if normalized => match given {
                Some(value) if query::truthy(value) => Some(query::normalize_date(key, value)?),
                other => other.cloned(),
            },
            _ => given.cloned(),
        })
    };
    let expand = || {
        params
            .get("expand[]")
            .filter(|_| spec.expand)
            .map(|value| Value::Object(Map::from_iter([("expand[]".to_owned(), value.clone())])))
    };
    let mut out = Map::new();
    match spec.pick {
        Some(keys) => {
            for &key in keys {
                let value = match key {
                    "expand" => expand(),
                    k if WINDOW.contains(&k) => window(k)?,
                    k => params.get(k).cloned(),
                };
                if let Some(value) = value {
                    out.insert(key.to_owned(), value);
                }
            }
            return Ok(out);
        }
        None if spec.window == Window::NormalizedFirst => {
            for key in WINDOW {
                if let Some(value) = window(key)? {
                    out.insert(key.to_owned(), value);
                }
            }
            for (key, value) in params {
                if !WINDOW.contains(&key.as_str()) {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        None => {
            // `{...params, from, to, count, skip}`: a key already there keeps its place.
            out.clone_from(params);
            for key in WINDOW {
                match window(key)? {
                    Some(value) => {
                        out.insert(key.to_owned(), value);
                    }
                    None => {
                        out.shift_remove(key);
                    }
                }
            }
        }
    }
    if let Some(value) = expand() {
        out.insert("expand".to_owned(), value);
    }
    Ok(out)
}

/// The body and its content type.
fn body(
    endpoint: &Endpoint,
    args: &Args<'_>,
) -> Result<Option<(String, Vec<u8>)>, ValidationError> {
    let object = match endpoint.body {
        Body::None => return Ok(None),
        Body::Multipart => {
            return multipart::encode(args.params)
                .map(|(content_type, bytes)| Some((content_type, bytes)));
        }
        Body::Params => match args.params {
            Some(params) => params.clone(),
            None => return Ok(None),
        },
        Body::ParamsOrEmpty => args.params.cloned().unwrap_or_default(),
        Body::Object {
            defaults,
            front,
            required,
        } => {
            let mut object = args.params.cloned().unwrap_or_default();
            for &(key, default) in defaults {
                if !object.get(key).is_some_and(query::truthy) {
                    object.insert(key.to_owned(), Value::from(default));
                }
            }
            for &key in required {
                if !object.get(key).is_some_and(query::truthy) {
                    return Err(ValidationError::MissingArgument { field: key.into() });
                }
            }
            let mut ordered = Map::new();
            for &key in front {
                if let Some(value) = object.shift_remove(key) {
                    ordered.insert(key.to_owned(), value);
                }
            }
            ordered.extend(object);
            ordered
        }
        Body::Args => {
            let mut object = Map::new();
            for arg in endpoint.args {
                let value = args.named.get(arg.name).filter(|v| !v.is_null());
                match (arg.kind, value) {
                    (ArgKind::Value, Some(value)) => {
                        object.insert(arg.name.to_owned(), value.clone());
                    }
                    (ArgKind::Flag, Some(value)) if query::truthy(value) => {
                        object.insert(arg.name.to_owned(), Value::from(1));
                    }
                    _ => {}
                }
            }
            if object.is_empty() {
                return Ok(None);
            }
            object
        }
    };
    check(&object)?;
    let bytes = serde_json::to_vec(&object).map_err(|e| ValidationError::InvalidArgument {
        field: "params".into(),
        reason: format!("could not be encoded: {e}"),
    })?;
    Ok(Some(("application/json".to_owned(), bytes)))
}

/// The limits every body shares: a whole non-negative `amount` (a number or a string of
/// digits), `notes` within Razorpay's limits, a `receipt` of at most 40 characters. Anything
/// else is Razorpay's to judge.
fn check(body: &Map<String, Value>) -> Result<(), ValidationError> {
    match body.get("amount") {
        None | Some(Value::Null) => {}
        Some(Value::Number(number)) if number.is_u64() => {}
        Some(Value::String(text))
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {}
        Some(_) => {
            return Err(ValidationError::InvalidArgument {
                field: "amount".into(),
                reason: "must be a whole, non-negative number of minor units".to_owned(),
            });
        }
    }
    if let Some(notes) = body.get("notes").filter(|n| n.is_object()) {
        let notes: Notes = serde_json::from_value(notes.clone()).map_err(|_| {
            ValidationError::InvalidArgument {
                field: "notes".into(),
                reason: "must be an object of strings".to_owned(),
            }
        })?;
        validate::notes(&notes)?;
    }
    validate::receipt(body.get("receipt").and_then(Value::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::endpoint;
    use serde_json::json;

    fn request(name: &str, args: Value) -> Result<Request, ValidationError> {
        let endpoint = endpoint(name).expect("a table entry");
        build(endpoint, &args, &RequestOptions::default())
    }

    fn body(request: &Request) -> Option<&str> {
        request
            .body
            .as_ref()
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
    }

    #[test]
    fn orders_create_defaults_currency_first() {
        let r = request(
            "orders.create",
            json!({"params": {"amount": 50000, "receipt": "r1"}}),
        )
        .expect("valid");
        assert_eq!(
            (r.method, r.version, r.path.as_str()),
            (HttpMethod::Post, ApiVersion::V1, "orders")
        );
        assert_eq!(
            body(&r),
            Some(r#"{"currency":"INR","amount":50000,"receipt":"r1"}"#)
        );
        assert!(!r.replay_safe);
        assert_eq!(r.entity, Some("order"));
        let empty = request("orders.create", json!({})).expect("official sends {currency}");
        assert_eq!(body(&empty), Some(r#"{"currency":"INR"}"#));
    }

    #[test]
    fn unknown_parameters_pass_through() {
        let params = json!({"amount": "50000", "currency": "USD", "payment": {"capture": "automatic"},
            "method": "netbanking", "bank_account": {"ifsc": "HDFC0000053"}, "transfers": [{"account": "acc_1"}]});
        let r = request("orders.create", json!({ "params": params })).expect("valid");
        let sent: Value = serde_json::from_slice(&r.body.expect("body").1).expect("json");
        assert_eq!(sent, params);
    }

    #[test]
    fn list_window_matches_the_official_query() {
        let r = request(
            "orders.all",
            json!({"params": {"from": "2024-01-01", "receipt": "r 1", "expand[]": "payments", "other": 1}}),
        )
        .expect("valid");
        assert_eq!(
            r.path,
            "orders?from=1704067200&count=10&skip=0&receipt=r+1&expand%5Bexpand%5D=payments"
        );
        let r = request(
            "invoices.all",
            json!({"params": {"type": "link", "count": "5"}}),
        )
        .expect("valid");
        assert_eq!(r.path, "invoices?type=link&count=5&skip=0");
        let r = request(
            "virtualAccounts.all",
            json!({"params": {"status": "active", "skip": 2}}),
        )
        .expect("valid");
        assert_eq!(r.path, "virtual_accounts?count=10&skip=2&status=active");
        let r = request("qrCode.all", json!({})).expect("valid");
        assert_eq!(r.path, "payments/qr_codes");
    }

    #[test]
    fn alternate_routes_follow_the_arguments() {
        let r = request(
            "refunds.fetch",
            json!({"refund_id": "rfnd_1", "params": {"payment_id": "pay_1"}}),
        )
        .expect("valid");
        assert_eq!(r.path, "payments/pay_1/refunds/rfnd_1");
        let r = request("refunds.fetch", json!({"refund_id": "rfnd_1"})).expect("valid");
        assert_eq!(r.path, "refunds/rfnd_1");
        let r = request(
            "webhooks.edit",
            json!({"params": {"url": "u"}, "webhook_id": "wh_1", "account_id": "acc_1"}),
        )
        .expect("valid");
        assert_eq!(
            (r.method, r.version, r.path.as_str()),
            (
                HttpMethod::Patch,
                ApiVersion::V2,
                "accounts/acc_1/webhooks/wh_1"
            )
        );
        let r = request(
            "webhooks.edit",
            json!({"params": {"url": "u"}, "webhook_id": "wh_1"}),
        )
        .expect("valid");
        assert_eq!(
            (r.method, r.version, r.path.as_str()),
            (HttpMethod::Put, ApiVersion::V1, "webhooks/wh_1")
        );
    }

    #[test]
    fn literal_queries_and_args_bodies() {
        let r =
            request("orders.fetchTransferOrder", json!({"order_id": "order_1"})).expect("valid");
        assert_eq!(r.path, "orders/order_1/?expand[]=transfers&status");
        let r = request("fundAccount.fetch", json!({"customer_id": "cust_1"})).expect("valid");
        assert_eq!(r.path, "fund_accounts?customer_id=cust_1");
        let r = request(
            "payments.capture",
            json!({"payment_id": "pay_1", "amount": 100, "currency": "INR"}),
        )
        .expect("valid");
        assert_eq!(body(&r), Some(r#"{"amount":100,"currency":"INR"}"#));
        let r = request(
            "subscriptions.cancel",
            json!({"subscription_id": "sub_1", "cancel_at_cycle_end": true}),
        )
        .expect("valid");
        assert_eq!(body(&r), Some(r#"{"cancel_at_cycle_end":1}"#));
        let r =
            request("subscriptions.cancel", json!({"subscription_id": "sub_1"})).expect("valid");
        assert_eq!(r.body, None);
        let r = request("payments.refund", json!({"payment_id": "pay_1"})).expect("valid");
        assert_eq!(body(&r), Some("{}"));
    }

    #[test]
    fn bad_input_is_a_coded_error() {
        let code = |name: &str, args: Value| {
            request(name, args)
                .map(|_| ())
                .map_err(|e| (e.code(), e.field().to_owned()))
        };
        assert_eq!(
            code("orders.fetch", json!({})),
            Err(("ARGUMENT_MISSING", "order_id".into()))
        );
        assert_eq!(
            code("orders.fetch", json!({"order_id": "../x"})),
            Err(("ID_INVALID", "order_id".into()))
        );
        assert_eq!(
            code("orders.create", json!({"params": {"amount": 1.5}})),
            Err(("ARGUMENT_INVALID", "amount".into()))
        );
        assert_eq!(
            code(
                "orders.create",
                json!({"params": {"receipt": "x".repeat(41)}})
            ),
            Err(("RECEIPT_TOO_LONG", "receipt".into()))
        );
        assert_eq!(
            code("orders.all", json!({"params": {"count": 500}})),
            Err(("COUNT_OUT_OF_RANGE", "count".into()))
        );
        assert_eq!(
            code("orders.all", json!({"params": "x"})),
            Err(("ARGUMENT_INVALID", "params".into()))
        );
        assert_eq!(
            code("items.create", json!({"params": {"name": "x"}})),
            Err(("ARGUMENT_MISSING", "amount".into()))
        );
        assert_eq!(
            code("orders.all", json!([1])),
            Err(("ARGUMENT_INVALID", "args".into()))
        );
    }

    #[test]
    fn refund_is_replay_safe_only_with_a_key() {
        let endpoint = endpoint("payments.refund").expect("entry");
        let args = json!({"payment_id": "pay_1", "params": {"amount": 100}});
        let keyed = build(
            endpoint,
            &args,
            &RequestOptions::default().idempotency_key("refund-key-0001"),
        )
        .expect("valid");
        assert!(keyed.replay_safe);
        assert_eq!(keyed.idempotency_key.as_deref(), Some("refund-key-0001"));
        let plain = build(endpoint, &args, &RequestOptions::default()).expect("valid");
        assert!(!plain.replay_safe);
        let bad = build(
            endpoint,
            &args,
            &RequestOptions::default().idempotency_key("short"),
        );
        assert_eq!(
            bad.map(|_| ()).map_err(|e| e.code()),
            Err("IDEMPOTENCY_KEY_INVALID")
        );
    }
}
