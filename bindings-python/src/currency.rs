//! Display formatting of minor-unit amounts, from `checkout_rules::currency`.

use pyo3::prelude::*;

/// Formats `amount_minor` (minor units) of `currency` for display: `₹1,234.50`, `¥1,235`,
/// `KD 1.235`. An unknown code prints with two decimals and the code as symbol.
#[pyfunction]
pub fn format_minor_units(amount_minor: i64, currency: &str) -> String {
    checkout_rules::currency::format_minor_units(amount_minor, currency)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(format_minor_units, m)?)
}
