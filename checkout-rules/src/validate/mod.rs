//! `validate_cart`: every rule, in a fixed order, producing a deterministic report.

mod cart_level;
mod drift;
mod groups;
mod line;
mod messages;
mod quantity;

use crate::report::{CartReport, InvalidItem};
use crate::{
    Cart, CartLine, Catalog, CatalogIndex, CatalogItem, DuplicateLines, Fix, Policy, ProblemCode,
    Severity, apply_fixes,
};
use groups::Groups;
use messages::{LineFacts, Money};
use quantity::Outcome;

/// Validate a cart against a catalog snapshot and the shop's policy.
///
/// Indexes only the catalog entries the cart references (one pass over the catalog); to check
/// many carts against one snapshot use [`validate_carts`](crate::validate_carts) or
/// [`validate_cart_indexed`]. Never panics; the same input always gives the same report,
/// whatever the order of the catalog entries.
pub fn validate_cart(cart: &Cart, catalog: &Catalog, policy: &Policy) -> CartReport {
    validate_cart_indexed(cart, &CatalogIndex::for_cart(catalog, cart), policy)
}

/// [`validate_cart`] against a prebuilt [`CatalogIndex`].
pub fn validate_cart_indexed(cart: &Cart, index: &CatalogIndex<'_>, policy: &Policy) -> CartReport {
    let money = Money::new(policy.currency_table(), &cart.currency);
    let mut items: Vec<InvalidItem> = Vec::new();

    // 1. Line checks that remove the line; surviving lines are grouped by catalog item, in the
    //    order of each item's first line.
    let mut groups = Groups::new(cart.lines.len());
    for (index_in_cart, line) in cart.lines.iter().enumerate() {
        let found = index.get(&line.product_id, line.variant_id.as_deref());
        let repeated = groups.is_repeated_id(cart, index_in_cart);
        match line::live_item(line, found, &cart.currency, repeated) {
            Err(code) => {
                let facts = LineFacts {
                    money: &money,
                    currency: &cart.currency,
                    item_currency: found.map(|i| i.currency.as_str()),
                    requested: line.quantity,
                    available: None,
                    limit: None,
                    old_price: line.unit_price,
                    new_price: None,
                    anchor_line_id: None,
                };
                items.push(remove_item(code, index_in_cart, line, &facts));
            }
            Ok(item) => groups.add(line, index_in_cart, item),
        }
    }

    // 2. Quantity rules per item, then duplicates and price drift per line.
    for (item, lines) in groups.into_slices().iter() {
        check_item(cart, item, lines, policy, &money, &mut items);
    }

    // Stable order: by line, then by code precedence.
    items.sort_by_key(|i| (i.line_index, i.code));

    // The only repeated fix is the SET_QUANTITY shared by several quantity codes of one line,
    // and those entries are adjacent after the sort: comparing with the last fix dedupes.
    let mut fixes: Vec<Fix> = Vec::with_capacity(items.len());
    for item in &items {
        if fixes.last() != Some(&item.fix) {
            fixes.push(item.fix.clone());
        }
    }
    let mut repaired = apply_fixes(cart, &fixes);

    // 3. Cart-level rules on the cart that would be checked out.
    let cart_level = cart_level::check(&repaired, policy, &money);
    for problem in &cart_level.problems {
        if let Some(fix) = &problem.fix {
            if let Fix::SetDiscount { order_discount } = fix {
                repaired.order_discount = *order_discount;
            }
            fixes.push(fix.clone());
        }
    }

    let mut report = CartReport {
        cart_id: cart.id.clone(),
        is_valid: false,
        invalid_items: items,
        cart_problems: cart_level.problems,
        totals: cart_level.totals,
        submitted_totals: cart_level::submitted_totals(cart),
        fixes,
        repaired_cart: repaired,
    };
    report.is_valid = !report.has_blocking();
    report
}

/// Quantity rules for one catalog item bought through `lines` (indexes into the cart), then
/// duplicate and price-drift problems for each of those lines.
fn check_item(
    cart: &Cart,
    item: &CatalogItem,
    lines: &[usize],
    policy: &Policy,
    money: &Money<'_>,
    out: &mut Vec<InvalidItem>,
) {
    let check = quantity::evaluate(item, lines.iter().map(|&i| cart.lines[i].quantity));
    let requested = saturate(check.requested);
    let limit_for = |code| match code {
        ProblemCode::QuantityAboveMaximum => item.max_quantity,
        ProblemCode::QuantityBelowMinimum => item.min_quantity,
        ProblemCode::QuantityNotInStep => item.quantity_step,
        _ => None,
    };
    let Some((&anchor, _)) = lines.split_first() else {
        return;
    };
    let anchor_line = &cart.lines[anchor];
    let facts_for = |line: &CartLine, code| LineFacts {
        money,
        currency: &cart.currency,
        item_currency: Some(&item.currency),
        requested,
        available: check.available,
        limit: limit_for(code),
        old_price: line.unit_price,
        new_price: Some(item.unit_price),
        anchor_line_id: Some(&anchor_line.line_id),
    };

    let (target, codes) = match check.outcome {
        Outcome::Remove(code) => {
            // A line that must go reports only why: no drift or duplicate noise.
            for &i in lines {
                let line = &cart.lines[i];
                let mut entry = remove_item(code, i, line, &facts_for(line, code));
                entry.requested_quantity = requested;
                entry.available_quantity = check.available;
                entry.limit = limit_for(code);
                out.push(entry);
            }
            return;
        }
        Outcome::Keep { target, codes } => (target, codes),
    };
    for code in codes {
        let fix = Fix::SetQuantity {
            line_id: anchor_line.line_id.clone(),
            line_index: wire_index(anchor),
            quantity: target,
        };
        let message = messages::line(code, &facts_for(anchor_line, code), &fix);
        out.push(InvalidItem {
            requested_quantity: requested,
            available_quantity: check.available,
            limit: limit_for(code),
            ..base_item(code, Severity::Blocking, message, anchor, anchor_line, fix)
        });
    }

    let duplicate_severity = match policy.duplicate_lines {
        DuplicateLines::Merge => Severity::Warning,
        DuplicateLines::Report => Severity::Blocking,
    };
    for &i in lines {
        let line = &cart.lines[i];
        if i != anchor {
            let fix = Fix::MergeLines {
                line_id: line.line_id.clone(),
                line_index: wire_index(i),
                into_line_id: anchor_line.line_id.clone(),
                into_line_index: wire_index(anchor),
            };
            let code = ProblemCode::DuplicateLine;
            let message = messages::line(code, &facts_for(line, code), &fix);
            out.push(base_item(code, duplicate_severity, message, i, line, fix));
        }
        if let Some(d) = drift::check(
            line.unit_price,
            item.unit_price,
            &policy.price_increase_tolerance,
            &policy.price_decrease_tolerance,
        ) {
            let fix = Fix::AcceptNewPrice {
                line_id: line.line_id.clone(),
                line_index: wire_index(i),
                unit_price: item.unit_price,
            };
            let mut facts = facts_for(line, d.code);
            facts.requested = line.quantity;
            let message = messages::line(d.code, &facts, &fix);
            out.push(InvalidItem {
                old_unit_price: Some(line.unit_price),
                new_unit_price: Some(item.unit_price),
                difference: Some(d.difference),
                difference_bps: d.difference_bps,
                ..base_item(d.code, d.severity, message, i, line, fix)
            });
        }
    }
}

/// A line position as it crosses the wire: `u64`, the same in JSON, TypeScript and uniffi
/// (`usize` would change width with the platform). Every `usize` fits in it.
pub(crate) fn wire_index(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX)
}

/// Clamp a widened (i128) amount or quantity into `i64` for reporting; the rules themselves
/// never clamp, they report AMOUNT_OVERFLOW.
fn saturate(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

fn remove_item(
    code: ProblemCode,
    index: usize,
    line: &CartLine,
    facts: &LineFacts<'_>,
) -> InvalidItem {
    let fix = Fix::RemoveLine {
        line_id: line.line_id.clone(),
        line_index: wire_index(index),
    };
    let message = messages::line(code, facts, &fix);
    base_item(code, Severity::Blocking, message, index, line, fix)
}

fn base_item(
    code: ProblemCode,
    severity: Severity,
    message: String,
    index: usize,
    line: &CartLine,
    fix: Fix,
) -> InvalidItem {
    InvalidItem {
        code,
        severity,
        message,
        line_id: line.line_id.clone(),
        line_index: wire_index(index),
        product_id: line.product_id.clone(),
        variant_id: line.variant_id.clone(),
        requested_quantity: line.quantity,
        available_quantity: None,
        limit: None,
        old_unit_price: None,
        new_unit_price: None,
        difference: None,
        difference_bps: None,
        fix,
    }
}
