//! Human-readable messages (English). Front ends that translate should key on the code and
//! the observed values instead.

use crate::currency::{CurrencyInfo, CurrencyTable, format_minor_units_in};
use crate::{Fix, ProblemCode};

/// Formats amounts of the cart's currency; the currency is looked up once per cart.
pub(super) struct Money<'a> {
    table: &'a CurrencyTable,
    code: &'a str,
    info: Option<&'a CurrencyInfo>,
}

impl<'a> Money<'a> {
    pub(super) fn new(table: &'a CurrencyTable, code: &'a str) -> Self {
        Self {
            table,
            code,
            info: table.get(code),
        }
    }

    /// Whether the currency is in the table.
    pub(super) fn is_supported(&self) -> bool {
        self.info.is_some()
    }

    pub(super) fn format(&self, amount: i64) -> String {
        match self.info {
            Some(info) => info.format(amount),
            None => format_minor_units_in(self.table, amount, self.code),
        }
    }
}

/// Values a line message may mention.
pub(super) struct LineFacts<'a> {
    pub money: &'a Money<'a>,
    pub currency: &'a str,
    pub item_currency: Option<&'a str>,
    pub requested: i64,
    pub available: Option<i64>,
    pub limit: Option<i64>,
    pub old_price: i64,
    pub new_price: Option<i64>,
    pub anchor_line_id: Option<&'a str>,
}

pub(super) fn line(code: ProblemCode, facts: &LineFacts<'_>, fix: &Fix) -> String {
    let price = |amount: i64| facts.money.format(amount);
    let limit = facts.limit.unwrap_or_default();
    let what = match code {
        ProblemCode::DuplicateLineId => "Another line already uses this line id.".to_owned(),
        ProblemCode::ProductNotFound => "This product is no longer available.".to_owned(),
        ProblemCode::ProductInactive => "This product cannot be bought right now.".to_owned(),
        ProblemCode::CurrencyMismatch => format!(
            "This product is priced in {}, not {}.",
            facts.item_currency.unwrap_or("another currency"),
            facts.currency
        ),
        ProblemCode::PriceInvalid => "This product has no valid price.".to_owned(),
        ProblemCode::QuantityInvalid => format!("A quantity of {} is not valid.", facts.requested),
        ProblemCode::OutOfStock => "This product is out of stock.".to_owned(),
        ProblemCode::AmountOverflow => "The amount for this item is too large.".to_owned(),
        ProblemCode::InsufficientStock => format!(
            "Only {} left in stock; you asked for {}.",
            facts.available.unwrap_or_default(),
            facts.requested
        ),
        ProblemCode::QuantityAboveMaximum => {
            format!(
                "At most {limit} per order; you asked for {}.",
                facts.requested
            )
        }
        ProblemCode::QuantityBelowMinimum => {
            format!(
                "At least {limit} per order; you asked for {}.",
                facts.requested
            )
        }
        ProblemCode::QuantityNotInStep => {
            format!(
                "Sold in multiples of {limit}; you asked for {}.",
                facts.requested
            )
        }
        ProblemCode::PriceIncreased | ProblemCode::PriceDecreased => format!(
            "The price changed from {} to {}.",
            price(facts.old_price),
            price(facts.new_price.unwrap_or_default())
        ),
        ProblemCode::DuplicateLine => format!(
            "This is the same item as line {}.",
            facts.anchor_line_id.unwrap_or("?")
        ),
        // Cart-level codes never reach a line.
        other => other.as_str().to_owned(),
    };
    let action = match fix {
        Fix::RemoveLine { .. } => " It will be removed from your cart.".to_owned(),
        Fix::SetQuantity { quantity, .. } => format!(" The quantity will be set to {quantity}."),
        Fix::MergeLines { into_line_id, .. } => {
            format!(" It will be merged into line {into_line_id}.")
        }
        Fix::AcceptNewPrice { unit_price, .. } => {
            format!(" You will pay {} each.", price(*unit_price))
        }
        _ => String::new(),
    };
    what + &action
}
