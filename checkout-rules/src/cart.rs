//! The shopper's cart as the client sends it.

use serde::{Deserialize, Serialize};

/// A cart: one currency, the lines the shopper added, and an optional order-level discount.
///
/// Every number is taken as given (a negative, zero or absurd quantity is representable) so
/// that validation can report it instead of failing to parse.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Cart {
    /// The shop's id for the cart, echoed in reports (useful with [`validate_carts`](crate::validate_carts)).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// ISO currency code of the cart (`"INR"`).
    pub currency: String,
    /// Lines in the order the shopper sees them.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<CartLine>>", optional))]
    pub lines: Vec<CartLine>,
    /// Order-level discount (coupon) in minor units, allocated across lines by
    /// [`plan_checkout`](crate::plan_checkout). `0` when absent.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "is_zero")]
    pub order_discount: i64,
}

/// One line of a cart.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CartLine {
    /// The shop's id for the line; fixes and problems refer to it.
    pub line_id: String,
    /// The product.
    pub product_id: String,
    /// The variant (size, colour …), if the product has variants.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_id: Option<String>,
    /// Quantity as the client sent it, possibly zero, negative or absurd.
    pub quantity: i64,
    /// Unit price the shopper saw when adding the line, in minor units.
    pub unit_price: i64,
}

fn is_zero(v: &i64) -> bool {
    *v == 0
}

impl Cart {
    /// An empty cart in `currency`.
    pub fn new(currency: impl Into<String>) -> Self {
        Self {
            id: None,
            currency: currency.into(),
            lines: Vec::new(),
            order_discount: 0,
        }
    }

    /// Builder: set the shop's id for the cart.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Builder: append lines, in order.
    pub fn lines(mut self, lines: impl IntoIterator<Item = CartLine>) -> Self {
        self.lines.extend(lines);
        self
    }

    /// Builder: append a line.
    pub fn line(mut self, line: CartLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Builder: set the order-level discount in minor units.
    pub fn order_discount(mut self, order_discount: i64) -> Self {
        self.order_discount = order_discount;
        self
    }

    /// Former name of [`line`](Self::line()).
    #[deprecated(
        since = "0.1.0",
        note = "use `line`: builders are named after the field"
    )]
    pub fn with_line(self, line: CartLine) -> Self {
        self.line(line)
    }

    /// Former name of [`order_discount`](Self::order_discount()).
    #[deprecated(
        since = "0.1.0",
        note = "use `order_discount`: builders are named after the field"
    )]
    pub fn with_discount(self, order_discount: i64) -> Self {
        self.order_discount(order_discount)
    }
}

impl CartLine {
    /// A line for a product without variants.
    pub fn new(
        line_id: impl Into<String>,
        product_id: impl Into<String>,
        quantity: i64,
        unit_price: i64,
    ) -> Self {
        Self {
            line_id: line_id.into(),
            product_id: product_id.into(),
            variant_id: None,
            quantity,
            unit_price,
        }
    }

    /// Builder: set the variant.
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
}
