//! Stock and per-order quantity rules, checked on the quantity summed over every line of the
//! same catalog item.

use crate::{CatalogItem, ProblemCode};

/// What the quantity rules say about one catalog item in the cart.
pub(super) struct QuantityCheck {
    /// Σ quantity over the item's lines (all positive); i128 so no sum can overflow.
    pub requested: i128,
    /// Units that can be sold, when stock limits the order.
    pub available: Option<i64>,
    /// Keep (possibly at another quantity) or remove.
    pub outcome: Outcome,
}

pub(super) enum Outcome {
    /// The item stays at `target` units; `codes` are the rules the requested quantity broke.
    Keep {
        target: i64,
        codes: Vec<ProblemCode>,
    },
    /// No quantity satisfies every rule (or the amount overflows): remove the item's lines.
    Remove(ProblemCode),
}

pub(super) fn evaluate(item: &CatalogItem, quantities: impl Iterator<Item = i64>) -> QuantityCheck {
    let requested: i128 = quantities.map(i128::from).sum();
    let available = item.available();
    let outcome = if available == Some(0) {
        Outcome::Remove(ProblemCode::OutOfStock)
    } else {
        decide(item, requested, available)
    };
    QuantityCheck {
        requested,
        available,
        outcome,
    }
}

fn decide(item: &CatalogItem, requested: i128, available: Option<i64>) -> Outcome {
    let min = item.min_quantity.filter(|m| *m > 1).map(i128::from);
    let max = item.max_quantity.map(i128::from);
    let step = item.quantity_step.filter(|s| *s > 1).map(i128::from);
    let available = available.map(i128::from);

    let mut codes = Vec::new();
    if available.is_some_and(|a| requested > a) {
        codes.push(ProblemCode::InsufficientStock);
    }
    if max.is_some_and(|m| requested > m) {
        codes.push(ProblemCode::QuantityAboveMaximum);
    }
    if min.is_some_and(|m| requested < m) {
        codes.push(ProblemCode::QuantityBelowMinimum);
    }
    if step.is_some_and(|s| requested % s != 0) {
        codes.push(ProblemCode::QuantityNotInStep);
    }

    let upper = match (max, available) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let Some(target) = solve(requested, min.unwrap_or(1), upper, step) else {
        // Unreachable without a broken rule (a requested quantity that meets every rule is its
        // own solution), but never panic on catalog data: fall back to the step rule.
        return Outcome::Remove(
            codes
                .first()
                .copied()
                .unwrap_or(ProblemCode::QuantityNotInStep),
        );
    };
    let fits = i64::try_from(target)
        .ok()
        .filter(|t| i128::from(*t) * i128::from(item.unit_price) <= i128::from(i64::MAX));
    match fits {
        Some(target) => Outcome::Keep { target, codes },
        None => Outcome::Remove(ProblemCode::AmountOverflow),
    }
}

/// The quantity closest to `requested` that lies in `lower..=upper` and is a multiple of
/// `step`: clamp into range, then round down to the step, or up when rounding down would fall
/// below the minimum. `None` when no quantity satisfies every rule.
fn solve(requested: i128, lower: i128, upper: Option<i128>, step: Option<i128>) -> Option<i128> {
    if upper.is_some_and(|u| u < lower) {
        return None;
    }
    let clamped = requested.max(lower).min(upper.unwrap_or(i128::MAX));
    let Some(step) = step else {
        return Some(clamped);
    };
    let down = clamped - clamped % step;
    if clamped % step == 0 {
        Some(clamped)
    } else if down >= lower {
        Some(down)
    } else {
        let up = down + step;
        upper.is_none_or(|u| up <= u).then_some(up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solve_prefers_rounding_down_then_up() {
        assert_eq!(solve(7, 1, None, Some(2)), Some(6));
        assert_eq!(solve(3, 4, None, Some(4)), Some(4));
        assert_eq!(solve(10, 3, Some(5), Some(2)), Some(4));
        assert_eq!(solve(1, 3, Some(3), Some(2)), None);
        assert_eq!(solve(5, 6, Some(4), None), None);
        assert_eq!(solve(5, 1, Some(10), None), Some(5));
    }
}
