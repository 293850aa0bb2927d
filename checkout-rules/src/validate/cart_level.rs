//! Cart-level rules, evaluated on the cart as it would be checked out (every line fix applied),
//! so the shopper sees the limits of the cart they will actually pay for.

use crate::report::{CartProblem, Totals};
use crate::{Cart, Fix, Policy, ProblemCode, Severity};

use super::messages::Money;
use super::saturate;

pub(super) struct CartLevel {
    pub problems: Vec<CartProblem>,
    pub totals: Option<Totals>,
}

/// Precedence: an unsupported currency is reported alongside everything else (its limits are
/// unknown, so only explicit policy limits apply); an empty cart suppresses the amount checks
/// (it is not "below the minimum", it is empty); an overflowing subtotal suppresses the
/// discount and total checks (there is no total to compare).
pub(super) fn check(repaired: &Cart, policy: &Policy, money: &Money<'_>) -> CartLevel {
    let currency = repaired.currency.as_str();
    let mut problems = Vec::new();
    let mut push = |code, message: String, actual, limit, fix| {
        problems.push(CartProblem {
            code,
            severity: Severity::Blocking,
            message,
            actual,
            limit,
            fix,
        })
    };

    if !money.is_supported() {
        push(
            ProblemCode::CurrencyUnsupported,
            format!("Payments in {currency:?} are not supported."),
            None,
            None,
            None,
        );
    }

    let limits = policy.limits_for(currency);
    let line_count = repaired.lines.len();
    if line_count == 0 {
        let min = limits.min.unwrap_or(0).max(1);
        push(
            ProblemCode::EmptyCart,
            "Your cart is empty.".to_owned(),
            Some(0),
            None,
            Some(Fix::AddItems {
                minimum_additional_amount: min,
            }),
        );
    }
    if let Some(max) = policy.max_lines {
        let count = i64::try_from(line_count).unwrap_or(i64::MAX);
        if count > i64::from(max) {
            push(
                ProblemCode::TooManyLines,
                format!("A cart can hold at most {max} different items; this one has {count}."),
                Some(count),
                Some(i64::from(max)),
                Some(Fix::RemoveLines {
                    count: count - i64::from(max),
                }),
            );
        }
    }
    // i128 sums: no cart of i64 quantities and prices can overflow them.
    let quantity: i128 = repaired.lines.iter().map(|l| i128::from(l.quantity)).sum();
    if let Some(max) = policy.max_total_quantity
        && quantity > i128::from(max)
    {
        let actual = saturate(quantity);
        push(
            ProblemCode::TotalQuantityAboveMaximum,
            format!("A cart can hold at most {max} units; this one has {actual}."),
            Some(actual),
            Some(max),
            Some(Fix::ReduceQuantity {
                minimum_reduction: saturate(quantity - i128::from(max)),
            }),
        );
    }
    let subtotal: i128 = repaired
        .lines
        .iter()
        .map(|l| i128::from(l.quantity) * i128::from(l.unit_price))
        .sum();
    let (Ok(subtotal), Ok(total_quantity)) = (i64::try_from(subtotal), i64::try_from(quantity))
    else {
        push(
            ProblemCode::AmountOverflow,
            "The cart total is too large to be charged.".to_owned(),
            None,
            None,
            None,
        );
        return CartLevel {
            problems,
            totals: None,
        };
    };

    // The discount that will be applied: the cart's, clamped into `0..=subtotal`; an empty
    // cart has nothing to discount.
    let mut discount = 0;
    if line_count > 0 {
        let allowed = repaired.order_discount.clamp(0, subtotal.max(0));
        if allowed != repaired.order_discount {
            push(
                ProblemCode::DiscountInvalid,
                format!(
                    "The discount of {} cannot be applied to a subtotal of {}.",
                    money.format(repaired.order_discount),
                    money.format(subtotal)
                ),
                Some(repaired.order_discount),
                Some(subtotal),
                Some(Fix::SetDiscount {
                    order_discount: allowed,
                }),
            );
        }
        discount = allowed;
        let total = subtotal - allowed;
        if let Some(min) = limits.min.filter(|m| total < *m) {
            push(
                ProblemCode::TotalBelowMinimum,
                format!(
                    "The minimum order is {}; add {} more.",
                    money.format(min),
                    money.format(min.saturating_sub(total))
                ),
                Some(total),
                Some(min),
                Some(Fix::AddItems {
                    minimum_additional_amount: min.saturating_sub(total),
                }),
            );
        }
        if let Some(max) = limits.max.filter(|m| total > *m) {
            push(
                ProblemCode::TotalAboveMaximum,
                format!(
                    "The maximum order is {}; remove {}.",
                    money.format(max),
                    money.format(total.saturating_sub(max))
                ),
                Some(total),
                Some(max),
                Some(Fix::ReduceTotal {
                    minimum_reduction: total.saturating_sub(max),
                }),
            );
        }
    }

    let totals = Totals {
        currency: repaired.currency.clone(),
        line_count: super::wire_index(line_count),
        total_quantity,
        subtotal,
        discount,
        total: subtotal - discount,
    };
    CartLevel {
        problems,
        totals: Some(totals),
    }
}

/// Totals of the cart exactly as submitted, at the prices the shopper saw, over lines with a
/// positive quantity; `None` when they do not fit in `i64`.
pub(super) fn submitted_totals(cart: &Cart) -> Option<Totals> {
    let lines = cart.lines.iter().filter(|l| l.quantity > 0);
    let mut quantity: i64 = 0;
    let mut subtotal: i64 = 0;
    let mut line_count = 0;
    for line in lines {
        quantity = quantity.checked_add(line.quantity)?;
        subtotal = subtotal.checked_add(line.quantity.checked_mul(line.unit_price)?)?;
        line_count += 1;
    }
    Some(Totals {
        currency: cart.currency.clone(),
        line_count,
        total_quantity: quantity,
        subtotal,
        discount: cart.order_discount,
        total: subtotal.checked_sub(cart.order_discount)?,
    })
}
