//! What every Razorpay list call shares: the `from`/`to`/`count`/`skip` window.

use super::validate::{self, ValidationError};
use crate::model::UnixTime;

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

            /// Sets `from` (inclusive): Unix seconds, a [`UnixTime`](crate::model::UnixTime)
            /// or a [`SystemTime`](std::time::SystemTime).
            pub fn from(mut self, from: impl Into<$crate::model::UnixTime>) -> Self {
                self.from = Some(from.into());
                self
            }

            /// Sets `to` (inclusive): Unix seconds, a [`UnixTime`](crate::model::UnixTime) or
            /// a [`SystemTime`](std::time::SystemTime).
            pub fn to(mut self, to: impl Into<$crate::model::UnixTime>) -> Self {
                self.to = Some(to.into());
                self
            }

            /// Sets `from` and `to` (both inclusive).
            pub fn between(
                mut self,
                from: impl Into<$crate::model::UnixTime>,
                to: impl Into<$crate::model::UnixTime>,
            ) -> Self {
                self.from = Some(from.into());
                self.to = Some(to.into());
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
    from: Option<UnixTime>,
    to: Option<UnixTime>,
    count: Option<u32>,
    skip: Option<u32>,
) -> Result<Vec<(&'static str, String)>, ValidationError> {
    validate::count(count)?;
    let pairs = [
        ("from", from.map(UnixTime::as_secs)),
        ("to", to.map(UnixTime::as_secs)),
        ("count", count.map(i64::from)),
        ("skip", skip.map(i64::from)),
    ];
    Ok(pairs
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| (name, value.to_string())))
        .collect())
}
