"""checkout_kit: the Razorpay checkout toolkit on a Rust core.

Two doors onto one library, under one set of names:

* ``_uniffi`` — uniffi's generated Python for the whole API (the async ``RazorpayClient``,
  reconciliation, webhook records, checkout options, every record and error class), the same
  API Kotlin and Swift get. The core crates' own records and enums come in uniffi's modules of
  those crates (``checkout_rules``, ``checkout_currency``, ``razorpay_core``), re-exported here under the same
  names as before, so ``checkout_kit.Cart`` is ``checkout_kit.checkout_rules.Cart``.
* ``_native`` — PyO3 functions for the calls a server makes on every request: payment and
  webhook signatures, ``WebhookVerifier``, ``format_minor_units``, and cart validation against a
  ``Catalog`` converted once. They call the Rust crates directly instead of marshalling through
  ctypes, and raise the generated module's own exception classes.

The names below replace the generated ones; everything else is the generated module as is.
"""

import atexit as _atexit
import ctypes as _ctypes

from . import _native
from . import _uniffi, checkout_currency, checkout_rules, razorpay_core
from .checkout_currency import *  # noqa: F401,F403  (the currency records)
from .checkout_rules import *  # noqa: F401,F403  (the cart records)
from .razorpay_core import *  # noqa: F401,F403  (entities, statuses, checkout, reconciliation)
from ._uniffi import *  # noqa: F401,F403  (the whole generated API)

_MODULES = (checkout_currency, checkout_rules, razorpay_core, _uniffi)
__all__ = [name for module in _MODULES for name in module.__all__]

# --- Signatures and webhooks: straight to razorpay-core ------------------------------------
verify_payment_signature = _native.verify_payment_signature
verify_subscription_signature = _native.verify_subscription_signature
verify_payment_link_signature = _native.verify_payment_link_signature
verify_invoice_signature = _native.verify_invoice_signature
verify_webhook_signature = _native.verify_webhook_signature
sign_payment = _native.sign_payment
sign_subscription = _native.sign_subscription
sign_payment_link = _native.sign_payment_link
sign_invoice = _native.sign_invoice
sign_webhook = _native.sign_webhook
hmac_sha256_hex = _native.hmac_sha256_hex
WebhookVerifier = _native.WebhookVerifier

# --- Currency -------------------------------------------------------------------------------
format_minor_units = _native.format_minor_units

# --- Carts: the catalog is converted once, the answers are the generated records ------------
Catalog = _native.Catalog


def _read(converter, data):
    """Reads uniffi's serialised form (bytes from ``_native``) with a generated converter."""
    stream = _uniffi._UniffiRustBufferStream(data, len(data))
    value = converter.read(stream)
    if stream.remaining() != 0:
        raise _uniffi.InternalError("junk data left after reading a serialised record")
    return value


def _policy_bytes(policy):
    """``None``, or the policy in uniffi's serialised form (it is rarely passed and nests
    tables, so the generated converter writes it and Rust reads it with uniffi's own code)."""
    if policy is None:
        return None
    converter = _uniffi._UniffiFfiConverterTypePolicy
    converter.check_lower(policy)
    rbuf = converter.lower(policy)
    try:
        return _ctypes.string_at(rbuf.data, rbuf.len)
    finally:
        rbuf.free()


def validate_cart(cart, catalog, policy=None):
    """Validates a cart against a catalog snapshot and the shop's policy (``None`` for the
    default). Problems come back in the ``CartReport``, never as an error."""
    data = _native.validate_cart(cart, catalog, _policy_bytes(policy))
    return _read(checkout_rules._UniffiFfiConverterTypeCartReport, data)


def plan_checkout(cart, catalog, policy=None):
    """Validates the cart and, when nothing blocks, returns the ``CheckoutPlan``; otherwise
    raises ``CartError.NotReady`` carrying the report."""
    ready, data = _native.plan_checkout(cart, catalog, _policy_bytes(policy))
    if ready:
        return _read(checkout_rules._UniffiFfiConverterTypeCheckoutPlan, data)
    report = _read(checkout_rules._UniffiFfiConverterTypeCartReport, data)
    raise CartError.NotReady(code="CART_NOT_READY", report=report)  # noqa: F405


def validate_carts(carts, catalog, policy=None):
    """Validates many carts against one catalog snapshot; reports come back in order."""
    data = _native.validate_carts(carts, catalog, _policy_bytes(policy))
    return _read(_uniffi._UniffiFfiConverterSequenceTypeCartReport, data)


# --- Exit guard (issue 15): no Rust thread enters a finalising interpreter ------------------
_unguarded_continuation = _uniffi._uniffi_continuation_callback
_uniffi._uniffi_continuation_callback = _uniffi._UNIFFI_RUST_FUTURE_CONTINUATION_CALLBACK(
    _native.exit_guard.install(_ctypes.cast(_unguarded_continuation, _ctypes.c_void_p).value)
)
_atexit.register(_native.exit_guard.close)
