//! Checks that concern one line on its own and end with removing it.

use crate::{CartLine, CatalogItem, ProblemCode};

/// The first reason, in precedence order, why `line` must be removed; otherwise the catalog
/// entry it is bought from.
///
/// Precedence (why): a repeated line id makes fixes ambiguous, so it goes first; a product
/// that is gone or not for sale makes every other check meaningless; a price in another
/// currency cannot be compared or summed; a negative catalog price cannot be charged; a
/// non-positive quantity means the shopper wants nothing.
pub(super) fn live_item<'a>(
    line: &CartLine,
    item: Option<&'a CatalogItem>,
    cart_currency: &str,
    repeated_id: bool,
) -> Result<&'a CatalogItem, ProblemCode> {
    if repeated_id {
        return Err(ProblemCode::DuplicateLineId);
    }
    let item = match item {
        Some(item) if item.exists => item,
        _ => return Err(ProblemCode::ProductNotFound),
    };
    if !item.active {
        return Err(ProblemCode::ProductInactive);
    }
    if item.currency != cart_currency {
        return Err(ProblemCode::CurrencyMismatch);
    }
    if item.unit_price < 0 {
        return Err(ProblemCode::PriceInvalid);
    }
    if line.quantity <= 0 {
        return Err(ProblemCode::QuantityInvalid);
    }
    Ok(item)
}
