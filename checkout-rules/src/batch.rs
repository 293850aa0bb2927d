//! Validating many carts against one catalog snapshot.

use std::num::NonZeroUsize;
use std::thread;

use crate::report::CartReport;
use crate::{Cart, Catalog, CatalogIndex, Policy, validate_cart_indexed};

/// Below this many carts a single thread is faster than spawning workers.
const PARALLEL_THRESHOLD: usize = 2048;

/// Validate every cart against one catalog snapshot (for example after a price or stock
/// change, to find the open carts that now break). The catalog is indexed once; large batches
/// are split across the machine's cores. Reports come back in the order of `carts`.
///
/// ```
/// use checkout_rules::{Cart, CartLine, Catalog, CatalogItem, Policy, validate_carts};
///
/// // The mug just sold out: which open carts break?
/// let catalog = Catalog::new([
///     CatalogItem::new("tea", 25000, "INR", 40),
///     CatalogItem::new("mug", 39900, "INR", 0),
/// ]);
/// let mut carts = vec![
///     Cart::new("INR").line(CartLine::new("l1", "tea", 1, 25000)),
///     Cart::new("INR").line(CartLine::new("l1", "mug", 1, 39900)),
/// ];
/// carts[1].id = Some("cart_42".into());
/// let broken: Vec<_> = validate_carts(&carts, &catalog, &Policy::default())
///     .into_iter()
///     .filter(|r| !r.is_valid)
///     .map(|r| r.cart_id)
///     .collect();
/// assert_eq!(broken, vec![Some("cart_42".to_string())]);
/// ```
pub fn validate_carts(carts: &[Cart], catalog: &Catalog, policy: &Policy) -> Vec<CartReport> {
    let index = CatalogIndex::new(catalog);
    let workers = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    if workers == 1 || carts.len() < PARALLEL_THRESHOLD {
        return carts
            .iter()
            .map(|cart| validate_cart_indexed(cart, &index, policy))
            .collect();
    }
    let chunk = carts.len().div_ceil(workers);
    let index = &index;
    thread::scope(|scope| {
        let handles: Vec<_> = carts
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|cart| validate_cart_indexed(cart, index, policy))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut reports = Vec::with_capacity(carts.len());
        for handle in handles {
            match handle.join() {
                Ok(part) => reports.extend(part),
                // Validation does not panic; if it ever did, surface it unchanged.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        reports
    })
}
