//! [`Webhook`]: a webhook *configuration* (URL and subscribed events), not a delivered event.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::LenientBool;
use super::wire::entity;

/// The `events` of a webhook configuration: a list of subscribed event names (v1 API) or a map
/// from every event name to whether it is subscribed (v2 API). Both shapes are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum WebhookEvents {
    /// `["payment.captured", …]`
    List(Vec<String>),
    /// `{"payment.captured": true, "order.paid": false, …}`
    Map(BTreeMap<String, bool>),
}

impl WebhookEvents {
    /// Whether `event` is subscribed.
    pub fn contains(&self, event: &str) -> bool {
        match self {
            Self::List(events) => events.iter().any(|e| e == event),
            Self::Map(events) => events.get(event).copied().unwrap_or(false),
        }
    }
}

impl super::wire::Absent for WebhookEvents {
    fn is_absent(&self) -> bool {
        false
    }
}

entity! {
    /// A webhook configuration, as returned by the webhooks API.
    pub struct Webhook {
        /// Webhook id.
        pub id: String,
        /// Always `"webhook"`.
        pub entity: Option<String>,
        /// Where events are POSTed.
        pub url: Option<String>,
        /// Where failure alerts go.
        pub alert_email: Option<String>,
        /// Whether a secret is set (the secret itself is never returned).
        pub secret_exists: Option<LenientBool>,
        /// Whether deliveries are on.
        pub active: Option<LenientBool>,
        /// The subscribed events.
        pub events: Option<WebhookEvents>,
        /// The owning merchant or account.
        pub owner_id: Option<String>,
        /// `merchant` or `partner`.
        pub owner_type: Option<String>,
        /// When it was disabled, Unix seconds (`0` when never).
        pub disabled_at: Option<i64>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Last update, Unix seconds.
        pub updated_at: Option<i64>,
    }
}
