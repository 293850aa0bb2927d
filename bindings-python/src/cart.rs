//! Cart validation and the checkout plan against a catalog converted once.
//!
//! The cost of validating from Python is never the rules: it is moving the catalog across the
//! boundary. uniffi lowers a 100 000-item `Catalog` record field by field on *every* call; here
//! `checkout_kit.Catalog(items=[…])` converts the snapshot once into `checkout_rules::Catalog`
//! and keeps it, so `validate_cart` only converts the cart (a few lines) and runs the rules.
//!
//! The inputs are read straight into `checkout_rules` types. The answers (reports, plans) leave
//! as uniffi's serialised form of the record types `bindings-uniffi` exports, and
//! `checkout_kit/__init__.py` reads them with the generated converters, so Python receives the
//! very `CartReport` / `CheckoutPlan` records the generated module defines (equality, repr and
//! fields included): checkout-rules' own types, which derive their uniffi shapes themselves
//! (its `uniffi` feature; Python's module `checkout_kit.checkout_rules`).

use checkout_rules as rules;
use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::errors::{UNIFFI_MODULE, uniffi_error};

/// The uniffi record types whose serialised form crosses back to Python, and the one record
/// (the policy, rarely passed and with nested tables) that comes in serialised.
mod wire {
    pub(super) use checkout_kit::UniFfiTag as Tag;
    // The report and plan are checkout-rules' own (derived there); these two are the binding's.
    pub(super) use checkout_kit::cart::{CartError, Policy};
}

/// `e` as the generated `CartError.<Variant>` (with checkout-currency's `CurrencyError` inside
/// `InvalidPolicy`), exactly what the uniffi door raises.
fn cart_error(py: Python<'_>, e: wire::CartError) -> PyErr {
    uniffi_error(py, UNIFFI_MODULE, "CartError", e)
}

/// uniffi's serialised form of `value` (what the generated `_UniffiConverter….read` reads).
fn serialised<'py, T: uniffi::Lower<wire::Tag>>(py: Python<'py>, value: T) -> Bound<'py, PyBytes> {
    let mut buf = Vec::new();
    T::write(value, &mut buf);
    PyBytes::new(py, &buf)
}

/// The policy: `None` for the default, else the generated converter's serialised `Policy`.
fn policy(py: Python<'_>, serialised: Option<&[u8]>) -> PyResult<rules::Policy> {
    let Some(mut bytes) = serialised else {
        return Ok(rules::Policy::default());
    };
    let record = <wire::Policy as uniffi::Lift<wire::Tag>>::try_read(&mut bytes)
        .map_err(|e| PyTypeError::new_err(format!("policy: {e}")))?;
    record.try_into().map_err(|e| cart_error(py, e))
}

fn item(value: &Bound<'_, PyAny>) -> PyResult<rules::CatalogItem> {
    let py = value.py();
    let product_id: String = value.getattr(intern!(py, "product_id"))?.extract()?;
    let variant_id: Option<String> = value.getattr(intern!(py, "variant_id"))?.extract()?;
    let exists: bool = value.getattr(intern!(py, "exists"))?.extract()?;
    let active: bool = value.getattr(intern!(py, "active"))?.extract()?;
    let unit_price: i64 = value.getattr(intern!(py, "unit_price"))?.extract()?;
    let currency: String = value.getattr(intern!(py, "currency"))?.extract()?;
    let stock_on_hand: i64 = value.getattr(intern!(py, "stock_on_hand"))?.extract()?;
    // `CatalogItem` is `#[non_exhaustive]`: built with its constructor and builders.
    let mut item = rules::CatalogItem::new(product_id, unit_price, currency, stock_on_hand)
        .exists(exists)
        .active(active)
        .track_stock(value.getattr(intern!(py, "track_stock"))?.extract()?)
        .allow_backorder(value.getattr(intern!(py, "allow_backorder"))?.extract()?)
        .min_quantity(
            value
                .getattr(intern!(py, "min_quantity"))?
                .extract::<Option<i64>>()?,
        )
        .max_quantity(
            value
                .getattr(intern!(py, "max_quantity"))?
                .extract::<Option<i64>>()?,
        )
        .quantity_step(
            value
                .getattr(intern!(py, "quantity_step"))?
                .extract::<Option<i64>>()?,
        );
    item.variant_id = variant_id;
    Ok(item)
}

fn line(value: &Bound<'_, PyAny>) -> PyResult<rules::CartLine> {
    let py = value.py();
    let line_id: String = value.getattr(intern!(py, "line_id"))?.extract()?;
    let product_id: String = value.getattr(intern!(py, "product_id"))?.extract()?;
    let variant_id: Option<String> = value.getattr(intern!(py, "variant_id"))?.extract()?;
    let quantity: i64 = value.getattr(intern!(py, "quantity"))?.extract()?;
    let unit_price: i64 = value.getattr(intern!(py, "unit_price"))?.extract()?;
    let mut line = rules::CartLine::new(line_id, product_id, quantity, unit_price);
    line.variant_id = variant_id;
    Ok(line)
}

/// A `checkout_kit.Cart` record (or anything with its fields) as a `checkout_rules::Cart`.
fn cart(value: &Bound<'_, PyAny>) -> PyResult<rules::Cart> {
    let py = value.py();
    let lines = value.getattr(intern!(py, "lines"))?;
    let lines = lines
        .try_iter()?
        .map(|l| line(&l?))
        .collect::<PyResult<Vec<_>>>()?;
    let id: Option<String> = value.getattr(intern!(py, "id"))?.extract()?;
    let currency: String = value.getattr(intern!(py, "currency"))?.extract()?;
    let order_discount: i64 = value.getattr(intern!(py, "order_discount"))?.extract()?;
    let mut cart = rules::Cart::new(currency)
        .lines(lines)
        .order_discount(order_discount);
    cart.id = id;
    Ok(cart)
}

/// A snapshot of the products carts refer to, converted once when it is built. Immutable: build
/// a new one when the shop's catalog changes.
#[pyclass(frozen, name = "Catalog", module = "checkout_kit")]
pub struct Catalog {
    inner: rules::Catalog,
    /// The `CatalogItem` records it was built from, for `catalog.items`.
    items: Py<PyList>,
}

#[pymethods]
impl Catalog {
    /// Converts `items` (an iterable of `checkout_kit.CatalogItem`).
    #[new]
    fn new(items: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = items.py();
        let kept = PyList::empty(py);
        let mut converted = Vec::new();
        for value in items.try_iter()? {
            let value = value?;
            converted.push(item(&value)?);
            kept.append(value)?;
        }
        Ok(Self {
            inner: rules::Catalog::new(converted),
            items: kept.unbind(),
        })
    }

    /// The items, in the order given (a new list each time: the catalog itself never changes).
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.items.bind(py).iter())
    }

    fn __len__(&self) -> usize {
        self.inner.items.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Catalog>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        format!("Catalog(<{} items>)", self.inner.items.len())
    }
}

/// The converted catalog: a `Catalog` as is, anything else with `items` converted now (slow,
/// for callers that built the generated record type directly).
fn with_catalog<T>(
    value: &Bound<'_, PyAny>,
    run: impl FnOnce(&rules::Catalog) -> PyResult<T>,
) -> PyResult<T> {
    if let Ok(native) = value.cast::<Catalog>() {
        return run(&native.get().inner);
    }
    let items = value.getattr(intern!(value.py(), "items"))?;
    let converted = Catalog::new(&items)?;
    run(&converted.inner)
}

/// Validates a cart; returns the serialised `CartReport`.
#[pyfunction]
#[pyo3(signature = (cart, catalog, policy=None))]
pub fn validate_cart<'py>(
    py: Python<'py>,
    cart: &Bound<'py, PyAny>,
    catalog: &Bound<'py, PyAny>,
    policy: Option<&[u8]>,
) -> PyResult<Bound<'py, PyBytes>> {
    let cart = self::cart(cart)?;
    let policy = self::policy(py, policy)?;
    let report = with_catalog(catalog, |c| {
        Ok(py.detach(|| rules::validate_cart(&cart, c, &policy)))
    })?;
    Ok(serialised(py, report))
}

/// Plans a checkout; returns `(True, serialised CheckoutPlan)` or `(False, serialised
/// CartReport)` when something blocks (`__init__.py` raises `CartError.NotReady` with it).
// `checkout_rules::plan_checkout` returns the whole report as its error: it is the answer.
#[allow(clippy::result_large_err)]
#[pyfunction]
#[pyo3(signature = (cart, catalog, policy=None))]
pub fn plan_checkout<'py>(
    py: Python<'py>,
    cart: &Bound<'py, PyAny>,
    catalog: &Bound<'py, PyAny>,
    policy: Option<&[u8]>,
) -> PyResult<(bool, Bound<'py, PyBytes>)> {
    let cart = self::cart(cart)?;
    let policy = self::policy(py, policy)?;
    let planned = with_catalog(catalog, |c| {
        Ok(py.detach(|| rules::plan_checkout(&cart, c, &policy)))
    })?;
    Ok(match planned {
        Ok(plan) => (true, serialised(py, plan)),
        Err(report) => (false, serialised(py, report)),
    })
}

/// Validates many carts against one catalog; returns the serialised `list[CartReport]`.
#[pyfunction]
#[pyo3(signature = (carts, catalog, policy=None))]
pub fn validate_carts<'py>(
    py: Python<'py>,
    carts: &Bound<'py, PyAny>,
    catalog: &Bound<'py, PyAny>,
    policy: Option<&[u8]>,
) -> PyResult<Bound<'py, PyBytes>> {
    let carts = carts
        .try_iter()?
        .map(|c| cart(&c?))
        .collect::<PyResult<Vec<_>>>()?;
    let policy = self::policy(py, policy)?;
    let reports = with_catalog(catalog, |c| {
        Ok(py.detach(|| rules::validate_carts(&carts, c, &policy)))
    })?;
    Ok(serialised(py, reports))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Catalog>()?;
    m.add_function(wrap_pyfunction!(validate_cart, m)?)?;
    m.add_function(wrap_pyfunction!(plan_checkout, m)?)?;
    m.add_function(wrap_pyfunction!(validate_carts, m)?)?;
    Ok(())
}
