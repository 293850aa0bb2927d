//! Property tests for the invariants the crate promises. Case count comes from
//! `PROPTEST_CASES` (256 by default, as in CI).

use checkout_rules::{
    AmountLimits, Cart, CartLine, Catalog, CatalogItem, DuplicateLines, Policy, PriceTolerance,
    ProblemCode, Severity, apply_fixes, plan_checkout, validate_cart, validate_carts,
};
use proptest::prelude::*;

const PRODUCTS: &[&str] = &["a", "b", "c", "d"];

/// Mostly ordinary values, sometimes the extremes that break naive arithmetic.
fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => 0i64..200_000,
        1 => Just(0i64),
        1 => Just(-1i64),
        1 => Just(i64::MAX),
        1 => Just(i64::MIN),
        1 => any::<i64>(),
    ]
}

fn quantity() -> impl Strategy<Value = i64> {
    prop_oneof![
        8 => 1i64..12,
        1 => -3i64..=0,
        1 => Just(i64::MAX),
        1 => Just(i64::MIN),
        1 => any::<i64>(),
    ]
}

fn key() -> impl Strategy<Value = (String, Option<String>)> {
    (
        prop::sample::select(PRODUCTS).prop_map(str::to_owned),
        prop::option::weighted(0.3, Just("v".to_owned())),
    )
}

fn catalog_item() -> impl Strategy<Value = CatalogItem> {
    (
        key(),
        prop::bool::weighted(0.9),
        prop::bool::weighted(0.9),
        prop_oneof![8 => 0i64..200_000, 1 => amount()],
        prop::bool::weighted(0.95),
        prop_oneof![8 => -2i64..30, 1 => any::<i64>()],
        any::<bool>(),
        any::<bool>(),
        prop::option::weighted(0.3, prop_oneof![4 => -1i64..6, 1 => any::<i64>()]),
        prop::option::weighted(0.3, prop_oneof![4 => -1i64..15, 1 => any::<i64>()]),
        prop::option::weighted(0.3, prop_oneof![4 => -1i64..5, 1 => any::<i64>()]),
    )
        .prop_map(
            |(
                (product, variant),
                exists,
                active,
                price,
                inr,
                stock,
                track,
                backorder,
                min,
                max,
                step,
            )| {
                let mut item =
                    CatalogItem::new(product, price, if inr { "INR" } else { "USD" }, stock)
                        .exists(exists)
                        .active(active)
                        .track_stock(track)
                        .allow_backorder(backorder)
                        .min_quantity(min)
                        .max_quantity(max)
                        .quantity_step(step);
                item.variant_id = variant;
                item
            },
        )
}

fn cart_line() -> impl Strategy<Value = CartLine> {
    (
        0u8..8,
        prop::bool::weighted(0.9),
        key(),
        quantity(),
        amount(),
    )
        .prop_map(|(id, known, (product, variant), quantity, price)| {
            let product = if known { product } else { "gone".to_owned() };
            let mut line = CartLine::new(format!("l{id}"), product, quantity, price);
            line.variant_id = variant;
            line
        })
}

fn cart() -> impl Strategy<Value = Cart> {
    (
        // Up to 24 lines: small carts and the hashed path for larger ones.
        prop_oneof![3 => prop::collection::vec(cart_line(), 0..8), 1 => prop::collection::vec(cart_line(), 8..24)],
        prop_oneof![6 => Just(0i64), 2 => 0i64..100_000, 1 => amount()],
        prop::bool::weighted(0.95),
    )
        .prop_map(|(lines, discount, inr)| {
            Cart::new(if inr { "INR" } else { "XYZ" })
                .id("cart")
                .lines(lines)
                .order_discount(discount)
        })
}

fn tolerance() -> impl Strategy<Value = PriceTolerance> {
    (
        prop::option::of(prop_oneof![4 => 0i64..1000, 1 => any::<i64>()]),
        prop::option::of(prop_oneof![4 => 0i64..2000, 1 => any::<i64>()]),
    )
        .prop_map(|(absolute, basis_points)| PriceTolerance {
            absolute,
            basis_points,
        })
}

fn policy() -> impl Strategy<Value = Policy> {
    (
        tolerance(),
        tolerance(),
        prop::option::weighted(0.3, 0u32..6),
        prop::option::weighted(0.3, prop_oneof![4 => 0i64..40, 1 => any::<i64>()]),
        prop::option::weighted(
            0.3,
            (prop::option::of(amount()), prop::option::of(amount())),
        ),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(up, down, max_lines, max_qty, limits, gateway, merge)| {
            let policy = Policy::default()
                .price_increase_tolerance(up)
                .price_decrease_tolerance(down)
                .max_lines(max_lines)
                .max_total_quantity(max_qty)
                .apply_gateway_minimum(gateway)
                .duplicate_lines(if merge {
                    DuplicateLines::Merge
                } else {
                    DuplicateLines::Report
                });
            match limits {
                Some((min, max)) => policy.amount_limit("INR", AmountLimits { min, max }),
                None => policy,
            }
        })
}

/// A catalog and the same entries in another order.
fn catalogs() -> impl Strategy<Value = (Catalog, Catalog)> {
    prop::collection::vec(catalog_item(), 0..10).prop_flat_map(|items| {
        let shuffled = Just(items.clone()).prop_shuffle();
        (Just(Catalog::new(items)), shuffled.prop_map(Catalog::new))
    })
}

proptest! {
    #[test]
    fn is_valid_iff_no_blocking_problem(c in cart(), (cat, _) in catalogs(), p in policy()) {
        let report = validate_cart(&c, &cat, &p);
        let blocking = report.invalid_items.iter().any(|i| i.severity == Severity::Blocking)
            || report.cart_problems.iter().any(|i| i.severity == Severity::Blocking);
        prop_assert_eq!(report.is_valid, !blocking);
        prop_assert_eq!(plan_checkout(&c, &cat, &p).is_ok(), report.is_valid);
        // Every line problem has a fix; all of them are automatic.
        prop_assert!(report.invalid_items.iter().all(|i| i.fix.is_automatic()));
    }

    #[test]
    fn applying_all_fixes_yields_a_valid_cart(c in cart(), (cat, _) in catalogs(), p in policy()) {
        let report = validate_cart(&c, &cat, &p);
        prop_assert_eq!(&apply_fixes(&c, &report.fixes), &report.repaired_cart);
        let again = validate_cart(&report.repaired_cart, &cat, &p);
        // No line problem survives the fixes, not even a warning.
        prop_assert!(again.invalid_items.is_empty(), "{:#?}", again.invalid_items);
        // Only cart-level limits that need the shopper's decision may remain, and they are the
        // ones already reported (the discount fix is the only automatic cart fix).
        let expected: Vec<_> = report
            .cart_problems
            .iter()
            .filter(|p| p.code != ProblemCode::DiscountInvalid)
            .cloned()
            .collect();
        prop_assert_eq!(&again.cart_problems, &expected);
        prop_assert!(again.cart_problems.iter().all(|p| p.fix.as_ref().is_none_or(|f| !f.is_automatic())));
        prop_assert_eq!(again.is_valid, again.cart_problems.is_empty());
        prop_assert_eq!(&again.repaired_cart, &report.repaired_cart);
        prop_assert_eq!(&again.totals, &report.totals);
    }

    #[test]
    fn plan_totals_equal_the_sum_of_line_totals(c in cart(), (cat, _) in catalogs(), p in policy()) {
        let Ok(plan) = plan_checkout(&c, &cat, &p) else { return Ok(()) };
        let sum = |f: fn(&checkout_rules::PlannedLine) -> i64| -> i128 {
            plan.lines.iter().map(|l| i128::from(f(l))).sum()
        };
        prop_assert_eq!(sum(|l| l.total), i128::from(plan.total));
        prop_assert_eq!(sum(|l| l.subtotal), i128::from(plan.subtotal));
        prop_assert_eq!(sum(|l| l.discount), i128::from(plan.discount));
        prop_assert_eq!(sum(|l| l.quantity), i128::from(plan.total_quantity));
        prop_assert_eq!(plan.subtotal - plan.discount, plan.total);
        for line in &plan.lines {
            prop_assert_eq!(i128::from(line.quantity) * i128::from(line.unit_price), i128::from(line.subtotal));
            prop_assert!(line.discount >= 0 && line.discount <= line.subtotal);
            prop_assert!(line.quantity > 0);
        }
        let totals = validate_cart(&c, &cat, &p).totals.unwrap();
        prop_assert_eq!(plan.total, totals.total);
    }

    #[test]
    fn deterministic_and_independent_of_catalog_order(
        c in cart(), (cat, shuffled) in catalogs(), p in policy()
    ) {
        let report = validate_cart(&c, &cat, &p);
        prop_assert_eq!(&report, &validate_cart(&c, &cat, &p));
        prop_assert_eq!(&report, &validate_cart(&c, &shuffled, &p));
        prop_assert_eq!(&validate_carts(std::slice::from_ref(&c), &shuffled, &p), &vec![report]);
        let plan = plan_checkout(&c, &cat, &p);
        prop_assert_eq!(plan, plan_checkout(&c, &shuffled, &p));
    }

    #[test]
    fn no_input_panics(
        lines in prop::collection::vec(
            (any::<i64>(), any::<i64>(), 0u8..3, any::<bool>()), 0..6),
        items in prop::collection::vec(
            (any::<i64>(), any::<i64>(), any::<Option<i64>>(), any::<Option<i64>>(),
             any::<Option<i64>>(), 0u8..3, any::<bool>()), 0..6),
        discount in any::<i64>(),
        tol in (any::<Option<i64>>(), any::<Option<i64>>()),
        limits in (any::<Option<i64>>(), any::<Option<i64>>(), any::<Option<i64>>()),
    ) {
        let cart = Cart::new("INR")
            .lines(lines.into_iter().enumerate().map(|(i, (q, price, product, variant))| {
                let mut line = CartLine::new(format!("l{}", i % 4), format!("p{product}"), q, price);
                line.variant_id = variant.then(|| "v".to_owned());
                line
            }))
            .order_discount(discount);
        let catalog: Catalog = items.into_iter().map(|(price, stock, min, max, step, product, variant)| {
            let mut item = CatalogItem::new(format!("p{product}"), price, "INR", stock)
                .min_quantity(min)
                .max_quantity(max)
                .quantity_step(step);
            item.variant_id = variant.then(|| "v".to_owned());
            item
        }).collect();
        let policy = Policy::default()
            .price_increase_tolerance(PriceTolerance { absolute: tol.0, basis_points: tol.1 })
            .price_decrease_tolerance(PriceTolerance { absolute: tol.1, basis_points: tol.0 })
            .max_total_quantity(limits.2)
            .amount_limit("INR", AmountLimits { min: limits.0, max: limits.1 });
        let report = validate_cart(&cart, &catalog, &policy);
        // The JSON the bindings pass through round-trips exactly.
        let json = serde_json::to_string(&report).unwrap();
        prop_assert_eq!(&serde_json::from_str::<checkout_rules::CartReport>(&json).unwrap(), &report);
        let json = serde_json::to_string(&cart).unwrap();
        prop_assert_eq!(&serde_json::from_str::<Cart>(&json).unwrap(), &cart);
        let again = validate_cart(&report.repaired_cart, &catalog, &policy);
        prop_assert!(again.invalid_items.is_empty());
        let _ = plan_checkout(&cart, &catalog, &policy);
    }
}

proptest! {
    #[test]
    fn largest_remainder_is_exact_and_fair(
        weights in prop::collection::vec(prop_oneof![4 => 0i64..1_000_000, 1 => 0i64..=i64::MAX], 1..12),
        fraction in 0.0f64..=1.0,
    ) {
        let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        prop_assume!(total > 0);
        // Any amount up to the total weight (capped to i64).
        let cap = i64::try_from(total).unwrap_or(i64::MAX);
        let amount = ((cap as f64) * fraction) as i64;
        let amount = amount.clamp(0, cap);
        let shares = checkout_rules::allocate::largest_remainder(amount, &weights).unwrap();
        prop_assert_eq!(shares.iter().map(|s| i128::from(*s)).sum::<i128>(), i128::from(amount));
        for (share, weight) in shares.iter().zip(&weights) {
            // Each share is the exact proportional share rounded down or up.
            let exact_floor = i128::from(amount) * i128::from(*weight) / total;
            prop_assert!(i128::from(*share) == exact_floor || i128::from(*share) == exact_floor + 1);
            prop_assert!(share <= weight);
        }
    }

    #[test]
    fn planned_discounts_sum_exactly(
        lines in prop::collection::vec((1i64..50, 0i64..100_000), 1..10),
        fraction in 0.0f64..=1.0,
    ) {
        let mut catalog = Catalog::default();
        let mut cart = Cart::new("INR");
        for (i, (quantity, price)) in lines.iter().enumerate() {
            catalog.items.push(CatalogItem::new(format!("p{i}"), *price, "INR", 1_000));
            cart.lines.push(CartLine::new(format!("l{i}"), format!("p{i}"), *quantity, *price));
        }
        let subtotal: i64 = lines.iter().map(|(q, p)| q * p).sum();
        cart.order_discount = ((subtotal as f64) * fraction) as i64;
        let policy = Policy::default().apply_gateway_minimum(false);
        let plan = plan_checkout(&cart, &catalog, &policy).unwrap();
        prop_assert_eq!(plan.discount, cart.order_discount);
        prop_assert_eq!(plan.lines.iter().map(|l| l.discount).sum::<i64>(), plan.discount);
        prop_assert_eq!(plan.lines.iter().map(|l| l.total).sum::<i64>(), plan.total);
        prop_assert_eq!(plan.total, subtotal - cart.order_discount);
    }
}
