"""Hostile input gets a typed error, never a panic (which uniffi would surface as
InternalError) or a crash: random bytes and mangled JSON through every parsing entry point."""

import json
import random

import checkout_kit as ck

SEED_BODY = (
    b'{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],'
    b'"payload":{"payment":{"entity":{"id":"pay_A","entity":"payment","amount":50000,"currency":"INR",'
    b'"status":"captured","order_id":"order_A","captured":true,"notes":[]}}},"created_at":1700000000}'
)


def mutations(seed, count=300):
    rng = random.Random(seed)
    for _ in range(count):
        data = bytearray(SEED_BODY)
        for _ in range(rng.randint(1, 8)):
            op = rng.random()
            pos = rng.randrange(len(data))
            if op < 0.4:
                data[pos] = rng.randrange(256)
            elif op < 0.7:
                del data[pos : pos + rng.randint(1, 20)]
            else:
                data[pos:pos] = rng.choice([b"{", b"}", b"[", b'"', b"null", b"-1", b"9" * 25, b"\xff\xfe"])
        yield bytes(data)


def test_webhook_entry_points_only_raise_typed_errors():
    verifier = ck.WebhookVerifier(["whsec"])
    state = ck.create_payment_state("order_A", 50000, "INR")
    for body in mutations(1):
        try:
            event = verifier.construct_event(body, ck.sign_webhook(body, "whsec") if body else "0" * 64)
        except (ck.WebhookError, ck.SignatureError):
            continue
        try:
            ck.apply_webhook(state, "evt", event)
        except ck.ReconcileError:
            pass


def test_json_entry_points_only_raise_typed_errors():
    rng = random.Random(2)
    cart = json.dumps({"currency": "INR", "lines": [{"lineId": "l1", "productId": "p", "quantity": 1, "unitPrice": 100}]})
    catalog = json.dumps({"items": [{"productId": "p", "unitPrice": 100, "currency": "INR", "stockOnHand": 5}]})
    state = ck.create_payment_state("order_A", 50000, "INR")
    for body in mutations(3, 200):
        text = body.decode("utf-8", errors="replace")
        for call, errors in (
            (lambda: ck.validate_cart_json(text, catalog), ck.CartError),
            (lambda: ck.validate_cart_json(cart, text), ck.CartError),
            (lambda: ck.apply_payment_event_json(state, text), ck.ReconcileError),
            (lambda: ck.apply_payment_event_json(text, '{"type":"abandoned","at":1}'), ck.ReconcileError),
            (lambda: ck.parse_checkout_result(text), ck.CheckoutOptionsError),
            (lambda: ck.parse_unverified_webhook_event(body), ck.WebhookError),
        ):
            try:
                call()
            except errors:
                pass
    # Extreme numbers are typed problems or errors too.
    for amount in (0, -1, 2**63 - 1, -(2**63)):
        big = json.dumps({"currency": "INR", "lines": [{"lineId": "l", "productId": "p", "quantity": amount, "unitPrice": amount}]})
        report = json.loads(ck.validate_cart_json(big, catalog))
        assert report["isValid"] is False  # zero, negative or unpayable: never a valid cart
        assert ck.format_minor_units(amount, rng.choice(["INR", "JPY", "KWD", "XYZ"]))
