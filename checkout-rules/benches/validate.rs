//! Benchmarks from the issue: one 50-line cart against a 100 000-product catalog, and
//! 100 000 ten-line carts through `validate_carts`.
//!
//! Run: `cargo bench -p checkout-rules -- --measurement-time 3 --warm-up-time 1`

use std::hint::black_box;

use checkout_rules::{
    Cart, CartLine, Catalog, CatalogIndex, CatalogItem, Policy, plan_checkout, validate_cart,
    validate_cart_indexed, validate_carts,
};
use criterion::{Criterion, criterion_group, criterion_main};

const PRODUCTS: usize = 100_000;

/// Deterministic pseudo-random numbers (no `rand` dependency needed for fixtures).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound
    }
}

fn product_id(i: usize) -> String {
    format!("prod_{i:06}")
}

fn price(i: usize) -> i64 {
    10_000 + (i as i64 % 997) * 100
}

/// 100 000 products; every tenth is out of stock, every 50th inactive.
fn catalog() -> Catalog {
    (0..PRODUCTS)
        .map(|i| {
            let stock = if i % 10 == 0 { 0 } else { 5 + (i as i64 % 40) };
            CatalogItem::new(product_id(i), price(i), "INR", stock)
                .active(i % 50 != 0)
                .max_quantity((i % 7 == 0).then_some(5))
        })
        .collect()
}

/// A cart of `lines` lines; some prices are stale, some quantities too high.
fn cart(rng: &mut Lcg, lines: usize) -> Cart {
    let mut cart = Cart::new("INR");
    for l in 0..lines {
        let p = rng.next(PRODUCTS);
        let seen = if rng.next(8) == 0 {
            price(p) - 500
        } else {
            price(p)
        };
        let quantity = 1 + rng.next(6) as i64;
        cart.lines.push(CartLine::new(
            format!("line_{l}"),
            product_id(p),
            quantity,
            seen,
        ));
    }
    cart
}

fn single_cart(c: &mut Criterion) {
    let catalog = catalog();
    let policy = Policy::default();
    let cart = cart(&mut Lcg(7), 50);
    let index = CatalogIndex::new(&catalog);

    let mut group = c.benchmark_group("one 50-line cart, 100k-product catalog");
    group.bench_function("validate_cart (scans the catalog)", |b| {
        b.iter(|| validate_cart(black_box(&cart), black_box(&catalog), &policy))
    });
    group.bench_function("validate_cart_indexed (prebuilt index)", |b| {
        b.iter(|| validate_cart_indexed(black_box(&cart), black_box(&index), &policy))
    });
    // Plan the success path: the repaired cart is valid.
    let repaired = validate_cart(&cart, &catalog, &policy).repaired_cart;
    assert!(plan_checkout(&repaired, &catalog, &policy).is_ok());
    group.bench_function(
        "plan_checkout of the repaired cart (scans the catalog)",
        |b| b.iter(|| plan_checkout(black_box(&repaired), black_box(&catalog), &policy).is_ok()),
    );
    group.sample_size(20);
    group.bench_function("CatalogIndex::new (100k entries)", |b| {
        b.iter(|| CatalogIndex::new(black_box(&catalog)).len())
    });
    group.finish();
}

fn many_carts(c: &mut Criterion) {
    let catalog = catalog();
    let policy = Policy::default();
    let mut rng = Lcg(11);
    let carts: Vec<Cart> = (0..100_000).map(|_| cart(&mut rng, 10)).collect();

    let index = CatalogIndex::new(&catalog);
    let mut group = c.benchmark_group("one ten-line cart, prebuilt 100k index");
    group.bench_function("validate_cart_indexed", |b| {
        b.iter(|| validate_cart_indexed(black_box(&carts[0]), black_box(&index), &policy))
    });
    group.finish();

    let mut group = c.benchmark_group("100k ten-line carts, 100k-product catalog");
    group.sample_size(10);
    group.bench_function("validate_carts", |b| {
        b.iter(|| validate_carts(black_box(&carts), black_box(&catalog), &policy).len())
    });
    group.finish();
}

criterion_group!(benches, single_cart, many_carts);
criterion_main!(benches);
