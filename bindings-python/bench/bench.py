#!/usr/bin/env python3
"""checkout_kit beside the official `razorpay` package, in one process: medians and ratios.

    python bindings-python/bench/bench.py [--rust-ns N]

Needs `checkout_kit` (the wheel, built with `maturin build --release`) and `razorpay` from PyPI
installed in the running interpreter. Each figure is the median of 15 samples; a sample times
enough calls to last at least 20 ms. The "uniffi" rows call the generated module directly —
the call path Python had before the PyO3 fast paths — for the before/after comparison.

The cart row is one 50-line cart against a 100 000-product catalog, built exactly as
checkout-rules' criterion bench builds it (same generator, same seed), so the Rust figure is
comparable: pass it with `--rust-ns`, or run

    cargo bench -p checkout-rules --bench validate -- "validate_cart \\(scans"

first and this script reads the median from target/criterion.
"""

import argparse
import json
import os
import pathlib
import statistics
import time

import checkout_kit as ck
import razorpay

SAMPLES = 15
MIN_SAMPLE_S = 0.02
ROOT = pathlib.Path(__file__).resolve().parents[2]


def median_ns(call):
    """Median time of one `call()` in nanoseconds."""
    n = 1
    while True:  # calibrate: calls per sample
        start = time.perf_counter()
        for _ in range(n):
            call()
        if time.perf_counter() - start >= MIN_SAMPLE_S:
            break
        n *= 2
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        for _ in range(n):
            call()
        samples.append((time.perf_counter() - start) / n * 1e9)
    return statistics.median(samples)


def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns < 1e6 else f"{ns / 1e6:.2f} ms"


def webhook_body(size=1400):
    """A payment.captured webhook padded (in `notes`) to `size` bytes."""
    event = {
        "entity": "event",
        "account_id": "acc_BFQ7uQEaa7j2z7",
        "event": "payment.captured",
        "contains": ["payment"],
        "payload": {
            "payment": {
                "entity": {
                    "id": "pay_DESlfW9H8K9uqM", "entity": "payment", "amount": 100, "currency": "INR",
                    "status": "captured", "order_id": "order_DESlLckIVRkHWj", "method": "upi",
                    "captured": True, "email": "gaurav.kumar@example.com", "contact": "+919876543210",
                    "fee": 2, "tax": 0, "created_at": 1567674599, "notes": {"pad": ""},
                }
            }
        },
        "created_at": 1567674606,
    }
    base = len(json.dumps(event, separators=(",", ":")))
    event["payload"]["payment"]["entity"]["notes"]["pad"] = "x" * (size - base)
    body = json.dumps(event, separators=(",", ":"))
    assert len(body) == size
    return body


class Lcg:
    """checkout-rules/benches/validate.rs's generator, bit for bit."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % bound


def price(i):
    return 10_000 + (i % 997) * 100


def catalog_items(products=100_000, record=ck.CatalogItem):
    return [
        record(
            product_id=f"prod_{i:06}", unit_price=price(i), currency="INR",
            stock_on_hand=0 if i % 10 == 0 else 5 + i % 40,
            active=i % 50 != 0, max_quantity=5 if i % 7 == 0 else None,
        )
        for i in range(products)
    ]


def cart(lines=50, products=100_000):
    rng = Lcg(7)
    out = []
    for l in range(lines):
        p = rng.next(products)
        seen = price(p) - 500 if rng.next(8) == 0 else price(p)
        quantity = 1 + rng.next(6)
        out.append(ck.CartLine(line_id=f"line_{l}", product_id=f"prod_{p:06}", quantity=quantity, unit_price=seen))
    return ck.Cart(currency="INR", lines=out)


def rust_figure(given):
    if given:
        return given
    estimates = ROOT / os.environ.get("CARGO_TARGET_DIR", "target") / "criterion"
    for path in estimates.glob("*/validate_cart (scans the catalog)/new/estimates.json"):
        return json.loads(path.read_text())["median"]["point_estimate"]
    return None


def main():
    p = argparse.ArgumentParser(description="checkout_kit vs the official razorpay package")
    p.add_argument("--rust-ns", type=float, help="Rust validate_cart median (ns) to compare with")
    args = p.parse_args()

    secret, key_secret = "whsec_bench_0123456789", "key_secret_bench_0123"
    official = razorpay.Client(auth=("rzp_test_bench", key_secret)).utility
    body = webhook_body()
    raw = body.encode()
    sig = ck.sign_webhook(raw, secret)
    verifier = ck.WebhookVerifier([secret])
    uniffi_verifier = ck._uniffi.WebhookVerifier([secret])
    pay_sig = ck.sign_payment("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM", key_secret)
    params = {"razorpay_order_id": "order_DESlLckIVRkHWj", "razorpay_payment_id": "pay_DESlfW9H8K9uqM",
              "razorpay_signature": pay_sig}

    rows = []  # (what, checkout_kit ns, official ns or None, uniffi ns or None)
    off = median_ns(lambda: official.verify_webhook_signature(body, sig, secret))
    rows.append(("webhook verify, 1.4 KB: WebhookVerifier.verify", median_ns(lambda: verifier.verify(raw, sig)), off,
                 median_ns(lambda: uniffi_verifier.verify(raw, sig))))
    rows.append(("webhook verify, 1.4 KB str body (the official call's input): WebhookVerifier.verify",
                 median_ns(lambda: verifier.verify(body, sig)), off, None))
    rows.append(("webhook verify, 1.4 KB: verify_webhook_signature", median_ns(lambda: ck.verify_webhook_signature(raw, sig, secret)), off,
                 median_ns(lambda: ck._uniffi.verify_webhook_signature(raw, sig, secret))))
    rows.append(("verify_payment_signature",
                 median_ns(lambda: ck.verify_payment_signature("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM", pay_sig, key_secret)),
                 median_ns(lambda: official.verify_payment_signature(params)),
                 median_ns(lambda: ck._uniffi.verify_payment_signature("order_DESlLckIVRkHWj", "pay_DESlfW9H8K9uqM", pay_sig, key_secret))))
    rows.append(("trivial call: format_minor_units(12345, \"INR\")", median_ns(lambda: ck.format_minor_units(12345, "INR")), None,
                 median_ns(lambda: ck._uniffi.format_minor_units(12345, "INR"))))

    the_cart = cart()
    items = catalog_items()
    start = time.perf_counter()
    catalog = ck.Catalog(items=items)
    build_ns = (time.perf_counter() - start) * 1e9
    ours = median_ns(lambda: ck.validate_cart(the_cart, catalog))
    uniffi_catalog = ck.checkout_rules.Catalog(items=catalog_items(record=ck.checkout_rules.CatalogItem))
    uniffi_cart = ck.checkout_rules.Cart(currency="INR", lines=the_cart.lines, id=None, order_discount=0)
    start = time.perf_counter()
    for _ in range(3):
        ck._uniffi.validate_cart(uniffi_cart, uniffi_catalog, None)
    uniffi_cart_ns = (time.perf_counter() - start) / 3 * 1e9
    rows.append(("validate_cart, 50 lines vs 100k catalog", ours, None, uniffi_cart_ns))

    print(f"| call | checkout_kit | official razorpay {razorpay.VERSION if hasattr(razorpay, 'VERSION') else ''} | ratio | uniffi path (before) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for what, mine, theirs, before in rows:
        ratio = f"{theirs / mine:.1f}x faster" if theirs else "—"
        print(f"| {what} | {fmt(mine)} | {fmt(theirs) if theirs else '—'} | {ratio} | {fmt(before) if before else '—'} |")
    print(f"\nCatalog(items=…) of 100 000 items, converted once: {fmt(build_ns)}")
    rust = rust_figure(args.rust_ns)
    if rust:
        print(f"validate_cart: Python {fmt(ours)} vs Rust {fmt(rust)} (criterion median): {ours / rust:.2f}x the Rust time")
    else:
        print("validate_cart: no Rust figure (run the cargo bench above, or pass --rust-ns)")


if __name__ == "__main__":
    main()
