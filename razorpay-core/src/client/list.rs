//! What every Razorpay list call shares: the `from`/`to`/`count`/`skip` window.

use super::validate::{self, ValidationError};

/// Adds the window setters (`count`, `skip`, `between`) and the validated window query to a list
/// filter with `from`, `to`, `count` and `skip` fields, so the three filters cannot drift apart.
macro_rules! list_window {
    ($filter:ty) => {
        impl $filter {
            /// Sets `count` (page size, 1..=100).
            pub fn count(mut self, count: u32) -> Self {
                self.count = Some(count);
                self
            }

            /// Sets `skip` (entities to skip).
            pub fn skip(mut self, skip: u32) -> Self {
                self.skip = Some(skip);
                self
            }

            /// Sets `from` (Unix seconds, inclusive).
            pub fn from(mut self, from: i64) -> Self {
                self.from = Some(from);
                self
            }

            /// Sets `to` (Unix seconds, inclusive).
            pub fn to(mut self, to: i64) -> Self {
                self.to = Some(to);
                self
            }

            /// Sets `from` and `to` (Unix seconds, both inclusive).
            pub fn between(mut self, from: i64, to: i64) -> Self {
                self.from = Some(from);
                self.to = Some(to);
                self
            }

            fn window_query(
                &self,
            ) -> Result<Vec<(&'static str, String)>, $crate::client::ValidationError> {
                $crate::client::list::window_query(self.from, self.to, self.count, self.skip)
            }
        }
    };
}
pub(crate) use list_window;

/// `from`/`to`/`count`/`skip` query pairs, after checking `count` is within Razorpay's 1..=100.
pub(crate) fn window_query(
    from: Option<i64>,
    to: Option<i64>,
    count: Option<u32>,
    skip: Option<u32>,
) -> Result<Vec<(&'static str, String)>, ValidationError> {
    validate::count(count)?;
    let pairs = [
        ("from", from),
        ("to", to),
        ("count", count.map(i64::from)),
        ("skip", skip.map(i64::from)),
    ];
    Ok(pairs
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value.to_string())))
        .collect())
}
