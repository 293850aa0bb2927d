//! Suggested fixes as data, and applying them to a cart.

use serde::{Deserialize, Serialize};

use crate::{Cart, CartLine};

/// A suggested fix. Line fixes name the line by id (for people) and by its index in the
/// submitted cart (so a repeated id stays unambiguous).
///
/// The first five kinds are *automatic*: [`apply_fixes`] applies them. The others describe what
/// the shopper has to decide (which items to add or drop) and are left to the front end.
/// JSON: `{"kind": "SET_QUANTITY", "lineId": "l1", "lineIndex": 0, "quantity": 3}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(
    tag = "kind",
    rename_all = "SCREAMING_SNAKE_CASE",
    rename_all_fields = "camelCase"
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum Fix {
    /// Remove the line.
    RemoveLine {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
    },
    /// Set the line's quantity (after merging duplicates into it).
    SetQuantity {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
        /// The new quantity.
        quantity: i64,
    },
    /// Accept the current catalog price.
    AcceptNewPrice {
        /// The line's id.
        line_id: String,
        /// The line's position in the submitted cart.
        line_index: u64,
        /// The current unit price in minor units.
        unit_price: i64,
    },
    /// Move this line's quantity into an earlier line for the same item and drop this line.
    MergeLines {
        /// The duplicate line's id.
        line_id: String,
        /// The duplicate line's position.
        line_index: u64,
        /// The id of the line that keeps the merged quantity.
        into_line_id: String,
        /// That line's position.
        into_line_index: u64,
    },
    /// Replace the order discount (clamped into `0..=subtotal`).
    SetDiscount {
        /// The new discount in minor units.
        order_discount: i64,
    },
    /// The shopper must add items worth at least this much (total below the minimum, or an
    /// empty cart).
    AddItems {
        /// Minor units still missing.
        minimum_additional_amount: i64,
    },
    /// The shopper must remove items worth at least this much.
    ReduceTotal {
        /// Minor units above the maximum.
        minimum_reduction: i64,
    },
    /// The shopper must remove at least this many lines.
    RemoveLines {
        /// Lines above the maximum.
        count: i64,
    },
    /// The shopper must remove at least this many units.
    ReduceQuantity {
        /// Units above the maximum.
        minimum_reduction: i64,
    },
}

impl Fix {
    /// Whether [`apply_fixes`] applies this fix (as opposed to a decision left to the shopper).
    pub fn is_automatic(&self) -> bool {
        matches!(
            self,
            Self::RemoveLine { .. }
                | Self::SetQuantity { .. }
                | Self::AcceptNewPrice { .. }
                | Self::MergeLines { .. }
                | Self::SetDiscount { .. }
        )
    }
}

/// Apply the automatic fixes of a report to the cart the report was computed for.
///
/// The order of `fixes` does not matter: prices are accepted first, then duplicates are merged,
/// then quantities set, then lines removed, then the discount replaced. A fix whose index is out
/// of range or whose id does not match the line at that index is ignored, so fixes computed for
/// another cart cannot corrupt this one. Quantities merge with saturating addition.
pub fn apply_fixes(cart: &Cart, fixes: &[Fix]) -> Cart {
    let mut lines: Vec<Option<CartLine>> = cart.lines.iter().cloned().map(Some).collect();

    for fix in fixes {
        if let Fix::AcceptNewPrice {
            line_id,
            line_index,
            unit_price,
        } = fix
            && let Some(line) = line_mut(&mut lines, *line_index, line_id)
        {
            line.unit_price = *unit_price;
        }
    }
    for fix in fixes {
        if let Fix::MergeLines {
            line_id,
            line_index,
            into_line_id,
            into_line_index,
        } = fix
            && line_index != into_line_index
            && line_mut(&mut lines, *into_line_index, into_line_id).is_some()
            && let Some(moved) = line_mut(&mut lines, *line_index, line_id).map(|l| l.quantity)
        {
            if let Some(slot) = slot(&mut lines, *line_index) {
                *slot = None;
            }
            if let Some(into) = line_mut(&mut lines, *into_line_index, into_line_id) {
                into.quantity = into.quantity.saturating_add(moved);
            }
        }
    }
    for fix in fixes {
        if let Fix::SetQuantity {
            line_id,
            line_index,
            quantity,
        } = fix
            && let Some(line) = line_mut(&mut lines, *line_index, line_id)
        {
            line.quantity = *quantity;
        }
    }
    for fix in fixes {
        if let Fix::RemoveLine {
            line_id,
            line_index,
        } = fix
            && line_mut(&mut lines, *line_index, line_id).is_some()
            && let Some(slot) = slot(&mut lines, *line_index)
        {
            *slot = None;
        }
    }
    let mut repaired = Cart {
        id: cart.id.clone(),
        currency: cart.currency.clone(),
        lines: lines.into_iter().flatten().collect(),
        order_discount: cart.order_discount,
    };
    for fix in fixes {
        if let Fix::SetDiscount { order_discount } = fix {
            repaired.order_discount = *order_discount;
        }
    }
    repaired
}

/// The still-present line at `index`, if its id is `id`.
fn line_mut<'a>(
    lines: &'a mut [Option<CartLine>],
    index: u64,
    id: &str,
) -> Option<&'a mut CartLine> {
    // An index beyond `usize` cannot name a line of this cart: ignored like any stale fix.
    lines
        .get_mut(usize::try_from(index).ok()?)
        .and_then(Option::as_mut)
        .filter(|l| l.line_id == id)
}

/// The slot at a wire index (`u64`), if it is in range.
fn slot(lines: &mut [Option<CartLine>], index: u64) -> Option<&mut Option<CartLine>> {
    lines.get_mut(usize::try_from(index).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cart() -> Cart {
        Cart::new("INR")
            .with_line(CartLine::new("a", "p1", 1, 100))
            .with_line(CartLine::new("b", "p1", 2, 100))
            .with_line(CartLine::new("c", "p2", 5, 50))
    }

    #[test]
    fn phases_apply_in_fixed_order_whatever_the_input_order() {
        let fixes = vec![
            Fix::RemoveLine {
                line_id: "c".into(),
                line_index: 2,
            },
            Fix::SetQuantity {
                line_id: "a".into(),
                line_index: 0,
                quantity: 2,
            },
            Fix::MergeLines {
                line_id: "b".into(),
                line_index: 1,
                into_line_id: "a".into(),
                into_line_index: 0,
            },
            Fix::AcceptNewPrice {
                line_id: "a".into(),
                line_index: 0,
                unit_price: 90,
            },
        ];
        let mut reversed = fixes.clone();
        reversed.reverse();
        let one = apply_fixes(&cart(), &fixes);
        assert_eq!(one, apply_fixes(&cart(), &reversed));
        assert_eq!(one.lines, vec![CartLine::new("a", "p1", 2, 90)]);
    }

    #[test]
    fn merge_sums_quantities() {
        let fixes = [Fix::MergeLines {
            line_id: "b".into(),
            line_index: 1,
            into_line_id: "a".into(),
            into_line_index: 0,
        }];
        let out = apply_fixes(&cart(), &fixes);
        assert_eq!(out.lines.len(), 2);
        assert_eq!(out.lines[0].quantity, 3);
    }

    #[test]
    fn mismatched_or_out_of_range_fixes_are_ignored() {
        let fixes = [
            Fix::RemoveLine {
                line_id: "zzz".into(),
                line_index: 0,
            },
            Fix::RemoveLine {
                line_id: "a".into(),
                line_index: 99,
            },
            Fix::SetQuantity {
                line_id: "b".into(),
                line_index: 0,
                quantity: 7,
            },
            Fix::AddItems {
                minimum_additional_amount: 5,
            },
        ];
        assert_eq!(apply_fixes(&cart(), &fixes), cart());
        assert!(!fixes[3].is_automatic());
    }

    #[test]
    fn json_shape() {
        let fix = Fix::SetQuantity {
            line_id: "l1".into(),
            line_index: 0,
            quantity: 3,
        };
        assert_eq!(
            serde_json::to_string(&fix).unwrap(),
            r#"{"kind":"SET_QUANTITY","lineId":"l1","lineIndex":0,"quantity":3}"#
        );
    }
}
