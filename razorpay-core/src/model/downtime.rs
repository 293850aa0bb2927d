//! [`Downtime`]: a payment method (a bank, a card network, a UPI handle) that is down.

use serde_json::{Map, Value};

use super::wire::entity;
use super::{DowntimeStatus, LenientBool};

entity! {
    /// A payment downtime, carried by `payment.downtime.*` webhooks (payload key
    /// `payment.downtime`) and listed by the downtimes API.
    pub struct Downtime {
        /// Downtime id, `down_…`.
        pub id: String,
        /// Always `"payment.downtime"`.
        pub entity: Option<String>,
        /// The affected method: `card`, `netbanking`, `upi`, …
        pub method: Option<String>,
        /// Start, Unix seconds.
        pub begin: Option<i64>,
        /// End, Unix seconds; `None` while it lasts.
        pub end: Option<i64>,
        /// The downtime's status.
        pub status: DowntimeStatus,
        /// Whether it was planned.
        pub scheduled: Option<LenientBool>,
        /// `high`, `medium` or `low`.
        pub severity: Option<String>,
        /// What is down, e.g. `{"network": "MC", "type": "credit"}` or `{"bank": "HDFC"}`.
        pub instrument: Option<Map<String, Value>>,
        /// The keys of `instrument` that identify the instrument.
        pub instrument_schema: Option<Vec<String>>,
        /// Creation time, Unix seconds.
        pub created_at: Option<crate::model::UnixTime>,
        /// Last update, Unix seconds.
        pub updated_at: Option<i64>,
    }
}
