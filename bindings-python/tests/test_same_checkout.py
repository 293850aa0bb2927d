"""The checkout of docs/api-conventions.md ("The same checkout in four languages"), in Python:
validate, plan, verify the callback, construct the webhook event, apply. tests/readme.rs checks
that the doc's block is an excerpt of this file."""

import json

import checkout_kit as ck

ORDER = "order_DESlLckIVRkHWj"
PAYMENT = "pay_DESlfW9H8K9uqM"


def test_the_same_checkout():
    key_secret = "key_secret"
    webhook_secret = "whsec_1"
    body = json.dumps({
        "entity": "event", "account_id": "acc_1", "event": "payment.captured", "contains": ["payment"],
        "payload": {"payment": {"entity": {"id": PAYMENT, "entity": "payment", "amount": 55000, "currency": "INR",
                                           "status": "captured", "order_id": ORDER, "captured": True, "notes": []}}},
        "created_at": 1700000000,
    }).encode()
    webhook_signature = ck.sign_webhook(body, webhook_secret)
    razorpay_signature = ck.sign_payment(ORDER, PAYMENT, key_secret)

    # 1. Validate the cart: problems are data, not errors.
    cart = ck.Cart(currency="INR", lines=[ck.CartLine(line_id="l1", product_id="tea", quantity=2, unit_price=27500)])
    catalog = ck.Catalog(items=[ck.CatalogItem(product_id="tea", unit_price=27500, currency="INR", stock_on_hand=40)])
    report = ck.validate_cart(cart, catalog)
    assert report.is_valid

    # 2. Plan the order: the amount to create the Razorpay order with.
    plan = ck.plan_checkout(cart, catalog)
    assert plan.total == 55000

    # 3. Verify the checkout callback: a forged signature raises SignatureError.
    ck.verify_payment_signature(ORDER, PAYMENT, razorpay_signature, key_secret)

    # 4. Construct the webhook event: only a verified body becomes an event.
    event = ck.WebhookVerifier([webhook_secret]).construct_event(body, webhook_signature)
    assert event.event == "payment.captured"

    # 5. Apply both to the order's payment state, in any order.
    #    Reconciliation takes only verified input: the event, or the callback with its signature.
    state = ck.create_payment_state(ORDER, plan.total, "INR")
    authorized = ck.apply_callback(state, ORDER, PAYMENT, razorpay_signature, key_secret)
    paid = ck.apply_webhook(authorized.state_json, "evt_1", event)
    assert paid.status == ck.PaymentOrderStatus.PAID
