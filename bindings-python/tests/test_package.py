"""The package under test is the installed wheel, and its two doors are one library."""

import pathlib
import sys

import checkout_kit as ck


def test_imported_from_the_installed_package_not_the_source_tree():
    here = pathlib.Path(ck.__file__).resolve()
    assert "site-packages" in here.parts, here
    native = pathlib.Path(ck._native.__file__).resolve()
    assert native.parent == here.parent and native.name.startswith("_native."), native


def test_fast_paths_keep_the_public_names():
    # The hot calls are the PyO3 functions; the rest is uniffi's generated module.
    for name in ("verify_payment_signature", "verify_webhook_signature", "sign_webhook", "format_minor_units"):
        assert getattr(ck, name) is getattr(ck._native, name)
    assert ck.WebhookVerifier is ck._native.WebhookVerifier
    assert ck.Catalog is ck._native.Catalog
    assert ck.RazorpayClient is ck._uniffi.RazorpayClient
    assert set(ck.__all__) >= {"validate_cart", "Catalog", "WebhookVerifier", "RazorpayClient"}


def test_verifier_repr_never_shows_a_secret():
    assert "s3cr3t" not in repr(ck.WebhookVerifier(["s3cr3t"]))


def test_catalog_is_a_converted_snapshot():
    items = [ck.CatalogItem(product_id="tea", unit_price=100, currency="INR", stock_on_hand=5)]
    catalog = ck.Catalog(items=items)
    items.append(ck.CatalogItem(product_id="mug", unit_price=100, currency="INR", stock_on_hand=5))
    assert len(catalog) == 1 and catalog.items == items[:1]
    assert catalog == ck.Catalog(items=items[:1]) and catalog != ck.Catalog(items=items)
    # A generated `Catalog` record still works (converted on that call).
    generated = ck.checkout_rules.Catalog(items=items[:1])
    cart = ck.Cart(currency="INR", lines=[ck.CartLine(line_id="l1", product_id="tea", quantity=1, unit_price=100)])
    assert ck.validate_cart(cart, generated) == ck.validate_cart(cart, catalog)


def test_bytes_like_bodies_are_accepted_like_before():
    body = b'{"entity":"event"}'
    sig = ck.sign_webhook(body, "whsec")
    for view in (bytearray(body), memoryview(body)):
        assert ck.sign_webhook(view, "whsec") == sig
        ck.verify_webhook_signature(view, sig, "whsec")
        ck.WebhookVerifier(["whsec"]).verify(view, sig)


def test_python_version_is_supported():
    assert sys.version_info >= (3, 9)
