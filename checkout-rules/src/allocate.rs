//! Splitting an amount across lines in proportion to their weights, exactly.

/// Split `amount` (minor units, ≥ 0) across `weights` (≥ 0, e.g. line subtotals) in proportion
/// to the weights, by the largest-remainder method: each share is first rounded down, then the
/// minor units left over go one each to the shares with the largest remainders; equal
/// remainders go to the earlier index. The shares always sum to exactly `amount`, and no share
/// exceeds its weight when `amount ≤ Σ weights`.
///
/// Returns `None` for a negative amount or weight, or a positive amount with all-zero weights.
///
/// ```
/// use checkout_rules::allocate::largest_remainder;
/// // ₹100.00 off lines of ₹100, ₹100 and ₹100: 3334 + 3333 + 3333 paise.
/// assert_eq!(largest_remainder(10_000, &[10_000, 10_000, 10_000]), Some(vec![3334, 3333, 3333]));
/// ```
pub fn largest_remainder(amount: i64, weights: &[i64]) -> Option<Vec<i64>> {
    if amount < 0 || weights.iter().any(|w| *w < 0) {
        return None;
    }
    // i128: amount × weight needs up to 126 bits.
    let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    if total == 0 {
        return (amount == 0).then(|| vec![0; weights.len()]);
    }
    let amount = i128::from(amount);
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given: i128 = 0;
    for (i, w) in weights.iter().enumerate() {
        let exact = amount * i128::from(*w);
        let share = exact / total;
        given += share;
        shares.push(share);
        remainders.push((exact % total, i));
    }
    // Largest remainder first; ties to the earlier index.
    remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let left = usize::try_from(amount - given).ok()?;
    for &(_, i) in remainders.iter().take(left) {
        shares[i] += 1;
    }
    shares.into_iter().map(|s| i64::try_from(s).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_exactly_and_breaks_ties_by_index() {
        assert_eq!(largest_remainder(1, &[1, 1, 1]), Some(vec![1, 0, 0]));
        assert_eq!(largest_remainder(2, &[1, 1, 1]), Some(vec![1, 1, 0]));
        assert_eq!(largest_remainder(10, &[1, 2, 3, 4]), Some(vec![1, 2, 3, 4]));
        assert_eq!(largest_remainder(7, &[0, 5, 0, 5]), Some(vec![0, 4, 0, 3]));
        assert_eq!(
            largest_remainder(100, &[333, 333, 334]),
            Some(vec![33, 33, 34])
        );
    }

    #[test]
    fn rejects_impossible_inputs() {
        assert_eq!(largest_remainder(-1, &[1]), None);
        assert_eq!(largest_remainder(1, &[-1, 2]), None);
        assert_eq!(largest_remainder(1, &[0, 0]), None);
        assert_eq!(largest_remainder(0, &[0, 0]), Some(vec![0, 0]));
        assert_eq!(largest_remainder(0, &[]), Some(vec![]));
    }

    #[test]
    fn extremes() {
        let shares = largest_remainder(i64::MAX, &[i64::MAX, i64::MAX, 1]).unwrap();
        assert_eq!(
            shares.iter().map(|s| i128::from(*s)).sum::<i128>(),
            i128::from(i64::MAX)
        );
        assert!(shares[2] <= 1);
    }
}
