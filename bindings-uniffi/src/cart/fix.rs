//! [`Fix`]: one suggested change to a cart, both ways between uniffi and `checkout_rules`.

use checkout_rules as rules;

/// A change that resolves a problem. The automatic ones (remove, set quantity, accept price,
/// merge, set discount) are already applied in the report's `repaired_cart`; the others need
/// the shopper (add items, reduce the total…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Fix {
    /// Remove the line.
    RemoveLine {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
    },
    /// Change the line's quantity.
    SetQuantity {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
        /// The new quantity.
        quantity: i64,
    },
    /// Take the catalog's current price.
    AcceptNewPrice {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
        /// The new unit price in minor units.
        unit_price: i64,
    },
    /// Fold this line into another line of the same item.
    MergeLines {
        /// The line that goes away.
        line_id: String,
        /// Its position.
        line_index: u64,
        /// The line that receives the quantity.
        into_line_id: String,
        /// Its position.
        into_line_index: u64,
    },
    /// Change the order discount.
    SetDiscount {
        /// The new discount in minor units.
        order_discount: i64,
    },
    /// The total is below the minimum: add at least this much.
    AddItems {
        /// Minor units to add.
        minimum_additional_amount: i64,
    },
    /// The total is above the maximum: take off at least this much.
    ReduceTotal {
        /// Minor units to remove.
        minimum_reduction: i64,
    },
    /// Too many lines: remove this many.
    RemoveLines {
        /// Lines to remove.
        count: i64,
    },
    /// Too many units: remove this many.
    ReduceQuantity {
        /// Units to remove.
        minimum_reduction: i64,
    },
    /// A kind of fix newer than this binding, as checkout-rules' JSON.
    Other {
        /// The fix as JSON (`{"kind": …}`).
        json: String,
    },
}

impl From<rules::Fix> for Fix {
    fn from(f: rules::Fix) -> Self {
        use rules::Fix as R;
        match f {
            R::RemoveLine {
                line_id,
                line_index,
            } => Self::RemoveLine {
                line_id,
                line_index,
            },
            R::SetQuantity {
                line_id,
                line_index,
                quantity,
            } => Self::SetQuantity {
                line_id,
                line_index,
                quantity,
            },
            R::AcceptNewPrice {
                line_id,
                line_index,
                unit_price,
            } => Self::AcceptNewPrice {
                line_id,
                line_index,
                unit_price,
            },
            R::MergeLines {
                line_id,
                line_index,
                into_line_id,
                into_line_index,
            } => Self::MergeLines {
                line_id,
                line_index,
                into_line_id,
                into_line_index,
            },
            R::SetDiscount { order_discount } => Self::SetDiscount { order_discount },
            R::AddItems {
                minimum_additional_amount,
            } => Self::AddItems {
                minimum_additional_amount,
            },
            R::ReduceTotal { minimum_reduction } => Self::ReduceTotal { minimum_reduction },
            R::RemoveLines { count } => Self::RemoveLines { count },
            R::ReduceQuantity { minimum_reduction } => Self::ReduceQuantity { minimum_reduction },
            other => Self::Other {
                json: serde_json::to_string(&other).unwrap_or_default(),
            },
        }
    }
}

impl Fix {
    /// Back to checkout-rules; `None` for an `Other` fix this build cannot read.
    pub(crate) fn into_rules(self) -> Option<rules::Fix> {
        use rules::Fix as R;
        Some(match self {
            Self::RemoveLine {
                line_id,
                line_index,
            } => R::RemoveLine {
                line_id,
                line_index,
            },
            Self::SetQuantity {
                line_id,
                line_index,
                quantity,
            } => R::SetQuantity {
                line_id,
                line_index,
                quantity,
            },
            Self::AcceptNewPrice {
                line_id,
                line_index,
                unit_price,
            } => R::AcceptNewPrice {
                line_id,
                line_index,
                unit_price,
            },
            Self::MergeLines {
                line_id,
                line_index,
                into_line_id,
                into_line_index,
            } => R::MergeLines {
                line_id,
                line_index,
                into_line_id,
                into_line_index,
            },
            Self::SetDiscount { order_discount } => R::SetDiscount { order_discount },
            Self::AddItems {
                minimum_additional_amount,
            } => R::AddItems {
                minimum_additional_amount,
            },
            Self::ReduceTotal { minimum_reduction } => R::ReduceTotal { minimum_reduction },
            Self::RemoveLines { count } => R::RemoveLines { count },
            Self::ReduceQuantity { minimum_reduction } => R::ReduceQuantity { minimum_reduction },
            Self::Other { json } => return serde_json::from_str(&json).ok(),
        })
    }
}
