//! The whole Razorpay API, defined once.
//!
//! [`ENDPOINTS`] lists every resource method of the official `razorpay` npm package (2.9.8):
//! its official name (`orders.create`), HTTP method, API version, path template, positional
//! arguments, how they become the query and the body, whether a retry is safe, and the `entity`
//! a successful answer carries. [`build`] turns one entry and the call's arguments into the
//! exact request the official package sends (same path, query bytes and JSON body), and
//! [`RazorpayClient::request`](crate::client::RazorpayClient::request) sends it with the
//! client's timeouts, retries and error classification. The Node and uniffi bindings read the
//! same table ([`endpoints_json`]), so adding an endpoint here adds it everywhere.
//!
//! ```
//! use razorpay_core::api::{build, endpoint, RequestOptions};
//! use serde_json::json;
//!
//! let create = endpoint("orders.create").expect("in the table");
//! let request = build(create, &json!({"params": {"amount": 50000}}), &RequestOptions::default())?;
//! assert_eq!(request.path, "orders");
//! // The official package defaults the currency to INR, and so do we.
//! assert_eq!(request.body.map(|(_, b)| b), Some(br#"{"currency":"INR","amount":50000}"#.to_vec()));
//! # Ok::<(), razorpay_core::client::ValidationError>(())
//! ```
//!
//! Arguments are named: the official positional arguments under the table's names
//! (`payments.fetch(paymentId, params)` → `{"payment_id": …, "params": {…}}`). Parameters the
//! table does not know are sent unchanged: a parameter Razorpay adds tomorrow works today.

mod build;
mod endpoint;
mod multipart;
mod output;
mod query;
pub mod resources;
mod table;

pub use build::{Request, RequestOptions, build};
pub use endpoint::{
    ApiVersion, Arg, ArgKind, Body, Endpoint, HttpMethod, QuerySpec, Retry, Route, Window,
};
pub use output::ApiOutput;
pub use resources::output_type;
pub use table::ENDPOINTS;

/// The table entry of an official method name (`"payments.fetchMultipleRefund"`).
pub fn endpoint(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|endpoint| endpoint.name == name)
}

/// The table as JSON, for the bindings: an array of entries with `name`, `method`,
/// `version`, `path`, `routes`, `args` (`name`, `kind`, `required`), `query`, `body`, `retry`,
/// `entity` and `output` (the TypeScript name of the answer's model type, [`output_type`]).
pub fn endpoints_json() -> String {
    endpoints_value().to_string()
}

/// [`endpoints_json`] as a JSON value (what the Node binding hands to JavaScript).
pub fn endpoints_value() -> serde_json::Value {
    let Ok(serde_json::Value::Array(mut entries)) = serde_json::to_value(&ENDPOINTS[..]) else {
        return serde_json::Value::Array(Vec::new());
    };
    for (entry, endpoint) in entries.iter_mut().zip(&ENDPOINTS) {
        if let (Some(map), Some(output)) = (entry.as_object_mut(), output_type(endpoint.name)) {
            map.insert("output".to_owned(), output.into());
        }
    }
    serde_json::Value::Array(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn names_are_unique_and_official() {
        let names: BTreeSet<&str> = ENDPOINTS.iter().map(|e| e.name).collect();
        assert_eq!(names.len(), ENDPOINTS.len());
        for endpoint in &ENDPOINTS {
            let (resource, method) = endpoint.name.split_once('.').expect("resource.method");
            assert!(!resource.is_empty() && !method.is_empty());
            assert_eq!(
                (endpoint.resource(), endpoint.method_name()),
                (resource, method)
            );
        }
    }

    #[test]
    fn every_path_placeholder_has_an_argument_or_a_route_parameter() {
        for endpoint in &ENDPOINTS {
            let templates =
                std::iter::once(endpoint.path).chain(endpoint.routes.iter().map(|r| r.path));
            for template in templates {
                for piece in template.split('{').skip(1) {
                    let name = piece.split('}').next().unwrap_or_default();
                    let declared = endpoint.args.iter().any(|a| a.name == name)
                        || endpoint.routes.iter().any(|r| r.when.contains(&name));
                    assert!(declared, "{}: {{{name}}}", endpoint.name);
                }
            }
        }
    }

    #[test]
    fn the_json_table_lists_every_entry() {
        let table: serde_json::Value = serde_json::from_str(&endpoints_json()).expect("JSON");
        assert_eq!(table.as_array().map(Vec::len), Some(ENDPOINTS.len()));
        assert_eq!(table[0]["name"], "accounts.create");
        assert_eq!(table[0]["args"][0]["kind"], "params");
        assert_eq!(table[0]["output"], "Account");
        let outputs = table.as_array().into_iter().flatten();
        assert!(outputs.into_iter().all(|entry| entry["output"].is_string()));
    }
}
