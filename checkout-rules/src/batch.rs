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
