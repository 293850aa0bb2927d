//! [`Collection`]: a page of objects from a list endpoint.

use serde::{Deserialize, Serialize};

use super::Extra;

/// A list response: `{"entity": "collection", "count": n, "items": [...]}`.
///
/// ```
/// use razorpay_core::model::{Collection, Refund};
///
/// let page: Collection<Refund> = serde_json::from_str(r#"{
///     "entity": "collection", "count": 1,
///     "items": [{"id": "rfnd_1", "entity": "refund", "amount": 100, "currency": "INR",
///                "payment_id": "pay_1", "created_at": 1500826750}]
/// }"#)?;
/// assert_eq!(page.items[0].amount, 100);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Collection<T> {
    /// Always `"collection"`.
    pub entity: String,
    /// Number of items in this page.
    pub count: u64,
    /// The items.
    pub items: Vec<T>,
    /// Fields this version does not model, kept as received.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Extra,
}

impl<T> Collection<T> {
    /// A collection of `items`, with `count` set to their number.
    pub fn new(items: Vec<T>) -> Self {
        Self {
            entity: "collection".to_owned(),
            count: items.len() as u64,
            items,
            extra: Extra::new(),
        }
    }
}

impl<T> IntoIterator for Collection<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
