//! The catalog snapshot the cart is checked against, and its index.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::Cart;

/// A snapshot of the products (and variants) a cart may reference, read by the shop from its
/// database just before validation. JSON: `{"items": [...]}`.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Catalog {
    /// The entries; order does not matter.
    pub items: Vec<CatalogItem>,
}

/// The current state of one product or variant.
///
/// Keyed by `(product_id, variant_id)`: a cart line with a variant matches only the entry with
/// that variant, a line without one matches only the entry without one.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CatalogItem {
    /// The product.
    pub product_id: String,
    /// The variant, if this entry is one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
    /// `false` for a deleted product kept in the snapshot (reported as PRODUCT_NOT_FOUND).
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    #[serde(default = "yes")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub exists: bool,
    /// `false` when the product exists but cannot be bought (unpublished, discontinued).
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    #[serde(default = "yes")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub active: bool,
    /// Current unit price in minor units of `currency`.
    pub unit_price: i64,
    /// ISO currency code of `unit_price`.
    pub currency: String,
    /// Units on hand (ignored when stock is not tracked; negative counts as zero).
    pub stock_on_hand: i64,
    /// Whether stock is tracked at all (`true` when absent).
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    #[serde(default = "yes")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub track_stock: bool,
    /// Whether tracked stock may go below zero (the order is back-ordered).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub allow_backorder: bool,
    /// Minimum quantity per order.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_quantity: Option<i64>,
    /// Maximum quantity per order.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_quantity: Option<i64>,
    /// The quantity per order must be a multiple of this (packs of 6 …).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_step: Option<i64>,
}

fn yes() -> bool {
    true
}

impl Catalog {
    /// A snapshot holding `items` (in any order).
    pub fn new(items: impl IntoIterator<Item = CatalogItem>) -> Self {
        items.into_iter().collect()
    }

    /// Builder: append one entry (to [`items`](Self::items)).
    pub fn item(mut self, item: CatalogItem) -> Self {
        self.items.push(item);
        self
    }
}

impl FromIterator<CatalogItem> for Catalog {
    fn from_iter<I: IntoIterator<Item = CatalogItem>>(items: I) -> Self {
        Self {
            items: items.into_iter().collect(),
        }
    }
}

impl CatalogItem {
    /// An active, existing product with tracked stock and no quantity rules.
    pub fn new(
        product_id: impl Into<String>,
        unit_price: i64,
        currency: impl Into<String>,
        stock_on_hand: i64,
    ) -> Self {
        Self {
            product_id: product_id.into(),
            variant_id: None,
            exists: true,
            active: true,
            unit_price,
            currency: currency.into(),
            stock_on_hand,
            track_stock: true,
            allow_backorder: false,
            min_quantity: None,
            max_quantity: None,
            quantity_step: None,
        }
    }

    /// Builder: make this entry a variant.
    pub fn variant_id(mut self, variant_id: impl Into<String>) -> Self {
        self.variant_id = Some(variant_id.into());
        self
    }

    /// Former name of [`variant_id`](Self::variant_id()).
    #[deprecated(
        since = "0.1.0",
        note = "use `variant_id`: builders are named after the field"
    )]
    pub fn with_variant(self, variant_id: impl Into<String>) -> Self {
        self.variant_id(variant_id)
    }

    /// Builder: whether the product exists (`false`: deleted, reported as PRODUCT_NOT_FOUND).
    pub fn exists(mut self, exists: bool) -> Self {
        self.exists = exists;
        self
    }

    /// Builder: whether the product can be bought.
    pub fn active(mut self, active: bool) -> Self {
        self.active = active;
        self
    }

    /// Builder: whether stock is tracked at all.
    pub fn track_stock(mut self, track_stock: bool) -> Self {
        self.track_stock = track_stock;
        self
    }

    /// Builder: whether tracked stock may go below zero.
    pub fn allow_backorder(mut self, allow_backorder: bool) -> Self {
        self.allow_backorder = allow_backorder;
        self
    }

    /// Builder: the minimum quantity per order (`None`: no minimum).
    pub fn min_quantity(mut self, min_quantity: impl Into<Option<i64>>) -> Self {
        self.min_quantity = min_quantity.into();
        self
    }

    /// Builder: the maximum quantity per order (`None`: no maximum).
    pub fn max_quantity(mut self, max_quantity: impl Into<Option<i64>>) -> Self {
        self.max_quantity = max_quantity.into();
        self
    }

    /// Builder: the quantity per order must be a multiple of this (`None`: any quantity).
    pub fn quantity_step(mut self, quantity_step: impl Into<Option<i64>>) -> Self {
        self.quantity_step = quantity_step.into();
        self
    }

    /// Units that can be sold now, or `None` when stock does not limit the order
    /// (untracked, or back-orders allowed).
    pub fn available(&self) -> Option<i64> {
        (self.track_stock && !self.allow_backorder).then_some(self.stock_on_hand.max(0))
    }
}

/// `(product_id, variant_id)`: how cart lines find their catalog entry.
pub(crate) type Key<'a> = (&'a str, Option<&'a str>);

/// A catalog indexed by `(product_id, variant_id)`.
///
/// Build it once with [`CatalogIndex::new`] to validate many carts against the same snapshot
/// ([`validate_carts`](crate::validate_carts) does). When the snapshot holds the same key twice,
/// the entry that sorts first (by every field, `Ord` on [`CatalogItem`]) wins, so results never
/// depend on the order of the entries.
#[derive(Debug, Clone, Default)]
pub struct CatalogIndex<'a> {
    items: HashMap<Key<'a>, &'a CatalogItem>,
}

impl<'a> CatalogIndex<'a> {
    /// Index every entry.
    pub fn new(catalog: &'a Catalog) -> Self {
        let mut index = Self {
            items: HashMap::with_capacity(catalog.items.len()),
        };
        for item in &catalog.items {
            index.insert(item);
        }
        index
    }

    /// Index only the entries `cart` references: one pass over the catalog, no allocation per
    /// catalog entry, so a single small cart against a large snapshot stays cheap.
    pub fn for_cart(catalog: &'a Catalog, cart: &Cart) -> Self {
        let wanted: HashSet<Key<'_>> = cart
            .lines
            .iter()
            .map(|l| (l.product_id.as_str(), l.variant_id.as_deref()))
            .collect();
        let filter = ProductFilter::new(cart.lines.iter().map(|l| l.product_id.as_str()));
        let mut index = Self {
            items: HashMap::with_capacity(wanted.len()),
        };
        for item in &catalog.items {
            // The bitmap rejects almost every unwanted entry for the price of a multiply; only
            // the rest pay for a keyed (DoS-resistant) hash lookup.
            if filter.may_contain(&item.product_id)
                && wanted.contains(&(item.product_id.as_str(), item.variant_id.as_deref()))
            {
                index.insert(item);
            }
        }
        index
    }

    fn insert(&mut self, item: &'a CatalogItem) {
        let key = (item.product_id.as_str(), item.variant_id.as_deref());
        self.items
            .entry(key)
            .and_modify(|current| {
                if item < *current {
                    *current = item;
                }
            })
            .or_insert(item);
    }

    /// The entry for a product (and variant).
    pub fn get(&self, product_id: &str, variant_id: Option<&str>) -> Option<&'a CatalogItem> {
        self.items.get(&(product_id, variant_id)).copied()
    }

    /// Number of distinct keys indexed.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A 4096-bit Bloom-style pre-filter over product ids (one bit per id). False positives only
/// cost a hash lookup, so a crafted id cannot do more than that.
struct ProductFilter {
    bits: [u64; 64],
}

impl ProductFilter {
    fn new<'s>(ids: impl Iterator<Item = &'s str>) -> Self {
        let mut bits = [0u64; 64];
        for id in ids {
            let bit = Self::bit(id);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Self { bits }
    }

    fn may_contain(&self, id: &str) -> bool {
        let bit = Self::bit(id);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Length and last eight bytes, mixed by a multiply: ids usually differ at the end
    /// (`prod_000123`, UUIDs, cuids), and reading a fixed tail keeps this branch-light.
    fn bit(id: &str) -> usize {
        let bytes = id.as_bytes();
        let tail = &bytes[bytes.len().saturating_sub(8)..];
        let mut word = [0u8; 8];
        word[..tail.len()].copy_from_slice(tail);
        let mixed = (u64::from_le_bytes(word) ^ (bytes.len() as u64).rotate_left(56))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 52) as usize // top 12 bits: 0..4096
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CartLine;

    #[test]
    fn duplicate_keys_resolve_independently_of_order() {
        let a = CatalogItem::new("p", 100, "INR", 5);
        let b = CatalogItem::new("p", 90, "INR", 5);
        let one = Catalog {
            items: vec![a.clone(), b.clone()],
        };
        let two = Catalog { items: vec![b, a] };
        let x = CatalogIndex::new(&one).get("p", None).cloned();
        let y = CatalogIndex::new(&two).get("p", None).cloned();
        assert_eq!(x, y);
        assert_eq!(x.unwrap().unit_price, 90);
    }

    #[test]
    fn variants_are_distinct_keys() {
        let catalog = Catalog {
            items: vec![
                CatalogItem::new("shirt", 100, "INR", 5),
                CatalogItem::new("shirt", 120, "INR", 5).variant_id("xl"),
            ],
        };
        let cart = Cart::new("INR").line(CartLine::new("l1", "shirt", 1, 120).variant_id("xl"));
        let partial = CatalogIndex::for_cart(&catalog, &cart);
        assert_eq!(partial.len(), 1);
        assert_eq!(partial.get("shirt", Some("xl")).unwrap().unit_price, 120);
        assert!(partial.get("shirt", None).is_none());
        let full = CatalogIndex::new(&catalog);
        assert_eq!(full.get("shirt", None).unwrap().unit_price, 100);
        assert!(full.get("shirt", Some("s")).is_none());
    }

    #[test]
    fn filter_never_rejects_a_wanted_id() {
        let ids: Vec<String> = (0..500)
            .map(|i| format!("id-{i}"))
            .chain(["".into(), "é".into()])
            .collect();
        let filter = ProductFilter::new(ids.iter().map(String::as_str));
        assert!(ids.iter().all(|id| filter.may_contain(id)));
        let misses = (1000..5000)
            .filter(|i| filter.may_contain(&format!("id-{i}")))
            .count();
        assert!(misses < 4000, "the filter must reject most other ids");
    }

    #[test]
    fn json_defaults() {
        let item: CatalogItem = serde_json::from_str(
            r#"{"productId":"p","unitPrice":100,"currency":"INR","stockOnHand":3}"#,
        )
        .unwrap();
        assert!(item.exists && item.active && item.track_stock && !item.allow_backorder);
        assert_eq!(item.available(), Some(3));
    }
}
