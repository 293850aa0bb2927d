//! One test per problem code: the code, its severity, the observed values and the fix.

mod common;

use checkout_rules::{
    AmountLimits, DuplicateLines, Fix, Policy, PriceTolerance, ProblemCode as C, Severity,
    validate_cart,
};
use common::*;

#[test]
fn valid_cart_has_no_problems() {
    let report = check(
        &cart([line("l1", "tea", 2, 25000)]),
        &catalog([product("tea", 25000, 10)]),
    );
    assert!(report.is_valid);
    assert!(report.invalid_items.is_empty() && report.cart_problems.is_empty());
    assert!(report.fixes.is_empty());
    let totals = report.totals.unwrap();
    assert_eq!(
        (totals.subtotal, totals.total, totals.total_quantity),
        (50000, 50000, 2)
    );
    assert_eq!(report.repaired_cart, cart([line("l1", "tea", 2, 25000)]));
}

#[test]
fn product_not_found_when_missing() {
    let report = check(&cart([line("l1", "gone", 1, 100)]), &catalog([]));
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.severity),
        (C::ProductNotFound, Severity::Blocking)
    );
    assert_eq!(item.fix, remove("l1", 0));
    assert!(!report.is_valid);
}

#[test]
fn product_not_found_when_marked_deleted() {
    let mut deleted = product("tea", 100, 5);
    deleted.exists = false;
    let report = check(&cart([line("l1", "tea", 1, 100)]), &catalog([deleted]));
    assert_eq!(only_item(&report).code, C::ProductNotFound);
}

#[test]
fn product_not_found_for_unknown_variant() {
    let report = check(
        &cart([line("l1", "shirt", 1, 100).variant_id("xxl")]),
        &catalog([product("shirt", 100, 5).variant_id("m")]),
    );
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.variant_id.as_deref()),
        (C::ProductNotFound, Some("xxl"))
    );
}

#[test]
fn product_inactive() {
    let mut item = product("tea", 100, 5);
    item.active = false;
    let report = check(&cart([line("l1", "tea", 1, 100)]), &catalog([item]));
    assert_eq!(only_item(&report).code, C::ProductInactive);
    assert_eq!(only_item(&report).fix, remove("l1", 0));
}

#[test]
fn currency_mismatch() {
    let mut item = product("tea", 100, 5);
    item.currency = "USD".into();
    let report = check(&cart([line("l1", "tea", 1, 100)]), &catalog([item]));
    let problem = only_item(&report);
    assert_eq!(problem.code, C::CurrencyMismatch);
    assert!(problem.message.contains("USD"), "{}", problem.message);
}

#[test]
fn price_invalid() {
    let report = check(
        &cart([line("l1", "tea", 1, 100)]),
        &catalog([product("tea", -1, 5)]),
    );
    assert_eq!(only_item(&report).code, C::PriceInvalid);
}

#[test]
fn quantity_invalid_for_zero_and_negative() {
    for quantity in [0, -1, i64::MIN] {
        let report = check(
            &cart([line("l1", "tea", quantity, 100)]),
            &catalog([product("tea", 100, 5)]),
        );
        let item = only_item(&report);
        assert_eq!(
            (item.code, item.requested_quantity),
            (C::QuantityInvalid, quantity)
        );
        assert_eq!(item.fix, remove("l1", 0));
    }
}

#[test]
fn out_of_stock() {
    for stock in [0, -3] {
        let report = check(
            &cart([line("l1", "tea", 2, 100)]),
            &catalog([product("tea", 100, stock)]),
        );
        let item = only_item(&report);
        assert_eq!(
            (item.code, item.available_quantity),
            (C::OutOfStock, Some(0))
        );
        assert_eq!(item.fix, remove("l1", 0));
    }
}

#[test]
fn untracked_or_backordered_stock_never_limits() {
    let mut untracked = product("a", 100, 0);
    untracked.track_stock = false;
    let mut backorder = product("b", 100, 0);
    backorder.allow_backorder = true;
    let report = check(
        &cart([line("l1", "a", 1000, 100), line("l2", "b", 1000, 100)]),
        &catalog([untracked, backorder]),
    );
    assert!(report.is_valid, "{:#?}", report.invalid_items);
}

#[test]
fn insufficient_stock() {
    let report = check(
        &cart([line("l1", "mug", 5, 100)]),
        &catalog([product("mug", 100, 3)]),
    );
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.requested_quantity, item.available_quantity),
        (C::InsufficientStock, 5, Some(3))
    );
    assert_eq!(item.fix, set_quantity("l1", 0, 3));
    assert_eq!(report.repaired_cart.lines[0].quantity, 3);
    assert_eq!(report.totals.unwrap().subtotal, 300);
}

#[test]
fn quantity_above_maximum() {
    let mut item = product("mug", 100, 100);
    item.max_quantity = Some(4);
    let report = check(&cart([line("l1", "mug", 6, 100)]), &catalog([item]));
    let problem = only_item(&report);
    assert_eq!(
        (problem.code, problem.limit),
        (C::QuantityAboveMaximum, Some(4))
    );
    assert_eq!(problem.fix, set_quantity("l1", 0, 4));
}

#[test]
fn quantity_below_minimum() {
    let mut item = product("mug", 100, 100);
    item.min_quantity = Some(3);
    let report = check(&cart([line("l1", "mug", 1, 100)]), &catalog([item]));
    let problem = only_item(&report);
    assert_eq!(
        (problem.code, problem.limit),
        (C::QuantityBelowMinimum, Some(3))
    );
    assert_eq!(problem.fix, set_quantity("l1", 0, 3));
}

#[test]
fn quantity_not_in_step() {
    let mut item = product("egg", 10, 100);
    item.quantity_step = Some(6);
    let report = check(&cart([line("l1", "egg", 14, 10)]), &catalog([item.clone()]));
    let problem = only_item(&report);
    assert_eq!(
        (problem.code, problem.limit),
        (C::QuantityNotInStep, Some(6))
    );
    assert_eq!(problem.fix, set_quantity("l1", 0, 12));
    // Rounds up when rounding down would leave nothing.
    let report = check(&cart([line("l1", "egg", 4, 10)]), &catalog([item]));
    assert_eq!(only_item(&report).fix, set_quantity("l1", 0, 6));
}

#[test]
fn price_increased_blocks_by_default() {
    let report = check(
        &cart([line("l1", "tea", 1, 25000)]),
        &catalog([product("tea", 27500, 5)]),
    );
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.severity),
        (C::PriceIncreased, Severity::Blocking)
    );
    assert_eq!(
        (item.old_unit_price, item.new_unit_price),
        (Some(25000), Some(27500))
    );
    assert_eq!(
        (item.difference, item.difference_bps),
        (Some(2500), Some(1000))
    );
    assert_eq!(
        item.fix,
        Fix::AcceptNewPrice {
            line_id: "l1".into(),
            line_index: 0,
            unit_price: 27500
        }
    );
    assert!(!report.is_valid);
}

#[test]
fn price_increase_within_tolerance_is_a_warning() {
    let policy = Policy::default().price_increase_tolerance(PriceTolerance {
        absolute: Some(500),
        basis_points: Some(200),
    });
    let c = cart([line("l1", "tea", 1, 25000)]);
    let report = validate_cart(&c, &catalog([product("tea", 25400, 5)]), &policy);
    assert_eq!(
        line_codes(&report),
        vec![("l1".into(), C::PriceIncreased, Severity::Warning)]
    );
    assert!(report.is_valid);
    // 25000 → 25600 is 240 bp: beyond 200 bp although within 500 absolute.
    let report = validate_cart(&c, &catalog([product("tea", 25600, 5)]), &policy);
    assert_eq!(only_item(&report).severity, Severity::Blocking);
}

#[test]
fn price_decreased_is_a_warning_and_the_shopper_pays_less() {
    let report = check(
        &cart([line("l1", "tea", 2, 25000)]),
        &catalog([product("tea", 20000, 5)]),
    );
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.severity),
        (C::PriceDecreased, Severity::Warning)
    );
    assert_eq!(
        (item.difference, item.difference_bps),
        (Some(-5000), Some(-2000))
    );
    assert!(report.is_valid);
    assert_eq!(report.totals.unwrap().total, 40000);
    assert_eq!(report.submitted_totals.unwrap().total, 50000);
}

#[test]
fn price_decrease_beyond_tolerance_blocks() {
    let policy = Policy::default().price_decrease_tolerance(PriceTolerance::absolute(100));
    let report = validate_cart(
        &cart([line("l1", "tea", 1, 25000)]),
        &catalog([product("tea", 20000, 5)]),
        &policy,
    );
    assert_eq!(only_item(&report).severity, Severity::Blocking);
}

#[test]
fn duplicate_line_merged_by_default() {
    let c = cart([line("l1", "tea", 1, 100), line("l2", "tea", 2, 100)]);
    let report = check(&c, &catalog([product("tea", 100, 10)]));
    assert_eq!(
        line_codes(&report),
        vec![("l2".into(), C::DuplicateLine, Severity::Warning)]
    );
    assert!(report.is_valid);
    assert_eq!(report.repaired_cart.lines, vec![line("l1", "tea", 3, 100)]);
}

#[test]
fn duplicate_line_reported_when_policy_says_so() {
    let policy = Policy::default().duplicate_lines(DuplicateLines::Report);
    let c = cart([line("l1", "tea", 1, 100), line("l2", "tea", 2, 100)]);
    let report = validate_cart(&c, &catalog([product("tea", 100, 10)]), &policy);
    let item = only_item(&report);
    assert_eq!(
        (item.code, item.severity),
        (C::DuplicateLine, Severity::Blocking)
    );
    assert_eq!(
        item.fix,
        Fix::MergeLines {
            line_id: "l2".into(),
            line_index: 1,
            into_line_id: "l1".into(),
            into_line_index: 0
        }
    );
}

#[test]
fn duplicate_line_id() {
    let c = cart([line("l1", "tea", 1, 100), line("l1", "mug", 1, 100)]);
    let report = check(
        &c,
        &catalog([product("tea", 100, 10), product("mug", 100, 10)]),
    );
    let item = only_item(&report);
    assert_eq!((item.code, item.line_index), (C::DuplicateLineId, 1));
    assert_eq!(item.fix, remove("l1", 1));
    assert_eq!(report.repaired_cart.lines, vec![line("l1", "tea", 1, 100)]);
}

#[test]
fn amount_overflow_on_a_line() {
    let mut item = product("gold", i64::MAX / 2, 0);
    item.track_stock = false;
    let report = check(
        &cart([line("l1", "gold", 3, i64::MAX / 2)]),
        &catalog([item]),
    );
    let problem = only_item(&report);
    assert_eq!(
        (problem.code, &problem.fix),
        (C::AmountOverflow, &remove("l1", 0))
    );
}

#[test]
fn amount_overflow_on_the_cart() {
    let mut a = product("a", i64::MAX / 2, 0);
    a.track_stock = false;
    let mut b = product("b", i64::MAX / 2, 0);
    b.track_stock = false;
    let report = check(
        &cart([
            line("l1", "a", 2, i64::MAX / 2),
            line("l2", "b", 2, i64::MAX / 2),
        ]),
        &catalog([a, b]),
    );
    assert!(report.invalid_items.is_empty());
    assert_eq!(cart_codes(&report), vec![C::AmountOverflow]);
    assert!(report.totals.is_none() && report.submitted_totals.is_none());
    assert!(!report.is_valid);
}

#[test]
fn empty_cart() {
    let report = check(&cart([]), &catalog([]));
    assert_eq!(cart_codes(&report), vec![C::EmptyCart]);
    assert_eq!(
        report.cart_problems[0].fix,
        Some(Fix::AddItems {
            minimum_additional_amount: 100
        })
    );
    assert!(!report.is_valid);
}

#[test]
fn too_many_lines() {
    let policy = Policy::default().max_lines(Some(1));
    let c = cart([line("l1", "a", 1, 100), line("l2", "b", 1, 100)]);
    let report = validate_cart(
        &c,
        &catalog([product("a", 100, 5), product("b", 100, 5)]),
        &policy,
    );
    assert_eq!(cart_codes(&report), vec![C::TooManyLines]);
    let p = &report.cart_problems[0];
    assert_eq!(
        (p.actual, p.limit, &p.fix),
        (Some(2), Some(1), &Some(Fix::RemoveLines { count: 1 }))
    );
}

#[test]
fn total_quantity_above_maximum() {
    let policy = Policy::default().max_total_quantity(Some(5));
    let c = cart([line("l1", "a", 4, 100), line("l2", "b", 4, 100)]);
    let report = validate_cart(
        &c,
        &catalog([product("a", 100, 50), product("b", 100, 50)]),
        &policy,
    );
    assert_eq!(cart_codes(&report), vec![C::TotalQuantityAboveMaximum]);
    assert_eq!(
        report.cart_problems[0].fix,
        Some(Fix::ReduceQuantity {
            minimum_reduction: 3
        })
    );
}

#[test]
fn total_below_minimum_uses_razorpay_default() {
    let report = check(
        &cart([line("l1", "gum", 1, 50)]),
        &catalog([product("gum", 50, 5)]),
    );
    assert_eq!(cart_codes(&report), vec![C::TotalBelowMinimum]);
    let p = &report.cart_problems[0];
    assert_eq!((p.actual, p.limit), (Some(50), Some(100)));
    assert_eq!(
        p.fix,
        Some(Fix::AddItems {
            minimum_additional_amount: 50
        })
    );
    assert!(p.message.contains("₹1.00"), "{}", p.message);
}

#[test]
fn total_below_minimum_can_be_disabled_or_overridden() {
    let c = cart([line("l1", "gum", 1, 50)]);
    let cat = catalog([product("gum", 50, 5)]);
    let off = Policy::default().apply_gateway_minimum(false);
    assert!(validate_cart(&c, &cat, &off).is_valid);
    let mut higher = Policy::default();
    higher.amount_limits.insert(
        "INR".into(),
        AmountLimits {
            min: Some(10_000),
            max: None,
        },
    );
    assert_eq!(
        validate_cart(&c, &cat, &higher).cart_problems[0].limit,
        Some(10_000)
    );
}

#[test]
fn total_above_maximum() {
    let mut policy = Policy::default();
    policy.amount_limits.insert(
        "INR".into(),
        AmountLimits {
            min: None,
            max: Some(1000),
        },
    );
    let report = validate_cart(
        &cart([line("l1", "tv", 1, 5000)]),
        &catalog([product("tv", 5000, 5)]),
        &policy,
    );
    assert_eq!(cart_codes(&report), vec![C::TotalAboveMaximum]);
    assert_eq!(
        report.cart_problems[0].fix,
        Some(Fix::ReduceTotal {
            minimum_reduction: 4000
        })
    );
}

#[test]
fn currency_unsupported() {
    let mut c = cart([line("l1", "tea", 1, 100)]);
    c.currency = "inr".into(); // codes are case-sensitive, like Razorpay's
    let mut item = product("tea", 100, 5);
    item.currency = "inr".into();
    let report = check(&c, &catalog([item]));
    assert_eq!(cart_codes(&report), vec![C::CurrencyUnsupported]);
    assert_eq!(report.cart_problems[0].fix, None);
    assert!(!report.is_valid);
}

#[test]
fn discount_invalid() {
    let c = cart([line("l1", "tea", 1, 1000)]).order_discount(5000);
    let report = check(&c, &catalog([product("tea", 1000, 5)]));
    // Discount clamped to the subtotal leaves 0, below the minimum.
    assert_eq!(
        cart_codes(&report),
        vec![C::DiscountInvalid, C::TotalBelowMinimum]
    );
    assert_eq!(
        report.cart_problems[0].fix,
        Some(Fix::SetDiscount {
            order_discount: 1000
        })
    );
    assert_eq!(report.repaired_cart.order_discount, 1000);
    let negative = cart([line("l1", "tea", 1, 1000)]).order_discount(-1);
    let report = check(&negative, &catalog([product("tea", 1000, 5)]));
    assert_eq!(
        report.cart_problems[0].fix,
        Some(Fix::SetDiscount { order_discount: 0 })
    );
}

#[test]
fn codes_serialise_as_screaming_snake_strings() {
    let report = check(&cart([line("l1", "gone", 1, 100)]), &catalog([]));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["invalidItems"][0]["code"], "PRODUCT_NOT_FOUND");
    assert_eq!(json["invalidItems"][0]["fix"]["kind"], "REMOVE_LINE");
    assert_eq!(json["cartProblems"][0]["code"], "EMPTY_CART");
    assert_eq!(json["isValid"], false);
}
