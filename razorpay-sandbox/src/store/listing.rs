//! Collections and the `from`/`to`/`count`/`skip` query window shared by list endpoints.

use serde_json::{Value, json};

use super::fields::{self, Params};
use crate::api_error::ApiError;

/// Default page size of Razorpay's list endpoints.
pub const DEFAULT_COUNT: i64 = 10;
/// Largest page Razorpay returns.
pub const MAX_COUNT: i64 = 100;

/// `{"entity": "collection", "count": n, "items": [...]}`
pub fn collection(items: Vec<Value>) -> Value {
    json!({ "entity": "collection", "count": items.len(), "items": items })
}

/// A validated listing window.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    from: Option<i64>,
    to: Option<i64>,
    count: usize,
    skip: usize,
}

impl Window {
    /// Reads the window from a query, rejecting parameters neither it nor `extra` knows.
    pub fn parse(query: &Params, extra: &[&str]) -> Result<Self, ApiError> {
        let known = ["from", "to", "count", "skip"];
        let allowed: Vec<&str> = known.iter().chain(extra).copied().collect();
        fields::reject_unknown(query, &allowed)?;
        let count = fields::integer(query, "count")?.unwrap_or(DEFAULT_COUNT);
        if !(1..=MAX_COUNT).contains(&count) {
            return Err(ApiError::invalid_field(
                "count",
                format!("The count must be between 1 and {MAX_COUNT}."),
            ));
        }
        let skip = fields::integer(query, "skip")?.unwrap_or(0);
        if skip < 0 {
            return Err(ApiError::invalid_field(
                "skip",
                "The skip must be at least 0.",
            ));
        }
        Ok(Self {
            from: fields::integer(query, "from")?,
            to: fields::integer(query, "to")?,
            count: usize::try_from(count).unwrap_or(usize::MAX),
            skip: usize::try_from(skip).unwrap_or(usize::MAX),
        })
    }

    /// Whether an entity created at `created_at` falls inside `from..=to`.
    pub fn contains(&self, created_at: i64) -> bool {
        self.from.is_none_or(|from| created_at >= from) && self.to.is_none_or(|to| created_at <= to)
    }

    /// The page of `items` (newest first) selected by `skip` and `count`.
    pub fn page(&self, items: impl Iterator<Item = Value>) -> Vec<Value> {
        items.skip(self.skip).take(self.count).collect()
    }
}
