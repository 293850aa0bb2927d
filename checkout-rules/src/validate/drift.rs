//! Price drift between the price the shopper saw and the catalog price.

use super::saturate;
use crate::{PriceTolerance, ProblemCode, Severity};

pub(super) struct Drift {
    pub code: ProblemCode,
    pub severity: Severity,
    pub difference: i64,
    pub difference_bps: Option<i64>,
}

/// Compare a line's seen price with the current price; `None` when they are equal.
pub(super) fn check(
    seen: i64,
    current: i64,
    increase: &PriceTolerance,
    decrease: &PriceTolerance,
) -> Option<Drift> {
    // i128: the difference of two i64 prices can exceed i64.
    let difference = i128::from(current) - i128::from(seen);
    if difference == 0 {
        return None;
    }
    let (code, tolerance) = if difference > 0 {
        (ProblemCode::PriceIncreased, increase)
    } else {
        (ProblemCode::PriceDecreased, decrease)
    };
    let magnitude = difference.unsigned_abs();
    let severity = if within(tolerance, magnitude, seen) {
        Severity::Warning
    } else {
        Severity::Blocking
    };
    let difference_bps = (seen > 0)
        .then(|| difference * 10_000 / i128::from(seen))
        .map(saturate);
    Some(Drift {
        code,
        severity,
        difference: saturate(difference),
        difference_bps,
    })
}

/// Within every limit that is set; exact integer comparison, no rounding.
fn within(tolerance: &PriceTolerance, magnitude: u128, seen: i64) -> bool {
    let absolute_ok = tolerance
        .absolute
        .is_none_or(|a| magnitude <= u128::from(a.max(0).unsigned_abs()));
    let bps_ok = tolerance.basis_points.is_none_or(|bps| {
        // A relative limit on a non-positive seen price cannot be met.
        seen > 0
            && magnitude * 10_000
                <= u128::from(bps.max(0).unsigned_abs()) * u128::from(seen.unsigned_abs())
    });
    absolute_ok && bps_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_limits_must_hold() {
        let tol = PriceTolerance {
            absolute: Some(500),
            basis_points: Some(100),
        };
        // +400 on 100 000 is 40 bp and within 500: warning.
        let d = check(100_000, 100_400, &tol, &tol).unwrap();
        assert_eq!(
            (d.severity, d.difference, d.difference_bps),
            (Severity::Warning, 400, Some(40))
        );
        // +400 on 10 000 is 400 bp: beyond 100 bp.
        assert_eq!(
            check(10_000, 10_400, &tol, &tol).unwrap().severity,
            Severity::Blocking
        );
        // +600 on 1 000 000 is 6 bp but beyond 500 absolute.
        assert_eq!(
            check(1_000_000, 1_000_600, &tol, &tol).unwrap().severity,
            Severity::Blocking
        );
    }

    #[test]
    fn extremes_do_not_overflow() {
        let d = check(
            i64::MIN,
            i64::MAX,
            &PriceTolerance::ZERO,
            &PriceTolerance::ZERO,
        )
        .unwrap();
        assert_eq!((d.difference, d.difference_bps), (i64::MAX, None));
        let d = check(
            1,
            i64::MAX,
            &PriceTolerance::basis_points(i64::MAX),
            &PriceTolerance::ZERO,
        )
        .unwrap();
        assert_eq!(d.difference_bps, Some(i64::MAX));
        assert_eq!(d.severity, Severity::Blocking);
        assert!(check(5, 5, &PriceTolerance::ZERO, &PriceTolerance::ZERO).is_none());
    }
}
