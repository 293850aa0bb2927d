//! One test per precedence rule documented in the crate docs.

mod common;

use checkout_rules::{Policy, ProblemCode as C, Severity, validate_cart};
use common::*;

#[test]
fn removed_product_reports_only_product_not_found() {
    // Zero quantity, stale price and a duplicate line: still only PRODUCT_NOT_FOUND per line.
    let c = cart([line("l1", "gone", 0, 999), line("l2", "gone", 5, 1)]);
    let report = check(&c, &catalog([]));
    assert_eq!(
        line_codes(&report),
        vec![
            ("l1".into(), C::ProductNotFound, Severity::Blocking),
            ("l2".into(), C::ProductNotFound, Severity::Blocking),
        ]
    );
}

#[test]
fn duplicate_line_id_comes_before_product_checks() {
    let c = cart([line("l1", "tea", 1, 100), line("l1", "gone", 1, 100)]);
    let report = check(&c, &catalog([product("tea", 100, 5)]));
    assert_eq!(only_item(&report).code, C::DuplicateLineId);
}

#[test]
fn not_found_beats_inactive_and_inactive_beats_currency_and_quantity() {
    let mut both = product("tea", 100, 5);
    both.exists = false;
    both.active = false;
    assert_eq!(
        only_item(&check(&cart([line("l1", "tea", 1, 100)]), &catalog([both]))).code,
        C::ProductNotFound
    );

    let mut inactive = product("tea", 100, 0);
    inactive.active = false;
    inactive.currency = "USD".into();
    let report = check(&cart([line("l1", "tea", -1, 5)]), &catalog([inactive]));
    assert_eq!(only_item(&report).code, C::ProductInactive);
}

#[test]
fn currency_mismatch_suppresses_price_and_quantity_checks() {
    let mut usd = product("tea", 999, 0);
    usd.currency = "USD".into();
    let report = check(&cart([line("l1", "tea", 0, 100)]), &catalog([usd]));
    assert_eq!(only_item(&report).code, C::CurrencyMismatch);
}

#[test]
fn quantity_invalid_suppresses_stock_and_price() {
    let report = check(
        &cart([line("l1", "tea", 0, 100)]),
        &catalog([product("tea", 500, 0)]),
    );
    assert_eq!(only_item(&report).code, C::QuantityInvalid);
}

#[test]
fn out_of_stock_suppresses_price_drift_and_duplicates() {
    let c = cart([line("l1", "tea", 1, 100), line("l2", "tea", 1, 50)]);
    let report = check(&c, &catalog([product("tea", 200, 0)]));
    assert_eq!(
        line_codes(&report),
        vec![
            ("l1".into(), C::OutOfStock, Severity::Blocking),
            ("l2".into(), C::OutOfStock, Severity::Blocking),
        ]
    );
    assert!(report.repaired_cart.lines.is_empty());
}

#[test]
fn stock_is_checked_on_the_quantity_summed_over_lines() {
    // 2 + 2 = 4 > 3 although each line alone fits.
    let c = cart([line("l1", "mug", 2, 100), line("l2", "mug", 2, 100)]);
    let report = check(&c, &catalog([product("mug", 100, 3)]));
    assert_eq!(
        line_codes(&report),
        vec![
            ("l1".into(), C::InsufficientStock, Severity::Blocking),
            ("l2".into(), C::DuplicateLine, Severity::Warning),
        ]
    );
    let shortage = &report.invalid_items[0];
    assert_eq!(
        (shortage.requested_quantity, shortage.available_quantity),
        (4, Some(3))
    );
    assert_eq!(report.repaired_cart.lines, vec![line("l1", "mug", 3, 100)]);
}

#[test]
fn variants_have_their_own_stock() {
    let c = cart([
        line("l1", "shirt", 2, 100).variant_id("m"),
        line("l2", "shirt", 2, 100).variant_id("l"),
    ]);
    let cat = catalog([
        product("shirt", 100, 2).variant_id("m"),
        product("shirt", 100, 2).variant_id("l"),
    ]);
    assert!(check(&c, &cat).is_valid);
}

#[test]
fn every_broken_quantity_rule_is_reported_with_one_fix() {
    let mut item = product("egg", 100, 10);
    item.max_quantity = Some(8);
    item.quantity_step = Some(6);
    let report = check(&cart([line("l1", "egg", 13, 100)]), &catalog([item]));
    let codes: Vec<C> = report.invalid_items.iter().map(|i| i.code).collect();
    assert_eq!(
        codes,
        vec![
            C::InsufficientStock,
            C::QuantityAboveMaximum,
            C::QuantityNotInStep
        ]
    );
    assert!(
        report
            .invalid_items
            .iter()
            .all(|i| i.fix == set_quantity("l1", 0, 6))
    );
    assert_eq!(report.fixes, vec![set_quantity("l1", 0, 6)]);
}

#[test]
fn unsatisfiable_quantity_rules_report_the_first_and_remove() {
    let mut item = product("egg", 10, 4);
    item.min_quantity = Some(6);
    let report = check(&cart([line("l1", "egg", 6, 10)]), &catalog([item]));
    let problem = only_item(&report);
    assert_eq!(
        (problem.code, &problem.fix),
        (C::InsufficientStock, &remove("l1", 0))
    );
}

#[test]
fn price_drift_is_reported_alongside_quantity_problems() {
    let report = check(
        &cart([line("l1", "mug", 5, 100)]),
        &catalog([product("mug", 120, 3)]),
    );
    let codes: Vec<C> = report.invalid_items.iter().map(|i| i.code).collect();
    assert_eq!(codes, vec![C::InsufficientStock, C::PriceIncreased]);
    assert_eq!(report.repaired_cart.lines, vec![line("l1", "mug", 3, 120)]);
}

#[test]
fn items_are_ordered_by_line_then_code() {
    let c = cart([
        line("a", "gone", 1, 100),
        line("b", "mug", 5, 90),
        line("c", "mug", 1, 100),
    ]);
    let report = check(&c, &catalog([product("mug", 100, 3)]));
    let order: Vec<(u64, C)> = report
        .invalid_items
        .iter()
        .map(|i| (i.line_index, i.code))
        .collect();
    assert_eq!(
        order,
        vec![
            (0, C::ProductNotFound),
            (1, C::InsufficientStock),
            (1, C::PriceIncreased),
            (2, C::DuplicateLine),
        ]
    );
}

#[test]
fn cart_level_rules_see_the_repaired_cart() {
    // 3 lines, one gone: after repair there are 2, within max_lines = 2.
    let policy = Policy::default().max_lines(Some(2));
    let c = cart([
        line("l1", "a", 1, 100),
        line("l2", "b", 1, 100),
        line("l3", "gone", 1, 100),
    ]);
    let report = validate_cart(
        &c,
        &catalog([product("a", 100, 5), product("b", 100, 5)]),
        &policy,
    );
    assert!(report.cart_problems.is_empty());
    assert_eq!(only_item(&report).code, C::ProductNotFound);
}

#[test]
fn empty_cart_suppresses_amount_checks() {
    // Everything removed: EMPTY_CART, not TOTAL_BELOW_MINIMUM or DISCOUNT_INVALID.
    let c = cart([line("l1", "gone", 1, 100)]).order_discount(500);
    let report = check(&c, &catalog([]));
    assert_eq!(cart_codes(&report), vec![C::EmptyCart]);
}

#[test]
fn cart_problems_follow_code_precedence() {
    let policy = Policy::default()
        .max_lines(Some(1))
        .max_total_quantity(Some(1));
    let c = cart([line("l1", "a", 1, 10), line("l2", "b", 1, 10)]);
    let report = validate_cart(
        &c,
        &catalog([product("a", 10, 5), product("b", 10, 5)]),
        &policy,
    );
    assert_eq!(
        cart_codes(&report),
        vec![
            C::TooManyLines,
            C::TotalQuantityAboveMaximum,
            C::TotalBelowMinimum
        ]
    );
}

#[test]
fn overflowing_subtotal_suppresses_discount_and_total_checks() {
    let mut a = product("a", i64::MAX, 0);
    a.track_stock = false;
    let c = cart([line("l1", "a", 1, i64::MAX), line("l2", "a", 1, i64::MAX)]).order_discount(-5);
    let report = check(&c, &catalog([a]));
    // The merged quantity 2 × i64::MAX overflows on the line already.
    assert_eq!(report.invalid_items[0].code, C::AmountOverflow);
    assert_eq!(cart_codes(&report), vec![C::EmptyCart]);
}
